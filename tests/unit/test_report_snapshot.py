"""The coach report (Markdown) of a fixed-seed demo, compared with a stored file.

The report grows as features add their sections. When it changes on purpose, regenerate the
stored file and read the difference before committing it:

    UPDATE_REPORT_SNAPSHOT=1 python -m pytest -q tests/unit/test_report_snapshot.py
"""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

from workbook.demo import build_demo
from workbook.report import build_report, render
from workbook.storage import DataRoot

TODAY = date(2026, 11, 27)
SNAPSHOT = Path(__file__).parent.parent / "fixtures" / "report_seed7.md"
REGENERATE = "UPDATE_REPORT_SNAPSHOT=1 python -m pytest -q tests/unit/test_report_snapshot.py"


def demo_report(tmp_path: Path) -> str:
    root = DataRoot(tmp_path / "data")
    card = build_demo(root, years=1, seed=7, today=TODAY)
    repo = root.open(card, write=False)
    try:
        return render(build_report(repo, None, today=TODAY), "md")
    finally:
        repo.close()


def test_markdown_report_of_the_seed_7_demo(tmp_path: Path) -> None:
    text = demo_report(tmp_path)
    if os.environ.get("UPDATE_REPORT_SNAPSHOT") == "1":
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert SNAPSHOT.exists(), f"No stored report yet. Write it with: {REGENERATE}"
    stored = SNAPSHOT.read_text(encoding="utf-8")
    if text != stored:
        diff = "".join(
            list(
                difflib.unified_diff(
                    stored.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    "stored report_seed7.md",
                    "report now",
                )
            )[:60]
        )
        raise AssertionError(
            "The Markdown report of the seed-7 demo changed. If that is on purpose (a new "
            f"section, new words), regenerate it with:\n    {REGENERATE}\nand read the diff "
            f"before committing tests/fixtures/report_seed7.md.\n{diff}"
        )


def test_the_report_is_the_same_on_a_second_build(tmp_path: Path) -> None:
    assert demo_report(tmp_path / "one") == demo_report(tmp_path / "two")
