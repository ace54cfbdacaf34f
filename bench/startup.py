"""Start-up: process start until Home is on screen, against a bare Textual app (same harness).

Runs the two alternately (so machine noise hits both alike) and reports medians and the ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import child_env

CHILD = Path(__file__).with_name("_startup_child.py")
TIMEOUT_S = 60.0
"""A start-up that has not painted by then is stopped and reported (it never hangs the bench)."""


def _once(kind: str, data_dir: Path, profile: str | None = None) -> float:
    """Seconds from starting the process until it says "painted" (shutting down not counted)."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(CHILD), kind, str(data_dir), *([profile] if profile else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    ) as child:
        assert child.stdout is not None
        stop = threading.Timer(TIMEOUT_S, child.kill)
        stop.start()
        try:
            line = child.stdout.readline()
            took = time.perf_counter() - start
            _, err = child.communicate()
        finally:
            stop.cancel()
    if line.split()[:1] != ["painted"] or child.returncode != 0:
        why = f"not painted after {TIMEOUT_S:.0f} s" if took >= TIMEOUT_S else child.returncode
        raise RuntimeError(f"{kind} start-up failed ({why}): {err[-2000:]}")
    return took


def measure(
    data_dir: Path, runs: int = 10, profile: str | None = None, floor: bool = False
) -> dict[str, float]:
    """Median seconds for each app and the ratio ours/bare.

    With ``floor`` (a profile given), a third child runs in the same alternation: the bare app
    after importing pydantic and reading the workbook's file (``_startup_child.floor``), the
    least a start-up that does both before its first frame can take.
    """
    mine = [profile] if profile else []
    kinds = {"bare": [], "ours": mine} | ({"floor": mine} if floor and profile else {})
    for kind, args in kinds.items():  # warm the OS file cache for each, untimed
        _once(kind, data_dir, *args)
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(runs):
        for kind, args in kinds.items():
            times[kind].append(_once(kind, data_dir, *args))
    medians = {kind: statistics.median(t) for kind, t in times.items()}
    b, o = medians["bare"], medians["ours"]
    figures = {"bare_s": b, "ours_s": o, "ratio": o / b, "runs": runs}
    if "floor" in medians:
        figures |= {"floor_s": medians["floor"], "floor_ratio": medians["floor"] / b}
    return figures
