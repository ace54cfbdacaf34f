"""Disk full for real: a child process limited by RLIMIT_FSIZE tries to save a larger workbook."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from workbook.models import Goal, ProfileCard
from workbook.storage import DataRoot

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import resource, signal, sys
from pathlib import Path
from workbook.storage import DataRoot
from workbook.models import Goal
from workbook.errors import WriteFailed
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
root = DataRoot(Path(sys.argv[1]))
repo = root.open(root.find(sys.argv[2]))
size = root.files(root.find(sys.argv[2])).workbook.stat().st_size
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 2000, size + 2000))
try:
    repo.save(Goal(title="too big", why="z" * 5000))
except WriteFailed as exc:
    print("refused:", exc)
print("still there:", [g.title for g in repo.all(Goal)])
"""


def test_file_size_limit_refuses_save_and_keeps_file(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    repo.save(Goal(title="small"))
    repo.close()
    files = root.files(card)
    before = files.workbook.read_bytes()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(root.path), card.id],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = out.stdout.splitlines()
    assert lines[0].startswith("refused:") and "Nothing already saved was lost" in lines[0]
    assert lines[1] == "still there: ['small']"
    assert files.workbook.read_bytes() == before
    assert not [p for p in files.folder.iterdir() if ".tmp-" in p.name]
