"""Pilot tests for dialogs: the footer under a dialog shows the dialog's keys, not the screen's."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

from textual.screen import ModalScreen
from textual.widgets import Footer

import screens
from screens.base import WorkbookDialog
from screens.goal_dialogs import NoteDialog
from screens.goals import GoalDetailScreen
from screens.widgets.footer import WorkbookFooter
from screens.widgets.unsaved import UnsavedScreen
from tests.ui.helpers import make_app
from tests.unit.crypto_helpers import make_private
from workbook import goals
from workbook.models import ProfileCard
from workbook.storage import DataRoot


def footer_keys(app: object) -> dict[str, str]:
    """The keys the footer of the top screen shows now, each with its words."""
    screen = app.screen  # type: ignore[attr-defined]
    footer = screen.query_one(WorkbookFooter)
    return {drawn.key.key: drawn.key.description for drawn in footer.drawn()}


async def test_a_dialog_footer_shows_its_own_keys_not_the_screen_below(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    goals.add_goal(repo, "Walk more", steps=["Find my shoes"])
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        assert isinstance(pilot.app.screen, GoalDetailScreen)
        assert footer_keys(pilot.app)["space"] == "Tick step"  # the goal's own keys, before
        await pilot.press("p")
        assert isinstance(pilot.app.screen, NoteDialog)
        shown = footer_keys(pilot.app)
        # Only what works here: Escape, the keys that work everywhere, and no "Add step" (s
        # would type an s into the note), no "Keys" (? is not read over a dialog).
        assert shown["escape"] == "Cancel"
        assert shown["f1"] == "Hard moment"
        assert {"s", "space", "e", "question_mark"}.isdisjoint(shown)
        await pilot.press("f1")  # and F1 really works from a dialog
        assert type(pilot.app.screen).__name__ == "HardMomentScreen"


async def test_the_unsaved_changes_question_shows_stay_and_help(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "5", "escape")  # a strength picked, then Escape
        assert isinstance(pilot.app.screen, UnsavedScreen)
        shown = footer_keys(pilot.app)
        assert shown["escape"] == "Stay here"  # the words of the button it presses
        assert shown["f1"] == "Hard moment"
        assert "ctrl+s" not in shown  # the urge form's Save is below, not in this question
        assert len(pilot.app.screen.query(Footer)) == 1


async def test_a_dialog_does_not_offer_the_urge_key_before_a_workbook_is_open(
    root: DataRoot,
) -> None:
    from screens.unlock import UnlockScreen

    make_private(root, "Quinn")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        shown = footer_keys(app)
        assert shown["escape"] == "Cancel" and shown["f1"] == "Hard moment"
        assert "f2" not in shown  # no workbook open yet: no urge to log


def test_every_dialog_is_a_workbook_dialog() -> None:
    """A new dialog built on ModalScreen directly would bring the old footer back."""
    found = []
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ModalScreen) and cls.__module__ == module.__name__:
                found.append(cls)
    assert len(found) >= 15
    assert [c.__qualname__ for c in found if not issubclass(c, WorkbookDialog)] == []


async def test_the_dialog_kit_answers_safely_and_never_reads_markup(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """One yes/no question everywhere: No is focused, Escape and n say no, words are plain."""
    from textual.widgets import Static

    from screens.dialogs import ChooseOne, Confirm

    make_profile()
    answers: list[object] = []
    question = "Remove [bold]Sam[/bold] and [link=x]this[/]?"
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        for keys in (("enter",), ("escape",), ("n",), ("y",), ("tab", "enter")):
            app.push_screen(Confirm(question, yes="Remove"), answers.append)
            await pilot.pause()
            shown = app.screen.query_one("#question", Static).render()
            assert str(shown) == question
            assert footer_keys(app)["escape"] == "No, keep it"
            await pilot.press(*keys)
            await pilot.pause()
        assert answers == [False, False, False, True, True]

        app.push_screen(Confirm("Remove it?", again="Are you sure?"), answers.append)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # asked a second time, No focused again
        assert str(app.screen.query_one("#question", Static).render()) == "Are you sure?"
        await pilot.press("enter")
        await pilot.pause()
        assert answers[-1] is False

        choices = [("a", "First"), ("b", "Second"), ("c", "Third")]
        app.push_screen(ChooseOne("Which?", choices, escape="c", focus="b"), answers.append)
        await pilot.pause()
        assert footer_keys(app)["escape"] == "Third"
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(ChooseOne("Which?", choices, escape="c"), answers.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert answers[-2:] == ["b", "c"]


def test_a_choose_one_whose_escape_is_not_a_choice_is_refused() -> None:
    import pytest

    from screens.dialogs import ChooseOne

    with pytest.raises(ValueError):
        ChooseOne("Which?", [("a", "A")], escape="z")
