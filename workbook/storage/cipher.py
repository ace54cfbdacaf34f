"""The encryption primitives: Argon2id key derivation and AES-256-GCM for the workbook's bytes.

:mod:`workbook.storage.crypto` describes the layout on disk and is the one module the rest of the
app imports; this module holds the pieces the key file (:mod:`workbook.storage.keyfile`) and the
unlocking (:mod:`workbook.storage.unlocking`) build on.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.errors import EXIT_UNREADABLE, EXIT_USAGE, WorkbookError
from workbook.storage.codec import CorruptData, Data, dump_json, load_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# ``cryptography`` is imported when a key is first used, not at start-up: most workbooks have
# no passphrase, and the import is a noticeable part of opening the app.


def _aesgcm(key: bytes) -> AESGCM:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag


KEYS_FILE = "keys.json"
TRIES_FILE = ".unlock-tries"
WORKBOOK_FORMAT = "side-by-side/encrypted-workbook"
KEYS_FORMAT = "side-by-side/keys"
FORMAT_VERSION = 1
CIPHER = "AES-256-GCM"
ENVELOPE_PREFIX = b'{"format":"' + WORKBOOK_FORMAT.encode() + b'"'
NONCE_BYTES = 12
KEY_BYTES = 32
SALT_BYTES = 16
FREE_TRIES = 5
MAX_DELAY = 300.0
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4
MIN_PASSPHRASE = 8
# Caps on the key settings a key file may ask for: four times our defaults in memory, a few
# times in passes. The settings are read from a file anyone with the account could edit.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 8


class WrongPassphrase(WorkbookError):
    """The passphrase (or recovery code) did not open the key file. Nothing was changed."""

    exit_code = EXIT_USAGE


class NeedsPassphrase(WorkbookError):
    """An encrypted workbook was opened without its key; nothing was moved or changed."""

    exit_code = EXIT_USAGE


class KeysDamaged(WorkbookError):
    """The key file cannot be read; without it the encrypted workbook cannot be opened."""

    exit_code = EXIT_UNREADABLE


# --- Key derivation -------------------------------------------------------------------------


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters. The defaults follow the issue: 64 MiB, 3 passes, 1 lane."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 1

    def check(self) -> None:
        """Refuse settings Argon2id cannot run, or that an edited key file could use to make
        unlocking take minutes or exhaust the computer's memory (see the ``MAX_`` caps)."""
        ok = (
            1 <= self.lanes <= MAX_LANES
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
        )
        if not ok:
            raise KeysDamaged("The key file asks for key settings this version cannot use.")

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        """A 256-bit key from ``secret`` and a random ``salt``."""
        self.check()
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)


DEFAULT_KDF = KdfParams()


def normalise_passphrase(passphrase: str) -> bytes:
    """The bytes a passphrase stands for: NFC, so the same letters typed differently match."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_recovery_code() -> str:
    """A random recovery code, e.g. ``K7QP-2MXD-...`` (6 groups of 4, about 118 bits)."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(24))
    return "-".join(chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, 24, RECOVERY_GROUP_LEN))


def normalise_recovery(text: str) -> bytes | None:
    """The canonical bytes of a typed recovery code, or None if it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -")
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN:
        return None
    if any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        return None
    return cleaned.encode("ascii")


# --- Encoding helpers -----------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise CorruptData(f"the {what} is missing")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise CorruptData(f"the {what} is not readable") from exc
    if _b64(data) != text:
        # Only the canonical spelling is ours (stray padding bits mean the file was changed).
        raise CorruptData(f"the {what} is not readable")
    return data


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


# --- The workbook codec ---------------------------------------------------------------------


class EncryptedCodec:
    """Encrypts the workbook's JSON with AES-256-GCM under the profile's data key."""

    def __init__(
        self,
        data_key: bytes,
        key_id: str,
        *,
        by_recovery: bool = False,
        older: dict[str, bytes] | None = None,
    ) -> None:
        if len(data_key) != KEY_BYTES or any(len(k) != KEY_BYTES for k in (older or {}).values()):
            raise ValueError("a data key is 32 bytes")
        self._aead: AESGCM | None = _aesgcm(data_key)
        self._key: bytes | None = data_key
        self._older: dict[str, bytes] = dict(older or {})
        self.key_id = key_id
        self.by_recovery = by_recovery
        """True when it was unlocked with the recovery code (the person should set a new
        passphrase)."""

    @property
    def older_keys(self) -> dict[str, bytes]:
        """Data keys retired by a change of passphrase, by key id: they only read old files
        (a backup or set-aside copy not yet re-encrypted); nothing is written with them."""
        self._cipher()  # refuses once forgotten
        return dict(self._older)

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise WorkbookError("This workbook is locked; unlock it again to continue.")
        return self._key

    def forget(self) -> None:
        """Drop our references to the key (Python cannot promise to wipe the memory)."""
        self._aead = None
        self._key = None
        self._older = {}

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            raise WorkbookError("This workbook is locked; unlock it again to continue.")
        return self._aead

    def header(self) -> dict[str, Any]:
        return {
            "format": WORKBOOK_FORMAT,
            "version": FORMAT_VERSION,
            "key_id": self.key_id,
            "cipher": CIPHER,
        }

    def encrypt_bytes(self, plain: bytes) -> bytes:
        """An envelope holding ``plain``, encrypted under a fresh random nonce."""
        header = self.header()
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._cipher().encrypt(nonce, plain, _canonical(header))
        envelope = {**header, "nonce": _b64(nonce), "data": _b64(sealed)}
        # "format" first, so a glance at the first bytes tells an encrypted file apart.
        return json.dumps(envelope, separators=(",", ":")).encode("ascii")

    def decrypt_bytes(self, raw: bytes) -> bytes:
        """The bytes inside an envelope; :class:`CorruptData` if it is damaged."""
        try:
            envelope = json.loads(raw.decode("ascii"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise CorruptData("the encrypted file is damaged") from exc
        if not isinstance(envelope, dict) or "format" not in envelope:
            raise CorruptData(
                "the workbook file was not encrypted, though this workbook must be: a plain "
                "copy may have been put in its place, so it was set aside unread"
            )
        if envelope.get("format") != WORKBOOK_FORMAT:
            raise CorruptData("the encrypted file is damaged")
        if envelope.get("version") != FORMAT_VERSION or envelope.get("cipher") != CIPHER:
            raise CorruptData("the encrypted file is of a kind this version cannot read")
        cipher = self._cipher_for(envelope.get("key_id"))
        header = {k: envelope[k] for k in ("format", "version", "key_id", "cipher")}
        nonce = _unb64(envelope.get("nonce"), "nonce")
        sealed = _unb64(envelope.get("data"), "encrypted data")
        if len(nonce) != NONCE_BYTES or set(envelope) != {*header, "nonce", "data"}:
            raise CorruptData("the encrypted file is damaged")
        invalid = _invalid_tag()
        try:
            return cipher.decrypt(nonce, sealed, _canonical(header))
        except invalid as exc:
            raise CorruptData("the file is damaged: it failed its integrity check") from exc

    def _cipher_for(self, key_id: Any) -> AESGCM:
        """The cipher for a file's key id: the current key, or one retired by a change."""
        if key_id == self.key_id:
            return self._cipher()
        if isinstance(key_id, str) and key_id in self._older:
            self._cipher()
            return _aesgcm(self._older[key_id])
        raise CorruptData("the file was locked with a different key")

    # Codec protocol -------------------------------------------------------------------------

    def encode(self, data: Data) -> bytes:
        return self.encrypt_bytes(dump_json(data))

    def decode(self, raw: bytes) -> Data:
        return load_json(self.decrypt_bytes(raw))


def envelope_key_id(raw: bytes) -> str | None:
    """The key id in an envelope's clear header, or None if ``raw`` is not an envelope."""
    if not looks_encrypted(raw):
        return None
    try:
        key_id = json.loads(raw.decode("ascii")).get("key_id")
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, AttributeError):
        return None
    return key_id if isinstance(key_id, str) else None


def looks_encrypted(raw: bytes) -> bool:
    """Whether these bytes are an encrypted workbook envelope (by its clear header)."""
    return raw.lstrip()[: len(ENVELOPE_PREFIX)] == ENVELOPE_PREFIX
