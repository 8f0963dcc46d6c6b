"""/c/<id>/share.png: the 1200×627 picture of link previews."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.cache import cache
from PIL import Image, ImageFont

from microcred.web.credentials.art import PNG_MAGIC
from microcred.web.fonts import BOLD
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink
from microcred.web.sharing.card import THUMBNAIL, badge_thumbnail, share_card
from microcred.web.sharing.facts import share_facts
from microcred.web.sharing.image import BADGE, HEIGHT, MARGIN, PAPER, WIDTH, fitted, wrap
from microcred.web.sharing.pictures import open_badge
from microcred.web.sharing.views import IMAGE_RENDERS_PER_CLIENT
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


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


class CountingFont(ImageFont.FreeTypeFont):
    """The real font, counting how often a text is measured."""

    measured = 0

    def getlength(self, text, *args, **kwargs) -> float:  # type: ignore[override]
        self.measured += 1
        return super().getlength(text, *args, **kwargs)


def test_a_long_name_without_spaces_is_cut_with_few_measurements() -> None:
    font = CountingFont(str(BOLD), 56)
    word = "Ä" * 500

    lines = wrap(word, font, 600)

    assert "".join(lines) == word
    assert all(font.getlength(line) <= 600 for line in lines[:-1])
    # A binary search per line: far fewer measurements than characters (one per character
    # per line before, about 8000 here).
    assert font.measured < len(word)


def huge_badge_credential(make_organization, size: tuple[int, int], colour: int = 0):
    """A credential whose achievement image is a ``data:`` PNG of ``size`` (tiny as a file)."""
    from microcred.openbadges.award import Recipient, award
    from microcred.web.credentials.addresses import credential_id_for, new_public_id
    from microcred.web.credentials.issuer import issuer_profile
    from microcred.web.credentials.issuing import issue_credential
    from tests.web.credentials.helpers import sample_achievement

    out = io.BytesIO()
    Image.new("1", size, colour).save(out, "PNG", optimize=True)
    organization = make_organization()
    public_id = new_public_id()
    document = award(
        sample_achievement(),
        issuer_profile(organization),
        Recipient(email="erika@example.org", name="Erika Mustermann"),
        credential_id=credential_id_for(public_id),
    ).to_json()
    document["credentialSubject"]["achievement"]["image"] = {
        "id": "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii"),
        "type": "Image",
    }
    return issue_credential(organization, document, actor=None, public_id=public_id)


def badge_centre(png: bytes) -> tuple[int, ...]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (WIDTH, HEIGHT)
        return image.convert("RGB").getpixel((MARGIN + BADGE // 2, HEIGHT // 2))


def test_a_badge_of_ordinary_size_is_drawn(client, make_organization) -> None:
    credential = huge_badge_credential(make_organization, (600, 600))

    response = client.get(f"/c/{credential.public_id}/share.png?lang=en")

    assert badge_centre(response.content) == (0, 0, 0)


@pytest.mark.parametrize("size", [(7000, 7000), (14000, 14000)], ids=["7000", "14000"])
def test_a_huge_badge_is_not_decoded_the_stand_in_is_drawn(client, make_organization, size) -> None:
    from tests.web.credentials.helpers import issue_sample

    credential = huge_badge_credential(make_organization, size)
    without_image = issue_sample(make_organization("Zweite Akademie"), suspension=False)

    picture = client.get(f"/c/{credential.public_id}/share.png?lang=en")
    stand_in = client.get(f"/c/{without_image.public_id}/share.png?lang=en")
    signature = client.get(f"/c/{credential.public_id}/signature.png")

    assert picture.status_code == 200
    assert badge_centre(picture.content) == badge_centre(stand_in.content) != PAPER
    assert signature.status_code == 200
    with Image.open(io.BytesIO(signature.content)) as image:
        assert image.size == (THUMBNAIL, THUMBNAIL)


def test_a_broken_badge_still_gives_both_pictures(make_organization) -> None:
    credential = huge_badge_credential(make_organization, (600, 600))
    broken = open_badge(PNG_MAGIC + b"\x00\x00\x00\rIHDR" + b"\xff" * 40)

    assert broken is None
    assert open_badge(b"") is None
    assert badge_thumbnail(credential)


def test_a_rendered_picture_is_kept_and_only_renders_count(client, credential) -> None:
    first = client.get(f"/c/{credential.public_id}/share.png?lang=de")
    for _ in range(IMAGE_RENDERS_PER_CLIENT.limit):
        IMAGE_RENDERS_PER_CLIENT.hit("127.0.0.1")

    again = client.get(f"/c/{credential.public_id}/share.png?lang=de")
    other = client.get(f"/c/{credential.public_id}/share.png?lang=en")

    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert other.status_code == 429
