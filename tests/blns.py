"""The Big List of Naughty Strings: the project's shared copy if it is beside us, else ours.

``tests/data/blns/`` carries a copy (MIT, with its licence) so the suite runs from the sdist or
a lone clone; ``../shared/data/blns/`` is preferred when present, so an update there is used.
"""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "blns"
OWN_DIR = Path(__file__).resolve().parent / "data" / "blns"


def blns_dir() -> Path:
    """Where the list is read from: the shared copy when present, else the tests' own."""
    return SHARED_DIR if (SHARED_DIR / "blns.base64.json").is_file() else OWN_DIR


@functools.cache
def naughty_strings() -> list[str]:
    """Every string of the list (decoded from base64, so none is lost to JSON)."""
    raw = json.loads((blns_dir() / "blns.base64.json").read_text(encoding="utf-8"))
    return [base64.b64decode(s).decode("utf-8", errors="replace") for s in raw]
