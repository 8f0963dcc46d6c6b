"""The built-in badge icons, as simple shapes in a 100 × 100 box.

Each icon is a few primitives that both renderers draw the same way: the SVG writer as SVG
elements, the PNG painter with Pillow. ``ink`` parts take the icon colour; ``cut`` parts take
the badge's own colour, to cut a hole into what was drawn before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

Point = tuple[float, float]
Paint = Literal["ink", "cut"]


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[Point, ...]
    paint: Paint = "ink"


@dataclass(frozen=True, slots=True)
class Circle:
    center: Point
    radius: float
    paint: Paint = "ink"


@dataclass(frozen=True, slots=True)
class Ring:
    center: Point
    radius: float
    width: float


@dataclass(frozen=True, slots=True)
class Stroke:
    """A polyline with round joins and caps."""

    points: tuple[Point, ...]
    width: float


Primitive = Polygon | Circle | Ring | Stroke


def _star(points: int = 5, outer: float = 46, inner: float = 19) -> tuple[Point, ...]:
    corners = []
    for index in range(points * 2):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi * index / points - math.pi / 2
        corners.append((50 + radius * math.cos(angle), 54 + radius * math.sin(angle)))
    return tuple(corners)


def _gear(teeth: int = 8) -> tuple[Point, ...]:
    corners = []
    for index in range(teeth * 4):
        angle = 2 * math.pi * index / (teeth * 4)
        radius = 46 if index % 4 in (1, 2) else 36
        corners.append((50 + radius * math.cos(angle), 50 + radius * math.sin(angle)))
    return tuple(corners)


def _heart(steps: int = 48) -> tuple[Point, ...]:
    corners = []
    for index in range(steps):
        t = 2 * math.pi * index / steps
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        corners.append((50 + 2.7 * x, 46 - 2.7 * y))
    return tuple(corners)


def _leaf(steps: int = 24) -> tuple[Point, ...]:
    # Two arcs meeting in points at the top right and bottom left.
    corners = []
    for index in range(steps + 1):
        t = index / steps
        corners.append((14 + 72 * t, 86 - 72 * t - 30 * math.sin(math.pi * t)))
    for index in range(steps + 1):
        t = index / steps
        corners.append((86 - 72 * t, 14 + 72 * t + 30 * math.sin(math.pi * t)))
    return tuple(corners)


ICONS: Final[dict[str, tuple[Primitive, ...]]] = {
    "star": (Polygon(_star()),),
    "check": (Stroke(((18, 52), (42, 76), (84, 28)), 13),),
    "book": (
        Polygon(((6, 22), (46, 30), (46, 86), (6, 78))),
        Polygon(((54, 30), (94, 22), (94, 78), (54, 86))),
    ),
    "bulb": (
        Circle((50, 40), 28),
        Polygon(((36, 56), (64, 56), (61, 76), (39, 76))),
        Polygon(((40, 80), (60, 80), (57, 92), (43, 92))),
    ),
    "cap": (
        Polygon(((50, 14), (98, 38), (50, 62), (2, 38))),
        Polygon(((22, 50), (50, 64), (78, 50), (78, 74), (50, 88), (22, 74))),
        Stroke(((88, 43), (88, 74)), 5),
    ),
    "chart": (
        Polygon(((12, 62), (30, 62), (30, 88), (12, 88))),
        Polygon(((41, 40), (59, 40), (59, 88), (41, 88))),
        Polygon(((70, 14), (88, 14), (88, 88), (70, 88))),
    ),
    "code": (
        Stroke(((34, 24), (10, 50), (34, 76)), 10),
        Stroke(((66, 24), (90, 50), (66, 76)), 10),
        Stroke(((57, 16), (43, 84)), 9),
    ),
    "gear": (Polygon(_gear()), Circle((50, 50), 15, "cut")),
    "heart": (Polygon(_heart()),),
    "leaf": (Polygon(_leaf()), Stroke(((14, 86), (64, 36)), 5)),
    "globe": (
        Ring((50, 50), 40, 8),
        Stroke(((14, 50), (86, 50)), 6),
        Stroke(((50, 10), (50, 90)), 6),
        Stroke(((22, 28), (78, 28)), 5),
        Stroke(((22, 72), (78, 72)), 5),
    ),
    "people": (
        Circle((34, 30), 15),
        Polygon(((10, 88), (14, 58), (34, 50), (54, 58), (58, 88))),
        Circle((68, 34), 13),
        Polygon(((58, 54), (68, 50), (86, 56), (90, 88), (62, 88))),
    ),
}
NO_ICON: Final = "none"
