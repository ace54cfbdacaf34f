"""The Big List of Naughty Strings, read from ``../shared/data/blns/`` beside the project."""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path

import pytest

BLNS_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "blns"


@functools.cache
def naughty_strings() -> list[str]:
    """Every string of the list (decoded from base64, so none is lost to JSON)."""
    path = BLNS_DIR / "blns.base64.json"
    if not path.is_file():
        pytest.skip(f"the Big List of Naughty Strings is not at {BLNS_DIR}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [base64.b64decode(s).decode("utf-8", errors="replace") for s in raw]
