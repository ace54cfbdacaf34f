"""One clock: nothing in the product reads the system clock except ``workbook/clock.py``.

A test that only passes on the day it was written is a bug; so is product code that reads the
real date behind the clock the tests pin. This walks the source with ``ast`` to keep it so.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbook import clock

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("workbook", "screens") for p in (ROOT / folder).rglob("*.py"))
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("date", "fromtimestamp"),
    ("datetime", "fromtimestamp"),
}


def clock_reads(source: str) -> list[str]:
    """Every ``date.today()``-like call in ``source``, as ``line: name``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (name, node.func.attr) in CLOCK_CALLS:
                found.append(f"{node.lineno}: {name}.{node.func.attr}()")
    return found


def test_the_walker_finds_a_clock_read() -> None:
    assert clock_reads("import datetime\nx = datetime.date.today()\ny = datetime.now()") == [
        "2: date.today()",
        "3: datetime.now()",
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_clock_module_reads_the_system_clock(path: Path) -> None:
    if path == ROOT / "workbook" / "clock.py":
        return
    assert clock_reads(path.read_text(encoding="utf-8")) == []


def test_pinned_clock_is_what_today_and_now_say() -> None:
    from datetime import date

    with clock.pinned(date(2028, 2, 29)) as moment:
        assert clock.today() == date(2028, 2, 29)
        assert clock.now() == moment and moment.hour == 10
        assert moment.tzinfo is not None
