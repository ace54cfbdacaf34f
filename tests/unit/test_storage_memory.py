"""What an open workbook holds in memory, counted (issue 20: peak memory to Home).

Opening reads the file's bytes once, parses them straight into the data (no decoded copy of the
whole file), and keeps only a packed copy of those bytes as the base of a merge with a change
made behind the window. Each test counts bytes, never time.
"""

from __future__ import annotations

import gc
import threading
import tracemalloc
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import TODAY
from workbook.demo import build_demo
from workbook.models import ProfileCard
from workbook.storage import DataRoot, Repository, list_backups
from workbook.storage import guard as guard_module
from workbook.storage.backups import DAILY
from workbook.storage.codec import CorruptData, PlainCodec, load_json
from workbook.storage.guard import ChangeGuard, Packed
from workbook.storage.store import ProfileFiles, open_store


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DataRoot, Path]]:
    """A two-year demo workbook (about 0.4 MB, notes with non-ASCII text), built once."""
    root = DataRoot(tmp_path_factory.mktemp("mem") / "data")
    card = build_demo(root, years=2, seed=1, today=TODAY)
    yield root, root.files(card).folder


def _files(folder: Path) -> ProfileFiles:
    return ProfileFiles(folder)


SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.CodeType)


def _large_bytes_reachable(start: object, at_least: int) -> list[int]:
    """Sizes of bytes objects of ``at_least`` bytes reachable from ``start`` (not through
    classes, modules or functions: what the objects themselves hold)."""
    seen: set[int] = set()
    found: list[int] = []
    todo = [start]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, SKIP):
            continue
        seen.add(id(obj))
        if isinstance(obj, bytes | bytearray | memoryview):
            if len(obj) >= at_least:
                found.append(len(obj))
            continue
        todo.extend(gc.get_referents(obj))
    return found


def test_an_open_workbook_keeps_no_whole_copy_of_its_file(
    two_years: tuple[DataRoot, Path],
) -> None:
    _, folder = two_years
    files = _files(folder)
    size = files.workbook.stat().st_size
    assert size > 200_000
    store = open_store(files, today=TODAY)
    try:
        guard = store.guard
        assert isinstance(guard, ChangeGuard)
        seen = guard._seen  # what the merge base is kept as
        assert isinstance(seen, Packed)
        seen.pack()  # what the helper thread does at once after opening (done here, not waited for)
        repo = Repository(store)
        assert _large_bytes_reachable(repo, size // 4) == []
        assert 0 < seen.held < size // 4
        assert seen.unpack() == files.workbook.read_bytes()  # the base, byte for byte
    finally:
        store.close()


def test_opening_peaks_at_a_few_times_the_file_size(two_years: tuple[DataRoot, Path]) -> None:
    """The bytes, the parsed data and the packed copy; before, a decoded copy of the whole
    file (twice its size: the notes are not ASCII) and json's objects peaked at 6.6x; now 4.3x."""
    _, folder = two_years
    files = _files(folder)
    size = files.workbook.stat().st_size
    gc.collect()
    tracemalloc.start()
    try:
        store = open_store(files, today=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    store.close()
    assert peak < 5 * size, f"opening peaked at {peak / size:.1f}x the file's size"


def test_parsed_data_shares_repeated_strings(two_years: tuple[DataRoot, Path]) -> None:
    _, folder = two_years
    raw = _files(folder).workbook.read_bytes()
    data = load_json(raw)
    moods = [doc["used"] for doc in data["checkins"].values() if doc.get("used")]
    assert len(moods) > 100
    assert len({id(text) for text in moods}) < len(moods) // 10  # not one object per entry


def test_the_helper_thread_packs_the_bytes_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    packed = threading.Event()
    real = Packed.pack

    def pack_and_tell(self: Packed) -> None:
        real(self)
        packed.set()

    monkeypatch.setattr(Packed, "pack", pack_and_tell)
    raw = b'{"_meta":{"1":{}},"notes":"' + "Café at ten, a walk after. ".encode() * 20_000 + b'"}'
    seen = Packed(raw)
    assert packed.wait(timeout=60)  # an event, not a sleep: returns as soon as it is packed
    assert 0 < seen.held < len(raw) // 10
    assert seen.unpack() == raw


def test_bytes_dropped_are_not_packed_nor_kept() -> None:
    seen = Packed(b"x" * 100_000, delay=3600.0)
    assert seen.held == 100_000  # not due yet: kept as they are, and unpacked at once
    assert seen.unpack() == b"x" * 100_000
    seen.drop()
    assert seen.held == 0 and not seen.waiting
    assert all(p is not seen for _, p in guard_module._PACKER._due if p.waiting)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"", "the file is empty"),
        (b" \n\t", "the file is empty"),
        (b'{"_meta": NaN}', "not complete, valid JSON"),
        (b'{"a": {"1": {"x": Infinity}}}', "not complete, valid JSON"),
        (b'{"a": {"1": {"x": "\\ud800"}}}', "not complete, valid JSON"),
        (b'{"a": {"1": {}}} trailing', "not complete, valid JSON"),
        (b'{"a": {"1": {"x": "caf\xe9"}}}', "not valid UTF-8 text"),
        (b'{"a": {"1": {"x": "\xed\xa0\x80"}}}', "not valid UTF-8 text"),
        (b"\xef\xbb\xbf{}", "not complete, valid JSON"),
        (b'{"a": {"1": {"x": "' + b"[" * 10 + b'"}}', "not complete, valid JSON"),
        (b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}", "not complete, valid JSON"),
        (b'{"a": [1]}', "does not have the shape of a workbook"),
    ],
)
def test_what_the_reader_refuses(raw: bytes, why: str) -> None:
    with pytest.raises(CorruptData, match=why):
        load_json(raw)


def test_the_reader_reads_what_the_writer_writes() -> None:
    doc = {"f": 0.1, "g": -0.0, "h": 1e300, "s": "é\u2028😀\x00", "n": None, "b": True}
    data = {"t": {"1": doc, "2": {"big": 2**70, "list": [1, "two", {"three": 3}]}}}
    again = load_json(PlainCodec().encode(data))
    assert again == data and again["t"]["1"]["f"] == 0.1 and again["t"]["2"]["big"] == 2**70
    assert list(again["t"]["1"]) == ["f", "g", "h", "s", "n", "b"]


def test_opening_reads_the_file_once_even_when_it_takes_todays_backup(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = root.files(make_profile())
    reads: list[Path] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    store = open_store(files, today=TODAY)
    store.close()
    [daily] = [b for b in list_backups(files.backups) if b.kind == DAILY]
    assert reads.count(files.workbook) == 1
    assert real(daily.path) == real(files.workbook)
