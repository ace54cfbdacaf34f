"""Daily-life skills as a person uses them, asserted on what was stored."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Input, OptionList, RadioSet, Static, TextArea

from screens.cards.skills import card as home_card
from screens.skill_page import OwnSkillDialog, SkillScreen, StepRow
from screens.skills import SkillsScreen
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook import skills
from workbook.errors import WriteFailed
from workbook.models import Goal, LifeArea, OwnSkill, ProfileCard, SkillLevel, SkillProgress
from workbook.storage import DataRoot, Repository

BANK = "open-a-bank-account"


def plain(widget: Static, width: int = 78) -> str:
    """What a Static shows, as plain text (tables and Text included), wrapped at ``width``."""
    content = widget.content
    console = Console(width=width, file=io.StringIO(), color_system=None, markup=False)
    with console.capture() as capture:
        console.print(content)
    return capture.get()


def screen_text(app: App[int]) -> str:
    """Everything the Statics on the screen show, as plain text."""
    return "\n".join(plain(w) for w in app.screen.query(Static))


def stored(root: DataRoot, card: ProfileCard) -> Repository:
    """The workbook as saved on disk (opened only to read, beside the running app)."""
    return root.open(card, write=False)


async def open_skill(pilot, skill_id: str = BANK) -> SkillScreen:  # type: ignore[no-untyped-def]
    """From Home: s opens the list; Enter opens the highlighted skill (the first, the bank)."""
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SkillsScreen)
    listing = pilot.app.screen.query_one("#skills-list", OptionList)
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    listing.highlighted = ids.index(skill_id)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SkillScreen) and screen.skill_id == skill_id
    return screen


async def test_the_list_shows_every_group_and_skill_at_not_yet(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        listing = pilot.app.screen.query_one("#skills-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        for title in ("Money", "Time", "Home", "Health", "Work and learning"):
            assert title in prompts
        assert sum("○ not yet" in p for p in prompts) == len(skills.catalogue().skill)
        assert f"Not yet: {len(skills.catalogue().skill)}" in screen_text(pilot.app)


async def test_set_a_level_and_it_is_stored_with_its_history(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        assert screen.query_one("#skill-level", RadioSet).has_focus
        await pilot.press("right", "enter")  # learning
        await pilot.pause()
        await pilot.press("right", "enter")  # practising
        await pilot.pause()
        assert "your level now: ◑ practising" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Practising: 1" in screen_text(pilot.app)
        assert "Last change: Fri 27 Nov: Open a bank account, learning → practising" in (
            screen_text(pilot.app)
        )
    repo = stored(root, card)
    record = repo.find(SkillProgress, BANK)
    assert record is not None and record.level == SkillLevel.PRACTISING
    assert [(c.day, c.to_level) for c in record.history] == [
        (TODAY, SkillLevel.LEARNING),
        (TODAY, SkillLevel.PRACTISING),
    ]


async def test_tick_and_untick_steps(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    first, second = skills.catalogue_skills()[0].steps[:2]
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        await pilot.press("tab")  # the first step
        assert isinstance(pilot.app.focused, StepRow) and pilot.app.focused.key == first.key
        await pilot.press("space", "down", "space")
        await pilot.pause()
        rows = list(screen.query(StepRow))
        assert [r.done for r in rows[:3]] == [True, True, False]
        assert plain(rows[0]).startswith("[x] Choose")  # shown in words, not only colour
        await pilot.press("enter")  # Enter unticks the second again
        await pilot.pause()
    record = stored(root, card).find(SkillProgress, BANK)
    assert record is not None and record.ticked == {first.key: TODAY}
    assert second.key not in record.ticked


async def test_add_a_practice_note_and_a_blank_one_is_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        await pilot.press("n")
        assert screen.query_one("#note-input", Input).has_focus
        await pilot.press("enter")  # blank: refused kindly
        await pilot.pause()
        assert not stored(root, card).all(SkillProgress)
        await pilot.press(*"Asked about a [b]basic[/b] account")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#note-input", Input).value == ""
        assert "Asked about a [b]basic[/b] account" in screen_text(pilot.app)
    record = stored(root, card).find(SkillProgress, BANK)
    assert record is not None
    assert [(e.day, e.note) for e in record.practice] == [
        (TODAY, "Asked about a [b]basic[/b] account")
    ]


async def test_make_a_goal_from_a_skill_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await open_skill(pilot, "wake-up-with-an-alarm")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("g")  # a second press does not make a second goal
        await pilot.pause()
        assert "Already a goal" in str(pilot.app.screen.query_one("#make-goal").label)
    goals = stored(root, card).all(Goal)
    assert len(goals) == 1
    goal = goals[0]
    assert goal.title == "Wake up with an alarm"
    assert goal.area == LifeArea.SKILLS
    assert goal.source is not None
    assert (goal.source.kind, goal.source.ref) == ("skill", "wake-up-with-an-alarm")
    expected = [s.text for s in skills.get_skill(stored(root, card), goal.source.ref).steps]
    assert [s.text for s in goal.steps] == expected


async def test_add_an_own_skill_with_steps(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OwnSkillDialog)
        await pilot.press("ctrl+s")  # no name yet: refused kindly, the dialog stays
        await pilot.pause()
        assert isinstance(pilot.app.screen, OwnSkillDialog)
        error = pilot.app.screen.query_one("#own-error", Static)
        assert "Give your skill a name" in plain(error)
        await pilot.press(*"Iron a shirt", "enter", *"Interview on Monday", "enter")
        assert pilot.app.screen.query_one("#own-steps", TextArea).has_focus
        await pilot.press(*"Heat the iron", "enter", "enter", *"Collar first")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SkillScreen)
        assert [r.text for r in pilot.app.screen.query(StepRow)] == [
            "Heat the iron",
            "Collar first",
        ]
        await pilot.press("escape")
        await pilot.pause()
        listing = pilot.app.screen.query_one("#skills-list", OptionList)
        last = listing.get_option_at_index(listing.option_count - 1)
        assert "Iron a shirt" in str(last.prompt)
        assert "My own skills" in str(listing.get_option_at_index(listing.option_count - 2).prompt)
    own = stored(root, card).all(OwnSkill)
    assert [(o.title, o.why, [s.text for s in o.steps]) for o in own] == [
        ("Iron a shirt", "Interview on Monday", ["Heat the iron", "Collar first"])
    ]


async def test_a_duplicate_name_is_allowed_and_marked(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"plan a week", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        listing = pilot.app.screen.query_one("#skills-list", OptionList)
        last = str(listing.get_option_at_index(listing.option_count - 1).prompt)
        assert "plan a week (twin)" in last
    assert [o.title for o in stored(root, card).all(OwnSkill)] == ["plan a week"]


async def test_edit_and_remove_an_own_skill(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    own = skills.add_own_skill(repo, "Iron a shirt", ["Heat the iron"])
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await open_skill(pilot, own.id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OwnSkillDialog)
        await pilot.press("end", *"s", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SkillScreen)
        assert "Iron a shirts" in screen_text(pilot.app)
        assert [o.title for o in stored(root, card).all(OwnSkill)] == ["Iron a shirts"]
        pilot.app.screen.query_one("#remove-own").press()
        await pilot.pause()
        await pilot.press("tab", "enter")  # from "No, keep it" to "Yes, remove"
        await pilot.pause()
        assert isinstance(pilot.app.screen, SkillsScreen)
    assert stored(root, card).all(OwnSkill) == []


async def test_home_card_shows_levels_and_the_last_change(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    skills.set_level(repo, "plan-a-week", SkillLevel.CONFIDENT, TODAY)
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        widget = home_card(pilot.app)
        assert isinstance(widget, Static)
        text = plain(widget)
        assert "Confident: 1" in text
        assert "Plan a week, not yet → confident" in text


async def test_a_failed_save_says_so_and_shows_what_is_stored(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = make_profile()

    def fail(*args: object, **kwargs: object) -> None:
        raise WriteFailed("the disk is full")

    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        monkeypatch.setattr(skills, "set_level", fail)
        monkeypatch.setattr(skills, "tick_step", fail)
        await pilot.press("right", "enter")
        await pilot.pause()
        await pilot.pause()
        pressed = screen.query_one("#skill-level", RadioSet).pressed_button
        assert pressed is not None and pressed.name == "not yet"
        assert "your level now: ○ not yet" in screen_text(pilot.app)
        await pilot.press("tab", "space")
        await pilot.pause()
        assert not screen.query(StepRow).first().done
        assert any("could not be saved" in str(n.message) for n in pilot.app._notifications)
    assert stored(root, card).all(SkillProgress) == []


async def test_the_skill_shows_its_level_history(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        history = screen.query_one("#level-history", Static)
        assert "No changes yet" in plain(history)
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        assert plain(history).strip() == "Fri 27 Nov 2026  not yet → practising"


async def test_an_older_workbook_opens_with_every_skill_not_yet(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    import json

    from tests.unit.test_skills_migration import SCHEMA_4

    card = make_profile()
    path = root.files(card).workbook
    path.write_text(json.dumps(SCHEMA_4), encoding="utf-8")
    path.chmod(0o600)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        listing = pilot.app.screen.query_one("#skills-list", OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        levels = [r for r in rows if r.startswith("  ")]
        assert len(levels) == len(skills.catalogue().skill)
        assert all(r.endswith("○ not yet") for r in levels)


async def test_the_level_lets_go_of_the_keys_when_scrolled_out_of_sight(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """After PgDn, arrows and Enter must not change a level the person cannot see."""
    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        level = screen.query_one("#skill-level", RadioSet)
        assert level.has_focus
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert not level.has_focus
        await pilot.press("right", "enter", "down", "enter")
        await pilot.pause()
    record = stored(root, card).find(SkillProgress, BANK)
    assert record is None or record.level == SkillLevel.NOT_YET


async def test_every_part_of_the_page_is_drawn_from_the_screens_record(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """State flows down (issue 15): the page holds one record and each part draws itself from it.

    Setting the screen's ``record`` (here a record that was never stored) changes the level line,
    the picker, each step's tick, the practice log and the level history, and stores nothing.
    """
    from screens.skill_page import GoalButton, LevelHistory, LevelLine, LevelPicker, PracticeLog
    from workbook.models import LevelChange, PracticeEntry

    card = make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_skill(pilot)
        first = screen.query(StepRow).first()
        assert not first.done
        screen.record = SkillProgress(
            id=BANK,
            level=SkillLevel.CONFIDENT,
            ticked={first.key: TODAY},
            practice=[PracticeEntry(day=TODAY, note="Asked about [b]fees[/b] at the counter")],
            history=[
                LevelChange(day=TODAY, from_level=SkillLevel.NOT_YET, to_level=SkillLevel.CONFIDENT)
            ],
        )
        screen.goal_made = True
        await pilot.pause()
        assert "your level now: ● confident" in plain(screen.query_one(LevelLine))
        pressed = screen.query_one(LevelPicker).pressed_button
        assert pressed is not None and pressed.name == SkillLevel.CONFIDENT.value
        assert first.done and "[x]" in plain(first)
        assert all(not row.done for row in list(screen.query(StepRow))[1:])
        log = "\n".join(plain(w) for w in screen.query_one(PracticeLog).query(Static))
        assert "Asked about [b]fees[/b] at the counter" in log
        assert "not yet → confident" in plain(screen.query_one(LevelHistory))
        assert "Already a goal" in str(screen.query_one(GoalButton).label)
    # Drawn, not stored: the workbook still has no record for the skill and no goal.
    after = stored(root, card)
    assert skills.progress(after, BANK).level is SkillLevel.NOT_YET
    assert skills.goal_for(after, BANK) is None


async def test_the_arrows_move_from_the_level_stored(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """At "practising", Right then Enter is "confident" (found in tmux: the highlight started
    on "not yet", so Right chose "learning", a level down)."""
    card = make_profile()
    repo = root.open(card)
    skills.set_level(repo, BANK, SkillLevel.PRACTISING, TODAY)
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await open_skill(pilot)
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
    assert skills.progress(stored(root, card), BANK).level is SkillLevel.CONFIDENT
