"""Check-ins: one per local date, today's editable, missed days filled in later, no future."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from workbook import checkins
from workbook.checkins import FutureDate, save_checkin
from workbook.models import Checkin, Halt, Pathway, Profile, Setback, UseAnswer
from workbook.storage import Repository
from workbook.stretches import home_record, record_of

TODAY = date(2026, 11, 27)


def test_a_second_checkin_for_a_day_edits_the_first(repo: Repository) -> None:
    first = save_checkin(repo, Checkin(on=TODAY, mood=2, craving=7), TODAY)
    second = save_checkin(repo, Checkin(on=TODAY, mood=4, halt=[Halt.TIRED]), TODAY)
    stored = repo.all(Checkin)
    assert len(stored) == 1
    assert stored[0].id == first.id == second.id
    assert stored[0].mood == 4 and stored[0].craving is None
    assert stored[0].halt == [Halt.TIRED]
    assert stored[0].created == first.created
    assert stored[0].filled_in_on is None


def test_a_missed_day_is_marked_as_filled_in_later(repo: Repository) -> None:
    yesterday = TODAY - timedelta(days=1)
    saved = save_checkin(repo, Checkin(on=yesterday, mood=3), TODAY)
    assert saved.filled_in_on == TODAY
    # Editing it again the day after keeps the day it was first filled in.
    again = save_checkin(repo, Checkin(on=yesterday, mood=4), TODAY + timedelta(days=1))
    assert again.filled_in_on == TODAY
    assert checkins.checkin_for(repo, yesterday) == again


def test_a_future_date_is_refused(repo: Repository) -> None:
    with pytest.raises(FutureDate, match="hasn't happened yet"):
        save_checkin(repo, Checkin(on=TODAY + timedelta(days=1)), TODAY)
    with pytest.raises(FutureDate):
        checkins.save_setback(repo, Setback(on=TODAY + timedelta(days=1)), TODAY)
    assert repo.all(Checkin) == [] and repo.all(Setback) == []


@pytest.mark.parametrize(
    "fields",
    [{"mood": 0}, {"mood": 6}, {"craving": -1}, {"craving": 11}, {"sleep_hours": 25}],
)
def test_out_of_range_values_are_refused(fields: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Checkin(on=TODAY, **fields)


def test_missed_days_since_the_first_checkin(repo: Repository) -> None:
    assert checkins.missed_days(repo, TODAY) == []
    for back in (5, 3, 0):
        save_checkin(repo, Checkin(on=TODAY - timedelta(days=back)), TODAY)
    assert checkins.missed_days(repo, TODAY) == [TODAY - timedelta(days=n) for n in (1, 2, 4)]


def test_needs_reflection_after_a_return_to_use(repo: Repository) -> None:
    used = save_checkin(repo, Checkin(on=TODAY, used=UseAnswer.OVER_LIMIT), TODAY)
    assert checkins.needs_reflection(repo, used)
    checkins.save_setback(repo, Setback(on=TODAY, next_step="Call Jo"), TODAY)
    assert not checkins.needs_reflection(repo, used)
    kept = save_checkin(repo, Checkin(on=TODAY - timedelta(days=1), used=UseAnswer.NO), TODAY)
    assert not checkins.needs_reflection(repo, kept)


def test_record_of_a_workbook(repo: Repository) -> None:
    profile = repo.get(Profile)
    assert profile is not None
    repo.put(profile.model_copy(update={"recovery_start": date(2026, 11, 1)}))
    save_checkin(repo, Checkin(on=date(2026, 11, 10), used=UseAnswer.YES), TODAY)
    checkins.save_setback(repo, Setback(on=date(2026, 11, 20)), TODAY)
    save_checkin(repo, Checkin(on=date(2026, 11, 21), used=UseAnswer.PREFER_NOT), TODAY)
    record = record_of(repo, TODAY)
    assert record.setback_days == (date(2026, 11, 10), date(2026, 11, 20))
    assert record.current == 6  # 21-26 Nov; "prefer not to say" is not a setback
    assert record.longest == 9
    assert record.days_kept == 24
    assert record.between_setbacks == [9]


def test_homes_record_is_worked_out_once_until_the_workbook_changes(repo: Repository) -> None:
    """Home's day counter and its check-in card show one record, worked out once (issue 20)."""
    save_checkin(repo, Checkin(on=date(2026, 11, 10), used=UseAnswer.NO), TODAY)
    first = home_record(repo, TODAY)
    assert first == record_of(repo, TODAY)
    assert home_record(repo, TODAY) is first  # remembered: not worked out again
    assert home_record(repo, TODAY + timedelta(days=1)) != first  # another day, its own
    checkins.save_setback(repo, Setback(on=date(2026, 11, 20)), TODAY)
    after = home_record(repo, TODAY)
    assert after is not first and after.setback_days == (date(2026, 11, 20),)
    assert after == record_of(repo, TODAY)


def test_every_pathway_has_its_question() -> None:
    w = checkins.words()
    for pathway in Pathway:
        question = w.used_for(pathway)
        assert question.answers
    cut_back = [a.value for a in w.used_for(Pathway.CUT_BACK).answers]
    assert UseAnswer.OVER_LIMIT in cut_back and UseAnswer.WITHIN_LIMIT in cut_back
    assert "limit" in w.used_for(Pathway.CUT_BACK).question
    assert len(w.mood.words) == 5


def test_words_never_shame() -> None:
    w = checkins.words()
    text = " ".join([*w.setback.kind_words, w.setback.going_on, w.setback.next_step]).lower()
    for banned in ("addict", "clean", "dirty", "failure", "relapsed again"):
        assert banned not in text
    assert w.setback.kind_for(TODAY) == w.setback.kind_for(TODAY)


def test_the_habit_is_named_in_the_persons_own_words() -> None:
    from workbook.checkins import in_their_words

    question = "Did you use or act on the habit today?"
    assert in_their_words(question, "  weekend\ndrinking ") == (
        "Did you use or act on weekend drinking today?"
    )
    assert (
        in_their_words(question, "[b]the pub[/b]") == "Did you use or act on [b]the pub[/b] today?"
    )
    assert in_their_words(question, "   ") == question
