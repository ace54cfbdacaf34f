"""Benchmarks: ``python bench/run.py`` (speed) and ``python bench/reliability.py`` (faults)."""

import os
import sys
import tempfile
from pathlib import Path

PYCACHE = Path(tempfile.gettempdir()) / "side-by-side-bench-pycache"
"""Where compiled modules are kept between runs (never in the source tree)."""


def child_env() -> dict[str, str]:
    """The environment for a measured child process: compiled modules cached, as installed.

    An installed ``workbook`` has its modules compiled at install time; run from the source
    tree with PYTHONDONTWRITEBYTECODE set (as on this machine), every start would compile all
    of them again (~50 ms) and the figures would measure the compiler, not the app.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def cache_bytecode() -> None:
    """The same for this process (the in-process benchmarks import the screens as they go)."""
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(PYCACHE)
