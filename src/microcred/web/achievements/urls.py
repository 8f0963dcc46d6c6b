from django.urls import path, re_path

from microcred.web.achievements import views

app_name = "achievements"

urlpatterns = [
    path("contexts/eu/v1", views.eu_context, name="eu_context"),
    path("o/<slug:org>/achievements/", views.achievement_list, name="list"),
    path("o/<slug:org>/achievements/new/", views.create, name="create"),
    path("o/<slug:org>/achievements/preview/", views.preview, name="preview"),
    path("o/<slug:org>/achievements/<uuid:achievement>", views.detail, name="detail"),
    path("o/<slug:org>/achievements/<uuid:achievement>/edit/", views.edit, name="edit"),
    path("o/<slug:org>/achievements/<uuid:achievement>/delete/", views.delete, name="delete"),
    path("o/<slug:org>/achievements/<uuid:achievement>/archive/", views.archive, name="archive"),
    path("o/<slug:org>/achievements/<uuid:achievement>/restore/", views.restore, name="restore"),
    re_path(
        r"^o/(?P<org>[-a-zA-Z0-9_]+)/achievements/(?P<achievement>[0-9a-f-]{36})"
        r"/images/(?P<version>[0-9a-f]{12})\.(?P<extension>svg|png)$",
        views.image,
        name="image",
    ),
]
