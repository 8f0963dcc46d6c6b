from django.urls import path

from microcred.web.audit import views

app_name = "audit"

urlpatterns = [path("o/<slug:org>/audit/", views.events, name="events")]
