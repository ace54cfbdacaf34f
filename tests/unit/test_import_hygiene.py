"""The core never imports Textual: importing every ``workbook`` module leaves it out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_does_not_import_textual() -> None:
    code = """
import importlib, pkgutil, sys
import workbook
names = [m.name for m in pkgutil.walk_packages(workbook.__path__, "workbook.")]
names = [n for n in names if n != "workbook.__main__"]
for name in names:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "screens")))
print(len(names), bad)
assert not bad, bad
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    count = int(out.stdout.split()[0])
    assert count >= 10  # the walk really found the modules


def test_core_never_names_the_network() -> None:
    """No module of the app imports a networking library (privacy promise)."""
    banned = ("socket", "urllib.request", "http.client", "requests", "httpx", "aiohttp")
    for folder in ("workbook", "screens"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for name in banned:
                assert f"import {name}" not in text, f"{path} imports {name}"
                assert f"from {name} import" not in text, f"{path} imports {name}"


def test_every_screen_module_imports() -> None:
    """Every module of the UI imports (a screen reached only by a key is still checked)."""
    import importlib
    import pkgutil

    import screens

    names = [m.name for m in pkgutil.walk_packages(screens.__path__, "screens.")]
    for name in names:
        importlib.import_module(name)
    assert len(names) >= 30
