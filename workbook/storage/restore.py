"""Putting a workbook back: a backup restored, a fresh start, or what salvage put together.

Whatever is in the workbook's place is kept first: copied as a pre-restore backup if it can be
read, else moved whole into quarantine (a folder, a file we may not read, a symbolic link). The
written workbook's save counter is set above every backup's, so what was just put back counts
as the newest version from now on, and later backups order after it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import DataUnreadable, WriteFailed
from workbook.paths import check_private
from workbook.storage import backups
from workbook.storage.atomic import atomic_write, describe_os_error
from workbook.storage.codec import Codec, CorruptData, Data
from workbook.storage.loading import load_checked, save_count_of, validate_data
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.store import ProfileFiles, acquire_lock, prepare
from workbook.storage.tinystore import META_DOC, META_TABLE


@dataclass(frozen=True)
class Restored:
    """What a restore did with the file it replaced, so the person is told only the truth."""

    kept: Path | None = None
    """The pre-restore backup of the replaced file, if one was taken."""
    quarantined: Path | None = None
    """Where a replaced file that could not be copied (a folder, unreadable) was moved."""


def restore_backup(
    files: ProfileFiles, codec: Codec, backup: Path, name: str = "", wait: float = 0.0
) -> Restored:
    """Put a backup back as the workbook, keeping the current file as a pre-restore backup.

    The backup is checked first; a backup that does not open is refused and nothing changes.
    The restored workbook's save counter is set above every backup's, so what was just put
    back is the newest version from now on (and later backups order after it).
    """
    try:
        if backup.parent == files.backups:
            check_private(backup, is_dir=False)  # ours; a file from a USB stick is only read
        raw = backup.read_bytes()
    except OSError as exc:
        detail = describe_os_error(exc)
        raise DataUnreadable(f"that backup cannot be read: {detail}", None, 0) from exc
    try:
        data, version = load_checked(raw, codec)
    except CorruptData:
        raise DataUnreadable("that backup cannot be read either", None, 0) from None
    prepare(files)
    lock = acquire_lock(files, name, wait)
    try:
        restored = _set_aside(files, codec)
        if version <= SCHEMA_VERSION:
            data[META_TABLE][META_DOC]["save_count"] = _top_count(files) + 1
            raw = codec.encode(data)
        atomic_write(files.workbook, raw)
    finally:
        lock.release()
    return restored


def start_empty(
    files: ProfileFiles, codec: Codec, data: Data, name: str = "", wait: float = 0.0
) -> Restored:
    """Write ``data`` as the workbook in place of an unreadable one: a fresh start the person
    chose, or what salvage put together. Whatever is in its place is kept first."""
    validate_data(data)
    prepare(files)
    lock = acquire_lock(files, name, wait)
    try:
        restored = _set_aside(files, codec)
        data.setdefault(META_TABLE, {}).setdefault(META_DOC, {})["save_count"] = (
            _top_count(files) + 1
        )
        atomic_write(files.workbook, codec.encode(data))
    finally:
        lock.release()
    return restored


def _set_aside(files: ProfileFiles, codec: Codec) -> Restored:
    """Keep whatever is at the workbook's place before it is replaced: copied as a pre-restore
    backup if it can be read, else moved whole into quarantine (a folder, a file we may not
    read, a symbolic link). Raises WriteFailed, changing nothing, if neither is possible."""
    path = files.workbook
    if not os.path.lexists(path):
        return Restored()
    if path.is_file() and not path.is_symlink():
        try:
            raw = path.read_bytes()
        except OSError:
            pass  # unreadable: moved aside below
        else:
            count = _count_in(raw, codec)
            kept = backups.take_backup_bytes(raw, files.backups, backups.PRE_RESTORE, count=count)
            return Restored(kept=kept)
    try:
        moved = backups.quarantine(path, files.quarantine, "replaced-by-restore")
    except OSError as exc:
        raise WriteFailed(describe_os_error(exc)) from exc
    return Restored(quarantined=moved)


def _count_in(raw: bytes, codec: Codec) -> int | None:
    try:
        return save_count_of(codec.decode(raw))
    except CorruptData:
        return None


def _top_count(files: ProfileFiles) -> int:
    """The largest save counter any backup of this profile was taken at."""
    return max((b.count or 0 for b in backups.list_backups(files.backups)), default=0)
