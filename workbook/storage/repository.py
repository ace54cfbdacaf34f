"""The repository: pydantic models in, pydantic models out.

This is the only layer that touches TinyDB tables, ``Query`` and raw documents. Feature modules
(``workbook/goals.py`` and friends) build their intent-named functions on these few calls, and
screens only ever see models.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import to_jsonable_python
from tinydb import Query
from tinydb.table import Document, Table

from workbook.errors import ReadOnlyWorkbook
from workbook.models import Record, Singleton, StoredModel
from workbook.storage.store import Store

S = TypeVar("S", bound=Singleton)
R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=StoredModel)
T = TypeVar("T")
V = TypeVar("V", bound=BaseModel)

_SINGLE_ID = 1


class Repository:
    """Reads and saves models in one open :class:`Store`. Every save is atomic and durable."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._memo: dict[Hashable, Any] = {}
        self._memo_version = -1

    # State ---------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True when changes cannot be saved (see :attr:`read_only_reason`)."""
        return self._store.read_only

    @property
    def read_only_reason(self) -> str | None:
        return self._store.read_only_reason if self.read_only else None

    @property
    def warnings(self) -> list[str]:
        """Things worth telling the person from opening (a backup that could not be made)."""
        return list(self._store.warnings)

    def take_notices(self) -> list[str]:
        """Plain sentences about recent saves the person should hear (each given once): a
        version of the workbook written behind this window was found, kept and merged."""
        return self._store.take_notices()

    def when_noticed(self, listener: Callable[[], None] | None) -> None:
        """Call ``listener`` (no arguments) each time a save leaves a notice to take, so a
        window can tell the person at once rather than at the next open."""
        self._store.when_noticed(listener)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything saved inside lands in one atomic write, or not at all."""
        with self._store.transaction():
            yield

    def close(self) -> None:
        self._memo.clear()
        self._store.close()

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, kept until the workbook next changes (any save, rollback or reload).

        For read-only summaries that are costly on years of entries: Home rebuilds its cards
        each time it is shown, and a card over ten years of check-ins reads them all. ``make``
        must return something immutable (text, numbers, tuples): the same object is returned
        again, so a model handed out twice could be changed behind the workbook's back.
        """
        version = self._store.storage.version
        if version != self._memo_version:
            self._memo.clear()
            self._memo_version = version
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[no-any-return]

    def export_data(self) -> dict[str, dict[str, Any]]:
        """A deep copy of everything stored, as plain JSON-ready data (for a full export)."""
        return copy.deepcopy(self._store.storage.read())

    # Singletons ----------------------------------------------------------------------------

    def get(self, model: type[S]) -> S | None:
        """The one stored ``model`` (the profile, the settings...), or None if never saved."""
        doc = self._table(model).get(doc_id=_SINGLE_ID)
        return None if doc is None else self._load(model, doc)

    def put(self, obj: Singleton) -> None:
        """Save the one ``obj`` of its kind, replacing what was there."""
        self._check_writable()
        with self.transaction():  # TinyDB's upsert may write twice; land it as one save
            self._table(type(obj)).upsert(Document(self._dump(obj), doc_id=_SINGLE_ID))

    # Records -------------------------------------------------------------------------------

    def all(self, model: type[R], where: Callable[[R], bool] | None = None) -> list[R]:
        """Every stored ``model``, in the order they were first saved, optionally filtered."""
        items = [self._load(model, doc) for doc in self._stored(model)]
        loaded = [item for item in items if item is not None]
        return loaded if where is None else [item for item in loaded if where(item)]

    def glance(self, model: type[StoredModel], view: type[V]) -> list[V]:
        """Every stored ``model`` read as ``view``: a smaller model of some of its fields,
        which ignores the rest. Only those fields are validated, so reading a few fields of
        thousands of entries (the days of ten years of check-ins, for Home) stays quick.

        An entry that does not fit ``view`` is left out in a read-only view of a newer file,
        as :meth:`all` does; otherwise it is an error, as it would be for :meth:`all`.
        """
        docs = self._stored(model)
        if not self.read_only:
            return [view.model_validate(doc) for doc in docs]
        found = []
        for doc in docs:
            try:
                found.append(view.model_validate(doc))
            except ValidationError:
                continue
        return found

    def find_by(self, model: type[R], **fields: Any) -> list[R]:
        """Records whose stored fields equal these values. Only matches are validated, so
        this stays quick on a table of thousands (a check-in by its date, say)."""
        query = None
        for name, value in fields.items():
            if name not in model.model_fields:
                raise TypeError(f"{model.__name__} has no field {name!r}")
            test = Query()[name] == to_jsonable_python(value)
            query = test if query is None else query & test
        if query is None:
            return self.all(model)
        found = [self._load(model, doc) for doc in self._table(model).search(query)]
        return [item for item in found if item is not None]

    def find_between(self, model: type[R], name: str, low: Any, high: Any) -> list[R]:
        """Records whose stored ``name`` lies from ``low`` to ``high`` (inclusive), compared as
        stored (ISO dates compare rightly as text); only matches are validated."""
        if name not in model.model_fields:
            raise TypeError(f"{model.__name__} has no field {name!r}")
        lo, hi = to_jsonable_python(low), to_jsonable_python(high)
        query = Query()[name].test(lambda v: v is not None and lo <= v <= hi)
        found = [self._load(model, doc) for doc in self._table(model).search(query)]
        return [item for item in found if item is not None]

    def newest(self, model: type[R], n: int, *fields: str) -> list[R]:
        """The ``n`` records that come last by the stored ``fields`` (compared as stored, so
        ISO dates and times compare rightly as text; a missing value counts as the latest),
        last first (equals in the order they were saved). Only those ``n`` are validated,
        so a screen listing the newest hundred of years of entries reads a hundred."""
        for name in fields:
            if name not in model.model_fields:
                raise TypeError(f"{model.__name__} has no field {name!r}")

        def stored(doc: dict[str, Any]) -> tuple[tuple[bool, Any], ...]:
            return tuple((doc.get(name) is None, doc.get(name) or "") for name in fields)

        docs = sorted(self._stored(model), key=stored, reverse=True)
        found = [self._load(model, doc) for doc in docs[:n]]
        return [item for item in found if item is not None]

    def count_between(self, model: type[R], name: str, low: Any, high: Any) -> int:
        """How many records :meth:`find_between` would return, without validating any."""
        if name not in model.model_fields:
            raise TypeError(f"{model.__name__} has no field {name!r}")
        lo, hi = to_jsonable_python(low), to_jsonable_python(high)
        return self._table(model).count(
            Query()[name].test(lambda v: v is not None and lo <= v <= hi)
        )

    def find(self, model: type[R], ident: str) -> R | None:
        """The stored ``model`` with this id, or None."""
        docs = self._table(model).search(Query().id == ident)
        return self._load(model, docs[0]) if docs else None

    def save(self, obj: Record) -> None:
        """Add ``obj``, or replace the stored one with the same id."""
        self._check_writable()
        with self.transaction():  # TinyDB's upsert may write twice; land it as one save
            self._table(type(obj)).upsert(self._dump(obj), Query().id == obj.id)

    def save_many(self, objs: list[Record]) -> None:
        """Save several records in one atomic write."""
        with self.transaction():
            for obj in objs:
                self.save(obj)

    def add_many(self, objs: list[Record]) -> None:
        """Add many new records in one atomic write, quickly (one pass per table).

        For bulk work such as the demo workbook or an import: unlike :meth:`save_many` it never
        replaces. An id already stored, or given twice, raises ``ValueError`` and nothing is saved.
        """
        self._check_writable()
        by_table: dict[type[Record], list[dict[str, Any]]] = {}
        for obj in objs:
            by_table.setdefault(type(obj), []).append(self._dump(obj))
        for model, docs in by_table.items():
            if issubclass(model, Singleton) or not model.TABLE:
                raise TypeError(f"{model.__name__} is not a record model")
            seen = {doc.get("id") for doc in self._stored(model)}
            for doc in docs:
                if doc["id"] in seen:
                    raise ValueError(f"{model.TABLE}: the id {doc['id']!r} is already used")
                seen.add(doc["id"])
        with self.transaction():
            for model, docs in by_table.items():
                self._table(model).insert_multiple(docs)

    def remove(self, model: type[R], ident: str) -> bool:
        """Remove the record with this id; return whether there was one."""
        self._check_writable()
        return bool(self._table(model).remove(Query().id == ident))

    def count(self, model: type[StoredModel]) -> int:
        return len(self._table(model))

    # Internals -----------------------------------------------------------------------------

    def _table(self, model: type[StoredModel]) -> Table:
        return self._store.db.table(_table_name(model), cache_size=0)

    def _stored(self, model: type[StoredModel]) -> list[dict[str, Any]]:
        """The table's entries as stored, in the order they were first saved, to read only.

        TinyDB's ``Table.all()`` copies every entry into a ``Document`` first: reading the days
        of ten years of check-ins for Home made 3,036 copies only to validate them and throw
        them away (half the time, and 4.2 MB at its peak against 1.6). Validating a model
        from an entry never changes the entry, and no entry leaves this class.
        """
        return list(self._store.storage.read().get(_table_name(model), {}).values())

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyWorkbook(
                f"This workbook is open read-only: {self._store.read_only_reason}"
            )

    def _load(self, model: type[M], doc: dict[str, Any]) -> M | None:
        if not self.read_only:
            return model.model_validate(doc)
        # A read-only view of a newer file: keep what we understand, skip what we cannot.
        known = {k: v for k, v in doc.items() if k in model.model_fields}
        try:
            return model.model_validate(known)
        except ValidationError:
            return None

    @staticmethod
    def _dump(obj: StoredModel) -> dict[str, Any]:
        return obj.model_dump(mode="json")


def _table_name(model: type[StoredModel]) -> str:
    """The table ``model`` is stored in; a model with none is refused."""
    if not model.TABLE:
        raise TypeError(f"{model.__name__} is not a stored model")
    return model.TABLE
