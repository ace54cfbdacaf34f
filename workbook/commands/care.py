"""``workbook doctor|backup|restore``: look after the files that hold a workbook.

``doctor`` and ``backup`` only read, so they work while the workbook is open in a window.
"""

from __future__ import annotations

import argparse
import stat
from pathlib import Path
from typing import Any

from workbook.commands.common import LOCK_WAIT, add_profile_option, chosen_card, codec_for
from workbook.errors import (
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_UNSAFE,
    CouldNotKeep,
    DataUnreadable,
    InvalidInput,
    ProfileInUse,
    UnsafePermissions,
    WriteFailed,
)
from workbook.paths import check_data_root
from workbook.storage import DataRoot, list_backups
from workbook.storage.atomic import describe_os_error
from workbook.storage.backups import (
    CHANGED_ELSEWHERE,
    KEEP_MANUAL,
    MANUAL,
    Backup,
    prune,
    take_backup_bytes,
)
from workbook.storage.codec import Codec, CorruptData
from workbook.storage.holdings import holdings_of, read_holdings
from workbook.storage.restore import Restored, restore_backup
from workbook.storage.store import ProfileFiles, acquire_lock, load_checked
from workbook.terminal import say
from workbook.text import counted


def register(sub: argparse._SubParsersAction[Any]) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="check a workbook's files are healthy and private",
        description="Reads the workbook and its backups, checks permissions and the lock, "
        "and says where your data lives. Changes nothing, unless you ask it to --salvage.",
        epilog="Exit code 0 when all is well. Example: workbook doctor --profile Sam",
    )
    add_profile_option(doctor)
    doctor.add_argument(
        "--salvage",
        nargs="?",
        const="",
        metavar="FILE",
        help="get back what a damaged file still holds (default: the workbook if it does not "
        "read, else the newest file in quarantine), laid over your workbook or latest backup",
    )
    doctor.set_defaults(handler=run_doctor)
    backup = sub.add_parser(
        "backup",
        help="take a backup now",
        description="Copies the workbook into its backups folder and checks the copy. "
        f"The {KEEP_MANUAL} newest backups taken this way are kept.",
        epilog="Example: workbook backup --profile Sam",
    )
    add_profile_option(backup)
    backup.set_defaults(handler=run_backup)
    restore = sub.add_parser(
        "restore",
        help="put a backup back",
        description="Restores the latest good backup (the one saved last, whatever the clock "
        "said), or the one you name, after showing what it holds. The current file is kept as "
        "a pre-restore backup first, so a restore can itself be undone.",
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
    if args.salvage is not None:
        from workbook.commands.salvage import run_salvage

        return run_salvage(args, root, card, codec)
    say(f"Workbook: {card.label} [{card.id}]  {files.folder}")
    problems: list[str] = []
    _doctor_permissions(files, problems)
    unreadable = _doctor_file(files, codec, problems)
    _doctor_lock(files, card.display_name)
    _doctor_backups(files, codec, problems)
    if unreadable:
        say(
            "Your workbook file could not be read. Opening it moves a damaged file to "
            "quarantine (never deleting it). `workbook doctor --salvage` gets back what it "
            "still holds, laid over the latest good backup; `workbook restore` puts back that "
            "backup alone. Both keep what is there now."
        )
        return EXIT_UNREADABLE
    if problems:
        return EXIT_UNSAFE
    say("All is well.")
    return EXIT_OK


def _doctor_permissions(files: ProfileFiles, problems: list[str]) -> None:
    for path, wanted in ((files.folder, 0o700), (files.workbook, 0o600)):
        if path.exists() and not path.is_symlink():
            mode = stat.S_IMODE(path.lstat().st_mode)
            _check(
                mode & ~wanted == 0,
                f"{path.name} is private ({oct(mode)})",
                f"{path.name} can be reached by other users ({oct(mode)}); opening it fixes this",
                problems,
            )


def _doctor_file(files: ProfileFiles, codec: Codec, problems: list[str]) -> bool:
    """Check the workbook file reads, validates and matches its checksum; True if unreadable."""
    path = files.workbook
    if path.is_symlink():
        # Every other command refuses to follow it, so doctor must not call it well.
        _check(
            False, "", f"{path.name} is a symbolic link; the workbook will not follow it", problems
        )
        return False  # refused like unsafe permissions (exit 4), never quarantined
    if not path.exists():
        _check(False, "", "the workbook file is missing", problems)
        return True
    if path.is_dir():
        _check(False, "", f"{path.name} is a folder, not a file", problems)
        return True
    try:
        data, version = load_checked(path.read_bytes(), codec)
    except OSError as exc:
        _check(False, "", f"the workbook cannot be read: {describe_os_error(exc)}", problems)
        return True
    except CorruptData as exc:
        _check(False, "", f"the workbook cannot be read: {exc}", problems)
        return True
    held = holdings_of(data)
    saves = held.save_count or 0
    say(
        f"  ok  the workbook reads, validates and matches its checksum: schema {version}, "
        f"{counted(held.total(), 'entry', 'entries')}, saved {counted(saves, 'time', 'times')}"
    )
    return False


def _doctor_lock(files: ProfileFiles, name: str) -> None:
    try:
        acquire_lock(files, name).release()
        say("  ok  not open in any window right now")
    except ProfileInUse:
        say("  ok  open in a window right now (that is fine; doctor only reads)")
    except WriteFailed as exc:
        say(f"  --  the lock could not be checked ({exc.detail})")


def _doctor_backups(files: ProfileFiles, codec: Codec, problems: list[str]) -> None:
    found = list_backups(files.backups)
    if not found:
        say("  --  no backups yet (one is taken the first time it opens each day)")
        return
    good = [b for b in found if read_holdings(b.path, codec) is not None]
    _check(
        bool(good),
        f"{len(found)} backups; the latest good one is {good[0].label}" if good else "",
        f"none of the {len(found)} backups opens",
        problems,
    )
    if good and len(good) < len(found):
        say(f"  --  {len(found) - len(good)} backup(s) do not open (kept, never deleted)")
    elsewhere = [b for b in found if b.kind == CHANGED_ELSEWHERE]
    if elsewhere:
        say(
            f"  --  {len(elsewhere)} version(s) written behind an open window are kept as "
            "backups (`workbook restore --list` shows what each holds)"
        )
    quarantined = list(files.quarantine.glob("*.json")) if files.quarantine.is_dir() else []
    if quarantined:
        say(f"  --  {len(quarantined)} unreadable file(s) kept in {files.quarantine}")


def run_backup(args: argparse.Namespace, root: DataRoot) -> int:
    card = chosen_card(args, root)
    files = root.files(card)
    codec = codec_for(card)
    if not files.workbook.is_file() or files.workbook.is_symlink():
        raise DataUnreadable("the workbook file is missing", None, len(list_backups(files.backups)))
    try:
        raw = files.workbook.read_bytes()
        data, _version = load_checked(raw, codec)
    except OSError as exc:
        raise DataUnreadable(describe_os_error(exc), None, 0) from exc
    except CorruptData as exc:
        raise DataUnreadable(f"{exc}; run `workbook doctor`", None, 0) from exc
    held = holdings_of(data)
    try:
        path = take_backup_bytes(raw, files.backups, MANUAL, count=held.save_count)
        if read_holdings(path, codec) != held:
            path.unlink()
            raise CouldNotKeep("The backup did not read back the same, so it was not kept.")
        pruned = prune(files.backups)
    except WriteFailed as exc:
        raise CouldNotKeep(
            f"The backup could not be made ({exc.detail}). Your workbook itself is unchanged."
        ) from exc
    except OSError as exc:
        raise CouldNotKeep(
            f"The backup could not be made ({describe_os_error(exc)}). "
            "Your workbook itself is unchanged."
        ) from exc
    say(f"Backed up {card.label}'s workbook to {path}")
    say(f"It holds {held.describe()}.")
    if pruned:
        say(
            f"The {KEEP_MANUAL} newest manual backups are kept; {len(pruned)} older one(s) removed."
        )
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
            held = read_holdings(b.path, codec)
            state = f"opens fine: {held.describe()}" if held is not None else "does not open"
            say(f"{number:>3}. {b.label}  {state}")
        return EXIT_OK
    chosen, label = _choose_backup(args.backup, found, codec)
    held = read_holdings(chosen, codec)
    if held is not None:
        say(f"The backup from {label} holds {held.describe()}.")
    current = read_holdings(files.workbook, codec) if files.workbook.is_file() else None
    if current is not None:
        say(f"Your workbook now holds {current.describe()}.")
    try:
        done = restore_backup(files, codec, chosen, card.display_name, wait=LOCK_WAIT)
    except WriteFailed as exc:
        raise CouldNotKeep(
            f"The backup could not be put back ({exc.detail}). Nothing was changed."
        ) from exc
    say(f"Restored {card.label}'s workbook from {chosen.name}.")
    say(_what_was_replaced(done))
    return EXIT_OK


def _what_was_replaced(done: Restored) -> str:
    if done.kept is not None:
        return (
            f"The file it replaced was kept as a pre-restore backup ({done.kept.name}), "
            "so this restore can itself be undone."
        )
    if done.quarantined is not None:
        return (
            "What was in the workbook's place could not be copied; "
            f"it was moved, untouched, to {done.quarantined}."
        )
    return "There was no workbook file to replace."


def _choose_backup(wanted: str | None, found: list[Backup], codec: Codec) -> tuple[Path, str]:
    if wanted is None:
        for b in found:
            if read_holdings(b.path, codec) is not None:
                return b.path, b.label
        raise InvalidInput("There is no backup that opens, so nothing was restored.")
    if wanted.isdigit():
        number = int(wanted)
        if not 1 <= number <= len(found):
            raise InvalidInput(
                f"There is no backup number {number}; see `workbook restore --list`."
            )
        return found[number - 1].path, found[number - 1].label
    path = Path(wanted).expanduser()
    if not path.is_file():
        raise InvalidInput(f"{wanted!r} is not a backup number or a file.")
    return path, path.name
