from django.urls import path

from microcred.web.credentials import issue_views, public_views, views

app_name = "credentials"

urlpatterns = [
    path("c/<uuid:credential>", public_views.public, name="public"),
    path("c/<uuid:credential>/credential.json", public_views.download_json, name="json"),
    path("c/<uuid:credential>/credential.jwt", public_views.download_jwt, name="jwt"),
    path("c/<uuid:credential>/badge.png", public_views.download_png, name="png"),
    path("c/<uuid:credential>/badge.svg", public_views.download_svg, name="svg"),
    path("c/<uuid:credential>/image.png", public_views.badge_image, name="image"),
    path("o/<slug:org>/credentials/", views.credential_list, name="list"),
    path("o/<slug:org>/credentials/settings/", views.issuing_settings_page, name="settings"),
    path("o/<slug:org>/credentials/new/", issue_views.choose, name="choose"),
    path("o/<slug:org>/achievements/<uuid:achievement>/issue/", issue_views.issue, name="issue"),
    path("o/<slug:org>/credentials/<uuid:credential>/", views.detail, name="detail"),
    path("o/<slug:org>/credentials/<uuid:credential>/revoke/", views.revoke, name="revoke"),
    path("o/<slug:org>/credentials/<uuid:credential>/suspend/", views.suspend, name="suspend"),
    path(
        "o/<slug:org>/credentials/<uuid:credential>/unsuspend/",
        views.unsuspend,
        name="unsuspend",
    ),
]
