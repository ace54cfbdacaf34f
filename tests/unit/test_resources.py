"""The person's own resources, and the three layers shown together."""

from __future__ import annotations

from datetime import date

import pytest

from tests.blns import naughty_strings
from workbook import resources
from workbook.content import crisis, online_groups
from workbook.errors import InvalidInput
from workbook.models import Country, Resource, ResourceCategory
from workbook.resources import Origin, parse_group_text
from workbook.storage import Repository

TODAY = date(2026, 11, 27)


def test_add_edit_remove_an_own_entry(repo: Repository) -> None:
    added = resources.add_resource(
        repo,
        "  Dr Okafor's clinic ",
        category="treatment",
        phone="  +44 113 496 1111\t",
        website=" example.org/clinic ",
        hours="Mon-Fri 9-5",
        notes="  Bring my card.  ",
    )
    stored = repo.find(Resource, added.id)
    assert stored is not None
    assert stored.name == "Dr Okafor's clinic"
    assert stored.phone == "+44 113 496 1111"
    assert stored.website == "example.org/clinic"
    assert stored.notes == "  Bring my card.  "  # notes are kept exactly as typed
    resources.update_resource(repo, added.id, category="detox", phone="0113 496 2222")
    changed = repo.find(Resource, added.id)
    assert changed is not None
    assert changed.category is ResourceCategory.DETOX
    assert changed.phone == "0113 496 2222"
    assert changed.name == "Dr Okafor's clinic"
    assert resources.remove_resource(repo, added.id)
    assert resources.own_resources(repo) == []


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_empty_name_is_refused_kindly(repo: Repository, name: str) -> None:
    with pytest.raises(InvalidInput, match="Please give a name"):
        resources.add_resource(repo, name)
    assert resources.own_resources(repo) == []


def test_too_long_and_unknown_values_are_refused_kindly(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="phone number is too long"):
        resources.add_resource(repo, "Clinic", phone="1" * 201)
    with pytest.raises(InvalidInput, match="kind of help is not one of the choices"):
        resources.add_resource(repo, "Clinic", category="pizza")
    with pytest.raises(InvalidInput):
        resources.add_resource(repo, "Clinic", colour="red")
    assert resources.own_resources(repo) == []


def test_the_three_layers_are_shown_together_each_marked(repo: Repository) -> None:
    resources.add_resource(repo, "My clinic", category="treatment")
    group = parse_group_text(
        'group = "Thursday Circle"\nupdated = 2026-11-20\n'
        '[[resource]]\nname = "Thursday meeting"\ncategory = "local support groups"\n'
    )
    entries = resources.directory(repo, Country.UK, TODAY, [group])
    assert [(e.origin, e.name) for e in entries] == [
        (Origin.MINE, "My clinic"),
        (Origin.GROUP, "Thursday meeting"),
        (Origin.NATIONAL, "Samaritans"),
        (Origin.NATIONAL, "SHOUT"),
        *[(Origin.ONLINE, g.name) for g in online_groups()],  # online groups, every country
    ]
    assert entries[0].origin_label == "My own"
    assert entries[1].origin_label.startswith("Group list: Thursday Circle, updated 2026-11-20")
    assert entries[2].origin_label == "National, as published by Samaritans, read 1 December 2026"
    assert entries[2].website == "https://www.samaritans.org/"


def test_national_lines_say_what_was_read_and_when() -> None:
    later = date(2027, 3, 1)
    (samaritans, _shout) = resources.national_entries(Country.UK, later)
    assert samaritans.origin_label.endswith("as published by Samaritans, read 1 December 2026")
    (_lifeline, hotline, *_rest) = resources.national_entries(Country.AU, later)
    assert hotline.origin_label.endswith("not re-checked since 27 November 2026")
    every = resources.national_entries(Country.OTHER, TODAY)
    assert len(every) == len(crisis().line)
    assert "(AU)" in every[-1].origin_label


def test_search_and_filter(repo: Repository) -> None:
    resources.add_resource(repo, "Needle exchange", category="harm reduction", notes="Free")
    resources.add_resource(repo, "Family group", category="family support and education")
    entries = resources.directory(repo, Country.US, TODAY)
    names = [e.name for e in resources.search(entries, "needle")]
    assert names == ["Needle exchange"]
    harm = resources.search(entries, "", ResourceCategory.HARM_REDUCTION)
    assert [e.name for e in harm] == ["Needle exchange", "Never Use Alone"]
    assert [e.name for e in resources.search(entries, "FREE needle")] == ["Needle exchange"]
    assert resources.search(entries, "nothing like this") == []
    assert len(resources.search(entries, "  ")) == len(entries)


def test_naughty_strings_in_names_and_notes(repo: Repository) -> None:
    kept = 0
    for text in naughty_strings():
        try:
            added = resources.add_resource(repo, text or "x", notes=text, address=text[:200])
        except InvalidInput:
            continue  # refused kindly is allowed; crashing is not
        stored = repo.find(Resource, added.id)
        assert stored is not None
        assert stored.name == (text or "x").strip()
        assert stored.notes == text
        kept += 1
    assert kept > 400


def test_online_groups_show_in_every_country_under_their_kind_with_their_source() -> None:
    for country in Country:
        entries = resources.national_entries(country, TODAY) + resources.online_entries()
        online = resources.search(entries, "", ResourceCategory.ONLINE_GROUPS)
        names = [e.name for e in online]
        assert "Online Intergroup of Alcoholics Anonymous" in names, country
        assert "Virtual NA (Narcotics Anonymous)" in names, country
        assert all(e.origin_label.startswith("Online, anywhere, as published by") for e in online)
        assert all(e.website and not e.phone for e in online)
        family = [e.name for e in resources.search(entries, "", ResourceCategory.FAMILY)]
        assert "Al-Anon Family Groups (phone and online meetings)" in family


def test_every_online_group_was_read_on_its_own_site() -> None:
    for group in online_groups():
        own = group.website.host or ""
        assert own.removeprefix("www.").split(".")[-2] in (group.checked_page.host or ""), group
        assert group.last_verified >= group.listed_on == date(2026, 12, 1)


def test_family_drug_support_is_listed_under_family_support() -> None:
    family = resources.search(
        resources.national_entries(Country.AU, TODAY), "", ResourceCategory.FAMILY
    )
    assert [e.name for e in family] == ["Family Drug Support"]


def test_a_national_finder_shows_for_its_country_only() -> None:
    def finders(country: Country) -> list[str]:
        return [e.name for e in resources.finder_entries(country)]

    assert finders(Country.CA) == ["Health Canada: get help with substance use"]
    assert finders(Country.UK) == []
    assert finders(Country.OTHER) == finders(Country.CA)
    (page,) = resources.finder_entries(Country.CA)
    assert page.category == "treatment" and not page.phone
    assert page.origin_label.endswith("read 1 December 2026")
    assert page.website.startswith("https://www.canada.ca/")
