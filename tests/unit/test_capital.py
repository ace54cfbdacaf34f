"""The life check-in: saved at once, refused kindly, its trend and moves in plain words."""

from __future__ import annotations

from datetime import date

import pytest

from tests.blns import naughty_strings
from workbook import capital
from workbook.errors import InvalidInput
from workbook.models import CapitalAnswer, CapitalArea, CapitalCheckin, Goal, GoalStatus, LifeArea
from workbook.storage import Repository

NOV3 = date(2026, 11, 3)
DEC1 = date(2026, 12, 1)


def checkin(day: date, **rates: int) -> CapitalCheckin:
    return CapitalCheckin(
        day=day,
        answers=[CapitalAnswer(area=CapitalArea[k.upper()], rating=v) for k, v in rates.items()],
    )


def test_each_answer_is_stored_at_once_in_one_check_in_a_day(repo: Repository) -> None:
    capital.set_rating(repo, DEC1, CapitalArea.HOME, 2)
    capital.set_better(repo, DEC1, CapitalArea.HOME, "Fill in the housing form")
    capital.set_rating(repo, DEC1, CapitalArea.USE, 4)
    stored = repo.all(CapitalCheckin)
    assert len(stored) == 1 and stored[0].day == DEC1
    assert stored[0].answers == [
        CapitalAnswer(area=CapitalArea.USE, rating=4),
        CapitalAnswer(area=CapitalArea.HOME, rating=2, better="Fill in the housing form"),
    ]
    capital.set_rating(repo, DEC1, CapitalArea.HOME, None)
    home = capital.on_day(repo, DEC1)
    assert home is not None and home.answer(CapitalArea.HOME) == CapitalAnswer(
        area=CapitalArea.HOME, better="Fill in the housing form"
    )


def test_out_of_scale_or_too_long_is_refused_and_nothing_changes(repo: Repository) -> None:
    capital.set_rating(repo, DEC1, CapitalArea.MIND, 3)
    with pytest.raises(InvalidInput, match="1 to 5"):
        capital.set_rating(repo, DEC1, CapitalArea.MIND, 6)
    with pytest.raises(InvalidInput, match="200"):
        capital.set_better(repo, DEC1, CapitalArea.MIND, "x" * 201)
    stored = capital.on_day(repo, DEC1)
    assert stored is not None and stored.answers == [CapitalAnswer(area=CapitalArea.MIND, rating=3)]


def test_naughty_strings_are_stored_exactly_or_refused_kindly(repo: Repository) -> None:
    kept = 0
    with repo.transaction():
        for text in naughty_strings():
            try:
                capital.set_better(repo, DEC1, CapitalArea.COPING, text)
            except InvalidInput as exc:
                assert len(text) > 200 or "character" in str(exc)
                continue
            stored = capital.on_day(repo, DEC1)
            if stored is None:
                assert text == "", "only an empty answer to an empty area saves nothing"
                continue
            answer = stored.answer(CapitalArea.COPING)
            assert answer is not None and answer.better == text
            kept += 1
    assert kept > 400


def test_due_every_four_weeks_and_any_time_before() -> None:
    assert capital.next_due([]) is None
    assert capital.due_line([], DEC1) == "Ready for your first one whenever you are."
    history = [checkin(NOV3, mind=2)]
    assert capital.next_due(history) == date(2026, 12, 1)
    assert capital.due_line(history, date(2026, 11, 30)) == (
        "Next one around 1 Dec. Any time is fine too."
    )
    assert capital.due_line(history, DEC1) == "Due now: the last one was on 3 Nov."
    # A check-in opened but not rated does not count as one done.
    assert capital.next_due([*history, CapitalCheckin(day=DEC1)]) == date(2026, 12, 1)


def test_moved_most_is_the_two_largest_changes_either_way() -> None:
    history = [
        checkin(NOV3, use=2, mind=3, body=3, home=1),
        checkin(DEC1, use=3, mind=1, body=3, home=4),
    ]
    most = capital.moved_most(history)
    assert [(m.area, m.words()) for m in most] == [
        (CapitalArea.HOME, "up 3"),
        (CapitalArea.MIND, "down 2"),
    ]
    assert capital.moved_most_line(history) == (
        "Moved most since 3 Nov: Home and safety (up 3) and My mind (down 2)."
    )


def test_moved_most_before_a_second_check_in_and_when_nothing_moved() -> None:
    assert "second check-in" in capital.moved_most_line([checkin(NOV3, use=2)])
    steady = [checkin(NOV3, use=2), checkin(DEC1, use=2)]
    assert capital.moved_most(steady) == []
    assert capital.moved_most_line(steady) == "Nothing moved since 3 Nov: steady is fine too."


def test_trend_rows_draw_bars_with_words_beside_them() -> None:
    history = [checkin(date(2026, 10, 6), home=1), checkin(NOV3, home=3), checkin(DEC1, home=5)]
    rows = capital.trend_rows(history)
    assert len(rows) == len(CapitalArea)
    home = rows[list(CapitalArea).index(CapitalArea.HOME)]
    assert home == f"{'Home and safety':<24} █████     ▂▅█  5 going well, up 2"
    assert rows[0] == f"{'My habit':<24} ·····  {' ' * 6}  not rated yet"
    assert all(len(row) <= 76 for row in rows), "fits 80 columns with the screen's padding"


def test_make_a_goal_lands_in_the_matching_life_area_linked_back(repo: Repository) -> None:
    goal = capital.make_goal(repo, CapitalArea.HOME, "  Fill in the housing form ")
    stored = repo.find(Goal, goal.id)
    assert stored is not None
    assert (stored.title, stored.area, stored.status) == (
        "Fill in the housing form",
        LifeArea.HOME,
        GoalStatus.ACTIVE,
    )
    assert stored.source is not None and stored.source.kind == "capital"
    assert capital.goal_for(repo, CapitalArea.HOME) == stored
    assert capital.goal_for(repo, CapitalArea.MIND) is None
    blank = capital.make_goal(repo, CapitalArea.SUPPORT)
    assert blank.title == "One step better: People I can turn to"
    assert blank.area == LifeArea.RELATIONSHIPS


def test_the_areas_with_goals_are_those_goal_for_finds(repo: Repository) -> None:
    """Read in one pass for the screen's ten buttons; a goal done or let go no longer counts."""
    assert capital.areas_with_goals(repo) == set()
    capital.make_goal(repo, CapitalArea.HOME)
    done = capital.make_goal(repo, CapitalArea.MIND)
    repo.save(done.model_copy(update={"status": GoalStatus.DONE}))
    repo.save(Goal(title="Not from the life check-in"))
    found = capital.areas_with_goals(repo)
    assert found == {a for a in CapitalArea if capital.goal_for(repo, a) is not None}
    assert found == {CapitalArea.HOME}


def test_every_area_has_words_and_a_life_area() -> None:
    assert set(capital.AREAS) == set(CapitalArea)
    assert len(capital.SCALE_WORDS) == 5
    assert "score" not in " ".join(w.question for w in capital.AREAS.values()).lower()


def test_an_area_is_answered_once_in_a_check_in() -> None:
    from pydantic import ValidationError

    twice = [CapitalAnswer(area=CapitalArea.HOME, rating=2)] * 2
    with pytest.raises(ValidationError, match="answered once"):
        CapitalCheckin(day=DEC1, answers=twice)
