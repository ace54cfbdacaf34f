"""Turning the workbook's data into bytes on disk and back.

The plain codec writes UTF-8 JSON. An encrypted profile swaps in a codec that wraps those same
bytes in authenticated encryption; everything else in storage stays the same.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

Data = dict[str, dict[str, Any]]


class CorruptData(Exception):
    """The bytes on disk are not a workbook we can read. ``str(err)`` says why, plainly."""


class Codec(Protocol):
    """Encodes the whole workbook to bytes and back."""

    def encode(self, data: Data) -> bytes:
        """Return the bytes to write for ``data``."""
        ...

    def decode(self, raw: bytes) -> Data:
        """Return the data in ``raw``, or raise :class:`CorruptData`."""
        ...


def dump_json(data: Data) -> bytes:
    """Serialise to compact UTF-8 JSON; NaN and infinities are refused, never written."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def load_json(raw: bytes) -> Data:
    """Parse bytes written by :func:`dump_json`, checking the outer shape."""
    if not raw.strip():
        raise CorruptData("the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptData("the file is not valid UTF-8 text") from exc
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        raise CorruptData("the file is not complete, valid JSON") from exc
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise CorruptData("the file does not have the shape of a workbook")
    return data


class PlainCodec:
    """UTF-8 JSON, for a profile without a passphrase."""

    def encode(self, data: Data) -> bytes:
        return dump_json(data)

    def decode(self, raw: bytes) -> Data:
        return load_json(raw)
