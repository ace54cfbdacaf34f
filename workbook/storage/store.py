"""Opening one person's workbook file: lock, clean up, read, migrate, validate, back up.

``open_store`` is the only way a workbook file is opened. Opened to write, it holds the profile's
exclusive lock until ``close``; a second writer gets :class:`ProfileInUse`. Opened to read, it
takes no lock and changes nothing on disk (atomic replace means a read is always consistent).
A file that cannot be read or validated is moved to ``quarantine/`` and reported with
:class:`DataUnreadable`; the caller offers: restore the latest good backup, start empty, or quit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb import TinyDB

from workbook import clock
from workbook.errors import DataUnreadable, ProfileInUse, WriteFailed
from workbook.paths import FILE_MODE, check_private, ensure_private_dir
from workbook.storage import backups
from workbook.storage.atomic import atomic_write, clean_stale_temps, describe_os_error
from workbook.storage.codec import Codec, CorruptData, Data, PlainCodec
from workbook.storage.crypto import EncryptedCodec, NeedsPassphrase, looks_encrypted
from workbook.storage.guard import ChangeGuard

# Re-exported as well: these were long imported from here.
from workbook.storage.loading import is_good as is_good
from workbook.storage.loading import load_checked as load_checked
from workbook.storage.loading import new_data as new_data
from workbook.storage.loading import save_count_of as save_count_of
from workbook.storage.loading import schema_version_of as schema_version_of
from workbook.storage.loading import validate_data as validate_data
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.tinystore import META_DOC, META_TABLE, AtomicStorage

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


def prepare(files: ProfileFiles) -> None:
    """Create or check the profile's folders; a read-only or full disk is a plain WriteFailed."""
    try:
        files.prepare()
    except OSError as exc:
        raise WriteFailed(describe_os_error(exc)) from exc


def acquire_lock(files: ProfileFiles, name: str = "", wait: float = 0.0) -> FileLock:
    """Take the profile's exclusive lock, waiting up to ``wait`` seconds (a command-line
    writer waits a moment for another to finish); else raise :class:`ProfileInUse`."""
    lock = FileLock(
        files.lock,
        mode=FILE_MODE,
        thread_local=False,
        fallback_to_soft=False,
        preserve_lock_file=True,
    )
    try:
        if wait > 0:
            lock.acquire(timeout=wait, poll_interval=0.02)
        else:
            lock.acquire(blocking=False)
    except Timeout:
        raise ProfileInUse(name) from None
    except OSError as exc:
        raise WriteFailed(describe_os_error(exc)) from exc
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
    guard: ChangeGuard | None = None
    _db: TinyDB = field(init=False, repr=False)
    _merges: int = field(init=False, default=0, repr=False)

    def __post_init__(self) -> None:
        self._db = self._new_db()

    def _new_db(self) -> TinyDB:
        storage = self.storage
        return TinyDB(storage=lambda: storage)

    @property
    def db(self) -> TinyDB:
        """TinyDB over our storage. After a save merged in someone else's version, TinyDB's
        cached next ids may be taken, so a fresh TinyDB (same storage, same data) is handed out."""
        if self._merges != self.storage.merges:
            self._merges = self.storage.merges
            self._db = self._new_db()
        return self._db

    def take_notices(self) -> list[str]:
        """Plain sentences about saves the person should know of (a change found behind an open
        window), each given once."""
        if self.guard is None:
            return []
        notices, self.guard.notices = self.guard.notices, []
        return notices

    def when_noticed(self, listener: Callable[[], None] | None) -> None:
        """Call ``listener`` each time a save leaves a notice to take (see take_notices)."""
        if self.guard is not None:
            self.guard.on_notice = listener

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
        count = save_count_of(self.storage.read())
        return backups.take_backup(self.files.workbook, self.files.backups, kind, count=count)

    def close(self) -> None:
        """Release the lock and drop the data (and an encrypted profile's key) from memory."""
        self.db.close()
        if self.guard is not None:
            self.guard.close()
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
    prepare(files)
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
    wait: float = 0.0,
) -> Store:
    """Open a profile's workbook to write (locked) or only to read (no lock, no changes).

    ``wait`` is how long a writer waits for the lock before :class:`ProfileInUse`.
    """
    codec = codec or PlainCodec()
    if not write:
        return _open_for_reading(files, codec)
    prepare(files)
    lock = acquire_lock(files, name, wait)
    try:
        return _open_for_writing(files, codec, lock, today or clock.today())
    except BaseException:
        lock.release()
        raise


def _unreadable(files: ProfileFiles, codec: Codec, reason: str, move: bool) -> DataUnreadable:
    moved = None
    if move and files.workbook.exists():
        try:
            moved = backups.quarantine(files.workbook, files.quarantine, reason)
        except OSError:
            moved = None  # left where it is, untouched (a read-only disk, say)
    return DataUnreadable(reason, moved, count_good_backups(files, codec))


def _read_raw(files: ProfileFiles, codec: Codec, move: bool) -> bytes:
    if not files.workbook.exists():
        raise _unreadable(files, codec, "the workbook file is missing", move=False)
    # Permissions are checked on every open, to read or to write: refused if another user
    # owns the file, tightened if it is ours with looser bits.
    for folder in (files.folder.parent, files.folder):
        check_private(folder, is_dir=True)
    if files.workbook.is_dir() and not files.workbook.is_symlink():
        raise _unreadable(files, codec, "a folder is where the workbook file should be", False)
    check_private(files.workbook, is_dir=False)
    try:
        raw = files.workbook.read_bytes()
    except OSError as exc:
        # Never moved: the file may be fine once its permissions are put right.
        raise _unreadable(files, codec, describe_os_error(exc), move=False) from exc
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
        backups.take_backup_bytes(
            raw, files.backups, backups.PRE_MIGRATION, count=save_count_of(data)
        )
    guard = ChangeGuard(files.workbook, files.backups, codec, raw, data)
    storage = AtomicStorage(files.workbook, codec, data, guard=guard)
    if version < SCHEMA_VERSION:
        storage.write(data)
    # The bytes just read are the file on disk (we hold the lock), unless a migration has
    # just saved over them: then the backup is read from the file, as it is now.
    same = raw if version == SCHEMA_VERSION else None
    _daily_backup(files, today, warnings, save_count_of(data), same)
    return Store(files, codec, storage, lock, warnings=warnings, guard=guard)


def _daily_backup(
    files: ProfileFiles,
    today: date,
    warnings: list[str],
    count: int | None,
    raw: bytes | None = None,
) -> None:
    """Take today's backup if there is none yet: ``raw``, the file's bytes if in hand (no
    second copy of a large workbook is read), else the file as it is on disk."""
    try:
        if not backups.has_daily_for(files.backups, today):
            # Named for the day it was checked against, so the next open that day finds it.
            when = datetime.combine(today, clock.now().timetz())
            backups.take_backup(files.workbook, files.backups, backups.DAILY, when, count, raw)
            backups.prune(files.backups)
    except WriteFailed as exc:
        warnings.append(f"Today's backup could not be made ({exc.detail}). Your workbook is fine.")
    except OSError as exc:
        detail = describe_os_error(exc)
        warnings.append(f"Today's backup could not be made ({detail}). Your workbook is fine.")
