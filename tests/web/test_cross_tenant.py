"""No organization sees another's pages or objects: every URL of the app, walked as an outsider.

Each URL pattern is filled with a second organization's slug and object ids and requested
(GET and POST) by an owner of a first organization: the answer must be 404 or 403. The
same ids under the first organization's own slug must be 404 too. Public pages are listed
in PUBLIC with the reason they are public; a pattern with an argument this test does not
know fails the test, so every new app extends OBJECTS below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from microcred.web.organizations.models import Invitation, Role
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db

# Pages anyone may see, by design.
PUBLIC = {
    "identity:document": "the DID document must be public for did:web resolution",
    "organizations:logo": "the logo is part of the public issuer profile",
    "achievements:detail": "an issued badge's id URL; unissued ones 404 (tests/web/achievements)",
    "achievements:image": "badge images are part of public credentials",
    "statuslists:list": "status lists are public so that any verifier can check revocation",
}
# Patterns outside /o/<org>/ that take no organization from the URL.
UNSCOPED = {
    "organizations:invitation": "reached by a secret token, tested in test_invitations",
    "accounts:password_reset_confirm": "reached by a signed token",
    "credentials:public": "a credential's public page, by its unguessable id (test_public_page)",
    "credentials:json": "a credential's public download, by its unguessable id",
    "credentials:jwt": "a credential's public download, by its unguessable id",
    "credentials:png": "a credential's public download, by its unguessable id",
    "credentials:svg": "a credential's public download, by its unguessable id",
    "certificates:pdf": "a credential's PDF certificate, by its unguessable id",
    "credentials:image": "the badge the public page shows, by its unguessable id",
    "sharing:share": "counts a share of a public credential, then LinkedIn (tests/web/sharing)",
    "sharing:image": "the public page's link-preview picture, by its unguessable id",
    "sharing:signature_image": "the badge in an e-mail signature, by its unguessable id",
    "sharing:qr": "a QR code of the public page's address, by its unguessable id",
    "sharing:embed": "the badge card other sites frame, by its unguessable id",
    "holder:claim": "the recipient's personal link, by a secret token (tests/web/holder)",
    "holder:certificate": "the holder's named certificate, by the same secret token",
    "holder:verify_address": "a secret token, only for the account that asked (tests/web/holder)",
}

# How to find another organization's object for each URL argument.
OBJECTS: dict[str, Callable[[Any], Any]] = {
    "membership_id": lambda organization: organization.memberships.order_by("pk").last().pk,
    "invitation_id": lambda organization: organization.invitations.get().pk,
    "achievement": lambda organization: organization.achievements.get().public_id,
    "credential": lambda organization: organization.credentials.order_by("pk").last().public_id,
    "token_id": lambda organization: organization.api_tokens.get().pk,
}


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(view name, route with <converters>) of every pattern."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            yield name, prefix + str(entry.pattern)


def all_patterns() -> list[tuple[str, list[str]]]:
    return [
        (name, [part.split(">")[0].split(":")[-1] for part in route.split("<")[1:]])
        for name, route in walk(get_resolver().url_patterns)
    ]


def organization_patterns() -> list[tuple[str, list[str]]]:
    return [(name, args) for name, args in all_patterns() if "org" in args and name not in PUBLIC]


@pytest.fixture
def two_organizations(make_user, make_organization, add_member):
    from microcred.web.organizations.services import invite
    from microcred.web.vcapi.tokens import create_token

    ours = make_organization("Ours", owner=make_user("us@example.org"))
    theirs = make_organization("Theirs", owner=make_user("them@example.org"))
    add_member(theirs, make_user("their-viewer@example.org"), Role.VIEWER)
    invite(theirs.memberships.get(role=Role.OWNER), "newcomer@example.org", Role.ISSUER)
    theirs.achievements.create(name="Theirs", description="d", criteria="c")
    issue_sample(theirs)
    create_token(theirs, "Their integration", actor=None)
    return ours, theirs


def test_every_organization_pattern_is_known() -> None:
    names = {name for name, _args in organization_patterns()}
    assert {"organizations:overview", "identity:settings", "audit:events"} <= names
    for name, arguments in organization_patterns():
        unknown = set(arguments) - {"org"} - set(OBJECTS)
        assert not unknown, f"{name} takes {unknown}: add them to OBJECTS in this test"


def test_every_pattern_with_arguments_is_scoped_public_or_explained() -> None:
    for name, arguments in all_patterns():
        if arguments and "org" not in arguments:
            assert name in UNSCOPED, f"{name} takes {arguments} but no organization: explain it"


def test_outsiders_get_404_or_403_on_every_organization_url(client, two_organizations) -> None:
    from django.urls import reverse

    ours, theirs = two_organizations
    client.force_login(ours.memberships.get().user)
    checked = 0
    for name, arguments in organization_patterns():
        values = {arg: OBJECTS[arg](theirs) for arg in arguments if arg != "org"}
        for slug in (theirs.slug, ours.slug):
            url = reverse(name, kwargs={"org": slug, **values})
            if slug == ours.slug and not values:
                continue  # our own page without foreign ids: allowed, not part of this walk
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                allowed = {403, 404}
                if slug == ours.slug and method == "get":
                    allowed.add(405)  # a POST-only URL says so before looking anything up
                assert response.status_code in allowed, (
                    f"{method.upper()} {url} gave {response.status_code}"
                )
                checked += 1
    assert checked >= 20
    # Nothing was changed by the walk.
    assert theirs.memberships.count() == 2
    assert Invitation.objects.filter(organization=theirs).count() == 1
    assert not theirs.credentials.filter(revoked_at__isnull=False).exists()
    assert not theirs.credentials.filter(suspended_at__isnull=False).exists()
    assert theirs.api_tokens.get().is_active
    assert theirs.signing_keys.count() == 1
    assert theirs.achievements.get().archived_at is None


def test_anonymous_visitors_are_sent_to_login_on_every_organization_url(
    client, two_organizations
) -> None:
    from django.urls import reverse

    _ours, theirs = two_organizations
    for name, arguments in organization_patterns():
        values = {arg: OBJECTS[arg](theirs) for arg in arguments if arg != "org"}
        url = reverse(name, kwargs={"org": theirs.slug, **values})
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/")


def test_public_pages_show_only_public_things(client, two_organizations) -> None:
    from django.urls import reverse

    _ours, theirs = two_organizations
    document = client.get(reverse("identity:document", args=[theirs.slug])).json()
    assert "sealed" not in str(document).lower()
    assert set(document) == {"@context", "id", "verificationMethod", "assertionMethod"}
