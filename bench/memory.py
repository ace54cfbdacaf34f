"""Memory: peak resident size of a start-up to Home, Side by Side on a workbook vs a bare app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import child_env

CHILD = Path(__file__).with_name("_startup_child.py")


def _peak_mb(*args: str) -> float:
    """Peak RSS of one child run, in MB (each child is measured in a fresh helper process)."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, sys.executable, str(CHILD), *args],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(),
    )
    return int(out.stdout.strip()) / 1024


def measure(data_dir: Path, profile: str) -> dict[str, float]:
    bare = _peak_mb("bare")
    ours = _peak_mb("ours", str(data_dir), profile)
    return {"bare_mb": bare, "ours_mb": ours, "ratio": ours / bare}
