"""Shipped content loads and validates, from the installed package."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from workbook.content import CrisisLine, crisis
from workbook.models import Country


def test_crisis_lines_load_and_cover_four_countries() -> None:
    lines = crisis()
    for country in (Country.US, Country.UK, Country.CA, Country.AU):
        assert lines.lines_for(country), country
        assert lines.emergency_for(country)
    assert lines.emergency_for(Country.UK) == "999 or 112"
    assert "112" in lines.emergency_for(Country.OTHER)


def test_every_line_says_what_was_read_or_that_it_was_not() -> None:
    for line in crisis().line:
        assert str(line.source).startswith("https://")
        assert line.listed_on <= date(2026, 12, 1)
        if line.verified:
            assert line.check_text().startswith(f"as published by {line.name}, read ")
            assert line.short_check().startswith("checked ")
        else:
            assert line.check_text().startswith("not re-checked since ")
    samaritans = next(ln for ln in crisis().line if ln.name == "Samaritans")
    assert samaritans.check_text() == "as published by Samaritans, read 1 December 2026"
    assert samaritans.short_check() == "checked Dec 2026"


def test_a_date_without_the_page_read_is_refused() -> None:
    base = crisis().line[0].model_dump(mode="json")
    with pytest.raises(ValidationError, match="go together"):
        CrisisLine.model_validate({**base, "checked_page": None})
    with pytest.raises(ValidationError, match="go together"):
        CrisisLine.model_validate({**base, "last_verified": None})
    with pytest.raises(ValidationError, match="stored copy"):
        CrisisLine.model_validate({**base, "stored_copy": False, "read_via": "https://x.org"})


def test_one_talk_now_line_per_shipped_country_and_none_when_unset() -> None:
    lines = crisis()
    for country in (Country.US, Country.UK, Country.CA, Country.AU):
        assert sum(ln.talk_now is not None for ln in lines.lines_for(country)) == 1, country
        talk = lines.talk_now(country)
        assert talk is not None and talk.category == "crisis lines"
    assert lines.talk_now(Country.OTHER) is None
    names = {Country.US: "US", Country.UK: "UK", Country.CA: "Canada", Country.AU: "Australia"}
    assert lines.talk_now_everywhere(names) == (
        "988 (US, Canada), 116 123 (UK), 13 11 14 (Australia)"
    )
