"""Errors the workbook raises, each with a plain message and the exit code the CLI uses.

Every message here may be shown to a person as it is, so it is written in plain, kind words.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_IN_USE = 3
EXIT_UNSAFE = 4
EXIT_UNREADABLE = 5
EXIT_SAVE_FAILED = 6


class WorkbookError(Exception):
    """Base class: ``str(err)`` is a message fit to show a person."""

    exit_code = EXIT_USAGE


class InvalidInput(WorkbookError):
    """Something typed or passed in cannot be used; nothing was stored."""

    exit_code = EXIT_USAGE


class ProfileNotFound(WorkbookError):
    """No workbook matches the name or id that was given."""

    exit_code = EXIT_USAGE


class ProfileInUse(WorkbookError):
    """Another window or process holds this workbook open for writing."""

    exit_code = EXIT_IN_USE

    def __init__(self, name: str = "") -> None:
        who = f" ({name})" if name else ""
        super().__init__(
            f"This workbook{who} is open in another window. Close it there first, "
            "or use a command that only reads it (doctor, backup, today, export)."
        )


class UnsafePermissions(WorkbookError):
    """The data folder or a file in it can be changed or read by other users."""

    exit_code = EXIT_UNSAFE


class DataUnreadable(WorkbookError):
    """The workbook file could not be read; it was moved to quarantine, never deleted."""

    exit_code = EXIT_UNREADABLE

    def __init__(self, reason: str, quarantined: Path | None, backups: int) -> None:
        self.reason = reason
        self.quarantined = quarantined
        self.backups = backups
        where = f" A copy of it is kept safe at {quarantined}." if quarantined else ""
        if backups:
            offer = "You can restore the latest good backup with `workbook restore`."
        else:
            offer = "There is no backup yet; you can start an empty workbook."
        if quarantined:
            offer += (
                " `workbook doctor --salvage` gets back what the damaged file still holds "
                "(such as what was saved since the last backup)."
            )
        super().__init__(f"Your workbook could not be read ({reason}).{where} {offer}")


class WriteFailed(WorkbookError):
    """A save did not complete; the file on disk is still the previous good version."""

    exit_code = EXIT_SAVE_FAILED

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"Your last change could not be saved ({detail}). Nothing already saved was lost; "
            "what you typed is still here, so you can try again."
        )


class CouldNotKeep(WorkbookError):
    """A backup or restore could not be written; the workbook itself is as it was."""

    exit_code = EXIT_SAVE_FAILED


class ReadOnlyWorkbook(WorkbookError):
    """The workbook is open read-only (newer app version, or opened only to read)."""

    exit_code = EXIT_USAGE
