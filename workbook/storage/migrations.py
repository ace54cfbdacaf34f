"""Schema versions and the pure functions that carry a workbook from one to the next.

``_meta.schema_version`` says which shape a file has. Each migration takes the whole data of
version N and returns the data of version N+1; it never touches a file. The store takes a
backup first, runs the chain, validates the result and saves it in one atomic write. Each step
is tested against a frozen fixture file of the older version under ``tests/fixtures/schema/``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from workbook.storage.codec import Data

Migration = Callable[[Data], Data]


def add_tables(*names: str) -> Migration:
    """A migration that adds empty tables (a new feature's records)."""

    def migrate(data: Data) -> Data:
        out = copy.deepcopy(data)
        for name in names:
            out.setdefault(name, {})
        return out

    migrate.__doc__ = f"Add the empty tables {', '.join(names)}."
    return migrate


def plan_keeps_safe(data: Data) -> Data:
    """Schema 7: the plan for hard moments gains "keeping myself safe" (``keep_safe`` and
    ``medicines``, issue 18). Both default to empty, so no document changes; the version bump is
    what matters: an older app opens a newer file read-only instead of dropping those words."""
    return copy.deepcopy(data)


# from_version -> the function that returns data of from_version + 1
MIGRATIONS: dict[int, Migration] = {
    1: add_tables("plan", "plan_revisions", "weighing", "values"),  # change plan (issue 4)
    2: add_tables("reviews"),  # weekly review (issue 5)
    3: add_tables("checkins", "setbacks", "urges"),  # day-to-day tracking (issue 6)
    4: add_tables("skill_progress", "own_skills"),  # daily-life skills (issue 7)
    5: add_tables("resources", "hard_moments"),  # resources, hard-moments plan (issue 8)
    6: plan_keeps_safe,  # "keeping myself safe" in the plan for hard moments (issue 18)
    7: add_tables("safer_plan"),  # my limits / my safer-use plan (issue 18)
}

SCHEMA_VERSION = max(MIGRATIONS) + 1


def migrate(data: Data, from_version: int, registry: dict[int, Migration] | None = None) -> Data:
    """Run every migration from ``from_version`` up to the current version, in order."""
    steps = MIGRATIONS if registry is None else registry
    target = max(steps) + 1 if steps else from_version
    version = from_version
    while version < target:
        data = steps[version](data)
        version += 1
        data.setdefault("_meta", {}).setdefault("1", {})["schema_version"] = version
    return data
