"""The key file (``keys.json``): the profile's data key, wrapped by each secret that opens it.

A change of passphrase or recovery code *rotates* the data key: a new random key encrypts the
workbook from then on, wrapped under the new secrets only. An old copy of ``keys.json`` (on a USB
stick, say) with the old passphrase therefore opens nothing written after the change. Older data
keys are kept only where a file still needs one (a backup or a set-aside copy that could not be
re-encrypted yet, or a change interrupted half way), each sealed under the *new* data key, so
only the new secrets reach them.

Writing a new key file goes through ``keys-pending.json`` when the workbook's state changes with
it (adding or removing a passphrase): see :func:`write_pending` and :func:`read_keys`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError
from workbook.paths import check_private
from workbook.storage.atomic import atomic_write
from workbook.storage.cipher import (
    DEFAULT_KDF,
    FORMAT_VERSION,
    KEY_BYTES,
    KEYS_FILE,
    KEYS_FORMAT,
    NONCE_BYTES,
    SALT_BYTES,
    EncryptedCodec,
    KdfParams,
    KeysDamaged,
    _aesgcm,
    _b64,
    _canonical,
    _invalid_tag,
    _unb64,
    new_recovery_code,
    normalise_passphrase,
    normalise_recovery,
)
from workbook.storage.codec import CorruptData

PENDING_FILE = "keys-pending.json"


@dataclass
class Wrap:
    """The data key, encrypted under a key derived from a passphrase or a recovery code."""

    kind: str  # "passphrase" or "recovery"
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def aad(self, key_id: str) -> bytes:
        """The associated data: format, version, key id, kind and the KDF parameters."""
        return _canonical(
            {
                "format": KEYS_FORMAT,
                "version": FORMAT_VERSION,
                "key_id": key_id,
                "kind": self.kind,
                "kdf": self.kdf_doc(),
            }
        )

    def kdf_doc(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "memory_kib": self.kdf.memory_kib,
            "iterations": self.kdf.iterations,
            "lanes": self.kdf.lanes,
            "salt": _b64(self.salt),
        }

    @classmethod
    def seal(cls, kind: str, secret: bytes, data_key: bytes, key_id: str, kdf: KdfParams) -> Wrap:
        wrap = cls(kind, kdf, os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES), b"")
        wrapping_key = kdf.derive(secret, wrap.salt)
        wrap.wrapped = _aesgcm(wrapping_key).encrypt(wrap.nonce, data_key, wrap.aad(key_id))
        return wrap

    def open(self, secret: bytes, key_id: str) -> bytes | None:
        """The data key, or None when ``secret`` is not the right one."""
        wrapping_key = self.kdf.derive(secret, self.salt)
        invalid = _invalid_tag()
        try:
            return _aesgcm(wrapping_key).decrypt(self.nonce, self.wrapped, self.aad(key_id))
        except invalid:
            return None

    def to_doc(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": self.kdf_doc(),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_doc(cls, doc: Any) -> Wrap:
        if not isinstance(doc, dict) or doc.get("kind") not in ("passphrase", "recovery"):
            raise CorruptData("a key in the key file is not readable")
        kdf = doc.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise CorruptData("the key settings are not readable")
        try:
            params = KdfParams(
                memory_kib=int(kdf["memory_kib"]),
                iterations=int(kdf["iterations"]),
                lanes=int(kdf["lanes"]),
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise CorruptData("the key settings are not readable") from exc
        return cls(
            kind=doc["kind"],
            kdf=params,
            salt=_unb64(kdf.get("salt"), "salt"),
            nonce=_unb64(doc.get("nonce"), "nonce"),
            wrapped=_unb64(doc.get("wrapped"), "wrapped key"),
        )


@dataclass
class Retired:
    """An older data key, sealed under the current data key (never under a secret)."""

    key_id: str
    nonce: bytes
    wrapped: bytes

    @staticmethod
    def aad(key_id: str, under: str) -> bytes:
        return _canonical({"format": KEYS_FORMAT, "retired": key_id, "under": under})

    @classmethod
    def seal(cls, key_id: str, old_key: bytes, data_key: bytes, current_id: str) -> Retired:
        nonce = os.urandom(NONCE_BYTES)
        sealed = _aesgcm(data_key).encrypt(nonce, old_key, cls.aad(key_id, current_id))
        return cls(key_id, nonce, sealed)

    def open(self, data_key: bytes, current_id: str) -> bytes:
        try:
            return _aesgcm(data_key).decrypt(
                self.nonce, self.wrapped, self.aad(self.key_id, current_id)
            )
        except _invalid_tag() as exc:
            raise KeysDamaged(
                "An older key in this workbook's key file is damaged, so some older backups "
                "cannot be opened. Nothing was changed or deleted."
            ) from exc

    def to_doc(self) -> dict[str, Any]:
        return {"key_id": self.key_id, "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_doc(cls, doc: Any) -> Retired:
        if not isinstance(doc, dict) or not isinstance(doc.get("key_id"), str):
            raise CorruptData("an older key in the key file is not readable")
        return cls(
            doc["key_id"], _unb64(doc.get("nonce"), "nonce"), _unb64(doc.get("wrapped"), "key")
        )


@dataclass
class KeyFile:
    """The contents of ``keys.json``: the key id, the wraps of the data key, older keys."""

    key_id: str
    wraps: list[Wrap]
    retired: list[Retired] = field(default_factory=list)

    def wrap(self, kind: str) -> Wrap | None:
        return next((w for w in self.wraps if w.kind == kind), None)

    @property
    def has_recovery(self) -> bool:
        return self.wrap("recovery") is not None

    def codec(self, data_key: bytes, *, by_recovery: bool = False) -> EncryptedCodec:
        """The codec for the unwrapped ``data_key``, with every older key it unseals."""
        older = {r.key_id: r.open(data_key, self.key_id) for r in self.retired}
        return EncryptedCodec(data_key, self.key_id, by_recovery=by_recovery, older=older)

    def keeping_only(self, key_ids: set[str]) -> KeyFile:
        """The same key file without the older keys no file needs any more."""
        return KeyFile(self.key_id, self.wraps, [r for r in self.retired if r.key_id in key_ids])

    def to_bytes(self) -> bytes:
        body: dict[str, Any] = {
            "format": KEYS_FORMAT,
            "version": FORMAT_VERSION,
            "key_id": self.key_id,
            "wraps": [w.to_doc() for w in self.wraps],
        }
        if self.retired:
            body["retired"] = [r.to_doc() for r in self.retired]
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=2).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            body = json.loads(raw.decode("ascii"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise CorruptData("the key file is damaged") from exc
        if not isinstance(body, dict) or body.get("format") != KEYS_FORMAT:
            raise CorruptData("the key file is damaged")
        checksum = body.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(body)).hexdigest():
            raise CorruptData("the key file is damaged (its checksum does not match)")
        if body.get("version") != FORMAT_VERSION:
            raise CorruptData("the key file is of a kind this version cannot read")
        key_id, wraps, retired = body.get("key_id"), body.get("wraps"), body.get("retired", [])
        if not isinstance(key_id, str) or not isinstance(wraps, list) or not wraps:
            raise CorruptData("the key file is damaged")
        if not isinstance(retired, list):
            raise CorruptData("the key file is damaged")
        return cls(
            key_id, [Wrap.from_doc(w) for w in wraps], [Retired.from_doc(r) for r in retired]
        )


@dataclass(frozen=True)
class NewKeys:
    """What setting up or changing a passphrase produces. The recovery code is shown once,
    never stored."""

    keys: KeyFile
    codec: EncryptedCodec
    recovery_code: str | None


def new_keys(
    passphrase: str,
    *,
    recovery: bool = True,
    kdf: KdfParams = DEFAULT_KDF,
    older: EncryptedCodec | None = None,
) -> NewKeys:
    """A fresh random data key, wrapped by the passphrase (and a new recovery code).

    With ``older`` (the codec of the keys being replaced), its keys are kept as retired keys,
    sealed under the new one, so files not yet re-encrypted still open with the new secrets.
    """
    data_key = os.urandom(KEY_BYTES)  # what AESGCM.generate_key(256) does
    key_id = secrets.token_hex(8)
    wraps = [Wrap.seal("passphrase", normalise_passphrase(passphrase), data_key, key_id, kdf)]
    code = new_recovery_code() if recovery else None
    if code is not None:
        secret = normalise_recovery(code)
        assert secret is not None
        wraps.append(Wrap.seal("recovery", secret, data_key, key_id, kdf))
    previous: dict[str, bytes] = {}
    if older is not None:
        previous = {**older.older_keys, older.key_id: older.data_key}
    retired = [Retired.seal(kid, key, data_key, key_id) for kid, key in previous.items()]
    codec = EncryptedCodec(data_key, key_id, older=previous)
    return NewKeys(KeyFile(key_id, wraps, retired), codec, code)


def rotate(
    keys: KeyFile,
    codec: EncryptedCodec,
    passphrase: str,
    *,
    recovery: bool | None = None,
    kdf: KdfParams | None = None,
) -> NewKeys:
    """New keys replacing ``keys``: a new data key under ``passphrase`` and, if the old key file
    had one (or ``recovery`` asks), a new recovery code. The old data key becomes retired."""
    old = keys.wrap("passphrase")
    params = kdf or (old.kdf if old is not None else DEFAULT_KDF)
    with_code = keys.has_recovery if recovery is None else recovery
    return new_keys(passphrase, recovery=with_code, kdf=params, older=codec)


# --- Reading and writing the key file ---------------------------------------------------------


def keys_path(folder: Path) -> Path:
    return folder / KEYS_FILE


def mirror_path(folder: Path) -> Path:
    return folder / "backups" / KEYS_FILE


def pending_path(folder: Path) -> Path:
    return folder / PENDING_FILE


def has_keys(folder: Path) -> bool:
    """Whether the profile has a key file (a pending one does not count: see read_keys)."""
    return keys_path(folder).exists() or mirror_path(folder).exists()


def write_keys(folder: Path, keys: KeyFile) -> None:
    """Write the key file and its mirror in ``backups/``, each atomically; drop a pending one."""
    raw = keys.to_bytes()
    atomic_write(keys_path(folder), raw)
    if mirror_path(folder).parent.is_dir():
        atomic_write(mirror_path(folder), raw)
    with contextlib.suppress(FileNotFoundError):
        pending_path(folder).unlink()


def write_pending(folder: Path, keys: KeyFile) -> None:
    """Write keys that are about to become (or stop being) the profile's key file.

    A pending key file alone never makes a profile encrypted: only an encrypted workbook file
    beside it does (a change interrupted after the switch), and then it is promoted.
    """
    atomic_write(pending_path(folder), keys.to_bytes())


def read_keys(folder: Path) -> KeyFile:
    """The profile's key file, falling back to (and repairing from) the mirror, then to a
    pending key file (an interrupted change, only consulted when the workbook is encrypted)."""
    problem = "the key file is missing"
    for path in (keys_path(folder), mirror_path(folder), pending_path(folder)):
        if not path.exists() and not path.is_symlink():
            continue
        try:
            check_private(path, is_dir=False)
            keys = KeyFile.from_bytes(path.read_bytes())
        except (CorruptData, OSError) as exc:
            problem = str(exc)
            continue
        if path != keys_path(folder):
            with contextlib.suppress(WorkbookError, OSError):
                write_keys(folder, keys)
        return keys
    raise KeysDamaged(
        f"This workbook's key file cannot be read ({problem}), so the workbook cannot be "
        "unlocked. Nothing was changed or deleted."
    )


def remove_keys(folder: Path) -> None:
    for path in (keys_path(folder), mirror_path(folder), pending_path(folder)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
