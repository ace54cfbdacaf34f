"""The entry point pauses the cycle collector for start-up only, and never leaves it off."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook import cli, start
from workbook.commands import profiles
from workbook.storage import DataRoot


@pytest.fixture(autouse=True)
def _collector_back_on() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.enable()


def test_start_up_is_paused_but_a_command_runs_with_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at_start: list[bool] = []
    in_command: list[bool] = []
    real_main, real_list = cli.main, profiles.list_profiles

    def main_spy(argv: list[str] | None = None) -> int:
        at_start.append(gc.isenabled())
        return real_main(argv)

    def list_spy(args: argparse.Namespace, root: DataRoot) -> int:
        in_command.append(gc.isenabled())
        return real_list(args, root)

    monkeypatch.setattr(cli, "main", main_spy)
    monkeypatch.setattr(profiles, "list_profiles", list_spy)
    assert start.main(["--data-dir", str(tmp_path / "data"), "profiles", "list"]) == 0
    assert at_start == [False]
    assert in_command == [True]
    assert gc.isenabled()
    assert "No workbooks yet" in capsys.readouterr().out


def test_the_collector_is_back_on_even_when_a_command_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        start.main(["--data-dir", str(tmp_path), "no-such-command"])
    assert gc.isenabled()
    assert "invalid choice" in capsys.readouterr().err


def test_settle_freezes_and_turns_the_collector_back_on() -> None:
    gc.set_threshold(700, 10, 10)  # Python's default
    gc.disable()
    start.settle()
    assert gc.isenabled()
    # Young objects are collected less often once the app is up (each screen makes ~30,000).
    assert gc.get_threshold() == (start.YOUNG_OBJECTS, 10, 10) and start.YOUNG_OBJECTS > 700
    frozen = gc.get_freeze_count()
    gc.set_threshold(800, 10, 10)
    start.settle()  # a second call changes nothing
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert gc.get_threshold() == (800, 10, 10)


def test_native_windows_is_told_plainly_not_given_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert start.main(["--version"], platform="win32") == 2
    err = capsys.readouterr().err
    assert "WSL" in err and "Traceback" not in err
    assert gc.isenabled()
