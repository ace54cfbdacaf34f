"""SIGKILL a process in the middle of saving, many times, and check nothing acknowledged is lost.

Used by the CI test (50 kills) and by ``bench/reliability.py`` for the long run (500+). The child
is forked, so each round costs milliseconds, not a fresh interpreter. Half the rounds kill the
child at a random moment while it saves in a loop; the other half stop it exactly inside a chosen
step of a save (half-way through writing the temp file, after its fsync, after the rename...)
and kill it there, so every step is covered however fast the disk is.
"""

from __future__ import annotations

import os
import random
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.models import Goal, Profile
from workbook.storage import DataRoot, Repository, atomic

BIG = "x" * 4000
HALT_POINTS = ("after_open", "half_written", "after_fsync", "after_link", "after_replace")


def _save_round(repo: Repository, i: int) -> None:
    """Save ``i``: odd rounds grow the file by three big goals, even rounds shrink it again."""
    with repo.transaction():
        profile = repo.get(Profile)
        assert profile is not None
        profile.display_name = f"save {i}"
        repo.put(profile)
        if i % 2:
            for n in range(3):
                repo.save(Goal(id=f"big{n}", title=f"big {i}", why=BIG))
        else:
            for n in range(3):
                repo.remove(Goal, f"big{n}")


def _halt(ack_fd: int) -> None:
    os.write(ack_fd, b"halt\n")
    read_fd, _ = os.pipe()
    os.read(read_fd, 1)  # blocks until the parent kills us


def _arm(point: str, ack_fd: int) -> None:
    """Make the next save stop at ``point`` (in the forked child only)."""
    real_open, real_write, real_fsync = atomic._open_temp, atomic._write, atomic._fsync
    real_link, real_replace = atomic._link, atomic._replace

    def open_temp(path: Path) -> Any:
        out = real_open(path)
        if point == "after_open":
            _halt(ack_fd)
        return out

    def write(fd: int, data: bytes) -> None:
        if point == "half_written":
            real_write(fd, data[: len(data) // 2])
            _halt(ack_fd)
        real_write(fd, data)

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if point == "after_fsync":
            _halt(ack_fd)

    def link(src: Path, dst: Path) -> None:
        real_link(src, dst)
        if point == "after_link":
            _halt(ack_fd)

    def replace(src: Path, dst: Path) -> None:
        real_replace(src, dst)
        if point == "after_replace":
            _halt(ack_fd)

    atomic._open_temp, atomic._write, atomic._fsync = open_temp, write, fsync
    atomic._link, atomic._replace = link, replace


def _child(root: DataRoot, card_id: str, start: int, ack_fd: int, halt: tuple[int, str]) -> None:
    repo = root.open(root.find(card_id))
    i = start
    while True:
        if halt[1] and i == start + halt[0]:
            _arm(halt[1], ack_fd)
        _save_round(repo, i)
        os.write(ack_fd, f"{i}\n".encode())
        i += 1


@dataclass
class KillResult:
    rounds: int = 0
    max_acked: int = 0
    mid_save: int = 0
    """Kills that landed while a temp file was on disk, i.e. in the middle of a save."""
    halted_at: dict[str, int] = field(default_factory=dict)


def kill_rounds(root: DataRoot, card_id: str, rounds: int, seed: int = 1) -> KillResult:
    """Run ``rounds`` fork/save/SIGKILL cycles; raise AssertionError on any loss."""
    rng = random.Random(seed)
    result = KillResult()
    folder = root.files(root.find(card_id)).folder
    for n in range(rounds):
        point = HALT_POINTS[n // 2 % len(HALT_POINTS)] if n % 2 else ""
        wanted = rng.randint(1, 6)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save until killed
            os.close(read_fd)
            try:
                _child(root, card_id, result.max_acked + 1, write_fd, (wanted, point))
            finally:
                os._exit(1)
        os.close(write_fd)
        acked = _read_acks(read_fd, wanted, halted=bool(point))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        if acked:
            result.max_acked = acked[-1]
        if point:
            result.halted_at[point] = result.halted_at.get(point, 0) + 1
        result.mid_save += any(".tmp-" in p.name for p in folder.iterdir())
        result.rounds += 1
        _verify(root, card_id, result.max_acked)
    return result


def _read_acks(fd: int, wanted: int, *, halted: bool) -> list[int]:
    acked: list[int] = []
    buffer = b""
    while True:
        chunk = os.read(fd, 64)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if line == b"halt":
                return acked
            acked.append(int(line))
        if not halted and len(acked) >= wanted:
            break
    return acked


def _verify(root: DataRoot, card_id: str, last_acked: int) -> None:
    repo = root.open(root.find(card_id))
    try:
        profile = repo.get(Profile)
        assert profile is not None
        saved = int(profile.display_name.split()[1]) if " " in profile.display_name else 0
        assert saved >= last_acked, f"acknowledged save {last_acked} lost (file has {saved})"
        bigs = [g for g in repo.all(Goal) if g.id.startswith("big")]
        assert len(bigs) == (3 if saved % 2 else 0), "a save landed only in part"
    finally:
        repo.close()
    folder = root.files(root.find(card_id)).folder
    leftovers = [p for p in folder.iterdir() if ".tmp-" in p.name]
    assert leftovers == [], "the reopen should have cleaned temp files"
