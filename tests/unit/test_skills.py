"""Daily-life skills: the catalogue, levels and history, ticks, practice, own skills, goals."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from pydantic import ValidationError

from tests.blns import naughty_strings
from workbook import skills
from workbook.errors import InvalidInput
from workbook.models import (
    LONG_TEXT_MAX,
    Goal,
    GoalStatus,
    LifeArea,
    OwnSkill,
    SkillLevel,
    SkillProgress,
)
from workbook.storage import Repository

DAY1 = date(2026, 11, 20)
DAY2 = date(2026, 11, 24)
DAY3 = date(2026, 11, 27)
BANK = "open-a-bank-account"
ALARM = "wake-up-with-an-alarm"


# --- The catalogue ---------------------------------------------------------------------------


def test_catalogue_loads_with_at_least_twenty_skills_in_seven_groups() -> None:
    cat = skills.catalogue()
    assert len(cat.skill) >= 20
    assert [g.title for g in cat.group] == [
        "Money",
        "Time",
        "Home",
        "Health",
        "Work and learning",
        "Paperwork and contact",
        "Family and the people around you",
    ]
    for group in cat.group:
        assert sum(s.group == group.id for s in cat.skill) >= 3, group.id


def test_every_skill_has_why_need_steps_snags_and_two_or_three_ideas() -> None:
    for s in skills.catalogue().skill:
        assert s.why.strip() and len(s.why) <= 400, s.id
        assert s.need and all(n.strip() for n in s.need), s.id
        assert len(s.steps) >= 3, s.id
        assert s.snag and all(x.snag.strip() and x.what_to_do.strip() for x in s.snag), s.id
        assert 2 <= len(s.practise) <= 3, s.id


def test_skill_ids_are_unique_and_stable_slugs() -> None:
    ids = [s.id for s in skills.catalogue().skill]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", i) for i in ids)


def test_catalogue_words_follow_the_content_guide() -> None:
    """No stigmatising words; nothing phrased as an order about a person's worth."""
    text = json.dumps(skills.catalogue().model_dump()).casefold()
    for word in ("addict", "failure", "relapsed", "junkie", "alcoholic", "clean time"):
        assert word not in text, word


def _raw() -> dict[str, object]:
    from workbook.content import read_toml

    return read_toml("skills.toml")


def test_catalogue_refuses_duplicate_ids() -> None:
    raw = _raw()
    items = list(raw["skill"])  # type: ignore[call-overload]
    raw["skill"] = [*items, items[0]]
    with pytest.raises(ValidationError, match="used twice"):
        skills.Catalogue.model_validate(raw)


def test_catalogue_refuses_a_skill_without_ideas_or_steps() -> None:
    for field, value in (("practise", []), ("steps", ["one"]), ("why", "")):
        raw = _raw()
        items = [dict(s) for s in raw["skill"]]  # type: ignore[attr-defined]
        items[0][field] = value
        raw["skill"] = items
        with pytest.raises(ValidationError):
            skills.Catalogue.model_validate(raw)


def test_catalogue_refuses_fewer_than_twenty_and_unknown_groups() -> None:
    raw = _raw()
    raw["skill"] = list(raw["skill"])[:19]  # type: ignore[call-overload]
    with pytest.raises(ValidationError):
        skills.Catalogue.model_validate(raw)
    raw = _raw()
    items = [dict(s) for s in raw["skill"]]  # type: ignore[attr-defined]
    items[0]["group"] = "nowhere"
    raw["skill"] = items
    with pytest.raises(ValidationError, match="unknown group"):
        skills.Catalogue.model_validate(raw)


def test_the_titles_home_reads_are_the_catalogues_in_every_locale() -> None:
    """Home's card reads each skill's id and title from its first lines, not the whole file."""
    from workbook.content import content_root

    locales = [d.name for d in content_root().iterdir() if d.joinpath("skills.toml").is_file()]
    assert locales
    for locale in locales:
        titles = skills.catalogue_titles(locale)
        whole = skills.catalogue(locale).skill
        assert list(titles.items()) == [(s.id, s.title) for s in whole], locale
        # Every skill is found by its first lines (so the whole file is not read for Home).
        text = (content_root() / locale / "skills.toml").read_text(encoding="utf-8")
        assert len(skills.SKILL_HEAD.findall(text)) == len(whole), locale


def test_a_skill_laid_out_otherwise_is_read_from_the_whole_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workbook.content import read_text

    text = read_text("skills.toml")
    # The same skill with its title before its group: still TOML, no longer the usual lines.
    moved = re.sub(r'^(group = "[a-z]+")\n(title = "[^"]+")$', r"\2\n\1", text, count=1, flags=re.M)
    assert moved != text
    monkeypatch.setattr(skills, "read_text", lambda name, locale: moved)
    skills.catalogue_titles.cache_clear()
    try:
        titles = skills.catalogue_titles()
    finally:
        skills.catalogue_titles.cache_clear()
    assert list(titles.items()) == [(s.id, s.title) for s in skills.catalogue().skill]


# --- Levels and their history ----------------------------------------------------------------


def test_every_skill_starts_at_not_yet(repo: Repository) -> None:
    counts = skills.level_counts(repo)
    assert counts[SkillLevel.NOT_YET] == len(skills.catalogue().skill)
    assert sum(counts.values()) == counts[SkillLevel.NOT_YET]
    assert skills.recent_changes(repo) == []
    assert repo.count(SkillProgress) == 0


def test_set_level_records_history_and_ignores_repeats(repo: Repository) -> None:
    skills.set_level(repo, BANK, SkillLevel.LEARNING, DAY1)
    skills.set_level(repo, BANK, SkillLevel.LEARNING, DAY2)  # no change, no history
    skills.set_level(repo, BANK, SkillLevel.CONFIDENT, DAY3)
    stored = repo.find(SkillProgress, BANK)
    assert stored is not None
    assert stored.level == SkillLevel.CONFIDENT
    assert [(c.day, c.from_level, c.to_level) for c in stored.history] == [
        (DAY1, SkillLevel.NOT_YET, SkillLevel.LEARNING),
        (DAY3, SkillLevel.LEARNING, SkillLevel.CONFIDENT),
    ]


def test_level_can_go_back_down_and_that_is_recorded_too(repo: Repository) -> None:
    skills.set_level(repo, ALARM, SkillLevel.PRACTISING, DAY1)
    skills.set_level(repo, ALARM, SkillLevel.LEARNING, DAY2)
    history = skills.progress(repo, ALARM).history
    assert history[-1].from_level == SkillLevel.PRACTISING
    assert history[-1].to_level == SkillLevel.LEARNING


def test_summary_counts_and_recent_changes_newest_first(repo: Repository) -> None:
    skills.set_level(repo, BANK, SkillLevel.LEARNING, DAY1)
    skills.set_level(repo, ALARM, SkillLevel.CONFIDENT, DAY2)
    skills.set_level(repo, BANK, SkillLevel.PRACTISING, DAY3)
    counts = skills.level_counts(repo)
    total = len(skills.catalogue().skill)
    assert counts == {
        SkillLevel.NOT_YET: total - 2,
        SkillLevel.LEARNING: 0,
        SkillLevel.PRACTISING: 1,
        SkillLevel.CONFIDENT: 1,
    }
    recent = skills.recent_changes(repo)
    assert [(r.skill_id, r.change.to_level) for r in recent] == [
        (BANK, SkillLevel.PRACTISING),
        (ALARM, SkillLevel.CONFIDENT),
        (BANK, SkillLevel.LEARNING),
    ]
    assert recent[0].title == "Open a bank account"
    assert len(skills.recent_changes(repo, limit=1)) == 1


def test_unknown_skill_is_refused_kindly(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="not in this workbook"):
        skills.set_level(repo, "no-such-skill", SkillLevel.LEARNING, DAY1)


# --- Ticks and practice ----------------------------------------------------------------------


def test_ticks_are_saved_with_their_day_and_can_be_undone(repo: Repository) -> None:
    skill = skills.get_skill(repo, BANK)
    first, second = skill.steps[0].key, skill.steps[1].key
    skills.tick_step(repo, BANK, first, True, DAY1)
    skills.tick_step(repo, BANK, second, True, DAY2)
    skills.tick_step(repo, BANK, first, True, DAY3)  # ticking again keeps the first day
    skills.tick_step(repo, BANK, second, False, DAY3)
    stored = repo.find(SkillProgress, BANK)
    assert stored is not None and stored.ticked == {first: DAY1}
    assert skills.ticked_keys(skill, stored) == {first}


def test_a_changed_step_loses_its_old_tick(repo: Repository) -> None:
    skill = skills.get_skill(repo, BANK)
    record = SkillProgress(id=BANK, ticked={skills.step_key("old wording"): DAY1})
    assert skills.ticked_keys(skill, record) == set()


def test_ticking_a_step_that_is_not_there_is_refused(repo: Repository) -> None:
    with pytest.raises(InvalidInput):
        skills.tick_step(repo, BANK, "nope", True, DAY1)


def test_practice_notes_are_kept_in_order_and_removable(repo: Repository) -> None:
    a = skills.add_practice(repo, ALARM, "Up at 7 on Monday.", DAY1)
    b = skills.add_practice(repo, ALARM, "  Alarm across the room worked!\n", DAY2)
    stored = skills.progress(repo, ALARM)
    assert [(e.day, e.note) for e in stored.practice] == [
        (DAY1, "Up at 7 on Monday."),
        (DAY2, "  Alarm across the room worked!\n"),
    ]
    assert skills.remove_practice(repo, ALARM, a.id)
    assert not skills.remove_practice(repo, ALARM, a.id)
    assert [e.id for e in skills.progress(repo, ALARM).practice] == [b.id]


@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_blank_practice_note_is_refused_kindly(repo: Repository, note: str) -> None:
    with pytest.raises(InvalidInput, match="Write a few words"):
        skills.add_practice(repo, ALARM, note, DAY1)
    assert repo.count(SkillProgress) == 0


def test_practice_note_limit_is_the_long_text_limit(repo: Repository) -> None:
    skills.add_practice(repo, ALARM, "x" * LONG_TEXT_MAX, DAY1)
    with pytest.raises(InvalidInput, match="a little shorter"):
        skills.add_practice(repo, ALARM, "x" * (LONG_TEXT_MAX + 1), DAY1)
    assert len(skills.progress(repo, ALARM).practice) == 1


def test_every_naughty_string_as_a_practice_note(repo: Repository) -> None:
    kept: list[str] = []
    with repo.transaction():
        for text in naughty_strings():
            try:
                skills.add_practice(repo, ALARM, text, DAY1)
            except InvalidInput:
                assert not text.strip() or _unsavable(text) or len(text) > LONG_TEXT_MAX
                continue
            kept.append(text)
    assert [e.note for e in skills.progress(repo, ALARM).practice] == kept
    assert len(kept) > 400


def _unsavable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# --- Own skills ------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_own_skill_with_empty_title_is_refused_kindly(repo: Repository, title: str) -> None:
    with pytest.raises(InvalidInput, match="Give your skill a name"):
        skills.add_own_skill(repo, title, ["a step"])
    assert repo.count(OwnSkill) == 0


def test_own_skill_is_stored_with_its_steps_and_listed_last(repo: Repository) -> None:
    own = skills.add_own_skill(repo, "Iron a shirt", ["Heat the iron", "", "  ", "Iron it"])
    stored = repo.find(OwnSkill, own.id)
    assert stored is not None
    assert stored.title == "Iron a shirt"
    assert [s.text for s in stored.steps] == ["Heat the iron", "Iron it"]
    assert own.id.startswith("own-")
    title, items = skills.groups(repo)[-1]
    assert title == "My own skills" and [s.id for s in items] == [own.id]
    assert skills.level_counts(repo)[SkillLevel.NOT_YET] == len(skills.catalogue().skill) + 1


def test_own_skill_progress_works_like_any_other(repo: Repository) -> None:
    own = skills.add_own_skill(repo, "Read a payslip", ["Find the total", "Check the hours"])
    skill = skills.get_skill(repo, own.id)
    skills.tick_step(repo, own.id, skill.steps[1].key, True, DAY1)
    skills.set_level(repo, own.id, SkillLevel.LEARNING, DAY1)
    skills.add_practice(repo, own.id, "Read this month's.", DAY2)
    stored = skills.progress(repo, own.id)
    assert stored.level == SkillLevel.LEARNING
    assert stored.ticked == {own.steps[1].id: DAY1}
    assert stored.practice[0].note == "Read this month's."


def test_duplicate_names_are_allowed_but_marked(repo: Repository) -> None:
    a = skills.add_own_skill(repo, "Iron a shirt", [])
    b = skills.add_own_skill(repo, "iron a  SHIRT", [])
    c = skills.add_own_skill(repo, "Open a bank account", [])  # same as a catalogue skill
    d = skills.add_own_skill(repo, "Sew a button", [])
    assert repo.count(OwnSkill) == 4
    assert skills.duplicate_ids(repo) == {a.id, b.id, c.id}
    assert d.id not in skills.duplicate_ids(repo)


def test_editing_an_own_skill_keeps_ticks_of_unchanged_steps(repo: Repository) -> None:
    own = skills.add_own_skill(repo, "Iron a shirt", ["Heat the iron", "Iron it"])
    skills.tick_step(repo, own.id, own.steps[0].id, True, DAY1)
    updated = skills.update_own_skill(repo, own.id, "Iron shirts", ["Heat the iron", "Hang it"])
    assert updated.steps[0].id == own.steps[0].id
    assert updated.steps[1].id != own.steps[1].id
    skill = skills.get_skill(repo, own.id)
    assert skills.ticked_keys(skill, skills.progress(repo, own.id)) == {own.steps[0].id}
    with pytest.raises(InvalidInput):
        skills.update_own_skill(repo, own.id, " ", [])


def test_removing_an_own_skill_removes_its_progress(repo: Repository) -> None:
    own = skills.add_own_skill(repo, "Iron a shirt", ["Heat the iron"])
    skills.set_level(repo, own.id, SkillLevel.LEARNING, DAY1)
    skills.remove_own_skill(repo, own.id)
    assert repo.find(OwnSkill, own.id) is None
    assert repo.find(SkillProgress, own.id) is None
    assert skills.recent_changes(repo) == []


def test_every_naughty_string_as_own_skill_title_and_step(repo: Repository) -> None:
    kept: list[tuple[str, str]] = []
    with repo.transaction():
        for text in naughty_strings():
            try:
                own = skills.add_own_skill(repo, text, [text])
            except InvalidInput:
                assert not text.strip() or len(text.strip()) > 200 or _unsavable(text)
                continue
            kept.append((own.id, text))
    assert len(kept) > 400
    for ident, text in kept:
        stored = repo.find(OwnSkill, ident)
        assert stored is not None
        assert stored.title == text.strip()
        assert [s.text for s in stored.steps] == [text.strip()]


# --- Make a goal -----------------------------------------------------------------------------


def test_make_goal_creates_a_linked_skills_goal_with_the_steps(repo: Repository) -> None:
    skill = skills.get_skill(repo, BANK)
    skills.tick_step(repo, BANK, skill.steps[0].key, True, DAY1)
    goal = skills.make_goal(repo, BANK, DAY3)
    stored = repo.find(Goal, goal.id)
    assert stored is not None
    assert stored.title == "Open a bank account"
    assert stored.area == LifeArea.SKILLS
    assert stored.status == GoalStatus.ACTIVE
    assert stored.source is not None
    assert (stored.source.kind, stored.source.ref, stored.source.label) == (
        "skill",
        BANK,
        "Open a bank account",
    )
    assert [s.text for s in stored.steps] == [s.text for s in skill.steps]
    assert [s.done_on for s in stored.steps][:2] == [DAY1, None]
    assert skills.goal_for(repo, BANK) == stored


def test_goal_for_ignores_goals_that_are_done_or_let_go(repo: Repository) -> None:
    goal = skills.make_goal(repo, ALARM, DAY1)
    repo.save(goal.model_copy(update={"status": GoalStatus.LET_GO}))
    assert skills.goal_for(repo, ALARM) is None


def test_make_goal_from_an_own_skill(repo: Repository) -> None:
    own = skills.add_own_skill(repo, "Iron a shirt", ["Heat the iron"], why="Job interview")
    goal = skills.make_goal(repo, own.id, DAY1)
    assert goal.title == "Iron a shirt"
    assert goal.why == "Job interview"
    assert [s.text for s in goal.steps] == ["Heat the iron"]
    assert goal.source is not None and goal.source.ref == own.id


NEW_IN_ISSUE_19 = {
    "keep-your-id-safe": "paperwork",
    "apply-for-benefits": "money",
    "make-a-housing-application": "home",
    "keep-a-phone-working": "paperwork",
    "get-around": "time",
    "say-no-to-an-offer": "people",
    "fill-free-time": "time",
    "keep-legal-appointments": "paperwork",
    "find-treatment-that-fits": "health",
    "talk-with-family-about-your-plan": "people",
    "support-someone-in-recovery": "people",
}


def test_the_whole_of_life_skills_are_in_the_catalogue() -> None:
    found = {s.id: s.group for s in skills.catalogue().skill}
    assert {i: found.get(i) for i in NEW_IN_ISSUE_19} == NEW_IN_ISSUE_19
    assert len(found) == 38  # 27 before issue 19, plus the eleven above


def test_saying_no_has_practice_lines_and_legal_covers_court_probation_fines() -> None:
    by_id = {s.id: s for s in skills.catalogue().skill}
    say_no = " ".join(by_id["say-no-to-an-offer"].practise)
    assert '"No thanks, I\'m good."' in say_no
    legal = json.dumps(by_id["keep-legal-appointments"].model_dump()).casefold()
    assert all(word in legal for word in ("court", "probation", "parole", "fine"))


def test_money_guides_think_of_no_account_debt_and_someone_controlling_money() -> None:
    by_id = {s.id: s for s in skills.catalogue().skill}

    def snags(skill_id: str) -> str:
        return " ".join(x.snag for x in by_id[skill_id].snag).casefold()

    assert "don't have a bank account" in snags("apply-for-benefits")
    assert "owe money" in snags("apply-for-benefits")
    assert "controls my money" in snags("apply-for-benefits")
    assert "owe this bank money" in snags("open-a-bank-account")
    assert "run my account" in snags("use-a-bank-card-safely")


def test_a_goal_from_the_legal_guide_lands_in_the_legal_life_area(repo: Repository) -> None:
    goal = skills.make_goal(repo, "keep-legal-appointments", DAY3)
    assert goal.area == LifeArea.LEGAL
    assert skills.make_goal(repo, "get-around", DAY3).area == LifeArea.SKILLS


def test_family_guides_speak_to_the_person_and_to_a_family_member() -> None:
    by_id = {s.id: s for s in skills.catalogue().skill}
    person = json.dumps(by_id["talk-with-family-about-your-plan"].model_dump()).casefold()
    assert "boundary" in person and "codependency" in person
    family = by_id["support-someone-in-recovery"]
    assert family.title.startswith("For a family member")
    words = json.dumps(family.model_dump()).casefold()
    assert "boundaries" in words and "look after yourself" in words and "naloxone" in words


def test_the_detox_guide_says_what_to_bring_and_keeps_the_withdrawal_warning() -> None:
    detox = {s.id: s for s in skills.catalogue().skill}["ask-for-a-detox"]
    assert any(n.startswith("For a stay: your medicines") for n in detox.need)
    assert "seizures" in detox.why
