"""Wrapping a person's text by terminal cells: between words, and inside a word too wide."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from workbook.text import wrap


def test_breaks_between_words() -> None:
    assert wrap("Open a bank account and get paid into it", 20) == [
        "Open a bank account",
        "and get paid into it",
    ]


def test_a_word_wider_than_a_line_is_broken_by_cells() -> None:
    assert wrap("毎日散歩する", 5) == ["毎日", "散歩", "する"]
    assert wrap("go " + "x" * 12, 5) == ["go", "xxxxx", "xxxxx", "xx"]


def test_max_lines_cuts_the_last_line_with_an_ellipsis() -> None:
    lines = wrap("one two three four five six seven", 9, max_lines=2)
    assert lines == ["one two", "three fo…"]
    assert wrap("fits", 9, max_lines=1) == ["fits"]


def test_empty_text_is_no_lines() -> None:
    assert wrap("", 10) == [] and wrap("   ", 10) == []


@given(st.text(max_size=80), st.integers(min_value=2, max_value=30))
def test_every_line_fits_and_no_word_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
