"""Planted files on a shared account (issue 16, item 10): a bad profile folder is skipped with a
one-line note and the others still work; a planted link is refused in a plain sentence."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import PASS, make_private
from workbook.cli import main
from workbook.errors import UnsafePermissions
from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot, crypto


def two_people(root: DataRoot) -> tuple[ProfileCard, ProfileCard]:
    ann = root.create(Profile(display_name="Ann"))
    bo, _ = make_private(root, "Bo Lee")
    return ann, bo


def cli(root: DataRoot, *args: str) -> int:
    return main(["--data-dir", str(root.path), *args])


def link_in_place(path: Path, elsewhere: Path) -> None:
    shutil.move(path, elsewhere)
    path.symlink_to(elsewhere)


@pytest.mark.parametrize("how", ["link", "dangling", "folder", "garbage", "folder-link"])
def test_a_bad_card_is_skipped_with_a_note_and_the_others_still_work(
    root: DataRoot, tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, bo = two_people(root)
    folder = root.profiles_dir / ann.id
    card = folder / "profile.json"
    if how == "link":
        link_in_place(card, tmp_path / "elsewhere.json")
    elif how == "dangling":
        card.unlink()
        card.symlink_to(tmp_path / "nothing-here")
    elif how == "folder":
        card.unlink()
        card.mkdir()
    elif how == "garbage":
        card.write_bytes(b"\xff{not json")
    else:
        link_in_place(folder, tmp_path / "moved")
    assert [c.id for c in root.cards()] == [bo.id]
    assert len(root.notes) == 1 and ann.id in root.notes[0] and "Ann" not in root.notes[0]
    assert cli(root, "profiles", "list") == 0
    out, err = capsys.readouterr()
    assert "Bo Lee" in out and "skipped" in err and "Traceback" not in out + err
    # The other person's workbook still opens, from the shell too.
    repo = root.open(bo, codec=root.unlock(bo, PASS))
    repo.close()


@pytest.mark.parametrize(
    "name", ["workbook.json", "keys.json", "backups", "quarantine", ".lock", "profile.json"]
)
def test_a_planted_link_in_a_folder_is_refused_plainly(
    root: DataRoot,
    tmp_path: Path,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, bo = two_people(root)
    files = root.files(bo)
    target = files.folder / name
    if not target.exists():
        target.touch()
    link_in_place(target, tmp_path / "elsewhere")
    if name != "profile.json":
        with pytest.raises(UnsafePermissions, match="symbolic link"):
            root.files(bo)
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    code = cli(root, "checkin", "--profile", bo.id, "--mood", "3", "--craving", "1")
    out, err = capsys.readouterr()
    assert code in (2, 4) and "Traceback" not in out + err
    assert err.strip().count("\n") == 0  # one plain line
    assert (tmp_path / "elsewhere").exists()  # never followed, never removed


def test_kdf_settings_in_the_key_file_are_capped(root: DataRoot) -> None:
    """An edited key file cannot ask for 4 GiB and 64 passes; refused before any derivation."""
    _, bo = two_people(root)
    folder = root.files(bo).folder
    for path in (crypto.keys_path(folder), crypto.mirror_path(folder)):
        doc = json.loads(path.read_bytes())
        doc.pop("checksum")
        doc["wraps"][0]["kdf"].update(memory_kib=4 * 1024 * 1024, iterations=64)
        doc["checksum"] = hashlib.sha256(crypto._canonical(doc)).hexdigest()
        path.write_text(json.dumps(doc))
    with pytest.raises(crypto.KeysDamaged, match="key settings"):
        root.unlock(bo, PASS)
    for params in (
        crypto.KdfParams(memory_kib=crypto.MAX_MEMORY_KIB + 1),
        crypto.KdfParams(iterations=crypto.MAX_ITERATIONS + 1),
        crypto.KdfParams(lanes=crypto.MAX_LANES + 1),
    ):
        with pytest.raises(crypto.KeysDamaged):
            params.check()
    crypto.DEFAULT_KDF.check()
