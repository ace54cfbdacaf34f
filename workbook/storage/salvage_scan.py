"""Reading what is still readable from a damaged workbook file, entry by entry.

A workbook file is one JSON object of tables, each an object of entries:
``{"_meta":{"1":{...}},"goals":{"1":{...},"2":{...}},"checkins":{...}}``. A missing final brace,
garbage after the end, a cut in the middle or one broken entry makes the whole file unreadable
to a JSON parser, yet every entry before (and often after) the damage is intact. This scanner
walks the tables and entries one at a time with the standard library's ``raw_decode``; when a
piece does not parse it notes it and finds the next entry or table by its shape.

Nothing here validates: that is :mod:`workbook.storage.salvage`'s part.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_DECODER = json.JSONDecoder(parse_constant=lambda name: _refuse(name))
_KEY = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*:\s*', re.DOTALL)
_NEXT_ENTRY = re.compile(r'[{,]\s*"(\d+)"\s*:\s*(?=\{)')
_NEXT_TABLE = re.compile(r',\s*"([a-z_][a-z0-9_]*)"\s*:\s*\{(?=\s*"\d+"\s*:\s*\{|\s*\})')


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


@dataclass
class Scan:
    """What the scanner could read: tables of entries, and what it could not."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    broken: list[tuple[str, str]] = field(default_factory=list)
    """(table, entry key) pairs that did not parse; key "" when a whole table did not."""
    cut: bool = False
    """The file ends before its last table closes (truncated)."""


def scan(raw: bytes) -> Scan:
    """Read every table and entry that parses, in file order."""
    text = raw.decode("utf-8", errors="replace")
    out = Scan()
    start = text.find("{")
    if start < 0:
        return out
    _Walker(text, start + 1, out).walk()
    return out


class _Walker:
    """A cursor over the text; top level is a table name, inside a table an entry key."""

    def __init__(self, text: str, pos: int, out: Scan) -> None:
        self.text = text
        self.pos = pos
        self.out = out
        self.table: str | None = None

    def walk(self) -> None:
        while self.pos < len(self.text):
            self._skip(",")
            if self._at("}"):
                self.pos += 1
                if self.table is None:
                    return  # the end of the workbook
                self.table = None
                continue
            key = self._key()
            if key is None:
                if not self._resync():
                    rest = self.text[self.pos :].strip()
                    # Text left that is not an entry, inside a table or before the end: a cut.
                    self.out.cut = self.table is not None or rest not in ("", "}")
                    return
            elif self.table is None:
                self._open_table(key)
            else:
                self._entry(key)
        # Ran out of text: a cut if a table was still open (a lone missing final brace loses
        # nothing, so it is not called one).
        self.out.cut = self.out.cut or self.table is not None

    def _open_table(self, name: str) -> None:
        if self._at("{"):
            self.pos += 1
            self.table = name
            self.out.tables.setdefault(name, {})
            return
        # Not an object where a table should be (a list, a number): note it and step over it.
        self.out.broken.append((name, ""))
        try:
            _value, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except ValueError:
            if not self._resync():
                self.pos = len(self.text)

    def _entry(self, key: str) -> None:
        assert self.table is not None
        try:
            doc, end = _DECODER.raw_decode(self.text, self.pos)
        except (ValueError, RecursionError):
            doc, end = None, -1
        if isinstance(doc, dict):
            self.out.tables[self.table].setdefault(key, doc)
            self.pos = end
            return
        self.out.broken.append((self.table, key))
        if not self._resync():
            self.pos = len(self.text)

    def _resync(self) -> bool:
        """Move to the next entry or table that looks whole; False if there is none."""
        entry = _NEXT_ENTRY.search(self.text, self.pos + 1)
        table = _NEXT_TABLE.search(self.text, self.pos + 1)
        if table is not None and (entry is None or table.start() < entry.start()):
            self.table = table.group(1)
            self.out.tables.setdefault(self.table, {})
            self.pos = table.end()
            return True
        if entry is not None and self.table is not None:
            self.pos = entry.start() + 1
            return True
        return False

    def _key(self) -> str | None:
        m = _KEY.match(self.text, self.pos)
        if m is None:
            return None
        try:
            key = json.loads(f'"{m.group(1)}"')
        except ValueError:
            return None
        self.pos = m.end()
        return key if isinstance(key, str) else None

    def _skip(self, chars: str) -> None:
        while self.pos < len(self.text) and (
            self.text[self.pos].isspace() or self.text[self.pos] in chars
        ):
            self.pos += 1

    def _at(self, char: str) -> bool:
        self._skip("")
        return self.text.startswith(char, self.pos)
