"""Rendering certificates must not loosen how Pillow reads images everywhere else."""

from __future__ import annotations

import importlib

from PIL import ImageFile


def test_pillow_still_refuses_truncated_images_after_weasyprint_is_loaded() -> None:
    # Django started (the certificates app is ready); a certificate render imports it again.
    importlib.import_module("weasyprint")
    importlib.import_module("microcred.web.certificates.rendering")

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
