"""Memory: peak resident size of a start-up to Home, Side by Side on a workbook vs a bare app.

``measure`` is the figure the target is checked on. ``breakdown`` says where it goes: the peak
of fresh processes stopped at each step of the way (``python bench/memory.py DATA_DIR PROFILE``
prints it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import child_env
from bench.startup import TIMEOUT_S

CHILD = Path(__file__).with_name("_startup_child.py")
ROOT = Path(__file__).resolve().parents[1]


def _peak_mb(*args: str, script: str | None = None) -> float:
    """Peak RSS of one child run, in MB (each child is measured in a fresh helper process)."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    child = ["-c", script] if script is not None else [str(CHILD)]
    out = subprocess.run(
        [sys.executable, "-c", code, sys.executable, *child, *args],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=TIMEOUT_S,
    )
    return int(out.stdout.strip()) / 1024


def _peak_at_painted_mb(*args: str) -> float:
    """Peak resident size of one child up to the moment its screen is painted, in MB.

    The child says it with "painted" (see _startup_child.py). Until 1 December 2026 the peak of
    the whole child process was taken: that counted what the app does after Home is up (reading
    the screens' stylesheets) and while it shuts down, and swung by about 4 MB from run to run.
    """
    out = subprocess.run(
        [sys.executable, str(CHILD), *args],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=TIMEOUT_S,  # a child that never paints is stopped, not waited for
    )
    word, kb = out.stdout.split()[:2]
    assert word == "painted", out.stdout
    return int(kb) / 1024


def measure(data_dir: Path, profile: str, runs: int = 3) -> dict[str, float]:
    """Median peak to the painted screen: a bare app, ours on the workbook, and the ratio; and
    the floor (the bare app after importing pydantic and reading the file, see
    ``_startup_child.floor``) with its ratio."""

    def median(*args: str) -> float:
        return sorted(_peak_at_painted_mb(*args) for _ in range(runs))[runs // 2]

    bare = median("bare")
    ours = median("ours", str(data_dir), profile)
    floor = median("floor", str(data_dir), profile)
    return {
        "bare_mb": bare,
        "ours_mb": ours,
        "ratio": ours / bare,
        "floor_mb": floor,
        "floor_ratio": floor / bare,
    }


_IMPORTS = "import sys; sys.path.insert(0, sys.argv[1]); import gc; gc.disable(); "

_OPENED = (
    _IMPORTS + "import os, workbook.storage.profiles as p; real = p.open_store\n"
    "def stop(*a, **k):\n"
    "    real(*a, **k)\n"
    "    os._exit(0)\n"
    "p.open_store = stop\n"
    "from workbook.start import main\n"
    "main(['--data-dir', sys.argv[2], '--profile', sys.argv[3]])\n"
)
"""The real start-up, stopped as soon as the workbook is open (before Home is composed)."""


def breakdown(data_dir: Path, profile: str) -> dict[str, float]:
    """Peak MB of fresh processes that stop at each step: Python alone, Textual imported, a
    bare app painted; pydantic and the models imported, every module the app imports before
    it opens a workbook, the workbook opened, and Home painted with its cards."""
    root = str(ROOT)
    steps = {
        "python": _peak_mb(script="pass"),
        "textual imported": _peak_mb(root, script=_IMPORTS + "import textual.app"),
        "bare app painted": _peak_mb("bare"),
        "models imported": _peak_mb(root, script=_IMPORTS + "import workbook.models"),
        "app imported": _peak_mb(root, script=_IMPORTS + "import screens.app, screens.home"),
        "workbook opened": _peak_mb(root, str(data_dir), profile, script=_OPENED),
        "Home painted": _peak_mb("ours", str(data_dir), profile),
    }
    return steps


if __name__ == "__main__":
    figures = breakdown(Path(sys.argv[1]), sys.argv[2])
    for step, mb in figures.items():
        print(f"{step:20s} {mb:5.1f} MB")
