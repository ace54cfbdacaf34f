"""Showing a new recovery code from the shell without leaving it in the scrollback.

A code printed to the shell stays in the terminal's scrollback (still there 40 commands later on
a shared account). So by default it is shown on the terminal's alternate screen, the full-screen
view editors use, which is cleared when the person presses Enter and is not kept in the
scrollback. Otherwise it goes to a file the person names (created new, readable only by them),
or to plain output only when asked for with ``--print-recovery-code``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workbook.errors import InvalidInput, WriteFailed
from workbook.terminal import ask, say

ENTER_ALT = "\x1b[?1049h\x1b[2J\x1b[H"
LEAVE_ALT = "\x1b[2J\x1b[H\x1b[?1049l"
KEEP_IT = (
    "Write it down and keep it somewhere safe, away from this computer. It opens the workbook "
    "if the passphrase is forgotten. It is shown only this once."
)


def add_options(parser: argparse.ArgumentParser) -> None:
    """``--recovery-code-file`` and ``--print-recovery-code``, shared by create and passwd."""
    parser.add_argument(
        "--recovery-code-file",
        metavar="PATH",
        help="write the new recovery code to this new file (only you can read it) instead of "
        "showing it on a screen that is cleared afterwards",
    )
    parser.add_argument(
        "--print-recovery-code",
        action="store_true",
        help="print the new recovery code as plain output (it stays in the terminal's "
        "scrollback: only where the output is private)",
    )


def _on_a_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def check_can_show(args: argparse.Namespace) -> None:
    """Refuse, before anything changes, when a new code would have nowhere private to go."""
    if getattr(args, "no_recovery_code", False):
        return
    path = getattr(args, "recovery_code_file", None)
    if path:
        target = Path(path).expanduser()
        if target.exists() or target.is_symlink():
            raise InvalidInput(f"{target} already exists; name a new file for the recovery code.")
        if not target.parent.is_dir():
            raise InvalidInput(f"There is no folder {target.parent} to write the code in.")
        return
    if getattr(args, "print_recovery_code", False) or _on_a_terminal():
        return
    raise InvalidInput(
        "There is no screen here to show the new recovery code on and clear it again. "
        "Add --recovery-code-file PATH to write it to a new private file, or "
        "--print-recovery-code if this output is private. Nothing was changed."
    )


def show(code: str | None, args: argparse.Namespace) -> None:
    """Give the person their new recovery code once, the way they chose (see the docstring)."""
    if code is None:
        return
    path = getattr(args, "recovery_code_file", None)
    if path:
        _to_file(Path(path).expanduser(), code)
    elif getattr(args, "print_recovery_code", False) or not _on_a_terminal():
        say(f"\nYour recovery code: {code}\n{KEEP_IT}")
    else:
        _on_cleared_screen(code)


def _to_file(target: Path, code: str) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise WriteFailed(
            f"The recovery code could not be written to {target} ({exc.strerror}). "
            "Your workbook is fine; make a new code with `workbook profiles passwd NAME "
            "--new-recovery-code`."
        ) from exc
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(f"Side by Side recovery code: {code}\n{KEEP_IT}\n")
    say(
        f"Your recovery code is in {target} (only you can read it). Copy it somewhere safe, "
        "away from this computer, then delete that file."
    )


def _on_cleared_screen(code: str) -> None:
    out = sys.stdout
    out.write(ENTER_ALT)
    out.write(f"Your recovery code:\n\n    {code}\n\n{KEEP_IT}\n\n")
    out.write("Press Enter when you have written it down; the screen is then cleared.")
    out.flush()
    try:
        ask("")
    except EOFError:
        pass
    finally:
        out.write(LEAVE_ALT)
        out.flush()
    say("The recovery code was shown and the screen cleared. Keep your copy safe.")
