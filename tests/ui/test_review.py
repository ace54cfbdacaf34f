"""Pilot tests for the weekly review: a full review with a quick change, resuming, the missed
week offered once, history read-only, and the sparklines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from textual.widgets import Button, Checkbox, Input, OptionList, RadioSet, Static

from screens.review import ReviewDetailScreen, ReviewScreen, WeekPictures
from screens.review_flow import ReviewFlowScreen
from screens.widgets.ruler import Ruler
from tests.conftest import TODAY
from tests.ui.goals_support import visible_text
from tests.ui.helpers import make_app
from workbook import goals, reviews
from workbook.models import (
    Goal,
    GoalStatus,
    Horizon,
    ProfileCard,
    Review,
    ReviewedWith,
    ReviewState,
)
from workbook.storage import DataRoot, Repository
from workbook.weeks import week_of

WEEK = week_of(TODAY)


def seed(root: DataRoot, card: ProfileCard, fill: Callable[[Repository], object]) -> None:
    repo = root.open(card)
    try:
        fill(repo)
    finally:
        repo.close()


def two_goals(repo: Repository) -> None:
    long = goals.add_goal(repo, "A home of my own", horizon=Horizon.LONG)
    goals.add_goal(repo, "Walk daily", serves=long.id, steps=["Shoes"])


def stored(app: object) -> Review:
    repo = app.repo  # type: ignore[attr-defined]
    (review,) = repo.all(Review)
    return review  # type: ignore[no-any-return]


def stored_goal(app: object, title: str) -> Goal:
    repo = app.repo  # type: ignore[attr-defined]
    return next(g for g in repo.all(Goal) if g.title == title)  # type: ignore[no-any-return]


async def type_into(pilot: object, widget_id: str, text: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one(f"#{widget_id}", Input).focus()
    await pilot.press(*text)  # type: ignore[attr-defined]


async def press_button(pilot: object, button_id: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one(f"#{button_id}", Button).focus()
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_a_full_weekly_review_over_two_goals_with_a_quick_change(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert "This week's review is due by Sunday 29 Nov." in visible_text(pilot.app)
        await pilot.press("b")
        flow = pilot.app.screen
        assert isinstance(flow, ReviewFlowScreen)
        assert "page 1 of 3" in visible_text(pilot.app)
        assert "How well did you carry this out this week?" in visible_text(pilot.app)

        # Goal 1: the long-term goal.
        await pilot.press("2")
        assert stored(pilot.app).goals[0].rating == 2  # saved at once
        await type_into(pilot, "helped-0", "Saw a flat")
        await type_into(pilot, "got_in_way-0", "Money")
        await type_into(pilot, "next_step-0", "Ring the council")
        await press_button(pilot, "date-0")
        await pilot.press(*"2027-06-30", "enter")
        await pilot.press("pagedown")
        assert "page 2 of 3" in visible_text(pilot.app)

        # Goal 2: the short-term goal, with a quick step and marking it done.
        await pilot.press("4")
        await type_into(pilot, "helped-1", "Sunny days")
        await press_button(pilot, "step-1")
        await pilot.press(*"Walk to the park", "enter")
        await press_button(pilot, "done-1")
        await pilot.press(*"Company helps", "enter")
        await pilot.press("pagedown")

        # The whole week.
        assert "Is what you are doing making a real difference in your life?" in visible_text(
            pilot.app
        )
        await type_into(pilot, "wins", "Cooked twice")
        await type_into(pilot, "hard_moments", "Sunday night")
        flow.query_one("#difference", Ruler).focus()
        await pilot.press("7")
        await type_into(pilot, "focus", "Rest")
        flow.query_one("#reviewed_with", RadioSet).focus()
        await pilot.press("down", "enter")
        await press_button(pilot, "next")  # "Finish" on the last page
        assert isinstance(pilot.app.screen, ReviewScreen)

        review = stored(pilot.app)
        long_id = stored_goal(pilot.app, "A home of my own").id
        walk = stored_goal(pilot.app, "Walk daily")
        assert (review.week_start, review.week_end) == (date(2026, 11, 23), date(2026, 11, 29))
        assert review.state == ReviewState.DONE and review.finished_on == TODAY
        first, second = review.goals
        assert first.model_dump() == {
            "goal_id": long_id,
            "goal_title": "A home of my own",
            "rating": 2,
            "helped": "Saw a flat",
            "got_in_way": "Money",
            "next_step": "Ring the council",
            "adjustments": ["Date changed to 2027-06-30"],
        }
        assert second.model_dump() == {
            "goal_id": walk.id,
            "goal_title": "Walk daily",
            "rating": 4,
            "helped": "Sunny days",
            "got_in_way": "",
            "next_step": "",
            "adjustments": ["Step added: Walk to the park", "Marked done"],
        }
        assert (review.wins, review.hard_moments, review.difference, review.focus) == (
            "Cooked twice",
            "Sunday night",
            7,
            "Rest",
        )
        assert review.reviewed_with == ReviewedWith.COACH
        assert review.at_step == 2
        # The quick changes reached the goals themselves.
        assert stored_goal(pilot.app, "A home of my own").target_date == date(2027, 6, 30)
        assert [s.text for s in walk.steps] == ["Shoes", "Walk to the park"]
        assert (walk.status, walk.status_note) == (GoalStatus.DONE, "Company helps")
        assert "This week's review is done" in visible_text(pilot.app)


async def test_leaving_half_way_and_coming_back_resumes(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b", "3")
        await type_into(pilot, "helped-0", "My sister")
        await pilot.press("pagedown", "1")
        await type_into(pilot, "next_step-1", "Walk on Monday")
        await pilot.press("escape")  # leave mid-page: what was typed is saved
        assert isinstance(pilot.app.screen, ReviewScreen)
        review = stored(pilot.app)
        assert review.state == ReviewState.IN_PROGRESS and review.at_step == 1
        assert (review.goals[0].rating, review.goals[0].helped) == (3, "My sister")
        assert (review.goals[1].rating, review.goals[1].next_step) == (1, "Walk on Monday")
        assert "part done" in visible_text(pilot.app)
        assert "not finished yet" in visible_text(pilot.app)

    async with make_app(root, today=TODAY + timedelta(days=1)).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b")
        flow = pilot.app.screen
        assert isinstance(flow, ReviewFlowScreen)
        assert "page 2 of 3" in visible_text(pilot.app)
        assert flow.query_one("#next_step-1", Input).value == "Walk on Monday"
        assert flow.query_one("#rating-0", Ruler).value == 3
        assert len(pilot.app.repo.all(Review)) == 1  # type: ignore[union-attr]


async def test_a_missed_week_is_offered_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def old_goal(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Walk")
        goal.created = datetime(2026, 11, 1, 9).astimezone()
        repo.save(goal)

    seed(root, card, old_goal)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert "Would you like to look back at last week (16-22 Nov 2026)?" in visible_text(
            pilot.app
        )
        await press_button(pilot, "not-now")
        assert "look back at last week" not in visible_text(pilot.app)
        (review,) = pilot.app.repo.all(Review)  # type: ignore[union-attr]
        assert review.state == ReviewState.SET_ASIDE and review.week_start == date(2026, 11, 16)
        await pilot.press("escape", "w")
        assert "look back at last week" not in visible_text(pilot.app)
        assert "None yet" in visible_text(pilot.app)  # a set-aside week is not a review


async def test_looking_back_at_last_week(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def old_goal(repo: Repository) -> None:
        goal = goals.add_goal(repo, "Walk")
        goal.created = datetime(2026, 11, 1, 9).astimezone()
        repo.save(goal)

    seed(root, card, old_goal)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await press_button(pilot, "look-back")
        assert isinstance(pilot.app.screen, ReviewFlowScreen)
        assert "Week 47 of 2026" in visible_text(pilot.app)
        await pilot.press("2")
        review = stored(pilot.app)
        assert review.week_start == date(2026, 11, 16) and review.goals[0].rating == 2


async def test_history_opens_read_only_and_shows_sparklines(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def history(repo: Repository) -> None:
        walk = goals.add_goal(repo, "Walk daily")
        for weeks_ago, (rating, diff) in enumerate([(4, 8), (2, 5), (1, 3), (3, 6)]):
            review = reviews.begin(repo, WEEK.shift(-weeks_ago - 1))
            reviews.answer_goal(repo, review, walk.id, rating=rating, helped=f"h{weeks_ago}")
            reviews.answer_week(repo, review, difference=diff, wins="<b>[bold]won[/bold]")
            reviews.finish(repo, review, TODAY - timedelta(days=7 * weeks_ago + 3))

    seed(root, card, history)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        screen = pilot.app.screen
        diff = screen.query_one("#difference", WeekPictures)
        assert diff.drawn() == {"difference": [6.0, 3.0, 5.0, 8.0]}
        walk_id = pilot.app.repo.all(Goal)[0].id  # type: ignore[union-attr]
        spark = screen.query_one("#goal-ratings", WeekPictures)
        assert spark.drawn() == {walk_id: [3.0, 1.0, 2.0, 4.0]}
        assert set("▁▂▃▄▅▆▇█") & set(visible_text(pilot.app))  # drawn, under the numbers
        text = visible_text(pilot.app)
        assert "Scores: 6 3 5 8" in text and "3 1 2 4 (latest: fully)" in text
        history_list = screen.query_one("#history", OptionList)
        assert history_list.option_count == 4
        history_list.focus()
        history_list.highlighted = 0
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ReviewDetailScreen)
        text = visible_text(pilot.app)
        assert "Week 47 of 2026" in text and "How well: 4 - fully" in text
        assert "<b>[bold]won[/bold]" in text  # shown literally, never as markup
        assert not pilot.app.screen.query(Input)  # read-only


async def test_no_active_goals_still_reviews_the_week(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b")
        assert "You have no active goals right now" in visible_text(pilot.app)
        await type_into(pilot, "wins", "Got up early")
        await press_button(pilot, "next")
        review = stored(pilot.app)
        assert review.wins == "Got up early" and review.state == ReviewState.DONE


async def test_home_card_says_when_the_review_is_due(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.cards.review import card as home_card

    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        assert "due by Sunday 29 Nov" in str(home_card(pilot.app).render())
        repo = pilot.app.repo
        assert repo is not None
        review = reviews.begin(repo, WEEK)
        reviews.answer_week(repo, review, difference=6)
        reviews.finish(repo, review, TODAY)
        text = str(home_card(pilot.app).render())
        assert "is done" in text and "6/10" in text


async def test_words_typed_just_before_quitting_are_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b")
        await type_into(pilot, "helped-0", "A long walk")
        await pilot.press("ctrl+q")  # straight away, before the save timer
    repo = root.open(card, write=False)
    try:
        (review,) = repo.all(Review)
        assert review.goals[0].helped == "A long walk"
    finally:
        repo.close()


async def test_ctrl_f_finishes_from_the_first_page_and_who_reads_without_colour(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b")
        who = pilot.app.screen.query_one("#reviewed_with", RadioSet)
        # Nothing chosen yet: no dot on any choice, so the state reads on a terminal without colour.
        assert all(str(b.BUTTON_INNER) == " " for b in who.query("RadioButton"))
        await type_into(pilot, "wins", "Slept well")
        await pilot.press("ctrl+f")
        await pilot.pause()
        review = stored(pilot.app)
        assert review.wins == "Slept well" and review.state == ReviewState.DONE
        assert not isinstance(pilot.app.screen, ReviewFlowScreen)


async def test_enter_on_the_review_page_starts_the_review_and_comes_back_to_the_button(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(pilot.app.focused, Button) and pilot.app.focused.id == "begin"
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ReviewFlowScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert isinstance(pilot.app.focused, Button) and pilot.app.focused.id == "begin"


async def test_after_years_the_history_lists_a_year_and_the_rest_on_request(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def years(repo: Repository) -> None:
        for weeks_ago in range(1, 61):
            review = reviews.begin(repo, WEEK.shift(-weeks_ago))
            reviews.answer_week(repo, review, difference=weeks_ago % 11)
            reviews.finish(repo, review, TODAY - timedelta(days=7 * weeks_ago))
        aside = reviews.set_aside(repo, WEEK.shift(-70))  # a missed week, not looked back at
        assert aside.id not in [r.id for r in reviews.history(repo)]

    seed(root, card, years)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        history_list = pilot.app.screen.query_one("#history", OptionList)
        assert history_list.option_count == 53  # 52 weeks, then the way to the rest
        since = WEEK.shift(-52).start
        assert (
            history_list.get_option_at_index(51).id
            == reviews.review_for(
                pilot.app.repo,  # type: ignore[arg-type]
                WEEK.shift(-52),
            ).id
        )  # type: ignore[union-attr]
        last = history_list.get_option_at_index(52)
        assert f"Show older reviews too (before {since.day} {since:%b %Y})" in str(last.prompt)
        history_list.focus()
        history_list.highlighted = 52
        await pilot.press("enter")
        await pilot.pause()
        assert history_list.option_count == 60  # the set-aside week is not listed
        assert isinstance(pilot.app.screen, ReviewScreen)  # shown in place, nothing opened
        oldest = reviews.history(pilot.app.repo)[-1]  # type: ignore[arg-type]
        assert history_list.get_option_at_index(59).id == oldest.id
        assert history_list.highlighted == 52
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ReviewDetailScreen)


async def test_only_set_aside_weeks_before_the_year_say_so_kindly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, lambda repo: reviews.set_aside(repo, WEEK.shift(-80)))
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        history_list = pilot.app.screen.query_one("#history", OptionList)
        history_list.focus()
        history_list.highlighted = history_list.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        last = history_list.get_option_at_index(history_list.option_count - 1)
        assert "No older reviews." in str(last.prompt)


async def start_review(pilot: object) -> ReviewFlowScreen:
    """From Home: w opens the weekly review, b begins this week's."""
    await pilot.press("w", "b")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    flow = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(flow, ReviewFlowScreen)
    return flow


async def test_the_review_ticks_a_goals_steps_and_offers_the_next_step_typed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        flow = await start_review(pilot)
        await pilot.press("pagedown")  # goal 2: Walk daily, with its step "Shoes"
        await pilot.pause()
        tick = flow.query_one("#tick-1-0", Checkbox)
        tick.focus()
        await pilot.press("space")
        await pilot.pause()
        assert [s.done_on for s in stored_goal(pilot.app, "Walk daily").steps] == [TODAY]
        assert "1 of 1 step done" in str(flow.query_one("#head-1", Static).render())
        await pilot.press("space")  # and untick it again
        await pilot.pause()
        assert [s.done_on for s in stored_goal(pilot.app, "Walk daily").steps] == [None]

        await type_into(pilot, "next_step-1", "Walk to the park")
        await press_button(pilot, "step-1")
        await pilot.pause()
        assert pilot.app.screen.query_one("#step", Input).value == "Walk to the park"
        await pilot.press(*" on Monday", "enter")
        await pilot.pause()
        walk = stored_goal(pilot.app, "Walk daily")
        assert [s.text for s in walk.steps] == ["Shoes", "Walk to the park on Monday"]


async def test_on_a_mondays_review_screen_the_week_is_still_to_come(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    monday = date(2026, 11, 30)
    async with make_app(root, today=monday).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        text = visible_text(pilot.app)
        assert "This week has just begun." in text and "due by" not in text


async def test_with_under_four_weeks_only_the_numbers_are_shown(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()

    def history(repo: Repository) -> None:
        walk = goals.add_goal(repo, "Walk daily")
        for weeks_ago, (rating, diff) in enumerate([(3, 8), (2, 5)]):
            review = reviews.begin(repo, WEEK.shift(-weeks_ago - 1))
            reviews.answer_goal(repo, review, walk.id, rating=rating)
            reviews.answer_week(repo, review, difference=diff)
            reviews.finish(repo, review, TODAY - timedelta(days=7 * weeks_ago + 3))

    seed(root, card, history)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        pictures = pilot.app.screen.query(WeekPictures)
        assert [p.drawn() for p in pictures] == [{}, {}]  # 2 and 3 of 4 would draw alike
        assert not set("▁▂▃▄▅▆▇█") & set(visible_text(pilot.app))
        text = visible_text(pilot.app)
        assert "Scores: 5 8" in text and "2 3 (latest: mostly)" in text


async def test_the_flow_draws_itself_from_its_state(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """State flows down (issue 15): the page, the goals' changes and who reviewed are the
    screen's reactives; the pages, progress line, buttons, headings and "Chosen" follow them."""
    card = make_profile()
    seed(root, card, two_goals)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        flow = await start_review(pilot)
        assert flow.page == 0
        progress = flow.query_one("#flow-progress", Static)
        assert "goal 1 of 2 · page 1 of 3" in str(progress.render())
        assert flow.query_one("#prev", Button).disabled
        flow.page = 2
        await pilot.pause()
        assert "the whole week · page 3 of 3" in str(progress.render())
        assert flow.query_one("#pages").current == "page-2"  # type: ignore[attr-defined]
        assert str(flow.query_one("#next", Button).label) == "Finish"
        assert not flow.query_one("#prev", Button).disabled
        assert flow.focused is not None and flow.focused.id == "wins"
        assert "not chosen yet" in str(flow.query_one("#who-chosen", Static).render())
        flow.reviewed_with = ReviewedWith.COACH
        await pilot.pause()
        assert f"Chosen: {ReviewedWith.COACH.value}" in str(
            flow.query_one("#who-chosen", Static).render()
        )
        # A goal changed elsewhere: one bump of ``changes`` draws every heading again.
        goals.edit_goal(pilot.app.repo, stored_goal(pilot.app, "Walk daily").id, title="Walk [b]")  # type: ignore[attr-defined]
        flow.changes += 1
        await pilot.pause()
        assert "Walk [b]" in str(flow.query_one("#head-1", Static).render())


async def test_the_pictures_count_their_height_without_drawing_it(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten years: the scores and the goals' sparklines are one widget each, which says its
    height from its lines of words and its sparklines' rows; Textual drew the whole picture
    to learn it, several times as the screen opened (issue 20). The count is the drawn one."""
    from io import StringIO

    from rich.console import Console
    from textual.geometry import Size
    from textual.visual import RichVisual

    from workbook.demo import build_demo

    card = build_demo(root, years=10, seed=1, today=TODAY)
    measured: list[str] = []
    real = RichVisual.get_height

    def noting(visual: RichVisual, rules: Any, width: int) -> int:
        widget, _ = visual.__rich_repr__()  # (what it shows and for whom, publicly)
        measured.append(type(widget).__name__)
        return real(visual, rules, width)

    monkeypatch.setattr(RichVisual, "get_height", noting)
    async with make_app(root, card.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        pictures = list(pilot.app.screen.query(WeekPictures))
        assert len(pictures) == 2 and len(pictures[1].drawn()) > 3
        assert "WeekPictures" not in measured
        for picture in pictures:
            for width in (20, 58, 76, 98):
                console = Console(file=StringIO(), width=width, legacy_windows=False)
                drawn = console.render_lines(picture.render(), console.options)
                assert picture.get_content_height(Size(width, 24), Size(width, 24), width) == len(
                    drawn
                )
