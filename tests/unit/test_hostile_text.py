"""Hostile text through every stored model's text fields: kept exactly, or refused in words.

Each case takes a real document of one table (from a demo workbook), puts hostile text in one
of its text fields (top level or inside a list of items) and validates it. Either the model
takes it and it comes back exactly through the storage codec, or pydantic refuses it with a
plain message. Anything else (a crash, text changed on the way) fails. Showing the text
literally on screen is tested through the screens with the Big List of Naughty Strings.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from workbook.demo import build_demo
from workbook.models import StoredModel
from workbook.storage import DataRoot
from workbook.storage.codec import dump_json, load_json

HOSTILE = [
    "[bold red]not markup[/]",
    "[link=file:///etc/passwd]click[/link]",
    "\x1b[2J\x1b]0;a new title\x07 escape codes",
    "\x00\x01\x02\x7f\x9b control characters",
    "مرحبا بالعالم — right to left",
    "\u202eright-to-left override\u202c",
    "👩‍👩‍👧‍👦🏳️‍🌈" * 40,
    "x" * 100_000,
    "y" * (100 * 1024),
    "line one\nline two\r\nline three\ttab",
    "   ",
    "",
    "{}[]\"'\\",
    "Robert'); DROP TABLE goals;--",
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.text(st.characters(codec="utf-8"), min_size=5_000, max_size=6_000),
)

TextPath = tuple[str, str, int | None, str | None]  # table, field, item index, item field


def _text_paths(docs: dict[str, dict[str, Any]]) -> list[TextPath]:
    """Every place a person's text is stored: top-level strings, and strings in item lists."""
    found: list[TextPath] = []
    for table, doc in docs.items():
        for name, value in doc.items():
            if name == "id":
                continue
            if isinstance(value, str):
                found.append((table, name, None, None))
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                found += [(table, name, 0, k) for k, v in value[0].items() if isinstance(v, str)]
    return found


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One real document of every table, from a one-year demo workbook."""
    root = DataRoot(Path(tmp_path_factory.mktemp("hostile")) / "data")
    card = build_demo(root, years=1, seed=3, today=date(2026, 11, 27))
    repo = root.open(card, write=False)
    data = repo.export_data()
    repo.close()
    return {
        table: next(iter(docs.values()))
        for table, docs in data.items()
        if table in StoredModel.registry and docs
    }


def test_the_samples_cover_the_workbook(samples: dict[str, dict[str, Any]]) -> None:
    assert len(samples) >= 14, sorted(samples)
    assert len(_text_paths(samples)) >= 60


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(data=st.data())
def test_hostile_text_is_kept_exactly_or_refused_kindly(
    samples: dict[str, dict[str, Any]], data: st.DataObject
) -> None:
    table, name, index, item_field = data.draw(st.sampled_from(_text_paths(samples)))
    text = data.draw(hostile_text)
    doc = copy.deepcopy(samples[table])
    if index is None:
        doc[name] = text
    else:
        assert item_field is not None
        doc[name][index][item_field] = text
    model = StoredModel.registry[table]
    try:
        obj = model.model_validate(doc)
    except ValidationError as exc:
        for error in exc.errors():
            assert isinstance(error["msg"], str) and error["msg"].strip()
            assert "Traceback" not in error["msg"]
        return
    stored = load_json(dump_json({table: {"1": obj.model_dump(mode="json")}}))
    again = model.model_validate(stored[table]["1"])
    assert again == obj
    kept = (
        getattr(again, name) if index is None else getattr(getattr(again, name)[index], item_field)
    )  # type: ignore[arg-type]
    if isinstance(kept, str):
        assert kept == text or kept == text.strip(), "text must come back as typed"


def test_pasted_text_is_only_text() -> None:
    from workbook.text import pasted

    assert pasted("Rang\x07 Jo\x1b[2J\r\nthen\tslept\u202e") == "Rang Jo[2J then slept"
    assert pasted("\x00\x1b") == ""


def test_pasted_lines_keep_their_breaks_and_nothing_else() -> None:
    from workbook.text import pasted_lines

    assert pasted_lines("a\x07b\x1b[2J\r\nc\rd\u2028e\tf\x00g\n") == "ab[2J\nc\nd\ne fg\n"
    assert pasted_lines("\u202eevil\x85") == "evil\n"  # bidi override gone, NEL a break
    assert pasted_lines("\x00\x1b\x7f") == ""


def test_a_paste_keeps_what_fits() -> None:
    from workbook.text import fit_paste

    assert fit_paste("ab", "cdef", 2, 2, 4) == ("abcd", 4, 2)
    assert fit_paste("abXY", "cdef", 2, 4, 5) == ("abcde", 5, 1)  # the selection is replaced
    assert fit_paste("ab", "cdef", 1, 1, 0) == ("acdefb", 5, 0)  # no limit
    assert fit_paste("abcd", "e", 4, 4, 4) == ("abcd", 4, 1)
