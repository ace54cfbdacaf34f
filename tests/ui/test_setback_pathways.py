"""Each pathway has its own words after use: cut back keeps the limit in view, reduce harm asks
what kept me safer, and stopping completely keeps the setback words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Label, Static

from screens.setback import SetbackScreen
from tests.ui.helpers import make_app, screen_text
from workbook import safer_plan
from workbook.models import Pathway, ProfileCard, Setback
from workbook.storage import DataRoot

ANSWER = {
    Pathway.CUT_BACK: "#used-over_limit",
    Pathway.REDUCE_HARM: "#used-over_limit",
    Pathway.NOT_SURE: "#used-yes",
    Pathway.STOP: "#used-yes",
}
HEADING = {
    Pathway.CUT_BACK: "Over my limit today",
    Pathway.REDUCE_HARM: "Past my safer plan today",
    Pathway.NOT_SURE: "Today I used",
}
QUESTION = {
    Pathway.CUT_BACK: "What made it hard to keep to my limit today?",
    Pathway.REDUCE_HARM: "What kept me safer today, and what didn't?",
    Pathway.NOT_SURE: "What was going on, and how did it feel afterwards?",
    Pathway.STOP: "What was going on before it happened?",
}


@pytest.mark.parametrize("pathway", list(ANSWER))
async def test_the_words_after_use_follow_the_pathway(
    root: DataRoot, make_profile: Callable[..., ProfileCard], pathway: Pathway
) -> None:
    card = make_profile("Sam", pathway=pathway)
    repo = root.open(card)
    safer_plan.save(repo, limit_amount=3)
    repo.close()
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(ANSWER[pathway]).value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetbackScreen)
        labels = [str(label.render()) for label in screen.query(Label)]
        assert QUESTION[pathway] in labels
        if pathway in HEADING:
            heading = screen.query_one("#pathway-heading", Static)
            assert str(heading.render()) == HEADING[pathway]
            assert "return to use" not in screen_text(app)
        else:
            assert not screen.query("#pathway-heading")
        shows_limit = pathway in safer_plan.PLAN_PATHWAYS
        assert bool(screen.query("#my-plan")) is shows_limit
        if shows_limit:
            assert "Up to 3 drinks a day" in str(screen.query_one("#my-plan", Static).render())
        await pilot.press(*"Long day", "ctrl+s")
        await pilot.pause()
    repo = root.open(card)
    assert [s.going_on for s in repo.all(Setback)] == ["Long day"]
    repo.close()
