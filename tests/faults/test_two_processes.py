"""Two processes on one workbook: the second writer is refused plainly; readers still read."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.errors import ProfileInUse
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot

ROOT = Path(__file__).resolve().parents[2]


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(data), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_second_writer_in_same_process_is_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    first = root.open(card)
    with pytest.raises(ProfileInUse) as caught:
        root.open(card)
    assert "open in another window" in str(caught.value)
    first.close()
    root.open(card).close()  # free again once closed


def test_second_process_writer_refused_reader_reads(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    repo.save(Goal(title="Call the bank"))
    code = (
        "import sys; from workbook.storage import DataRoot; from workbook.models import Goal\n"
        "from workbook.errors import ProfileInUse\n"
        f"root = DataRoot(__import__('pathlib').Path({str(root.path)!r}))\n"
        f"card = root.find({card.id!r})\n"
        "reader = root.open(card, write=False)\n"
        "print([g.title for g in reader.all(Goal)])\n"
        "try:\n    root.open(card)\nexcept ProfileInUse:\n    print('refused')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines() == ["['Call the bank']", "refused"]
    # The CLI says the same with exit code 3 for writers, and reads fine for doctor/backup.
    assert _cli(root.path, "restore").returncode == 3
    assert _cli(root.path, "doctor").returncode == 0
    assert _cli(root.path, "backup").returncode == 0
    repo.close()


def test_alternating_writers_lose_nothing(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Open, save, close in turn (as two windows taking turns would): every save survives."""
    card = make_profile()
    for n in range(100):
        repo = root.open(card)
        repo.save(Goal(title=f"goal {n}"))
        with pytest.raises(ProfileInUse):
            root.open(card)
        repo.close()
    final = root.open(card, write=False)
    assert [g.title for g in final.all(Goal)] == [f"goal {n}" for n in range(100)]


CLI = (sys.executable, "-m", "workbook")


def _answers(n: int, rounds: int) -> tuple[str, ...]:
    day = f"2026-11-{20 + 2 * rounds + n}"
    return ("--mood", "3", "--craving", str(n), "--date", day)


def test_two_command_line_writers_at_once_both_save(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Started together, the second waits its turn for the lock (a second or two at most)
    instead of being refused; both check-ins are kept."""
    card = make_profile()
    for rounds in range(3):
        writers = [
            subprocess.Popen(
                [*CLI, "--data-dir", str(root.path), "checkin", *_answers(n, rounds)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(2)
        ]
        for writer in writers:
            _out, err = writer.communicate()
            assert writer.returncode == 0, err
    repo = root.open(card, write=False)
    assert len(repo.all(Checkin)) == 6
    repo.close()
