"""What is on screen, as text/background pairs, measured as a terminal's colours show them.

Each widget's lines are drawn, then the app's own line filters run on them as they do before
the terminal (Textual turns "dim" into a blend there; ours move text that would not read).
Each pair is then measured after Rich's downgrade to the colour system asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from textual.geometry import Region

from screens.app import WorkbookApp
from screens.contrast import NORMAL_TEXT, contrast_in
from screens.theme import DECORATION, ReadableText

SYSTEMS = {
    "true colour": ColorSystem.TRUECOLOR,
    "256 colours": ColorSystem.EIGHT_BIT,
    "16 colours": ColorSystem.STANDARD,
}


@dataclass(frozen=True)
class Pair:
    """Some text on screen and the colours it is drawn in."""

    widget: str
    text: str
    fg: ColorTriplet
    bg: ColorTriplet


def pairs_on_screen(app: WorkbookApp) -> Iterator[Pair]:
    """Every piece of visible text on the current screen with its colours, as sent out."""
    filters = app.get_line_filters()
    for widget in app.screen.walk_children(with_self=True):
        if not widget.display or not widget.visible or widget.region.area == 0:
            continue
        background = widget.background_colors[1]
        for strip in widget.render_lines(Region(0, 0, *widget.outer_size)):
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            for seg in strip:
                style = seg.style
                if seg.control or style is None or style.color is None:
                    continue
                if not set(seg.text) - DECORATION or style.color.is_default:
                    continue
                bg = style.bgcolor or background.rich_color
                fg, back = style.color.get_truecolor(), bg.get_truecolor()
                if style.reverse:
                    fg, back = back, fg
                yield Pair(type(widget).__name__, seg.text.strip(), fg, back)


def too_low(app: WorkbookApp) -> list[str]:
    """Each piece of text below 4.5:1 in 16, 256 or true colour, said plainly (empty: all read).

    The app's filter is made for each colour system in turn, as a terminal with it makes it.
    """
    found: dict[tuple[str, str, ColorTriplet, ColorTriplet], str] = {}
    before = app.readable_text
    try:
        for name, system in SYSTEMS.items():
            app.readable_text = ReadableText(system)
            for pair in pairs_on_screen(app):
                value = contrast_in(pair.fg, pair.bg, system)
                if value < NORMAL_TEXT:
                    found.setdefault(
                        (name, pair.widget, pair.fg, pair.bg),
                        f"{name}: {value:.1f}:1 for {pair.text[:30]!r} in {pair.widget} "
                        f"({pair.fg.hex} on {pair.bg.hex})",
                    )
    finally:
        app.readable_text = before
    return sorted(found.values())
