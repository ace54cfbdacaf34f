"""Pilot tests for the goals screens: what a person does, checked against what was stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from textual.widgets import Input, OptionList, Select, Static

from screens.goal_form import GoalEditScreen
from screens.goals import GoalDetailScreen, GoalsScreen, area_options
from screens.widgets.dropdown import Dropdown
from tests.conftest import TODAY
from tests.ui.goals_support import visible_text as screen_text
from tests.ui.helpers import make_app, static_text
from workbook import goals, reviews
from workbook.models import (
    Goal,
    GoalSource,
    GoalStatus,
    Horizon,
    LifeArea,
    ProfileCard,
)
from workbook.storage import DataRoot, Repository
from workbook.weeks import week_of


def seed(root: DataRoot, card: ProfileCard, fill: Callable[[Repository], object]) -> None:
    repo = root.open(card)
    try:
        fill(repo)
    finally:
        repo.close()


def stored_goals(app: object) -> list[Goal]:
    repo = app.repo  # type: ignore[attr-defined]
    assert repo is not None
    return repo.all(Goal)


async def fill(pilot: object, widget_id: str, text: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one(f"#{widget_id}", Input).value = text
    await pilot.pause()  # type: ignore[attr-defined]


async def test_add_a_short_term_goal_with_a_first_step(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert "No goals here yet" in screen_text(pilot.app)
        await pilot.press("a")
        assert isinstance(pilot.app.screen, GoalEditScreen)
        await pilot.press(*"Walk daily")
        await fill(pilot, "why", "I sleep better")
        await fill(pilot, "done-when", "Five walks a week")
        await fill(pilot, "target", "2026-12-31")
        await fill(pilot, "if", "If it rains")
        await fill(pilot, "then", "then I walk at the mall")
        await fill(pilot, "first-step", "Find my shoes")
        pilot.app.screen.query_one("#area", Select).value = LifeArea.HEALTH.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        (goal,) = stored_goals(pilot.app)
        assert goal.title == "Walk daily" and goal.horizon == Horizon.SHORT
        assert goal.area == LifeArea.HEALTH
        assert (goal.why, goal.done_when) == ("I sleep better", "Five walks a week")
        assert goal.target_date == date(2026, 12, 31)
        assert (goal.if_situation, goal.then_action) == ("If it rains", "then I walk at the mall")
        assert [s.text for s in goal.steps] == ["Find my shoes"]
        assert goal.status == GoalStatus.ACTIVE and goal.serves is None
        # Saving opens the new goal.
        assert isinstance(pilot.app.screen, GoalDetailScreen)
        assert "Walk daily" in screen_text(pilot.app)


async def test_add_a_long_term_goal_and_link_a_short_one_from_a_plan_step(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    source = GoalSource(kind="plan", ref="plan-step-1", label="Save a little each week")
    short = Goal(title="Save 10 a week", area=LifeArea.MONEY, source=source)
    seed(root, card, lambda repo: repo.save(short))  # as "make this a goal" on the plan does
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a")
        await pilot.press(*"A home of my own")
        pilot.app.screen.query_one("#horizon", Select).value = Horizon.LONG.value
        await pilot.pause()
        assert not pilot.app.screen.query_one("#serves").display
        await pilot.press("enter")  # Enter in a field saves the form
        await pilot.pause()
        long = next(g for g in stored_goals(pilot.app) if g.horizon == Horizon.LONG)
        assert long.title == "A home of my own" and long.steps == []
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, GoalsScreen)
        text = screen_text(pilot.app)
        assert "Short-term · working on (1)" in text and "Long-term · working on (1)" in text

        # Open the short-term goal (from the plan), edit it and link it to the long-term one.
        listed = pilot.app.screen.query_one("#goals-list", OptionList)
        listed.highlighted = next(i for i, o in enumerate(listed.options) if o.id == short.id)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, GoalDetailScreen)
        assert "Came from your change plan: Save a little each week" in screen_text(pilot.app)
        await pilot.press("e")
        form = pilot.app.screen
        assert isinstance(form, GoalEditScreen) and form.query_one("#serves").display
        # Choosing long-term hides the question (a long-term goal serves no other), and short-term
        # brings it back: the form's horizon flows down to what is shown.
        form.query_one("#horizon", Select).value = Horizon.LONG.value
        await pilot.pause()
        assert form.horizon == Horizon.LONG.value and not form.query_one("#serves").display
        form.query_one("#horizon", Select).value = Horizon.SHORT.value
        await pilot.pause()
        assert form.query_one("#serves").display
        form.query_one("#serves", Select).value = long.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        linked = next(g for g in stored_goals(pilot.app) if g.id == short.id)
        assert linked.serves == long.id
        assert linked.source == source and linked.area == LifeArea.MONEY
        assert isinstance(pilot.app.screen, GoalDetailScreen)
        assert "Serves the long-term goal: A home of my own" in screen_text(pilot.app)


async def test_tick_and_untick_steps(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    holder: list[Goal] = []
    seed(
        root,
        card,
        lambda r: holder.append(goals.add_goal(r, "Bank", steps=["ID", "Visit", "Card"])),
    )
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        assert isinstance(pilot.app.screen, GoalDetailScreen)
        assert pilot.app.screen.goal_id == holder[0].id
        await pilot.press("space", "down", "enter")
        steps = stored_goals(pilot.app)[0].steps
        assert [s.done_on for s in steps] == [TODAY, TODAY, None]
        assert "2 of 3 steps done" in screen_text(pilot.app)
        await pilot.press("up", "space")
        steps = stored_goals(pilot.app)[0].steps
        assert [s.done_on for s in steps] == [None, TODAY, None]
        await pilot.press("escape")
        assert "1/3" in screen_text(pilot.app)


async def test_empty_title_and_bad_date_are_met_kindly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a", "space", "enter")
        assert "A goal needs a few words" in str(
            pilot.app.screen.query_one("#title-message", Static).render()
        )
        assert stored_goals(pilot.app) == []
        await pilot.press(*"Call the bank")
        await fill(pilot, "target", "31/12/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(pilot.app.screen.query_one("#target-message", Static).render())
        assert "YYYY-MM-DD" in message
        assert stored_goals(pilot.app) == []
        await fill(pilot, "target", "2026-11-01")  # in the past: allowed, with a gentle note
        assert "already passed" in str(
            pilot.app.screen.query_one("#target-message", Static).render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        (goal,) = stored_goals(pilot.app)
        assert goal.target_date == date(2026, 11, 1)
        assert "this date has passed; that's fine" in screen_text(pilot.app)
        await pilot.press("escape")
        assert "date passed" in screen_text(pilot.app)


async def test_pause_complete_let_go_and_change_date(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    holder: list[Goal] = []
    seed(root, card, lambda r: holder.append(goals.add_goal(r, "Join a choir")))
    goal_id = holder[0].id
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        pilot.app.push_screen(GoalDetailScreen(goal_id))
        await pilot.pause()

        def now() -> Goal:
            return next(g for g in stored_goals(pilot.app) if g.id == goal_id)

        await pilot.press("p", *"busy month", "enter")
        assert (now().status, now().status_note) == (GoalStatus.PAUSED, "busy month")
        await pilot.press("p")
        assert now().status == GoalStatus.ACTIVE
        await pilot.press("t", *"2027-01-15", "enter")
        assert now().target_date == date(2027, 1, 15)
        await pilot.press("t", *"15 Jan", "enter")
        assert "YYYY-MM-DD" in screen_text(pilot.app)
        await pilot.press("escape")
        assert now().target_date == date(2027, 1, 15)
        await pilot.press("d", "enter")
        assert now().status == GoalStatus.DONE and now().status_changed == TODAY
        assert "well done" in screen_text(pilot.app)
        # A done goal offers only what fits it: not "let go", but "pick it up again".
        assert "p pick it up again" in screen_text(pilot.app)
        await pilot.press("l")
        assert now().status == GoalStatus.DONE
        await pilot.press("p")
        assert now().status == GoalStatus.ACTIVE
        assert "l let go" in screen_text(pilot.app)
        await pilot.press("l")
        assert "Letting a goal go is allowed" in screen_text(pilot.app)
        await pilot.press(*"I prefer singing alone", "enter")
        assert now().status == GoalStatus.LET_GO
        assert now().status_note == "I prefer singing alone"


async def test_delete_a_goal_with_reviews_asks_first_and_keeps_them(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    holder: list[Goal] = []

    def setup(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Walk")
        review = reviews.begin(repo, week_of(TODAY - timedelta(days=7)))
        reviews.answer_goal(repo, review, goal.id, rating=3, helped="sunshine")
        reviews.finish(repo, review, TODAY - timedelta(days=3))
        holder.append(goal)

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        await pilot.press("x")
        assert "part of 1 weekly review" in screen_text(pilot.app)
        await pilot.press("enter")  # the safe choice has focus: keep it
        assert len(stored_goals(pilot.app)) == 1
        await pilot.press("x", "tab", "enter")
        assert stored_goals(pilot.app) == []
        assert isinstance(pilot.app.screen, GoalsScreen)
        (review,) = reviews.history(pilot.app.repo)  # type: ignore[arg-type]
        assert review.goals[0].goal_title == "Walk" and review.goals[0].helped == "sunshine"


async def test_filter_by_life_area(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def setup(repo: Repository) -> None:
        goals.add_goal(repo, "Open a bank account", area=LifeArea.MONEY)
        goals.add_goal(repo, "See the dentist", area=LifeArea.HEALTH)

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert "Open a bank account" in screen_text(pilot.app)
        pilot.app.screen.query_one("#goals-area", Dropdown).value = LifeArea.HEALTH.value
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "See the dentist" in text and "Open a bank account" not in text
        pilot.app.screen.query_one("#goals-area", Dropdown).value = LifeArea.HOME.value
        await pilot.pause()
        assert "No goals here yet" in screen_text(pilot.app)


async def test_home_card_counts_active_goals_and_next_steps(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.cards.goals import card as home_card

    card = make_profile()

    def setup(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Walk", steps=["Shoes", "Monday walk"])
        goals.tick_step(repo, goal.id, goal.steps[0].id, TODAY)
        goals.pause(repo, goals.add_goal(repo, "Paused one", steps=["x"]).id, TODAY)

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        text = static_text(home_card(pilot.app))
        assert "Goals: 1 active · 1/2 steps done" in text
        assert "Next: Monday walk" in text and "Paused one" not in text


async def test_home_card_with_goals_but_no_steps_reads_plainly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.cards.goals import card as home_card

    card = make_profile()
    seed(root, card, lambda repo: goals.add_goal(repo, "A home of my own"))
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        text = static_text(home_card(pilot.app))
        assert "Goals: 1 active · no steps yet" in text and "yet done" not in text


async def test_leaving_the_form_with_unsaved_words_asks_first(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a", "escape")  # nothing typed: leaves at once
        assert isinstance(pilot.app.screen, GoalsScreen)
        await pilot.press("a", *"Call my sister", "escape")
        assert "Leave without saving?" in screen_text(pilot.app)
        await pilot.press("enter")  # "Keep editing" has focus
        form = pilot.app.screen
        assert isinstance(form, GoalEditScreen)
        assert form.query_one("#title", Input).value == "Call my sister"
        await pilot.press("escape", "tab", "enter")  # leave without saving
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert stored_goals(pilot.app) == []


def drawn_lines(widget: object) -> list[str]:
    """The lines a widget draws at its size on screen now, trailing spaces dropped."""
    from textual.geometry import Region
    from textual.widget import Widget

    assert isinstance(widget, Widget)
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


async def home_goals_card(pilot: object, size: tuple[int, int]) -> list[str]:
    from screens.home import HomeScreen

    app = pilot.app  # type: ignore[attr-defined]
    assert isinstance(app.screen, HomeScreen)
    await pilot.pause()  # type: ignore[attr-defined]  # the cards are built after Home paints
    card = app.screen.query_one("#goals-card")
    menu = app.screen.query_one("#home-menu")
    assert card.region.x >= menu.region.right  # beside the sections, never over them
    assert card.size.width < size[0] - menu.size.width
    return drawn_lines(card)


LONG_STEP = "Ring the bank on Monday morning and ask about a basic account"  # 61 characters


@pytest.mark.parametrize(
    ("size", "step"),
    [
        ((120, 40), "Ring the bank on Monday and ask for a meeting"),  # 45 characters
        ((149, 40), LONG_STEP),  # the widest one-card-a-row Home: over 100 columns a card
    ],
)
async def test_home_card_shows_the_whole_next_step_when_there_is_room(
    root: DataRoot, make_profile: Callable[..., ProfileCard], size: tuple[int, int], step: str
) -> None:
    card = make_profile()
    seed(root, card, lambda repo: goals.add_goal(repo, "Open a bank account", steps=[step]))
    async with make_app(root).run_test(size=size) as pilot:
        lines = await home_goals_card(pilot, size)
        shown = "\n".join(lines)
        assert f"  Next: {step}\n" in shown or f"  Next: {step}  (Open" in shown  # whole
        assert "(Open a bank account)" in shown


async def test_home_card_cuts_the_next_step_to_its_width_at_80_columns(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, lambda repo: goals.add_goal(repo, "Open a bank account", steps=[LONG_STEP]))
    size = (80, 24)
    async with make_app(root).run_test(size=size) as pilot:
        lines = await home_goals_card(pilot, size)
        step, goal = lines[-2:]
        # One line for the step, cut with an ellipsis at the card's edge, and the goal's name
        # whole beneath it, under the step's words (not a word-wrapped tail of the step).
        assert step.startswith("  Next: Ring the bank on") and step.endswith("…")
        assert len(step) == pilot.app.screen.query_one("#dashboard").children[0].size.width
        assert goal == "        (Open a bank account)"
        await pilot.press("g", "enter")  # the whole step is on the goal's own screen
        assert LONG_STEP in screen_text(pilot.app)


async def test_home_card_fits_wide_characters_and_shows_markup_and_controls_as_typed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from rich.cells import cell_len

    card = make_profile()

    def setup(repo: Repository) -> None:
        goals.add_goal(repo, "[bold red]Mine[/]", steps=["[link=x]Call[/link] Sam"])
        goals.add_goal(
            repo, "銀行口座", steps=["銀行に電話して、基本口座について聞いてみる。明日の朝"]
        )
        goals.add_goal(repo, "Bell", steps=["Ring\x07 the \x1b[2J bank"])

    seed(root, card, setup)
    size = (80, 24)
    async with make_app(root).run_test(size=size) as pilot:
        lines = await home_goals_card(pilot, size)
        width = pilot.app.screen.query_one("#goals-card").size.width
        assert all(cell_len(line) <= width for line in lines)
        shown = "\n".join(lines)
        assert "[link=x]Call[/link] Sam" in shown and "([bold red]Mine[/])" in shown
        assert "Ring␇ the ␛[2J bank" in shown and "\x1b" not in shown
        assert "  Next: 銀行に電話して" in shown and "…" in shown


async def test_a_legal_goal_is_set_and_found_under_its_area(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Court dates, probation or parole, fines: the legal side of life has an area of its own."""
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a")
        await pilot.press(*"Get to court on the 14th")
        assert ("Legal", LifeArea.LEGAL.value) in area_options()
        pilot.app.screen.query_one("#area", Select).value = LifeArea.LEGAL.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        (goal,) = stored_goals(pilot.app)
        assert (goal.title, goal.area) == ("Get to court on the 14th", LifeArea.LEGAL)
        await pilot.press("escape")
        await pilot.pause()
        shown = pilot.app.screen
        assert isinstance(shown, GoalsScreen)
        shown.query_one("#goals-area", Dropdown).value = LifeArea.LEGAL.value
        await pilot.pause()
        assert "Get to court on the 14th" in screen_text(pilot.app)


def test_a_goals_row_is_measured_in_cells_and_shows_another_years_date() -> None:
    """A CJK title takes two cells a character; the date column stays in line."""
    from rich.cells import cell_len

    from screens.goals import goal_line

    wide = Goal(title="毎日散歩する" * 10, horizon=Horizon.SHORT, target_date=date(2027, 5, 31))
    plain = Goal(title="Walk", horizon=Horizon.SHORT, target_date=date(2026, 12, 31))
    wide_row, plain_row = goal_line(wide, TODAY).plain, goal_line(plain, TODAY).plain
    assert cell_len(wide_row[: wide_row.index("no steps")]) == 39
    assert plain_row.index("no steps") == 39
    first = wide_row.split("\n")[0]  # a long title goes on under itself
    assert first.endswith("by 31 May 2027") and plain_row.endswith("by 31 Dec")
    done = Goal(
        title="Walk",
        status=GoalStatus.DONE,
        status_changed=date(2025, 12, 10),
        horizon=Horizon.SHORT,
    )
    assert goal_line(done, TODAY).plain.endswith("done 10 Dec 2025")


async def test_a_finished_goal_does_not_ask_for_a_first_step(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.goals import NO_STEPS_FINISHED, NO_STEPS_OPEN

    card = make_profile()

    def setup(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Walk daily")
        goals.complete(repo, goal.id, TODAY)

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        app = pilot.app
        app.screen.query_one(OptionList).highlighted = next(  # the done goal's row
            i
            for i in range(app.screen.query_one(OptionList).option_count)
            if app.screen.query_one(OptionList).get_option_at_index(i).id
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        text = screen_text(app)
        assert NO_STEPS_FINISHED in text and NO_STEPS_OPEN not in text


async def test_the_goal_page_reads_its_if_then_plan_with_then(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def setup(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Evenings")
        goals.edit_goal(
            repo, goal.id, if_situation="If it is Friday 6pm…", then_action="I make tea"
        )

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        listing = pilot.app.screen.query_one(OptionList)
        listing.highlighted = next(
            i for i in range(listing.option_count) if listing.get_option_at_index(i).id
        )
        await pilot.press("enter")
        await pilot.pause()
        assert "If-then plan: If it is Friday 6pm, then I make tea" in screen_text(pilot.app)


async def test_the_step_dialog_says_what_is_missing_and_stores_nothing(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The dialog's message line is bound to its ``message`` (issue 15: state flows down)."""
    from screens.goal_dialogs import StepDialog

    card = make_profile()
    seed(root, card, lambda r: goals.add_goal(r, "Bank", steps=["ID"]))
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter", "s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, StepDialog)
        line = dialog.query_one("#message", Static)
        assert not line.has_class("-shown")
        await pilot.press("enter")
        await pilot.pause()
        assert "A step needs a few words" in str(line.render()) and line.has_class("-shown")
        await pilot.press(*"Ring them", "tab", *"2026-02-30", "enter")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert dialog.message and dialog.message in str(line.render())
        assert "few words" not in dialog.message
        await pilot.press("escape")
        await pilot.pause()
        assert [s.text for s in stored_goals(pilot.app)[0].steps] == ["ID"]


async def test_long_titles_wrap_and_a_short_term_goal_shows_its_long_term_goal(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """At 80x24 a long title is read in full over two or three lines (never cut at 38 cells),
    and a short-term goal says which long-term goal it is for, on a line of its own."""
    from rich.cells import cell_len

    card = make_profile()
    long_title = "Have a steady job I like, with a manager who knows about my recovery"
    short_title = "Ask the job centre about the training course on Tuesday morning"
    wide_title = "毎日散歩する" * 20  # 240 cells: more than three lines, cut by cells

    def setup(repo: Repository) -> None:
        big = goals.add_goal(repo, long_title, horizon=Horizon.LONG, area=LifeArea.WORK)
        goals.add_goal(repo, short_title, serves=big.id, area=LifeArea.MONEY)
        goals.add_goal(repo, wide_title[:100])

    seed(root, card, setup)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        stored = {g.title: g for g in stored_goals(pilot.app)}
        assert stored[short_title].serves == stored[long_title].id
        listed = pilot.app.screen.query_one("#goals-list", OptionList)
        rows = {
            o.id: o.prompt.plain.split("\n")  # type: ignore[union-attr]
            for o in listed.options
            if o.id
        }
        room = listed.scrollable_content_region.width
        for lines in rows.values():
            assert all(cell_len(line) <= room for line in lines), lines

        big = rows[stored[long_title].id]
        assert " ".join([big[0][:38].rstrip(), *big[1:]]) == long_title  # all of it
        small = rows[stored[short_title].id]
        towards = next(n for n, line in enumerate(small) if line.startswith("  towards: "))
        assert " ".join([small[0][:38].rstrip(), *small[1:towards]]) == short_title
        # the long-term goal's title in full, wrapped under itself
        assert " ".join(line.strip() for line in small[towards:]) == f"towards: {long_title}"
        assert all(line.startswith(" " * 11) for line in small[towards + 1 :])

        wide = rows[stored[wide_title[:100]].id]
        assert len(wide) == 3 and wide[-1].endswith("…")
        assert all(cell_len(line) <= 38 for line in [*wide[1:]])

        # filtered to money, the long-term goal (in work) is still named
        pilot.app.screen.query_one("#goals-area", Dropdown).value = LifeArea.MONEY.value
        await pilot.pause()
        assert f"towards: {long_title}" in " ".join(screen_text(pilot.app).split())


async def test_a_goals_long_why_wraps_under_its_own_text(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """In a goal, "Why it matters to me: ..." wraps under its text, not at the left edge."""
    card = make_profile()
    why = (
        "So my wages are safe from the machines, the rent is paid on the first, and I can "
        "stop hiding letters from the bank in the kitchen drawer"
    )
    seed(root, card, lambda repo: goals.add_goal(repo, "Open a bank account", why=why))
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        await pilot.pause()
        assert [g.why for g in stored_goals(pilot.app)] == [why]
        info = pilot.app.screen.query_one("#goal-info", Static)
        lines = static_text(info, width=info.content_size.width).rstrip().split("\n")
        label = "Why it matters to me: "
        start = next(n for n, line in enumerate(lines) if line.startswith(label))
        rest = [line for line in lines[start + 1 :] if line.strip()]
        assert rest and all(line.startswith(" " * len(label)) for line in rest), lines
        joined = " ".join([lines[start][len(label) :].strip(), *(r.strip() for r in rest)])
        assert joined == why


async def test_the_goals_list_reads_each_goal_once_on_opening(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list and the titles of the long-term goals come from one reading of the goals
    (ten years hold ~150 goals; each was read twice), and a short-term goal still names the
    long-term goal it is for, even one in another life area (issue 20)."""
    from typing import Any

    from workbook.storage.repository import Repository as Repo

    repo = root.open(make_profile())
    big = goals.add_goal(repo, title="A home of my own", horizon=Horizon.LONG, area=LifeArea.HOME)
    goals.add_goal(repo, title="Open a savings account", area=LifeArea.MONEY, serves=big.id)
    repo.close()
    read: list[str] = []
    real_load = Repo._load

    def counting(repo: Repo, model: type[Any], doc: dict[str, Any]) -> Any:
        if model is Goal:
            read.append(doc["id"])
        return real_load(repo, model, doc)

    monkeypatch.setattr(Repo, "_load", counting)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        read.clear()
        await app.push_screen(GoalsScreen())
        await pilot.pause()
        assert sorted(read) == sorted({*read}) and len(read) == 2  # each goal read once
        assert "towards: A home of my own" in screen_text(app)
        read.clear()
        app.screen.query_one("#goals-area", Dropdown).value = LifeArea.MONEY.value
        await pilot.pause()
        assert len(read) == 2
        assert "towards: A home of my own" in screen_text(app)
