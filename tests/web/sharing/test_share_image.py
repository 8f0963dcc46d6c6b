"""/c/<id>/share.png: the 1200×627 picture of link previews."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFont

from microcred.web.fonts import BOLD
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink
from microcred.web.sharing.card import share_card
from microcred.web.sharing.facts import share_facts
from microcred.web.sharing.image import fitted, wrap
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


def test_it_is_a_1200_by_627_png_with_a_validator(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/share.png?lang=de")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Content-Language"] == "de"
    with Image.open(io.BytesIO(response.content)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 627))
    again = client.get(
        f"/c/{credential.public_id}/share.png?lang=de",
        headers={"if-none-match": response["ETag"]},
    )
    assert again.status_code == 304


def test_each_language_has_its_own_picture(client, credential) -> None:
    german = client.get(f"/c/{credential.public_id}/share.png?lang=de")
    english = client.get(f"/c/{credential.public_id}/share.png?lang=en")

    assert german["ETag"] != english["ETag"]


def test_the_picture_leaves_out_a_hidden_name(client, credential) -> None:
    named = client.get(f"/c/{credential.public_id}/share.png?lang=en")["ETag"]
    new_claim_link(credential)
    ClaimLink.objects.filter(credential=credential).update(show_name=False)

    assert share_card(share_facts(credential)).recipient_line == ""
    assert client.get(f"/c/{credential.public_id}/share.png?lang=en")["ETag"] != named


def test_long_names_with_umlauts_are_drawn(client, make_organization) -> None:
    organization = make_organization("Industrie- und Handelskammer Köln Weiterbildungsakademie")
    credential = issue_sample(organization, name="Jürgen Müller-Lüdenscheidt", suspension=False)

    response = client.get(f"/c/{credential.public_id}/share.png?lang=de")

    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (1200, 627)


def test_wrapping_keeps_every_line_inside_the_width() -> None:
    font = ImageFont.truetype(str(BOLD), 56)
    text = "Lebensmittelsicherheitsbeauftragte:r für Großküchen und Gemeinschaftsverpflegung"

    lines = wrap(text, font, 500)

    assert all(font.getlength(line) <= 500 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_double_name_breaks_at_its_hyphen() -> None:
    font = ImageFont.truetype(str(BOLD), 56)

    assert wrap("Müller-Lüdenscheidt-Oberhausen", font, 420)[0] == "Müller-"


def test_text_too_long_for_the_lines_gets_smaller_then_cut() -> None:
    _, lines = fitted("Wort " * 200, bold=True, sizes=(56, 34), width=600, max_lines=4)

    assert len(lines) == 4
    assert lines[-1].endswith("…")
