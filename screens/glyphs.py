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

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_PAIRS = (
    ("▔▁▊▎▐▌▍▋▏▕█▀▄░▒▓", "-_||[]||||#-=:%#"),  # half blocks: borders, buttons, tick boxes
    ("─━│┃┌┐└┘╭╮╰╯┏┓┗┛├┤┬┴┼╴╵╶╷═║╔╗╚╝", "-=|#++++++++####+++++-|-|=|++++"),  # box drawing
    ("▂▃▅▆▇", ".-=*#"),  # sparkline bars, rising (▁ is _, ▄ is =, █ is # above)
    ("○◔◑◕●◉✓✔✗•·…→←↑↓▸▶◂◀“”‘’—–", "o.:*@@vvx*..><^v>><<\"\"''--"),  # marks, arrows, quotes
)


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for source, target in _PAIRS:
        table.update({ord(s): t for s, t in zip(source, target, strict=True)})
    return table


ASCII = _table()
"""Each glyph the app draws, to an ASCII character one cell wide."""


def terminal_draws_unicode(environ: dict[str, str] | None = None, encoding: str = "") -> bool:
    """Whether this terminal can draw the app's glyphs: not the Linux console, a UTF-8 locale."""
    env = os.environ if environ is None else environ
    if env.get("TERM", "") == "linux" or env.get("WORKBOOK_ASCII", "") == "1":
        return False
    found = encoding or getattr(sys.stdout, "encoding", "") or locale.getpreferredencoding(False)
    try:
        return codecs.lookup(found).name == "utf-8"
    except LookupError:
        return False


class AsciiGlyphs(LineFilter):
    """Swap each glyph a plain terminal cannot draw for its ASCII stand-in (same width)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            seg
            if seg.control or seg.text.isascii()
            else Segment(seg.text.translate(ASCII), seg.style)
            for seg in segments
        ]
