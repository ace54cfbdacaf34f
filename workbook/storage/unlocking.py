"""Unlocking a profile's key file with a passphrase or recovery code, with a growing delay
after wrong tries (counted in a small file, so a restart does not reset it)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.storage.atomic import atomic_write
from workbook.storage.cipher import (
    FREE_TRIES,
    MAX_DELAY,
    TRIES_FILE,
    EncryptedCodec,
    WrongPassphrase,
    normalise_passphrase,
    normalise_recovery,
)
from workbook.storage.keyfile import KeyFile, read_keys

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
            return keys.codec(data_key)
    code = normalise_recovery(secret)
    recovery = keys.wrap("recovery")
    if code is not None and recovery is not None:
        data_key = recovery.open(code, keys.key_id)
        if data_key is not None:
            return keys.codec(data_key, by_recovery=True)
    return None
