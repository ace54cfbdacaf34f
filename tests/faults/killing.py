"""SIGKILL a process in the middle of saving, many times, and check nothing acknowledged is lost.

Used by the CI test (50 kills) and by ``bench/reliability.py`` for the long run (500+). The child
is forked, so each round costs milliseconds, not a fresh interpreter. Half the rounds kill the
child at a random moment while it saves in a loop; the other half stop it exactly inside a chosen
step of a save (half-way through writing the temp file, after its fsync, after the rename...)
and kill it there, so every step is covered however fast the disk is.

:func:`migration_kill_rounds` does the same to a process opening a file of an older schema:
killed inside the pre-migration backup, the migrated write or the daily backup, or just after.
"""

from __future__ import annotations

import json
import os
import random
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.models import Goal, Profile
from workbook.storage import SCHEMA_VERSION, DataRoot, Repository, atomic
from workbook.storage.migrations import migrate

BIG = "x" * 4000
HALT_POINTS = ("after_open", "half_written", "after_fsync", "after_link", "after_replace")
OLD_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "v1.json"
OPEN_WRITES = ("pre-migration backup", "migrated write", "daily backup")
"""The atomic writes opening an old file makes, in order."""


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


def _arm(point: str, ack_fd: int, nth: int = 1) -> None:
    """Make the ``nth`` atomic write from now stop at ``point`` (in the forked child only).

    A write that never reaches ``point`` (only a write over an existing file links it) runs
    through, and so does every other write.
    """
    real_open, real_write, real_fsync = atomic._open_temp, atomic._write, atomic._fsync
    real_link, real_replace = atomic._link, atomic._replace
    writes = {"n": 0}  # every atomic write opens one temp file

    def at(here: str) -> bool:
        return here == point and writes["n"] == nth

    def open_temp(path: Path) -> Any:
        writes["n"] += 1
        out = real_open(path)
        if at("after_open"):
            _halt(ack_fd)
        return out

    def write(fd: int, data: bytes) -> None:
        if at("half_written"):
            real_write(fd, data[: len(data) // 2])
            _halt(ack_fd)
        real_write(fd, data)

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if at("after_fsync"):
            _halt(ack_fd)

    def link(src: Path, dst: Path) -> None:
        real_link(src, dst)
        if at("after_link"):
            _halt(ack_fd)

    def replace(src: Path, dst: Path) -> None:
        real_replace(src, dst)
        if at("after_replace"):
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


def migration_kill_rounds(root: DataRoot, card_id: str, rounds: int, seed: int = 1) -> KillResult:
    """Kill a process while it opens (so migrates) a schema-1 file, ``rounds`` times.

    Each round puts the old file back and stops the child inside one step of one of the writes
    the opening makes (:data:`OPEN_WRITES`), or once it has opened, and kills it there. After
    every kill the workbook must open, migrated, holding exactly what the old file held, with
    nothing quarantined. Raises AssertionError on any loss.
    """
    rng = random.Random(seed)
    result = KillResult()
    files = root.files(root.find(card_id))
    old = OLD_FILE.read_bytes()
    expected = _tables(migrate(json.loads(old), 1))
    for n in range(rounds):
        files.workbook.write_bytes(old)
        for backup in files.backups.iterdir():
            backup.unlink()
        point = HALT_POINTS[n % len(HALT_POINTS)]
        nth = 1 + rng.randrange(len(OPEN_WRITES))
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: open (and so migrate) until stopped, then wait to be killed
            os.close(read_fd)
            try:
                _arm(point, write_fd, nth)
                root.open(root.find(card_id))
                os.write(write_fd, b"opened\n")
                _halt(write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        said = _read_until_halt(read_fd)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        where = "after opening" if "opened" in said else f"{OPEN_WRITES[nth - 1]}, {point}"
        result.halted_at[where] = result.halted_at.get(where, 0) + 1
        result.mid_save += any(
            ".tmp-" in p.name for folder in (files.folder, files.backups) for p in folder.iterdir()
        )
        result.rounds += 1
        _verify_migrated(root, card_id, expected)
    return result


def _read_until_halt(fd: int) -> list[str]:
    said: list[str] = []
    buffer = b""
    while b"halt\n" not in buffer:
        chunk = os.read(fd, 64)
        if not chunk:
            break
        buffer += chunk
    said = buffer.decode().split()
    assert "halt" in said, "the child ended without stopping where it was told"
    return said


def _tables(data: dict[str, Any]) -> dict[str, Any]:
    return {table: docs for table, docs in data.items() if table != "_meta"}


def _verify_migrated(root: DataRoot, card_id: str, expected: dict[str, Any]) -> None:
    files = root.files(root.find(card_id))
    repo = root.open(root.find(card_id))
    try:
        assert not repo.read_only
        assert _tables(repo.export_data()) == expected, "the migrated workbook lost something"
    finally:
        repo.close()
    on_disk = json.loads(files.workbook.read_bytes())
    assert on_disk["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert list(files.quarantine.iterdir()) == [], "a kill must never look like a damaged file"
    leftovers = [p for p in files.folder.iterdir() if ".tmp-" in p.name]
    assert leftovers == [], "the reopen should have cleaned temp files"
