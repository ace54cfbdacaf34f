"""Opening one person's workbook file: lock, clean up, read, migrate, validate, back up.

``open_store`` is the only way a workbook file is opened. Opened to write, it holds the profile's
exclusive lock until ``close``; a second writer gets :class:`ProfileInUse`. Opened to read, it
takes no lock and changes nothing on disk (atomic replace means a read is always consistent).
A file that cannot be read or validated is moved to ``quarantine/`` and reported with
:class:`DataUnreadable`; the caller offers: restore the latest good backup, start empty, or quit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from workbook import __version__, clock
from workbook.errors import DataUnreadable, ProfileInUse, WriteFailed
from workbook.paths import FILE_MODE, check_private, ensure_private_dir
from workbook.storage import backups
from workbook.storage.atomic import atomic_write, clean_stale_temps
from workbook.storage.codec import Codec, CorruptData, Data, PlainCodec
from workbook.storage.crypto import EncryptedCodec, NeedsPassphrase, looks_encrypted
from workbook.storage.migrations import SCHEMA_VERSION, migrate
from workbook.storage.tinystore import META_DOC, META_TABLE, AtomicStorage
from workbook.storage.validation import find_problems

WORKBOOK_FILE = "workbook.json"


@dataclass(frozen=True)
class ProfileFiles:
    """The files of one profile folder."""

    folder: Path

    @property
    def workbook(self) -> Path:
        return self.folder / WORKBOOK_FILE

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def quarantine(self) -> Path:
        return self.folder / "quarantine"

    @property
    def lock(self) -> Path:
        return self.folder / ".lock"

    def prepare(self) -> None:
        """Create the folders privately, or check and tighten existing ones."""
        for folder in (self.folder, self.backups, self.quarantine):
            ensure_private_dir(folder)


def new_data() -> Data:
    """The data of an empty workbook at the current schema version."""
    return {META_TABLE: {META_DOC: meta_doc()}}


def meta_doc(save_count: int = 0) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "app_version": __version__, "save_count": save_count}


def schema_version_of(data: Data) -> int:
    """The schema version a file says it has; a file without one is not a workbook."""
    meta = data.get(META_TABLE, {}).get(META_DOC)
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptData("the file has no schema version")
    return version


def validate_data(data: Data) -> None:
    """Check every document against its model; raise :class:`CorruptData` on the first problem."""
    problems = find_problems(data, limit=1)
    if problems:
        raise CorruptData(problems[0].summary)


def load_checked(raw: bytes, codec: Codec) -> tuple[Data, int]:
    """Decode, migrate in memory and validate; return the data and its original version."""
    data = codec.decode(raw)
    version = schema_version_of(data)
    if version > SCHEMA_VERSION:
        return data, version
    if version < SCHEMA_VERSION:
        data = migrate(data, version)
    validate_data(data)
    return data, version


def is_good(raw: bytes, codec: Codec) -> bool:
    """Whether ``raw`` is a workbook this version can open (used to vet backups)."""
    try:
        load_checked(raw, codec)
    except CorruptData:
        return False
    return True


def acquire_lock(files: ProfileFiles, name: str = "") -> FileLock:
    """Take the profile's exclusive lock at once, or raise :class:`ProfileInUse`."""
    lock = FileLock(
        files.lock,
        mode=FILE_MODE,
        thread_local=False,
        fallback_to_soft=False,
        preserve_lock_file=True,
    )
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise ProfileInUse(name) from None
    return lock


@dataclass
class Store:
    """An open workbook file: TinyDB over :class:`AtomicStorage`, and what we learnt opening it."""

    files: ProfileFiles
    codec: Codec
    storage: AtomicStorage
    lock: FileLock | None
    read_only_reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    db: TinyDB = field(init=False)

    def __post_init__(self) -> None:
        storage = self.storage
        self.db = TinyDB(storage=lambda: storage)

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several changes into one atomic save; on any error nothing is saved."""
        self.storage.begin()
        try:
            yield
        except BaseException:
            self.storage.rollback()
            self.db.clear_cache()
            raise
        try:
            self.storage.commit()
        except BaseException:
            self.db.clear_cache()
            raise

    def backup(self, kind: str = backups.MANUAL) -> Path:
        """Take a backup of the saved file now."""
        return backups.take_backup(self.files.workbook, self.files.backups, kind)

    def close(self) -> None:
        """Release the lock and drop the data (and an encrypted profile's key) from memory."""
        self.db.close()
        forget = getattr(self.codec, "forget", None)
        if callable(forget):
            forget()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def count_good_backups(files: ProfileFiles, codec: Codec) -> int:
    return sum(1 for b in backups.list_backups(files.backups) if _readable_good(b.path, codec))


def _readable_good(path: Path, codec: Codec) -> bool:
    try:
        return is_good(path.read_bytes(), codec)
    except OSError:
        return False


def create_store(files: ProfileFiles, codec: Codec, data: Data) -> None:
    """Write a brand-new workbook file (the folder must be new or empty of a workbook)."""
    files.prepare()
    lock = acquire_lock(files)
    try:
        validate_data(data)
        atomic_write(files.workbook, codec.encode(data))
    finally:
        lock.release()


def open_store(
    files: ProfileFiles,
    codec: Codec | None = None,
    *,
    write: bool = True,
    today: date | None = None,
    name: str = "",
) -> Store:
    """Open a profile's workbook to write (locked) or only to read (no lock, no changes)."""
    codec = codec or PlainCodec()
    if not write:
        return _open_for_reading(files, codec)
    files.prepare()
    lock = acquire_lock(files, name)
    try:
        return _open_for_writing(files, codec, lock, today or clock.today())
    except BaseException:
        lock.release()
        raise


def _unreadable(files: ProfileFiles, codec: Codec, reason: str, move: bool) -> DataUnreadable:
    moved = None
    if move and files.workbook.exists():
        moved = backups.quarantine(files.workbook, files.quarantine, reason)
    return DataUnreadable(reason, moved, count_good_backups(files, codec))


def _read_raw(files: ProfileFiles, codec: Codec, move: bool) -> bytes:
    if not files.workbook.exists():
        raise _unreadable(files, codec, "the workbook file is missing", move=False)
    # Permissions are checked on every open, to read or to write: refused if another user
    # owns the file, tightened if it is ours with looser bits.
    for folder in (files.folder.parent, files.folder):
        check_private(folder, is_dir=True)
    check_private(files.workbook, is_dir=False)
    raw = files.workbook.read_bytes()
    if looks_encrypted(raw) and not isinstance(codec, EncryptedCodec):
        # Never quarantine a file only because the passphrase was not given.
        raise NeedsPassphrase("This workbook is locked with a passphrase; unlock it to open it.")
    return raw


def _open_for_reading(files: ProfileFiles, codec: Codec) -> Store:
    raw = _read_raw(files, codec, move=False)
    try:
        data, version = load_checked(raw, codec)
    except CorruptData as exc:
        raise _unreadable(files, codec, str(exc), move=False) from exc
    storage = AtomicStorage(files.workbook, codec, data, read_only=True)
    reason = "it is open only to read"
    if version > SCHEMA_VERSION:
        reason = _newer_reason(data)
    return Store(files, codec, storage, None, read_only_reason=reason)


def _newer_reason(data: Data) -> str:
    made_by = data.get(META_TABLE, {}).get(META_DOC, {}).get("app_version", "a newer version")
    return (
        f"it was last saved by a newer version of Side by Side ({made_by}). It opens "
        "read-only so nothing in it can be lost; update Side by Side to change it."
    )


def _open_for_writing(files: ProfileFiles, codec: Codec, lock: FileLock, today: date) -> Store:
    clean_stale_temps(files.folder)
    clean_stale_temps(files.backups)
    raw = _read_raw(files, codec, move=True)
    try:
        data, version = load_checked(raw, codec)
    except CorruptData as exc:
        raise _unreadable(files, codec, str(exc), move=True) from exc
    warnings: list[str] = []
    if version > SCHEMA_VERSION:
        storage = AtomicStorage(files.workbook, codec, data, read_only=True)
        return Store(files, codec, storage, lock, read_only_reason=_newer_reason(data))
    if version < SCHEMA_VERSION:
        backups.take_backup(files.workbook, files.backups, backups.PRE_MIGRATION)
    storage = AtomicStorage(files.workbook, codec, data)
    if version < SCHEMA_VERSION:
        storage.write(data)
    _daily_backup(files, today, warnings)
    return Store(files, codec, storage, lock, warnings=warnings)


def _daily_backup(files: ProfileFiles, today: date, warnings: list[str]) -> None:
    try:
        if not backups.has_daily_for(files.backups, today):
            # Named for the day it was checked against, so the next open that day finds it.
            when = datetime.combine(today, clock.now().timetz())
            backups.take_backup(files.workbook, files.backups, backups.DAILY, when)
            backups.prune(files.backups)
    except (WriteFailed, OSError) as exc:
        warnings.append(f"Today's backup could not be made ({exc}). Your workbook is fine.")


def restore_backup(files: ProfileFiles, codec: Codec, backup: Path, name: str = "") -> None:
    """Put a backup back as the workbook, keeping the current file as a pre-restore backup.

    The backup is checked first; a backup that does not open is refused and nothing changes.
    """
    if backup.parent == files.backups:
        check_private(backup, is_dir=False)  # ours; a file from a USB stick is only read
    raw = backup.read_bytes()
    if not is_good(raw, codec):
        raise DataUnreadable("that backup cannot be read either", None, 0)
    files.prepare()
    lock = acquire_lock(files, name)
    try:
        if files.workbook.exists():
            backups.take_backup(files.workbook, files.backups, backups.PRE_RESTORE)
        atomic_write(files.workbook, raw)
    finally:
        lock.release()


def start_empty(files: ProfileFiles, codec: Codec, data: Data, name: str = "") -> None:
    """Write a fresh workbook after the old one was quarantined (the person chose this)."""
    files.prepare()
    lock = acquire_lock(files, name)
    try:
        if files.workbook.exists():
            backups.take_backup(files.workbook, files.backups, backups.PRE_RESTORE)
        validate_data(data)
        atomic_write(files.workbook, codec.encode(data))
    finally:
        lock.release()
