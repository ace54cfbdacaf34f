"""Salvage: get back what a damaged workbook file still holds (issue 22, item 3).

A damaged file is moved to ``quarantine/`` whole. Restoring the latest backup alone would lose
everything written since that backup; salvage reads every table and entry of the quarantined
file that still parses and validates (see :mod:`salvage_scan`), lays it over the latest good
backup (an entry read from the damaged file wins over the backup's copy of the same entry; an
entry only in the backup is kept, so nothing is lost to a cut), and says exactly what was
recovered and what was not. The result replaces the workbook like a restore does: whatever is
in its place is kept first, and the save counter goes up.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbook.errors import DataUnreadable
from workbook.models import Singleton, StoredModel
from workbook.storage import backups
from workbook.storage.atomic import describe_os_error
from workbook.storage.codec import Codec, CorruptData, Data, PlainCodec
from workbook.storage.crypto import EncryptedCodec, looks_encrypted
from workbook.storage.holdings import NAMES, holdings_of
from workbook.storage.loading import load_checked, new_data, schema_version_of, validate_data
from workbook.storage.migrations import SCHEMA_VERSION, migrate
from workbook.storage.restore import Restored, start_empty
from workbook.storage.salvage_scan import scan
from workbook.storage.store import ProfileFiles
from workbook.storage.tinystore import META_DOC, META_TABLE

SINGLE_KEY = "1"


@dataclass
class Report:
    """What salvage read back, per table, and what it could not."""

    source: Path
    backup: str | None = None
    """What the salvage was laid over, in words (None: an empty workbook)."""
    recovered: dict[str, int] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    """One plain line per entry or table that could not be read back."""
    cut: bool = False

    def total(self) -> int:
        return sum(self.recovered.values())

    def lines(self) -> list[str]:
        """The report in plain sentences."""
        out = [f"Read from the damaged file ({self.source.name}):"]
        found = [_counted(t, n) for t, n in self.recovered.items() if n]
        out.append("  " + (", ".join(found) if found else "nothing could be read back") + ".")
        if self.cut:
            out.append("  The file ends early (it was cut off); anything after the cut is gone.")
        for line in self.lost:
            out.append(f"  Not recovered: {line}")
        out.append(f"Everything else comes from {self.backup or 'an empty workbook'}.")
        return out


def _counted(table: str, n: int) -> str:
    one, many = NAMES.get(table, (table.replace("_", " "), table.replace("_", " ")))
    if table in ("profile", "settings", "plan", "weighing", "values"):
        return f"your {one}"
    return f"{n} {one if n == 1 else many}"


def read_salvage(raw: bytes, codec: Codec, report: Report) -> Data:
    """Every entry of ``raw`` that parses and validates, as workbook tables (no ``_meta``)."""
    text = _plain_bytes(raw, codec, report)
    if text is None:
        return {}
    found = scan(text)
    report.cut = found.cut
    for table, key in found.broken:
        if table == META_TABLE:
            continue  # bookkeeping only (version, save count): rebuilt, nothing of yours
        where = f"entry {key} of {table}" if key else f"the whole {table} section"
        report.lost.append(f"{where} (it is damaged in the file)")
    tables = _migrated(found.tables, report)
    out: Data = {}
    for table, docs in tables.items():
        if table == META_TABLE:
            continue
        kept = _valid_entries(table, docs, report)
        if kept:
            out[table] = kept
            report.recovered[table] = len(kept)
    return out


def _plain_bytes(raw: bytes, codec: Codec, report: Report) -> bytes | None:
    if not looks_encrypted(raw):
        return raw
    if not isinstance(codec, EncryptedCodec):
        report.lost.append("everything (the file is locked with a passphrase; unlock it first)")
        return None
    try:
        # Authenticated encryption: a damaged envelope cannot be read in part.
        return codec.decrypt_bytes(raw)
    except CorruptData:
        report.lost.append("everything (the encrypted file is damaged, so none of it can be read)")
        return None


def _migrated(tables: dict[str, dict[str, Any]], report: Report) -> dict[str, dict[str, Any]]:
    try:
        version = schema_version_of(tables)
    except CorruptData:
        return tables  # the meta table is damaged: assume the entries are of this version
    if version > SCHEMA_VERSION:
        report.lost.append("everything (a newer version of Side by Side wrote the file)")
        return {}
    if version < SCHEMA_VERSION:
        return migrate(tables, version)
    return tables


def _valid_entries(table: str, docs: dict[str, Any], report: Report) -> dict[str, Any]:
    model = StoredModel.registry.get(table)
    if model is None:
        report.lost.append(f"the {table} section (this version does not know it)")
        return {}
    kept: dict[str, Any] = {}
    ids: set[str] = set()
    for key, doc in docs.items():
        try:
            obj = model.model_validate(doc)
        except ValidationError as exc:
            what = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
            report.lost.append(f"entry {key} of {table} ({what})")
            continue
        ident = getattr(obj, "id", None)
        if ident is not None and ident in ids:
            continue  # the same entry twice: the first copy is kept
        if ident is not None:
            ids.add(ident)
        kept[key] = doc
        if issubclass(model, Singleton):
            break
    return kept


def lay_over(base: Data, salvaged: Data) -> Data:
    """The backup's data with every salvaged entry laid over it (matched by the entry's id)."""
    out = copy.deepcopy(base)
    for table, docs in salvaged.items():
        target = out.setdefault(table, {})
        model = StoredModel.registry.get(table)
        if model is not None and issubclass(model, Singleton):
            target.clear()
            target[SINGLE_KEY] = copy.deepcopy(next(iter(docs.values())))
            continue
        where = {doc.get("id"): key for key, doc in target.items()}
        for doc in docs.values():
            key = where.get(doc.get("id"))
            if key is None:
                key = str(max((int(k) for k in target if k.isdigit()), default=0) + 1)
            target[key] = copy.deepcopy(doc)
    return out


def choose_base(workbook: Path, files_backups: Path, codec: Codec) -> tuple[Data, str | None]:
    """What to lay the salvage over: the workbook if it reads (say, after a restore), else
    the latest good backup, else an empty workbook. Returns its data and a label."""
    try:
        data, _version = load_checked(workbook.read_bytes(), codec)
    except (CorruptData, OSError):
        pass
    else:
        return data, "your workbook as it is now"
    for b in backups.list_backups(files_backups):
        try:
            data, _version = load_checked(b.path.read_bytes(), codec)
        except (CorruptData, OSError):
            continue
        return data, f"the backup of {b.label}"
    return new_data(), None


def salvaged_data(
    damaged: Path, workbook: Path, files_backups: Path, codec: Codec | None = None
) -> tuple[Data, Report]:
    """Read ``damaged``, lay what it holds over the best base (see :func:`choose_base`) and
    check the result."""
    codec = codec or PlainCodec()
    report = Report(damaged)
    try:
        raw = damaged.read_bytes()
    except OSError as exc:
        detail = describe_os_error(exc)
        raise DataUnreadable(f"the damaged file could not be read ({detail})", None, 0) from exc
    salvaged = read_salvage(raw, codec, report)
    base, report.backup = choose_base(workbook, files_backups, codec)
    merged = lay_over(base, salvaged)
    meta = merged.setdefault(META_TABLE, {}).setdefault(META_DOC, {})
    meta["schema_version"] = SCHEMA_VERSION
    try:
        validate_data(merged)
    except CorruptData:
        # Salvaged entries that clash with the backup's (two of one thing): fall back to the
        # backup alone rather than write a workbook that would not open.
        report.lost.append("the entries read back, because they clash with the backup's")
        report.recovered.clear()
        merged = base
    return merged, report


@dataclass(frozen=True)
class Salvaged:
    """What :func:`salvage_into` did: its report, and what happened to the file it replaced."""

    report: Report
    restored: Restored
    holds: str
    """What the workbook holds now, in words."""


def find_damaged(files: ProfileFiles, codec: Codec) -> Path | None:
    """The workbook file if it does not read, else the newest file in quarantine, else None."""
    if files.workbook.is_file() and not files.workbook.is_symlink():
        try:
            load_checked(files.workbook.read_bytes(), codec)
        except (CorruptData, OSError):
            return files.workbook
    kept = list(files.quarantine.glob("*.json")) if files.quarantine.is_dir() else []
    return max(kept, key=lambda p: (p.stat().st_mtime_ns, p.name), default=None)


def salvage_into(
    files: ProfileFiles, codec: Codec, damaged: Path, name: str = "", wait: float = 0.0
) -> Salvaged:
    """Salvage ``damaged`` and write the result as the workbook (see the module docstring).

    Raises WriteFailed, changing nothing, if it cannot be written."""
    data, report = salvaged_data(damaged, files.workbook, files.backups, codec)
    restored = start_empty(files, codec, data, name, wait)
    return Salvaged(report, restored, holdings_of(data).describe())
