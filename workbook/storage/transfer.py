"""Moving a whole workbook: a full JSON export, and importing one into a new profile.

An import is checked completely before anything is written: if any part is wrong, nothing is
imported and the first problems are listed with their paths. Older exports are migrated.
"""

from __future__ import annotations

import json
from typing import Any

from workbook import __version__
from workbook.errors import InvalidInput
from workbook.models import Profile, ProfileCard
from workbook.storage.codec import Codec, CorruptData, Data, PlainCodec, dump_json, load_json
from workbook.storage.migrations import SCHEMA_VERSION, migrate
from workbook.storage.profiles import DataRoot
from workbook.storage.repository import Repository
from workbook.storage.store import create_store, schema_version_of
from workbook.storage.validation import find_problems

EXPORT_FORMAT = "side-by-side-export"


class ImportRefused(InvalidInput):
    """The file cannot be imported; ``problems`` lists why (nothing was imported)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"Nothing was imported. {shown}{more}")


def export_document(repo: Repository, exported_at: str) -> dict[str, Any]:
    """The whole workbook with its schema version, ready to write as JSON."""
    return {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "exported": exported_at,
        "workbook": repo.export_data(),
    }


def export_bytes(repo: Repository, exported_at: str) -> bytes:
    return dump_json(export_document(repo, exported_at))


def read_export(raw: bytes) -> Data:
    """Check an export completely; return its workbook data at the current schema version."""
    try:
        outer: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefused(["the file is not a JSON export from Side by Side"]) from None
    if not isinstance(outer, dict) or outer.get("format") != EXPORT_FORMAT:
        raise ImportRefused(["the file is not a JSON export from Side by Side"])
    try:
        data = load_json(dump_json(outer.get("workbook")))  # type: ignore[arg-type]
        version = schema_version_of(data)
    except (CorruptData, TypeError, ValueError) as exc:
        raise ImportRefused([f"workbook: {exc}"]) from None
    if version > SCHEMA_VERSION:
        raise ImportRefused([f"it was made by a newer version of Side by Side (schema {version})"])
    data = migrate(data, version) if version < SCHEMA_VERSION else data
    problems = [str(p) for p in find_problems(data, limit=20)]
    if "1" not in data.get("profile", {}):
        problems.insert(0, "profile: the export has no profile")
    if problems:
        raise ImportRefused(problems)
    return data


def import_new_profile(
    root: DataRoot, data: Data, codec: Codec | None = None, name: str | None = None
) -> ProfileCard:
    """Create a new profile holding ``data`` (already checked by :func:`read_export`)."""
    profile = Profile.model_validate(data["profile"]["1"])
    if name:
        profile.display_name = name
        data["profile"]["1"] = profile.model_dump(mode="json")
    card = root.create(profile, codec=codec)
    # The new, empty workbook is replaced by the imported one in a single atomic write.
    create_store(root.files(card), codec or PlainCodec(), data)
    return card
