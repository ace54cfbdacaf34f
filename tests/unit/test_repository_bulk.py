"""``Repository.add_many``: many new records in one quick, atomic write; never a replace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from workbook.errors import ReadOnlyWorkbook
from workbook.models import Checkin, Goal, Person, ProfileCard, Settings
from workbook.storage import DataRoot, Repository


def saves(repo: Repository) -> int:
    return int(repo.export_data()["_meta"]["1"]["save_count"])


def test_adds_many_records_of_several_kinds_in_one_save(repo: Repository) -> None:
    before = saves(repo)
    checkins = [Checkin(on=date(2026, 1, 1 + n), mood=3) for n in range(20)]
    people = [Person(name="Sam"), Person(name="Jo")]
    repo.add_many([*checkins, *people])
    assert saves(repo) == before + 1
    assert repo.all(Checkin) == checkins and repo.all(Person) == people
    assert repo.find(Person, people[1].id) == people[1]


def test_refuses_an_id_already_stored_or_given_twice_and_saves_nothing(repo: Repository) -> None:
    goal = Goal(title="Walk")
    repo.save(goal)
    before = saves(repo)
    fresh = Person(name="Kez")
    with pytest.raises(ValueError, match="already used"):
        repo.add_many([fresh, Goal(id=goal.id, title="Another")])
    twin = Person(name="Twin")
    with pytest.raises(ValueError, match="already used"):
        repo.add_many([twin, Person(id=twin.id, name="Twin two")])
    assert saves(repo) == before
    assert repo.all(Goal) == [goal] and repo.all(Person) == []


def test_singletons_are_refused(repo: Repository) -> None:
    with pytest.raises(TypeError):
        repo.add_many([Settings()])  # type: ignore[list-item]
    assert repo.get(Settings) is None


def test_survives_reopen_and_read_only_is_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    people = [Person(name=f"Person {n}") for n in range(300)]
    repo.add_many(people)
    repo.close()
    reader = root.open(card, write=False)
    try:
        assert reader.all(Person) == people
        with pytest.raises(ReadOnlyWorkbook):
            reader.add_many([Person(name="Late")])
    finally:
        reader.close()
