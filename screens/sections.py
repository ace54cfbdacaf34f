"""The sections of the workbook: what Home lists, what the palette can jump to.

Each section names its screen as ``"module:Class"`` and is imported only when opened, so start-up
stays as quick as a bare Textual app. A section whose module is not there yet is not shown.
``card`` optionally names ``"module:function"`` returning a Home dashboard widget (given the app).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    """One part of the workbook a person can open."""

    id: str
    key: str
    title: str
    summary: str
    screen: str
    card: str | None = None

    @property
    def module(self) -> str:
        return self.screen.split(":", 1)[0]

    def available(self) -> bool:
        """Whether this section's screen exists in this build."""
        return importlib.util.find_spec(self.module) is not None

    def load(self) -> Any:
        """The screen class (imported now, the first time it is opened)."""
        module, name = self.screen.split(":", 1)
        return getattr(importlib.import_module(module), name)

    def load_card(self) -> Any | None:
        if self.card is None:
            return None
        module, name = self.card.split(":", 1)
        return getattr(importlib.import_module(module), name)


# Keys are single letters used on Home only; they never clash with typing in a form.
SECTIONS: tuple[Section, ...] = (
    Section(
        "checkin",
        "c",
        "Daily check-in",
        "How today is going, in under a minute.",
        "screens.checkin:CheckinScreen",
        card="screens.cards.checkin:card",
    ),
    Section(
        "plan",
        "p",
        "My change plan",
        "The change you want, and how you will get there.",
        "screens.plan:PlanScreen",
        card="screens.cards.plan:card",
    ),
    Section(
        "goals",
        "g",
        "Goals",
        "Short- and long-term goals, step by step.",
        "screens.goals:GoalsScreen",
        card="screens.cards.goals:card",
    ),
    Section(
        "review",
        "w",
        "Weekly review",
        "Look back at the week, goal by goal.",
        "screens.review:ReviewScreen",
        card="screens.cards.review:card",
    ),
    Section(
        "urges",
        "u",
        "Urges",
        "Log an urge, ride it out, see patterns.",
        "screens.urges:UrgesScreen",
        card="screens.cards.urges:card",
    ),
    Section(
        "skills",
        "s",
        "Daily-life skills",
        "Everyday things: bank, alarm, appointments...",
        "screens.skills:SkillsScreen",
        card="screens.cards.skills:card",
    ),
    Section(
        "capital",
        "a",
        "Life check-in",
        "All of life, ten areas, every four weeks.",
        "screens.capital:CapitalScreen",
        card="screens.cards.capital:card",
    ),
    Section(
        "people",
        "m",
        "My people",
        "Who can help, and what to ask of them.",
        "screens.people:PeopleScreen",
    ),
    Section(
        "safer_plan",
        "l",
        "My limits and safer use",
        "A limit in my own units, days off, safer-use rules.",
        "screens.safer_plan:SaferPlanScreen",
        card="screens.cards.safer_plan:card",
    ),
    Section(
        "hard_plan",
        "h",
        "Plan for hard moments",
        "Written on a good day, for a hard one.",
        "screens.hard_plan:HardPlanScreen",
    ),
    Section(
        "resources",
        "r",
        "Resources",
        "Support lines, groups and services near you.",
        "screens.resources:ResourcesScreen",
    ),
    Section(
        "export",
        "x",
        "Export for my coach",
        "Make a report to share, or a copy to keep.",
        "screens.export:ExportScreen",
    ),
    Section(
        "settings",
        "o",
        "Settings",
        "Name, country, theme and day counter.",
        "screens.settings:SettingsScreen",
    ),
)


def available_sections() -> list[Section]:
    return [s for s in SECTIONS if s.available()]


def section(section_id: str) -> Section:
    for s in SECTIONS:
        if s.id == section_id:
            return s
    raise KeyError(section_id)
