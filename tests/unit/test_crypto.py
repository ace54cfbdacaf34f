"""Passphrase encryption: round trip, wrong passphrase, rate limiting, change, recovery code."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import FAST, PASS, make_private
from workbook.errors import DataUnreadable, WorkbookError
from workbook.models import Goal, GoalStep, Profile
from workbook.storage import DataRoot, PlainCodec, crypto, list_backups
from workbook.storage.crypto import (
    EncryptedCodec,
    KdfParams,
    KeysDamaged,
    NeedsPassphrase,
    Throttle,
    WrongPassphrase,
)


class FakeTime:
    """A clock that only moves when told to, and a sleeper that moves it (never sleeps)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def fake_throttle(root: DataRoot, card: object, t: FakeTime) -> Throttle:
    return Throttle(root.files(card).folder, clock=t.clock, sleeper=t.sleep)  # type: ignore[arg-type]


def test_round_trip(root: DataRoot) -> None:
    card, _ = make_private(root)
    assert card.encrypted and root.is_encrypted(card)
    repo = root.open(card, codec=root.unlock(card, PASS))
    goal = Goal(
        title="Walk to the park", why="fresh air ✓ «quotes»", steps=[GoalStep(text="shoes")]
    )
    repo.save(goal)
    repo.close()
    again = root.open(card, codec=root.unlock(card, PASS))
    assert again.find(Goal, goal.id) == goal
    assert again.get(Profile) is not None
    assert again.get(Profile).display_name == "Sam"  # type: ignore[union-attr]
    again.close()
    raw = root.files(card).workbook.read_bytes()
    assert crypto.looks_encrypted(raw)
    assert b"Walk to the park" not in raw


def test_each_save_uses_a_fresh_nonce(root: DataRoot) -> None:
    card, _ = make_private(root)
    repo = root.open(card, codec=root.unlock(card, PASS))
    nonces = set()
    for n in range(5):
        repo.save(Goal(title=f"goal {n}"))
        nonces.add(json.loads(root.files(card).workbook.read_bytes())["nonce"])
    repo.close()
    assert len(nonces) == 5


def test_header_is_bound_as_associated_data(root: DataRoot) -> None:
    card, _ = make_private(root)
    codec = root.unlock(card, PASS)
    raw = codec.encode({"_meta": {"1": {"schema_version": 1}}})
    env = json.loads(raw)
    for field, value in (("version", 2), ("cipher", "AES-128-GCM"), ("key_id", "0" * 16)):
        changed = json.dumps({**env, field: value}, separators=(",", ":")).encode()
        with pytest.raises(crypto.CorruptData):
            codec.decode(changed)


def test_key_file_keeps_kdf_parameters_and_no_secret(root: DataRoot) -> None:
    card, code = make_private(root)
    text = crypto.keys_path(root.files(card).folder).read_text()
    doc = json.loads(text)
    kdf = doc["wraps"][0]["kdf"]
    assert kdf["name"] == "argon2id"
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (8, 1, 1)
    assert len(crypto._unb64(kdf["salt"], "salt")) == 16
    assert {w["kind"] for w in doc["wraps"]} == {"passphrase", "recovery"}
    assert PASS not in text and code not in text and code.replace("-", "") not in text
    # Two profiles with the same passphrase share no salt and no key.
    other, _ = make_private(root, "Alex")
    other_doc = json.loads(crypto.keys_path(root.files(other).folder).read_text())
    assert other_doc["wraps"][0]["kdf"]["salt"] != kdf["salt"]
    assert other_doc["key_id"] != doc["key_id"]


def test_default_kdf_is_the_issue_s() -> None:
    assert KdfParams(memory_kib=65536, iterations=3, lanes=1) == crypto.DEFAULT_KDF


def test_wrong_passphrase_is_a_plain_message_and_changes_nothing(root: DataRoot) -> None:
    card, _ = make_private(root)
    before = root.files(card).workbook.read_bytes()
    with pytest.raises(WrongPassphrase, match="did not open"):
        root.unlock(card, "not my passphrase")
    assert root.files(card).workbook.read_bytes() == before
    assert not any(root.files(card).quarantine.iterdir())


def test_opening_encrypted_without_key_never_quarantines(root: DataRoot) -> None:
    card, _ = make_private(root)
    with pytest.raises(NeedsPassphrase):
        root.open(card)
    with pytest.raises(NeedsPassphrase):
        root.open(card, write=False, codec=PlainCodec())
    assert root.files(card).workbook.exists()
    assert not any(root.files(card).quarantine.iterdir())


def test_rate_limit_after_five_wrong_tries(root: DataRoot) -> None:
    card, _ = make_private(root)
    t = FakeTime()
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            root.unlock(card, "wrong guess", throttle=fake_throttle(root, card, t))
    assert t.slept == []
    waits = []
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            root.unlock(card, "wrong guess", throttle=fake_throttle(root, card, t))
        waits.append(t.slept[-1])
    assert waits == [2.0, 4.0, 8.0, 16.0]
    # Waiting out the delay on the clock means no sleep is needed; the right passphrase resets.
    t.now += 1000
    root.unlock(card, PASS, throttle=fake_throttle(root, card, t))
    assert len(t.slept) == 4
    assert fake_throttle(root, card, t).failures == 0


def test_rate_limit_delay_is_capped_and_survives_a_restart(tmp_path: Path) -> None:
    t = FakeTime()
    throttle = Throttle(tmp_path, clock=t.clock, sleeper=t.sleep)
    for _ in range(40):
        throttle.failed()
    assert Throttle(tmp_path, clock=t.clock, sleeper=t.sleep).delay() == crypto.MAX_DELAY
    (tmp_path / crypto.TRIES_FILE).write_text("{not json")
    assert Throttle(tmp_path, clock=t.clock, sleeper=t.sleep).delay() > 0


def test_change_passphrase_rotates_and_backups_follow(root: DataRoot) -> None:
    card, code = make_private(root)
    codec = root.unlock(card, PASS)
    repo = root.open(card, codec=codec)
    repo.save(Goal(title="before the change"))
    repo.close()
    old_id = crypto.read_keys(root.files(card).folder).key_id
    new_code = root.change_passphrase(card, root.unlock(card, PASS), "a whole new phrase")
    keys = crypto.read_keys(root.files(card).folder)
    assert keys.key_id != old_id and keys.retired == []  # every file moved to the new key
    assert crypto.envelope_key_id(root.files(card).workbook.read_bytes()) == keys.key_id
    with pytest.raises(WrongPassphrase):
        root.unlock(card, PASS)
    new = root.unlock(card, "a whole new phrase")
    backups = list_backups(root.files(card).backups)
    assert backups
    for backup in backups:
        assert crypto.envelope_key_id(backup.path.read_bytes()) == keys.key_id
        assert new.decode(backup.path.read_bytes())
    assert new_code is not None and new_code != code
    assert root.unlock(card, new_code).by_recovery
    with pytest.raises(WrongPassphrase):
        root.unlock(card, code)  # the old code wrapped the old key
    mirror = crypto.mirror_path(root.files(card).folder).read_bytes()
    assert mirror == crypto.keys_path(root.files(card).folder).read_bytes()


def test_change_passphrase_can_raise_kdf_parameters(root: DataRoot) -> None:
    card, _ = make_private(root)
    codec = root.unlock(card, PASS)
    stronger = KdfParams(memory_kib=16, iterations=2, lanes=1)
    root.change_passphrase(card, codec, "a stronger phrase now", kdf=stronger)
    keys = crypto.read_keys(root.files(card).folder)
    assert keys.wrap("passphrase").kdf == stronger  # type: ignore[union-attr]
    root.unlock(card, "a stronger phrase now")


def test_recovery_code_unlocks_in_any_spelling(root: DataRoot) -> None:
    card, code = make_private(root)
    repo = root.open(card, codec=root.unlock(card, PASS))
    goal = Goal(title="kept safe")
    repo.save(goal)
    repo.close()
    for spelling in (code, code.lower(), code.replace("-", " "), code.replace("-", "")):
        codec = root.unlock(card, spelling)
        assert codec.by_recovery
    repo = root.open(card, codec=root.unlock(card, code))
    assert repo.find(Goal, goal.id) == goal
    repo.close()
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(WrongPassphrase):
        root.unlock(card, wrong)


def test_new_recovery_code_replaces_the_old(root: DataRoot) -> None:
    card, old = make_private(root)
    new = root.new_recovery_code(card, root.unlock(card, PASS), PASS)
    assert new != old
    assert root.unlock(card, new).by_recovery
    with pytest.raises(WrongPassphrase):
        root.unlock(card, old)


def test_without_recovery_code(root: DataRoot) -> None:
    card, code = root.create_private(Profile(display_name="Jo"), PASS, recovery=False, kdf=FAST)
    assert code is None
    assert not crypto.read_keys(root.files(card).folder).has_recovery


def test_short_passphrase_refused(root: DataRoot) -> None:
    with pytest.raises(WorkbookError, match="at least 8"):
        root.create_private(Profile(display_name="Jo"), "short", kdf=FAST)
    assert root.cards() == []


def test_add_then_remove_passphrase(root: DataRoot, make_profile) -> None:  # type: ignore[no-untyped-def]
    card = make_profile("Ria")
    repo = root.open(card)  # takes the daily backup (plain)
    goal = Goal(title="plain at first")
    repo.save(goal)
    repo.close()
    card, code = root.add_passphrase(card, PASS, kdf=FAST)
    assert card.encrypted and root.cards()[0].encrypted and code
    files = root.files(card)
    assert crypto.looks_encrypted(files.workbook.read_bytes())
    for backup in list_backups(files.backups):
        assert b"plain at first" not in backup.path.read_bytes()
    codec = root.unlock(card, PASS)
    repo = root.open(card, codec=codec)
    assert repo.find(Goal, goal.id) == goal
    repo.close()
    card = root.remove_passphrase(card, root.unlock(card, PASS))
    assert not card.encrypted and not root.is_encrypted(card)
    assert not crypto.has_keys(files.folder)
    repo = root.open(card)
    assert repo.find(Goal, goal.id) == goal
    repo.close()
    assert all(PlainCodec().decode(b.path.read_bytes()) for b in list_backups(files.backups))


def test_damaged_key_file_falls_back_to_its_mirror(root: DataRoot) -> None:
    card, _ = make_private(root)
    folder = root.files(card).folder
    path = crypto.keys_path(folder)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    root.unlock(card, PASS)
    assert path.read_bytes() == crypto.mirror_path(folder).read_bytes()  # repaired


def test_damaged_key_file_and_mirror_is_not_a_wrong_passphrase(root: DataRoot) -> None:
    card, _ = make_private(root)
    folder = root.files(card).folder
    for path in (crypto.keys_path(folder), crypto.mirror_path(folder)):
        raw = bytearray(path.read_bytes())
        raw[40] ^= 0x01
        path.write_bytes(bytes(raw))
    with pytest.raises(KeysDamaged, match="Nothing was changed"):
        root.unlock(card, PASS)
    assert root.files(card).workbook.exists()


def test_forget_drops_the_key(root: DataRoot) -> None:
    card, _ = make_private(root)
    codec = root.unlock(card, PASS)
    repo = root.open(card, codec=codec)
    repo.close()
    with pytest.raises(WorkbookError, match="locked"):
        codec.encode({})
    assert codec._key is None and codec._aead is None


def test_delete_keeps_an_encrypted_last_copy(root: DataRoot) -> None:
    card, _ = make_private(root)
    kept = root.delete(card, keep_backup=True)
    assert kept is not None and not root.files(card).folder.exists()
    assert crypto.looks_encrypted((kept / "workbook.json").read_bytes())
    assert crypto.unlock(kept, PASS, throttle=Throttle(None))
    assert root.cards() == []


def test_rename_encrypted(root: DataRoot) -> None:
    card, _ = make_private(root)
    renamed = root.rename(card, "Samira", root.unlock(card, PASS))
    assert root.cards()[0].display_name == "Samira" == renamed.display_name
    repo = root.open(renamed, codec=root.unlock(renamed, PASS))
    assert repo.get(Profile).display_name == "Samira"  # type: ignore[union-attr]
    repo.close()


def test_damaged_workbook_is_quarantined_not_wrong_passphrase(root: DataRoot) -> None:
    card, _ = make_private(root)
    codec = root.unlock(card, PASS)
    root.open(card, codec=codec).close()  # a daily backup
    path = root.files(card).workbook
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01
    path.write_bytes(bytes(raw))
    codec = root.unlock(card, PASS)  # the passphrase is still right
    with pytest.raises(DataUnreadable) as info:
        root.open(card, codec=codec)
    assert info.value.quarantined is not None and info.value.backups == 1
    assert crypto.looks_encrypted(info.value.quarantined.read_bytes())


def test_real_settings_unlock_well_under_a_second(root: DataRoot) -> None:
    card, _code = root.create_private(Profile(display_name="Real"), PASS)
    keys = crypto.read_keys(root.files(card).folder)
    assert keys.wrap("passphrase").kdf.memory_kib == 65536  # type: ignore[union-attr]
    start = time.perf_counter()
    codec = root.unlock(card, PASS)
    elapsed = time.perf_counter() - start
    print(f"unlock at 64 MiB: {elapsed:.3f} s")
    assert isinstance(codec, EncryptedCodec)
    assert elapsed < 2.0  # well under a second on an idle machine; slack for a busy CI box
