"""URLs of the instance. Organization pages live under ``/o/<slug>/`` (see lib/tenancy.py)."""

from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("microcred.web.front.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("microcred.web.accounts.urls")),
    path("", include("microcred.web.organizations.urls")),
    path("", include("microcred.web.identity.urls")),
    path("", include("microcred.web.audit.urls")),
    path("", include("microcred.web.achievements.urls")),
    path("", include("microcred.web.statuslists.urls")),
    path("", include("microcred.web.credentials.urls")),
    path("", include("microcred.web.verify.urls")),
    path("", include("microcred.web.vcapi.urls")),
    path("", include("microcred.web.vcapi.api_urls")),
    path("", include("microcred.web.holder.urls")),
    path("", include("microcred.web.certificates.urls")),
    path("", include("microcred.web.sharing.urls")),
    path("", include("microcred.web.delivery.urls")),
    path("", include("microcred.web.engagement.urls")),
]
