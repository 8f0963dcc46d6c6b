"""Image: an id (URL or data URI) and a caption, nothing else."""

from __future__ import annotations

import pytest

from microcred.openbadges.model import Image, ModelError


def test_it_is_written_with_a_string_type():
    image = Image(id="https://example.org/logo.png", caption="Logo")
    assert image.to_json() == {
        "id": "https://example.org/logo.png",
        "type": "Image",
        "caption": "Logo",
    }


def test_it_may_carry_the_image_itself():
    Image(id="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==")


def test_it_rejects_another_type():
    with pytest.raises(ModelError, match="must be 'Image'"):
        Image.from_json({"id": "https://example.org/logo.png", "type": "Picture"})


def test_it_rejects_a_relative_id():
    with pytest.raises(ModelError, match="not an absolute URI"):
        Image(id="logo.png")
