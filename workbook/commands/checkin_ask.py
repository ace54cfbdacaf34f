"""``workbook checkin`` without private words on the command line.

Whatever is typed on the command line itself (``--note "..."``, ``--used yes``, the mood) is
saved in the shell's history (``~/.bash_history``), where anyone using the same computer account
can read it, long after. Answers typed after the command has started are not. So the check-in
can ask each question itself (``workbook checkin`` alone, in a terminal), and ``--note -`` reads
the note from standard input (type it, then Ctrl-D).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

from workbook.errors import InvalidInput
from workbook.terminal import ask, say

T = TypeVar("T")
HISTORY_NOTE = (
    "Anything typed on the command line is kept in the shell's history, where others using "
    "this account can read it. To keep your answers out of it, run `workbook checkin` alone "
    "and answer each question, or use --note - and type the note after the command starts."
)
NOTHING_SAVED = "No answer was given, so nothing was saved."


def read_note_from_stdin(args: argparse.Namespace) -> None:
    """``--note -``: the note is what comes on standard input (the end of line trimmed)."""
    if args.note == "-":
        if sys.stdin.isatty():
            say("Type your note, then press Ctrl-D on a new line:", err=True)
        args.note = sys.stdin.read().rstrip("\n")


def needs_asking(args: argparse.Namespace) -> bool:
    """True when the check-in should ask its questions; refuse half an answer plainly."""
    if args.mood is not None and args.craving is not None:
        return False
    if args.mood is None and args.craving is None and sys.stdin.isatty():
        return True
    missing = " and ".join(
        flag
        for flag, value in (("--mood", args.mood), ("--craving", args.craving))
        if value is None
    )
    raise InvalidInput(
        f"required: {missing}. Or run `workbook checkin` alone in a terminal to be asked each "
        "question (nothing you answer is kept in the shell's history)."
    )


def ask_all(args: argparse.Namespace, *, limits: bool) -> None:
    """Ask mood, craving, use and a note in turn, filling in what was not given."""
    args.mood = _ask("How is your mood today, from 1 (very low) to 5 (very good)? ", _whole(1, 5))
    args.craving = _ask(
        "How strong was any craving today, from 0 (none) to 10 (strongest)? ", _whole(0, 10)
    )
    if args.used is None:
        choices = ("no", "within-limit", "over-limit", "skip") if limits else ("yes", "no", "skip")
        words = ", ".join(choices)
        args.used = _ask(
            f"Did you use or act on it today? ({words}; Enter to leave it out) ",
            _choice(choices),
            optional=True,
        )
    if args.note is None:
        note = _ask("A note, if you like (Enter to leave it out): ", str, optional=True)
        args.note = note or None


def _ask(prompt: str, parse: Callable[[str], T], *, optional: bool = False) -> T | None:
    while True:
        try:
            text = ask(prompt).strip()
        except EOFError:
            say("", err=True)
            raise InvalidInput(NOTHING_SAVED) from None
        if not text and optional:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            say(str(exc), err=True)


def _whole(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise ValueError(f"Please type a whole number from {low} to {high}.")
        return value

    return parse


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text.lower() not in choices:
            raise ValueError(f"Please type one of: {', '.join(choices)}.")
        return text.lower()

    return parse
