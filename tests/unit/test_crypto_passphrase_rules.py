"""Weak passphrases (issue 16, item 9): the most common passwords and the person's own name are
refused, kindly and before anything changes; the strength is said in plain words."""

from __future__ import annotations

import pytest

from tests.unit.crypto_helpers import FAST, PASS, make_private
from workbook.cli import main
from workbook.errors import InvalidInput
from workbook.models import Profile
from workbook.storage import DataRoot, crypto
from workbook.storage.passphrase_rules import is_common, strength, uses_name
from workbook.storage.weak_passwords import COMMON


@pytest.mark.parametrize(
    "weak",
    [
        "password",
        "Password",
        "PASSWORD123!",
        "p@ssw0rd",
        "12345678",
        "qwertyuiop",
        "iloveyou2",
        "letmein!!",
    ],
)
def test_common_passwords_are_refused(weak: str) -> None:
    with pytest.raises(InvalidInput, match="most often"):
        crypto.check_new_passphrase(weak)


@pytest.mark.parametrize(
    "weak", ["Samantha", "samantha1", "SAMANTHA!!", "Jones2026", "samanthajones"]
)
def test_the_persons_own_name_is_refused(weak: str) -> None:
    with pytest.raises(InvalidInput, match="name"):
        crypto.check_new_passphrase(weak, "Samantha Jones")


@pytest.mark.parametrize(
    "fine", [PASS, "my sister's red bicycle", "Tr0ub4dor&3 horse", "samantha likes long walks"]
)
def test_good_passphrases_pass(fine: str) -> None:
    crypto.check_new_passphrase(fine, "Samantha Jones")
    assert not is_common(fine)


def test_the_list_is_small_and_lower_case() -> None:
    assert 100 <= len(COMMON) <= 1000
    assert all(word == word.lower() for word in COMMON)
    assert not uses_name("anything at all", None)


def test_strength_in_plain_words() -> None:
    assert "weak side" in strength("kettle99")
    assert "fairly strong" in strength("Kettle-on-Sunday-99!")
    assert strength("blue kettle on a sunday morning") == "This passphrase is strong."
    # Our own example of a good passphrase must not be called weak.
    assert "weak" not in strength(PASS)


def test_refused_everywhere_a_passphrase_is_set(root: DataRoot, make_profile) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        root.create_private(Profile(display_name="Jo"), "password1", kdf=FAST)
    assert root.cards() == []
    plain = make_profile("Ria")
    with pytest.raises(InvalidInput):
        root.add_passphrase(plain, "ria12345", kdf=FAST)
    assert not root.is_encrypted(plain)
    card, _ = make_private(root, "Quinn")
    before = crypto.keys_path(root.files(card).folder).read_bytes()
    with pytest.raises(InvalidInput):
        root.change_passphrase(card, root.unlock(card, PASS), "qwerty123")
    assert crypto.keys_path(root.files(card).folder).read_bytes() == before


def test_cli_refuses_and_says_how_strong(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("workbook.storage.crypto.DEFAULT_KDF", FAST)
    monkeypatch.setattr("workbook.storage.profiles.crypto.DEFAULT_KDF", FAST)
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "password")
    args = [
        "--data-dir",
        str(root.path),
        "profiles",
        "create",
        "Jo",
        "--passphrase",
        "--no-recovery-code",
    ]
    assert main(args) == 2
    assert "most often" in capsys.readouterr().err and root.cards() == []
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    assert main(args) == 0
    assert "strong" in capsys.readouterr().out
