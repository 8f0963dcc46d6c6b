"""The VC API at the root of the instance: /credentials/issue, /credentials/verify, ..."""

from django.urls import path

from microcred.web.vcapi.api import api

urlpatterns = [path("", api.urls)]
