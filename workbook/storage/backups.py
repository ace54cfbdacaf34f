"""Backups (daily, on demand, before a migration or a restore) and quarantine.

A backup is a byte-for-byte copy of the workbook file (so an encrypted workbook's backups stay
encrypted), written atomically into ``backups/``. Daily backups are pruned to 7 daily + 4 weekly;
all others are kept. A file that cannot be read is moved (never deleted) into ``quarantine/``.
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

DAILY = "daily"
MANUAL = "manual"
PRE_MIGRATION = "pre-migration"
PRE_RESTORE = "pre-restore"
KINDS = (DAILY, MANUAL, PRE_MIGRATION, PRE_RESTORE)
KEEP_DAILY = 7
KEEP_WEEKLY = 4

_NAME = re.compile(r"^workbook-(\d{8}T\d{6})-([a-z-]+)-[0-9a-f]{6}\.json$")


@dataclass(frozen=True)
class Backup:
    """One backup file and what its name says about it."""

    path: Path
    kind: str
    taken: datetime

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
            taken = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S")
            found.append(Backup(entry, m.group(2), taken))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def take_backup(source: Path, folder: Path, kind: str, when: datetime | None = None) -> Path:
    """Copy ``source`` into ``folder`` atomically; raise ``WriteFailed`` if it cannot be saved."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    when = when or clock.now()
    target = folder / f"workbook-{when:%Y%m%dT%H%M%S}-{kind}-{os.urandom(3).hex()}.json"
    atomic_write(target, source.read_bytes())
    return target


def has_daily_for(folder: Path, day: date) -> bool:
    """Whether a daily backup was already taken on ``day``."""
    return any(b.kind == DAILY and b.taken.date() == day for b in list_backups(folder))


def prune(folder: Path) -> list[Path]:
    """Keep the 7 newest daily backups plus the newest of each of 4 older weeks.

    Manual, pre-migration and pre-restore backups are never pruned.
    """
    daily = [b for b in list_backups(folder) if b.kind == DAILY]
    keep = {b.path for b in daily[:KEEP_DAILY]}
    weeks: set[tuple[int, int]] = set()
    for b in daily[KEEP_DAILY:]:
        week = b.taken.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(b.path)
    removed = []
    for b in daily:
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
