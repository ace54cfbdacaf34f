"""Starting a workbook, changing the profile and settings, the day counter, the country."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from tests.blns import naughty_strings
from tests.conftest import TODAY
from workbook.errors import InvalidInput
from workbook.models import Country, Pathway, Profile, ProfileCard, Settings, WorkingOn
from workbook.profile import (
    WelcomeAnswers,
    day_counter_text,
    days_since,
    default_country,
    ensure_profile,
    latest_good_backup,
    parse_start_date,
    rename,
    restore_latest,
    set_show_initials,
    settings_of,
    start_over_empty,
    start_workbook,
    ten_minutes,
    update_profile,
    update_settings,
)
from workbook.storage import DataRoot, Repository


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, Country.US),
        ({"LANG": "en_GB.UTF-8"}, Country.UK),
        ({"LANG": "fr_CA.UTF-8"}, Country.CA),
        ({"LANG": "en_AU"}, Country.AU),
        ({"LANG": "de_DE.UTF-8"}, Country.OTHER),
        ({"LANG": "C.UTF-8"}, Country.OTHER),
        ({"LANG": "POSIX"}, Country.OTHER),
        ({}, Country.OTHER),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}, Country.UK),
        ({"LC_MESSAGES": "en_AU.UTF-8", "LANG": "en_US.UTF-8"}, Country.AU),
        ({"LANG": "sr_RS.UTF-8@latin"}, Country.OTHER),
    ],
)
def test_default_country_follows_the_locale(env: dict[str, str], expected: Country) -> None:
    assert default_country(env) == expected


def test_start_workbook_stores_every_answer(root: DataRoot) -> None:
    answers = WelcomeAnswers(
        name="  Sam  ",
        working_on=[WorkingOn.ALCOHOL, WorkingOn.GAMBLING],
        working_on_words=" weekend drinking ",
        pathway=Pathway.CUT_BACK,
        start_date="2026-11-01",
        show_day_counter=True,
    )
    card = start_workbook(root, answers, TODAY, country=Country.UK)
    assert card.display_name == "Sam"
    repo = root.open(card)
    try:
        profile = repo.get(Profile)
        assert profile is not None
        assert profile.display_name == "Sam"
        assert profile.working_on == [WorkingOn.ALCOHOL, WorkingOn.GAMBLING]
        assert profile.working_on_words == "weekend drinking"
        assert profile.pathway == Pathway.CUT_BACK
        assert profile.recovery_start == date(2026, 11, 1)
        assert profile.show_day_counter is True
        assert settings_of(repo).country == Country.UK
    finally:
        repo.close()


def test_only_the_name_is_needed(root: DataRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    card = start_workbook(root, WelcomeAnswers(name="Ari"), TODAY)
    repo = root.open(card)
    try:
        profile = repo.get(Profile)
        assert profile is not None
        assert profile.pathway == Pathway.NOT_SURE
        assert profile.recovery_start is None
        assert profile.show_day_counter is False
        assert settings_of(repo).country == Country.AU
    finally:
        repo.close()


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_empty_name_is_refused_kindly(root: DataRoot, name: str) -> None:
    with pytest.raises(InvalidInput, match="at least one letter"):
        start_workbook(root, WelcomeAnswers(name=name), TODAY)
    assert root.cards() == []


def test_a_second_workbook_with_the_same_name_is_refused(root: DataRoot) -> None:
    start_workbook(root, WelcomeAnswers(name="Sam"), TODAY)
    with pytest.raises(InvalidInput, match="already a workbook called"):
        start_workbook(root, WelcomeAnswers(name="sam"), TODAY)


@pytest.mark.parametrize(
    "twin", ["sam", "Sam\u200b", "\uff33\uff41\uff4d", " S\u00adam ", "Sam\u2060"]
)
def test_a_look_alike_name_is_the_same_name(root: DataRoot, twin: str) -> None:
    """A zero-width space, fullwidth letters or a soft hyphen make no second "Sam"."""
    start_workbook(root, WelcomeAnswers(name="Sam"), TODAY)
    with pytest.raises(InvalidInput, match="already a workbook called"):
        start_workbook(root, WelcomeAnswers(name=twin), TODAY)
    assert [c.display_name for c in root.cards()] == ["Sam"]


@pytest.mark.parametrize("blank", ["\u200b", "\u3000\u200d", "...", "\u2060 - "])
def test_a_name_with_no_letter_or_number_is_refused(root: DataRoot, blank: str) -> None:
    with pytest.raises(InvalidInput, match="at least one letter or number"):
        start_workbook(root, WelcomeAnswers(name=blank), TODAY)
    assert root.cards() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("  ", None), ("2026-11-27", TODAY), (" 2020-02-29 ", date(2020, 2, 29))],
)
def test_start_date_parses(text: str, expected: date | None) -> None:
    assert parse_start_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "yesterday", "27/11/2026", "2021-02-29"])
def test_start_date_mistakes_are_explained(text: str) -> None:
    with pytest.raises(InvalidInput, match="year-month-day"):
        parse_start_date(text, TODAY)


def test_a_start_date_still_to_come_is_refused() -> None:
    with pytest.raises(InvalidInput, match="still to come"):
        parse_start_date("2026-11-28", TODAY)


def test_days_since_is_never_negative() -> None:
    assert days_since(date(2026, 11, 20), TODAY) == 7
    assert days_since(TODAY, TODAY) == 0
    assert days_since(date(2026, 12, 1), TODAY) == 0


def test_day_counter_text_only_when_asked() -> None:
    start = date(2026, 11, 20)
    assert day_counter_text(None, TODAY) is None
    assert day_counter_text(Profile(display_name="Sam", recovery_start=start), TODAY) is None
    on = Profile(display_name="Sam", recovery_start=start, show_day_counter=True)
    assert day_counter_text(on, TODAY) == "7 days since 20 November 2026. Every one of them counts."
    one = on.model_copy(update={"recovery_start": date(2026, 11, 26)})
    assert day_counter_text(one, TODAY) is not None
    assert day_counter_text(one, TODAY).startswith("1 day since")  # type: ignore[union-attr]
    first = on.model_copy(update={"recovery_start": TODAY})
    assert "day one" in (day_counter_text(first, TODAY) or "")
    no_date = Profile(display_name="Sam", show_day_counter=True)
    assert day_counter_text(no_date, TODAY) is None


def test_after_a_setback_the_counter_follows_the_stretch_and_what_was_kept() -> None:
    """Never "60 days since..." beside "A new stretch starts tomorrow" (issue 18)."""
    from workbook.stretches import build_record

    start = TODAY - timedelta(days=60)
    on = Profile(display_name="Sam", recovery_start=start, show_day_counter=True)
    unbroken = build_record(TODAY, [], [start], start)
    assert day_counter_text(on, TODAY, unbroken) == day_counter_text(on, TODAY)
    today = build_record(TODAY, [TODAY], [start], start)
    assert day_counter_text(on, TODAY, today) == (
        "A new stretch starts tomorrow. Since 28 September 2026: 60 days kept, "
        "and every one counts."
    )
    earlier = build_record(TODAY, [TODAY - timedelta(days=3)], [start], start)
    assert day_counter_text(on, TODAY, earlier) == (
        "This stretch: 2 days. Since 28 September 2026: 59 days kept, and every one counts."
    )
    # A setback before the chosen start date is not this stretch's: the plain count stays.
    before = build_record(TODAY, [start - timedelta(days=5)], [start], start)
    assert day_counter_text(on, TODAY, before) == day_counter_text(on, TODAY)


def test_counter_words_never_shame() -> None:
    for days in (0, 1, 2, 30, 400):
        start = date.fromordinal(TODAY.toordinal() - days)
        text = day_counter_text(
            Profile(display_name="Sam", recovery_start=start, show_day_counter=True), TODAY
        )
        assert text is not None
        for word in ("clean", "fail", "only", "relapse", "addict"):
            assert word not in text.lower()


def test_update_profile_and_settings_save_at_once(root: DataRoot, repo: Repository) -> None:
    card = root.cards()[0]
    update_profile(repo, card, show_day_counter=True, recovery_start=date(2026, 1, 2))
    update_settings(repo, country=Country.CA, week_starts_on=6, idle_lock_minutes=15)
    repo.close()
    again = root.open(card)
    try:
        profile = again.get(Profile)
        assert profile is not None and profile.show_day_counter
        assert profile.recovery_start == date(2026, 1, 2)
        settings = again.get(Settings)
        assert settings is not None
        assert (settings.country, settings.week_starts_on, settings.idle_lock_minutes) == (
            Country.CA,
            6,
            15,
        )
        update_settings(again, idle_lock_minutes=None)
        assert settings_of(again).idle_lock_minutes is None
    finally:
        again.close()


def test_bad_settings_are_refused_kindly(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="setting"):
        update_settings(repo, week_starts_on=9)
    with pytest.raises(ValueError, match="rename"):
        update_profile(repo, ProfileCard(id="p-00000000", display_name="Sam"), display_name="X")


def test_rename_keeps_the_card_in_step(
    root: DataRoot, repo: Repository, make_profile: Callable[..., ProfileCard]
) -> None:
    card = root.cards()[0]
    new = rename(root, repo, card, "  Samira ")
    assert new.display_name == "Samira"
    assert root.find(card.id).display_name == "Samira"
    profile = repo.get(Profile)
    assert profile is not None and profile.display_name == "Samira"
    make_profile("Lee")
    with pytest.raises(InvalidInput, match="already a workbook"):
        rename(root, repo, new, "LEE")
    assert root.find(card.id).display_name == "Samira"


def test_show_initials_changes_only_the_card(root: DataRoot, repo: Repository) -> None:
    card = rename(root, repo, root.cards()[0], "Sam Lee")
    shown = set_show_initials(root, card, True)
    assert root.find(card.id).label == "S.L."
    assert shown.label == "S.L."
    assert set_show_initials(root, shown, False).label == "Sam Lee"


@pytest.mark.parametrize("text", naughty_strings())
def test_naughty_names_are_stored_exactly_or_refused_kindly(root: DataRoot, text: str) -> None:
    try:
        card = start_workbook(root, WelcomeAnswers(name=text, working_on_words=text), TODAY)
    except InvalidInput as exc:
        assert str(exc).startswith("The ")
        return
    repo = root.open(card)
    try:
        profile = repo.get(Profile)
        assert profile is not None
        # Invisible format characters (a zero-width space...) are not kept in a name; the joiner
        # that makes an emoji one picture is.
        plain = "".join(c for c in text if c == "\u200d" or unicodedata.category(c) != "Cf")
        assert profile.display_name == plain.strip() == card.display_name
        assert profile.working_on_words == text.strip()
    finally:
        repo.close()


def test_unreadable_workbook_restore_and_start_empty(root: DataRoot, repo: Repository) -> None:
    card = root.cards()[0]
    update_settings(repo, country=Country.UK)
    repo.close()
    assert latest_good_backup(root, card, None) is not None  # the daily backup from opening
    files = root.files(card)
    files.workbook.write_bytes(b"{ not json")
    restored = restore_latest(root, card, None)
    assert restored is not None
    again = root.open(card)
    try:
        assert again.get(Profile) is not None
    finally:
        again.close()
    start_over_empty(root, card, None)
    empty = root.open(card)
    try:
        assert empty.get(Profile) is None
        profile = ensure_profile(empty, card)
        assert profile.display_name == "Sam"
        assert empty.get(Profile) == profile
    finally:
        empty.close()


def test_ten_minute_words_load() -> None:
    words = ten_minutes()
    assert words.heading
    assert 3 <= len(words.steps) <= 8
    for step in words.steps:
        assert step.strip() and "addict" not in step and "clean" not in step
