"""My badges: every credential sent to an address the person verified, from every issuer."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from microcred.web.engagement.models import Event
from microcred.web.holder.claims import find_claim, new_claim_link
from microcred.web.holder.models import ClaimLink, HolderAddress
from tests.web.credentials.helpers import issue_sample
from tests.web.holder.conftest import token_of

pytestmark = pytest.mark.django_db


def verified(user, email: str) -> HolderAddress:
    return HolderAddress.objects.create(user=user, email=email, verified_at=timezone.now())


@pytest.fixture
def ada(make_user):
    return make_user("ada@example.org", name="Ada Lovelace")


def test_it_lists_badges_of_verified_addresses_from_every_issuer(
    login, ada, make_organization
) -> None:
    verified(ada, "ada@example.org")
    verified(ada, "ada@uni.example")
    first = issue_sample(make_organization("Akademie Eins"), email="Ada@Example.org")
    second = issue_sample(make_organization("Hochschule Zwei"), email="ada@uni.example")

    page = login(ada).get(reverse("holder:badges"))

    assert page.status_code == 200
    for credential in (first, second):
        assert reverse("credentials:public", args=[credential.public_id]) in page.text
        assert reverse("credentials:image", args=[credential.public_id]) in page.text
    assert "Akademie Eins" in page.text and "Hochschule Zwei" in page.text
    assert "Datenanalyse mit Python" in page.text


def test_showing_the_list_counts_no_download(login, ada, make_organization) -> None:
    """The pictures in the list are the non-counting image, not the download address."""
    verified(ada, "ada@example.org")
    credential = issue_sample(make_organization(), email="ada@example.org")
    client = login(ada)

    page = client.get(reverse("holder:badges")).text
    image = reverse("credentials:image", args=[credential.public_id])
    assert f'src="{image}"' in page
    assert reverse("credentials:png", args=[credential.public_id]) not in page
    client.get(image)

    assert not Event.objects.filter(credential=credential, kind="downloaded").exists()


def test_an_unverified_address_shows_nothing(login, ada, make_organization) -> None:
    HolderAddress.objects.create(user=ada, email="ada@example.org")
    credential = issue_sample(make_organization(), email="ada@example.org")

    page = login(ada).get(reverse("holder:badges"))

    assert reverse("credentials:public", args=[credential.public_id]) not in page.text
    assert "Verify your e-mail address first" in page.text


def test_it_shows_nothing_of_other_people(login, ada, make_user, make_organization) -> None:
    verified(ada, "ada@example.org")
    verified(make_user("grace@example.org"), "grace@example.org")
    organization = make_organization()
    hers = issue_sample(organization, email="grace@example.org", name="Grace Hopper")
    similar = issue_sample(organization, email="ada@example.org.evil.example")

    page = login(ada).get(reverse("holder:badges")).text

    assert reverse("credentials:public", args=[hers.public_id]) not in page
    assert reverse("credentials:public", args=[similar.public_id]) not in page
    assert "Grace Hopper" not in page
    assert "No badges have been sent" in page


def test_it_shows_the_state_and_whether_it_was_accepted(login, ada, make_organization) -> None:
    from microcred.web.credentials.revocation import revoke

    verified(ada, "ada@example.org")
    organization = make_organization()
    revoked = issue_sample(organization, email="ada@example.org")
    revoke(revoked, actor=None, reason="")

    page = login(ada).get(reverse("holder:badges")).text

    assert "state-revoked" in page
    assert f'value="{revoked.public_id}"' not in page  # nothing to accept


def test_accepting_from_the_list_claims_it_and_keeps_the_mailed_link(
    login, ada, make_organization
) -> None:
    verified(ada, "ada@example.org")
    credential = issue_sample(make_organization(), email="ada@example.org")
    token = token_of(new_claim_link(credential))
    client = login(ada)

    response = client.post(reverse("holder:badges"), {"credential": str(credential.public_id)})

    assert response.status_code == 302
    claim = ClaimLink.objects.get(credential=credential)
    assert claim.claimed_at is not None
    assert claim.claimed_by == ada
    assert find_claim(token) == claim
    assert Event.objects.filter(credential=credential, kind="claimed").count() == 1
    assert "accepted" in client.get(reverse("holder:badges")).text


def test_accepting_works_for_a_credential_that_had_no_link(login, ada, make_organization):
    verified(ada, "ada@example.org")
    credential = issue_sample(make_organization(), email="ada@example.org")

    login(ada).post(reverse("holder:badges"), {"credential": str(credential.public_id)})

    assert ClaimLink.objects.get(credential=credential).claimed_by == ada


def test_nobody_accepts_someone_elses_credential(login, ada, make_organization) -> None:
    verified(ada, "ada@example.org")
    hers = issue_sample(make_organization(), email="grace@example.org")
    client = login(ada)

    assert (
        client.post(reverse("holder:badges"), {"credential": str(hers.public_id)}).status_code
        == 404
    )
    assert client.post(reverse("holder:badges"), {"credential": "nonsense"}).status_code == 400
    assert not ClaimLink.objects.filter(credential=hers).exists()


def test_the_account_menu_links_to_my_badges(login, ada) -> None:
    page = login(ada).get(reverse("front:home"))

    assert reverse("holder:badges") in page.text
