"""Reading a workbook's bytes into checked data: decode, checksum, migrate, validate.

Used to open a workbook, to vet a backup before it is offered or restored, and by ``doctor``.
Nothing here touches the disk.
"""

from __future__ import annotations

from typing import Any

from workbook import __version__
from workbook.storage.codec import Codec, CorruptData, Data, take_checksum
from workbook.storage.migrations import SCHEMA_VERSION, migrate
from workbook.storage.tinystore import META_DOC, META_TABLE
from workbook.storage.validation import find_problems, find_shape_problems

CHECKSUM_MISMATCH = "its content does not match the checksum saved with it (it was damaged)"


def new_data() -> Data:
    """The data of an empty workbook at the current schema version."""
    return {META_TABLE: {META_DOC: meta_doc()}}


def meta_doc(save_count: int = 0) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "app_version": __version__, "save_count": save_count}


def save_count_of(data: Data | None) -> int | None:
    """The workbook's own save counter (it only goes up), or None if the data has none."""
    meta = (data or {}).get(META_TABLE, {}).get(META_DOC)
    count = meta.get("save_count") if isinstance(meta, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def schema_version_of(data: Data) -> int:
    """The schema version a file says it has; a file without one is not a workbook."""
    meta = data.get(META_TABLE, {}).get(META_DOC)
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptData("the file has no schema version")
    return version


def validate_data(data: Data, *, written_here: bool = False) -> None:
    """Check every document against its model; raise :class:`CorruptData` on the first problem.

    ``written_here``: the file is of this schema version and its content matches the checksum
    it was saved with, so every entry was a valid model when it was saved (a save goes through
    the models) and not a byte has changed since. Checking each entry against its model again
    (two thirds of opening a ten-year workbook) is skipped; the file's shape (known tables,
    one entry per singleton, entries that are objects) is still checked. Damage shows as a
    checksum that does not match, and such a file is checked entry by entry as before.
    """
    problems = find_shape_problems(data) if written_here else find_problems(data, limit=1)
    if problems:
        raise CorruptData(problems[0].summary)


def load_checked(raw: bytes, codec: Codec) -> tuple[Data, int]:
    """Decode, check the checksum, migrate in memory and validate.

    Returns the data and the version the file had. A checksum that does not match is damage,
    like a file that does not parse; a more precise reason (an entry that is not valid) wins.
    """
    data = codec.decode(raw)
    version = schema_version_of(data)
    plain = raw if raw.startswith(b"{") else None  # an encrypted file's bytes are not JSON
    intact = take_checksum(data, plain)
    if version > SCHEMA_VERSION:
        # A newer version may checksum differently; it opens read-only, so nothing is lost.
        return data, version
    if version < SCHEMA_VERSION:
        data = migrate(data, version)
    validate_data(data, written_here=intact is True and version == SCHEMA_VERSION)
    if intact is False:
        raise CorruptData(CHECKSUM_MISMATCH)
    return data, version


def is_good(raw: bytes, codec: Codec) -> bool:
    """Whether ``raw`` is a workbook this version can open (used to vet backups)."""
    try:
        load_checked(raw, codec)
    except CorruptData:
        return False
    return True
