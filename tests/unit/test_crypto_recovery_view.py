"""The recovery code is never left on plain output by default (issue 16, item 4).

Shown on the terminal's alternate screen (cleared when closed, not kept in the scrollback), or
written to a new 0600 file the person names, or printed only with --print-recovery-code.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import FAST, PASS, make_private
from workbook.cli import main
from workbook.commands import recovery_view
from workbook.models import Profile
from workbook.storage import DataRoot, crypto


@pytest.fixture(autouse=True)
def _fast_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbook.storage.crypto.DEFAULT_KDF", FAST)
    monkeypatch.setattr("workbook.storage.profiles.crypto.DEFAULT_KDF", FAST)
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)


def cli(root: DataRoot, *args: str) -> int:
    return main(["--data-dir", str(root.path), *args])


def codes_in(text: str) -> list[str]:
    import re

    return re.findall(r"[A-Z2-9]{4}(?:-[A-Z2-9]{4}){5}", text)


def test_without_a_terminal_or_a_flag_nothing_is_made(
    root: DataRoot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "profiles", "create", "Jo", "--passphrase") == 2
    out, err = capsys.readouterr()
    assert "--recovery-code-file" in err and codes_in(out + err) == []
    assert root.cards() == []  # refused before anything was created


def test_code_goes_to_a_new_private_file(
    root: DataRoot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my-code.txt"
    assert (
        cli(root, "profiles", "create", "Jo", "--passphrase", "--recovery-code-file", str(target))
        == 0
    )
    out, err = capsys.readouterr()
    assert codes_in(out + err) == [] and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    [code] = codes_in(target.read_text())
    assert root.unlock(root.find("Jo"), code).by_recovery
    # An existing file is never overwritten, and nothing changes.
    before = target.read_bytes()
    assert (
        cli(
            root,
            "profiles",
            "passwd",
            "Jo",
            "--new-recovery-code",
            "--recovery-code-file",
            str(target),
        )
        == 2
    )
    assert target.read_bytes() == before
    assert root.unlock(root.find("Jo"), code).by_recovery


def test_on_a_terminal_the_code_is_shown_on_a_screen_that_is_cleared(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card, old = make_private(root, "Jo")
    monkeypatch.setattr(recovery_view, "_on_a_terminal", lambda: True)
    pressed: list[str] = []
    monkeypatch.setattr("builtins.input", lambda *a: pressed.append("enter") or "")
    assert cli(root, "profiles", "passwd", "Jo", "--new-recovery-code") == 0
    out = capsys.readouterr().out
    [code] = codes_in(out)
    start, end = out.index(recovery_view.ENTER_ALT), out.index(recovery_view.LEAVE_ALT)
    assert start < out.index(code) < end  # only ever on the alternate screen
    assert code not in out[end:] and pressed == ["enter"]
    assert root.unlock(card, code).by_recovery
    with pytest.raises(crypto.WrongPassphrase):
        root.unlock(card, old)


def test_print_flag_prints_it(root: DataRoot, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root, "profiles", "create", "Jo", "--passphrase", "--print-recovery-code") == 0
    [code] = codes_in(capsys.readouterr().out)
    assert root.unlock(root.find("Jo"), code).by_recovery


def test_passwd_without_a_recovery_code_needs_no_screen(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card, _ = root.create_private(Profile(display_name="Jo"), PASS, recovery=False, kdf=FAST)
    answers = iter([PASS, "a brand new phrase", "a brand new phrase"])
    monkeypatch.delenv("WORKBOOK_PASSPHRASE")
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert cli(root, "profiles", "passwd", "Jo") == 0
    assert not crypto.read_keys(root.files(card).folder).has_recovery
    root.unlock(card, "a brand new phrase")
