"""Exporting, shared by ``workbook export`` and the export screen: a coach report or a full copy.

``md`` and ``html`` are the coach report (:mod:`workbook.report`) with the sections the person
chose; ``json`` is the whole workbook (:mod:`workbook.storage.transfer`). Files are written
atomically, so a failed export never leaves half a file where a good one was.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from workbook import clock
from workbook.errors import (
    EXIT_SAVE_FAILED,
    InvalidInput,
    ProfileInUse,
    ReadOnlyWorkbook,
    WorkbookError,
    WriteFailed,
)
from workbook.models import ProfileCard, Settings
from workbook.storage import Codec, DataRoot, Repository
from workbook.storage.atomic import atomic_write

FORMATS = ("md", "html", "json")
FORMAT_NAMES = {
    "html": "A report to print or share (HTML, opens in a browser)",
    "md": "A report as plain text (Markdown)",
    "json": "A full copy of the whole workbook (JSON, to move or keep)",
}
NOT_PROTECTED = (
    "The exported file is not protected by a passphrase: anyone who can open it can read it. "
    "Keep it somewhere safe, and delete it when you no longer need it."
)


class ExportFailed(WorkbookError):
    """The exported file could not be written; the workbook itself is untouched."""

    exit_code = EXIT_SAVE_FAILED

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The file could not be written to {path} ({detail}). Your workbook is unchanged; "
            "you could try another folder."
        )


def export_bytes(
    repo: Repository,
    fmt: str,
    sections: list[str] | None = None,
    since: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The exported file's bytes. ``sections`` and ``since`` apply to the report only."""
    when = now or clock.now()
    if fmt == "json":
        from workbook.storage.transfer import export_bytes as full_copy

        return full_copy(repo, when.isoformat(timespec="seconds"))
    if fmt not in FORMATS:
        raise InvalidInput(f"the format is one of: {', '.join(FORMATS)}")
    from workbook.report import build_report, render

    report = build_report(repo, sections, since=since, today=when.date())
    return render(report, fmt).encode("utf-8")


class FileExists(InvalidInput):
    """There is already a file where the export would go; it is replaced only when asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"There is already a file at {path}, so nothing was written. Choose another name, "
            "or say that it may be replaced (--replace)."
        )


def write_export(
    repo: Repository,
    fmt: str,
    sections: list[str] | None,
    since: date | None,
    path: Path,
    now: datetime | None = None,
    *,
    replace: bool = False,
) -> Path:
    """Write the export to ``path`` (atomically); return the full path it went to.

    A folder that does not exist, or a path that is a folder, is refused with a plain message
    (:class:`InvalidInput`); an existing file is replaced only with ``replace`` (else
    :class:`FileExists`); a write that fails raises :class:`ExportFailed`.
    """
    target = check_target(path, fmt, replace=replace)
    raw = export_bytes(repo, fmt, sections, since, now)
    try:
        atomic_write(target, raw)
    except WriteFailed as exc:
        raise ExportFailed(target, exc.detail) from None
    return target


# --- Remembering when the last report was made ------------------------------------------------


def last_report(repo: Repository) -> date | None:
    """The day the last coach report was made, if one was (for "since the last report")."""
    settings = repo.get(Settings)
    return settings.last_report if settings else None


def remember_in(repo: Repository, today: date) -> bool:
    """Note ``today`` as the last report's day in an open, writable workbook."""
    if repo.read_only:
        return False
    settings = repo.get(Settings) or Settings()
    repo.put(settings.model_copy(update={"last_report": today}))
    return True


def remember_report(root: DataRoot, card: ProfileCard, codec: Codec | None, today: date) -> bool:
    """Note the report's day from the shell; False when the workbook is open in a window.

    Export itself only reads, so it works while the workbook is open elsewhere; only this note
    needs the workbook to itself, and it is simply skipped (and said) when that is not so.
    """
    try:
        repo = root.open(card, codec=codec)
    except (ProfileInUse, ReadOnlyWorkbook):
        return False
    try:
        return remember_in(repo, today)
    finally:
        repo.close()


def check_target(path: Path, fmt: str, *, replace: bool = False) -> Path:
    """The full path an export may be written to, or a plain refusal saying why not."""
    target = full_path(path)
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; please add a file name, like report.{fmt}")
    if not target.parent.is_dir():
        raise InvalidInput(f"There is no folder {target.parent}; please choose another place.")
    if not replace and (target.exists() or target.is_symlink()):
        raise FileExists(target)
    return target


def full_path(path: Path) -> Path:
    """``path`` with ``~`` expanded and made absolute, or a plain refusal."""
    if "\x00" in str(path):
        raise InvalidInput("That file name has a character files cannot have; please retype it.")
    try:
        return path.expanduser().absolute()
    except RuntimeError:  # ~someone who has no home folder here
        raise InvalidInput(f"There is no home folder for {str(path).split('/')[0]!r}.") from None


def default_path(
    fmt: str, today: date, folder: Path | None = None, card: ProfileCard | None = None
) -> Path:
    """Where an export goes unless the person says otherwise: their home folder, dated.

    The name carries the person's initials and the end of their profile id, so two people
    sharing a home folder never aim at the same file; if that name is taken anyway (a second
    export the same day), the next free ``-2``, ``-3``... is used. Nothing is ever replaced.
    """
    base = folder if folder is not None else Path.home()
    kind = "workbook" if fmt == "json" else "report"
    who = f"-{whose(card)}" if card is not None else ""
    stem = f"side-by-side-{kind}{who}-{today.isoformat()}"
    candidate = base / f"{stem}.{fmt}"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = base / f"{stem}-{number}.{fmt}"
        number += 1
    return candidate


def whose(card: ProfileCard) -> str:
    """A file-name-safe tag for a person: ASCII initials (if any) and the id's last 4 digits."""
    initials = "".join(word[0].upper() for word in card.display_name.split() if word[0].isascii())
    initials = "".join(ch for ch in initials if ch.isalnum())[:4]
    tail = card.id[-4:]
    return f"{initials}-{tail}" if initials else tail
