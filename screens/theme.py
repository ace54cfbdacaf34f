"""Side by Side's own look: a calm theme, a high-contrast one, and the list Settings offers.

Themes are the one place colours are written down; every stylesheet uses theme variables only.
Colour is never the only signal: headings are bold, focus has a border, errors say so in words.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import BUILTIN_THEMES, Theme

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
