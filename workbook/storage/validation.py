"""Checking a whole workbook's data against the models, listing problems with their paths."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from workbook.models import Singleton, StoredModel
from workbook.storage.codec import Data

META_TABLE = "_meta"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data: where, and what, in plain words."""

    table: str
    where: str
    what: str

    @property
    def summary(self) -> str:
        """The short form used when a whole file is refused."""
        return self.what if not self.where else f"an entry in {self.table} is not valid"

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


def find_problems(data: Data, limit: int = 20) -> list[Problem]:
    """Up to ``limit`` problems, in file order; an empty list means the data is valid."""
    problems: list[Problem] = []
    for table, docs in data.items():
        if table == META_TABLE:
            continue
        problems.extend(_table_problems(table, docs))
        if len(problems) >= limit:
            break
    return problems[:limit]


def find_shape_problems(data: Data) -> list[Problem]:
    """The checks that need no model built: tables this version knows, one entry per
    singleton, every entry an object. For a file whose checksum vouches for its entries."""
    for table, docs in data.items():
        if table == META_TABLE:
            continue
        model = StoredModel.registry.get(table)
        if model is None:
            if docs:
                what = f"the file has a section this version does not know ({table})"
                return [Problem(table, "", what)]
            continue
        if not isinstance(docs, dict) or not all(isinstance(d, dict) for d in docs.values()):
            return [Problem(table, table, "an entry is not an object")]
        if issubclass(model, Singleton) and len(docs) > 1:
            return [Problem(table, "", f"the file has more than one {table}")]
    return []


def _table_problems(table: str, docs: dict[str, object]) -> list[Problem]:
    model = StoredModel.registry.get(table)
    if model is None:
        if docs:
            return [
                Problem(table, "", f"the file has a section this version does not know ({table})")
            ]
        return []
    if issubclass(model, Singleton) and len(docs) > 1:
        return [Problem(table, "", f"the file has more than one {table}")]
    problems: list[Problem] = []
    ids: set[str] = set()
    for position, doc in enumerate(docs.values(), 1):
        try:
            obj = model.model_validate(doc)
        except ValidationError as exc:
            for err in exc.errors()[:3]:
                path = ".".join(str(p) for p in err["loc"])
                where = f"{table}[{position}]" + (f".{path}" if path else "")
                msg = str(err["msg"]).removeprefix("Value error, ")
                problems.append(Problem(table, where, msg))
            continue
        ident = getattr(obj, "id", None)
        if ident is not None:
            if ident in ids:
                problems.append(
                    Problem(table, f"{table}[{position}].id", "two entries share one id")
                )
            ids.add(ident)
    return problems
