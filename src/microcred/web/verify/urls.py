from django.urls import path

from microcred.web.verify import views

app_name = "verify"

urlpatterns = [path("verify", views.page, name="page")]
