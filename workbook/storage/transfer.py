"""Moving a whole workbook: a full JSON export, and importing one into a new profile.

An import can never hurt a workbook. The file is read only if it is a regular file of at most
:data:`MAX_IMPORT_BYTES`, checked completely (:mod:`workbook.storage.import_check`), and only then
is the new profile built, in a temporary folder inside the data folder, and moved into place with
one rename. Ctrl+C, a full disk or a kill at any moment leaves either the whole new profile or no
profile at all; a temporary folder left by a kill is removed by the next import.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from workbook import __version__
from workbook.errors import EXIT_SAVE_FAILED, InvalidInput, WorkbookError, WriteFailed
from workbook.models import Profile, ProfileCard
from workbook.paths import FILE_MODE, ensure_private_dir
from workbook.storage.codec import Codec, Data, PlainCodec, dump_json
from workbook.storage.crypto import DEFAULT_KDF, KdfParams
from workbook.storage.import_check import (
    EXPORT_FORMAT,
    ImportRefused,
    check_data,
    parse_json,
    unwrap,
)
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.profiles import DataRoot
from workbook.storage.repository import Repository
from workbook.storage.store import create_store

__all__ = [
    "EXPORT_FORMAT",
    "MAX_IMPORT_BYTES",
    "ImportFailed",
    "ImportRefused",
    "Imported",
    "export_bytes",
    "export_document",
    "import_new_profile",
    "read_export",
    "read_import_file",
]

MAX_IMPORT_MB = 20
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024
"""The largest file import reads: twenty years of daily entries export to about 3.4 MB."""

BUILDING_PREFIX = ".import-"


def export_document(repo: Repository, exported_at: str) -> dict[str, Any]:
    """The whole workbook with its schema version, ready to write as JSON."""
    return {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "exported": exported_at,
        "workbook": repo.export_data(),
    }


def export_bytes(repo: Repository, exported_at: str) -> bytes:
    return dump_json(export_document(repo, exported_at))


class ImportFailed(WorkbookError):
    """The new workbook could not be written; nothing was imported and nothing else changed."""

    exit_code = EXIT_SAVE_FAILED

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The new workbook could not be written ({detail}), so nothing was imported. "
            "Every other workbook here is unchanged; you could free some space and try again."
        )


# --- Reading the file ---------------------------------------------------------------------------


def read_import_file(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_IMPORT_BYTES`, or a plain refusal.

    Opened without blocking, so a pipe (FIFO) is refused rather than waited on forever; devices
    such as ``/dev/zero`` and folders are refused before anything is read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {str(path)!r}.") from None
    except OSError as exc:
        raise InvalidInput(f"{str(path)!r} could not be read ({exc.strerror}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InvalidInput(f"{str(path)!r} is {what}; please give an exported .json file.")
        if info.st_size > MAX_IMPORT_BYTES:
            raise _too_big(path)
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(f"{str(path)!r} could not be read ({exc.strerror}).") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_IMPORT_BYTES:  # it grew while we read it
        raise _too_big(path)
    return raw


def _too_big(path: Path) -> InvalidInput:
    return InvalidInput(
        f"{str(path)!r} is larger than {MAX_IMPORT_MB} MB, the most an import reads; "
        "an export of many years is only a few MB, so this is likely not an export."
    )


def read_export(raw: bytes) -> Data:
    """Check an export completely; return its checked workbook data at the current version."""
    data, version = unwrap(parse_json(raw))
    return check_data(data, version)


# --- Building the new profile -----------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """The new profile, and its recovery code when it was made with a passphrase (shown once)."""

    card: ProfileCard
    recovery_code: str | None = None


def import_new_profile(
    root: DataRoot,
    data: Data,
    codec: Codec | None = None,
    name: str | None = None,
    *,
    passphrase: str | None = None,
    recovery: bool = True,
) -> ProfileCard:
    """Create a new profile holding ``data`` (checked by :func:`read_export`): all or nothing."""
    return import_profile(root, data, codec, name, passphrase=passphrase, recovery=recovery).card


def import_profile(
    root: DataRoot,
    data: Data,
    codec: Codec | None = None,
    name: str | None = None,
    *,
    passphrase: str | None = None,
    recovery: bool = True,
    kdf: KdfParams = DEFAULT_KDF,
) -> Imported:
    """As :func:`import_new_profile`, also returning the recovery code of a new passphrase.

    The profile is built as a whole data folder of its own in ``<data dir>/.import-<random>/``
    through :class:`DataRoot`'s own ``create``/``create_private_open``, then its profile folder is
    renamed into ``<data dir>/profiles/``. Until that rename nothing is visible; after it, all is.
    """
    profile = Profile.model_validate(data["profile"]["1"])
    if name:
        profile = Profile.model_validate({**profile.model_dump(mode="json"), "display_name": name})
    data = {**data, "profile": {"1": profile.model_dump(mode="json")}}
    _check_allowed(root, profile.display_name, encrypted=passphrase is not None)
    root.prepare()
    _clean_abandoned(root.path)
    building = root.path / f"{BUILDING_PREFIX}{os.urandom(6).hex()}"
    ensure_private_dir(building)
    lock = _hold(building)
    try:
        made = _build(DataRoot(building), profile, data, codec, passphrase, (recovery, kdf))
        _check_allowed(root, profile.display_name, encrypted=passphrase is not None)
        _move_into_place(building / "profiles" / made.card.id, root.profiles_dir / made.card.id)
        return made
    except WriteFailed as exc:
        raise ImportFailed(exc.detail) from None
    finally:
        lock.release()
        shutil.rmtree(building, ignore_errors=True)


def _build(
    place: DataRoot,
    profile: Profile,
    data: Data,
    codec: Codec | None,
    passphrase: str | None,
    keys: tuple[bool, KdfParams],
) -> Imported:
    code: str | None = None
    if passphrase is not None:
        recovery, kdf = keys
        card, code, new_codec = place.create_private_open(
            profile, passphrase, recovery=recovery, kdf=kdf
        )
        codec = new_codec
    else:
        card = place.create(profile, codec=codec)
    # The new, empty workbook is replaced by the imported one (still out of sight).
    create_store(place.files(card), codec or PlainCodec(), data)
    return Imported(card, code)


def _check_allowed(root: DataRoot, name: str, *, encrypted: bool) -> None:
    taken = {c.display_name.casefold() for c in root.cards()}
    if name.casefold() in taken:
        raise InvalidInput(
            f"There is already a workbook called {name!r}, so nothing was imported. "
            "Give the new one another name with --profile, like --profile "
            f"{(name[:50] + ' (copy)')!r}."
        )
    if not encrypted and root.config().require_passphrase:
        raise InvalidInput(
            "On this computer every workbook needs a passphrase (the group's settings ask "
            "for one), so nothing was imported. Add --passphrase."
        )


def _move_into_place(source: Path, target: Path) -> None:
    try:
        os.rename(source, target)
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)  # the rename itself is what must survive a power cut
        finally:
            os.close(fd)
    except OSError as exc:
        raise WriteFailed(exc.strerror or "the new workbook could not be put in place") from None


def _hold(folder: Path) -> FileLock:
    """Mark a building folder as in use, so a second import never removes it."""
    lock = FileLock(folder / ".lock", mode=FILE_MODE, thread_local=False)
    lock.acquire(blocking=False)
    return lock


def _clean_abandoned(data_dir: Path) -> None:
    """Remove building folders left by an import that was killed (nobody holds their lock)."""
    for folder in data_dir.glob(f"{BUILDING_PREFIX}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        lock = FileLock(folder / ".lock", mode=FILE_MODE, thread_local=False)
        try:
            lock.acquire(blocking=False)
        except (Timeout, OSError):
            continue  # another import is building here right now
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            with contextlib.suppress(OSError):
                lock.release()
