"""The data folder: one private folder per profile, each with a small card for the picker.

<data dir>/profiles/<profile id>/profile.json     the card (name for the picker)
                                /workbook.json    the workbook itself
                                /backups/  /quarantine/  /.lock
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from workbook.errors import InvalidInput, ProfileNotFound
from workbook.models import Profile, ProfileCard, Settings
from workbook.paths import check_data_root, check_private, ensure_private_dir
from workbook.storage.atomic import atomic_write
from workbook.storage.codec import Codec, PlainCodec
from workbook.storage.repository import Repository
from workbook.storage.store import ProfileFiles, create_store, new_data, open_store

CARD_FILE = "profile.json"


class DataRoot:
    """The data folder and the profiles in it. Creating one touches nothing on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def profiles_dir(self) -> Path:
        return self.path / "profiles"

    def prepare(self) -> None:
        """Create the folders privately; refuse a data folder other users can write to."""
        check_data_root(self.path)
        ensure_private_dir(self.path)
        ensure_private_dir(self.profiles_dir)

    # Cards ---------------------------------------------------------------------------------

    def cards(self) -> list[ProfileCard]:
        """Every profile whose card can be read, sorted by name."""
        found: list[ProfileCard] = []
        if not self.profiles_dir.is_dir():
            return found
        for folder in self.profiles_dir.iterdir():
            card = self._read_card(folder)
            if card is not None:
                found.append(card)
        found.sort(key=lambda c: (c.display_name.casefold(), c.id))
        return found

    def find(self, name_or_id: str) -> ProfileCard:
        """The profile with this id or name (any case); refuse an unknown or unclear name."""
        wanted = name_or_id.strip().casefold()
        cards = self.cards()
        for card in cards:
            if card.id == name_or_id.strip():
                return card
        matches = [c for c in cards if c.display_name.casefold() == wanted]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ProfileNotFound(
                f"There is no workbook called {name_or_id!r} here. "
                "`workbook profiles list` shows the names."
            )
        ids = ", ".join(c.id for c in matches)
        raise InvalidInput(f"More than one workbook is called {name_or_id!r}; use its id: {ids}")

    def files(self, card: ProfileCard) -> ProfileFiles:
        return ProfileFiles(self.profiles_dir / card.id)

    def write_card(self, card: ProfileCard) -> None:
        folder = self.profiles_dir / card.id
        ensure_private_dir(folder)
        raw = json.dumps(card.model_dump(mode="json"), ensure_ascii=False, indent=2)
        atomic_write(folder / CARD_FILE, raw.encode("utf-8"))

    # Profiles ------------------------------------------------------------------------------

    def create(
        self,
        profile: Profile,
        settings: Settings | None = None,
        codec: Codec | None = None,
        *,
        encrypted: bool = False,
    ) -> ProfileCard:
        """Make a new profile folder with its card and a workbook holding ``profile``."""
        self.prepare()
        taken = {c.display_name.casefold() for c in self.cards()}
        if profile.display_name.casefold() in taken:
            raise InvalidInput(
                f"There is already a workbook called {profile.display_name!r}. "
                "Try adding an initial or choosing a nickname."
            )
        card = ProfileCard(
            id=f"p-{os.urandom(6).hex()}", display_name=profile.display_name, encrypted=encrypted
        )
        data = new_data()
        data["profile"] = {"1": profile.model_dump(mode="json")}
        if settings is not None:
            data["settings"] = {"1": settings.model_dump(mode="json")}
        files = self.files(card)
        files.prepare()
        create_store(files, codec or PlainCodec(), data)
        self.write_card(card)
        return card

    def open(
        self, card: ProfileCard, *, write: bool = True, codec: Codec | None = None
    ) -> Repository:
        """Open a profile's workbook as a :class:`Repository` (see ``open_store``)."""
        store = open_store(self.files(card), codec, write=write, name=card.display_name)
        return Repository(store)

    # Internals -----------------------------------------------------------------------------

    @staticmethod
    def _read_card(folder: Path) -> ProfileCard | None:
        path = folder / CARD_FILE
        if not path.is_file():
            return None
        try:
            check_private(path, is_dir=False)
            card = ProfileCard.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, InvalidInput):
            return None
        return card if card.id == folder.name else None
