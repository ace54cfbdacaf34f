"""A TinyDB ``Storage`` that never rewrites the workbook in place.

TinyDB reads and writes the whole database through ``read()`` and ``write()``. This storage keeps
the last good state in memory (we hold the profile's lock; a :class:`ChangeGuard` catches a
file changed behind it all the same, before each save), hands
every ``write`` to :func:`atomic_write`, and supports transactions: inside one, writes only update
memory and the whole change lands in a single atomic write at the end. If a write fails, memory is
dropped and reloaded from disk, so what the app sees always matches what is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from workbook import __version__
from workbook.errors import ReadOnlyWorkbook
from workbook.storage.atomic import atomic_write
from workbook.storage.codec import Codec, Data

if TYPE_CHECKING:
    from workbook.storage.guard import ChangeGuard

META_TABLE = "_meta"
META_DOC = "1"


class AtomicStorage(Storage):
    """Atomic, cached TinyDB storage over one file, encoded by a :class:`Codec`."""

    def __init__(
        self,
        path: Path,
        codec: Codec,
        data: Data,
        *,
        read_only: bool = False,
        guard: ChangeGuard | None = None,
    ) -> None:
        self.path = path
        self.codec = codec
        self.read_only = read_only
        self._state: Data | None = data
        self.version = 0
        """Goes up whenever what this storage holds may have changed (see ``_data``)."""
        self._depth = 0
        self._dirty = False
        self._guard = guard
        self.merges = 0
        """Goes up when a save folded in a version written behind our back (TinyDB's cached
        ids are then stale; ``Store.db`` starts afresh)."""

    @property
    def _data(self) -> Data | None:
        return self._state

    @_data.setter
    def _data(self, data: Data | None) -> None:
        # Every write, rollback, failed save and reload passes here, so a reader can tell
        # whether anything may have changed since it last looked (Repository.remembered).
        self._state = data
        self.version += 1

    # TinyDB's interface ------------------------------------------------------------------

    def read(self) -> Data:
        if self._data is None:
            raw = self.path.read_bytes()
            self._data = self.codec.decode(raw)
            if self._guard is not None:
                self._guard.saw(raw, self._data)
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            self._data = None
            raise ReadOnlyWorkbook("This workbook is open read-only, so changes are not saved.")
        self._data = data
        if self._depth:
            self._dirty = True
            return
        self._flush()

    def close(self) -> None:
        self._data = None

    # Transactions ------------------------------------------------------------------------

    def begin(self) -> None:
        """Start (or nest) a transaction: writes stay in memory until :meth:`commit`."""
        self._depth += 1

    def commit(self) -> None:
        """End a transaction level; the outermost one writes everything at once."""
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self._dirty = False
            self._flush()

    def rollback(self) -> None:
        """Abandon the whole transaction: memory goes back to what is on disk."""
        self._depth = 0
        self._dirty = False
        self._data = None

    # Internals ---------------------------------------------------------------------------

    def _flush(self) -> None:
        data = self._data
        assert data is not None
        try:
            if self._guard is not None:
                # Someone may have written the file behind our back: keep theirs, merge.
                checked = self._guard.before_save(data)
                if checked is not data:
                    self.merges += 1
                    self._data = data = checked
            meta = data.setdefault(META_TABLE, {}).setdefault(META_DOC, {})
            meta["save_count"] = int(meta.get("save_count", 0)) + 1
            meta["app_version"] = __version__
            raw = self.codec.encode(data)
            atomic_write(self.path, raw)
        except BaseException:
            # Memory may hold a change that is not on disk: drop it so the next read
            # reloads the last good state. The caller still has what the person typed.
            self._data = None
            raise
        if self._guard is not None:
            self._guard.saw(raw, data)
