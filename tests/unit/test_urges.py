"""The urge log and its patterns: this week, common triggers, times of day."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from workbook import urges
from workbook.checkins import FutureDate
from workbook.models import TriggerKind, Urge
from workbook.storage import Repository

TODAY = date(2026, 11, 27)


def urge(
    back: int,
    trigger: str = "",
    at: time | None = None,
    strength: int = 5,
    kind: TriggerKind | None = None,
) -> Urge:
    return Urge(
        on=TODAY - timedelta(days=back), trigger=trigger, at=at, strength=strength, kind=kind
    )


def named(found: list[urges.TriggerCount]) -> list[tuple[str, int]]:
    return [(t.name, t.count) for t in found]


def test_save_and_list_newest_first(repo: Repository) -> None:
    urges.save_urge(repo, urge(2, "payday"), TODAY)
    urges.save_urge(repo, urge(0, "bus stop", time(8, 0)), TODAY)
    urges.save_urge(repo, urge(0, "after work", time(18, 0)), TODAY)
    assert [u.trigger for u in urges.all_urges(repo)] == ["after work", "bus stop", "payday"]


def test_future_urge_refused(repo: Repository) -> None:
    with pytest.raises(FutureDate):
        urges.save_urge(repo, urge(-1), TODAY)
    assert repo.all(Urge) == []


@pytest.mark.parametrize("fields", [{"strength": -1}, {"strength": 11}, {"minutes": -5}])
def test_out_of_range_refused(fields: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Urge(on=TODAY, **{"strength": 3, **fields})


def test_patterns_this_week_triggers_and_times() -> None:
    log = [
        urge(0, "Payday", time(18, 30), 8),
        urge(1, "payday.", time(19, 0), 6),
        urge(2, "Row with mum", time(23, 15), 4),
        urge(3, "  payday ", time(2, 0), 2),
        urge(6, "Row with mum", time(9, 0), 4),
        urge(7, "bus stop", time(13, 0), 4),  # last week: not this week, still a pattern
        urge(40, "old trigger", time(13, 0), 4),  # too old for the patterns
    ]
    log[0] = log[0].model_copy(update={"passed": True})
    found = urges.patterns(log, TODAY)
    assert found.this_week == 5
    assert found.passed_this_week == 1
    assert found.average_strength == pytest.approx(24 / 5)
    assert named(found.triggers) == [("Payday", 3), ("Row with mum", 2), ("bus stop", 1)]
    assert dict(found.times) == {"evening": 2, "night": 2, "morning": 1, "afternoon": 1}
    assert found.total == 7


def test_patterns_when_empty() -> None:
    found = urges.patterns([], TODAY)
    assert (found.this_week, found.triggers, found.times, found.average_strength) == (
        0,
        [],
        [],
        None,
    )


@pytest.mark.parametrize(
    ("at", "name"),
    [
        (time(0, 0), "night"),
        (time(4, 59), "night"),
        (time(5, 0), "morning"),
        (time(11, 59), "morning"),
        (time(12, 0), "afternoon"),
        (time(17, 0), "evening"),
        (time(21, 59), "evening"),
        (time(22, 0), "night"),
    ],
)
def test_time_of_day_edges(at: time, name: str) -> None:
    assert urges.words().time_of_day(at) == name


def test_ties_in_triggers_go_to_the_most_recent() -> None:
    found = urges.common_triggers([urge(3, "a"), urge(1, "b"), urge(2, "c")], top=2)
    assert named(found) == [("b", 1), ("c", 1)]


@given(
    st.lists(
        st.builds(
            Urge,
            on=st.dates(min_value=TODAY - timedelta(days=60), max_value=TODAY),
            at=st.none() | st.times(),
            strength=st.integers(0, 10),
            trigger=st.sampled_from(["", "Payday", "payday!", "Bus", "  bus  "]),
            passed=st.none() | st.booleans(),
        ),
        max_size=30,
    )
)
def test_pattern_invariants(log: list[Urge]) -> None:
    found = urges.patterns(log, TODAY)
    assert found.passed_this_week <= found.this_week <= found.total == len(log)
    recent = [u for u in log if u.on > TODAY - timedelta(days=28)]
    assert sum(n for _, n in found.times) == sum(1 for u in recent if u.at is not None)
    assert sum(t.count for t in found.triggers) <= sum(1 for u in recent if u.trigger.strip())
    assert len(found.triggers) <= 2  # "payday" and "bus" are one trigger each, however written
    if found.average_strength is not None:
        assert 0 <= found.average_strength <= 10


def test_card_and_summary_never_count_zero_passed() -> None:
    from workbook.urge_summary import card_lines, summary_lines

    log = [urge(0, "after work", time(18, 0), 7)]
    assert card_lines(log, TODAY)[0] == "This week: 1 urge"
    assert summary_lines(log, TODAY)[0] == "Urges this week: 1 (average strength 7.0 of 10)"
    log[0] = log[0].model_copy(update={"passed": True})
    assert card_lines(log, TODAY)[0] == "This week: 1 urge, 1 passed"


def test_triggers_of_one_kind_add_up_and_keep_their_own_words() -> None:
    money, person = TriggerKind.MONEY, TriggerKind.PERSON
    log = [
        urge(0, "Payday", kind=money),
        urge(1, "A bill I can't pay", kind=money),
        urge(2, "payday.", kind=money),  # the same words as the newest: shown once
        urge(3, "", kind=money),  # a kind with no words still counts
        urge(4, "Row with mum", kind=person),
        urge(5, "Row with mum"),  # no kind: counted by its words, apart from the kind
        urge(6, "Bus stop"),
    ]
    found = urges.common_triggers(log, top=5)
    assert found[0] == urges.TriggerCount("money", 4, ("Payday", "A bill I can't pay"))
    assert found[1] == urges.TriggerCount("a person", 1, ("Row with mum",))
    assert [(t.name, t.count, t.words) for t in found[2:]] == [
        ("Row with mum", 1, ()),
        ("Bus stop", 1, ()),
    ]


def test_every_kind_has_a_name_and_a_key_of_its_own() -> None:
    found = urges.words().trigger_kinds
    assert {k.kind for k in found} == set(TriggerKind)
    assert len({k.key for k in found}) == len(found) == len({k.name for k in found})


def test_trigger_text_puts_the_kind_first() -> None:
    assert urges.trigger_text(urge(0, "Payday", kind=TriggerKind.MONEY)) == "money: Payday"
    assert urges.trigger_text(urge(0, " ", kind=TriggerKind.BORED)) == "bored"
    assert urges.trigger_text(urge(0, "Payday")) == "Payday"


def test_summary_lines_show_each_kind_with_the_words_that_fit() -> None:
    from workbook.urge_summary import card_lines, summary_lines

    log = [
        urge(0, "Payday", time(10, 0), kind=TriggerKind.MONEY),
        urge(
            1,
            "Bills on the mat, again, the third this week and " + "x" * 60,
            kind=TriggerKind.MONEY,
        ),
        urge(2, "Mates going for a pint", kind=TriggerKind.PERSON),
    ]
    lines = summary_lines(log, TODAY, width=60)
    start = lines.index("Common triggers in the last 4 weeks:")
    assert lines[start + 1].startswith("  money (2): Payday · Bills on the mat, again")
    assert lines[start + 1].endswith("…") and len(lines[start + 1]) == 60
    assert lines[start + 2] == "  a person (1): Mates going for a pint"
    card = card_lines(log, TODAY)
    assert card[2:5] == ["In the last 4 weeks:", "Triggers: money (2),", " a person (1)"]


def test_the_patterns_say_they_look_back_four_weeks_when_this_week_has_none() -> None:
    """A week with no urge, and two urges three weeks ago: the count says this week, and the
    triggers and times say the four weeks they come from (not read as this week's)."""
    from workbook.urge_summary import card_lines, summary_lines

    log = [urge(20, "Payday", time(19, 0), kind=TriggerKind.MONEY), urge(27, "Payday", time(20, 0))]
    assert summary_lines(log, TODAY) == [
        "Urges this week: 0",
        "Common triggers in the last 4 weeks:",
        "  money (1): Payday",
        "  Payday (1)",
        "Times of day in the last 4 weeks: evening (2)",
    ]
    assert card_lines(log, TODAY) == [
        "This week: 0 urges",
        "In the last 4 weeks:",
        "Triggers: money (1), Payday (1)",
        "Times: evening (2)",
        "F2 notes one · u opens the log",
    ]
    # A month ago is outside the four weeks: nothing but the (empty) week is said.
    assert summary_lines([urge(28, "Payday")], TODAY) == ["Urges this week: 0"]
    assert "In the last 4 weeks:" not in card_lines([urge(28, "Payday")], TODAY)
