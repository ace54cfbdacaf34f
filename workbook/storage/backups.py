"""Backups (daily, on demand, before a migration or a restore) and quarantine.

A backup is a byte-for-byte copy of the workbook file (so an encrypted workbook's backups stay
encrypted), written atomically into ``backups/``. Its name carries the clock time (a label for
people) and the workbook's own save counter (``-n42``), which only ever goes up: backups are
ordered and pruned by that counter, never by the clock, so a clock that was wrong for a while
(or a move across time zones) cannot make an old backup look like the latest. Daily backups are
pruned to 7 daily + 4 weekly, manual ones to the newest 10; the others are kept. A file that
cannot be read is moved (never deleted) into ``quarantine/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from workbook import clock
from workbook.storage.atomic import atomic_write
from workbook.storage.codec import CorruptData, load_json

DAILY = "daily"
MANUAL = "manual"
PRE_MIGRATION = "pre-migration"
PRE_RESTORE = "pre-restore"
CHANGED_ELSEWHERE = "changed-elsewhere"
"""A version someone else wrote behind an open window, kept before this window saved over it."""
KINDS = (DAILY, MANUAL, PRE_MIGRATION, PRE_RESTORE, CHANGED_ELSEWHERE)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MANUAL = 10

_NAME = re.compile(r"^workbook-(\d{8}T\d{6})-([a-z-]+?)(?:-n(\d+))?-[0-9a-f]{6}\.json$")


@dataclass(frozen=True)
class Backup:
    """One backup file and what its name says about it."""

    path: Path
    kind: str
    taken: datetime
    """The clock time it was taken: a label only (the clock may have been wrong)."""
    count: int | None = None
    """The workbook's save counter when it was taken; None for backups older than counters."""

    @property
    def order(self) -> tuple[int, datetime, str]:
        """Newest is largest: by save counter, then (for equal counters) by clock and name."""
        return (-1 if self.count is None else self.count, self.taken, self.path.name)

    @property
    def label(self) -> str:
        """How a person sees it: ``2026-11-27 09:30 (daily)``."""
        return f"{self.taken:%Y-%m-%d %H:%M} ({self.kind})"


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first. Files that are not ours are ignored."""
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m and m.group(2) in KINDS:
            try:
                taken = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S")
            except ValueError:
                continue
            count = int(m.group(3)) if m.group(3) else None
            found.append(Backup(entry, m.group(2), taken, count))
    found.sort(key=lambda b: b.order, reverse=True)
    return found


def take_backup(
    source: Path,
    folder: Path,
    kind: str,
    when: datetime | None = None,
    count: int | None = None,
    raw: bytes | None = None,
) -> Path:
    """Copy ``source`` into ``folder`` atomically; raise ``WriteFailed`` if it cannot be saved.

    ``count`` is the workbook's save counter in ``source`` (see the module docstring).
    ``raw``: ``source``'s bytes, if the caller has just read them (no second copy is read).
    """
    return take_backup_bytes(source.read_bytes() if raw is None else raw, folder, kind, when, count)


def take_backup_bytes(
    raw: bytes,
    folder: Path,
    kind: str,
    when: datetime | None = None,
    count: int | None = None,
) -> Path:
    """Write ``raw`` into ``folder`` as a backup of ``kind``; return its path."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if count is None:
        count = _plain_count(raw)
    when = when or clock.now()
    counter = "" if count is None else f"-n{count}"
    target = folder / f"workbook-{when:%Y%m%dT%H%M%S}-{kind}{counter}-{os.urandom(3).hex()}.json"
    atomic_write(target, raw)
    return target


def _plain_count(raw: bytes) -> int | None:
    """The save counter inside a plain workbook's bytes (None if encrypted or unreadable)."""
    try:
        meta = load_json(raw).get("_meta", {}).get("1", {})
    except CorruptData:
        return None
    count = meta.get("save_count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def has_daily_for(folder: Path, day: date) -> bool:
    """Whether a daily backup was already taken on ``day``."""
    return any(b.kind == DAILY and b.taken.date() == day for b in list_backups(folder))


def prune(folder: Path) -> list[Path]:
    """Keep the 7 newest daily backups plus the newest of each of 4 older weeks, and the 10
    newest manual ones ("newest" by save counter). Pre-migration, pre-restore and
    changed-elsewhere backups are never pruned.
    """
    found = list_backups(folder)
    daily = [b for b in found if b.kind == DAILY]
    manual = [b for b in found if b.kind == MANUAL]
    keep = {b.path for b in daily[:KEEP_DAILY]} | {b.path for b in manual[:KEEP_MANUAL]}
    weeks: set[tuple[int, int]] = set()
    for b in daily[KEEP_DAILY:]:
        # The clock only groups older backups into weeks; which are older is the counter's say.
        week = b.taken.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(b.path)
    removed = []
    for b in daily + manual:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                continue
    return removed


def latest_good(folder: Path, is_good: Callable[[bytes], bool]) -> Backup | None:
    """The newest backup whose bytes pass ``is_good`` (decode and validate)."""
    for b in list_backups(folder):
        try:
            if is_good(b.path.read_bytes()):
                return b
        except OSError:
            continue
    return None


def quarantine(source: Path, folder: Path, reason: str) -> Path:
    """Move ``source`` into ``folder`` with its bytes untouched; return where it went."""
    folder.mkdir(mode=0o700, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40] or "unreadable"
    target = folder / f"workbook-{clock.now():%Y%m%dT%H%M%S}-{slug}-{os.urandom(3).hex()}.json"
    os.replace(source, target)
    return target
