"""Shipped content loads and validates, from the installed package."""

from __future__ import annotations

from datetime import date

from workbook import clock
from workbook.content import crisis
from workbook.models import Country


def test_crisis_lines_load_and_cover_four_countries() -> None:
    lines = crisis()
    for country in (Country.US, Country.UK, Country.CA, Country.AU):
        assert lines.lines_for(country), country
        assert lines.emergency_for(country)
    assert lines.emergency_for(Country.UK) == "999 or 112"
    assert "112" in lines.emergency_for(Country.OTHER)


def test_every_line_has_source_and_age() -> None:
    for line in crisis().line:
        assert str(line.source).startswith("https://")
        assert line.last_verified <= clock.today()
        assert line.age_text(line.last_verified) == "checked today"
    first = crisis().line[0]
    assert first.age_text(date.fromordinal(first.last_verified.toordinal() + 90)) == (
        "checked about 3 months ago"
    )
