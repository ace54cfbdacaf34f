"""My limits and my safer-use plan: a limit in my own units, days off, safer-use rules.

Every change is saved at once (a number that cannot be read says so and saves nothing). Worded
for the person's pathway; the standard-drink explainer sits beside the unit it explains. The
check-in shows the same plan where it asks "against the limit you set" or "did you keep to your
safer plan?".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from screens.base import WorkbookScreen
from screens.widgets.dropdown import Dropdown
from screens.widgets.message import FieldMessage, ShownWhen
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import TickList
from screens.widgets.writing_area import WritingArea
from workbook import safer_plan, safety
from workbook.errors import WorkbookError
from workbook.models import LimitPeriod, LimitUnit, Pathway, Profile, SaferRule

INTRO = {
    Pathway.CUT_BACK: "Set a limit that feels right for you, in your own units. The check-in "
    "asks how each day went against it.",
    Pathway.REDUCE_HARM: "Write down what keeps you safer when you use. The check-in asks "
    "whether you kept to it.",
}
INTRO_OTHER = "A limit and a few safer-use rules, if they help. Everything here is optional."


class SaferPlanScreen(WorkbookScreen):
    """A limit, days off, safer-use rules and my own rules, each saved as it changes.

    State flows down: what could not be saved is in ``amount_status`` and ``days_off_status``
    (bound to the lines under the boxes), and ``standard_drinks`` (bound to the explainer)
    shows the standard-drink explainer only beside "standard drinks".
    """

    SECTION_TITLE = "My limits and safer-use plan"
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = ""  # it focuses its first field itself: see WorkbookScreen.AUTO_FOCUS

    amount_status: reactive[str] = reactive("")
    days_off_status: reactive[str] = reactive("")
    standard_drinks: reactive[bool] = reactive(False)
    """Whether the unit chosen is "standard drinks" (its explainer shows beside it)."""

    def body(self) -> ComposeResult:
        plan = safer_plan.load(self.repo)
        profile = self.repo.get(Profile)
        pathway = profile.pathway if profile else Pathway.NOT_SURE
        amount = safer_plan.amount_text(plan.limit_amount) if plan.limit_amount else ""
        days_off = "" if plan.days_off is None else str(plan.days_off)
        self.set_reactive(
            SaferPlanScreen.standard_drinks, plan.limit_unit == LimitUnit.STANDARD_DRINKS
        )
        with VerticalScroll(id="safer-plan"):
            yield Static(INTRO.get(pathway, INTRO_OTHER), classes="intro", markup=False)
            yield Label("My limit", classes="prompt")
            with Horizontal(classes="row"):
                yield TextBox(amount, placeholder="e.g. 3", id="amount", max_length=12)
                yield Dropdown([(u.value, u) for u in LimitUnit], plan.limit_unit, id="unit")
                yield Dropdown([(p.value, p) for p in LimitPeriod], plan.limit_period, id="period")
            yield FieldMessage(id="amount-status", classes="status").data_bind(
                message=SaferPlanScreen.amount_status
            )
            yield ShownWhen(
                safer_plan.STANDARD_DRINK, id="standard-drink", classes="hint"
            ).data_bind(shown=SaferPlanScreen.standard_drinks)
            yield Label("Days off each week (0 to 7)", classes="prompt")
            yield TextBox(days_off, placeholder="e.g. 2", id="days-off", max_length=1)
            yield FieldMessage(id="days-off-status", classes="status").data_bind(
                message=SaferPlanScreen.days_off_status
            )
            yield Label("Safer-use rules I keep (Space ticks)", classes="prompt")
            yield TickList[SaferRule](
                *[(safer_plan.RULE_WORDS[rule], rule, rule in plan.rules) for rule in SaferRule],
                id="rules",
            )
            yield Label("My own rules, in my words", classes="prompt")
            yield WritingArea(plan.own_rules, id="own-rules", soft_wrap=True)
            yield Static(
                "for example: Only at home with Sam. Eat first. Home by 11.",
                classes="hint",
                markup=False,
            )
            yield Static(safety.words().tolerance.text, classes="safety", markup=False)
            yield Static("Saved as you go. Escape goes back.", classes="hint", markup=False)

    _not_saved: frozenset[str] = frozenset()
    """Boxes whose text could not be saved yet (not a number yet): kept as a draft on leaving."""

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()
        self.offer_draft()

    def unsaved(self) -> bool:
        return bool(self._not_saved)

    def draft_key(self) -> str:
        return "safer-plan"

    def _held(self, box: str, held: bool) -> None:
        self._not_saved = self._not_saved | {box} if held else self._not_saved - {box}

    def _save(self, status: str, **changes: Any) -> None:
        """Save at once; a problem is said under the box named by ``status``."""
        try:
            safer_plan.save(self.repo, **changes)
        except WorkbookError as exc:
            setattr(self, status, f"Not saved: {exc}")
            return
        setattr(self, status, "")

    @on(Input.Changed, "#amount")
    def _amount(self, event: Input.Changed) -> None:
        try:
            amount = safer_plan.parse_amount(event.value)
        except WorkbookError as exc:
            self.amount_status = f"Not saved: {exc}"
            self._held("amount", True)
            return
        self._held("amount", False)
        self._save("amount_status", limit_amount=amount)

    @on(Input.Changed, "#days-off")
    def _days_off(self, event: Input.Changed) -> None:
        try:
            days = safer_plan.parse_days_off(event.value)
        except WorkbookError as exc:
            self.days_off_status = f"Not saved: {exc}"
            self._held("days-off", True)
            return
        self._held("days-off", False)
        self._save("days_off_status", days_off=days)

    @on(Dropdown.Changed, "#unit")
    def _unit(self, event: Dropdown.Changed) -> None:
        self.standard_drinks = event.value == LimitUnit.STANDARD_DRINKS
        if isinstance(event.value, LimitUnit):
            self._save("amount_status", limit_unit=event.value)

    @on(Dropdown.Changed, "#period")
    def _period(self, event: Dropdown.Changed) -> None:
        if isinstance(event.value, LimitPeriod):
            self._save("amount_status", limit_period=event.value)

    @on(SelectionList.SelectedChanged, "#rules")
    def _rules(self, event: SelectionList.SelectedChanged[SaferRule]) -> None:
        chosen = set(event.selection_list.selected)
        self._save("days_off_status", rules=[r for r in SaferRule if r in chosen])

    @on(TextArea.Changed, "#own-rules")
    def _own_rules(self, event: TextArea.Changed) -> None:
        self._save("days_off_status", own_rules=event.text_area.text)
