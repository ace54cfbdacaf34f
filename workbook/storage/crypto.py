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
files are byte copies of ``workbook.json``, and the wraps live in one place. Changing the
passphrase or the recovery code *rotates* the data key (see :mod:`workbook.storage.keyfile`):
the workbook, its backups and its set-aside copies are re-encrypted under a new key that only the
new secrets open, so an old copy of ``keys.json`` with the old passphrase opens nothing written
after the change.

A profile with a key file only ever opens encrypted data: a plain ``workbook.json`` put beside
``keys.json`` is refused and set aside, never read and never written to in the clear.

A wrong passphrase fails the wrap's authentication: a plain message, never a quarantine. A file
that fails authentication under a data key we unwrapped successfully is damaged: the store moves it
to quarantine and offers the backups, as for any unreadable file.

Never here: the passphrase on disk or in logs, an unsalted hash as a key, a master key. Python
cannot reliably wipe memory; :meth:`EncryptedCodec.forget` drops our references to the key.

This module is the one the rest of the app imports; the pieces live in :mod:`.cipher`
(primitives and the codec), :mod:`.keyfile` (the key file and rotation), :mod:`.unlocking`
(passphrase tries) and :mod:`.passphrase_rules` (what a new passphrase must be).
"""

from __future__ import annotations

from workbook.storage.cipher import (
    CIPHER,
    DEFAULT_KDF,
    ENVELOPE_PREFIX,
    FORMAT_VERSION,
    FREE_TRIES,
    KEY_BYTES,
    KEYS_FILE,
    KEYS_FORMAT,
    MAX_DELAY,
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    MIN_PASSPHRASE,
    NONCE_BYTES,
    RECOVERY_ALPHABET,
    SALT_BYTES,
    TRIES_FILE,
    WORKBOOK_FORMAT,
    EncryptedCodec,
    KdfParams,
    KeysDamaged,
    NeedsPassphrase,
    WrongPassphrase,
    _canonical,
    _unb64,
    envelope_key_id,
    looks_encrypted,
    new_recovery_code,
    normalise_passphrase,
    normalise_recovery,
)
from workbook.storage.codec import CorruptData
from workbook.storage.keyfile import (
    PENDING_FILE,
    KeyFile,
    NewKeys,
    Retired,
    Wrap,
    has_keys,
    keys_path,
    mirror_path,
    new_keys,
    pending_path,
    read_keys,
    remove_keys,
    rotate,
    write_keys,
    write_pending,
)
from workbook.storage.passphrase_rules import check_new_passphrase, strength
from workbook.storage.unlocking import WRONG, Throttle, try_secret, unlock

__all__ = [
    "CIPHER",
    "DEFAULT_KDF",
    "ENVELOPE_PREFIX",
    "FORMAT_VERSION",
    "FREE_TRIES",
    "KEYS_FILE",
    "KEYS_FORMAT",
    "KEY_BYTES",
    "MAX_DELAY",
    "MAX_ITERATIONS",
    "MAX_LANES",
    "MAX_MEMORY_KIB",
    "MIN_PASSPHRASE",
    "NONCE_BYTES",
    "PENDING_FILE",
    "RECOVERY_ALPHABET",
    "SALT_BYTES",
    "TRIES_FILE",
    "WORKBOOK_FORMAT",
    "WRONG",
    "CorruptData",
    "EncryptedCodec",
    "KdfParams",
    "KeyFile",
    "KeysDamaged",
    "NeedsPassphrase",
    "NewKeys",
    "Retired",
    "Throttle",
    "Wrap",
    "WrongPassphrase",
    "_canonical",
    "_unb64",
    "check_new_passphrase",
    "envelope_key_id",
    "has_keys",
    "keys_path",
    "looks_encrypted",
    "mirror_path",
    "new_keys",
    "new_recovery_code",
    "normalise_passphrase",
    "normalise_recovery",
    "pending_path",
    "read_keys",
    "remove_keys",
    "rotate",
    "strength",
    "try_secret",
    "unlock",
    "write_keys",
    "write_pending",
]
