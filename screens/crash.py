"""A crash is kind and private: one plain sentence, typing kept, a non-zero exit, a 0600 log.

Textual's own handler prints a traceback with the local variables of every frame (a passphrase
being checked, the names of every profile). Ours keeps what was typed as drafts where the
workbook can still save, writes a log of where the code failed (file, line, function and the
kind of error: never the error's message, which can quote a person's words, and never locals)
into the data folder, readable by this user only, and ends with exit code 70.
"""

from __future__ import annotations

import contextlib
import os
import platform
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from rich.text import Text

from workbook import __version__, clock

if TYPE_CHECKING:
    from screens.app import WorkbookApp

EXIT_CRASHED = 70
"""The exit code after a crash (EX_SOFTWARE)."""


def sentence(log: Path | None) -> str:
    """What the person is told, in one plain sentence (and where the private log is)."""
    where = (
        f" A private note about the problem (with none of your words in it) is in {log}."
        if log
        else ""
    )
    return (
        "Side by Side stopped because of a problem in the app, not anything you did. "
        "What you had typed was kept as a draft where the workbook could still save it, "
        f"and is offered back when you open it again.{where}"
    )


def redacted_report(error: BaseException) -> str:
    """Where the code failed: the error's kind and each frame's file, line and function only."""
    lines = [
        f"Side by Side {__version__}, Python {platform.python_version()}, {platform.system()}",
        f"{clock.now():%Y-%m-%d %H:%M:%S %z}",
        f"error: {type(error).__module__}.{type(error).__qualname__}",
    ]
    tb: TracebackType | None = error.__traceback__
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("screens", "workbook", "textual", "rich", "tinydb", "pydantic"):
        if anchor in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(anchor) - 1 :])
    return Path(filename).name


def write_log(folder: Path, error: BaseException) -> Path | None:
    """Write the redacted report as a new 0600 file under ``folder/crashes``; None if it can't."""
    try:
        crashes = folder / "crashes"
        crashes.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = crashes / f"crash-{clock.now():%Y%m%dT%H%M%S}-{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(redacted_report(error))
    except OSError:
        return None
    return path


def crashed(app: WorkbookApp, error: BaseException) -> None:
    """Keep typing, log privately, and exit with one plain sentence."""
    # Whatever went wrong may break saving too; the handler itself must never crash in turn.
    with contextlib.suppress(Exception):
        app.session.close()  # drafts flushed, lock released, key dropped
    log = write_log(app.root.path, error)
    app.exit(return_code=EXIT_CRASHED, message=Text(sentence(log)))
