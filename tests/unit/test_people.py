"""My people: adding, changing and removing someone, kindly and exactly."""

from __future__ import annotations

import pytest

from tests.blns import naughty_strings
from workbook import people
from workbook.errors import InvalidInput
from workbook.models import Person, PersonRole
from workbook.storage import Repository


def test_add_change_and_remove_someone(repo: Repository) -> None:
    jo = people.add_person(
        repo,
        " Jo ",
        role="coach",
        contact="  07700 900123 ",
        good_times=" evenings ",
        ask="Listen first.\nThen help me get to a meeting.",
    )
    stored = repo.find(Person, jo.id)
    assert stored is not None
    assert (stored.name, stored.role, stored.contact, stored.good_times) == (
        "Jo",
        PersonRole.COACH,
        "07700 900123",
        "evenings",
    )
    assert stored.ask == "Listen first.\nThen help me get to a meeting."
    people.update_person(repo, jo.id, role="sponsor", contact="jo@example.org ")
    changed = repo.find(Person, jo.id)
    assert changed is not None
    assert changed.role is PersonRole.SPONSOR and changed.contact == "jo@example.org"
    assert people.reach_line(changed) == "Jo (sponsor): jo@example.org, evenings"
    assert people.remove_person(repo, jo.id)
    assert people.people(repo) == []
    assert not people.remove_person(repo, jo.id)


def test_every_role_can_be_chosen(repo: Repository) -> None:
    for role in PersonRole:
        people.add_person(repo, f"Someone {role.value}", role=role.value)
    assert [p.role for p in people.people(repo)] == list(PersonRole)


@pytest.mark.parametrize("name", ["", "  ", "\n"])
def test_an_empty_name_is_refused_kindly(repo: Repository, name: str) -> None:
    with pytest.raises(InvalidInput, match="Please give a name"):
        people.add_person(repo, name)
    assert people.people(repo) == []


def test_bad_values_are_refused_and_nothing_changes(repo: Repository) -> None:
    ana = people.add_person(repo, "Ana", role="family")
    with pytest.raises(InvalidInput, match="role is not one of the choices"):
        people.update_person(repo, ana.id, role="boss")
    with pytest.raises(InvalidInput, match="too long"):
        people.update_person(repo, ana.id, name="A" * 61)
    with pytest.raises(InvalidInput):
        people.update_person(repo, ana.id, id="someone-else")
    with pytest.raises(InvalidInput, match="no longer in your list"):
        people.update_person(repo, "gone", name="B")
    assert people.people(repo) == [ana]


def test_naughty_strings_are_stored_exactly_or_refused_kindly(repo: Repository) -> None:
    kept = 0
    for text in naughty_strings():
        try:
            person = people.add_person(repo, text[:60] or "x", ask=text, good_times=text[:200])
        except InvalidInput:
            continue
        stored = repo.find(Person, person.id)
        assert stored is not None
        assert stored.name == (text[:60] or "x").strip()
        assert stored.ask == text
        kept += 1
    assert kept > 400


def test_a_helper_from_the_plan_is_one_person_who_keeps_what_they_will_do(
    repo: Repository,
) -> None:
    from workbook import plan

    helper = plan.new_helper(repo, "Jo", "coffee on Thursdays")
    plan.set_answers(repo, helpers=[helper])
    (jo,) = people.people(repo)
    assert (jo.id, jo.ask) == (helper.person_id, "coffee on Thursdays")
    again = plan.new_helper(repo, "jo", "a lift to meetings")
    assert again.person_id == jo.id and len(people.people(repo)) == 1


def test_a_rename_in_my_people_follows_into_the_plan(repo: Repository) -> None:
    from workbook import plan

    other = people.add_person(repo, "Sam")
    plan.set_answers(
        repo, helpers=[plan.new_helper(repo, "Jo", "calls"), plan.new_helper(repo, "Sam")]
    )
    jo = next(p for p in people.people(repo) if p.name == "Jo")
    people.update_person(repo, jo.id, name="Joanna")
    stored = plan.load_plan(repo)
    assert [(h.name, h.person_id) for h in stored.helpers] == [("Joanna", jo.id), ("Sam", other.id)]
    assert "Joanna" in "\n".join(plan.section_lines(stored, "helpers"))
