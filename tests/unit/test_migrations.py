"""Migrations: pure dict->dict steps, each tested from a frozen file of the older version."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.models import Goal, Person, Profile, ProfileCard, Settings, StoredModel
from workbook.storage import SCHEMA_VERSION, DataRoot, list_backups
from workbook.storage.backups import PRE_MIGRATION
from workbook.storage.migrations import MIGRATIONS, add_tables, migrate
from workbook.storage.store import validate_data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
OLD_VERSIONS = sorted(int(p.stem[1:]) for p in FIXTURES.glob("v*.json"))


def _load(version: int) -> dict:  # type: ignore[type-arg]
    return json.loads((FIXTURES / f"v{version}.json").read_text(encoding="utf-8"))


def test_every_old_version_has_a_frozen_fixture() -> None:
    assert list(range(1, SCHEMA_VERSION)) == OLD_VERSIONS


# The fields a step may add to existing documents (and nothing else): table -> field names.
ADDS_FIELDS: dict[int, dict[str, set[str]]] = {11: {"urges": {"kind"}}}


def _without_added(docs: dict, added: set[str], old: dict) -> dict:  # type: ignore[type-arg]
    """``docs`` with the fields a step added (and the old documents did not have) taken out."""
    return {
        doc_id: {k: v for k, v in doc.items() if k in old.get(doc_id, {}) or k not in added}
        for doc_id, doc in docs.items()
    }


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_each_step_is_pure_and_keeps_everything(version: int) -> None:
    old = _load(version)
    frozen = copy.deepcopy(old)
    new = MIGRATIONS[version](old)
    assert old == frozen, "a migration must not change its input"
    for table, docs in old.items():
        if table != "_meta":
            added = ADDS_FIELDS.get(version, {}).get(table, set())
            assert _without_added(new[table], added, docs) == docs, f"{table} changed"


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_chain_from_each_version_validates(version: int) -> None:
    data = migrate(_load(version), version)
    assert data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    validate_data(data)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_opening_an_old_file_backs_up_then_upgrades(
    root: DataRoot, make_profile: Callable[..., ProfileCard], version: int
) -> None:
    card = make_profile("Robin")
    files = root.files(card)
    shutil.copyfile(FIXTURES / f"v{version}.json", files.workbook)
    original = files.workbook.read_bytes()

    repo = root.open(card)
    assert not repo.read_only
    profile = repo.get(Profile)
    assert profile is not None and profile.display_name == "Robin"
    assert profile.working_on_words == "the pub and the slots"
    assert repo.get(Settings) == Settings(country="UK", week_starts_on=6, idle_lock_minutes=10)
    assert [g.title for g in repo.all(Goal)] == ["Open a bank account"]
    assert [p.name for p in repo.all(Person)] == ["Sam"]
    repo.close()

    saved = json.loads(files.workbook.read_bytes())
    assert saved["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    pre = [b for b in list_backups(files.backups) if b.kind == PRE_MIGRATION]
    assert len(pre) == 1 and pre[0].path.read_bytes() == original


def test_newer_file_opens_read_only_and_is_never_changed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Robin")
    files = root.files(card)
    data = migrate(_load(1), 1)
    data["_meta"]["1"].update(schema_version=SCHEMA_VERSION + 1, app_version="9.9.9")
    data["goals"]["1"]["a_future_field"] = "something new"
    data["future_table"] = {"1": {"x": 1}}
    files.workbook.write_text(json.dumps(data), encoding="utf-8")
    before = files.workbook.read_bytes()

    repo = root.open(card)
    assert repo.read_only
    assert "newer version" in (repo.read_only_reason or "")
    assert [g.title for g in repo.all(Goal)] == ["Open a bank account"]
    from workbook.errors import ReadOnlyWorkbook

    with pytest.raises(ReadOnlyWorkbook):
        repo.save(Goal(title="nope"))
    repo.close()
    assert files.workbook.read_bytes() == before


def test_add_tables_framework_with_a_test_registry() -> None:
    registry = {1: add_tables("a"), 2: add_tables("b", "c")}
    out = migrate({"_meta": {"1": {"schema_version": 1}}}, 1, registry)
    assert out == {"_meta": {"1": {"schema_version": 3}}, "a": {}, "b": {}, "c": {}}


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_latest_migration_makes_exactly_the_models_tables(version: int) -> None:
    """A table added to the models without a schema bump and a migration fails here.

    An older app quarantines a file with a table it does not know at its own schema version, so
    a new table must always come with a new version (and its migration and frozen fixture).
    """
    migrated = migrate(_load(version), version)
    assert set(migrated) - {"_meta"} <= set(StoredModel.registry), "a table no model claims"
    first = migrate(_load(OLD_VERSIONS[0]), OLD_VERSIONS[0])
    assert set(first) - {"_meta"} == set(StoredModel.registry), "a model with no migration"
