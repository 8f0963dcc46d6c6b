"""Fonts that ship with microcred, so share images and PDF certificates look the same on
every machine and need no system font (DejaVu Sans: every Latin letter with its umlauts and
accents; licence in LICENSE-DejaVu.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

FONTS_DIR: Final = Path(__file__).parent
REGULAR: Final = FONTS_DIR / "DejaVuSans.ttf"
BOLD: Final = FONTS_DIR / "DejaVuSans-Bold.ttf"
