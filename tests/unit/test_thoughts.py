"""The thought tool: saved as written, never an empty go, helped-before newest first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.blns import naughty_strings
from workbook import clock, thoughts
from workbook.errors import InvalidInput
from workbook.models import ThoughtCheck
from workbook.storage import Repository


def test_a_go_is_stored_as_it_is_written_and_never_when_empty(repo: Repository) -> None:
    check = thoughts.save(repo, ThoughtCheck(), caught="")
    assert repo.all(ThoughtCheck) == []
    check = thoughts.save(repo, check, caught="One won't hurt.")
    check = thoughts.save(repo, check, checked="One has never been one.")
    (stored,) = repo.all(ThoughtCheck)
    assert (stored.id, stored.caught, stored.checked, stored.changed) == (
        check.id,
        "One won't hurt.",
        "One has never been one.",
        "",
    )
    thoughts.save(repo, check, caught="", checked="")  # emptied again: kept (it was written)
    assert len(repo.all(ThoughtCheck)) == 1


def test_too_long_is_refused_kindly_and_nothing_changes(repo: Repository) -> None:
    check = thoughts.save(repo, ThoughtCheck(), changed="A bath and a call to Sam.")
    with pytest.raises(InvalidInput, match="5,000"):
        thoughts.save(repo, check, changed="x" * 5001)
    assert repo.all(ThoughtCheck)[0].changed == "A bath and a call to Sam."


def test_naughty_strings_are_stored_exactly(repo: Repository) -> None:
    check = ThoughtCheck()
    with repo.transaction():
        for text in naughty_strings():
            check = thoughts.save(repo, check, caught=text)
            if text.strip() or repo.find(ThoughtCheck, check.id):
                stored = repo.find(ThoughtCheck, check.id)
                assert stored is not None and stored.caught == text


def test_helped_before_is_the_newest_changed_thoughts(repo: Repository) -> None:
    start = clock.now()
    for n in range(5):
        with clock.pinned(start + timedelta(minutes=n)):
            thoughts.save(repo, ThoughtCheck(), changed=f"thought {n}", caught="x")
    thoughts.save(repo, ThoughtCheck(), caught="only caught")
    assert thoughts.helped_before(repo) == ["thought 4", "thought 3", "thought 2"]


def test_every_step_has_words_and_an_example() -> None:
    assert [s.field for s in thoughts.STEPS] == ["caught", "checked", "changed"]
    assert all(s.ask and s.example.startswith("e.g.") for s in thoughts.STEPS)
    assert "cognitive behavioural therapy" in thoughts.CREDIT


def test_the_demo_has_a_few_thought_checks_with_all_three_answers(tmp_path: Path) -> None:
    from workbook.demo import build_demo
    from workbook.storage import DataRoot

    root = DataRoot(tmp_path / "demo")
    card = build_demo(root, years=1, seed=7, today=date(2026, 11, 27))
    repo = root.open(card, write=False)
    try:
        found = repo.all(ThoughtCheck)
        assert len(found) == 3
        assert all(c.caught and c.checked and c.changed for c in found)
        assert len(thoughts.helped_before(repo)) == 3
    finally:
        repo.close()
