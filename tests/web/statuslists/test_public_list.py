"""The published status list: signed by the organization, cached briefly, re-signed on change."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from microcred.status import read_status, status_list_entry
from microcred.verifier import verify
from microcred.web.statuslists.allocation import allocate
from microcred.web.statuslists.models import Purpose, StatusList
from microcred.web.statuslists.publishing import set_status
from microcred.web.verify.local import InstanceFetcher

pytestmark = pytest.mark.django_db


@pytest.fixture
def allocation(make_organization):
    organization = make_organization()
    with transaction.atomic():
        return allocate(organization, Purpose.REVOCATION)


def assert_signed_by_issuer(document: dict) -> None:
    # The list is no Open Badge, so only its own checks count: signature and issuer key.
    report = verify(document, fetcher=InstanceFetcher())
    for code in ("proof.signature", "issuer.key"):
        check = report.first(code)
        assert check is not None and check.outcome.value == "passed", report.render_text()


def fetch(client, allocation, **headers):
    return client.get(allocation.url.removeprefix("http://testserver"), headers=headers)


def test_the_list_is_served_exactly_as_signed_with_cache_headers(client, allocation) -> None:
    response = fetch(client, allocation)
    stored = StatusList.objects.get(pk=allocation.status_list.pk)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+ld+json"
    assert response.content == stored.signed_text.encode("utf-8")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"] == f'"{stored.etag}"'
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["id"] == allocation.url
    assert document["credentialSubject"]["ttl"] == 300_000


def test_an_unchanged_list_answers_not_modified(client, allocation) -> None:
    etag = fetch(client, allocation)["ETag"]
    response = fetch(client, allocation, if_none_match=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_the_list_verifies_as_the_organizations_credential(client, allocation) -> None:
    document = json.loads(fetch(client, allocation).content)
    assert_signed_by_issuer(document)
    assert document["issuer"].endswith(f":o:{allocation.status_list.organization.slug}")


def test_setting_a_bit_re_signs_the_list_at_once(client, allocation) -> None:
    before = fetch(client, allocation)
    assert set_status(allocation.status_list.pk, allocation.index, True) is True
    after = fetch(client, allocation)
    assert after["ETag"] != before["ETag"]
    entry = status_list_entry(allocation.url, allocation.index, "revocation")
    assert read_status(entry, json.loads(after.content)) == 1
    assert read_status(entry, json.loads(before.content)) == 0
    assert_signed_by_issuer(json.loads(after.content))


def test_setting_a_bit_it_already_has_signs_nothing(allocation) -> None:
    etag = StatusList.objects.get(pk=allocation.status_list.pk).etag
    assert set_status(allocation.status_list.pk, allocation.index, False) is False
    assert StatusList.objects.get(pk=allocation.status_list.pk).etag == etag


@pytest.mark.parametrize(
    "path",
    [
        "/o/{slug}/status/revocation/2",
        "/o/{slug}/status/refresh/1",
        "/o/nobody/status/revocation/1",
    ],
)
def test_unknown_lists_are_not_found(client, allocation, path: str) -> None:
    slug = allocation.status_list.organization.slug
    assert client.get(path.format(slug=slug)).status_code == 404


def test_the_list_is_read_only(client, allocation) -> None:
    path = allocation.url.removeprefix("http://testserver")
    assert client.post(path).status_code == 405
