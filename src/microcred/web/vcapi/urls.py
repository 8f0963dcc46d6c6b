from django.urls import path

from microcred.web.vcapi import views

app_name = "vcapi"

urlpatterns = [
    path("o/<slug:org>/api-tokens/", views.tokens, name="tokens"),
    path("o/<slug:org>/api-tokens/<int:token_id>/revoke/", views.revoke, name="revoke"),
]
