"""The workbook's words and catalogues, loaded from ``content/<locale>/`` and validated.

The words live at the top of the repository in ``content/``; the wheel installs them as data
inside this package (``workbook/words/``, mapped by hatch), so no top-level ``content`` module is
installed to clash with another project's. From a checkout (an editable install, or tests run
from the repository) they are read where they stand. Files are read lazily, once, when first
asked for.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from workbook import clock
from workbook.models import Country

DEFAULT_LOCALE = "en"


class ContentModel(BaseModel):
    """Base for shipped content: strict, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CrisisLine(ContentModel):
    """A national crisis or support line, exactly as listed in the content guide."""

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
    """Where the fact was checked."""
    last_verified: date
    """When it was last checked."""

    def age_text(self, today: date | None = None) -> str:
        """How long ago it was checked, in plain words."""
        days = ((today or clock.today()) - self.last_verified).days
        if days <= 0:
            return "checked today"
        if days < 60:
            return f"checked {days} day{'s' if days != 1 else ''} ago"
        months = days // 30
        return f"checked about {months} months ago"


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


def read_toml(name: str, locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """Parse ``content/<locale>/<name>``."""
    text = content_root().joinpath(locale, name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def crisis(locale: str = DEFAULT_LOCALE) -> CrisisContent:
    """The crisis and support lines, validated."""
    return CrisisContent.model_validate(read_toml("crisis_lines.toml", locale))
