"""The data folder's group settings: ``<data folder>/config.toml``, written by a facilitator.

    # Side by Side group settings
    require_passphrase = true   # every new workbook must have a passphrase
    shared = true               # several people use this computer: lock after 5 idle minutes

The file is optional; without it both are false. It holds no personal data. Like every file in the
data folder it must belong to this user and not be writable by others (it is tightened if it is
ours with looser bits).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from workbook.errors import InvalidInput
from workbook.paths import check_private

CONFIG_FILE = "config.toml"
IDLE_SHARED = 5
IDLE_PERSONAL = 15


class GroupConfig(BaseModel):
    """Settings for everyone who uses this data folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    require_passphrase: bool = False
    """New workbooks must have a passphrase (for group machines)."""
    shared: bool = False
    """Several people use this computer: the workbook locks sooner when left alone."""

    @property
    def default_idle_minutes(self) -> int:
        """Minutes without a key press before a workbook locks, unless a person chose."""
        return IDLE_SHARED if self.shared else IDLE_PERSONAL


def load_config(data_dir: Path) -> GroupConfig:
    """Read ``config.toml`` from the data folder; a plain refusal if it cannot be used."""
    path = data_dir / CONFIG_FILE
    if not path.exists():
        return GroupConfig()
    check_private(path, is_dir=False)
    try:
        doc = tomllib.loads(path.read_text("utf-8"))
        return GroupConfig.model_validate(doc)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path} is not valid TOML ({exc}). Please fix or remove it.") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "a setting"
        raise InvalidInput(
            f"{path}: {where} cannot be used ({first.get('msg', 'not valid')}). "
            "It may hold only require_passphrase = true/false and shared = true/false."
        ) from exc


def idle_minutes(config: GroupConfig, chosen: int | None) -> int:
    """The person's own choice, or the group's default."""
    return chosen if chosen is not None else config.default_idle_minutes
