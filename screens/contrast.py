"""Text that reads in 16, 256 and millions of colours: WCAG contrast after the terminal's downgrade.

Textual draws in true colour; Rich then moves every colour to the nearest one the terminal has
(``rich.color.Color.downgrade``). Two colours far apart in true colour can land on neighbours:
among 256 colours the dimmed text of a highlighted row fell to 2.7:1 on its teal cursor, and in
16 colours muted grey text and a dark panel both became greys 3.2:1 apart. Dimmed text can never
reach 4.5:1 on a cursor row (half-way to the background is too close on any colour).

So :func:`readable` measures each text colour against its background as the terminal will show
both, and where the two fall below 4.5:1 it moves the text towards white or black (whichever
the background allows more of) just far enough. Pairs that already read are left exactly as they
are, so the theme's look is kept wherever it works.

Rich only (no Textual), so the sums are unit-tested on their own (tests/unit/test_contrast.py).
16 colours are measured in Rich's standard palette: the VGA colours the Linux console uses, and
the palette Rich itself matches against.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorSystem, ColorType
from rich.color_triplet import ColorTriplet
from rich.terminal_theme import TerminalTheme

NORMAL_TEXT = 4.5
"""WCAG's minimum contrast for normal-sized text (a terminal's text is never "large")."""

VGA = (
    (0, 0, 0),
    (170, 0, 0),
    (0, 170, 0),
    (170, 85, 0),
    (0, 0, 170),
    (170, 0, 170),
    (0, 170, 170),
    (170, 170, 170),
    (85, 85, 85),
    (255, 85, 85),
    (85, 255, 85),
    (255, 255, 85),
    (85, 85, 255),
    (255, 85, 255),
    (85, 255, 255),
    (255, 255, 255),
)
"""The 16 colours as the Linux console draws them (and as Rich's downgrade matches them)."""

SIXTEEN = TerminalTheme((0, 0, 0), (170, 170, 170), list(VGA[:8]), list(VGA[8:]))
WHITE = ColorTriplet(255, 255, 255)
BLACK = ColorTriplet(0, 0, 0)
STEPS = 20
"""How finely text is moved towards white or black (in twentieths of the way)."""


def luminance(rgb: ColorTriplet) -> float:
    """WCAG relative luminance of an sRGB colour (0 black, 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(one: ColorTriplet, two: ColorTriplet) -> float:
    """WCAG contrast ratio: 1 (the same colour) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown_as(rgb: ColorTriplet, system: ColorSystem) -> ColorTriplet:
    """The colour a terminal with ``system`` really shows for ``rgb`` (after Rich's downgrade)."""
    colour = Color.from_triplet(rgb).downgrade(system)
    if colour.type is ColorType.TRUECOLOR:
        return rgb
    return colour.get_truecolor(SIXTEEN)


def contrast_in(fg: ColorTriplet, bg: ColorTriplet, system: ColorSystem) -> float:
    """The contrast of text ``fg`` on ``bg`` as a terminal with ``system`` shows them."""
    return ratio(shown_as(fg, system), shown_as(bg, system))


def _blend(start: ColorTriplet, end: ColorTriplet, part: float) -> ColorTriplet:
    return ColorTriplet(*(round(a + (b - a) * part) for a, b in zip(start, end, strict=True)))


@lru_cache(maxsize=4096)
def readable(fg: ColorTriplet, bg: ColorTriplet, system: ColorSystem) -> ColorTriplet:
    """``fg``, or the nearest colour towards white or black that reads on ``bg`` (4.5:1) in
    ``system``; when nothing reaches it (a mid-grey background in 16 colours), the best there is."""
    if contrast_in(fg, bg, system) >= NORMAL_TEXT:
        return fg
    shown = shown_as(bg, system)
    target = WHITE if ratio(WHITE, shown) >= ratio(BLACK, shown) else BLACK
    for step in range(1, STEPS + 1):
        moved = _blend(fg, target, step / STEPS)
        if contrast_in(moved, bg, system) >= NORMAL_TEXT:
            return moved
    return target
