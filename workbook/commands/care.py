"""``workbook doctor|backup|restore``: look after the files that hold a workbook.

``doctor`` and ``backup`` only read, so they work while the workbook is open in a window.
"""

from __future__ import annotations

import argparse
import stat
from pathlib import Path
from typing import Any

from workbook.commands.common import add_profile_option, chosen_card, codec_for
from workbook.errors import (
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_UNSAFE,
    DataUnreadable,
    InvalidInput,
    ProfileInUse,
    UnsafePermissions,
)
from workbook.paths import check_data_root
from workbook.storage import DataRoot, list_backups
from workbook.storage.backups import MANUAL, take_backup
from workbook.storage.codec import Codec
from workbook.storage.store import (
    ProfileFiles,
    acquire_lock,
    is_good,
    load_checked,
    restore_backup,
)
from workbook.terminal import say


def register(sub: argparse._SubParsersAction[Any]) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="check a workbook's files are healthy and private",
        description="Reads the workbook and its backups, checks permissions and the lock, "
        "and says where your data lives. Changes nothing.",
        epilog="Exit code 0 when all is well. Example: workbook doctor --profile Sam",
    )
    add_profile_option(doctor)
    doctor.set_defaults(handler=run_doctor)
    backup = sub.add_parser(
        "backup",
        help="take a backup now",
        description="Copies the workbook into its backups folder and checks the copy.",
        epilog="Example: workbook backup --profile Sam",
    )
    add_profile_option(backup)
    backup.set_defaults(handler=run_backup)
    restore = sub.add_parser(
        "restore",
        help="put a backup back",
        description="Restores the latest good backup, or the one you name. The current file "
        "is kept as a pre-restore backup first, so a restore can itself be undone.",
        epilog="Examples: workbook restore --list; workbook restore 2",
    )
    add_profile_option(restore)
    restore.add_argument("backup", nargs="?", help="a number from --list, or a backup file")
    restore.add_argument("--list", action="store_true", help="list the backups and stop")
    restore.set_defaults(handler=run_restore)


def _check(ok: bool, good: str, bad: str, problems: list[str]) -> None:
    say(f"  {'ok ' if ok else '!! '} {good if ok else bad}")
    if not ok:
        problems.append(bad)


def run_doctor(args: argparse.Namespace, root: DataRoot) -> int:
    say(f"Your data lives in {root.path}")
    try:
        check_data_root(root.path)
    except UnsafePermissions as exc:
        say(f"  !!  {exc}")
        return EXIT_UNSAFE
    card = chosen_card(args, root)
    files = root.files(card)
    codec = codec_for(card)
    say(f"Workbook: {card.label} [{card.id}]  {files.folder}")
    problems: list[str] = []
    _doctor_permissions(files, problems)
    unreadable = _doctor_file(files, codec, problems)
    _doctor_lock(files, card.display_name)
    _doctor_backups(files, codec, problems)
    if unreadable:
        say(
            "Your workbook file could not be read. Opening it moves it to quarantine "
            "(never deleting it); `workbook restore` puts back the latest good backup."
        )
        return EXIT_UNREADABLE
    if problems:
        return EXIT_UNSAFE
    say("All is well.")
    return EXIT_OK


def _doctor_permissions(files: ProfileFiles, problems: list[str]) -> None:
    for path, wanted in ((files.folder, 0o700), (files.workbook, 0o600)):
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
            _check(
                mode & ~wanted == 0,
                f"{path.name} is private ({oct(mode)})",
                f"{path.name} can be reached by other users ({oct(mode)}); opening it fixes this",
                problems,
            )


def _doctor_file(files: ProfileFiles, codec: Codec, problems: list[str]) -> bool:
    if not files.workbook.exists():
        _check(False, "", "the workbook file is missing", problems)
        return True
    try:
        data, version = load_checked(files.workbook.read_bytes(), codec)
    except Exception as exc:  # any failure to read is reported, never raised
        _check(False, "", f"the workbook cannot be read: {exc}", problems)
        return True
    entries = sum(len(t) for name, t in data.items() if name != "_meta")
    saves = data.get("_meta", {}).get("1", {}).get("save_count", 0)
    say(
        f"  ok  the workbook reads and validates: schema {version}, "
        f"{entries} entries, saved {saves} times"
    )
    return False


def _doctor_lock(files: ProfileFiles, name: str) -> None:
    try:
        acquire_lock(files, name).release()
        say("  ok  not open in any window right now")
    except ProfileInUse:
        say("  ok  open in a window right now (that is fine; doctor only reads)")
    except OSError:
        say("  --  the lock could not be checked")


def _doctor_backups(files: ProfileFiles, codec: Codec, problems: list[str]) -> None:
    found = list_backups(files.backups)
    if not found:
        say("  --  no backups yet (one is taken the first time it opens each day)")
        return
    good = [b for b in found if is_good(b.path.read_bytes(), codec)]
    _check(
        bool(good),
        f"{len(found)} backups; the latest good one is {good[0].label}" if good else "",
        f"none of the {len(found)} backups opens",
        problems,
    )
    if good and len(good) < len(found):
        say(f"  --  {len(found) - len(good)} backup(s) do not open (kept, never deleted)")
    quarantined = list(files.quarantine.glob("*.json")) if files.quarantine.is_dir() else []
    if quarantined:
        say(f"  --  {len(quarantined)} unreadable file(s) kept in {files.quarantine}")


def run_backup(args: argparse.Namespace, root: DataRoot) -> int:
    card = chosen_card(args, root)
    files = root.files(card)
    codec = codec_for(card)
    if not files.workbook.exists():
        raise DataUnreadable("the workbook file is missing", None, len(list_backups(files.backups)))
    raw = files.workbook.read_bytes()
    if not is_good(raw, codec):
        raise DataUnreadable("it does not read as a workbook; run `workbook doctor`", None, 0)
    files.prepare()
    path = take_backup(files.workbook, files.backups, MANUAL)
    if not is_good(path.read_bytes(), codec):
        path.unlink()
        raise DataUnreadable("the copy did not read back the same; nothing was kept", None, 0)
    say(f"Backed up {card.label}'s workbook to {path}")
    return EXIT_OK


def run_restore(args: argparse.Namespace, root: DataRoot) -> int:
    card = chosen_card(args, root)
    files = root.files(card)
    codec = codec_for(card)
    found = list_backups(files.backups)
    if args.list:
        if not found:
            say("There are no backups yet.")
        for number, b in enumerate(found, 1):
            state = "opens fine" if is_good(b.path.read_bytes(), codec) else "does not open"
            say(f"{number:>3}. {b.label}  {state}")
        return EXIT_OK
    chosen = _choose_backup(args.backup, found, codec)
    restore_backup(files, codec, chosen, card.display_name)
    say(
        f"Restored {card.label}'s workbook from {chosen.name}. "
        "The file it replaced was kept as a pre-restore backup."
    )
    return EXIT_OK


def _choose_backup(wanted: str | None, found: list[Any], codec: Codec) -> Path:
    if wanted is None:
        for b in found:
            if is_good(b.path.read_bytes(), codec):
                return Path(b.path)
        raise InvalidInput("There is no backup that opens, so nothing was restored.")
    if wanted.isdigit():
        number = int(wanted)
        if not 1 <= number <= len(found):
            raise InvalidInput(
                f"There is no backup number {number}; see `workbook restore --list`."
            )
        return Path(found[number - 1].path)
    path = Path(wanted).expanduser()
    if not path.is_file():
        raise InvalidInput(f"{wanted!r} is not a backup number or a file.")
    return path
