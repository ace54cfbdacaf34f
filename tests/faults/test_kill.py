"""A process SIGKILLed mid-save never leaves a broken or older-than-acknowledged workbook."""

from __future__ import annotations

from collections.abc import Callable

from tests.faults.killing import kill_rounds, migration_kill_rounds
from workbook.models import ProfileCard
from workbook.storage import DataRoot


def test_fifty_kills_mid_save(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> None:
    card = make_profile("save 0")
    result = kill_rounds(root, card.id, rounds=50, seed=7)
    assert result.rounds == 50
    assert result.max_acked >= 50  # every round acknowledged at least one save
    # Kills really landed inside saves, at every step of one.
    assert result.mid_save >= 20
    assert set(result.halted_at) == {
        "after_open",
        "half_written",
        "after_fsync",
        "after_link",
        "after_replace",
    }


def test_kills_while_an_old_workbook_is_migrated(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Robin")
    result = migration_kill_rounds(root, card.id, rounds=30, seed=3)
    assert result.rounds == 30
    # Every write of the opening was hit (each at some step), and some kills came after it.
    stopped_in = {where.split(",")[0] for where in result.halted_at}
    assert stopped_in >= {"pre-migration backup", "migrated write", "daily backup"}
    assert result.mid_save >= 5
