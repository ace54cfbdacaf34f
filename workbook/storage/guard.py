"""Never overwrite a change made behind an open window.

The profile lock keeps a second writer out, but a lock file can be removed (a cleaner, a sync
tool) and a workbook file can be copied back from a USB stick. So before every save the open
store checks that the file on disk is still the one it last read or wrote: first by size, time
and inode (cheap), then, if those differ, by a hash of the bytes. If someone else's version is
there, it is kept whole as a ``changed-elsewhere`` backup before anything is written, and what
it added or changed that this window did not touch is merged in. Only then is the save written,
and the person is told plainly what happened.

The base of that merge (what this window last read or wrote) is not held in memory (1.9 MB for
ten years of entries, a third as much again as the parsed data, for a merge that is rarely
needed). The file it was read from or written to is kept open instead, read-only, and read
back only when a merge is needed, checked against the digest of what was seen. A version put
in its place by renaming over it (every save of Side by Side, sync tools, most editors) leaves
that file whole. One written into the same file (``cp`` over it) leaves no base to merge from:
that version is then kept whole as a backup and the person told, as for any version that
cannot be merged, and a copy older than what this window saw is still told apart by its save
counter, which is remembered.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from workbook.errors import WriteFailed
from workbook.storage import backups
from workbook.storage.codec import Codec, CorruptData, Data
from workbook.storage.validation import META_TABLE, find_problems

META_DOC = "1"


@dataclass(frozen=True)
class Stamp:
    """What the file on disk looked like when this process last read or wrote it."""

    size: int
    mtime_ns: int
    inode: int
    digest: str

    def same_stat(self, st: os.stat_result) -> bool:
        return (st.st_size, st.st_mtime_ns, st.st_ino) == (self.size, self.mtime_ns, self.inode)


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _stamp(path: Path, digest: str, handle: BinaryIO | None = None) -> Stamp | None:
    try:
        st = os.fstat(handle.fileno()) if handle is not None else os.stat(path)
    except OSError:
        return None
    return Stamp(st.st_size, st.st_mtime_ns, st.st_ino, digest)


def _open_seen(path: Path) -> BinaryIO | None:
    """The file at ``path``, open to read back later (None if it cannot be opened)."""
    try:
        return open(path, "rb", buffering=0)  # kept open until the next save or close
    except OSError:
        return None


@dataclass
class Merged:
    """The result of folding someone else's version into ours."""

    data: Data
    taken: int = 0
    """Entries added or changed only on the other side, now part of the save."""
    clashes: int = 0
    """Entries changed on both sides: ours is saved, theirs stays in the kept backup."""
    older: bool = False
    """The other version was saved before ours (an old copy put back): nothing is taken."""


class ChangeGuard:
    """Watches one workbook file for changes this process did not make."""

    def __init__(
        self, path: Path, backups_folder: Path, codec: Codec, raw: bytes, data: Data
    ) -> None:
        self.path = path
        self.backups_folder = backups_folder
        self.codec = codec
        self._file: BinaryIO | None = None
        self._held: bytes | None = None
        self._seen_digest = ""
        self._seen_count: int | None = None
        self._stamp: Stamp | None = None
        self.notices: list[str] = []
        """Plain sentences for the person, newest last (see ``Repository.take_notices``)."""
        self.on_notice: Callable[[], None] | None = None
        """Called after a notice is added, so a window can show it at once."""
        self.saw(raw, data)

    def saw(self, raw: bytes, data: Data) -> None:
        """Remember the bytes this process just wrote (or read) as the file on disk, and the
        save counter of ``data``, what they hold. The bytes are not kept: the file is, open."""
        self.close()
        self._file = _open_seen(self.path)
        self._seen_digest = _digest(raw)
        self._seen_count = _save_count(data)
        self._stamp = _stamp(self.path, self._seen_digest, self._file)

    def close(self) -> None:
        """Let go of the file kept open (the store is closing, or a newer one was seen)."""
        self._held = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def base(self) -> bytes | None:
        """The bytes last seen, read back (None if they are not there any more)."""
        if self._held is not None:
            return self._held
        if self._file is None:
            return None
        try:
            self._file.seek(0)
            raw = self._file.read()
        except OSError:
            return None
        return raw if raw is not None and _digest(raw) == self._seen_digest else None

    def before_save(self, ours: Data) -> Data:
        """What to save: ``ours``, or ours merged with a version someone else put on disk.

        Raises :class:`WriteFailed` if another version is there and cannot be kept aside: then
        nothing is overwritten.
        """
        theirs_raw = self._outside_version()
        if theirs_raw is None:
            return ours
        theirs = self._decode(theirs_raw)
        kept = self._keep_aside(theirs_raw, _save_count(theirs))
        merged = self._merge(ours, theirs)
        self.notices.append(_notice(kept, merged))
        if self.on_notice is not None:
            self.on_notice()
        # From now on the other version counts as seen: it is kept, and merged where it could be.
        # Held in memory only until this save lands (then the file written is kept instead).
        self.close()
        self._held = theirs_raw
        self._seen_digest = _digest(theirs_raw)
        self._seen_count = _save_count(theirs)
        return merged.data

    # Internals ---------------------------------------------------------------------------

    def _outside_version(self) -> bytes | None:
        """The bytes on disk if they are not what we last saw; None if unchanged or gone."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None  # nothing there to overwrite; the save itself reports any real trouble
        if self._stamp is not None and self._stamp.same_stat(st):
            return None
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        digest = _digest(raw)
        if self._stamp is not None and digest == self._stamp.digest:
            self._stamp = _stamp(self.path, digest)  # touched, not changed
            return None
        if digest == self._seen_digest:
            return None
        return raw

    def _decode(self, raw: bytes) -> Data | None:
        try:
            return self.codec.decode(raw)
        except CorruptData:
            return None  # kept aside whole all the same

    def _keep_aside(self, raw: bytes, count: int | None) -> Path:
        try:
            return backups.take_backup_bytes(
                raw, self.backups_folder, backups.CHANGED_ELSEWHERE, count=count
            )
        except (WriteFailed, OSError) as exc:
            raise WriteFailed(
                "your workbook was changed outside this window, and that version could not be "
                "kept aside, so nothing was overwritten"
            ) from exc

    def _merge(self, ours: Data, theirs: Data | None) -> Merged:
        if theirs is None or _version(theirs) != _version(ours):
            return Merged(ours)
        theirs_count, base_count = _save_count(theirs), self._seen_count
        if theirs_count is None or base_count is None or theirs_count <= base_count:
            # Not saved on from what we last saw: an older copy put back. Its "changes" are
            # only what is missing from it, so nothing is taken; it is kept whole as a backup.
            return Merged(ours, older=True)
        seen = self.base()
        base = self._decode(seen) if seen is not None else None
        if base is None:
            return Merged(ours)  # written over in place: theirs stays whole in the backup
        merged = three_way(base, ours, theirs)
        if find_problems(merged.data, limit=1):
            return Merged(ours)  # e.g. two check-ins for one day: theirs stays in the backup
        return merged


def _save_count(data: Data | None) -> int | None:
    count = (data or {}).get(META_TABLE, {}).get(META_DOC, {}).get("save_count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _version(data: Data) -> Any:
    meta = data.get(META_TABLE, {}).get(META_DOC, {})
    return meta.get("schema_version") if isinstance(meta, dict) else None


def three_way(base: Data, ours: Data, theirs: Data) -> Merged:
    """Merge entry by entry: a side that did not change an entry takes the other side's.

    Entries are keyed by their document id. Two sides that each added a new entry under the
    same id (both counted on from the same last id) keep both: theirs gets a fresh id.
    """
    out: Data = {}
    taken = clashes = 0
    for table in _union(base, ours, theirs):
        if table == META_TABLE:
            continue
        b, o, t = base.get(table, {}), ours.get(table, {}), theirs.get(table, {})
        merged: dict[str, Any] = {}
        added_twice: list[Any] = []
        for key in _union(b, o, t):
            bv, ov, tv = b.get(key), o.get(key), t.get(key)
            if tv == bv or ov == tv:
                value = ov
            elif ov == bv:
                value, taken = tv, taken + 1
            elif bv is None and ov is not None and tv is not None:
                value = ov
                added_twice.append(tv)
            else:
                value, clashes = ov, clashes + 1
            if value is not None:
                merged[key] = copy.deepcopy(value)
        for doc in added_twice:
            merged[str(_next_id(merged))] = copy.deepcopy(doc)
            taken += 1
        if merged or table in ours:
            out[table] = merged
    meta = copy.deepcopy(ours.get(META_TABLE, {}))
    doc = meta.setdefault(META_DOC, {})
    theirs_count = theirs.get(META_TABLE, {}).get(META_DOC, {}).get("save_count", 0)
    # The save counter orders backups, so it must never go back: count on from the larger.
    doc["save_count"] = max(int(doc.get("save_count", 0)), int(theirs_count))
    return Merged({META_TABLE: meta, **out}, taken, clashes)


def _next_id(table: dict[str, Any]) -> int:
    return max((int(k) for k in table if k.isdigit()), default=0) + 1


def _union(*dicts: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for d in dicts:
        seen.update(dict.fromkeys(d))
    return list(seen)


def _entries(n: int) -> str:
    return "1 entry was" if n == 1 else f"{n} entries were"


def _notice(kept: Path, merged: Merged) -> str:
    text = (
        "Your workbook was changed outside this window since it was opened (by another "
        "program, or a copy put back). Nothing was overwritten: that version is kept as a "
        f"backup ({kept.name})."
    )
    if merged.older:
        text += " It was older than this window's, so this window's version was saved."
    if merged.taken:
        text += f" From it, {_entries(merged.taken)} added here."
    if merged.clashes:
        text += (
            f" {_entries(merged.clashes)} changed in both places: this window's version was "
            "saved and the other is in that backup (`workbook restore --list` shows it)."
        )
    return text
