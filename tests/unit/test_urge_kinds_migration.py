"""Schema 12: an urge gains a kind of trigger; an old urge gets one only from an exact name."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook import urges
from workbook.models import ProfileCard, TriggerKind, Urge
from workbook.storage import DataRoot
from workbook.storage.migrations import MIGRATIONS, urge_trigger_kinds

V11 = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "v11.json"


def _v11() -> dict:  # type: ignore[type-arg]
    return json.loads(V11.read_text(encoding="utf-8"))


def test_step_11_is_the_trigger_kinds() -> None:
    assert MIGRATIONS[11] is urge_trigger_kinds


def test_old_urges_get_a_kind_only_when_their_words_are_a_kind_name() -> None:
    old = _v11()
    out = urge_trigger_kinds(old)
    kinds = {doc["trigger"]: doc.get("kind") for doc in out["urges"].values()}
    assert kinds == {
        "Money.": "money",
        " BORED ": "bored",
        "Walked past the pub, bored": None,  # a sentence: never guessed from
        "": None,
    }
    # the words themselves are untouched, and nothing but "kind" was added
    for doc_id, doc in old["urges"].items():
        assert {k: v for k, v in out["urges"][doc_id].items() if k != "kind"} == doc


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("a person", "person"),
        ("Place", "place"),
        ("tired or hungry", "tired or hungry"),
        ("Celebrating!", "celebration"),
        ("money money", None),
        ("my mum", None),
        ("moneyy", None),
    ],
)
def test_exact_names_only(words: str, kind: str | None) -> None:
    data = {"urges": {"1": {"trigger": words}}}
    assert urge_trigger_kinds(data)["urges"]["1"].get("kind") == kind


def test_a_kind_already_there_is_kept() -> None:
    data = {"urges": {"1": {"trigger": "money", "kind": "place"}}}
    assert urge_trigger_kinds(data)["urges"]["1"]["kind"] == "place"


def test_every_kind_the_step_names_is_a_kind_the_model_knows() -> None:
    from workbook.storage.migrations import _KIND_NAMES

    assert set(_KIND_NAMES) == {k.value for k in TriggerKind}


def test_a_schema_11_workbook_opens_with_its_urges_counted_by_kind(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Robin")
    shutil.copyfile(V11, root.files(card).workbook)
    repo = root.open(card)
    try:
        stored = {u.trigger: u.kind for u in repo.all(Urge)}
        assert stored["Money."] is TriggerKind.MONEY
        assert stored["Walked past the pub, bored"] is None
        assert len(urges.all_urges(repo)) == 4
    finally:
        repo.close()
