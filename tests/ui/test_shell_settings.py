"""Settings save at once (asserted on what is stored), themes, NO_COLOR, Home's cards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.filter import Monochrome
from textual.widgets import Checkbox, Input, OptionList, Static

from screens import home
from screens.home import HomeScreen
from screens.sections import Section, section
from screens.settings import SettingsScreen
from screens.theme import DEFAULT_THEME, HIGH_CONTRAST
from screens.widgets.dropdown import Dropdown
from screens.widgets.topbar import TopBar
from tests.ui.helpers import make_app, screen_text, static_text
from workbook.models import Country, Pathway, Profile, ProfileCard, Settings, WorkingOn
from workbook.storage import DataRoot


def stored(root: DataRoot) -> tuple[ProfileCard, Profile, Settings]:
    [card] = root.cards()
    repo = root.open(card, write=False)
    try:
        profile, settings = repo.get(Profile), repo.get(Settings) or Settings()
    finally:
        repo.close()
    assert profile is not None
    return card, profile, settings


async def test_every_setting_is_saved_at_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        name = screen.query_one("#name", Input)
        name.focus()
        await pilot.press("end", *" Lee", "enter")
        card, profile, _ = stored(root)
        assert card.display_name == profile.display_name == "Sam Lee"
        assert app.person_label == "Sam Lee"
        assert "Sam Lee" in screen.query_one(TopBar).render_line(0).text
        assert "Saved." in str(screen.query_one("#name-status", Static).render())

        screen.query_one("#country", Dropdown).value = Country.CA
        screen.query_one("#week", Dropdown).value = 6
        screen.query_one("#lock", Dropdown).value = 30
        screen.query_one("#theme", Dropdown).value = HIGH_CONTRAST
        screen.query_one("#counter", Checkbox).value = True
        await pilot.pause()
        start = screen.query_one("#start", Input)
        start.focus()
        await pilot.press(*"2026-11-20", "tab")  # leaving the field saves it too
        screen.query_one("#initials", Checkbox).value = True
        await pilot.pause()

        card, profile, settings = stored(root)
        assert settings.country == Country.CA
        assert settings.week_starts_on == 6
        assert settings.idle_lock_minutes == 30
        assert settings.theme == HIGH_CONTRAST and app.theme == HIGH_CONTRAST
        assert profile.show_day_counter is True
        assert profile.recovery_start == date(2026, 11, 20)
        assert card.show_initials is True and card.label == "S.L."
        assert app.person_label == "S.L."

        screen.query_one("#lock", Dropdown).value = 0
        await pilot.pause()
        assert stored(root)[2].idle_lock_minutes is None
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize(
    ("working_on", "warned"),
    [([], True), ([WorkingOn.ALCOHOL], True), ([WorkingOn.GAMBLING], False)],
)
async def test_choosing_stop_completely_in_settings_gives_the_withdrawal_note(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    working_on: list[WorkingOn],
    warned: bool,
) -> None:
    """As the start form does (issue 18): the note shows with the choice, and it is saved."""
    make_profile("Sam", pathway=Pathway.CUT_BACK, working_on=working_on)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        note = screen.query_one("#withdrawal", Static)
        assert screen.query_one("#pathway", Dropdown).value == Pathway.CUT_BACK
        assert not note.display
        screen.query_one("#pathway", Dropdown).value = Pathway.STOP
        await pilot.pause()
        assert stored(root)[1].pathway == Pathway.STOP
        assert note.display is warned
        words = static_text(note)
        assert "seizures" in words and "doctor" in words
        assert "Saved." in static_text(screen.query_one("#pathway-status", Static))
        screen.query_one("#pathway", Dropdown).value = Pathway.REDUCE_HARM
        await pilot.pause()
        assert stored(root)[1].pathway == Pathway.REDUCE_HARM
        assert not note.display


async def test_a_bad_date_or_name_in_settings_is_explained_and_not_saved(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    make_profile("Lee")
    async with make_app(root, profile="Sam").run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        screen = pilot.app.screen
        screen.query_one("#start", Input).focus()
        await pilot.press(*"31/12/2025", "enter")
        status = str(screen.query_one("#start-status", Static).render())
        assert "Not saved" in status and "year-month-day" in status
        name = screen.query_one("#name", Input)
        name.value = "lee"
        name.focus()
        await pilot.press("enter")
        assert "already a workbook" in str(screen.query_one("#name-status", Static).render())
    assert sorted(c.display_name for c in root.cards()) == ["Lee", "Sam"]


async def test_theme_comes_back_on_reopen_and_palette_changes_are_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(theme=HIGH_CONTRAST))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        app.theme = "nord"  # what the palette's "Theme" command does
        await pilot.pause()
    assert stored(root)[2].theme == "nord"


async def test_an_unknown_stored_theme_falls_back_to_ours(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(theme="gone-in-this-version"))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME


async def test_no_color_is_respected(root: DataRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(root)
    # Textual 8 reads NO_COLOR itself and adds a monochrome filter to every frame.
    assert app.no_color
    assert any(isinstance(f, Monochrome) for f in app._filters)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Sam", "ctrl+s")
        await pilot.pause()
        assert "Hello, Sam." in screen_text(app)


async def test_colour_is_on_by_default(root: DataRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(root)
    assert not app.no_color
    assert not any(isinstance(f, Monochrome) for f in app._filters)


def good_card(app: object) -> Static:
    return Static("A card that works", id="good-card")


def broken_card(app: object) -> Static:
    raise RuntimeError("this card is broken")


async def test_home_cards_show_and_a_broken_card_is_a_quiet_note(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = section("settings")
    fake = [
        Section("good", "1", "Good", "Works.", settings.screen, card=f"{__name__}:good_card"),
        Section("bad", "2", "Broken", "Fails.", settings.screen, card=f"{__name__}:broken_card"),
        Section("gone", "3", "Gone", "Missing.", "screens.nowhere:Nothing"),
        settings,
    ]
    monkeypatch.setattr(home, "available_sections", lambda: [s for s in fake if s.available()])
    make_profile("Sam")
    for size in ((80, 24), (200, 60)):
        app = make_app(root)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            text = screen_text(app)
            assert "A card that works" in text
            assert "Broken: this card cannot be shown just now. Press 2 to open it." in text
            assert "Gone" not in text


async def test_day_counter_on_home_only_when_chosen(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", recovery_start=date(2026, 11, 1))
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "days since" not in screen_text(pilot.app)  # type: ignore[arg-type]
    [card] = root.cards()
    repo = root.open(card)
    profile = repo.get(Profile)
    assert profile is not None
    repo.put(profile.model_copy(update={"show_day_counter": True}))
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)  # type: ignore[arg-type]
        assert "26 days since 1 November 2026. Every one of them counts." in text


async def test_homes_header_follows_a_rename(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*" Lee", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        card, _, _ = stored(root)
        assert card.display_name == "Sam Lee"
        assert " Sam Lee · " in app.screen.query_one(TopBar).render_line(0).text
        assert "Hello, Sam Lee." in screen_text(app)


async def test_settings_builds_a_status_line_or_a_list_only_when_it_is_needed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Issue 20: nine hidden status lines and five Selects (six widgets each, their lists
    included) were built and styled on every opening."""
    make_profile("Sam", pathway=Pathway.CUT_BACK, working_on=[WorkingOn.ALCOHOL])
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert app.focused is screen.query_one("#settings")  # the form: ? still shows the keys
        assert not screen.query(".status") and not screen.query(OptionList)
        await pilot.press("tab", "tab", "enter", "up", "enter")  # past the name: the country
        await pilot.pause()
        assert stored(root)[2].country == Country.AU
        assert len(screen.query(OptionList)) == 1  # only the list that was opened
        await pilot.press("tab", "enter", "up", "enter")  # the pathway: Stop completely
        await pilot.pause()
        assert stored(root)[1].pathway == Pathway.STOP
        form = [child.id for child in screen.query_one("#settings").children]
        assert [w.id for w in screen.query(".status")] == ["country-status", "pathway-status"]
        assert form.index("country-status") == form.index("country") + 1  # under its field
        assert form.index("pathway-status") == form.index("withdrawal") + 1  # under the note
        assert static_text(screen.query_one("#pathway-status", Static)) == "Saved."
