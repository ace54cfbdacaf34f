"""My limits and my safer-use plan, for cutting back, reducing harm, or anyone who wants one.

One :class:`~workbook.models.SaferPlan` per workbook. Every change is saved at once; a value that
cannot be stored is refused with a plain sentence and nothing is saved. The same short summary is
shown on the check-in (where it asks about the limit or the safer plan), on Home and in the report.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from workbook.errors import InvalidInput
from workbook.models import LimitUnit, Pathway, SaferPlan, SaferRule, now
from workbook.storage import Repository

# Pathways for which Home shows the card and the check-in shows the plan.
PLAN_PATHWAYS = frozenset({Pathway.CUT_BACK, Pathway.REDUCE_HARM})

RULE_WORDS: dict[SaferRule, str] = {
    SaferRule.NOT_ALONE: "Not alone (or with a never-use-alone line)",
    SaferRule.START_LOW: "Start low, go slow",
    SaferRule.NO_MIXING: "No mixing alcohol, opioids, benzos or sleeping pills",
    SaferRule.TEST_FIRST: "Test first, where drug checking exists",
    SaferRule.CARRY_NALOXONE: "Carry naloxone",
}
"""How each rule reads, short enough for a Home card."""

STANDARD_DRINK = (
    "A standard drink is a set amount of pure alcohol, so different drinks can be counted the "
    "same way. How much it is differs by country: about 10 grams in Australia and 8 grams (one "
    '"unit") in the UK, 14 grams in the US and 13.6 grams in Canada. A label or a '
    "standard-drink chart shows how many are in a glass, can or bottle."
)


def load(repo: Repository) -> SaferPlan:
    """The person's plan, or an empty one if they have not started it."""
    return repo.get(SaferPlan) or SaferPlan()


def save(repo: Repository, *, when: datetime | None = None, **changes: Any) -> SaferPlan:
    """Change some fields of the plan and save it at once; return it as saved."""
    plan = load(repo)
    data = plan.model_dump()
    data.update(changes)
    if data == plan.model_dump():
        return plan
    data["updated"] = when or now()
    try:
        changed = SaferPlan.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_why(exc)) from None
    repo.put(changed)
    return changed


def parse_amount(text: str) -> float | None:
    """A limit typed as a number ("3", "2.5", "£20"); empty means no number."""
    cleaned = text.strip().lstrip("£$€").replace(",", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise InvalidInput(
            f"{text.strip()!r} is not a number; try something like 3 or 2.5"
        ) from None
    if not math.isfinite(value) or value <= 0 or value > 100_000:
        raise InvalidInput("A limit is a number above 0, like 3 or 2.5.")
    return value


def parse_days_off(text: str) -> int | None:
    """Days off each week, 0 to 7; empty means not set."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or int(cleaned) > 7:
        raise InvalidInput("Days off is a whole number from 0 to 7.")
    return int(cleaned)


def amount_text(amount: float) -> str:
    """3.0 -> "3", 2.5 -> "2.5"."""
    return f"{amount:g}" if amount < 1e6 else str(int(amount))


def limit_line(plan: SaferPlan) -> str | None:
    """ "Up to 3 standard drinks a day"; None when no number is set."""
    if plan.limit_amount is None:
        return None
    amount = amount_text(plan.limit_amount)
    if plan.limit_unit == LimitUnit.MONEY:
        return f"Spend up to {amount} {plan.limit_period.value}"
    unit = plan.limit_unit.value
    if plan.limit_amount == 1:
        unit = {"drinks": "drink", "standard drinks": "standard drink", "hours": "hour"}.get(
            unit, "time" if unit == "times" else unit
        )
    return f"Up to {amount} {unit} {plan.limit_period.value}"


def summary_lines(plan: SaferPlan) -> list[str]:
    """The plan in a few short lines: the limit, days off, each rule, the person's own rules."""
    lines = []
    limit = limit_line(plan)
    if limit:
        lines.append(limit)
    if plan.days_off is not None:
        s = "" if plan.days_off == 1 else "s"
        lines.append(f"{plan.days_off} day{s} off each week")
    lines += [RULE_WORDS[rule] for rule in SaferRule if rule in plan.rules]
    own = plan.own_rules.strip()
    if own:
        lines.append(own)
    return lines


def is_empty(plan: SaferPlan) -> bool:
    """True when nothing has been set yet."""
    return not summary_lines(plan)


def _why(exc: ValidationError) -> str:
    err = exc.errors()[0]
    if err.get("type") in ("string_too_long", "too_long"):
        return "That is very long; please keep your own rules under 5,000 characters."
    return str(err.get("msg", "That cannot be saved.")).removeprefix("Value error, ")
