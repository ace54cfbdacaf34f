"""A model-based test of the repository: random changes, reopens, backups, restores and faults.

The model is a plain dict of what should be stored; after every step the store must equal it.
``tests/faults/test_statemachine.py`` runs it briefly in CI; ``bench/reliability.py`` runs it
for thousands of steps.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from workbook.errors import WriteFailed
from workbook.models import Goal, GoalStatus, GoalStep, Person, PersonRole, Profile, Settings
from workbook.storage import DataRoot, PlainCodec, Repository, atomic, list_backups
from workbook.storage.backups import MANUAL, take_backup
from workbook.storage.restore import restore_backup

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
title = text.filter(lambda s: s.strip())
STEPS = ("_write", "_fsync", "_replace", "_fsync_dir")


class RepositoryMachine(RuleBasedStateMachine):
    """Drives one workbook through random operations, checking it against a simple model."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-sm-"))
        self.root = DataRoot(self.tmp / "data")
        self.card = self.root.create(Profile(display_name="Machine"))
        self.repo: Repository = self.root.open(self.card)
        self.goals: dict[str, Goal] = {}
        self.people: dict[str, Person] = {}
        self.settings: Settings | None = None
        self.snapshots: list[tuple[Path, dict[str, Any]]] = []
        self.faults_survived = 0

    # Changes --------------------------------------------------------------------------------

    @rule(t=title, why=text, steps=st.lists(title, max_size=3))
    def add_goal(self, t: str, why: str, steps: list[str]) -> None:
        goal = Goal(title=t, why=why, steps=[GoalStep(text=s) for s in steps])
        self.repo.save(goal)
        self.goals[goal.id] = goal

    @precondition(lambda self: self.goals)
    @rule(data=st.data(), status=st.sampled_from(list(GoalStatus)), t=title)
    def edit_goal(self, data: st.DataObject, status: GoalStatus, t: str) -> None:
        ident = data.draw(st.sampled_from(sorted(self.goals)))
        goal = self.goals[ident].model_copy(update={"status": status, "title": t.strip()})
        self.repo.save(goal)
        self.goals[ident] = goal

    @precondition(lambda self: self.goals)
    @rule(data=st.data())
    def delete_goal(self, data: st.DataObject) -> None:
        ident = data.draw(st.sampled_from(sorted(self.goals)))
        assert self.repo.remove(Goal, ident)
        del self.goals[ident]

    @rule(
        name=title.map(lambda s: s[:60]).filter(lambda s: s.strip()),
        role=st.sampled_from(list(PersonRole)),
        ask=text,
    )
    def add_person(self, name: str, role: PersonRole, ask: str) -> None:
        person = Person(name=name, role=role, ask=ask)
        self.repo.save(person)
        self.people[person.id] = person

    @rule(week=st.integers(0, 6))
    def change_settings(self, week: int) -> None:
        self.settings = Settings(week_starts_on=week)
        self.repo.put(self.settings)

    @rule(a=title, b=title)
    def transaction_of_two(self, a: str, b: str) -> None:
        first, second = Goal(title=a), Goal(title=b)
        with self.repo.transaction():
            self.repo.save(first)
            self.repo.save(second)
        self.goals[first.id] = first
        self.goals[second.id] = second

    # Faults, reopen, backup, restore -------------------------------------------------------

    @rule(t=title, step=st.sampled_from(STEPS), code=st.sampled_from([errno.ENOSPC, errno.EIO]))
    def save_under_fault(self, t: str, step: str, code: int) -> None:
        real = getattr(atomic, step)

        def fail(*args: Any) -> None:
            raise OSError(code, "injected")

        setattr(atomic, step, fail)
        try:
            self.repo.save(Goal(title=t))
        except WriteFailed:
            self.faults_survived += 1
        else:
            raise AssertionError("the fault was not reported")
        finally:
            setattr(atomic, step, real)

    @rule()
    def reopen(self) -> None:
        self.repo.close()
        self.repo = self.root.open(self.card)

    @rule()
    def backup(self) -> None:
        files = self.root.files(self.card)
        path = take_backup(files.workbook, files.backups, MANUAL)
        self.snapshots.append((path, self._model()))

    @precondition(lambda self: self.snapshots)
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        path, model = data.draw(st.sampled_from(self.snapshots))
        self.repo.close()
        restore_backup(self.root.files(self.card), PlainCodec(), path)
        self.repo = self.root.open(self.card)
        self.goals, self.people, self.settings = (
            dict(model["goals"]),
            dict(model["people"]),
            model["settings"],
        )

    # Checks ---------------------------------------------------------------------------------

    def _model(self) -> dict[str, Any]:
        return {"goals": dict(self.goals), "people": dict(self.people), "settings": self.settings}

    @invariant()
    def store_equals_model(self) -> None:
        assert {g.id: g for g in self.repo.all(Goal)} == self.goals
        assert {p.id: p for p in self.repo.all(Person)} == self.people
        assert self.repo.get(Settings) == self.settings

    def teardown(self) -> None:
        self.repo.close()
        # Backups hold exactly what they held when taken.
        assert all(p.exists() for p, _ in self.snapshots)
        assert len(list_backups(self.root.files(self.card).backups)) >= len(self.snapshots)
        shutil.rmtree(self.tmp, ignore_errors=True)
