"""What a workbook file holds, in a line a person can judge before restoring it.

"27 check-ins, 3 goals, 12 urges; newest entry 26 Nov 2026; save 418". The clock time in a
backup's name may have been wrong, so the person is shown what is inside instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbook.storage.codec import Codec, CorruptData, Data
from workbook.storage.loading import load_checked, save_count_of

META_TABLE = "_meta"
SINGLETONS = ("profile", "settings", "plan", "weighing", "values")
"""Tables that hold one thing each: not worth counting."""
NAMES = {
    "checkins": ("check-in", "check-ins"),
    "goals": ("goal", "goals"),
    "people": ("person", "people"),
    "plan_revisions": ("plan copy", "plan copies"),
    "reviews": ("weekly review", "weekly reviews"),
    "setbacks": ("setback note", "setback notes"),
    "urges": ("urge", "urges"),
    "skill_progress": ("skill", "skills"),
    "own_skills": ("own skill", "own skills"),
    "resources": ("place of help", "places of help"),
    "hard_moments": ("hard moment", "hard moments"),
}
DATED = ("on", "created", "started", "written")


@dataclass(frozen=True)
class Holdings:
    """Counts per kind of entry, the newest dated entry and the save counter."""

    counts: tuple[tuple[str, int], ...]
    newest: date | None
    save_count: int | None

    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)

    def describe(self) -> str:
        parts = [_counted(table, n) for table, n in self.counts if n]
        text = ", ".join(parts) if parts else "no entries yet"
        if self.newest is not None:
            text += f"; newest entry {self.newest.day} {self.newest:%b %Y}"
        if self.save_count is not None:
            text += f"; save {self.save_count}"
        return text


def _counted(table: str, n: int) -> str:
    one, many = NAMES.get(table, (table.replace("_", " "), table.replace("_", " ")))
    return f"{n} {one if n == 1 else many}"


def holdings_of(data: Data) -> Holdings:
    """Summarise checked workbook data."""
    counts = tuple(
        (table, len(docs))
        for table, docs in data.items()
        if table != META_TABLE and table not in SINGLETONS
    )
    return Holdings(counts, _newest(data), save_count_of(data))


def _newest(data: Data) -> date | None:
    best = ""
    for table, docs in data.items():
        if table in (META_TABLE, *SINGLETONS):
            continue
        for doc in docs.values():
            value = next((doc[k] for k in DATED if isinstance(doc.get(k), str)), "")
            best = max(best, value[:10])
    try:
        return date.fromisoformat(best) if best else None
    except ValueError:
        return None


def read_holdings(path: Path, codec: Codec) -> Holdings | None:
    """What the workbook file at ``path`` holds, or None if it does not open."""
    try:
        data, _version = load_checked(path.read_bytes(), codec)
    except (CorruptData, OSError):
        return None
    return holdings_of(data)
