"""My limits and safer-use plan: set at 80x24, stored as set, shown on Home and on the check-in."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, SelectionList, Static, TextArea

from screens.checkin import CheckinScreen
from screens.safer_plan import SaferPlanScreen
from screens.widgets.dropdown import Dropdown
from tests.ui.helpers import make_app, screen_text
from workbook import safer_plan
from workbook.models import LimitUnit, Pathway, ProfileCard, SaferPlan, SaferRule
from workbook.storage import DataRoot


def stored(root: DataRoot) -> SaferPlan:
    repo = root.open(root.cards()[0])
    try:
        return safer_plan.load(repo)
    finally:
        repo.close()


async def test_a_cut_back_person_sets_a_limit_and_sees_it_on_the_checkin(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway=Pathway.CUT_BACK)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "No limit set yet." in screen_text(app)  # the Home card, before anything is set
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SaferPlanScreen)
        assert not screen.query_one("#standard-drink", Static).display
        await pilot.press(*"3")
        screen.query_one("#unit", Dropdown).value = LimitUnit.STANDARD_DRINKS
        await pilot.pause()
        assert screen.query_one("#standard-drink", Static).display  # the explainer, where it helps
        screen.query_one("#days-off", Input).value = "2"
        rules = screen.query_one("#rules", SelectionList)
        rules.select(SaferRule.NO_MIXING)
        screen.query_one("#own-rules", TextArea).text = "Eat first."
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        home = screen_text(app)
        assert "Up to 3 standard drinks a day" in home and "2 days off each week" in home
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        line = str(app.screen.query_one("#my-plan", Static).render())
        assert line.startswith("My plan: Up to 3 standard drinks a day · 2 days off each week")
    plan = stored(root)
    assert (plan.limit_amount, plan.limit_unit, plan.days_off) == (3, LimitUnit.STANDARD_DRINKS, 2)
    assert plan.rules == [SaferRule.NO_MIXING] and plan.own_rules == "Eat first."


async def test_a_number_that_cannot_be_read_says_so_and_keeps_what_was_stored(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway=Pathway.REDUCE_HARM)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"2.5")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        status = str(app.screen.query_one("#amount-status", Static).render())
        assert status.startswith("Not saved:") and "not a number" in status
        app.screen.query_one("#days-off", Input).value = "9"
        await pilot.pause()
        assert "0 to 7" in str(app.screen.query_one("#days-off-status", Static).render())
    plan = stored(root)
    assert (plan.limit_amount, plan.days_off) == (2.5, None)


async def test_stop_completely_has_no_limits_card_until_a_plan_is_written(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway=Pathway.STOP)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#safer-plan-card")
        await pilot.press("c")
        await pilot.pause()
        assert not app.screen.query("#my-plan")  # not asked about a limit: not shown


async def test_the_checkin_names_the_habit_in_the_persons_words_as_typed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway=Pathway.STOP, working_on_words="[b]the pub[/b]")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert "Did you use or act on [b]the pub[/b] today?" in screen_text(app)
