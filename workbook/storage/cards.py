"""Reading a profile's card, and checking a profile folder for planted files, kindly.

On a shared account anyone can put a symbolic link or a folder where a file should be. One bad
profile folder must never stop the picker or the CLI for everyone else: it is skipped with a
one-line note that names only its folder (its card could not be read, so no name is known).
A link is never followed; what would have been a traceback is a plain sentence.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from pydantic import ValidationError

from workbook.errors import UnsafePermissions, WorkbookError
from workbook.models import ProfileCard
from workbook.paths import check_private
from workbook.storage import passphrases

CARD_FILE = "profile.json"
# Everything a profile folder may hold that we read, write or lock: none may be a link.
_FILES = ("profile.json", "workbook.json", "keys.json", "keys-pending.json", ".lock")
_FOLDERS = ("backups", "quarantine")


def read_card(folder: Path) -> tuple[ProfileCard | None, str | None]:
    """The folder's card, or None and a one-line note saying why it was skipped.

    A folder with no card at all (not a profile, or one being created) is skipped without a note.
    """
    where = f"The workbook folder {folder.name}"
    if folder.is_symlink():
        return None, f"{where} was skipped: it is a symbolic link, which is never followed."
    if not folder.is_dir():
        return None, None
    path = folder / "profile.json"
    if not path.exists() and not path.is_symlink():
        return None, None
    try:
        check_private(path, is_dir=False)
        if not path.is_file():
            return None, f"{where} was skipped: its card is not a file."
        card = ProfileCard.model_validate_json(path.read_bytes())
    except UnsafePermissions:
        return None, f"{where} was skipped: its card is a link or not private to you."
    except (OSError, ValidationError, WorkbookError, json.JSONDecodeError):
        return None, f"{where} was skipped: its card cannot be read."
    if card.id != folder.name:
        return None, f"{where} was skipped: its card belongs to another folder."
    encrypted = passphrases.is_encrypted(folder)
    if card.encrypted != encrypted:
        card = card.model_copy(update={"encrypted": encrypted})
    return card, None


def to_store(card: ProfileCard, encrypted: bool) -> ProfileCard:
    """The card as written to ``profile.json``: with "only initials" on for a protected
    workbook, only the initials are kept in the clear; the full name lives in the encrypted
    workbook's profile (so turning it off again needs the passphrase)."""
    if card.show_initials and encrypted and card.display_name != card.label:
        return card.model_copy(update={"display_name": card.label})
    return card


def check_folder(folder: Path) -> None:
    """Refuse, in a plain sentence, a profile folder holding a link (or a folder where a file
    belongs) before anything in it is opened, locked or written."""
    if os.path.islink(folder):
        raise UnsafePermissions(f"{folder} is a symbolic link; the workbook will not follow it.")
    for name in (*_FILES, *_FOLDERS):
        path = folder / name
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UnsafePermissions(f"{path} cannot be checked ({exc.strerror}).") from exc
        if stat.S_ISLNK(mode):
            raise UnsafePermissions(
                f"{path} is a symbolic link; the workbook will not follow it. "
                "Nothing was opened or changed."
            )
        wants_dir = name in _FOLDERS
        if name == "workbook.json" and stat.S_ISDIR(mode):
            continue  # the store refuses it as unreadable, and `workbook restore` sets it aside
        if stat.S_ISDIR(mode) != wants_dir or not (wants_dir or stat.S_ISREG(mode)):
            kind = "a folder" if wants_dir else "a file"
            raise UnsafePermissions(
                f"{path} should be {kind} and is not, so the workbook will not use it. "
                "Nothing was opened or changed."
            )
