"""Checking a file someone wants to import, strictly, before a single byte is written.

An import must never hurt a workbook, so the file is read the way a careful person would:

- only JSON that parses exactly (no duplicate keys, no giant numbers, no NaN, UTF-8 only);
- every document, ``_meta`` included, validated through the same models as a save, in strict
  mode, so a date given as a number or a count given as a word is refused rather than coerced;
- the app's own rules: one check-in a day, no check-in, urge, setback or review in the future,
  a review that ends after it starts, dates in sane years;
- and what is kept is the *checked* values, dumped back from the models, never the raw input.

Each problem is one plain sentence saying where it is (:class:`ImportRefused`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from workbook import clock
from workbook.errors import InvalidInput
from workbook.models import (
    CapitalCheckin,
    Checkin,
    Profile,
    Review,
    Setback,
    ShortText,
    Singleton,
    StoredModel,
    Urge,
)
from workbook.storage.codec import Data
from workbook.storage.crypto import looks_encrypted
from workbook.storage.migrations import SCHEMA_VERSION, migrate

EXPORT_FORMAT = "side-by-side-export"
META_TABLE = "_meta"
SINGLE_KEY = "1"
MAX_PROBLEMS = 20
MAX_NUMBER_DIGITS = 30
EARLIEST = date(1900, 1, 1)
TIME_ZONE_SLACK = timedelta(days=1)
"""An export made where it is already tomorrow (another time zone) is not "in the future"."""
YEARS_AHEAD = 100
"""How far ahead a planned date (a goal's target) may be: far enough for any plan."""

TABLE_WORDS = {
    "profile": "the profile",
    "settings": "the settings",
    "goals": "goal",
    "people": "person",
    "plan": "the plan",
    "plan_revisions": "plan revision",
    "weighing": "weighing it up",
    "values": "what matters most",
    "reviews": "weekly review",
    "checkins": "check-in",
    "setbacks": "setback",
    "urges": "urge",
    "skill_progress": "skill",
    "own_skills": "own skill",
    "resources": "resource",
    "hard_moments": "the plan for hard moments",
    "capital_checkins": "life check-in",
    META_TABLE: "the file's version details",
}


class ImportRefused(InvalidInput):
    """The file cannot be imported; ``problems`` lists why (nothing was imported)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"Nothing was imported: {shown}{more}.")


class Meta(BaseModel):
    """The ``_meta`` document of an export, checked like everything else."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = Field(ge=1)
    app_version: ShortText = ""
    save_count: int = Field(default=0, ge=0, le=10**12)


# --- Reading the JSON ----------------------------------------------------------------------


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(
                f"the name {key!r} appears twice in one place, so one of the two would be lost"
            )
        seen[key] = value
    return seen


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number in the file is longer than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _number(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError("a number in the file is too large")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"the file holds {name}, which is not a number an export can have")


def parse_json(raw: bytes) -> Any:
    """Parse the file's bytes exactly, or refuse with one plain sentence about why."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as some editors add: harmless
    if not raw.strip():
        raise ImportRefused(["the file is empty"])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(
            ["the file is saved as UTF-16 text, and an export is UTF-8; save it as UTF-8 first"]
        )
    if looks_encrypted(raw[:64]):
        raise ImportRefused(
            [
                "the file is a workbook or backup locked with a passphrase, not an export; "
                "a backup is brought back with `workbook restore`"
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            [f"the file is not UTF-8 text (at byte {exc.start}), so it is not an export"]
        ) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_int=_whole_number,
            parse_float=_number,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            problem = "the file ends too soon: it may have been cut short while it was copied"
        else:
            problem = f"the file is not valid JSON (line {exc.lineno}, column {exc.colno})"
        raise ImportRefused([problem]) from None
    except RecursionError:
        raise ImportRefused(["the file is nested too deeply to be an export"]) from None
    except ValueError as exc:
        raise ImportRefused([str(exc)]) from None


def unwrap(outer: Any) -> tuple[Data, int]:
    """The workbook inside an export and its schema version, or a refusal saying why."""
    if isinstance(outer, dict) and META_TABLE in outer and "format" not in outer:
        raise ImportRefused(
            [
                "the file is a workbook or backup file, not an export; "
                "a backup is brought back with `workbook restore`"
            ]
        )
    if not isinstance(outer, dict) or outer.get("format") != EXPORT_FORMAT:
        raise ImportRefused(["the file is not an export from Side by Side"])
    data = outer.get("workbook")
    if not isinstance(data, dict) or not data:
        raise ImportRefused(["the export has no workbook in it"])
    for table, docs in data.items():
        if not isinstance(docs, dict) or not all(isinstance(d, dict) for d in docs.values()):
            raise ImportRefused([f"{_label(table)}: this part of the file has the wrong shape"])
    meta = data.get(META_TABLE, {}).get(SINGLE_KEY)
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(["the export does not say which schema version it has"])
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            [f"it was made by a newer version of Side by Side (schema {version}); update first"]
        )
    return data, version


# --- Checking every document ----------------------------------------------------------------


def check_data(data: Data, version: int, today: date | None = None) -> Data:
    """Migrate, validate strictly and apply the app's rules; return the checked data."""
    today = today or clock.today()
    if version < SCHEMA_VERSION:
        data = migrate(data, version)
    problems: list[str] = []
    clean: Data = {}
    for table, docs in data.items():
        clean[table] = _check_table(table, docs, problems)
        if len(problems) >= MAX_PROBLEMS:
            break
    if not clean.get("profile"):
        problems.insert(0, "the export has no profile")
    if not problems:
        problems.extend(_rule_problems(clean, today))
    if problems:
        raise ImportRefused(problems[:MAX_PROBLEMS])
    return clean


def _check_table(table: str, docs: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    model: type[BaseModel] | None = Meta if table == META_TABLE else StoredModel.registry.get(table)
    if model is None:
        if docs:
            problems.append(f"the file has a part this version does not know ({table!r})")
        return {}
    single = table == META_TABLE or issubclass(model, Singleton)
    if single and set(docs) - {SINGLE_KEY}:
        problems.append(f"{_label(table)}: the file has more than one, or one in the wrong place")
        return {}
    out: dict[str, Any] = {}
    ids: set[str] = set()
    for position, (key, doc) in enumerate(docs.items(), 1):
        where = _label(table) if single else f"{_label(table)} {position}"
        if not (key.isdigit() and len(key) <= 12 and not key.startswith("0")):
            problems.append(
                f"{where}: it is filed under {key[:20]!r}, which is not an entry number"
            )
            continue
        try:
            obj = model.model_validate_json(json.dumps(doc), strict=True)
        except ValidationError as exc:
            problems.extend(f"{where}{_where(e)}: {plain_error(e)}" for e in exc.errors()[:3])
            continue
        ident = getattr(obj, "id", None)
        if ident is not None:
            if ident in ids:
                problems.append(f"{where}: it has the same id as an earlier {_label(table)}")
            ids.add(ident)
        out[key] = obj.model_dump(mode="json")
    return out


def _label(table: str) -> str:
    return TABLE_WORDS.get(table, repr(table))


def _where(err: ErrorDetails) -> str:
    parts: list[str] = []
    for part in err["loc"]:
        parts.append(f"item {part + 1}" if isinstance(part, int) else str(part).replace("_", " "))
    return (", " + " ".join(parts)) if parts else ""


def plain_error(err: ErrorDetails) -> str:
    """A pydantic error in plain words (never the library's own wording)."""
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    limits = {
        "string_too_long": f"is longer than {ctx.get('max_length')} characters",
        "too_long": (
            f"is longer than {ctx.get('max_length')} characters"
            if isinstance(err.get("input"), str)
            else f"has more than {ctx.get('max_length')} entries"
        ),
        "greater_than_equal": f"should be {ctx.get('ge')} or more",
        "less_than_equal": f"should be {ctx.get('le')} or less",
        "greater_than": f"should be more than {ctx.get('gt')}",
        "less_than": f"should be less than {ctx.get('lt')}",
        "enum": f"should be one of: {ctx.get('expected')}",
    }
    if kind in limits:
        return limits[kind]
    for prefix, words in _KINDS:
        if kind.startswith(prefix):
            return words
    return "is not valid here"


_KINDS = (
    ("missing", "is missing"),
    ("extra_forbidden", "is not something this version keeps"),
    ("string_too_short", "is empty"),
    ("too_short", "is empty"),
    ("int", "should be a whole number"),
    ("float", "should be a number"),
    ("bool", "should be true or false"),
    ("string", "should be text"),
    ("datetime", "should be a date and time, like 2026-11-27T10:00:00"),
    ("date", "should be a date, like 2026-11-27"),
    ("time", "should be a time of day, like 18:30"),
    ("list", "should be a list"),
    ("model", "should be a group of answers"),
    ("dict", "should be a group of answers"),
    ("string_pattern", "is not in the expected form"),
)


# --- The app's own rules ----------------------------------------------------------------------


def _rule_problems(data: Data, today: date) -> list[str]:
    problems: list[str] = []
    problems.extend(_date_range_problems(data, today))
    problems.extend(_future_problems(data, today))
    problems.extend(_one_checkin_a_day(data))
    for position, doc in enumerate(data.get(Review.TABLE, {}).values(), 1):
        review = Review.model_validate(doc)
        if review.week_end < review.week_start:
            problems.append(f"weekly review {position}: it ends before it starts")
        elif review.week_end - review.week_start > timedelta(days=31):
            problems.append(f"weekly review {position}: it covers more than a month")
    return problems[:MAX_PROBLEMS]


def _future_problems(data: Data, today: date) -> Iterator[str]:
    dated: tuple[tuple[type[StoredModel], str], ...] = (
        (Checkin, "on"),
        (Setback, "on"),
        (Urge, "on"),
        (Review, "week_start"),
        (Profile, "recovery_start"),
        (CapitalCheckin, "day"),
    )
    for model, field in dated:
        for position, doc in enumerate(data.get(model.TABLE, {}).values(), 1):
            value = doc.get(field)
            if value is not None and date.fromisoformat(value) > today + TIME_ZONE_SLACK:
                where = _label(model.TABLE)
                where = where if issubclass(model, Singleton) else f"{where} {position}"
                yield f"{where}: its date ({value}) is in the future"


def _one_checkin_a_day(data: Data) -> Iterator[str]:
    for model, field in ((Checkin, "on"), (CapitalCheckin, "day")):
        seen: set[str] = set()
        label = _label(model.TABLE)
        for position, doc in enumerate(data.get(model.TABLE, {}).values(), 1):
            day = doc[field]
            if day in seen:
                yield (
                    f"{label} {position}: there is already a {label} for {day}, and a day has one"
                )
            seen.add(day)


def _date_range_problems(data: Data, today: date) -> Iterator[str]:
    latest = date(today.year + YEARS_AHEAD, 12, 31)
    for table, docs in data.items():
        model = StoredModel.registry.get(table)
        if model is None:
            continue
        for position, doc in enumerate(docs.values(), 1):
            for value in _dates_in(model.model_validate(doc)):
                if not EARLIEST <= value <= latest:
                    where = _label(table)
                    where = where if issubclass(model, Singleton) else f"{where} {position}"
                    yield (
                        f"{where}: the date {value.isoformat()} is outside the years "
                        f"{EARLIEST.year} to {latest.year}"
                    )
                    break


def _dates_in(value: Any) -> Iterator[date]:
    """Every date (and the day of every date and time) in a model, nested ones included."""
    if isinstance(value, datetime):
        yield value.date()
    elif isinstance(value, date):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _dates_in(item)
