from django.urls import path

from microcred.web.identity import views

app_name = "identity"

urlpatterns = [
    path("o/<slug:org>/did.json", views.document, name="document"),
    path("o/<slug:org>/identity/", views.settings_page, name="settings"),
    path("o/<slug:org>/identity/rotate/", views.rotate, name="rotate"),
]
