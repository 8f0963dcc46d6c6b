from django.urls import path

from microcred.web.front import views

app_name = "front"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
]
