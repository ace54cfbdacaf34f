"""Atomic, durable file writes.

A save never rewrites the workbook in place. The bytes go to a temp file in the same folder,
which is flushed and fsynced, then ``os.replace``d over the target, and the folder is fsynced so
the rename itself survives a power cut. If the folder fsync fails, the previous file is put back,
so a failed save always leaves the previous good bytes. No file handle is kept open.

Each step is a small module-level function so the fault tests can make any single step fail.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from workbook.errors import WriteFailed
from workbook.paths import FILE_MODE

TEMP_MARK = ".tmp-"


def _open_temp(path: Path) -> tuple[int, Path]:
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    return fd, tmp


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def _flush(fd: int) -> None:
    # os.write is unbuffered; this step exists so a fault can be injected where a buffered
    # writer would flush, and so the order of steps reads like the design.
    return None


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _link(src: Path, dst: Path) -> None:
    os.link(src, dst)


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    """An OS error in plain words (for a sentence such as 'could not be saved (...)')."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission was denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if exc.errno == errno.EISDIR:
        return "a folder is where the file should be"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows"
    return exc.strerror or "an input/output error"


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, or raise :class:`WriteFailed`."""
    tmp: Path | None = None
    prev: Path | None = None
    replaced = False
    existed = True
    try:
        fd, tmp = _open_temp(path)
        try:
            _write(fd, data)
            _flush(fd)
            _fsync(fd)
        finally:
            os.close(fd)
        existed = path.exists()
        if existed:
            prev = path.with_name(f".{path.name}{TEMP_MARK}prev-{os.urandom(4).hex()}")
            try:
                _link(path, prev)
            except OSError:
                # Some file systems have no hard links; the save stays atomic, only the
                # roll-back after a failed folder fsync is not possible there.
                prev = None
        _replace(tmp, path)
        replaced = True
        tmp = None
        _fsync_dir(path.parent)
    except OSError as exc:
        if replaced:
            # The rename may not be durable: put the previous good file back (or, for a
            # first save, take the new one away) so a failed save leaves what was there.
            with contextlib.suppress(OSError):
                if prev is not None:
                    os.replace(prev, path)
                    prev = None
                elif not existed:
                    os.unlink(path)
        raise WriteFailed(describe_os_error(exc)) from exc
    finally:
        for leftover in (tmp, prev):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files a crashed save may have left in ``folder``; return what was removed.

    Only call this while holding the profile's lock, so no save of ours is under way.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        if entry.name.startswith(".") and TEMP_MARK in entry.name:
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed
