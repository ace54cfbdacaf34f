"""The one door from the CLI to the terminal: every line it prints passes through :func:`say`.

A name, a note or a file can hold control characters: ESC starts sequences that clear the
screen, set the window title or (OSC 52) overwrite the clipboard; BEL rings; CR moves back so only
the tail of a line shows; bidi overrides reorder what is read. On a shared computer anyone could
plant one for the next person who runs ``workbook profiles list``. So :func:`visible` shows each
such character as a ``\\uXXXX`` escape (which also keeps JSON printed to stdout valid and equal),
and only line breaks and tabs pass as they are. ``tests/unit/test_terminal.py`` checks that no
CLI module prints any other way.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Protocol


class Writable(Protocol):
    """Anything with ``write(str)``: a text stream, or argparse's ``file``."""

    def write(self, text: str, /) -> object: ...


BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Marks and overrides that change the order text is shown in (Trojan Source)."""

PASS_THROUGH = frozenset("\n\t")


def is_control(ch: str) -> bool:
    """Whether ``ch`` could change the terminal rather than be shown: C0, DEL, C1, bidi, others."""
    if ch in BIDI_CONTROLS:
        return True
    category = unicodedata.category(ch)
    # Cc: C0, DEL and C1 controls; Zl/Zp: line and paragraph separators; Cs: lone surrogates.
    return category in ("Cc", "Zl", "Zp", "Cs")


def visible(text: str) -> str:
    """``text`` with every control character (but line breaks and tabs) shown as ``\\uXXXX``."""
    if text.isprintable():
        return text  # the common case, at C speed
    return "".join(
        f"\\u{ord(ch):04x}" if ch not in PASS_THROUGH and is_control(ch) else ch for ch in text
    )


def say(*parts: object, err: bool = False, end: str = "\n", stream: Writable | None = None) -> None:
    """Print ``parts`` (joined by spaces) to stdout, or stderr with ``err``, made visible."""
    out = stream if stream is not None else (sys.stderr if err else sys.stdout)
    out.write(visible(" ".join(str(p) for p in parts)) + end)


def ask(prompt: str) -> str:
    """``input(prompt)`` with the prompt made visible (it may hold a name)."""
    return input(visible(prompt))
