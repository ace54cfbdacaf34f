"""My people, as a person uses it: add someone, change them, see them on the hard-moment screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList

from screens.people import PeopleScreen
from tests.blns import naughty_strings
from tests.ui.helpers import make_app, screen_text
from workbook import people
from workbook.models import Person, PersonRole, ProfileCard
from workbook.storage import DataRoot


def option_texts(app: object) -> list[str]:
    listing = app.screen.query_one(OptionList)  # type: ignore[attr-defined]
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_add_a_person_through_the_form(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, PeopleScreen)
        assert "No one here yet" in option_texts(app)[0]
        await pilot.press("a")
        await pilot.press(*"Jo")
        await pilot.press("tab", "tab")
        await pilot.press(*" 07700 900123 ")
        await pilot.press("tab")
        await pilot.press(*"evenings")
        await pilot.press("tab")
        await pilot.press(*"Listen first.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert app.repo is not None
        (jo,) = app.repo.all(Person)
        assert (jo.name, jo.contact, jo.good_times, jo.ask) == (
            "Jo",
            "07700 900123",
            "evenings",
            "Listen first.",
        )
        assert option_texts(app) == ["Jo (friend): 07700 900123, evenings"]
        assert "Listen first." in screen_text(app)


async def test_an_empty_name_is_refused_in_the_form_and_the_text_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "a", "tab", "tab")
        await pilot.press(*"07700 900123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Please give a name" in screen_text(app)
        assert app.repo is not None and app.repo.all(Person) == []
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_change_and_remove_someone(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    ana = people.add_person(repo, "Ana", role="family", contact="0113 496 0000")
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "e")
        await pilot.press("end", *" B.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.repo is not None
        changed = app.repo.find(Person, ana.id)
        assert changed is not None and changed.name == "Ana B."
        assert changed.role is PersonRole.FAMILY
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.repo.all(Person) == []


async def test_naughty_names_and_asks_show_as_plain_text(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    strings = ["[bold red]Jo[/]", *[s for s in naughty_strings() if s.strip()][:150]]
    with repo.transaction():
        for text in strings:
            people.add_person(repo, text[:60], ask=text)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert len(option_texts(app)) == len(strings)
        assert option_texts(app)[0] == "[bold red]Jo[/] (other)"
        await pilot.press("down", "end", "up")
        await pilot.press("f1")
        await pilot.pause()
        shown = screen_text(app)
        assert "My people" in shown
        assert "[bold red]Jo[/] (other)" in shown


async def test_every_box_in_the_form_shows_a_placeholder_when_empty(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Borderless boxes are visible without colour only through their placeholder."""
    from textual.widgets import Input, TextArea

    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "a")
        boxes = [*app.screen.query(Input), *app.screen.query(TextArea)]
        assert boxes and all(str(box.placeholder) for box in boxes)


async def test_a_rename_shows_in_the_plan_and_its_summary(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook import plan
    from workbook.models import Plan

    card = make_profile("Sam")
    repo = root.open(card)
    plan.set_answers(repo, helpers=[plan.new_helper(repo, "Ana", "walks with me")])
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "e")
        await pilot.press(*" B.")  # the cursor waits at the end of the name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.repo is not None
        (ana,) = app.repo.all(Person)
        assert (ana.name, ana.ask) == ("Ana B.", "walks with me")
        stored = app.repo.get(Plan)
        assert stored is not None
        assert [(h.name, h.person_id) for h in stored.helpers] == [("Ana B.", ana.id)]
