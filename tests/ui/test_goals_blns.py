"""The Big List of Naughty Strings through the goal form and the weekly review's text fields:
stored and shown back exactly, or refused kindly; never a crash; never read as markup."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group
from rich.text import Text
from textual.visual import RichVisual
from textual.widgets import Input, Static

from screens.goal_form import GoalEditScreen
from screens.goals import GoalDetailScreen
from screens.review import ReviewDetailScreen
from screens.review_flow import ReviewFlowScreen
from screens.text import Hanging
from tests.blns import naughty_strings
from tests.ui.helpers import make_app
from workbook import goals
from workbook.models import Goal, ProfileCard, Review
from workbook.storage import DataRoot

SAMPLE = 15


def sample() -> list[str]:
    strings = [s for s in naughty_strings() if len(s) <= 200]
    step = max(1, len(strings) // SAMPLE)
    picked = strings[::step]
    # Always include the markup-looking and blank ones.
    picked += [*[s for s in strings if "[" in s or "<" in s][:6], "", "   "]
    return picked


def shown(widget: Static) -> str:
    """What a Static says, each part's words as they are (a goal's details are a group of
    parts: lines of text, and "Label: text" lines with a hanging indent)."""
    content = widget.render()
    if isinstance(content, RichVisual):
        content = content._renderable
    if isinstance(content, Group):
        return "\n".join(shown_part(part) for part in content.renderables)
    return shown_part(content)


def shown_part(part: object) -> str:
    return part.plain if isinstance(part, Text | Hanging) else str(part)


async def test_naughty_goal_titles_and_reasons(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        repo = pilot.app.repo
        assert repo is not None
        for text in sample():
            before = len(repo.all(Goal))
            pilot.app.push_screen(GoalEditScreen(None))
            await pilot.pause()
            form = pilot.app.screen
            form.query_one("#title", Input).value = text
            form.query_one("#why", Input).value = text
            await pilot.press("ctrl+s")
            await pilot.pause()
            if not text.strip():
                message = shown(form.query_one("#title-message", Static))
                assert "A goal needs a few words" in message
                assert len(repo.all(Goal)) == before
                await pilot.press("escape")
                if text:  # something was typed: leaving asks first
                    await pilot.press("tab", "enter")
                assert not isinstance(pilot.app.screen, GoalEditScreen)
                continue
            goal = repo.all(Goal)[-1]
            assert (goal.title, goal.why) == (text.strip(), text)
            detail = pilot.app.screen
            assert isinstance(detail, GoalDetailScreen)
            info = shown(detail.query_one("#goal-info", Static))
            assert info.startswith(text.strip())
            assert f"Why it matters to me: {text}" in info or not text.strip()
            await pilot.press("escape")  # back to where we were


async def test_naughty_review_answers(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    goal = goals.add_goal(repo, "Walk")
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "b")
        flow = pilot.app.screen
        assert isinstance(flow, ReviewFlowScreen)
        app_repo = pilot.app.repo
        assert app_repo is not None
        for text in sample():
            for field in ("helped-0", "got_in_way-0", "next_step-0"):
                flow.query_one(f"#{field}", Input).value = text
            for field in ("wins", "hard_moments", "focus"):
                flow.query_one(f"#{field}", Input).value = text
            await pilot.pause()
            assert flow.flush()
            (review,) = app_repo.all(Review)
            entry = review.goals[0]
            assert entry.goal_id == goal.id
            assert (entry.helped, entry.got_in_way, entry.next_step) == (text, text, text)
            assert (review.wins, review.hard_moments, review.focus) == (text, text, text)
            detail = ReviewDetailScreen(review.id)
            pilot.app.push_screen(detail)
            await pilot.pause()
            described = shown(detail.query_one("#review-text", Static))
            assert f"What helped? {text}" in described or not text
            await pilot.press("escape")
            assert pilot.app.screen is flow
