"""The app shell as a person meets it: first run, Home, the picker, F1, ?, the palette."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.app import ComposeResult
from textual.geometry import Size
from textual.widgets import Input, OptionList, Select, Static

from screens.app import WorkbookApp
from screens.hard_moment import HardMomentScreen
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.profiles_manage import ProfilesScreen as PickerScreen
from screens.settings import SettingsScreen
from screens.welcome import StartWorkbookScreen, WelcomeScreen
from screens.widgets.topbar import TopBar
from tests.ui.helpers import make_app, screen_text
from workbook.models import Country, Pathway, Profile, ProfileCard, Settings, WorkingOn
from workbook.storage import DataRoot

MARKUP_NAME = "[bold]x[/] [@click=app.quit]"


def shown(app: WorkbookApp) -> str:
    """Every Static on the screen, plus the options of every list."""
    parts = [screen_text(app)]
    for options in app.screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return "\n".join(parts)


def stored_profile(root: DataRoot, card: ProfileCard) -> Profile:
    repo = root.open(card, write=False)
    try:
        profile = repo.get(Profile)
        assert profile is not None
        return profile
    finally:
        repo.close()


def set_locale(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.mark.parametrize(
    ("lang", "guess", "keys", "chosen"),
    [
        ("en_US.UTF-8", Country.US, ["tab"], Country.US),
        ("en_US.UTF-8", Country.US, ["enter", "down", "down", "enter"], Country.CA),
        ("C.UTF-8", Country.OTHER, ["enter", "up", "enter"], Country.AU),
        ("C.UTF-8", Country.OTHER, ["tab"], Country.OTHER),
    ],
)
async def test_the_country_is_asked_at_first_run(
    root: DataRoot,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    guess: Country,
    keys: list[str],
    chosen: Country,
) -> None:
    """Guessed from the system's language settings, confirmed (or changed) by the person."""
    set_locale(monkeypatch, lang)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.press(*"Ari", "enter")
        country = app.screen.query_one("#country", Select)
        assert app.screen.focused is country and country.value == guess
        assert "language settings" in screen_text(app)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [card] = root.cards()
    repo = root.open(card, write=False)
    settings = repo.get(Settings)
    repo.close()
    assert settings is not None and settings.country == chosen


async def test_full_welcome_flow_at_80x24_stores_the_profile(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_locale(monkeypatch, "en_GB.UTF-8")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "not treatment" in text and "stays on this computer" in text
        await pilot.press("enter")
        assert isinstance(app.screen, StartWorkbookScreen)
        await pilot.press(*"Sam R?", "enter")  # "?" is typed, not the help key
        assert app.screen.query_one("#country", Select).value == Country.UK  # the guess
        await pilot.press("tab")  # one key: the guess is right
        await pilot.press("space", "down", "down", "space", "tab")  # alcohol, codependency
        await pilot.press(*"weekend drinking", "enter")
        await pilot.press("up", "up", "enter", "tab")  # pathway: cut back
        await pilot.press(*"2026-11-01", "tab", "space")  # start date, day counter on
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Hello, Sam R?." in screen_text(app)
        assert "26 days since 1 November 2026" in screen_text(app)
        assert len(app.screen_stack) == 1  # the welcome is left behind: Escape stays Home
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    [card] = root.cards()
    profile = stored_profile(root, card)
    assert profile.display_name == "Sam R?"
    assert profile.working_on == [WorkingOn.ALCOHOL, WorkingOn.CODEPENDENCY]
    assert profile.working_on_words == "weekend drinking"
    assert profile.pathway == Pathway.CUT_BACK
    assert profile.recovery_start == date(2026, 11, 1)
    assert profile.show_day_counter is True
    repo = root.open(card, write=False)
    settings = repo.get(Settings)
    repo.close()
    assert settings is not None and settings.country == Country.UK


async def test_welcome_explains_a_missing_name_and_a_bad_date(root: DataRoot) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+s")
        assert isinstance(app.screen, StartWorkbookScreen)
        problem = app.screen.query_one("#problem", Static)
        assert problem.display and "at least one letter" in str(problem.render())
        assert app.screen.focused is app.screen.query_one("#name", Input)
        await pilot.press(*"Ari")
        app.screen.query_one("#start", Input).value = "2026-13-40"
        await pilot.press("ctrl+s")
        about_date = app.screen.query_one("#start-problem", Static)
        assert "year-month-day" in str(about_date.render())
        assert not app.screen.query_one("#problem", Static).display
        assert root.cards() == []
        app.screen.query_one("#start", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [c.display_name for c in root.cards()] == ["Ari"]


async def test_reopen_shows_home_with_the_name(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = shown(app)
        assert "Hello, Sam." in text
        assert "Today is Friday 27 November 2026." in text
        assert "Settings" in text  # the sections that exist, with their keys
        await pilot.press("q")
    assert app.return_value in (None, 0)


async def test_picker_with_two_profiles(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    make_profile("Lee")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts == ["Lee", "Sam", "+ Start a new workbook"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.card is not None and app.card.display_name == "Sam"
        assert "Hello, Sam." in screen_text(app)


async def test_profile_option_skips_the_picker(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    make_profile("Lee")
    async with make_app(root, profile="lee").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert "Hello, Lee." in screen_text(pilot.app)  # type: ignore[arg-type]


async def test_a_second_person_starts_a_workbook_from_the_picker(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    make_profile("Lee")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await pilot.press("enter", *"Kim", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1  # Home is first in the workbook's own mode
    assert sorted(c.display_name for c in root.cards()) == ["Kim", "Lee", "Sam"]


async def test_picker_shows_initials_when_asked(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam Lee")
    root.write_card(card.model_copy(update={"show_initials": True}))
    make_profile("Ari")
    app = make_app(root)
    async with app.run_test(size=(80, 24)):
        assert "S.L." in shown(app)
        assert "Sam Lee" not in shown(app)


@pytest.mark.parametrize("key", ["f1", "ctrl+g"])
async def test_hard_moment_key_from_home_settings_and_back(
    root: DataRoot, make_profile: Callable[..., ProfileCard], key: str
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(country=Country.UK))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HardMomentScreen)
        text = screen_text(app)
        assert "If you are in danger right now, call your emergency number: 999 or 112." in text
        assert "Samaritans: Call 116 123" in text
        assert "SHOUT: Text SHOUT to 85258" in text
        assert "988" not in text
        assert "Talk to someone now: Samaritans, call 116 123." in text
        assert "(checked Dec 2026)" in text and "Source:" not in text
        assert "For the next ten minutes" in text
        await pilot.press(key)  # a second press does not stack another copy
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#name", Input).focus()
        await pilot.press(key)  # works while typing in a field
        assert isinstance(app.screen, HardMomentScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SettingsScreen)


@pytest.mark.parametrize("key", ["f1", "ctrl+g"])
async def test_hard_moment_key_inside_the_welcome_uses_the_locale(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    set_locale(monkeypatch, "en_US.UTF-8")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HardMomentScreen)
        text = screen_text(app)
        assert "call your emergency number: 911." in text
        assert "988 Suicide & Crisis Lifeline: Call or text 988" in text
        assert "Never Use Alone: 1-800-484-3731" in text
        await pilot.press("escape", "enter", *"Sa", key)  # and from inside the form
        assert isinstance(app.screen, HardMomentScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#name", Input).value == "Sa"  # what they typed is kept


async def test_hard_moment_key_from_the_picker_without_a_locale_country(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_locale(monkeypatch, "C.UTF-8")
    make_profile("Sam")
    make_profile("Lee")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        text = screen_text(app)
        assert (
            "call your emergency number: 911 in the US, 911 in Canada, 999 or 112 in the UK, "
            "000 in Australia, 112 in the EU, or your local emergency number." in text
        )
        for country in ("(the US)", "(the UK)", "(Canada)", "(Australia)"):
            assert country in text


async def test_help_lists_the_keys_of_the_screen_and_the_global_ones(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "On Home" in text
        assert "Settings" in text  # the section key on Home
        assert "Close the workbook (all is saved)" in text  # q
        assert "Help for a hard moment" in text  # F1, everywhere
        assert "Everywhere" in text and "Tab" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("o", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "On Settings" in screen_text(app)
        assert "Go back to the previous screen" in screen_text(app)


async def test_palette_jumps_to_a_section_and_has_no_screenshot(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Quit" in titles
        assert titles.count("Keys") == 1 and "Help for a hard moment" in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Go to Settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_markup_in_a_name_is_shown_literally_and_does_nothing(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile(MARKUP_NAME)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert f"Hello, {MARKUP_NAME}." in screen_text(app)
        bar = app.screen.query_one(TopBar)
        assert MARKUP_NAME in bar.render_line(0).text  # in the top bar too, literally
        await pilot.click("#greeting")
        await pilot.click(TopBar, offset=(bar.render_line(0).text.index(MARKUP_NAME) + 1, 0))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, HomeScreen)


async def test_markup_typed_in_the_welcome_is_stored_and_shown_literally(root: DataRoot) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#name", Input).value = MARKUP_NAME
        app.screen.query_one("#words", Input).value = "[red]words[/red]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"Hello, {MARKUP_NAME}." in screen_text(app)
        assert app.is_running
    profile = stored_profile(root, root.cards()[0])
    assert profile.display_name == MARKUP_NAME
    assert profile.working_on_words == "[red]words[/red]"


async def test_quit_asks_only_when_something_typed_is_not_saved(root: DataRoot) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Sa", "ctrl+q")
        assert app.is_running
        assert "not saved yet" in screen_text(app)
        await pilot.click("#stay")
        assert app.screen.query_one("#name", Input).value == "Sa"
        await pilot.press("ctrl+q")
        await pilot.click("#quit")
        await pilot.pause()
    assert not app.is_running
    assert root.cards() == []


async def test_quit_from_settings_saves_a_name_being_typed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        app.screen.query_one("#name", Input).focus()
        await pilot.press("end", *"my", "ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert [c.display_name for c in root.cards()] == ["Sammy"]


async def test_home_cards_show_a_goal_made_while_away(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook import goals

    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        assert "Goals: none yet" in shown(pilot.app)
        await pilot.press("g")
        goals.add_goal(pilot.app.repo, "Walk to the park")  # type: ignore[arg-type]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert "Goals: none yet" not in shown(pilot.app)
        assert "Goals: 1 active" in shown(pilot.app)


async def test_ten_minute_steps_wrap_under_their_words(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Each step is a bullet beside its words, so a wrapped line starts under the words."""
    from rich.table import Table

    make_profile("Sam")
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HardMomentScreen)
        steps = list(pilot.app.screen.query(".step"))
        assert steps
        for step in steps:
            grid = step.content  # type: ignore[attr-defined]
            assert isinstance(grid, Table) and len(grid.columns) == 2


async def test_home_turns_the_paused_collector_back_on(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The ``workbook`` command pauses the cycle collector for start-up; Home ends the pause."""
    import gc

    make_profile("Sam")
    app = make_app(root)
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, HomeScreen)
            await pilot.pause()
            assert app.screen.query("#checkin-card")  # the cards are up...
            await pilot.pause()
            assert gc.isenabled()  # ...and the collector is back on
    finally:
        gc.enable()


async def test_quit_from_a_dialog_asks_when_the_form_below_holds_words(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Typing in a goal, Escape ("Leave without saving?"), then Ctrl+Q: the words are asked for."""
    from screens.goal_form import GoalEditScreen

    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(GoalEditScreen(None))
        await pilot.pause()
        app.screen.query_one("#title", Input).focus()
        await pilot.press(*"Call the bank", "escape")
        await pilot.pause()
        asking = app.screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert app.screen.id == "quit-question"
        await pilot.press("ctrl+q")  # again: still one question, not two
        await pilot.pause()
        assert app.screen_stack.count(app.screen) == 1 and app.screen_stack[-2] is asking
        await pilot.click("#stay")
        await pilot.pause()
        assert app.screen is asking
        assert app.screen_stack[-2].query_one("#title", Input).value == "Call the bank"


async def test_quit_from_the_urge_log_asks_when_something_was_typed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+q")  # nothing typed yet: quits at once
        await pilot.pause()
        assert not app.is_running
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        field = next(i for i in app.screen.query(Input) if not i.disabled and not i.value)
        field.focus()
        await pilot.press(*"after the call", "ctrl+q")
        await pilot.pause()
        assert app.is_running and app.screen.id == "quit-question"


@pytest.mark.parametrize(
    ("section_id", "screen_class", "method"),
    [
        ("goals", "screens.goals:GoalsScreen", "refresh_list"),
        ("urges", "screens.urges:UrgesScreen", "refresh_list"),
        ("skills", "screens.skills:SkillsScreen", "refresh_list"),
        ("review", "screens.review:ReviewScreen", "body"),
    ],
)
async def test_a_screen_builds_its_list_once_on_opening_and_again_on_return(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    monkeypatch: pytest.MonkeyPatch,
    section_id: str,
    screen_class: str,
    method: str,
) -> None:
    """Opening builds the list once (it was built twice: on mount and on the first resume)."""
    import importlib

    module, name = screen_class.split(":")
    cls = getattr(importlib.import_module(module), name)
    calls: list[int] = []
    real = getattr(cls, method)

    def counted(self: object, *args: object) -> object:
        calls.append(1)
        return real(self, *args)

    monkeypatch.setattr(cls, method, counted)
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_open_section(section_id)
        await pilot.pause()
        assert len(calls) == 1
        await pilot.press("f1")  # over it, then back: built again, to show any change
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, cls)
        assert len(calls) == 2


async def test_the_palette_finds_the_urge_tools_by_the_word_urge(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.urge_guide import UrgeSurfScreen
    from screens.urges import LogUrgeScreen

    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Note an urge (F2)", "Ride out an urge"} <= set(commands)
        commands["Ride out an urge"].callback()
        await pilot.pause()
        assert isinstance(app.screen, UrgeSurfScreen)
        await pilot.press("escape")
        await pilot.pause()
        commands["Note an urge (F2)"].callback()
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)


async def test_welcome_tab_then_enter_still_starts(root: DataRoot) -> None:
    """One Tab moves focus off the only button; Enter must still lead on."""
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartWorkbookScreen)
        assert app.screen.query_one("#name", Input).value == ""  # the Enter typed nothing


async def test_an_invisible_name_is_refused_and_invisible_characters_left_out(
    root: DataRoot,
) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, StartWorkbookScreen)
        await pilot.press("\u200b", "ctrl+s")
        await pilot.pause()
        assert root.cards() == []
        assert "at least one letter or number" in screen_text(app)
        name = app.screen.query_one("#name", Input)
        name.value = "Sam \u200b"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.display_name for c in root.cards()] == ["Sam"]  # the invisible one left out


async def test_home_builds_its_cards_once_and_shows_them_in_its_first_frame(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home's cards are built with it (issue 20): its first frame shows them, so start-up does
    not draw Home twice (once bare, once with the cards). They are built once on opening and
    once more on coming back, and Home says it is drawn only when every card is mounted."""
    from screens.home import Dashboard

    builds: list[int] = []
    drawn: list[tuple[int, int, int]] = []
    real_compose, real_drawn = Dashboard.compose, HomeScreen._cards_drawn

    def compose(dashboard: Dashboard) -> ComposeResult:
        builds.append(1)
        yield from real_compose(dashboard)

    def cards_drawn(home: HomeScreen) -> None:
        cards = home.query("#dashboard > *")
        drawn.append((len(builds), len(cards), sum(1 for card in cards if card.is_mounted)))
        real_drawn(home)

    monkeypatch.setattr(Dashboard, "compose", compose)
    monkeypatch.setattr(HomeScreen, "_cards_drawn", cards_drawn)
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert len(drawn) == 1
        built, cards, mounted = drawn[0]
        assert built == 1  # once: not an empty dashboard first, then the cards
        assert mounted == cards >= 7  # every card was in that first frame
        assert len(builds) == 1
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(builds) == 2 and len(drawn) == 1  # built again on coming back, drawn once


async def test_homes_words_are_laid_out_at_one_width_as_it_opens(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home's cards are taller than the window, so a scroll bar comes; its columns are kept
    from the start (``scrollbar-gutter: stable``). Every card was laid out at the whole width,
    then again beside the bar, and Home drawn twice (~4 ms of ~64, issue 20)."""
    make_profile("Sam")
    widths: dict[Static, set[int]] = {}
    real = Static.get_content_height

    def noting(static: Static, container: Size, viewport: Size, width: int) -> int:
        widths.setdefault(static, set()).add(width)
        return real(static, container, viewport, width)

    monkeypatch.setattr(Static, "get_content_height", noting)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#home").scrollbars_enabled[0]  # the bar is there
    assert {"greeting", "today", "checkin-card", "goals-card"} <= {s.id for s in widths}
    assert {static.id or static: seen for static, seen in widths.items() if len(seen) > 1} == {}
