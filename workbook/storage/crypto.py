"""Passphrase encryption for a profile: Argon2id key wrapping, AES-256-GCM for the workbook.

Layout inside an encrypted profile folder::

    keys.json          the key file: a random 256-bit data key, wrapped (AES-GCM) by a key that
                       Argon2id derives from the passphrase, and optionally by one derived from a
                       recovery code. The KDF parameters and salt of each wrap live here, in the
                       clear, and are bound to that wrap as associated data, so they can be
                       raised later. A SHA-256 checksum spots accidental damage (not an attack:
                       the wraps themselves are authenticated).
    backups/keys.json  a mirror of the key file, used if the key file is damaged.
    workbook.json      an envelope: a small clear header (format, version, key id, cipher) and
                       the workbook's JSON, encrypted with the data key under a fresh random
                       96-bit nonce for every save; the header is the associated data.

Why a key file beside the workbook rather than a header inside each file: backups and quarantined
files are byte copies of ``workbook.json``. With the wraps in one place, changing the passphrase
re-wraps the data key once and every backup opens with the new passphrase (and none with the old
one), without rewriting backups or touching quarantined files.

A wrong passphrase fails the wrap's authentication: a plain message, never a quarantine. A file
that fails authentication under a data key we unwrapped successfully is damaged: the store moves it
to quarantine and offers the backups, as for any unreadable file.

Never here: the passphrase on disk or in logs, an unsalted hash as a key, a master key. Python
cannot reliably wipe memory; :meth:`EncryptedCodec.forget` drops our references to the key.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.errors import EXIT_UNREADABLE, EXIT_USAGE, WorkbookError
from workbook.paths import check_private
from workbook.storage.atomic import atomic_write
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
        """Refuse parameters Argon2id cannot run or that would exhaust memory."""
        ok = (
            1 <= self.lanes <= 16
            and 8 * self.lanes <= self.memory_kib <= 4 * 1024 * 1024
            and 1 <= self.iterations <= 64
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


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect anything, kindly."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WorkbookError(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters. "
            "A few words you will remember work well, like 'blue kettle on sunday'."
        )
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise WorkbookError("That passphrase has a character that cannot be used.") from None


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

    def __init__(self, data_key: bytes, key_id: str, *, by_recovery: bool = False) -> None:
        if len(data_key) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._aead: AESGCM | None = _aesgcm(data_key)
        self._key: bytes | None = data_key
        self.key_id = key_id
        self.by_recovery = by_recovery
        """True when it was unlocked with the recovery code (the person should set a new
        passphrase)."""

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise WorkbookError("This workbook is locked; unlock it again to continue.")
        return self._key

    def forget(self) -> None:
        """Drop our references to the key (Python cannot promise to wipe the memory)."""
        self._aead = None
        self._key = None

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
        if not isinstance(envelope, dict) or envelope.get("format") != WORKBOOK_FORMAT:
            raise CorruptData("the file is not an encrypted workbook")
        if envelope.get("version") != FORMAT_VERSION or envelope.get("cipher") != CIPHER:
            raise CorruptData("the encrypted file is of a kind this version cannot read")
        if envelope.get("key_id") != self.key_id:
            raise CorruptData("the file was locked with a different key")
        header = {k: envelope[k] for k in ("format", "version", "key_id", "cipher")}
        nonce = _unb64(envelope.get("nonce"), "nonce")
        sealed = _unb64(envelope.get("data"), "encrypted data")
        if len(nonce) != NONCE_BYTES or set(envelope) != {*header, "nonce", "data"}:
            raise CorruptData("the encrypted file is damaged")
        cipher, invalid = self._cipher(), _invalid_tag()
        try:
            return cipher.decrypt(nonce, sealed, _canonical(header))
        except invalid as exc:
            raise CorruptData("the file is damaged: it failed its integrity check") from exc

    # Codec protocol -------------------------------------------------------------------------

    def encode(self, data: Data) -> bytes:
        return self.encrypt_bytes(dump_json(data))

    def decode(self, raw: bytes) -> Data:
        return load_json(self.decrypt_bytes(raw))


def looks_encrypted(raw: bytes) -> bool:
    """Whether these bytes are an encrypted workbook envelope (by its clear header)."""
    return raw.lstrip()[: len(ENVELOPE_PREFIX)] == ENVELOPE_PREFIX


# --- The key file ---------------------------------------------------------------------------


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
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptData("the key settings are not readable") from exc
        return cls(
            kind=doc["kind"],
            kdf=params,
            salt=_unb64(kdf.get("salt"), "salt"),
            nonce=_unb64(doc.get("nonce"), "nonce"),
            wrapped=_unb64(doc.get("wrapped"), "wrapped key"),
        )


@dataclass
class KeyFile:
    """The contents of ``keys.json``: the key id and the wraps of the one data key."""

    key_id: str
    wraps: list[Wrap]

    def wrap(self, kind: str) -> Wrap | None:
        return next((w for w in self.wraps if w.kind == kind), None)

    @property
    def has_recovery(self) -> bool:
        return self.wrap("recovery") is not None

    def to_bytes(self) -> bytes:
        body = {
            "format": KEYS_FORMAT,
            "version": FORMAT_VERSION,
            "key_id": self.key_id,
            "wraps": [w.to_doc() for w in self.wraps],
        }
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
        key_id, wraps = body.get("key_id"), body.get("wraps")
        if not isinstance(key_id, str) or not isinstance(wraps, list) or not wraps:
            raise CorruptData("the key file is damaged")
        return cls(key_id, [Wrap.from_doc(w) for w in wraps])


@dataclass(frozen=True)
class NewKeys:
    """What setting up a passphrase produces. The recovery code is shown once, never stored."""

    keys: KeyFile
    codec: EncryptedCodec
    recovery_code: str | None


def new_keys(passphrase: str, *, recovery: bool = True, kdf: KdfParams = DEFAULT_KDF) -> NewKeys:
    """A fresh random data key, wrapped by the passphrase (and a new recovery code)."""
    check_new_passphrase(passphrase)
    data_key = os.urandom(KEY_BYTES)  # what AESGCM.generate_key(256) does
    key_id = secrets.token_hex(8)
    wraps = [Wrap.seal("passphrase", normalise_passphrase(passphrase), data_key, key_id, kdf)]
    code = new_recovery_code() if recovery else None
    if code is not None:
        secret = normalise_recovery(code)
        assert secret is not None
        wraps.append(Wrap.seal("recovery", secret, data_key, key_id, kdf))
    return NewKeys(KeyFile(key_id, wraps), EncryptedCodec(data_key, key_id), code)


def rewrap(
    keys: KeyFile, codec: EncryptedCodec, passphrase: str, *, kdf: KdfParams | None = None
) -> KeyFile:
    """The same data key under a new passphrase (new salt); the recovery wrap is kept."""
    check_new_passphrase(passphrase)
    old = keys.wrap("passphrase")
    params = kdf or (old.kdf if old is not None else DEFAULT_KDF)
    new = Wrap.seal(
        "passphrase", normalise_passphrase(passphrase), codec.data_key, keys.key_id, params
    )
    return KeyFile(keys.key_id, [new, *(w for w in keys.wraps if w.kind != "passphrase")])


def new_recovery(keys: KeyFile, codec: EncryptedCodec) -> tuple[KeyFile, str]:
    """Replace the recovery code (the old one stops working); return the new code."""
    code = new_recovery_code()
    secret = normalise_recovery(code)
    assert secret is not None
    old = keys.wrap("passphrase")
    params = old.kdf if old is not None else DEFAULT_KDF
    wrap = Wrap.seal("recovery", secret, codec.data_key, keys.key_id, params)
    return KeyFile(keys.key_id, [*(w for w in keys.wraps if w.kind != "recovery"), wrap]), code


# --- Reading and writing the key file ---------------------------------------------------------


def keys_path(folder: Path) -> Path:
    return folder / KEYS_FILE


def mirror_path(folder: Path) -> Path:
    return folder / "backups" / KEYS_FILE


def has_keys(folder: Path) -> bool:
    return keys_path(folder).exists() or mirror_path(folder).exists()


def write_keys(folder: Path, keys: KeyFile) -> None:
    """Write the key file and its mirror in ``backups/``, each atomically."""
    raw = keys.to_bytes()
    atomic_write(keys_path(folder), raw)
    if mirror_path(folder).parent.is_dir():
        atomic_write(mirror_path(folder), raw)


def read_keys(folder: Path) -> KeyFile:
    """The profile's key file, falling back to (and repairing from) the mirror if damaged."""
    problem = "the key file is missing"
    for path in (keys_path(folder), mirror_path(folder)):
        if not path.exists():
            continue
        try:
            check_private(path, is_dir=False)
            keys = KeyFile.from_bytes(path.read_bytes())
        except (CorruptData, OSError) as exc:
            problem = str(exc)
            continue
        if path != keys_path(folder):
            with contextlib.suppress(WorkbookError, OSError):
                atomic_write(keys_path(folder), keys.to_bytes())
        return keys
    raise KeysDamaged(
        f"This workbook's key file cannot be read ({problem}), so the workbook cannot be "
        "unlocked. Nothing was changed or deleted."
    )


def remove_keys(folder: Path) -> None:
    for path in (keys_path(folder), mirror_path(folder)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


# --- Unlocking, with a growing delay after wrong tries -----------------------------------------


class Throttle:
    """Counts wrong tries per profile (in a small file, so a restart does not reset it).

    The first ``FREE_TRIES`` wrong tries cost nothing; after that each try waits twice as long
    as the one before (2 s, 4 s, 8 s ... up to 5 minutes). ``clock`` and ``sleeper`` are
    injectable so tests never sleep.
    """

    def __init__(
        self,
        folder: Path | None,
        *,
        clock: Callable[[], float] = time.time,
        sleeper: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = folder / TRIES_FILE if folder is not None else None
        self.clock = clock
        self.sleeper = sleeper
        self._failures, self._last = self._load()

    @property
    def failures(self) -> int:
        return self._failures

    def delay(self) -> float:
        """How long the next try must wait, from now."""
        if self._failures < FREE_TRIES:
            return 0.0
        step = min(2.0 ** (self._failures - FREE_TRIES + 1), MAX_DELAY)
        return max(0.0, self._last + step - self.clock())

    def wait(self) -> None:
        wait = self.delay()
        if wait > 0:
            self.sleeper(wait)

    def failed(self) -> None:
        self._failures += 1
        self._last = self.clock()
        self._save()

    def succeeded(self) -> None:
        self._failures, self._last = 0, 0.0
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _load(self) -> tuple[int, float]:
        if self.path is None or not self.path.exists():
            return 0, 0.0
        try:
            doc = json.loads(self.path.read_text("ascii"))
            return max(0, int(doc["failures"])), float(doc["last"])
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged counter must not unlock more cheaply: count it as past the free tries.
            return FREE_TRIES, self.clock()

    def _save(self) -> None:
        if self.path is None:
            return
        doc = {"failures": self._failures, "last": self._last}
        with contextlib.suppress(WorkbookError, OSError):
            atomic_write(self.path, json.dumps(doc).encode("ascii"))


WRONG = (
    "That passphrase did not open this workbook. Check Caps Lock and try again. "
    "If you have your recovery code, you can type it instead."
)


def unlock(folder: Path, secret: str, *, throttle: Throttle | None = None) -> EncryptedCodec:
    """Open the key file with a passphrase (or the recovery code); return the codec.

    Raises :class:`WrongPassphrase` (nothing changes on disk but the try counter) or
    :class:`KeysDamaged`.
    """
    keys = read_keys(folder)
    throttle = throttle if throttle is not None else Throttle(folder)
    throttle.wait()
    codec = try_secret(keys, secret)
    if codec is None:
        throttle.failed()
        raise WrongPassphrase(WRONG)
    throttle.succeeded()
    return codec


def try_secret(keys: KeyFile, secret: str) -> EncryptedCodec | None:
    """The codec if ``secret`` opens a wrap of ``keys``, else None."""
    wrap = keys.wrap("passphrase")
    if wrap is not None:
        data_key = wrap.open(normalise_passphrase(secret), keys.key_id)
        if data_key is not None:
            return EncryptedCodec(data_key, keys.key_id)
    code = normalise_recovery(secret)
    recovery = keys.wrap("recovery")
    if code is not None and recovery is not None:
        data_key = recovery.open(code, keys.key_id)
        if data_key is not None:
            return EncryptedCodec(data_key, keys.key_id, by_recovery=True)
    return None
