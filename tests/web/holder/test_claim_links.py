"""Claim links: one personal link per credential, kept only as a hash."""

from __future__ import annotations

import pytest
from django.utils import timezone

from microcred.web.holder.claims import find_claim, new_claim_link, shows_recipient_name
from microcred.web.holder.models import ClaimLink
from tests.web.credentials.helpers import issue_sample


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization(), suspension=False)


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_it_finds_the_credential_from_the_link(credential):
    url = new_claim_link(credential)

    assert url.startswith("http")
    assert find_claim(token_of(url)).credential == credential


def test_it_stores_only_a_hash_of_the_token(credential):
    token = token_of(new_claim_link(credential))

    assert token not in ClaimLink.objects.get(credential=credential).token_hash


def test_a_new_link_cuts_off_the_old_one_and_keeps_the_holders_choice(credential):
    old = token_of(new_claim_link(credential))
    ClaimLink.objects.filter(credential=credential).update(show_name=False)

    new = token_of(new_claim_link(credential))

    assert find_claim(old) is None
    assert find_claim(new).show_name is False


def test_an_unknown_token_finds_nothing(db):
    assert find_claim("not-a-token") is None


def test_a_link_expires(credential):
    token = token_of(new_claim_link(credential))
    ClaimLink.objects.filter(credential=credential).update(expires_at=timezone.now())

    assert find_claim(token).is_expired


def test_the_name_shows_unless_the_holder_hides_it(credential):
    assert shows_recipient_name(credential)
    new_claim_link(credential)
    ClaimLink.objects.filter(credential=credential).update(show_name=False)

    assert not shows_recipient_name(credential)
