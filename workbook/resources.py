"""Where to turn: the resource directory, in three layers shown together.

1. **National** lines and services shipped in ``content/en/crisis_lines.toml``, each with where
   it was checked and how long ago.
2. **The group's list**: a TOML file a facilitator keeps at ``<data dir>/group-resources.toml``
   (and/or names with ``workbook --resources FILE``). Members only read it. It is read as
   hostile input: size capped, nesting and types checked, text cleaned of control characters;
   good entries load, bad ones are skipped with a reason and (where we can tell) a line number.
3. **My own** entries, stored in the workbook (:class:`~workbook.models.Resource`).

Nothing is ever fetched: a website is text to copy.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbook.content import crisis, online_groups, online_help
from workbook.errors import InvalidInput
from workbook.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Country,
    Resource,
    ResourceCategory,
)
from workbook.people import friendly
from workbook.storage import Repository

GROUP_FILE_NAME = "group-resources.toml"
"""The group's list lives in the data folder under this name."""
MAX_GROUP_FILE_BYTES = 256 * 1024
"""A group list is a few kilobytes; anything past this is not read at all."""
MAX_GROUP_ENTRIES = 500
"""Entries past this many are skipped (and counted)."""

CATEGORIES: tuple[ResourceCategory, ...] = tuple(ResourceCategory)
GROUP_FIELDS = ("name", "category", "phone", "address", "website", "hours", "notes")
_LIMITS = {name: SHORT_TEXT_MAX for name in GROUP_FIELDS} | {"notes": LONG_TEXT_MAX}
_CATEGORY_ALIASES = {"other": ResourceCategory.OTHER, "crisis line": ResourceCategory.CRISIS}


class Origin(StrEnum):
    """Which layer an entry comes from."""

    MINE = "mine"
    GROUP = "group"
    NATIONAL = "national"
    ONLINE = "online"


@dataclass(frozen=True)
class Entry:
    """One entry of the directory, whatever layer it comes from, ready to show."""

    origin: Origin
    name: str
    category: str
    origin_label: str
    """Where it comes from, in words: "My own", "Group list: ...", "National, checked ..."."""
    phone: str = ""
    address: str = ""
    website: str = ""
    hours: str = ""
    notes: str = ""
    own_id: str | None = None
    """The stored id, for the person's own entries (the only ones they can change)."""

    def haystack(self) -> str:
        parts = (self.name, self.category, self.phone, self.address, self.website)
        more = (self.hours, self.notes, self.origin_label)
        return " ".join((*parts, *more)).casefold()


# --- The group's list ------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong in a group file, with the line it is on when we can tell."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class GroupEntry:
    """A good entry read from a group file (text already cleaned)."""

    name: str
    category: ResourceCategory
    phone: str = ""
    address: str = ""
    website: str = ""
    hours: str = ""
    notes: str = ""


@dataclass
class GroupList:
    """What a group file gave: the good entries, and every problem found."""

    path: Path
    group: str = ""
    """The group's name, if the file gives one."""
    updated: date | None = None
    """When the facilitator last checked the list, if the file says."""
    entries: list[GroupEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    """How many entries were left out because something in them could not be used."""
    readable: bool = True
    """False when the file as a whole could not be read (missing, too big, not text)."""

    @property
    def label(self) -> str:
        return f"Group list: {self.group}" if self.group else "Group list"

    def notice(self) -> str | None:
        """One kind line for the screen when something was skipped, else None."""
        if not self.readable:
            reason = self.problems[0].message if self.problems else "it could not be read"
            return f"The group's list at {self.path} could not be read: {reason}"
        if not self.skipped:
            return None
        first = self.problems[0] if self.problems else None
        why = f" ({_brief(first)})" if first else ""
        many = self.skipped != 1
        return (
            f"{self.skipped} entr{'ies' if many else 'y'} in the group's list "
            f"{'were' if many else 'was'} left out{why}. "
            "The command 'workbook resources check' shows every problem."
        )


def _brief(problem: Problem) -> str:
    """A problem cut to its first clause, for a one-line notice."""
    message = problem.message
    for stop in (" (", ";", ", like", ". "):
        message = message.split(stop, 1)[0]
    return f"line {problem.line}: {message}" if problem.line else message


def group_file_paths(data_dir: Path, extra: Path | str | None = None) -> list[Path]:
    """The group files to read: the one in the data folder (if there), then ``extra``."""
    paths: list[Path] = []
    known = data_dir / GROUP_FILE_NAME
    if known.is_file():
        paths.append(known)
    if extra:
        given = Path(extra).expanduser()
        if not paths or given.absolute() != known.absolute():
            paths.append(given)
    return paths


def read_group_file(path: Path) -> GroupList:
    """Read a group file without ever raising: good entries in, bad ones skipped with reasons."""
    result = GroupList(path=path)
    try:
        if not path.is_file():
            what = "there is no file there" if not path.exists() else "it is not a file"
            return _unreadable(result, what)
        with path.open("rb") as handle:
            raw = handle.read(MAX_GROUP_FILE_BYTES + 1)
    except OSError as exc:
        return _unreadable(result, exc.strerror or "it could not be opened")
    if len(raw) > MAX_GROUP_FILE_BYTES:
        size = MAX_GROUP_FILE_BYTES // 1024
        return _unreadable(result, f"it is bigger than {size} KB, so it was not read")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _unreadable(result, "it is not UTF-8 text; save it as UTF-8 and try again")
    return parse_group_text(text, path)


def _unreadable(result: GroupList, why: str) -> GroupList:
    result.readable = False
    result.problems.append(Problem(None, why))
    return result


_HEADER = re.compile(r"""^\s*\[\[\s*(?:resource|"resource"|'resource')\s*\]\]""")
_LINE_COL = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse_group_text(text: str, path: Path = Path("group-resources.toml")) -> GroupList:
    """Parse the text of a group file (see :func:`read_group_file`)."""
    result = GroupList(path=path)
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines, 1) if _HEADER.match(line)]
    data, problem = _loads(text, 1)
    if data is not None:
        _read_document(data, headers, lines, result)
        return result
    assert problem is not None
    # The file as a whole is not valid TOML: read each [[resource]] block on its own, so one
    # broken entry does not hide the others.
    result.problems.append(problem)
    starts = [1, *headers]
    ends = [*headers, len(lines) + 1]
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        chunk = "\n".join(lines[start - 1 : end - 1])
        part, trouble = _loads(chunk, start)
        if part is None:
            if index > 0:
                result.skipped += 1
            if trouble is not None and trouble.line != problem.line:
                result.problems.append(trouble)
            continue
        _read_document(part, [start] if index > 0 else [], lines, result)
    return result


def _loads(text: str, first_line: int) -> tuple[dict[str, Any] | None, Problem | None]:
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"at line (\d+)", message)
        line = first_line + int(found.group(1)) - 1 if found else None
        detail = _LINE_COL.sub("", message).strip().rstrip(".")
        return None, Problem(
            line,
            f"this is not valid TOML ({detail.lower()}); "
            'text needs quotes, like name = "Tuesday meeting"',
        )
    except RecursionError:
        return None, Problem(first_line, "this is nested too deeply to read")


def _read_document(
    data: dict[str, Any], headers: list[int], lines: list[str], result: GroupList
) -> None:
    for key, value in data.items():
        if key == "resource":
            _read_entries(value, headers, lines, result)
        elif key == "group":
            if isinstance(value, str) and len(value) <= SHORT_TEXT_MAX:
                result.group = _one_line(value).strip()
            else:
                result.problems.append(
                    Problem(
                        _key_line(lines, key, 1, None), "group should be a short name in quotes"
                    )
                )
        elif key == "updated":
            if isinstance(value, date):
                result.updated = value
            else:
                result.problems.append(
                    Problem(
                        _key_line(lines, key, 1, None),
                        "updated should be a date written like 2026-11-20 (no quotes)",
                    )
                )
        else:
            hint = " (each entry starts with [[resource]])" if key in ("resources", "entry") else ""
            result.problems.append(
                Problem(_key_line(lines, key, 1, None), f"{key!r} is not a setting we know{hint}")
            )


def _read_entries(value: Any, headers: list[int], lines: list[str], result: GroupList) -> None:
    if isinstance(value, dict):
        result.problems.append(
            Problem(
                _key_line(lines, "resource", 1, None),
                "write [[resource]] with two brackets before each entry",
            )
        )
        value = [value]
    if not isinstance(value, list):
        result.problems.append(
            Problem(_key_line(lines, "resource", 1, None), "resource should be a list of entries")
        )
        return
    for index, raw in enumerate(value):
        start = headers[index] if index < len(headers) else None
        if len(result.entries) >= MAX_GROUP_ENTRIES:
            extra = len(value) - index
            result.skipped += extra
            result.problems.append(
                Problem(start, f"only {MAX_GROUP_ENTRIES} entries are read; {extra} more skipped")
            )
            return
        end = headers[index + 1] if index + 1 < len(headers) else len(lines) + 1
        _read_entry(raw, start, end, lines, result)


def _read_entry(raw: Any, start: int | None, end: int, lines: list[str], result: GroupList) -> None:
    if not isinstance(raw, dict):
        result.skipped += 1
        result.problems.append(Problem(start, "this entry is not a list of name = value lines"))
        return
    reasons: list[Problem] = []
    values: dict[str, str] = {}
    for key, value in raw.items():
        line = _key_line(lines, key, start, end)
        if key not in GROUP_FIELDS:
            result.problems.append(
                Problem(line, f"{_shown(key)!r} is not a field we know, so it was ignored")
            )
            continue
        reason = _check_value(key, value)
        if reason:
            reasons.append(Problem(line, reason))
        else:
            values[key] = _clean(value, multiline=key == "notes").strip()
    category = _category(values.get("category"))
    if "category" in values and category is None:
        reasons.append(Problem(_key_line(lines, "category", start, end), _category_help(values)))
    if not values.get("name"):
        if "name" not in raw or "name" in values:
            reasons.insert(0, Problem(start, "this entry has no name"))
    elif "category" not in raw:
        reasons.append(Problem(start, f"{values['name']!r} has no category. {_CHOICES}"))
    if reasons or category is None:
        result.skipped += 1
        result.problems.extend(reasons)
        return
    values.pop("category")
    result.entries.append(GroupEntry(category=category, **values))


_CHOICES = "Use one of: " + ", ".join(c.value for c in CATEGORIES) + "."


def _category_help(values: dict[str, str]) -> str:
    return f"{_shown(values['category'])!r} is not a kind of help we know. {_CHOICES}"


def _check_value(key: str, value: Any) -> str | None:
    if not isinstance(value, str):
        return f'{key} should be text in quotes, like {key} = "..."'
    if len(value) > _LIMITS[key]:
        return f"{key} is longer than {_LIMITS[key]} characters"
    return None


def _category(text: str | None) -> ResourceCategory | None:
    if text is None:
        return None
    wanted = " ".join(text.casefold().split())
    for category in CATEGORIES:
        if category.value == wanted:
            return category
    return _CATEGORY_ALIASES.get(wanted)


def _clean(text: str, *, multiline: bool) -> str:
    """Drop control characters (terminal escapes and the like) from text a file gave us."""
    keep = "\n\t" if multiline else ""
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        elif unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            out.append(" " if ch in "\t\n\r\u2028\u2029" else "")
        else:
            out.append(ch)
    return "".join(out)


def _one_line(text: str) -> str:
    return _clean(text, multiline=False)


def _shown(text: str) -> str:
    """A value quoted back in a problem message: one line, and not too long."""
    cleaned = _one_line(text)
    return cleaned if len(cleaned) <= 40 else cleaned[:39] + "…"


def _key_line(lines: list[str], key: str, start: int | None, end: int | None) -> int | None:
    """The line a key is written on, looking from ``start`` up to (not including) ``end``."""
    if start is None:
        return None
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    stop = end if end is not None else len(lines) + 1
    for number in range(start, min(stop, len(lines) + 1)):
        if pattern.match(lines[number - 1]):
            return number
    return start


# --- The person's own entries ----------------------------------------------------------------

EDITABLE = ("name", "category", "phone", "address", "website", "hours", "notes")


def own_resources(repo: Repository) -> list[Resource]:
    """The person's own entries, in the order they added them."""
    return repo.all(Resource)


def add_resource(repo: Repository, name: str, **details: Any) -> Resource:
    """Add an entry of the person's own; a bad value is refused kindly and nothing is saved."""
    unknown = set(details) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"Cannot set {', '.join(sorted(unknown))}.")
    resource = _build({"name": name, **details})
    repo.save(resource)
    return resource


def update_resource(repo: Repository, resource_id: str, **changes: Any) -> Resource:
    """Change some details of one of the person's own entries; return it as saved."""
    current = repo.find(Resource, resource_id)
    if current is None:
        raise InvalidInput("That entry is no longer in your list.")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))}.")
    resource = _build({**current.model_dump(), **changes})
    repo.save(resource)
    return resource


def remove_resource(repo: Repository, resource_id: str) -> bool:
    """Remove one of the person's own entries; return whether it was there."""
    return repo.remove(Resource, resource_id)


def _build(data: dict[str, Any]) -> Resource:
    try:
        return Resource.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(friendly(exc)) from None


# --- All three layers together ---------------------------------------------------------------


def directory(
    repo: Repository, country: Country, today: date, groups: Iterable[GroupList] = ()
) -> list[Entry]:
    """Every entry the person can see: their own, then each group's, then national ones."""
    entries = [_own_entry(r) for r in own_resources(repo)]
    for group in groups:
        entries.extend(_group_entry(e, group, today) for e in group.entries)
    entries.extend(national_entries(country, today))
    entries.extend(finder_entries(country))
    entries.extend(online_entries())
    return entries


def finder_entries(country: Country) -> list[Entry]:
    """National pages for finding treatment in ``country`` (every country's for "other")."""
    return [
        Entry(
            origin=Origin.NATIONAL,
            name=page.name,
            category=page.category,
            origin_label=f"National ({page.country.value}), online, {page.check_text()}",
            notes=page.about,
            website=str(page.website),
        )
        for page in online_help().finder
        if country in (page.country, Country.OTHER)
    ]


def online_entries() -> list[Entry]:
    """The free mutual-help groups that meet online, the same in every country."""
    return [
        Entry(
            origin=Origin.ONLINE,
            name=group.name,
            category=group.category,
            origin_label=f"Online, anywhere, {group.check_text()}",
            notes=group.about,
            website=str(group.website),
        )
        for group in online_groups()
    ]


def national_entries(country: Country, today: date) -> list[Entry]:
    """The shipped lines for ``country`` (every country's when it is "other")."""
    entries = []
    for line in crisis().lines_for(country):
        where = f" ({line.country.value})" if country == Country.OTHER else ""
        entries.append(
            Entry(
                origin=Origin.NATIONAL,
                name=line.name,
                category=line.category,
                origin_label=f"National{where}, {line.check_text()}",
                phone=line.contact,
                notes=line.about,
                website=str(line.source),
            )
        )
    return entries


def _own_entry(resource: Resource) -> Entry:
    return Entry(
        origin=Origin.MINE,
        name=resource.name,
        category=resource.category.value,
        origin_label="My own",
        phone=resource.phone,
        address=resource.address,
        website=resource.website,
        hours=resource.hours,
        notes=resource.notes,
        own_id=resource.id,
    )


def _group_entry(entry: GroupEntry, group: GroupList, today: date) -> Entry:
    label = group.label
    if group.updated is not None:
        days = (today - group.updated).days
        label += f", updated {group.updated.isoformat()}" + (
            f" ({days} days ago)" if days > 1 else ""
        )
    return Entry(
        origin=Origin.GROUP,
        name=entry.name,
        category=entry.category.value,
        origin_label=label,
        phone=entry.phone,
        address=entry.address,
        website=entry.website,
        hours=entry.hours,
        notes=entry.notes,
    )


def search(
    entries: Iterable[Entry], text: str = "", category: ResourceCategory | str | None = None
) -> list[Entry]:
    """Entries in ``category`` (or any) whose words include every word of ``text``."""
    words = text.casefold().split()
    wanted = str(category) if category else None
    return [
        e
        for e in entries
        if (wanted is None or e.category == wanted) and all(w in e.haystack() for w in words)
    ]
