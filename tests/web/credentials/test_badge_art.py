"""A credential's badge picture: its own design when usable, the stand-in otherwise."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.web.sharing.test_share_image import huge_badge_credential

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [(5000, 5000), (14000, 14000)], ids=["5000", "14000"])
def test_a_huge_design_is_replaced_by_the_stand_in_everywhere(
    client, make_organization, size
) -> None:
    from microcred.web.credentials.art import badge_art, stand_in_png
    from microcred.web.credentials.documents import credential_json

    credential = huge_badge_credential(make_organization, size)

    art = badge_art(credential_json(credential))
    assert (art.png, art.designed) == (stand_in_png(), False)
    for url in ("badge.png", "badge.svg", "image.png", "certificate.pdf"):
        response = client.get(f"/c/{credential.public_id}/{url}")
        assert response.status_code == 200, url


def test_a_design_of_badge_size_is_kept(make_organization) -> None:
    from microcred.web.credentials.art import badge_art
    from microcred.web.credentials.documents import credential_json

    credential = huge_badge_credential(make_organization, (600, 600))

    art = badge_art(credential_json(credential))
    assert art.designed
    with Image.open(io.BytesIO(art.png)) as image:
        assert image.size == (600, 600)
