"""The ``workbook`` command's entry point: a quiet start-up, then the command line.

Start-up builds tens of thousands of long-lived objects (Textual's CSS, the pydantic models, the
workbook just read). The cycle collector would walk them again and again while they are made
(~40 ms, a tenth of start-up), finding nothing to free, so it is paused until the first screen
is up. The app then freezes what start-up built (so later collections skip it) and turns the
collector back on; a command that is not the app turns it back on before it runs.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

NATIVE_WINDOWS = (
    "Side by Side runs on Linux and macOS. On Windows, please install it inside WSL "
    "(Windows Subsystem for Linux) and run it from there: the terminal and the private file "
    "permissions it relies on are not there in native Windows."
)
"""What native Windows is told instead of a traceback (exit code 2)."""


def main(argv: Sequence[str] | None = None, platform: str = sys.platform) -> int:
    """Run the ``workbook`` command with the collector paused during start-up."""
    if platform == "win32":
        print(NATIVE_WINDOWS, file=sys.stderr)
        return 2
    global starting
    starting = True
    gc.disable()
    try:
        from workbook.cli import main as cli_main

        return cli_main(argv)
    finally:
        settle()


starting = False
"""True from the ``workbook`` command's start until its first screen is up (see ``settle``)."""


YOUNG_OBJECTS = 5000
"""How many new objects (less those freed) start a collection of the young ones once start-up
is over; Python's default is 700. Opening a screen makes tens of thousands (widgets, styles,
lines drawn), nearly all still in use when it is up: at 700 the collector ran ~40 times during
each opening to find almost nothing, ~2 ms of a 65 ms check-in (bench/RESULTS.md)."""


def settle() -> None:
    """Start-up is over: keep what it built out of later collections, and collect again, less
    often among young objects than Python's default (see ``YOUNG_OBJECTS``)."""
    global starting
    starting = False
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
        gc.enable()
