"""Scale: a thirty-year workbook opened, saved and exported, to show each stays bounded.

Not a ratio: the figures say where the whole-file design is still fine (see RESULTS.md).
"""

from __future__ import annotations

import statistics
import time
from datetime import datetime

from bench import saves
from workbook.demo import build_demo
from workbook.export import export_bytes
from workbook.storage import DataRoot


def measure(root: DataRoot, years: int = 30, runs: int = 5) -> dict[str, float]:
    started = time.perf_counter()
    card = build_demo(root, years=years, seed=4)
    built = time.perf_counter() - started
    opens = []
    for _ in range(runs):
        start = time.perf_counter()
        repo = root.open(card)
        repo.close()
        opens.append(time.perf_counter() - start)
    repo = root.open(card)
    try:
        save = saves.measure_save(repo, saves.checkin_save, rounds=max(10, runs * 4))
        now = datetime(2026, 12, 1, 9, 0)
        exports: dict[str, float] = {}
        for fmt in ("json", "md"):
            start = time.perf_counter()
            size = len(export_bytes(repo, fmt, now=now))
            exports[fmt] = time.perf_counter() - start
            exports[f"{fmt}_mb"] = size / 1e6
    finally:
        repo.close()
    return {
        "built_s": built,
        "open_s": statistics.median(opens),
        "save_p50_ms": save["p50_ms"],
        "save_ratio": save["ratio"],
        "bytes": save["bytes"],
        "checkins": save["checkins"],
        **{f"export_{k}": v for k, v in exports.items()},
    }
