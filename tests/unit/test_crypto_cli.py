"""The CLI with passphrases, the group config, and permissions checked on every open."""

from __future__ import annotations

import os

import pytest

from tests.blns import naughty_strings
from tests.unit.crypto_helpers import FAST, PASS, make_private
from workbook.cli import main
from workbook.errors import InvalidInput, UnsafePermissions, WorkbookError
from workbook.models import Profile
from workbook.storage import DataRoot, crypto
from workbook.storage.config import load_config


def cli(root: DataRoot, *args: str) -> int:
    return main(["--data-dir", str(root.path), *args])


def test_create_with_passphrase_prompts_twice_without_echo(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return PASS

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert cli(root, "profiles", "create", "Jo", "--passphrase", "--print-recovery-code") == 0
    out = capsys.readouterr().out
    assert len(asked) == 2 and PASS not in out
    assert "recovery code" in out and "shown only this once" in out
    card = root.find("Jo")
    assert card.encrypted
    assert cli(root, "profiles", "list") == 0
    assert "Jo (passphrase)" in capsys.readouterr().out


def test_create_refuses_different_passphrases(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter([PASS, PASS + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert cli(root, "profiles", "create", "Jo", "--passphrase", "--print-recovery-code") == 2
    assert "not the same" in capsys.readouterr().err
    assert root.cards() == []


def test_env_passphrase_opens_doctor_and_wrong_one_is_plain(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_private(root, "Jo")
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    assert cli(root, "doctor", "--profile", "Jo") == 0
    assert cli(root, "backup", "--profile", "Jo") == 0
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "wrong wrong")
    assert cli(root, "doctor", "--profile", "Jo") == 2
    err = capsys.readouterr().err
    assert "did not open" in err and "Traceback" not in err and PASS not in err


def test_passwd_changes_then_removes(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card, _ = make_private(root, "Jo")
    answers = iter([PASS, "a brand new phrase", "a brand new phrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert cli(root, "profiles", "passwd", "Jo", "--print-recovery-code") == 0
    root.unlock(card, "a brand new phrase")
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "a brand new phrase")
    replies = iter(["yes", "no"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(replies))
    assert cli(root, "profiles", "passwd", "Jo", "--remove") == 0
    assert root.is_encrypted(card)  # asked twice; the second answer was no
    replies = iter(["yes", "yes"])
    assert cli(root, "profiles", "passwd", "Jo", "--remove") == 0
    assert not root.is_encrypted(card)


def test_delete_needs_the_name_and_passphrase(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card, _ = make_private(root, "Jo")
    monkeypatch.setattr("builtins.input", lambda prompt: "jo")
    assert cli(root, "profiles", "delete", "Jo") == 0
    assert root.files(card).folder.exists()  # the name must match exactly
    monkeypatch.setattr("builtins.input", lambda prompt: "Jo")
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "wrong wrong")
    assert cli(root, "profiles", "delete", "Jo") == 2
    assert root.files(card).folder.exists()
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    assert cli(root, "profiles", "delete", "Jo", "--keep-backup") == 0
    assert not root.files(card).folder.exists()
    assert any((root.path / "kept").iterdir())


def test_require_passphrase_config(root: DataRoot) -> None:
    root.prepare()
    (root.path / "config.toml").write_text("require_passphrase = true\nshared = true\n")
    config = load_config(root.path)
    assert config.require_passphrase and config.shared and config.default_idle_minutes == 5
    with pytest.raises(InvalidInput, match="needs a passphrase"):
        root.create(Profile(display_name="Jo"))
    make_private(root, "Jo")


def test_config_errors_are_plain(root: DataRoot) -> None:
    root.prepare()
    path = root.path / "config.toml"
    path.write_text("require_passphrase = maybe\n")
    with pytest.raises(InvalidInput, match="not valid TOML"):
        load_config(root.path)
    path.write_text("colour = 'red'\n")
    with pytest.raises(InvalidInput, match="may hold only"):
        load_config(root.path)
    path.write_text("shared = false\n")
    path.chmod(0o644)
    assert load_config(root.path).default_idle_minutes == 15
    assert path.stat().st_mode & 0o777 == 0o600  # ours with looser bits: repaired


def test_permissions_repaired_on_every_open(root: DataRoot) -> None:
    card, _ = make_private(root, "Jo")
    files = root.files(card)
    for path in (files.workbook, crypto.keys_path(files.folder)):
        path.chmod(0o644)
    files.folder.chmod(0o755)
    repo = root.open(card, write=False, codec=root.unlock(card, PASS))
    repo.close()
    assert files.workbook.stat().st_mode & 0o777 == 0o600
    assert crypto.keys_path(files.folder).stat().st_mode & 0o777 == 0o600
    assert files.folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_file_owned_by_someone_else_is_refused(root: DataRoot) -> None:
    card, _ = make_private(root, "Jo")
    files = root.files(card)
    os.chown(files.workbook, 65534, 65534)
    with pytest.raises(UnsafePermissions, match="belongs to another user"):
        root.open(card, codec=root.unlock(card, PASS))
    assert files.workbook.exists()  # refused, not quarantined


def test_naughty_passphrases_round_trip() -> None:
    tried = 0
    for text in naughty_strings():
        if len(text) < crypto.MIN_PASSPHRASE:
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            with pytest.raises(WorkbookError):
                crypto.check_new_passphrase(text)
            continue
        made = crypto.new_keys(text, recovery=False, kdf=FAST)
        codec = crypto.try_secret(made.keys, text)
        assert codec is not None and codec.data_key == made.codec.data_key
        assert crypto.try_secret(made.keys, text + "x") is None
        tried += 1
    assert tried > 50
