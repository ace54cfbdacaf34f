"""My limits and safer-use plan: saved at once, refused kindly, summed up in plain words."""

from __future__ import annotations

import pytest

from workbook import safer_plan
from workbook.errors import InvalidInput
from workbook.models import LimitPeriod, LimitUnit, SaferPlan, SaferRule
from workbook.storage import Repository


def test_changes_are_stored_one_by_one(repo: Repository) -> None:
    safer_plan.save(repo, limit_amount=3.0, limit_unit=LimitUnit.DRINKS)
    safer_plan.save(repo, rules=[SaferRule.NOT_ALONE, SaferRule.CARRY_NALOXONE])
    plan = repo.get(SaferPlan)
    assert plan is not None and plan.updated is not None
    assert (plan.limit_amount, plan.limit_unit, plan.rules) == (
        3.0,
        LimitUnit.DRINKS,
        [SaferRule.NOT_ALONE, SaferRule.CARRY_NALOXONE],
    )


def test_a_value_that_cannot_be_stored_is_refused_and_nothing_changes(repo: Repository) -> None:
    safer_plan.save(repo, days_off=2)
    with pytest.raises(InvalidInput):
        safer_plan.save(repo, days_off=8)
    with pytest.raises(InvalidInput, match="5,000"):
        safer_plan.save(repo, own_rules="x" * 5001)
    assert safer_plan.load(repo).days_off == 2


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3.0), (" 2.5 ", 2.5), ("£20", 20.0), ("1,000", 1000.0), ("", None)]
)
def test_amounts_people_type(text: str, value: float | None) -> None:
    assert safer_plan.parse_amount(text) == value


@pytest.mark.parametrize("text", ["three", "0", "-2", "nan", "inf", "1e9"])
def test_amounts_refused_with_a_plain_sentence(text: str) -> None:
    with pytest.raises(InvalidInput):
        safer_plan.parse_amount(text)


def test_summary_reads_like_a_person_would_say_it() -> None:
    plan = SaferPlan(
        limit_amount=1,
        limit_unit=LimitUnit.STANDARD_DRINKS,
        limit_period=LimitPeriod.WEEK,
        days_off=1,
        rules=[SaferRule.TEST_FIRST],
        own_rules="  Home by 11 ",
    )
    assert safer_plan.summary_lines(plan) == [
        "Up to 1 standard drink a week",
        "1 day off each week",
        "Test first, where drug checking exists",
        "Home by 11",
    ]
    money = SaferPlan(limit_amount=20, limit_unit=LimitUnit.MONEY, limit_period=LimitPeriod.WEEK)
    assert safer_plan.limit_line(money) == "Spend up to 20 a week"
    assert safer_plan.is_empty(SaferPlan())
