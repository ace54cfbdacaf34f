"""A workbook saved before daily-life skills existed (schema 4) opens; every skill is "not yet"."""

from __future__ import annotations

import json
from collections.abc import Callable

from workbook import skills
from workbook.models import ProfileCard, SkillLevel
from workbook.storage import DataRoot
from workbook.storage.migrations import MIGRATIONS, SCHEMA_VERSION

# A frozen schema-4 workbook: the tables of issues 4-6 exist, the skills tables do not.
SCHEMA_4 = {
    "_meta": {"1": {"schema_version": 4, "app_version": "0.1.0", "save_count": 3}},
    "profile": {
        "1": {
            "display_name": "Sam",
            "working_on": [],
            "working_on_words": "",
            "pathway": "not sure yet",
            "recovery_start": None,
            "show_day_counter": False,
            "created": "2026-11-01T09:00:00+00:00",
        }
    },
    "plan": {},
    "plan_revisions": {},
    "weighing": {},
    "values": {},
    "reviews": {},
    "checkins": {},
    "setbacks": {},
    "urges": {},
}


def test_migration_4_adds_the_skills_tables_and_nothing_else() -> None:
    out = MIGRATIONS[4](json.loads(json.dumps(SCHEMA_4)))
    assert out["skill_progress"] == {} and out["own_skills"] == {}
    assert {k: v for k, v in out.items() if k not in ("skill_progress", "own_skills")} == SCHEMA_4


def test_a_workbook_without_the_skills_tables_opens_with_every_skill_not_yet(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    path = root.files(card).workbook
    path.write_text(json.dumps(SCHEMA_4), encoding="utf-8")
    path.chmod(0o600)

    repo = root.open(card)
    try:
        counts = skills.level_counts(repo)
        assert counts[SkillLevel.NOT_YET] == len(skills.catalogue().skill)
        assert sum(counts.values()) == counts[SkillLevel.NOT_YET]
        assert all(
            skills.progress(repo, s.id).level == SkillLevel.NOT_YET for s in skills.all_skills(repo)
        )
        # and the new tables take progress straight away
        skills.set_level(repo, "plan-a-week", SkillLevel.LEARNING, card.created.date())
    finally:
        repo.close()

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert saved["own_skills"] == {}
    assert [d["level"] for d in saved["skill_progress"].values()] == ["learning"]
