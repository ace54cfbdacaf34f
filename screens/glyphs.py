"""ASCII stand-ins for the glyphs a plain terminal cannot draw.

The bare Linux console's fonts (TERM=linux) and any terminal run in a non-UTF-8 locale (LANG=C)
lack most of what Textual and the workbook draw: half-block borders (``▔▁▊▎▐▌``), sparkline
bars, the skill levels' circles. Drawn there, each became a ``�``. On such a terminal a line
filter swaps each for an ASCII character of the same width, so borders stay lines, bars keep
their heights as digits-like steps, and a level's mark stays distinct.
"""

from __future__ import annotations

import codecs
import locale
import os
import sys
from collections.abc import Mapping

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_PAIRS = (
    ("▔▁▊▎▐▌▍▋▏▕█▀▄░▒▓", "-_||[]||||#-=:%#"),  # half blocks: borders, buttons, tick boxes
    ("─━│┃┌┐└┘╭╮╰╯┏┓┗┛├┤┬┴┼╴╵╶╷═║╔╗╚╝", "-=|#++++++++####+++++-|-|=|++++"),  # box drawing
    ("▂▃▅▆▇", ".-=*#"),  # sparkline bars, rising (▁ is _, ▄ is =, █ is # above)
    ("○◔◑◕●◉✓✔✗•·…→←↑↓▸▶◂◀“”‘’—–", "o.:*@@vvx*..><^v>><<\"\"''--"),  # marks, arrows, quotes
    ("▼▲", "v^"),  # a drop-down list's arrow (found in tmux under TERM=linux and LANG=C)
)


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for source, target in _PAIRS:
        table.update({ord(s): t for s, t in zip(source, target, strict=True)})
    return table


ASCII = _table()
"""Each glyph the app draws, to an ASCII character one cell wide."""


def terminal_draws_unicode(environ: Mapping[str, str] | None = None, encoding: str = "") -> bool:
    """Whether this terminal can draw the app's glyphs: not the Linux console, a UTF-8 locale."""
    env = os.environ if environ is None else environ
    if env.get("TERM", "") == "linux" or env.get("WORKBOOK_ASCII", "") == "1":
        return False
    named = _locale_named(env)
    if named:
        return "utf-8" in named.lower() or "utf8" in named.lower()
    found = encoding or getattr(sys.stdout, "encoding", "") or locale.getpreferredencoding(False)
    try:
        return codecs.lookup(found).name == "utf-8"
    except LookupError:
        return False


def _locale_named(env: Mapping[str, str]) -> str:
    """The locale the person's terminal asked for (LC_ALL, LC_CTYPE, LANG), or "".

    Python runs in UTF-8 mode under LANG=C and may set LC_CTYPE=C.UTF-8 for itself (PEP 538),
    so its own stream encoding says nothing about the terminal: the variables do.
    """
    ctype = env.get("LC_CTYPE", "")
    if ctype == "C.UTF-8" and env.get("LANG", "C") in ("C", "POSIX", ""):
        ctype = ""  # Python's own coercion, not the person's choice
    return env.get("LC_ALL", "") or ctype or env.get("LANG", "")


class AsciiGlyphs(LineFilter):
    """Swap each glyph a plain terminal cannot draw for its ASCII stand-in (same width)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            seg
            if seg.control or seg.text.isascii()
            else Segment(seg.text.translate(ASCII), seg.style)
            for seg in segments
        ]
