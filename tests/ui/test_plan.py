"""The change plan, driven as a person would: walk, resume, skip, summary, revisions, goals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from screens.app import WorkbookApp
from screens.plan import PlanScreen
from screens.plan_summary import PlanSummary
from screens.plan_walk import PlanWalk
from screens.widgets.list_editor import ListEditor
from screens.widgets.ruler import Ruler
from tests.blns import naughty_strings
from tests.conftest import TODAY
from tests.ui.helpers import make_app, screen_text
from workbook import plan as wp
from workbook.models import (
    Goal,
    GoalSource,
    Horizon,
    LifeArea,
    Person,
    Plan,
    PlanChange,
    PlanPoint,
    PlanRevision,
    ProfileCard,
    RevisionKind,
)
from workbook.storage import DataRoot

SIZE = (80, 24)


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key into whatever has focus."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def stored(app: WorkbookApp) -> Plan:
    assert app.repo is not None
    plan = app.repo.get(Plan)
    assert plan is not None
    return plan


def walk(app: WorkbookApp) -> PlanWalk:
    return app.screen.query_one(PlanWalk)


async def open_plan(pilot: Pilot[int]) -> None:
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlanScreen)


async def add_row(pilot: Pilot[int], *boxes: str) -> None:
    """Fill the add row's boxes (Tab between them) and press Enter."""
    for n, text in enumerate(boxes):
        if n:
            await pilot.press("tab")
        await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def test_walk_all_eight_steps_and_finish(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert "Step 1 of 8" in screen_text(app)
        await add_row(pilot, "Drink less")
        # Focus moved to the new change's part of life: pick "health" (second in the list).
        area = app.screen.focused
        assert isinstance(area, Select)
        area.value = LifeArea.HEALTH
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Step 2 of 8" in screen_text(app)
        await pilot.press("7", "tab")
        await type_text(pilot, "my kids")
        await pilot.press("tab")
        await type_text(pilot, "a good week")
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Step 3 of 8" in screen_text(app)
        await pilot.press("right", "right", "right", "tab")
        await type_text(pilot, "did it before")
        await pilot.press("tab")
        await type_text(pilot, "a friend")
        await pilot.press("pagedown")
        await pilot.pause()
        await add_row(pilot, "mornings")
        await add_row(pilot, "money")
        await pilot.press("pagedown")
        await pilot.pause()
        await add_row(pilot, "call the helpline", "2026-12-01")
        await pilot.press("pagedown")
        await pilot.pause()
        await add_row(pilot, "Jo", "coffee on Thursdays")
        await pilot.press("pagedown")
        await pilot.pause()
        await add_row(pilot, "I sleep better")
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Step 8 of 8" in screen_text(app)
        await add_row(pilot, "a party", "leave at ten")
        await pilot.press("pagedown")  # Next on the last step finishes
        await pilot.pause()
        assert app.screen.query(PlanSummary)

        plan = stored(app)
        assert [(c.text, c.area) for c in plan.changes] == [("Drink less", LifeArea.HEALTH)]
        assert plan.importance == 7
        assert plan.importance_why == "my kids"
        assert plan.importance_up == "a good week"
        assert plan.confidence == 3  # from "not chosen", each right arrow adds one
        assert plan.confidence_why == "did it before"
        assert plan.confidence_up == "a friend"
        assert [r.text for r in plan.reasons] == ["mornings", "money"]
        assert [(s.text, s.by_when) for s in plan.steps] == [
            ("call the helpline", date(2026, 12, 1))
        ]
        assert [(h.name, h.what) for h in plan.helpers] == [("Jo", "coffee on Thursdays")]
        assert app.repo is not None
        jo = app.repo.all(Person)
        assert [p.name for p in jo] == ["Jo"] and plan.helpers[0].person_id == jo[0].id
        assert [s.text for s in plan.signs] == ["I sleep better"]
        assert [(o.text, o.then) for o in plan.obstacles] == [("a party", "leave at ten")]
        assert plan.finished == TODAY
        revisions = app.repo.all(PlanRevision)
        assert len(revisions) == 1 and revisions[0].kind == RevisionKind.FINISHED
        text = screen_text(app)
        assert "Drink less (health)" in text
        assert "7 out of 10" in text


async def test_quit_at_step_4_and_reopen_there(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await add_row(pilot, "Gamble less")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # step 4 in the step list
        await pilot.pause()
        assert walk(app).step == 4
        await add_row(pilot, "keep my flat")
        await type_text(pilot, "half-typed")
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert walk(app).step == 4
        assert "Step 4 of 8" in screen_text(app)
        editor = app.screen.query_one(ListEditor)
        assert [i.text for i in editor.items] == ["keep my flat"]  # type: ignore[attr-defined]
        assert app.screen.query_one("#r0-text", Input).value == "keep my flat"
        assert stored(app).changes[0].text == "Gamble less"


async def test_skip_steps_and_finish(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await add_row(pilot, "Open a bank account")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.query(PlanSummary)
        text = screen_text(app)
        assert text.count("not yet") >= 6
        assert stored(app).finished == TODAY
        assert stored(app).reasons == []


async def test_finishing_with_step_one_empty_says_so_kindly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        await add_row(pilot, "my health")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.query(PlanWalk)  # still walking
        assert "Step 1 is the one step a plan needs" in screen_text(app)
        plan = stored(app)
        assert plan.finished is None
        assert [r.text for r in plan.reasons] == ["my health"]
        assert plan.current_step == 4


async def test_edit_one_section_from_the_summary(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    wp.set_answers(repo, changes=[PlanChange(text="Walk every day")])
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert app.screen.query(PlanSummary)
        await pilot.press("7")
        await pilot.pause()
        assert walk(app).step == 7
        await add_row(pilot, "more energy")
        await pilot.press("escape")  # back to the summary, not Home
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.query(PlanSummary)
        assert "more energy" in screen_text(app)
        assert [s.text for s in stored(app).signs] == ["more energy"]


async def test_revisions_after_two_finishes_show_the_difference(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await add_row(pilot, "Stop smoking")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        await add_row(pilot, "breathe easier")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.repo is not None
        assert len(app.repo.all(PlanRevision)) == 2
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the newest copy is first
        await pilot.pause()
        text = screen_text(app)
        assert "My most important reasons" in text
        assert "+ added: breathe easier" in text
        assert "taken out" not in text


async def test_make_a_goal_from_a_step(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await add_row(pilot, "Money")
        area = app.screen.focused
        assert isinstance(area, Select)
        area.value = LifeArea.MONEY
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # step 5
        await pilot.pause()
        await add_row(pilot, "Open an account", "2026-12-04")
        await pilot.press("shift+tab", "shift+tab")  # back to the step's text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.repo is not None
        goals = app.repo.all(Goal)
        step = stored(app).steps[0]
        assert len(goals) == 1
        goal = goals[0]
        assert goal.title == "Open an account"
        assert goal.horizon == Horizon.SHORT
        assert goal.area == LifeArea.MONEY
        assert goal.target_date == date(2026, 12, 4)
        assert goal.source == GoalSource(kind="plan", ref=step.id, label="The steps I will take")
        await pilot.press("ctrl+o")  # asking again makes no second goal
        await pilot.pause()
        assert len(app.repo.all(Goal)) == 1


async def test_make_a_goal_from_the_summary(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    reason = PlanPoint(text="be there for my kids")
    wp.set_answers(repo, changes=[PlanChange(text="Drink less")], reasons=[reason])
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("down", "enter")  # the reason, after the change
        await pilot.pause()
        assert app.repo is not None
        goals = app.repo.all(Goal)
        assert [(g.title, g.source.ref if g.source else None) for g in goals] == [
            ("be there for my kids", reason.id)
        ]


async def test_lists_reorder_remove_and_undo(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        for reason in ("one", "two", "three"):
            await add_row(pilot, reason)

        def reasons() -> list[str]:
            return [r.text for r in stored(app).reasons]

        app.screen.query_one("#r2-text", Input).focus()
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert reasons() == ["one", "three", "two"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert reasons() == ["one", "two"]
        assert "ctrl+z" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reasons() == ["one", "three", "two"]
        # Editing in place is saved a moment later, and at once on leaving the box.
        box = app.screen.query_one("#r0-text", Input)
        box.focus()
        await pilot.press("end", "!", "tab")
        await pilot.pause()
        assert reasons() == ["one!", "three", "two"]


async def test_ratings_take_digits_and_arrows_only_0_to_10(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen.focused, Ruler)
        await pilot.press("1", "0")
        await pilot.pause()
        assert stored(app).importance == 10
        await pilot.press("right")
        await pilot.pause()
        assert stored(app).importance == 10
        await pilot.press("home", "left")
        await pilot.pause()
        assert stored(app).importance == 0


async def test_long_text_stops_at_the_limit_with_a_message(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        box = app.screen.query_one("#text-importance_why", Input)
        box.value = "x" * 5000
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        app.screen.save_pending()  # what the save timer does
        assert stored(app).importance_why == "x" * 5000
        assert "5,000 characters" in screen_text(app)


async def test_naughty_strings_show_literally_in_summary_and_walk(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    strings = [s for s in naughty_strings() if s.strip() and "\x00" not in s][:200]
    reasons = []
    for text in strings:
        try:
            reasons.append(wp.new_item("reasons", text=text))
        except Exception:
            continue
    wp.set_answers(repo, changes=[PlanChange(text="[b]bold?[/b] 🙂 مرحبا")], reasons=reasons)
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 200)) as pilot:
        await open_plan(pilot)
        text = screen_text(app)
        assert "[b]bold?[/b] 🙂 مرحبا" in text
        assert stored(app).reasons == reasons
        await pilot.press("4")
        await pilot.pause()
        editor = app.screen.query_one(ListEditor)
        assert [i.text for i in editor.items] == [r.text for r in reasons]  # type: ignore[attr-defined]
        assert app.screen.query_one("#r0-text", Input).value == reasons[0].text


async def test_weighing_it_up_saves_each_box(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    wp.set_answers(repo, changes=[PlanChange(text="Drink less")])
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "I relax")
        await pilot.press("tab")
        await type_text(pilot, "[red]money")
        await pilot.press("shift+tab")  # leaving a box saves it at once
        await pilot.pause()
        assert app.repo is not None
        weighing = wp.load_weighing(app.repo)
        assert weighing.habit_gives == "I relax"
        assert weighing.habit_costs == "[red]money"
        # The two boxes still empty show a placeholder: borderless, they are not seen otherwise.
        empty = [a for a in app.screen.query("TextArea") if not a.text]  # type: ignore[attr-defined]
        assert len(empty) == 2 and all(str(a.placeholder) for a in empty)  # type: ignore[attr-defined]


async def test_what_matters_most_top_five_and_the_habit(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    wp.set_answers(repo, changes=[PlanChange(text="Drink less")])
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("v")
        await pilot.pause()
        # Nothing picked yet: no row shows a tick mark (it would read as picked without colour).
        words = app.screen.query_one("#v-words")
        assert not any("X" in words.render_line(y).text for y in range(3))  # type: ignore[attr-defined]
        for _ in range(7):
            await pilot.press("space", "down")
        await pilot.press("tab")
        await type_text(pilot, "my dog")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#v-top")
        for _ in range(6):
            await pilot.press("space")
            await pilot.pause()
            await pilot.press("down")
        await pilot.pause()
        assert app.repo is not None
        values = wp.load_values(app.repo)
        assert len(values.chosen) == 8 and values.chosen[-1] == "my dog"
        assert values.top == values.chosen[:5]
        assert "Five is the most" in screen_text(app)
        # The order line is drawn from the screen's ``top`` (state flows down, issue 15).
        assert app.screen.top == tuple(values.top)  # type: ignore[attr-defined]
        order = str(app.screen.query_one("#v-order").render())
        assert order.startswith("Your top five: 1. ") and f"5. {values.top[4]}" in order
        await pilot.press("tab", "3")
        await pilot.pause()
        assert wp.load_values(app.repo).habit_place == 3


async def test_home_card_follows_the_plan(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.cards.plan import card as home_card

    card = make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "not started yet" in str(home_card(app).render())
        assert app.repo is not None
        wp.set_answers(app.repo, changes=[PlanChange(text="Sleep by 11")], current_step=3)
        assert "step 3 of 8" in str(home_card(app).render())
        wp.finish(app.repo, TODAY)
        assert "Sleep by 11" in str(home_card(app).render())
    assert card.display_name == "Sam"


async def test_a_helper_renamed_in_place_is_linked_to_my_people(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    kim = Person(name="Kim")
    repo.save(kim)
    wp.set_answers(repo, changes=[PlanChange(text="Drink less")], current_step=6)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert "Your people: Kim" in screen_text(app)
        await type_text(pilot, "k")
        await pilot.pause()
        await pilot.press("right")  # take the suggestion from My people
        await add_row(pilot, "", "drive me to group")
        plan = stored(app)
        assert [(h.name, h.person_id) for h in plan.helpers] == [("Kim", kim.id)]
        box = app.screen.query_one("#r0-name", Input)
        box.focus()
        box.value = "Ana"
        await pilot.press("tab")  # leaving the box links the new name
        await pilot.pause()
        assert app.repo is not None
        ana = [p for p in app.repo.all(Person) if p.name == "Ana"]
        assert len(ana) == 1
        assert [(h.name, h.person_id) for h in stored(app).helpers] == [("Ana", ana[0].id)]


async def test_a_failed_save_is_told_and_the_text_stays(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: Any
) -> None:
    from workbook.errors import WriteFailed
    from workbook.storage import Repository

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown")
        await pilot.pause()

        def fail(self: Repository, obj: object) -> None:
            raise WriteFailed("the disk is full")

        monkeypatch.setattr(Repository, "put", fail)
        box = app.screen.query_one("#text-importance_why", Input)
        box.focus()
        await type_text(pilot, "my kids")
        # The typing is saved when the save timer fires (half a second after the first key);
        # it is fired here by hand, so the test does not depend on how fast the keys went in
        # (it used to, and passed only while something made each key slower than the timer).
        screen = app.screen
        assert screen._typing_timer is not None  # type: ignore[attr-defined]
        screen._typing_paused()  # type: ignore[attr-defined]
        await pilot.pause()
        assert box.value == "my kids"
        assert any("could not be saved" in str(n.message) for n in app._notifications)


async def test_empty_why_boxes_can_be_seen_without_colour(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        boxes = list(app.screen.query("Input.walk-text"))
        assert len(boxes) == 2
        # A compact box has no border: an empty one is only visible by its placeholder.
        assert all(isinstance(b, Input) and b.placeholder for b in boxes)


async def test_every_summary_key_is_in_view_at_80_columns(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The footer is not cut, and the summary's own keys are spelt out in view, and in "?"."""
    from textual.widgets import Static

    from screens.help import HelpScreen
    from screens.widgets.footer import WorkbookFooter

    card = make_profile()
    repo = root.open(card)
    wp.set_answers(
        repo,
        changes=[PlanChange(text=f"Change number {n}") for n in range(1, 6)],
        reasons=[PlanPoint(text=f"Reason number {n}") for n in range(1, 6)],
    )
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        summary = app.screen.query_one(PlanSummary)
        assert summary.max_scroll_y > 0  # the plan is longer than the screen
        *keys, palette = app.screen.query_one(WorkbookFooter).drawn()
        assert palette.palette
        cut = [k.key.key for k in keys if k.right > palette.x]
        assert cut == []
        assert {"escape", "f1"} <= {k.key.key for k in keys}  # Back and help for a hard moment
        hint = summary.query_one(".sum-keys", Static)
        top = app.screen.get_widget_at(hint.region.x, hint.region.y)[0]
        assert top is hint  # in view without scrolling, not covered
        words = str(hint.render())
        for spelt in ("1-8", "g make a goal", "m mark", "r revisions", "w weighing", "v what"):
            assert spelt in words
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for what in ("Make a goal", "Mark reviewed", "Revisions", "Weighing it up"):
            assert what in text


async def open_step_five(pilot: Pilot[int]) -> None:
    await open_plan(pilot)
    await add_row(pilot, "Money")
    await pilot.press("ctrl+t")
    await pilot.pause()
    await pilot.press("down", "down", "down", "down", "enter")
    await pilot.pause()
    assert "Step 5 of 8" in screen_text(pilot.app)  # type: ignore[arg-type]


async def test_enter_after_a_step_goes_to_its_by_when(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_step_five(pilot)
        await type_text(pilot, "Open an account")
        await pilot.press("enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, Input) and focused.id == "new-by_when"
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await pilot.pause()
        assert [(s.text, s.by_when) for s in stored(app).steps] == [
            ("Open an account", TODAY + timedelta(days=1))
        ]


async def test_a_bad_date_keeps_the_earlier_date_and_says_so(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_step_five(pilot)
        await add_row(pilot, "Open an account", "2026-12-04")
        box = app.screen.query_one("#r0-by_when", Input)
        box.focus()
        await pilot.press("ctrl+u")  # emptied to write a new date: nothing is saved yet
        await pilot.pause()
        assert stored(app).steps[0].by_when == date(2026, 12, 4)
        await type_text(pilot, "2026-02-30")
        await pilot.pause()
        assert box.value == "2026-02-30"  # what was typed stays, with the reason beside it
        assert "that date doesn't exist" in screen_text(app)
        assert stored(app).steps[0].by_when == date(2026, 12, 4)
        await pilot.press("shift+tab")  # leaving it: the earlier date is put back, said plainly
        await pilot.pause()
        assert box.value == "2026-12-04"
        assert "2026-12-04 was kept" in screen_text(app)
        assert stored(app).steps[0].by_when == date(2026, 12, 4)
        box.focus()
        await pilot.press("ctrl+u", "tab")  # left empty on purpose: the date is cleared
        await pilot.pause()
        assert stored(app).steps[0].by_when is None


async def test_a_changed_rating_reads_as_from_and_to(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    wp.set_answers(repo, changes=[PlanChange(text="Stop smoking")], importance=5)
    wp.finish(repo, TODAY)
    wp.set_answers(repo, importance=6)
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the newest copy is first
        await pilot.pause()
        text = screen_text(app)
        assert "changed from 5 out of 10" in text and "to 6 out of 10" in text
        assert "+ added" not in text and "taken out" not in text


async def test_the_habits_place_among_values_is_said_in_words_alone(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.plan_values import ValuesScreen

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ValuesScreen())
        await pilot.pause()
        place = app.screen.query_one("#v-place", Ruler)
        place.focus()
        await pilot.press("3")
        await pilot.pause()
        shown = str(place.render())
        assert "Chosen: between 2 and 3" in shown and "3 - between" not in shown
        assert app.repo is not None
        assert wp.load_values(app.repo).habit_place == 3


LONG_CHANGE = (
    "Stop drinking on weeknights so that I can be there for my kids in the morning, "
    "keep the job I worked so hard to get back, and feel like myself again by spring"
)
LONG_THEN = (
    "then I will text Sam before I leave work, take the long way home past the park, "
    "and cook something with the kids instead of going to the pub at all"
)


def _full_text(app: WorkbookApp) -> list[str]:
    """The long answers shown in full under their box (each joined back into one line)."""
    from textual.widgets import Static

    from tests.ui.helpers import static_text

    shown = [w for w in app.screen.query(".le-full").results(Static) if w.display]
    return [" ".join(static_text(w, width=70).split()) for w in shown]


async def test_a_long_answer_in_steps_1_and_8_can_be_read_in_full(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A one-line box shows only part of a long answer; under the focused box, all of it."""
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        # Most of the answer goes in at once (as a paste would); the last words are typed
        # key by key, so the line under the box is seen to follow the typing. (Typing all
        # 160 keys took half a minute of the suite's time.)
        focused = app.focused
        assert isinstance(focused, Input)
        focused.insert_text_at_cursor(LONG_CHANGE[:-10])
        await type_text(pilot, LONG_CHANGE[-10:])  # shown in full while typed
        await pilot.pause()
        assert _full_text(app) == [LONG_CHANGE]
        await pilot.press("enter")  # added; the part of life is asked next
        await pilot.pause()
        assert [c.text for c in stored(app).changes] == [LONG_CHANGE]
        box = app.screen.query_one("#r0-text", Input)
        box.focus()
        await pilot.pause()
        assert _full_text(app) == [LONG_CHANGE]  # read back in full, exactly as stored
        assert box.region.width < len(LONG_CHANGE)  # the box alone could not show it
        app.screen.query_one("#new-text", Input).focus()
        await pilot.pause()
        assert _full_text(app) == []  # an empty box needs no second line

        await app.screen.query_one(PlanWalk).go(8)
        await pilot.pause()
        await type_text(pilot, "a party")
        await pilot.press("tab")
        then_box = app.focused
        assert isinstance(then_box, Input)
        then_box.insert_text_at_cursor(LONG_THEN[:-10])
        await add_row(pilot, LONG_THEN[-10:])
        assert [(o.text, o.then) for o in stored(app).obstacles] == [("a party", LONG_THEN)]
        app.screen.query_one("#r0-then", Input).focus()
        await pilot.pause()
        assert _full_text(app) == [LONG_THEN]
        app.screen.query_one("#r0-text", Input).focus()
        await pilot.pause()
        assert _full_text(app) == []  # "a party" fits its box


async def test_a_long_summary_line_wraps_under_its_own_text(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A wrapped line of the plan summary lines up under its first word (a hanging indent),
    never back at the left edge, and reads back exactly as stored."""
    from io import StringIO

    from rich.console import Console, RenderableType

    from screens.plan_summary import PlanText
    from tests.ui.helpers import static_text

    def rendered(renderable: RenderableType, width: int) -> str:
        console = Console(file=StringIO(), width=width, color_system=None, legacy_windows=False)
        console.print(renderable)
        return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]

    card = make_profile()
    repo = root.open(card)
    why = (
        "I have stopped before, for most of last spring, and I remember how good the "
        "mornings felt and how much more patient I was with the kids"
    )
    wp.set_answers(repo, changes=[PlanChange(text=LONG_CHANGE)], importance=7, importance_why=why)
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        assert stored(app).importance_why == why
        plan = app.screen.query_one(PlanText)
        width = plan.content_size.width
        # the whole plan is one widget: its state line, the sections, the keys (issue 20)
        assert len(app.screen.query("#plan-summary > *")) == 3

        def items(number: int) -> list[str]:
            """Section ``number``'s bullets at the width on screen: every line that is not
            a new bullet must start under the text (4 cells in), each bullet joined back."""
            found: list[str] = []
            shown = rendered(plan.section_text(number), width)
            for line in shown.rstrip().split("\n"):
                if line.startswith("  • "):
                    found.append(line[4:].rstrip())
                else:
                    assert line.startswith("    ") and line[4] != " ", line
                    found[-1] += " " + line.strip()
            return found

        assert items(1) == [LONG_CHANGE]
        assert items(2) == ["7 out of 10", f"Not lower because: {why}"]
        assert len(rendered(plan.section_text(1), width).split("\n")) > 2
        whole = static_text(plan, width=width)  # the same lines, under their headings
        assert whole.index("1. ") < whole.index(LONG_CHANGE[:30]) < whole.index("2. ")
