"""Adding, changing and removing a profile's passphrase, file by file, under the profile's lock.

Each change keeps one promise at every step, so a crash part way loses nothing:

* **Adding** leaves no readable copy of the person's words in the profile folder: the workbook,
  every backup and every set-aside (quarantined) file is encrypted, whatever state it is in, and
  temp files a crashed save left behind are removed.
* **Changing** (the passphrase or the recovery code) rotates the data key and re-encrypts every
  file under the new one; an old ``keys.json`` with the old secret opens nothing written after.
* **Removing** decrypts the set-aside files too, so none is left that nothing can open.

The order on disk for adding and removing goes through a pending key file (see
:func:`workbook.storage.keyfile.write_pending`): a key file beside a plain workbook would make
the profile refuse it (a plain file put beside ``keys.json`` is how a downgrade is tried).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from workbook import clock
from workbook.errors import InvalidInput
from workbook.paths import check_private
from workbook.storage import crypto
from workbook.storage.atomic import atomic_write, clean_stale_temps
from workbook.storage.backups import list_backups
from workbook.storage.codec import CorruptData, load_json
from workbook.storage.store import ProfileFiles, acquire_lock

SAME_PASSPHRASE = (
    "That is the passphrase this workbook already has, so nothing was changed. "
    "(If WORKBOOK_PASSPHRASE is set, it was used for both; unset it to type a new one.)"
)


def is_encrypted(folder: Path) -> bool:
    """Whether a profile is encrypted, going by its files rather than by its card.

    A key file makes it encrypted, whatever is beside it: a plain ``workbook.json`` next to
    ``keys.json`` is never read as plain (it is refused and set aside when opened with the key).
    Without a key file, an encrypted workbook (a change interrupted after the switch, its keys
    still pending) is encrypted too.
    """
    if crypto.has_keys(folder):
        return True
    try:
        with (folder / "workbook.json").open("rb") as fh:
            head = fh.read(len(crypto.ENVELOPE_PREFIX) + 8)
    except OSError:
        return False
    return crypto.looks_encrypted(head)


def encrypt_profile(
    files: ProfileFiles,
    passphrase: str,
    *,
    name: str,
    recovery: bool = True,
    kdf: crypto.KdfParams = crypto.DEFAULT_KDF,
) -> crypto.NewKeys:
    """Encrypt a plain profile: the workbook, every backup and every set-aside file."""
    crypto.check_new_passphrase(passphrase, name)
    made = crypto.new_keys(passphrase, recovery=recovery, kdf=kdf)
    files.prepare()
    lock = acquire_lock(files)
    try:
        _clean_temps(files)
        check_private(files.workbook, is_dir=False)
        plain = files.workbook.read_bytes()
        load_json(plain)  # refuse to encrypt a file that does not read
        crypto.write_pending(files.folder, made.keys)
        atomic_write(files.workbook, made.codec.encrypt_bytes(plain))
        crypto.write_keys(files.folder, made.keys)  # the pending key file becomes the key file
        for path in _kept_files(files):
            raw = path.read_bytes()
            if not crypto.looks_encrypted(raw):
                # Whatever it holds (even a damaged file): it may hold the person's words.
                atomic_write(path, made.codec.encrypt_bytes(raw))
        _take_raw_backup(files, made.codec.encrypt_bytes(plain))
    finally:
        lock.release()
    return made


def rotate_profile(
    files: ProfileFiles,
    codec: crypto.EncryptedCodec,
    passphrase: str,
    *,
    name: str,
    recovery: bool | None = None,
    kdf: crypto.KdfParams | None = None,
    same_passphrase: bool = False,
) -> crypto.NewKeys:
    """A new data key under ``passphrase`` (and a new recovery code if there was one), with the
    workbook, backups and set-aside files re-encrypted under it.

    ``same_passphrase`` is for a new recovery code only: then ``passphrase`` must be the current
    one. Otherwise a new passphrase equal to the current one is refused.
    """
    if not same_passphrase:
        crypto.check_new_passphrase(passphrase, name)
    lock = acquire_lock(files)
    try:
        _clean_temps(files)
        keys = crypto.read_keys(files.folder)
        _check_passphrase(keys, passphrase, must_match=same_passphrase)
        made = crypto.rotate(keys, codec, passphrase, recovery=recovery, kdf=kdf)
        # From here only the new secrets open the key file; files not yet re-encrypted still
        # open through the retired key sealed inside it.
        crypto.write_keys(files.folder, made.keys)
        still_needed = _reseal(files, made.codec)
        crypto.write_keys(files.folder, made.keys.keeping_only(still_needed))
    finally:
        lock.release()
    return made


def decrypt_profile(files: ProfileFiles, codec: crypto.EncryptedCodec, *, name: str) -> int:
    """Decrypt a profile: set-aside files, backups, then the workbook; the key file goes.

    Returns how many files could not be decrypted (damaged ones: they are left as they were).
    """
    files.prepare()
    lock = acquire_lock(files)
    try:
        _clean_temps(files)
        check_private(files.workbook, is_dir=False)
        plain = codec.decrypt_bytes(files.workbook.read_bytes())
        keys = crypto.read_keys(files.folder)
        crypto.write_pending(files.folder, keys)
        for path in (crypto.keys_path(files.folder), crypto.mirror_path(files.folder)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        unreadable = 0
        for path in _kept_files(files):
            raw = path.read_bytes()
            if crypto.looks_encrypted(raw):
                try:
                    atomic_write(path, codec.decrypt_bytes(raw))
                except CorruptData:
                    unreadable += 1
        atomic_write(files.workbook, plain)
        crypto.remove_keys(files.folder)
    finally:
        lock.release()
    return unreadable


def _check_passphrase(keys: crypto.KeyFile, passphrase: str, *, must_match: bool) -> None:
    wrap = keys.wrap("passphrase")
    opens = wrap is not None and (
        wrap.open(crypto.normalise_passphrase(passphrase), keys.key_id) is not None
    )
    if must_match and not opens:
        raise crypto.WrongPassphrase(crypto.WRONG)
    if not must_match and opens:
        raise InvalidInput(SAME_PASSPHRASE)


def _reseal(files: ProfileFiles, codec: crypto.EncryptedCodec) -> set[str]:
    """Re-encrypt every file under ``codec``'s current key; return the older key ids that files
    still use (damaged ones, left as they were so nothing is lost)."""
    still_needed: set[str] = set()
    for path in [files.workbook, *_kept_files(files)]:
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        key_id = crypto.envelope_key_id(raw)
        if key_id is None or key_id == codec.key_id:
            continue
        try:
            plain = codec.decrypt_bytes(raw)
        except CorruptData:
            still_needed.add(key_id)
            continue
        atomic_write(path, codec.encrypt_bytes(plain))
    return still_needed


def _kept_files(files: ProfileFiles) -> Iterator[Path]:
    """The backups and set-aside files (regular files of ours only; a link is never followed)."""
    yield from (b.path for b in list_backups(files.backups) if _regular(b.path))
    if files.quarantine.is_dir():
        for entry in sorted(files.quarantine.iterdir()):
            if entry.name.endswith(".json") and _regular(entry):
                yield entry


def _regular(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _clean_temps(files: ProfileFiles) -> None:
    for folder in (files.folder, files.backups, files.quarantine):
        clean_stale_temps(folder)


def _take_raw_backup(files: ProfileFiles, raw: bytes) -> None:
    stamp = f"{clock.now():%Y%m%dT%H%M%S}"
    atomic_write(files.backups / f"workbook-{stamp}-manual-{os.urandom(3).hex()}.json", raw)
