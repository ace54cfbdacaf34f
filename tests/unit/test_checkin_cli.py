"""`workbook checkin`: good values stored field by field; bad ones refused with nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.blns import naughty_strings
from tests.conftest import TODAY
from workbook import checkins, clock
from workbook.cli import main
from workbook.models import Checkin, Pathway, ProfileCard, UseAnswer, WorkingOn
from workbook.storage import DataRoot


def cli(root: DataRoot, *args: str) -> int:
    try:
        return main(["--data-dir", str(root.path), *args])
    except SystemExit as exc:  # argparse's own usage errors exit directly
        return int(exc.code or 0)


def stored(root: DataRoot, name: str = "Sam") -> list[Checkin]:
    repo = root.open(root.find(name), write=False)
    try:
        return repo.all(Checkin)
    finally:
        repo.close()


@pytest.fixture
def sam(make_profile: Callable[..., ProfileCard]) -> ProfileCard:
    return make_profile("Sam", pathway=Pathway.STOP)


def test_good_values_stored_field_by_field(
    root: DataRoot, sam: ProfileCard, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli(root, "checkin", "--mood", "4", "--craving", "2", "--used", "no", "--note", "Walk")
    assert code == 0
    assert "Saved the check-in for today" in capsys.readouterr().out
    [one] = stored(root)
    assert (one.on, one.mood, one.craving, one.used, one.note) == (
        clock.today(),
        4,
        2,
        UseAnswer.NO,
        "Walk",
    )
    assert one.filled_in_on is None


def test_second_checkin_edits_the_first_and_keeps_what_is_not_given(
    root: DataRoot, sam: ProfileCard, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "checkin", "--mood", "2", "--craving", "7", "--note", "Rough") == 0
    first = stored(root)[0]
    assert cli(root, "checkin", "--mood", "3", "--craving", "5", "--used", "skip") == 0
    assert "Updated the check-in for today" in capsys.readouterr().out
    [one] = stored(root)
    assert one.id == first.id and one.created == first.created
    assert (one.mood, one.craving, one.used, one.note) == (3, 5, UseAnswer.PREFER_NOT, "Rough")


def test_earlier_day_is_marked_filled_in_later(root: DataRoot, sam: ProfileCard) -> None:
    day = clock.today() - timedelta(days=2)
    assert cli(root, "checkin", "--mood", "3", "--craving", "1", "--date", day.isoformat()) == 0
    [one] = stored(root)
    assert one.on == day and one.filled_in_on == clock.today()


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("yesterday", TODAY - timedelta(days=1)),
        ("today", TODAY),
        ("Wednesday", TODAY - timedelta(days=2)),  # TODAY is a Friday: the last Wednesday
        ("friday", TODAY - timedelta(days=7)),  # a weekday name is the last one, never today
        ("last mon", TODAY - timedelta(days=4)),
        ("2026-11-3", TODAY.replace(day=3)),
    ],
)
def test_date_is_read_like_every_date_box(
    root: DataRoot, sam: ProfileCard, typed: str, day: object
) -> None:
    """``--date`` takes the app's friendly words, not only YYYY-MM-DD (issue 21)."""
    assert TODAY.strftime("%A") == "Friday"
    assert cli(root, "checkin", "--mood", "3", "--craving", "1", "--date", typed) == 0
    [one] = stored(root)
    assert one.on == day and one.filled_in_on == (None if day == TODAY else TODAY)


BAD: list[tuple[list[str], str]] = [
    (["--mood", "0", "--craving", "1"], "mood is a whole number from 1 to 5"),
    (["--mood", "6", "--craving", "1"], "mood is a whole number from 1 to 5"),
    (["--mood", "three", "--craving", "1"], "mood is a whole number from 1 to 5"),
    (["--mood", "2.5", "--craving", "1"], "mood is a whole number from 1 to 5"),
    (["--mood", "3", "--craving", "-1"], "craving is a whole number from 0 to 10"),
    (["--mood", "3", "--craving", "11"], "craving is a whole number from 0 to 10"),
    (["--mood", "3", "--craving", ""], "craving is a whole number from 0 to 10"),
    (["--craving", "3"], "required: --mood"),
    (["--mood", "3"], "required: --craving"),
    (["--mood", "3", "--craving", "1", "--used", "maybe"], "invalid choice"),
    (["--mood", "3", "--craving", "1", "--used", "within-limit"], "yes, no or skip"),
    (["--mood", "3", "--craving", "1", "--date", "2026-02-30"], "that date doesn't exist"),
    (["--mood", "3", "--craving", "1", "--date", "2026-13-01"], "there is no month 13"),
    (["--mood", "3", "--craving", "1", "--date", "someday"], "'someday' is not a date I can"),
    (["--mood", "3", "--craving", "1", "--date", "tomorrow"], "hasn't happened yet"),
    (["--mood", "3", "--craving", "1", "--date", "2999-01-01"], "hasn't happened yet"),
    (["--mood", "3", "--craving", "1", "--note", "x" * 5001], "longer than 5000 characters"),
    (["--mood", "3", "--craving", "1", "--profile", "nobody"], "no workbook called"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_values_exit_2_one_line_nothing_stored(
    root: DataRoot,
    sam: ProfileCard,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert cli(root, "checkin", *args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert stored(root) == []


@pytest.mark.parametrize(
    ("pathway", "used", "answer"),
    [
        (Pathway.STOP, "yes", UseAnswer.YES),
        (Pathway.NOT_SURE, "yes", UseAnswer.YES),
        (Pathway.CUT_BACK, "within-limit", UseAnswer.WITHIN_LIMIT),
        (Pathway.CUT_BACK, "over-limit", UseAnswer.OVER_LIMIT),
        (Pathway.REDUCE_HARM, "over-limit", UseAnswer.OVER_LIMIT),
        (Pathway.REDUCE_HARM, "no", UseAnswer.NO),
        (Pathway.CUT_BACK, "skip", UseAnswer.PREFER_NOT),
    ],
)
def test_used_is_mapped_for_the_pathway(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    pathway: Pathway,
    used: str,
    answer: UseAnswer,
) -> None:
    make_profile("Ari", pathway=pathway)
    assert cli(root, "checkin", "--mood", "3", "--craving", "4", "--used", used) == 0
    assert stored(root, "Ari")[0].used == answer


def test_yes_on_a_limit_pathway_names_the_answers(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile("Ari", pathway=Pathway.CUT_BACK)
    assert cli(root, "checkin", "--mood", "3", "--craving", "4", "--used", "yes") == 2
    assert "no, within-limit, over-limit or skip" in capsys.readouterr().err
    assert stored(root, "Ari") == []


def test_setback_is_met_with_kind_words(
    root: DataRoot, sam: ProfileCard, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "checkin", "--mood", "2", "--craving", "8", "--used", "yes") == 0
    out = capsys.readouterr().out
    # Sam chose to stop completely: the setback words from checkin.toml.
    assert checkins.words().setback.kind_for(TODAY) in out
    assert "open `workbook`" in out


def test_use_on_the_not_sure_pathway_has_its_own_words(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile("Ari")  # no pathway chosen: not sure yet
    assert cli(root, "checkin", "--mood", "2", "--craving", "8", "--used", "yes") == 0
    out = capsys.readouterr().out
    kind = checkins.words().setback_for(Pathway.NOT_SURE)[1].kind_for(TODAY)
    assert kind in out and kind not in checkins.words().setback.kind_words


def test_profile_open_elsewhere_exit_3(
    root: DataRoot, sam: ProfileCard, capsys: pytest.CaptureFixture[str]
) -> None:
    held = root.open(sam)  # as the TUI holds it
    try:
        assert cli(root, "checkin", "--mood", "3", "--craving", "1") == 3
        err = capsys.readouterr().err
        assert "open in another window" in err and len(err.strip().splitlines()) == 1
        assert held.all(Checkin) == []
    finally:
        held.close()
    assert stored(root) == []


@pytest.mark.parametrize("text", naughty_strings()[::7])
def test_naughty_notes_are_stored_exactly_or_refused(
    root: DataRoot, sam: ProfileCard, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code = cli(root, "checkin", "--mood", "3", "--craving", "1", "--note", text)
    found: list[Any] = stored(root)
    if code == 0:
        assert found[0].note == text
    else:
        assert code == 2 and found == [] and "Traceback" not in capsys.readouterr().err


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("checkin", "today", "export", "import", "demo"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "Example" in capsys.readouterr().out


def _kept_days(
    root: DataRoot, card: ProfileCard, days: int, used: UseAnswer = UseAnswer.NO
) -> None:
    repo = root.open(card)
    for back in range(1, days + 1):
        repo.save(Checkin(on=TODAY - timedelta(days=back), used=used))
    repo.close()


@pytest.mark.parametrize(("kept", "working_on", "warned"), [
    (5, [], True),  # nothing named: the fact may matter
    (5, [WorkingOn.ALCOHOL], True),
    (2, [WorkingOn.OTHER_DRUGS], False),  # too short a break to say it
    (5, [WorkingOn.GAMBLING], False),  # not a substance
])  # fmt: skip
def test_use_after_a_break_says_tolerance_is_lower(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    kept: int,
    working_on: list[WorkingOn],
    warned: bool,
) -> None:
    card = make_profile("Sam", working_on=working_on)
    _kept_days(root, card, kept)
    assert cli(root, "checkin", "--mood", "2", "--craving", "8", "--used", "yes") == 0
    out = capsys.readouterr().out
    assert ("your body handles less" in out) is warned
    assert ("workbook help-now" in out) is warned
    assert [c.used for c in stored(root) if c.on == TODAY] == [UseAnswer.YES]


def test_days_within_a_cut_back_limit_are_not_a_break(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile("Sam", pathway=Pathway.CUT_BACK, working_on=[WorkingOn.ALCOHOL])
    _kept_days(root, card, 6, used=UseAnswer.WITHIN_LIMIT)
    assert cli(root, "checkin", "--mood", "2", "--craving", "8", "--used", "over-limit") == 0
    assert "your body handles less" not in capsys.readouterr().out
