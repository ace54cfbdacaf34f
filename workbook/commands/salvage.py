"""``workbook doctor --salvage [FILE]``: get back what a damaged workbook file still holds.

Reads every entry of the damaged file that still parses and validates, lays it over your
workbook (if it reads) or the latest good backup, and writes the result as your workbook,
keeping whatever was in its place first. Says exactly what was recovered and what was not.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.commands.common import LOCK_WAIT
from workbook.errors import EXIT_OK, CouldNotKeep, InvalidInput, WriteFailed
from workbook.models import ProfileCard
from workbook.storage import DataRoot
from workbook.storage.codec import Codec
from workbook.storage.salvage import find_damaged, salvage_into
from workbook.storage.store import ProfileFiles
from workbook.terminal import say


def run_salvage(args: argparse.Namespace, root: DataRoot, card: ProfileCard, codec: Codec) -> int:
    files = root.files(card)
    damaged = _damaged_file(args.salvage, files, codec)
    try:
        done = salvage_into(files, codec, damaged, card.display_name, wait=LOCK_WAIT)
    except WriteFailed as exc:
        raise CouldNotKeep(
            f"The salvaged workbook could not be saved ({exc.detail}). Nothing was changed; "
            f"the damaged file is still at {damaged}."
        ) from exc
    for line in done.report.lines():
        say(line)
    say(f"Your workbook now holds {done.holds}.")
    if done.restored.kept is not None:
        say(f"What was in its place was kept as a backup ({done.restored.kept.name}).")
    elif done.restored.quarantined is not None:
        say(f"What was in its place was moved, untouched, to {done.restored.quarantined}.")
    if damaged != files.workbook:
        say(f"The damaged file stays where it was ({damaged}), never deleted.")
    return EXIT_OK


def _damaged_file(named: str, files: ProfileFiles, codec: Codec) -> Path:
    """The file named, else the workbook if it does not read, else the newest quarantined."""
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise InvalidInput(f"{named!r} is not a file.")
        return path
    found = find_damaged(files, codec)
    if found is None:
        raise InvalidInput(
            "There is no damaged file to salvage: the workbook reads and nothing is in "
            "quarantine. To read a file from elsewhere: workbook doctor --salvage FILE"
        )
    return found
