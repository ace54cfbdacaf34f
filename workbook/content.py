"""The workbook's words and catalogues, loaded from ``content/<locale>/`` and validated.

The words live at the top of the repository in ``content/``; the wheel installs them as data
inside this package (``workbook/words/``, mapped by hatch), so no top-level ``content`` module is
installed to clash with another project's. From a checkout (an editable install, or tests run
from the repository) they are read where they stand. Files are read lazily, once, when first
asked for.
"""

from __future__ import annotations

import functools
import re
import tomllib
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from workbook.models import Country

DEFAULT_LOCALE = "en"

# Month names spelled out here, not by strftime, so the words never follow the system locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class ContentModel(BaseModel):
    """Base for shipped content: strict, immutable.

    Each model's validator is built when its words are first read (``defer_build``), not when
    the module is imported: the start-up imports many of these modules for one function, and
    building all their validators was ~7 ms before Home, none of it for anything Home shows.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CrisisLine(ContentModel):
    """A national crisis or support line, with where and when its contact was last read.

    "Checked" means read: ``last_verified`` is the day someone read the service's own published
    page (``checked_page``) and saw the contact there. A line whose page could not be read has
    neither, and says "not re-checked since" the day it was listed.
    """

    country: Country
    """Which country it serves."""
    name: str = Field(min_length=1)
    """The service's name."""
    contact: str = Field(min_length=1)
    """How to reach it, as a person would dial or text it."""
    about: str = Field(min_length=1)
    """One line on what it is for."""
    category: str = Field(min_length=1)
    """Which kind of resource it is (crisis lines, treatment, harm reduction...)."""
    source: HttpUrl
    """The service's own site."""
    listed_on: date
    """The day the line was written into the content file."""
    talk_now: str | None = Field(default=None, pattern=r"\d$")
    """For the one line F1 puts in its top box ("talk to someone now"): how to reach it in a few
    words, ending with the number ("call or text 988")."""
    checked_page: HttpUrl | None = None
    """The service's own page that was read to check the contact."""
    last_verified: date | None = None
    """The day ``checked_page`` was read; None when it could not be read."""
    stored_copy: bool = False
    """True when a stored public copy of the page was read rather than the live site."""
    read_via: HttpUrl | None = None
    """Where the stored copy was read, when that is not the page's own address."""

    @model_validator(mode="after")
    def _read_means_a_page_and_a_day(self) -> CrisisLine:
        # A date without the page read (or a page without a date) is the dishonest "checked"
        # this model exists to prevent.
        if (self.checked_page is None) != (self.last_verified is None):
            raise ValueError(f"{self.name}: checked_page and last_verified go together")
        if self.read_via is not None and not self.stored_copy:
            raise ValueError(f"{self.name}: read_via is only for a stored copy")
        return self

    @property
    def verified(self) -> bool:
        """Whether the contact was read on the service's own page."""
        return self.last_verified is not None

    def check_text(self) -> str:
        """Where the contact comes from, in words: what was read and when, or that it was not."""
        if self.last_verified is None:
            return f"not re-checked since {long_date(self.listed_on)}"
        return f"as published by {self.name}, read {long_date(self.last_verified)}"

    def short_check(self) -> str:
        """The few words F1 keeps: "checked Dec 2026", or "not re-checked since Nov 2026"."""
        if self.last_verified is None:
            return (
                f"not re-checked since {MONTHS[self.listed_on.month - 1][:3]} {self.listed_on.year}"
            )
        return f"checked {MONTHS[self.last_verified.month - 1][:3]} {self.last_verified.year}"


def long_date(day: date) -> str:
    """A date as people write it: 1 December 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class Emergency(ContentModel):
    """The emergency number for a country."""

    country: Country
    contact: str = Field(min_length=1)


class CrisisContent(ContentModel):
    """Everything in ``crisis_lines.toml``."""

    emergency: list[Emergency]
    line: list[CrisisLine]

    def emergency_for(self, country: Country) -> str:
        for item in self.emergency:
            if item.country == country:
                return item.contact
        return next(e.contact for e in self.emergency if e.country == Country.OTHER)

    def talk_now(self, country: Country) -> CrisisLine | None:
        """The one line to call first in ``country``; None when the country is not set."""
        return next((ln for ln in self.line if ln.country == country and ln.talk_now), None)

    def talk_now_everywhere(self, names: dict[Country, str]) -> str:
        """Each named country's number to talk to now, a shared one once: "988 (US, Canada)"."""
        by_number: dict[str, list[str]] = {}
        for country, name in names.items():
            line = self.talk_now(country)
            if line is not None and line.talk_now is not None:
                number = re.search(r"[\d ]*\d$", line.talk_now)
                by_number.setdefault(number.group().strip() if number else "", []).append(name)
        return ", ".join(f"{number} ({', '.join(where)})" for number, where in by_number.items())

    def lines_for(self, country: Country) -> list[CrisisLine]:
        """The lines of ``country``; for other countries, every line we know, by country."""
        if country == Country.OTHER:
            return list(self.line)
        return [line for line in self.line if line.country == country]


@functools.cache
def content_root() -> Traversable:
    """Where the words are: inside the installed package, else the checkout's ``content/``."""
    installed = resources.files("workbook").joinpath("words")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "content"


def read_text(name: str, locale: str = DEFAULT_LOCALE) -> str:
    """The text of ``content/<locale>/<name>``, unparsed."""
    return content_root().joinpath(locale, name).read_text(encoding="utf-8")


def read_toml(name: str, locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """Parse ``content/<locale>/<name>``."""
    return tomllib.loads(read_text(name, locale))


class OnlineGroup(ContentModel):
    """A free mutual-help group that meets online, read on its own page (no phone number)."""

    name: str = Field(min_length=1)
    """The group's name."""
    about: str = Field(min_length=1, max_length=200)
    """One line on who it is for and how it meets."""
    category: str = Field(pattern=r"^(online support groups|family support and education)$")
    """Which kind of resource it is listed under."""
    website: HttpUrl
    """The group's own site or meeting page, shown as text to copy."""
    listed_on: date
    """The day it was written into the content file."""
    checked_page: HttpUrl
    """The group's own page that was read."""
    last_verified: date
    """The day ``checked_page`` was read."""
    stored_copy: bool = False
    """True when a stored public copy of the page was read rather than the live site."""

    def check_text(self) -> str:
        return f"as published by {self.name}, read {long_date(self.last_verified)}"


class Finder(OnlineGroup):
    """A national page for finding treatment or support in one country (no phone number)."""

    country: Country
    """The country it serves."""
    category: str = Field(pattern=r"^(treatment|detox|family support and education)$")


class OnlineHelp(ContentModel):
    """Everything in ``online_help.toml``."""

    group: list[OnlineGroup] = Field(min_length=1)
    finder: list[Finder] = Field(default_factory=list)


@functools.cache
def online_help(locale: str = DEFAULT_LOCALE) -> OnlineHelp:
    """Online groups and national finder pages, validated (read once)."""
    return OnlineHelp.model_validate(read_toml("online_help.toml", locale))


def online_groups(locale: str = DEFAULT_LOCALE) -> list[OnlineGroup]:
    """The free mutual-help groups that meet online."""
    return online_help(locale).group


@functools.cache
def crisis(locale: str = DEFAULT_LOCALE) -> CrisisContent:
    """The crisis and support lines, validated."""
    return CrisisContent.model_validate(read_toml("crisis_lines.toml", locale))
