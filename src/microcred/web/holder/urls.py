from django.urls import path

from microcred.web.holder import views

app_name = "holder"

urlpatterns = [
    path("claim/<str:token>", views.claim, name="claim"),
]
