"""The long reliability run: ``python bench/reliability.py [--kills 500] [--steps 1000]``.

SIGKILLs during saves (half at random moments, half inside each step of a save), SIGKILLs while
an old workbook is opened and migrated (``--migration-kills``), then the model-based state
machine over the repository for at least ``--steps`` steps, with faults.
Prints what was survived; exits non-zero on the first loss.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.faults.killing import kill_rounds, migration_kill_rounds
from tests.faults.statemachine import RepositoryMachine
from workbook.models import Profile
from workbook.storage import DataRoot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--migration-kills", type=int, default=100)
    parser.add_argument("--steps", type=int, default=1000, help="state-machine steps at least")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = DataRoot(Path(tmp) / "data")
        card = root.create(Profile(display_name="save 0"))
        result = kill_rounds(root, card.id, args.kills, seed=args.seed)
    print(
        f"kills: {result.rounds} SIGKILLs, {result.mid_save} mid-save (temp file on disk), "
        f"halted inside steps {result.halted_at}; {result.max_acked} acknowledged saves, "
        f"none lost ({time.perf_counter() - start:.1f} s)"
    )

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = DataRoot(Path(tmp) / "data")
        card = root.create(Profile(display_name="Robin"))
        moved = migration_kill_rounds(root, card.id, args.migration_kills, seed=args.seed)
    inside = sum(n for where, n in moved.halted_at.items() if where != "after opening")
    print(
        f"migrations: {moved.rounds} SIGKILLs while a schema-1 workbook opened and migrated, "
        f"{inside} inside one of its writes (pre-migration backup, migrated write, daily backup; "
        f"{moved.mid_save} with a temp file on disk); every time it then opened migrated with "
        f"everything kept, nothing quarantined ({time.perf_counter() - start:.1f} s)"
    )

    start = time.perf_counter()
    per_example = 50
    examples = max(1, args.steps // per_example)
    counted = {"steps": 0, "faults": 0}

    class Counting(RepositoryMachine):
        def check_invariants(self, *a: object, **k: object) -> None:  # type: ignore[override]
            counted["steps"] += 1
            super().check_invariants(*a, **k)  # type: ignore[misc]

        def teardown(self) -> None:
            counted["faults"] += self.faults_survived
            super().teardown()

    run_state_machine_as_test(
        Counting,
        settings=settings(
            max_examples=examples,
            stateful_step_count=per_example,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
    print(
        f"state machine: {counted['steps']} checked steps in {examples} runs, "
        f"{counted['faults']} injected save faults survived, store always equal to the model "
        f"({time.perf_counter() - start:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
