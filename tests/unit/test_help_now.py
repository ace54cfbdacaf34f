"""``workbook help-now``: crisis lines printed for someone who can't open the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.models import Country, ProfileCard, Settings
from workbook.storage import DataRoot


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_one_country_emergency_talk_now_lines_and_overdose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "never-made"
    code, out = run(capsys, "--data-dir", str(folder), "help-now", "--country", "uk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "If you are in danger right now, call your emergency number: 999 or 112."
    assert lines[1] == "Talk to someone now: Samaritans, call 116 123."
    assert "  SHOUT: Text SHOUT to 85258" in lines
    assert "    (as published by Samaritans, read 1 December 2026)" in lines
    assert "  - Call 999 or 112 now." in lines
    assert any("naloxone" in line for line in lines)
    assert "988" not in out
    assert not folder.exists()  # only reads; makes nothing


def test_the_workbooks_country_is_used_without_asking(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    repo = root.open(make_profile("Sam"))
    repo.put(Settings(country=Country.AU))
    repo.close()
    code, out = run(capsys, "--data-dir", str(root.path), "help-now")
    assert code == 0
    assert out.splitlines()[1] == "Talk to someone now: Lifeline, call 13 11 14."
    assert "not re-checked since 27 November 2026" in out  # the AOD hotline's page was not read


def test_no_country_anywhere_lists_every_country_and_how_to_choose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out = run(capsys, "--data-dir", str(tmp_path / "none"), "help-now")
    assert code == 0
    assert "988 (the US, Canada), 116 123 (the UK), 13 11 14 (Australia)" in out
    assert "  Lifeline (Australia): Call 13 11 14" in out
    assert "workbook help-now --country US" in out


def test_an_unknown_country_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["help-now", "--country", "FR"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
