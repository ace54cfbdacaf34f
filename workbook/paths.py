"""Where the workbook keeps its files, and the permission rules for them.

Paths are computed, never module constants: ``--data-dir`` first, then ``WORKBOOK_DATA_DIR``,
then the platform's user data folder. Nothing here creates a folder at import time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workbook.errors import UnsafePermissions

APP_NAME = "side-by-side"
ENV_DATA_DIR = "WORKBOOK_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder to use, without creating it."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().absolute()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as a private folder, or check an existing one is safe.

    A folder of ours with looser bits is tightened; a folder other users can write to that we
    cannot tighten, or that someone else owns, is refused.
    """
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    check_private(path, is_dir=True)
    return path


def check_private(path: Path, *, is_dir: bool) -> None:
    """Refuse a path another user owns; repair our own path when its bits are too loose."""
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePermissions(f"{path} is a symbolic link; the workbook will not follow it.")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise UnsafePermissions(
            f"{path} belongs to another user, so your workbook would not be private there. "
            "Choose another folder with --data-dir."
        )
    wanted = DIR_MODE if is_dir else FILE_MODE
    if stat.S_IMODE(st.st_mode) & ~wanted:
        try:
            os.chmod(path, wanted)
        except OSError as exc:
            raise UnsafePermissions(
                f"{path} can be read or changed by other users and could not be made "
                f"private ({exc.strerror})."
            ) from exc


def check_data_root(path: Path) -> None:
    """The data folder itself must not be writable by other users (group or world)."""
    if not path.exists():
        return
    st = path.stat()
    if stat.S_IMODE(st.st_mode) & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafePermissions(
            f"The data folder {path} can be changed by other users, so a workbook there "
            "would not be private. Run `chmod 700` on it, or choose another with --data-dir."
        )
