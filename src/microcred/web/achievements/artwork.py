"""Badge images drawn from built-in templates: a shape, two colours, an icon and the title.

One layout, two renderers: :func:`render_svg` writes the SVG that is stored and baked, and
:func:`render_png` paints the same layout with Pillow for PNG baking, so no SVG rasterizer
(and no system library) is needed. Titles are wrapped by an estimate of glyph widths that
errs on the wide side, so the text fits whichever sans-serif font a browser picks.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

from microcred.baking import sanitize_svg
from microcred.web.achievements.icons import ICONS, NO_ICON, Circle, Point, Polygon, Ring, Stroke

SIZE: Final = 512
CENTER: Final = SIZE / 2
SHAPES: Final = ("circle", "shield", "hexagon", "ribbon")
MAX_TITLE: Final = 80
FONT_FAMILY: Final = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif"
DARK_INK: Final = "#14213d"
LIGHT_INK: Final = "#ffffff"
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_FONT_SIZES: Final = (46, 40, 35, 31, 27, 24, 21)
# Small type may take one more line.
_SMALL: Final = 27


class DesignError(ValueError):
    """A template choice that cannot be drawn; the message says which."""


@dataclass(frozen=True, slots=True)
class Design:
    shape: str = "circle"
    primary: str = "#0b5cad"
    secondary: str = "#f5b400"
    icon: str = "star"
    title: str = ""

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise DesignError(f"the shape {self.shape!r} is not one of {', '.join(SHAPES)}")
        if self.icon != NO_ICON and self.icon not in ICONS:
            raise DesignError(f"there is no icon {self.icon!r}")
        for name in ("primary", "secondary"):
            value = getattr(self, name)
            if not isinstance(value, str) or _COLOUR.fullmatch(value) is None:
                raise DesignError(f"the {name} colour must look like #1a2b3c, not {value!r}")
            object.__setattr__(self, name, value.lower())
        object.__setattr__(self, "title", clean_title(self.title))

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Design:
        known = {key: data[key] for key in ("shape", "primary", "secondary", "icon", "title")}
        return cls(**known)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def clean_title(title: object) -> str:
    if not isinstance(title, str):
        raise DesignError("the title must be text")
    # Control characters cannot appear in XML at all; other invisible ones serve no title.
    printable = "".join(
        char if char.isprintable() else " " for char in unicodedata.normalize("NFC", title)
    )
    text = " ".join(printable.split())
    if len(text) > MAX_TITLE:
        raise DesignError(f"the title is longer than {MAX_TITLE} characters")
    return text


# --- layout ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the icon and the title go inside one shape.

    ``inner`` is the shape's inner outline: each line of the title may be as wide as the
    outline is at that line's height, less a margin.
    """

    icon_center: Point
    icon_size: float
    text_top: float
    text_bottom: float
    max_lines: int
    inner: Circle | Polygon


@dataclass(frozen=True, slots=True)
class TextLayout:
    lines: tuple[str, ...]
    font_size: int
    baselines: tuple[float, ...]


def _glyph_width(char: str) -> float:
    """A generous estimate of a bold sans-serif glyph's advance, in ems."""
    if char == " ":
        return 0.34
    if char in "iIl.,:;'|!j":
        return 0.36
    if char in "frt()[]-/":
        return 0.48
    if char in "mwMW@%":
        return 1.0
    if char.isupper():
        return 0.8
    return 0.68


def text_width(text: str, font_size: float) -> float:
    return sum(_glyph_width(char) for char in text) * font_size


def _tokens(words: list[str]) -> list[tuple[str, str]]:
    """(glue, piece) pairs: a word may also end a line after each of its inner hyphens."""
    tokens: list[tuple[str, str]] = []
    for word in words:
        pieces = re.findall(r"[^-]+-+|[^-]+$|-+", word)
        tokens += [(" " if index == 0 else "", piece) for index, piece in enumerate(pieces)]
    return tokens


def _wrap(words: list[str], font_size: int, widths: list[float], *, break_words: bool) -> list[str]:
    """Lines, the n-th at most ``widths[n]`` wide (the last width for any further line).

    An empty list if a word is too wide for its line and may not be broken.
    """
    lines: list[str] = []
    current = ""

    def width() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    for glue, word in _tokens(words):
        candidate = f"{current}{glue}{word}" if current else word
        if text_width(candidate, font_size) <= width():
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, font_size) > width() and not break_words:
            return []
        while len(word) > 1 and text_width(word, font_size) > width():
            cut = 1
            while cut < len(word) and text_width(word[: cut + 1], font_size) <= width():
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def layout_title(title: str, frame: Frame) -> TextLayout:
    """The largest type at which the title fits; words are broken only as a last resort."""
    words = title.split()
    if not words:
        return TextLayout((), _FONT_SIZES[0], ())
    for break_words in (False, True):
        for size in _FONT_SIZES:
            for count in range(1, _max_lines(frame, size) + 1):
                baselines = _baselines(frame, size, count)
                widths = [_line_width(frame, baseline, size) for baseline in baselines]
                lines = _wrap(words, size, widths, break_words=break_words)
                if len(lines) == count:
                    return TextLayout(tuple(lines), size, baselines)
    # Too long even in the smallest type: as much as fits, then an ellipsis.
    size = _FONT_SIZES[-1]
    count = _max_lines(frame, size)
    baselines = _baselines(frame, size, count)
    widths = [_line_width(frame, baseline, size) for baseline in baselines]
    lines = _wrap(words, size, widths, break_words=True)[:count]
    last = lines[-1]
    while last and text_width(last + "…", size) > widths[-1]:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return TextLayout(tuple(lines), size, baselines)


def _baselines(frame: Frame, size: int, count: int) -> tuple[float, ...]:
    line_height = size * 1.2
    middle = (frame.text_top + frame.text_bottom) / 2
    # The block's visual middle sits in the middle of the text area.
    first = middle - line_height * (count - 1) / 2 + size * 0.36
    return tuple(first + index * line_height for index in range(count))


_MARGIN: Final = 18
_WIDEST_LINE: Final = 380


def _line_width(frame: Frame, baseline: float, size: int) -> float:
    top, bottom = baseline - size * 0.76, baseline + size * 0.24
    half = min(_half_width(frame.inner, top), _half_width(frame.inner, bottom))
    return max(0.0, min(_WIDEST_LINE, 2 * (half - _MARGIN)))


def _half_width(outline: Circle | Polygon, y: float) -> float:
    """Half the width of the outline at height ``y``, measured from the vertical axis."""
    if isinstance(outline, Circle):
        dy = y - outline.center[1]
        return math.sqrt(max(0.0, outline.radius**2 - dy**2))
    crossings = []
    points = outline.points
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 <= y < y2) or (y2 <= y < y1):
            crossings.append(abs(x1 + (y - y1) * (x2 - x1) / (y2 - y1) - CENTER))
    return min(crossings, default=0.0)


def _max_lines(frame: Frame, size: int) -> int:
    return frame.max_lines + (1 if size <= _SMALL else 0)


def ink_for(background: str) -> str:
    """White or dark text, whichever contrasts more with ``background``."""
    luminance = _luminance(background)
    on_white = (1.05) / (luminance + 0.05)
    on_dark = (luminance + 0.05) / (_luminance(DARK_INK) + 0.05)
    return LIGHT_INK if on_white >= on_dark else DARK_INK


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


# --- shapes ---------------------------------------------------------------------------------


def _regular(sides: int, radius: float, center: Point, rotation: float) -> tuple[Point, ...]:
    return tuple(
        (
            center[0] + radius * math.cos(rotation + 2 * math.pi * i / sides),
            center[1] + radius * math.sin(rotation + 2 * math.pi * i / sides),
        )
        for i in range(sides)
    )


def _quadratic(start: Point, control: Point, end: Point, steps: int = 16) -> list[Point]:
    points = []
    for index in range(1, steps + 1):
        t = index / steps
        points.append(
            (
                (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0],
                (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1],
            )
        )
    return points


def _shield(inset: float) -> tuple[Point, ...]:
    left, right, top = 40 + inset, SIZE - 40 - inset, 30 + inset
    shoulder, tip = 250, SIZE - 14 - inset * 1.6
    points: list[Point] = [(left, top + 26), (CENTER, top), (right, top + 26), (right, shoulder)]
    points += _quadratic((right, shoulder), (right, tip - 70), (CENTER, tip))
    points += _quadratic((CENTER, tip), (left, tip - 70), (left, shoulder))
    return tuple(points)


def _ribbon_tails() -> tuple[tuple[Point, ...], ...]:
    left = ((150, 300), (236, 360), (206, 500), (176, 462), (132, 484))
    right = tuple((SIZE - x, y) for x, y in left)
    return left, right


_INNER_HEXAGON: Final = Polygon(_regular(6, 226, (CENTER, CENTER), 0))
FRAMES: Final = {
    "circle": Frame((CENTER, 160), 120, 258, 404, 3, Circle((CENTER, CENTER), 220)),
    "hexagon": Frame((CENTER, 160), 116, 250, 392, 3, _INNER_HEXAGON),
    "shield": Frame((CENTER, 146), 112, 232, 378, 3, Polygon(_shield(22))),
    "ribbon": Frame((CENTER, 112), 92, 196, 330, 3, Circle((CENTER, 214), 178)),
}


def _background(design: Design) -> tuple[tuple[Polygon | Circle, str], ...]:
    """The shape's parts, back to front, each with its colour."""
    primary, secondary = design.primary, design.secondary
    match design.shape:
        case "circle":
            return (
                (Circle((CENTER, CENTER), 246), secondary),
                (Circle((CENTER, CENTER), 220), primary),
            )
        case "hexagon":
            return (
                (Polygon(_regular(6, 254, (CENTER, CENTER), 0)), secondary),
                (_INNER_HEXAGON, primary),
            )
        case "shield":
            return ((Polygon(_shield(0)), secondary), (Polygon(_shield(22)), primary))
        case _:
            tails = tuple((Polygon(points), secondary) for points in _ribbon_tails())
            return (
                *tails,
                (Circle((CENTER, 214), 200), secondary),
                (Circle((CENTER, 214), 178), primary),
            )


def _icon_transform(frame: Frame) -> tuple[float, float, float]:
    scale = frame.icon_size / 100
    return frame.icon_center[0] - 50 * scale, frame.icon_center[1] - 50 * scale, scale


# --- SVG --------------------------------------------------------------------------------------


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _points(points: tuple[Point, ...]) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def _svg_part(part: Polygon | Circle | Ring | Stroke, colour: str, cut: str) -> str:
    fill = cut if getattr(part, "paint", "ink") == "cut" else colour
    match part:
        case Polygon():
            return f'<polygon points="{_points(part.points)}" fill="{fill}"/>'
        case Circle():
            x, y = part.center
            return (
                f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(part.radius)}" '
                f'fill="{fill}"/>'
            )
        case Ring():
            x, y = part.center
            return (
                f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(part.radius)}" '
                f'fill="none" stroke="{colour}" stroke-width="{_number(part.width)}"/>'
            )
        case Stroke():
            return (
                f'<polyline points="{_points(part.points)}" fill="none" stroke="{colour}" '
                f'stroke-width="{_number(part.width)}" stroke-linecap="round" '
                'stroke-linejoin="round"/>'
            )
    raise TypeError(part)


def render_svg(design: Design) -> bytes:
    """The badge as a sanitized, self-contained SVG (no external references)."""
    frame = FRAMES[design.shape]
    ink = ink_for(design.primary)
    title = design.title
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label={quoteattr(title or "Badge")}>',
        f"<title>{escape(title or 'Badge')}</title>",
    ]
    parts += [_svg_part(shape, colour, colour) for shape, colour in _background(design)]
    if design.icon != NO_ICON:
        x, y, scale = _icon_transform(frame)
        parts.append(f'<g transform="translate({_number(x)} {_number(y)}) scale({scale:.3f})">')
        parts += [_svg_part(part, ink, design.primary) for part in ICONS[design.icon]]
        parts.append("</g>")
    text = layout_title(title, frame)
    for line, baseline in zip(text.lines, text.baselines, strict=True):
        parts.append(
            f'<text x="{_number(CENTER)}" y="{_number(baseline)}" text-anchor="middle" '
            f'font-family="{FONT_FAMILY}" font-size="{text.font_size}" font-weight="700" '
            f'fill="{ink}">{escape(line)}</text>'
        )
    parts.append("</svg>")
    return sanitize_svg("".join(parts).encode("utf-8"))


# --- PNG --------------------------------------------------------------------------------------

_SUPERSAMPLE: Final = 3


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    # Pillow's own font, so that a machine without fonts still draws the title.
    return ImageFont.load_default(size)


def render_png(design: Design, size: int = SIZE) -> bytes:
    """The same badge painted as a PNG of ``size`` × ``size`` pixels with a transparent corner."""
    scale = size * _SUPERSAMPLE / SIZE
    canvas = Image.new("RGBA", (round(SIZE * scale),) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    for shape, colour in _background(design):
        _paint(draw, shape, colour, colour, scale, (0, 0, 1))
    frame = FRAMES[design.shape]
    ink = ink_for(design.primary)
    if design.icon != NO_ICON:
        transform = _icon_transform(frame)
        for part in ICONS[design.icon]:
            _paint(draw, part, ink, design.primary, scale, transform)
    text = layout_title(design.title, frame)
    for line, baseline in zip(text.lines, text.baselines, strict=True):
        font_size = round(text.font_size * scale)
        font = _font(font_size)
        limit = _line_width(frame, baseline, text.font_size) * scale
        while draw.textlength(line, font=font) > limit and font_size > 8:
            font_size -= 2
            font = _font(font_size)
        draw.text((CENTER * scale, baseline * scale), line, font=font, fill=ink, anchor="ms")
    image = canvas.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _paint(
    draw: ImageDraw.ImageDraw,
    part: Polygon | Circle | Ring | Stroke,
    colour: str,
    cut: str,
    scale: float,
    transform: tuple[float, float, float],
) -> None:
    dx, dy, factor = transform

    def at(point: Point) -> tuple[float, float]:
        return ((dx + point[0] * factor) * scale, (dy + point[1] * factor) * scale)

    fill = cut if getattr(part, "paint", "ink") == "cut" else colour
    match part:
        case Polygon():
            draw.polygon([at(p) for p in part.points], fill=fill)
        case Circle():
            x, y = at(part.center)
            r = part.radius * factor * scale
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        case Ring():
            x, y = at(part.center)
            r = (part.radius + part.width / 2) * factor * scale
            width = round(part.width * factor * scale)
            draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=width)
        case Stroke():
            points = [at(p) for p in part.points]
            width = part.width * factor * scale
            draw.line(points, fill=colour, width=round(width), joint="curve")
            for x, y in (points[0], points[-1]):
                r = width / 2
                draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
