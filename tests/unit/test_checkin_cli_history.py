"""`workbook checkin` can leave nothing in the shell's history (issue 16, item 6): it asks each
question itself, and `--note -` reads the note from standard input."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from workbook.cli import main
from workbook.models import Checkin, Pathway, ProfileCard, UseAnswer
from workbook.storage import DataRoot


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def cli(root: DataRoot, *args: str) -> int:
    try:
        return main(["--data-dir", str(root.path), *args])
    except SystemExit as exc:
        return int(exc.code or 0)


def stored(root: DataRoot) -> list[Checkin]:
    repo = root.open(root.find("Sam"), write=False)
    try:
        return repo.all(Checkin)
    finally:
        repo.close()


@pytest.fixture
def sam(make_profile: Callable[..., ProfileCard]) -> ProfileCard:
    return make_profile("Sam", pathway=Pathway.STOP)


def answering(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    asked: list[str] = []
    replies = iter(answers)

    def fake_input(prompt: str = "") -> str:
        asked.append(prompt)
        try:
            return next(replies)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("sys.stdin", FakeTerminal())
    monkeypatch.setattr("builtins.input", fake_input)
    return asked


def test_alone_in_a_terminal_it_asks_each_question(
    root: DataRoot, sam: ProfileCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answering(monkeypatch, "7", "4", "2", "maybe", "no", "A private walk")
    assert cli(root, "checkin") == 0
    [checkin] = stored(root)
    assert (checkin.mood, checkin.craving, checkin.used) == (4, 2, UseAnswer.NO)
    assert checkin.note == "A private walk"
    assert len(asked) == 6  # a wrong mood and a wrong use answer were asked again


def test_enter_leaves_the_optional_answers_out(
    root: DataRoot, sam: ProfileCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, "3", "0", "", "")
    assert cli(root, "checkin") == 0
    [checkin] = stored(root)
    assert (checkin.mood, checkin.craving, checkin.used, checkin.note) == (3, 0, None, "")


def test_stopping_part_way_saves_nothing(
    root: DataRoot,
    sam: ProfileCard,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answering(monkeypatch, "3")
    assert cli(root, "checkin") == 2
    assert "nothing was saved" in capsys.readouterr().err
    assert stored(root) == []


def test_note_dash_reads_standard_input(
    root: DataRoot, sam: ProfileCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Words kept\nout of history\n"))
    assert cli(root, "checkin", "--mood", "4", "--craving", "1", "--note", "-") == 0
    [checkin] = stored(root)
    assert checkin.note == "Words kept\nout of history"


def test_without_a_terminal_both_numbers_are_needed(
    root: DataRoot,
    sam: ProfileCard,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(root, "checkin") == 2
    assert "required: --mood and --craving" in capsys.readouterr().err
    assert stored(root) == []


def test_help_says_why(capsys: pytest.CaptureFixture[str], root: DataRoot) -> None:
    assert cli(root, "checkin", "--help") == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "history" in out and "--note -" in out
