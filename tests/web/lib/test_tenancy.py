"""organization_member(): the organization from the URL, 404 for outsiders, 403 below the role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from microcred.web.identity.models import SigningKey
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped
from microcred.web.organizations.models import Role

pytestmark = pytest.mark.django_db


@organization_member(Role.ISSUER)
def issuer_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"{request.organization.slug} as {request.membership.role}")


def request_as(user) -> HttpRequest:
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_a_member_with_the_role_gets_the_page_with_the_organization(make_organization) -> None:
    organization = make_organization("Akademie")
    owner = organization.memberships.get().user
    assert issuer_page(request_as(owner), org="akademie").content == b"akademie as owner"


def test_a_member_below_the_role_is_forbidden(make_organization, make_user, add_member) -> None:
    organization = make_organization("Akademie")
    viewer = make_user()
    add_member(organization, viewer, Role.VIEWER)
    with pytest.raises(PermissionDenied):
        issuer_page(request_as(viewer), org="akademie")


def test_an_outsider_cannot_tell_the_organization_exists(make_organization, make_user) -> None:
    make_organization("Akademie")
    outsider = make_user()
    for slug in ("akademie", "does-not-exist"):
        with pytest.raises(Http404):
            issuer_page(request_as(outsider), org=slug)


def test_an_anonymous_visitor_is_sent_to_log_in(make_organization) -> None:
    make_organization("Akademie")
    response = issuer_page(request_as(AnonymousUser()), org="akademie")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_scoped_queries_see_only_the_request_organization(make_organization) -> None:
    ours, theirs = make_organization("Ours"), make_organization("Theirs")
    request = request_as(ours.memberships.get().user)
    request.organization = ours
    assert set(scoped(SigningKey.objects.all(), request)) == set(ours.signing_keys.all())
    their_key = theirs.signing_keys.get()
    with pytest.raises(Http404):
        get_scoped_or_404(SigningKey.objects.all(), request, pk=their_key.pk)
