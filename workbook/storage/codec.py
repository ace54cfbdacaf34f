"""Turning the workbook's data into bytes on disk and back.

The plain codec writes UTF-8 JSON. An encrypted profile swaps in a codec that wraps those same
bytes in authenticated encryption; everything else in storage stays the same.

Every workbook written here carries a checksum of its own content (``_meta.1.content_sha256``),
plain and encrypted alike, so a flipped bit in a note, a dropped table or a duplicated table key
is caught when the file is opened, checked by ``doctor`` or vetted as a backup, instead of being
copied quietly into later backups. The checksum covers the ``_meta`` table (without the checksum
itself) and every other table, each encoded once: the file is the meta table followed by the
very bytes that were hashed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol

from pydantic_core import from_json

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


META_TABLE = "_meta"
META_DOC = "1"
CHECKSUM = "content_sha256"

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _dump(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def dump_json(data: Data) -> bytes:
    """Serialise to compact UTF-8 JSON; NaN and infinities are refused, never written.

    A workbook (data with a ``_meta`` table) is stamped with its content checksum on the way.
    """
    meta = data.get(META_TABLE) if isinstance(data, dict) else None
    if not isinstance(meta, dict) or not isinstance(meta.get(META_DOC), dict):
        return _dump(data)  # not a workbook (an export's outer part, say): no checksum
    meta_plain, rest = _split(data)
    body = _dump(rest)
    doc = dict(meta_plain[META_DOC])
    doc[CHECKSUM] = _content_digest(meta_plain, body)
    head = _dump({**meta_plain, META_DOC: doc})
    inner = memoryview(body)[1:-1]  # one copy of a large body, in the join below
    sep = b"," if len(inner) else b""
    return b"".join((b'{"', META_TABLE.encode(), b'":', head, sep, inner, b"}"))


def _split(data: Data) -> tuple[dict[str, Any], Data]:
    """The meta table without its checksum, and every other table (in file order)."""
    meta = dict(data[META_TABLE])
    doc = dict(meta[META_DOC])
    doc.pop(CHECKSUM, None)
    meta[META_DOC] = doc
    return meta, {name: table for name, table in data.items() if name != META_TABLE}


def _content_digest(meta_plain: dict[str, Any], body: bytes) -> str:
    digest = hashlib.sha256(_dump(meta_plain))
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


def take_checksum(data: Data, raw: bytes | None = None) -> bool | None:
    """Check the content checksum a workbook carries and remove it from ``data``.

    True if it matches, False if the content changed after it was saved (damage), None for a
    file written before checksums (nothing to check). ``raw``, the plain bytes ``data`` was
    parsed from, lets a file exactly as we wrote it be checked without encoding it again.
    """
    meta = data.get(META_TABLE)
    doc = meta.get(META_DOC) if isinstance(meta, dict) else None
    if not isinstance(doc, dict) or CHECKSUM not in doc:
        return None
    stored = doc[CHECKSUM]
    meta_plain, rest = _split(data)
    found = _digest_of_bytes(raw, meta, meta_plain) if raw is not None else None
    if found is None:
        found = _content_digest(meta_plain, _dump(rest))
    data[META_TABLE] = meta_plain  # memory never carries a stale checksum
    return isinstance(stored, str) and stored == found


def _digest_of_bytes(raw: bytes, meta: Any, meta_plain: dict[str, Any]) -> str | None:
    """The digest straight from the file's bytes, if they are laid out as ``dump_json`` does
    (the meta table first, then the hashed body); None if not (say, a re-indented file)."""
    prefix = b'{"' + META_TABLE.encode() + b'":' + _dump(meta)
    if not raw.startswith(prefix) or not raw.endswith(b"}"):
        return None
    tail = memoryview(raw)[len(prefix) : len(raw) - 1]
    if len(tail) and tail[0] != ord(","):
        return None
    digest = hashlib.sha256(_dump(meta_plain))
    digest.update(b"\n{")
    digest.update(tail[1:])
    digest.update(b"}")
    return digest.hexdigest()


def load_json(raw: bytes) -> Data:
    """Parse bytes written by :func:`dump_json`, checking the outer shape.

    Parsed straight from the bytes by pydantic's JSON reader: no decoded copy of the whole
    file is made (ten years of notes hold non-ASCII text, so that copy was twice the file's
    size), repeated short strings ("no", "done", a goal's title on each review) are one object
    instead of thousands (4.8 MB parsed instead of 6.6 at ten years), and it is a little
    quicker than ``json.loads`` (6 ms instead of 8). It is as strict: NaN and infinities,
    bytes that are not UTF-8, trailing text and nesting deeper than any workbook are refused,
    and a lone surrogate too (``json.loads`` let one in, and the next save then failed).

    The reader shares strings through a cache of its own, for the whole process: up to 16,384
    strings of up to 64 characters stay referenced there after a workbook is closed, until
    later reading replaces them (as freed memory keeps its bytes until it is reused).
    """
    if not raw or raw.isspace():
        raise CorruptData("the file is empty")
    try:
        data = from_json(raw, allow_inf_nan=False, cache_strings="all")
    except ValueError as exc:
        raise CorruptData(_why_not_json(raw)) from exc
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise CorruptData("the file does not have the shape of a workbook")
    return data


def _why_not_json(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "the file is not valid UTF-8 text"
    return "the file is not complete, valid JSON"


class PlainCodec:
    """UTF-8 JSON, for a profile without a passphrase."""

    def encode(self, data: Data) -> bytes:
        return dump_json(data)

    def decode(self, raw: bytes) -> Data:
        return load_json(raw)
