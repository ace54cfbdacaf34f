"""The coach report as a weekly meeting needs it: the week first, typed words inert, presets.

The golden test pins the order of sections and of the first page's parts on a fixed-seed demo
(the full Markdown is pinned by test_report_snapshot.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.report_seed import seed_full
from tests.unit.crypto_helpers import PASS, make_private
from tests.unit.test_cli import run
from workbook.demo import build_demo
from workbook.export import last_report
from workbook.models import Checkin, Goal, GoalStatus, Setback, Urge, UseAnswer
from workbook.report import build_report, parse_last, render
from workbook.report_render import md_text
from workbook.storage import DataRoot, Repository

GOLDEN_SECTIONS = [
    "Since we last met",
    "My change plan",
    "My plan for hard moments",
    "My people",
    "Goals",
    "Weekly reviews",
    "Daily check-ins",
    "Life check-in",
    "My limits and safer-use plan",
    "Setbacks and what I learned",
    "Urges",
    "Daily-life skills",
]
GOLDEN_FIRST_PAGE = [
    "Each day",
    "Setbacks",
    "Urges",
    "Last week's review",
    "Goals I am working on",
    "What changed in my plan",
    "Life check-in",
]


@pytest.fixture
def demo(tmp_path: Path) -> Repository:
    root = DataRoot(tmp_path / "demo")
    card = build_demo(root, years=1, seed=7, today=TODAY)
    return root.open(card, write=False)


def headings(text: str, level: int) -> list[str]:
    mark = "#" * level + " "
    return [line[len(mark) :] for line in text.splitlines() if line.startswith(mark)]


def test_golden_order_of_a_one_year_demo(demo: Repository) -> None:
    text = render(build_report(demo, None, today=TODAY), "md")
    demo.close()
    assert headings(text, 2) == GOLDEN_SECTIONS
    first_page = text.split("\n## ")[1]
    assert headings(first_page, 3) == GOLDEN_FIRST_PAGE
    assert "From 21 Nov 2026 to 27 Nov 2026" in first_page
    assert "| Day | Mood (1-5) | Craving (0-10) | Used or acted on it |" in first_page
    assert "Focus for next week:" in first_page
    # The week comes first: its first line is within the first 5% of the report.
    assert text.index("### Each day") < len(text) // 20


def test_html_fits_phones_prints_cleanly_and_draws_svg(demo: Repository) -> None:
    page = render(build_report(demo, None, today=TODAY), "html")
    demo.close()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 40rem)" in page and "@media print" in page
    assert "Private \\2014  shared by choice" in page and "counter(page)" in page
    assert page.index("<h2>Since we last met</h2>") < page.index("<h2>My change plan</h2>")
    assert page.count("<svg") == page.count("<details>") > 5
    assert "<pre>" not in page and "###" not in page
    assert "<script" not in page and "http" not in page and "url(" not in page
    assert 'data-label="Mood (1-5)"' in page  # phone cards label each cell


def test_charts_show_gaps_and_keep_recent_days(repo: Repository) -> None:
    for back in (0, 1, 3, 200):  # day 2 missed; one old day, months ago
        repo.save(Checkin(on=TODAY - timedelta(days=back), mood=3, craving=0))
    text = render(build_report(repo, ["checkins"], today=TODAY), "md")
    assert "by day, from 5 Sep 2026" in text  # twelve weeks up to 27 Nov
    assert "Wed 25 Nov 2026  . -" in text  # a missed day is a gap, not a zero
    assert "Thu 26 Nov 2026  | 0" in text  # a craving of 0 is an entry
    assert "before that, by month" in text and "May 2026" in text


def test_setbacks_used_notes_wins_and_every_urge_appear(repo: Repository) -> None:
    day = TODAY - timedelta(days=2)
    repo.save(Checkin(on=day, mood=2, used=UseAnswer.YES, note="Rough night", win="Called Jo"))
    repo.save(Setback(on=day, going_on="Payday and alone", next_step="Text Jo first"))
    repo.save(Urge(on=day, strength=9, trigger="Passing the pub", did="Walked on"))
    text = render(build_report(repo, None, today=TODAY), "md")
    first = text.split("\n## ")[1]
    for words in ("Rough night", "Called Jo", "| yes |", "Payday and alone", "Text Jo first"):
        assert words in first, words
    assert "The strongest was 9 of 10" in first and "Passing the pub" in first
    assert "## Setbacks and what I learned" in text and "| Walked on |" in text


def test_goals_are_sorted_and_since_filters_them(repo: Repository) -> None:
    repo.save(Goal(title="Zebra", target_date=TODAY + timedelta(days=3)))
    repo.save(Goal(title="Apple"))
    repo.save(Goal(title="Middle", target_date=TODAY - timedelta(days=1)))
    old = Goal(title="Long done", status=GoalStatus.DONE, status_changed=date(2025, 1, 1))
    repo.save(old.model_copy(update={"created": old.created.replace(year=2025)}))
    text = render(build_report(repo, ["goals"], today=TODAY), "md")
    rows = [line.split(" | ")[0][2:] for line in text.splitlines() if line.startswith("| ")][1:]
    assert rows == ["Middle", "Zebra", "Apple", "Long done"]
    assert "26 Nov 2026 (passed)" in text
    recent = render(build_report(repo, ["goals"], since=date(2026, 6, 1), today=TODAY), "md")
    assert "Long done" not in recent and "Apple" in recent


HOSTILE_TITLE = "Walk\n# Injected heading\n<script>alert(1)</script> [x](javascript:alert(1))"


def test_markdown_never_turns_typed_words_into_markup(repo: Repository) -> None:
    repo.save(Goal(title=HOSTILE_TITLE[:200]))
    repo.save(Checkin(on=TODAY, note="- not a list\n1. nor this\n<b>bold</b> *star* `code`"))
    text = render(build_report(repo, None, today=TODAY), "md")
    assert "\n# Injected" not in text and "\\# Injected" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text) and "\\](javascript:" in text
    assert "<b>" not in text and "\\*star\\*" in text and "\\`code\\`" in text
    assert headings(text, 1) == ["Sam's workbook"]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("- item", "\\- item"), ("1. one", "1\\. one"), ("a|b", "a\\|b"), ("x\r\ny", "x y")],
)
def test_md_text_at_the_start_of_a_line(typed: str, shown: str) -> None:
    assert md_text(typed, line_start=True) == shown


def test_parse_last() -> None:
    assert parse_last("4w", TODAY) == date(2026, 10, 31)
    assert parse_last("10d", TODAY) == date(2026, 11, 18)
    for bad in ("4", "w", "0w", "1000w", "4 weeks"):
        with pytest.raises(Exception, match="4w"):
            parse_last(bad, TODAY)


def test_cli_presets_and_the_remembered_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert run(capsys, data, "profiles", "create", "Sam")[0] == 0
    root = DataRoot(data)
    repo = root.open(root.find("Sam"))
    try:
        seed_full(repo, TODAY)
    finally:
        repo.close()
    code, out, err = run(capsys, data, "export", "--format", "md", "--since-last-report")
    assert code == 0 and "covers everything" in err and "from 2026" not in out
    repo = root.open(root.find("Sam"), write=False)
    try:
        assert last_report(repo) == TODAY
    finally:
        repo.close()
    code, out, _ = run(capsys, data, "export", "--format", "md", "--since-last-report")
    assert code == 0 and f"with entries from {TODAY.isoformat()} on" in out
    code, out, _ = run(capsys, data, "export", "--format", "md", "--last", "4w")
    assert code == 0 and "with entries from 2026-10-31 on" in out
    code, _, err = run(capsys, data, "export", "--format", "md", "--last", "4w", "--since", "x")
    assert code == 2 and "not allowed with" in err
    code, out, _ = run(capsys, data, "export", "--format", "md", "--since", "monday")
    assert code == 0 and "with entries from 2026-11-23 on" in out  # the last Monday
    code, out, err = run(capsys, data, "export", "--format", "md", "--since", "2026-11-31")
    assert (code, out) == (2, "") and "that date doesn't exist (November 2026 has 30" in err


def test_an_open_workbook_still_exports_and_says_the_date_was_not_noted(
    root: DataRoot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    card, _ = make_private(root, "Kim")
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    held = root.open(card, codec=root.unlock(card, PASS))
    try:
        code, out, err = run(capsys, root.path, "export", "--profile", "Kim", "--format", "md")
    finally:
        held.close()
    assert code == 0 and out.startswith("# Kim's workbook") and "was not noted" in err
    code, _, err = run(capsys, root.path, "export", "--profile", "Kim", "--format", "md")
    assert code == 0 and "was not noted" not in err
    repo = root.open(card, write=False, codec=root.unlock(card, PASS))
    try:
        assert last_report(repo) == TODAY  # the encrypted workbook took the note too
    finally:
        repo.close()


def test_the_first_page_starts_at_the_last_report(repo: Repository) -> None:
    from workbook.export import remember_in

    repo.save(Checkin(on=TODAY - timedelta(days=10), mood=2, note="Before the last report"))
    repo.save(Checkin(on=TODAY - timedelta(days=8), mood=4, note="After the last report"))
    first = render(build_report(repo, ["recent"], today=TODAY), "md")
    assert "(the last seven days)" in first and "After the last report" not in first
    assert remember_in(repo, TODAY - timedelta(days=9))
    first = render(build_report(repo, ["recent"], today=TODAY), "md")
    assert "From 18 Nov 2026 to 27 Nov 2026 (since my last report)" in first
    assert "After the last report" in first and "Before the last report" not in first
    assert remember_in(repo, TODAY)  # a second report the same day: back to a week
    assert "(the last seven days)" in render(build_report(repo, ["recent"], today=TODAY), "md")
