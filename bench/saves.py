"""Saves at scale: a check-in-sized save against the raw cost of writing the same bytes.

The raw cost is json.dumps + write + fsync + replace of the same data, measured in the same run.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbook.storage import Repository


def _timed(fn: Callable[[], object], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _raw_write(data: object, folder: Path) -> None:
    raw = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    tmp = folder / ".raw.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, folder / "raw.json")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def measure_save(
    repo: Repository, save: Callable[[Repository, int], None], rounds: int = 40
) -> dict[str, float]:
    """p50/p95 of ``save`` and of the raw write of the same data, and the ratio of medians."""
    counter = iter(range(10**9))
    ours = _timed(lambda: save(repo, next(counter)), rounds)
    data = repo.export_data()
    with tempfile.TemporaryDirectory(dir=repo_folder(repo)) as folder:
        raw = _timed(lambda: _raw_write(data, Path(folder)), rounds)
    size = len(json.dumps(data).encode())
    checkins = len(data.get("checkins", {}))
    return {
        "bytes": size,
        "p50_ms": statistics.median(ours) * 1000,
        "p95_ms": p95(ours) * 1000,
        "raw_p50_ms": statistics.median(raw) * 1000,
        "raw_p95_ms": p95(raw) * 1000,
        "ratio": statistics.median(ours) / statistics.median(raw),
        "checkins": checkins,
    }


def repo_folder(repo: Repository) -> str:
    return str(repo._store.files.folder)  # the same disk as the workbook


def checkin_save(repo: Repository, n: int) -> None:
    """Today's check-in, changed and saved again (what a person does most)."""
    from datetime import date

    from workbook.checkins import save_checkin
    from workbook.models import Checkin

    today = date.today()
    save_checkin(repo, Checkin(on=today, mood=1 + n % 5, craving=n % 11), today)
