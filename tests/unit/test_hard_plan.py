"""The plan for hard moments: its content, saving as you type, and what F1 shows from it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from tests.blns import naughty_strings
from workbook import hard_plan, people, resources
from workbook.errors import InvalidInput
from workbook.models import HardMomentsPlan, ProfileCard
from workbook.storage import DataRoot, Repository


def test_the_content_asks_for_every_part_of_the_plan_once() -> None:
    content = hard_plan.content()
    titles = [s.title for s in content.section]
    assert titles == [
        "When I'm well",
        "Every day",
        "Triggers",
        "Early warning signs",
        "When things are getting worse",
        "Keeping myself safe",
        "In a crisis",
        "After a crisis",
    ]
    for section in content.section:
        for prompt in section.prompt:
            assert prompt.example and prompt.label.endswith("?")


def test_our_words_never_use_the_trademark_or_stigmatising_words() -> None:
    text = json.dumps(hard_plan.content().model_dump()).lower()
    for word in ("wrap", "addict", "clean", "dirty", "failure", "relapsed"):
        assert word not in text


def test_each_answer_saves_on_its_own(repo: Repository) -> None:
    assert hard_plan.is_empty(hard_plan.load(repo))
    when = datetime(2026, 11, 27, 9, 0).astimezone()
    hard_plan.save_answer(repo, "warning_signs", "I stop answering texts.", when)
    hard_plan.save_answer(repo, "warning_plan", "Tell Jo the same day.")
    plan = repo.get(HardMomentsPlan)
    assert plan is not None
    assert plan.warning_signs == "I stop answering texts."
    assert plan.warning_plan == "Tell Jo the same day."
    assert not hard_plan.is_empty(plan)
    assert hard_plan.sections_written(plan) == 1
    section = hard_plan.content().section[3]
    assert hard_plan.section_done(plan, section)


def test_next_steps_lead_with_warning_signs_and_what_i_will_do() -> None:
    plan = HardMomentsPlan(
        warning_signs="I skip meals.",
        warning_plan="Call Jo.",
        worse_call="Ana",
        well="  ",
    )
    assert hard_plan.next_steps(plan) == [
        ("When I notice", "I skip meals."),
        ("I will", "Call Jo."),
        ("I will call", "Ana"),
    ]
    assert hard_plan.next_steps(HardMomentsPlan()) == []


def test_too_long_or_unknown_is_refused_and_the_old_answer_kept(repo: Repository) -> None:
    hard_plan.save_answer(repo, "after", "Rest first.")
    with pytest.raises(InvalidInput, match="5,000"):
        hard_plan.save_answer(repo, "after", "x" * 5001)
    with pytest.raises(InvalidInput):
        hard_plan.save_answer(repo, "updated", "now")
    with pytest.raises(InvalidInput, match="cannot be saved"):
        hard_plan.save_answer(repo, "after", "bad \ud800 surrogate")
    assert hard_plan.load(repo).after == "Rest first."


def test_naughty_strings_are_stored_exactly(repo: Repository) -> None:
    for text in naughty_strings():
        hard_plan.save_answer(repo, "crisis_helps", text)
        assert hard_plan.load(repo).crisis_helps == text


def test_a_workbook_from_before_these_tables_opens_fine(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    path = root.files(card).workbook
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for table in ("resources", "hard_moments"):
        data.pop(table, None)
    data["_meta"]["1"]["schema_version"] = 5
    data["_meta"]["1"].pop("content_sha256")  # files of that version had no checksum
    path.write_text(json.dumps(data), encoding="utf-8")

    repo = root.open(card)
    try:
        assert hard_plan.is_empty(hard_plan.load(repo))
        assert resources.own_resources(repo) == []
        assert people.people(repo) == []
        hard_plan.save_answer(repo, "well", "I sleep well.")
        resources.add_resource(repo, "Clinic")
    finally:
        repo.close()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["_meta"]["1"]["schema_version"] >= 6
    assert saved["hard_moments"]["1"]["well"] == "I sleep well."
    assert len(saved["resources"]) == 1
