"""Schema versions and the pure functions that carry a workbook from one to the next.

``_meta.schema_version`` says which shape a file has. Each migration takes the whole data of
version N and returns the data of version N+1; it never touches a file. The store takes a
backup first, runs the chain, validates the result and saves it in one atomic write. Each step
is tested against a frozen fixture file of the older version under ``tests/fixtures/schema/``.
"""

from __future__ import annotations

import copy
import re
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


def remember_last_report(data: Data) -> Data:
    """Settings gain ``last_report`` (the day the last coach report was made), issue 17.

    The field defaults to None, so settings need no change; the bump makes an older app open a
    file that has it read-only instead of refusing the unknown field. In the same step, a
    profile name holding control characters (which names now refuse) has them shown as
    ``\\uXXXX``, so such a workbook still opens, with every character of its name visible.
    """
    out = copy.deepcopy(data)
    profile = out.get("profile", {}).get("1")
    if isinstance(profile, dict) and isinstance(profile.get("display_name"), str):
        profile["display_name"] = _visible_name(profile["display_name"])
    return out


def _visible_name(name: str) -> str:
    from workbook.terminal import is_control

    shown = "".join(f"\\u{ord(c):04x}" if is_control(c) or c in "\t\n" else c for c in name)
    return shown[:60]  # a name's limit (models.NAME_MAX; models is not imported by migrations)


def plan_keeps_safe(data: Data) -> Data:
    """Schema 7: the plan for hard moments gains "keeping myself safe" (``keep_safe`` and
    ``medicines``, issue 18). Both default to empty, so no document changes; the version bump is
    what matters: an older app opens a newer file read-only instead of dropping those words."""
    return copy.deepcopy(data)


# The kinds of trigger as schema 12 named them (models.TriggerKind), each with the words that
# name it exactly. Frozen here: a later rename of a kind must not change what this step did.
_KIND_NAMES: dict[str, tuple[str, ...]] = {
    "person": ("person", "a person"),
    "place": ("place", "a place"),
    "feeling": ("feeling", "a feeling"),
    "time of day": ("time of day", "a time of day"),
    "money": ("money",),
    "tired or hungry": ("tired or hungry", "hungry or tired"),
    "bored": ("bored", "boredom"),
    "celebration": ("celebration", "a celebration", "celebrating"),
    "seeing or smelling it": ("seeing or smelling it", "seeing it or smelling it"),
    "something else": ("something else",),
}


def _name_key(text: str) -> str:
    """Case, spaces and punctuation aside ("Money.", " money"), the words themselves."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


_KIND_BY_NAME = {_name_key(name): kind for kind, names in _KIND_NAMES.items() for name in names}


def urge_trigger_kinds(data: Data) -> Data:
    """Schema 12: an urge gains ``kind``, a short kind of trigger, so urges can be counted by it.

    An old urge gets a kind only when its words are exactly a kind's name ("Money", "bored."):
    nothing is guessed from a sentence. Every other urge keeps no kind (None, the default), and
    its words are untouched either way.
    """
    out = copy.deepcopy(data)
    for doc in out.get("urges", {}).values():
        if not isinstance(doc, dict) or doc.get("kind") is not None:
            continue
        trigger = doc.get("trigger")
        kind = _KIND_BY_NAME.get(_name_key(trigger)) if isinstance(trigger, str) else None
        if kind is not None:
            doc["kind"] = kind
    return out


# from_version -> the function that returns data of from_version + 1
MIGRATIONS: dict[int, Migration] = {
    1: add_tables("plan", "plan_revisions", "weighing", "values"),  # change plan (issue 4)
    2: add_tables("reviews"),  # weekly review (issue 5)
    3: add_tables("checkins", "setbacks", "urges"),  # day-to-day tracking (issue 6)
    4: add_tables("skill_progress", "own_skills"),  # daily-life skills (issue 7)
    5: add_tables("resources", "hard_moments"),  # resources, hard-moments plan (issue 8)
    6: add_tables("drafts"),  # typing kept when a form was interrupted (issue 15)
    7: remember_last_report,  # the coach report remembers when it was last made (issue 17)
    8: plan_keeps_safe,  # "keeping myself safe" in the plan for hard moments (issue 18)
    9: add_tables("safer_plan"),  # my limits / my safer-use plan (issue 18)
    10: add_tables("capital_checkins", "thought_checks"),  # life check-in, thought tool (issue 19)
    11: urge_trigger_kinds,  # an urge's trigger gains a short kind, to count by (issue 21)
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
