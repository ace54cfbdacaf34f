"""No plaintext on disk: markers written through every stored model never appear in any file.

Models are found through ``StoredModel.registry``, so models other features add later are covered
without changing this test. The one allowed exception is the card, which holds only the label.
"""

from __future__ import annotations

import enum
import itertools
import json
import types
import typing
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from tests.unit.crypto_helpers import PASS, make_private
from workbook.errors import DataUnreadable
from workbook.models import ProfileCard, Record, Singleton, StoredModel
from workbook.storage import DataRoot, atomic
from workbook.storage.restore import restore_backup

_counter = itertools.count()
MARKERS: list[str] = []


def marker() -> str:
    text = f"QZX{next(_counter):04d}MARK"
    MARKERS.append(text)
    return text


def fill(annotation: Any) -> Any:
    """A value for a field of this type, with a marker wherever text can go."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return fill(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return fill(options[0]) if options else None
    if origin in (list, set, frozenset, tuple):
        return [fill(args[0])] if args else []
    if origin is dict:
        return {marker(): fill(args[1])} if args and args[0] is str else {}
    if origin is typing.Literal:
        return args[0]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return next(iter(annotation))
        if issubclass(annotation, BaseModel):
            return build(annotation)
        if issubclass(annotation, bool):
            return True
        if issubclass(annotation, int):
            return 3
        if issubclass(annotation, float):
            return 3.5
        if issubclass(annotation, str):
            return marker()
        if issubclass(annotation, datetime):
            return datetime(2026, 11, 27, 10, 0).astimezone()
        if issubclass(annotation, date):
            return date(2026, 11, 27)
        if issubclass(annotation, time):
            return time(10, 0)
        if issubclass(annotation, timedelta):
            return timedelta(minutes=5)
    return None


def build(model: type[BaseModel]) -> dict[str, Any]:
    """Field values for ``model`` with markers; a field that refuses them keeps its default."""
    values = {name: fill(f.annotation) for name, f in model.model_fields.items() if name != "id"}
    for _ in range(len(values) + 1):
        try:
            model.model_validate(values)
            return values
        except ValidationError as exc:
            bad = {e["loc"][0] for e in exc.errors() if e["loc"]}
            for name in bad:
                field = model.model_fields.get(str(name))
                if field is not None and not field.is_required():
                    values.pop(str(name), None)
                elif field is not None:
                    values[str(name)] = _fallback(field.annotation)
    return values


def _fallback(annotation: Any) -> Any:
    """A plain value for a required field that refused a marker (a pattern, a range)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _fallback(typing.get_args(annotation)[0])
    return "plan" if annotation is str else fill(annotation)


def stored_models() -> list[type[StoredModel]]:
    return [m for m in StoredModel.registry.values() if issubclass(m, Record | Singleton)]


def all_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_markers_never_reach_the_disk(root: DataRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[bytes] = []
    real_write = atomic._write

    def recording(fd: int, data: bytes) -> None:
        written.append(bytes(data))
        real_write(fd, data)

    monkeypatch.setattr(atomic, "_write", recording)
    card, code = make_private(root, "Quill")
    files = root.files(card)
    repo = root.open(card, codec=root.unlock(card, PASS))
    saved = 0
    dumped = ""
    for model in stored_models():
        obj = model.model_validate(build(model))
        dumped += json.dumps(obj.model_dump(mode="json"))
        if isinstance(obj, Singleton):
            repo.put(obj)
        else:
            assert isinstance(obj, Record)
            repo.save(obj)
        saved += 1
    repo.close()
    used = [text for text in MARKERS if text in dumped]
    assert saved >= 4 and len(used) >= 10
    # The markers really are stored (decrypted, every one is there), so the scan below can fail.
    plain = json.dumps(root.unlock(card, PASS).decode(files.workbook.read_bytes()))
    assert all(text in plain for text in used)
    # Backups (daily + pre-restore), quarantine, the key file and its mirror, a temp file.
    repo = root.open(card, codec=root.unlock(card, PASS))
    repo.close()
    root.files(card).workbook.write_bytes(files.workbook.read_bytes()[:-3])
    with pytest.raises(DataUnreadable):
        root.open(card, codec=root.unlock(card, PASS))
    codec = root.unlock(card, PASS)
    good = sorted(files.backups.glob("workbook-*.json"))[0]
    restore_backup(files, codec, good)
    fd, tmp = atomic._open_temp(files.workbook)  # what a save cut off by a crash leaves
    atomic._write(fd, codec.encode(codec.decode(good.read_bytes())))
    import os

    os.close(fd)
    new_code = root.change_passphrase(card, codec, "another long phrase")
    assert new_code is not None

    found = all_files(root.path)
    names = {p.name for p in found}
    assert {"keys.json", "workbook.json", "profile.json"} <= names
    assert tmp.name not in names  # the change cleans up what a crashed save left
    assert any(p.parent.name == "quarantine" for p in found)
    assert len([p for p in found if p.parent.name == "backups"]) >= 2
    secrets = [*MARKERS, PASS, "another long phrase", code, code.replace("-", ""), new_code]
    for path in found:
        raw = path.read_bytes()
        for text in secrets:
            assert text.encode() not in raw, f"{text} found in {path}"
        if path.name != "profile.json":
            assert b"Quill" not in raw, path
    for data in written:
        for text in secrets:
            assert text.encode() not in data


def test_card_holds_only_the_label(root: DataRoot) -> None:
    card, _ = make_private(root, "Quill")
    doc = json.loads((root.files(card).folder / "profile.json").read_bytes())
    assert set(doc) == set(ProfileCard.model_fields)
    assert set(doc) == {"id", "display_name", "show_initials", "encrypted", "created"}
    assert doc["display_name"] == "Quill"
