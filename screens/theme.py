"""Side by Side's own look: a calm theme, a high-contrast one, and the list Settings offers.

Themes are the one place colours are written down; every stylesheet uses theme variables only.
Colour is never the only signal: headings are bold, focus has a border, errors say so in words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import BUILTIN_THEMES, Theme

from screens.contrast import readable

DEFAULT_THEME = "side-by-side"
HIGH_CONTRAST = "side-by-side-high-contrast"

SIDE_BY_SIDE = Theme(
    name=DEFAULT_THEME,
    primary="#7FB7BE",  # a soft teal, like still water
    secondary="#A3B18A",
    accent="#E9C46A",
    warning="#E9C46A",
    error="#E07A5F",
    success="#81B29A",
    foreground="#E8E6E1",
    background="#1F2428",
    surface="#272E33",
    panel="#313A40",
    dark=True,
    variables={
        "footer-key-foreground": "#E9C46A",
        "block-cursor-text-style": "bold",
    },
)

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF6E6E",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#FFFF00 50%",
    },
)

OUR_THEMES = (SIDE_BY_SIDE, HIGH_CONTRAST_THEME)


def register_themes(app: App[Any]) -> None:
    """Make our themes available to ``app`` (call before setting ``app.theme``)."""
    for theme in OUR_THEMES:
        app.register_theme(theme)


def theme_choices() -> list[tuple[str, str]]:
    """(label, theme name) for Settings: ours first, then Textual's built-in themes."""
    ours = [("Side by Side (calm)", DEFAULT_THEME), ("High contrast", HIGH_CONTRAST)]
    builtin = [(name, name) for name in sorted(BUILTIN_THEMES)]
    return ours + builtin


def known_theme(app: App[Any], name: str) -> str:
    """``name`` if ``app`` has that theme, else ours (a theme may be gone in a new version)."""
    return name if name in app.available_themes else DEFAULT_THEME


_CONTROL = {c: None for c in range(32) if c not in (9, 10)} | {127: None}
_CONTROL |= {c: None for c in range(0x80, 0xA0)}


class NoControlCharacters(LineFilter):
    """Drop control characters from every line before it reaches the terminal.

    A name or note may hold an escape sequence (the naughty-strings list has some); sent raw, it
    could clear the screen or change the terminal. They take no cells, so removing them never
    changes the layout. This guards every screen at once, whoever wrote it.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(seg.text.translate(_CONTROL), seg.style, seg.control)
            if not seg.control and not seg.text.isprintable()
            else seg
            for seg in segments
        ]


SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256": ColorSystem.EIGHT_BIT,
    "standard": ColorSystem.STANDARD,
    "windows": ColorSystem.WINDOWS,
}
"""Rich's names for a console's colour system, to the system itself."""

DECORATION = frozenset(chr(c) for c in range(0x2500, 0x25A0)) | frozenset(" \t")
"""Box drawing and block elements: borders and bars, drawn in their colours as they are."""


class ReadableText(LineFilter):
    """Every piece of text reads on its background (4.5:1) in the terminal's own colours.

    Runs after Textual's filters, which turn "dim" into a blend of text and background, so it
    sees the colours as they are sent (under NO_COLOR, the greys of Textual's monochrome
    filter); ``system`` is the terminal's, set by the app on mount (None: a terminal with no
    colour at all). Make a new filter to change it: Textual caches each line per filter.
    See screens.contrast for why.
    """

    def __init__(self, system: ColorSystem | None = ColorSystem.TRUECOLOR) -> None:
        super().__init__()
        self.system = system

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        system = self.system
        if system is None:
            return segments
        back = background.rich_color
        out = []
        for seg in segments:
            style = seg.style
            if style is not None and not seg.control:
                moved = _readable_style(style, back, system)  # cached: the same few pairs
                if moved is not style and set(seg.text) - DECORATION:
                    seg = Segment(seg.text, moved)
            out.append(seg)
        return out


@lru_cache(maxsize=4096)
def _readable_style(style: Style, background: RichColor, system: ColorSystem) -> Style:
    """``style`` with its text colour moved just far enough to read on its background."""
    fg, bg = style.color, style.bgcolor if style.bgcolor else background
    if fg is None or fg.is_default or bg.is_default:
        return style
    if style.reverse:  # the text is drawn in the background colour
        fg, bg = bg, fg
    text, back = fg.get_truecolor(), bg.get_truecolor()
    fixed = readable(text, back, system)
    if fixed == text:
        return style
    colour = RichColor.from_triplet(fixed)
    return style + (Style(bgcolor=colour) if style.reverse else Style(color=colour))
