""" "Only initials" is private for a protected workbook (issue 16, item 5): only the initials are
stored in the clear, the full name lives inside the encrypted workbook, and changing the setting
needs the passphrase."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import FAST, PASS, make_private
from workbook.cli import main
from workbook.models import Profile, ProfileCard
from workbook.profile import set_show_initials
from workbook.storage import DataRoot
from workbook.storage.crypto import NeedsPassphrase

FULL = "Samantha Quillfeather"


def stored_card(root: DataRoot, card: ProfileCard) -> dict[str, object]:
    return json.loads((root.profiles_dir / card.id / "profile.json").read_bytes())  # type: ignore[no-any-return]


def assert_name_nowhere_in_clear(root: DataRoot) -> None:
    files = [p for p in root.path.rglob("*") if p.is_file()]
    assert files
    for path in files:
        raw = path.read_bytes()
        for part in ("Samantha", "Quillfeather"):
            assert part.encode() not in raw, path


def name_inside(root: DataRoot, card: ProfileCard) -> str:
    repo = root.open(card, write=False, codec=root.unlock(card, PASS))
    try:
        profile = repo.get(Profile)
    finally:
        repo.close()
    assert profile is not None
    return profile.display_name


def test_protected_initials_only_keeps_only_initials_in_the_clear(root: DataRoot) -> None:
    card, _ = make_private(root, FULL)
    assert b"Quillfeather" in (root.profiles_dir / card.id / "profile.json").read_bytes()
    card = root.set_initials_only(card, True, codec=root.unlock(card, PASS))
    assert stored_card(root, card)["display_name"] == "S.Q."
    assert_name_nowhere_in_clear(root)
    [listed] = root.cards()
    assert listed.label == "S.Q." and listed.show_initials
    assert name_inside(root, listed) == FULL


def test_changing_it_needs_the_passphrase(root: DataRoot) -> None:
    card, _ = make_private(root, FULL)
    card = root.set_initials_only(card, True, codec=root.unlock(card, PASS))
    before = stored_card(root, card)
    listed = root.cards()[0]
    with pytest.raises(NeedsPassphrase):
        root.set_initials_only(listed, False)  # someone else at the picker
    assert stored_card(root, card) == before
    shown = root.set_initials_only(listed, False, codec=root.unlock(listed, PASS))
    assert shown.display_name == FULL and stored_card(root, card)["display_name"] == FULL
    with pytest.raises(NeedsPassphrase):
        root.set_initials_only(root.cards()[0], True)


def test_from_inside_the_open_workbook(root: DataRoot) -> None:
    card, _ = make_private(root, FULL)
    repo = root.open(card, codec=root.unlock(card, PASS))
    try:
        card = set_show_initials(root, card, True, repo)
        assert stored_card(root, card)["display_name"] == "S.Q."
        card = set_show_initials(root, root.cards()[0], False, repo)
    finally:
        repo.close()
    assert card.display_name == FULL and stored_card(root, card)["display_name"] == FULL


def test_rename_and_passphrase_changes_keep_it_private(root: DataRoot) -> None:
    card, _ = make_private(root, FULL)
    card = root.set_initials_only(card, True, codec=root.unlock(card, PASS))
    card = root.rename(root.cards()[0], "Samantha Quillfeather-Row", root.unlock(card, PASS))
    assert_name_nowhere_in_clear(root)
    assert stored_card(root, card)["display_name"] == "S.Q."
    root.change_passphrase(card, root.unlock(card, PASS), "another long phrase")
    assert_name_nowhere_in_clear(root)
    card = root.remove_passphrase(root.cards()[0], root.unlock(card, "another long phrase"))
    assert card.display_name == "Samantha Quillfeather-Row"  # back from inside, not lost
    assert stored_card(root, card)["display_name"] == "Samantha Quillfeather-Row"


def test_adding_a_passphrase_to_an_initials_only_workbook(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = root.set_initials_only(make_profile(FULL), True)  # plain: a display choice only
    assert stored_card(root, card)["display_name"] == FULL
    card, _ = root.add_passphrase(card, PASS, kdf=FAST)
    assert_name_nowhere_in_clear(root)


def test_an_older_card_is_scrubbed_when_read(root: DataRoot) -> None:
    card, _ = make_private(root, FULL)
    path: Path = root.profiles_dir / card.id / "profile.json"
    doc = json.loads(path.read_bytes())
    doc["show_initials"] = True  # how main wrote it: the full name beside the flag
    path.write_text(json.dumps(doc))
    assert [c.label for c in root.cards()] == ["S.Q."]
    assert_name_nowhere_in_clear(root)


def test_shell_messages_show_the_label(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root.set_initials_only(make_profile(FULL), True)
    make_profile("Jo")
    assert main(["--data-dir", str(root.path), "today"]) == 2
    err = capsys.readouterr().err
    assert "S.Q." in err and "Samantha" not in err
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["--data-dir", str(root.path), "profiles", "delete", "S.Q."]) == 0
    out = capsys.readouterr().out
    assert "S.Q." in out and "Samantha" not in out
