"""A workbook with something in every section, for the coach report and `workbook today` tests."""

from __future__ import annotations

from datetime import date, timedelta

from tests.daily_seed import seed_history
from workbook import capital, goals, plan, reviews, skills
from workbook.models import (
    CapitalArea,
    HardMomentsPlan,
    Horizon,
    LifeArea,
    Person,
    PersonRole,
    PlanChange,
    PlanHelper,
    PlanObstacle,
    PlanPoint,
    PlanStep,
    ReviewedWith,
    SaferPlan,
    SkillLevel,
)
from workbook.storage import Repository
from workbook.weeks import week_of

OLD = 40
"""Days before ``today`` of the older review, practice entry and plan revision."""


def seed_full(repo: Repository, today: date, words: str = "") -> str:
    """Fill every section; ``words`` (e.g. a naughty string) goes in every free-text field.

    Returns the id of the catalogue skill that was practised.
    """
    w = words or "steady"
    plan.set_answers(
        repo,
        changes=[PlanChange(text=f"Drink less {w}", area=LifeArea.HEALTH)],
        importance=8,
        importance_why=f"My kids {w}",
        confidence=6,
        confidence_up="A walk every day",
        reasons=[PlanPoint(text=f"Sleep {w}")],
        steps=[PlanStep(text="No beer at home", by_when=today)],
        helpers=[PlanHelper(name="Jo", what=f"Call weekly {w}")],
        signs=[PlanPoint(text="Mornings feel easier")],
        obstacles=[PlanObstacle(text="payday", then=f"go to the gym {w}")],
    )
    plan.finish(repo, today - timedelta(days=OLD))
    plan.mark_reviewed(repo, today - timedelta(days=2))
    goal = goals.add_goal(repo, f"Walk daily {w}"[:200], horizon=Horizon.SHORT)
    goals.add_step(repo, goal.id, "Walk to the shop")
    goals.add_step(repo, goal.id, "Walk to the park")
    for back, rating, difference in ((OLD, 1, 4), (7, 3, 7)):
        week = week_of(today - timedelta(days=back))
        review = reviews.begin(repo, week)
        reviews.answer_goal(repo, review, goal.id, rating=rating, helped=f"Jo {w}")
        reviews.answer_week(
            repo, review, difference=difference, wins=f"Win {w}", reviewed_with=ReviewedWith.COACH
        )
        reviews.finish(repo, review, week.end)
    seed_history(repo, today)
    skill = skills.catalogue_skills()[0].id
    skills.set_level(repo, skill, SkillLevel.PRACTISING, today - timedelta(days=OLD))
    skills.add_practice(repo, skill, f"Old practice {w}", today - timedelta(days=OLD))
    skills.add_practice(repo, skill, f"New practice {w}", today - timedelta(days=1))
    repo.save(Person(name="Jo", role=PersonRole.COACH, ask=f"Listen {w}"))
    repo.put(HardMomentsPlan(well=f"Calm {w}", daily="Walk"))
    repo.put(SaferPlan(limit_amount=3, own_rules=f"Eat first {w}"))
    for back, home in ((OLD, 2), (3, 4)):
        day = today - timedelta(days=back)
        capital.set_rating(repo, day, CapitalArea.HOME, home)
        capital.set_rating(repo, day, CapitalArea.MIND, 3)
    capital.set_better(repo, today - timedelta(days=3), CapitalArea.HOME, f"Lock fixed {w}"[:200])
    return skill
