"""`workbook today`: the summary's facts, its words, and its JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from tests.report_seed import seed_full
from workbook import checkins, clock, reviews
from workbook.cli import main
from workbook.models import Checkin, ProfileCard
from workbook.storage import DataRoot, Repository
from workbook.today import render_json, render_text, summary
from workbook.weeks import week_of

TODAY = date(2026, 11, 27)


def test_empty_workbook_is_kind_and_short(repo: Repository) -> None:
    text = render_text(summary(repo, TODAY))
    assert text.startswith("Hello Sam. Today is Friday 27 November.")
    assert "check-in: not yet" in text and "workbook checkin --mood" in text
    assert "review is due by Sunday 29 Nov" in text
    assert "Next steps" not in text and "days since" not in text and "stretch" not in text
    assert len(text.splitlines()) <= 4


def test_seeded_workbook_says_each_fact(repo: Repository) -> None:
    seed_full(repo, TODAY)
    checkins.save_checkin(repo, Checkin(on=TODAY, mood=4, craving=1), TODAY)
    text = render_text(summary(repo, TODAY))
    assert "Today's check-in: done. Thank you." in text
    assert "  - Walk daily steady: Walk to the shop" in text
    assert "stretch" not in text  # the person did not ask for a counter


def test_review_done_this_week(repo: Repository) -> None:
    review = reviews.begin(repo, week_of(TODAY))
    reviews.finish(repo, review, TODAY)
    assert "review is done" in render_text(summary(repo, TODAY))


def test_counter_only_when_the_person_shows_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Ari", show_day_counter=True, recovery_start=TODAY - timedelta(days=10))
    repo = root.open(card)
    try:
        s = summary(repo, TODAY)
    finally:
        repo.close()
    assert s.counter is not None and "10 days since 17 November 2026" in s.counter
    assert s.stretch_days == 10
    assert s.counter in render_text(s)
    data = json.loads(render_json(s))
    assert data["counter"] == {"text": s.counter, "stretch_days": 10}


def test_today_agrees_with_home_after_a_setback(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """``workbook today`` says what Home's counter says: one count, never two that disagree."""
    from workbook.models import Checkin, Profile, UseAnswer
    from workbook.profile import day_counter_text
    from workbook.stretches import record_of

    card = make_profile("Ari", show_day_counter=True, recovery_start=TODAY - timedelta(days=60))
    repo = root.open(card)
    try:
        repo.save(Checkin(on=TODAY, used=UseAnswer.YES))
        s = summary(repo, TODAY)
        home = day_counter_text(repo.get(Profile), TODAY, record_of(repo, TODAY))
    finally:
        repo.close()
    assert s.counter == home
    assert s.counter is not None and s.counter.startswith("A new stretch starts tomorrow.")
    assert "60 days kept" in s.counter and "60 days since" not in s.counter
    assert s.stretch_days == 0
    assert render_text(s).count("stretch") == 1


def test_json_has_every_fact(repo: Repository) -> None:
    seed_full(repo, TODAY)
    data = json.loads(render_json(summary(repo, TODAY)))
    assert data["date"] == "2026-11-27" and data["name"] == "Sam"
    assert data["checkin"] == {"done": False, "mood": None, "craving": None}
    assert data["review"] == {"state": "not started", "due_by": "2026-11-29"}
    assert data["goals"] == [{"title": "Walk daily steady", "next_step": "Walk to the shop"}]
    assert data["counter"] is None


def test_cli_today_text_and_json_while_open_elsewhere(
    root: DataRoot, repo: Repository, capsys: pytest.CaptureFixture[str]
) -> None:
    # ``repo`` holds Sam's workbook open for writing, as the TUI would: today only reads.
    checkins.save_checkin(repo, Checkin(on=clock.today(), mood=3, craving=2), clock.today())
    assert main(["--data-dir", str(root.path), "today"]) == 0
    assert "Today's check-in: done" in capsys.readouterr().out
    assert main(["--data-dir", str(root.path), "today", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["checkin"] == {"done": True, "mood": 3, "craving": 2}


def test_cli_today_unknown_profile(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile("Sam")
    assert main(["--data-dir", str(root.path), "today", "--profile", "nobody"]) == 2
    assert "nobody" in capsys.readouterr().err
