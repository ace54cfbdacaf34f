"""The plan for hard moments as a person writes it, and F1 from anywhere showing it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import TextArea

from screens.hard_moment import HardMomentScreen
from screens.hard_plan import HardPlanScreen
from tests.ui.helpers import make_app, screen_text
from workbook import hard_plan, people
from workbook.models import HardMomentsPlan, ProfileCard
from workbook.storage import DataRoot


async def test_write_the_plan_part_by_part(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        screen = app.screen
        assert isinstance(screen, HardPlanScreen)
        assert "Part 1 of 8: When I'm well" in screen_text(app)
        await pilot.press(*"I laugh and cook.")
        assert app.repo is not None
        saved = app.repo.get(HardMomentsPlan)
        assert saved is not None and saved.well == "I laugh and cook."  # saved as you type
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        assert "Part 4 of 8: Early warning signs" in screen_text(app)
        await pilot.press(*"I skip meals.")
        await pilot.press("tab")
        assert isinstance(app.focused, TextArea) and app.focused.id == "answer-warning_plan"
        await pilot.press(*"Call Jo.")
        await pilot.press("ctrl+b")
        assert "Part 3 of 8: Triggers" in screen_text(app)
        await pilot.press("pagedown")  # the same keys as the change plan, inside a text box too
        assert "Part 4 of 8: Early warning signs" in screen_text(app)
        await pilot.press("pageup")
        assert "Part 3 of 8: Triggers" in screen_text(app)
        for _ in range(6):
            await pilot.press("ctrl+n")
        await pilot.pause()
        shown = screen_text(app)
        assert "Your plan on one page" in shown
        assert "1. When I'm well: I laugh and cook." in shown
        assert "Signs: I skip meals. · I'll: Call Jo." in shown
        await pilot.press("8")
        assert "Part 8 of 8: After a crisis" in screen_text(app)
        await pilot.press(*"Rest.")
    plan = hard_plan.load(root.open(root.cards()[0]))
    assert (plan.well, plan.warning_signs, plan.warning_plan, plan.after) == (
        "I laugh and cook.",
        "I skip meals.",
        "Call Jo.",
        "Rest.",
    )


async def test_a_written_plan_opens_on_its_summary(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    repo = root.open(make_profile("Sam"))
    hard_plan.save_answer(repo, "daily", "[b]Walk the dog[/b]")
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert "2. Every day: [b]Walk the dog[/b]" in screen_text(app)
        # a title, a line of keys and every part in one widget (one per part cost as much to
        # style as the rest of the screen: issue 20)
        assert len(app.screen.query("#summary > *")) == 3
        await pilot.press("2")
        area = app.screen.query_one("#answer-daily", TextArea)
        assert area.text == "[b]Walk the dog[/b]"


@pytest.mark.parametrize("first", ["", "m", "r", "h"])
async def test_f1_from_different_screens_shows_the_plan_and_the_people(
    root: DataRoot, make_profile: Callable[..., ProfileCard], first: str
) -> None:
    repo = root.open(make_profile("Sam"))
    hard_plan.save_answer(repo, "warning_signs", "I stop answering texts.")
    hard_plan.save_answer(repo, "warning_plan", "Tell Jo the same day.")
    people.add_person(repo, "Jo", role="coach", contact="07700 900123", ask="Listen first.")
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        if first:
            await pilot.press(first)
        before = type(app.screen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HardMomentScreen)
        shown = screen_text(app)
        assert shown.index("emergency number") < shown.index("When I notice")
        assert "When I notice: I stop answering texts." in shown
        assert "I will: Tell Jo the same day." in shown
        assert shown.index("Tell Jo") < shown.index("Jo (coach): 07700 900123")
        assert "I'd like them to: Listen first." in shown
        await pilot.press("escape")
        assert type(app.screen) is before


async def test_f1_without_a_plan_gently_says_where_to_write_one(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = screen_text(app)
        assert "write a plan for hard moments (h on Home)" in shown
        assert "My people" not in shown


async def test_naughty_answers_show_in_the_summary_and_on_f1(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from tests.blns import naughty_strings

    strings = [s for s in naughty_strings() if s.strip()]
    repo = root.open(make_profile("Sam"))
    for field, text in zip(hard_plan.ANSWER_FIELDS, strings[40:], strict=False):
        hard_plan.save_answer(repo, field, text)
    hard_plan.save_answer(repo, "warning_plan", "[bold]Call Jo[/bold] $(rm -rf /)")
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert "[bold]Call Jo[/bold] $(rm -rf /)" in screen_text(app)
        await pilot.press("1")  # then through every part (each shows its answers) and back
        for _ in range(7):
            await pilot.press("ctrl+n")
        assert "Your plan on one page" in screen_text(app)
        await pilot.press("f1")
        await pilot.pause()
        assert "I will: [bold]Call Jo[/bold] $(rm -rf /)" in screen_text(app)


async def test_a_failed_save_says_so_and_keeps_the_text(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.errors import WriteFailed
    from workbook.storage import Repository

    make_profile("Sam")

    def full_disk(self: Repository, obj: object) -> None:
        raise WriteFailed("the disk is full")

    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        monkeypatch.setattr(Repository, "put", full_disk)
        await pilot.press(*"Hello")
        await pilot.pause()
        area = app.screen.query_one("#answer-well", TextArea)
        assert area.text == "Hello"
        notes = [n.message for n in app._notifications]
        assert sum("could not be saved" in m for m in notes) == 1  # said once, not per key
        monkeypatch.undo()
        await pilot.press("!")
        assert app.repo is not None
        saved = app.repo.get(HardMomentsPlan)
        assert saved is not None and saved.well == "Hello!"


async def test_keeping_myself_safe_says_the_facts_and_saves_both_answers(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        for _ in range(5):
            await pilot.press("ctrl+n")
        await pilot.pause()
        shown = screen_text(app)
        assert "Part 6 of 8: Keeping myself safe" in shown
        assert "your body handles less" in shown and "benzodiazepines" in shown
        assert "Keep methadone and buprenorphine locked away." in shown
        await pilot.press(*"Jo keeps my bank card.", "tab", *"Lockbox in the kitchen.")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "Out of reach: Jo keeps my bank card." in screen_text(app)
    plan = hard_plan.load(root.open(root.cards()[0]))
    assert (plan.keep_safe, plan.medicines) == ("Jo keeps my bank card.", "Lockbox in the kitchen.")


def test_a_summary_line_does_not_say_its_title_twice() -> None:
    from screens.hard_plan import summary_line
    from workbook import hard_plan as hp
    from workbook.models import HardMomentsPlan

    section = next(s for s in hp.content().section if s.key == "triggers")
    plan = HardMomentsPlan(triggers="Payday", triggers_plan="Gym after work")
    line = summary_line(3, section, plan).plain
    assert line == "3. Triggers: Payday · I'll: Gym after work"
