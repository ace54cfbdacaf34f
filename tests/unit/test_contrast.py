"""Contrast sums for text as a terminal shows it in 16, 256 and millions of colours.

The colours are moved to the terminal's own with Rich's downgrade (``Color.downgrade``), the
same step Rich takes as it writes to the terminal, then measured as WCAG does.
"""

from __future__ import annotations

import pytest
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet

from screens.contrast import NORMAL_TEXT, contrast_in, ratio, readable, shown_as

ALL = (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD)


def rgb(hex_colour: str) -> ColorTriplet:
    triplet = Color.parse(hex_colour).triplet
    assert triplet is not None
    return triplet


def test_ratio_is_wcag() -> None:
    assert ratio(rgb("#000000"), rgb("#ffffff")) == pytest.approx(21)
    assert ratio(rgb("#777777"), rgb("#777777")) == 1
    assert ratio(rgb("#767676"), rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)


def test_downgrade_is_richs() -> None:
    teal = rgb("#7FB7BE")
    assert shown_as(teal, ColorSystem.TRUECOLOR) == teal
    assert shown_as(teal, ColorSystem.EIGHT_BIT) == rgb("#87afaf")  # xterm colour 109
    assert shown_as(teal, ColorSystem.STANDARD) == rgb("#aaaaaa")  # VGA light grey
    assert shown_as(rgb("#313A40"), ColorSystem.STANDARD) == rgb("#555555")  # a dark panel


def test_the_pairs_the_issue_found_are_low_before_the_fix() -> None:
    """A dimmed date on the teal cursor row in 256 colours; muted grey on a panel in 16."""
    cursor_dim = (rgb("#354d50"), rgb("#7fb7be"))
    assert contrast_in(*cursor_dim, ColorSystem.EIGHT_BIT) == pytest.approx(2.7, abs=0.05)
    assert contrast_in(*cursor_dim, ColorSystem.TRUECOLOR) == pytest.approx(4.0, abs=0.05)
    muted_on_panel = (rgb("#acb0b2"), rgb("#313a40"))
    assert contrast_in(*muted_on_panel, ColorSystem.STANDARD) == pytest.approx(3.2, abs=0.05)
    assert contrast_in(*muted_on_panel, ColorSystem.TRUECOLOR) > NORMAL_TEXT


@pytest.mark.parametrize("system", ALL)
@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        ("#354d50", "#7fb7be"),  # dimmed text on the cursor row
        ("#acb0b2", "#313a40"),  # muted text on the top bar
        ("#7e8385", "#30373b"),  # a list's group heading
        ("#555c60", "#313a40"),  # nearly the panel itself
        ("#e8e6e1", "#e9c46a"),  # light text on the yellow accent
        ("#ffff00", "#ffffff"),  # a light theme's worst
    ],
)
def test_readable_always_reaches_4_5(fg: str, bg: str, system: ColorSystem) -> None:
    moved = readable(rgb(fg), rgb(bg), system)
    assert contrast_in(moved, rgb(bg), system) >= NORMAL_TEXT


@pytest.mark.parametrize("system", ALL)
def test_text_that_reads_is_left_as_it_is(system: ColorSystem) -> None:
    """The theme's own look is kept wherever it works: the foreground on the background."""
    fg, bg = rgb("#E8E6E1"), rgb("#1F2428")
    assert contrast_in(fg, bg, system) >= NORMAL_TEXT
    assert readable(fg, bg, system) == fg


def test_moved_only_as_far_as_needed() -> None:
    """Dimmed cursor text gets darker, not black: the row keeps its two shades of text."""
    moved = readable(rgb("#354d50"), rgb("#7fb7be"), ColorSystem.TRUECOLOR)
    assert moved not in (rgb("#354d50"), rgb("#000000"))
    assert contrast_in(moved, rgb("#7fb7be"), ColorSystem.TRUECOLOR) < 6


def test_the_sums_need_no_textual() -> None:
    """screens.contrast is plain Rich, so these unit tests run without Textual loaded."""
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, screens.contrast; sys.exit('textual' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0
