"""The data folder: one private folder per profile, each with a small card for the picker.

<data dir>/config.toml                            optional group settings (see storage/config.py)
<data dir>/profiles/<profile id>/profile.json     the card (name for the picker)
                                /workbook.json    the workbook itself (encrypted, if a passphrase)
                                /keys.json        only with a passphrase: the wrapped data key
                                /backups/  /quarantine/  /.lock
<data dir>/kept/<profile id>-<date>/              a last backup kept when a profile was deleted
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from workbook import clock
from workbook.errors import InvalidInput, ProfileNotFound
from workbook.models import Profile, ProfileCard, Settings, name_key
from workbook.paths import check_data_root, check_private, ensure_private_dir
from workbook.storage import crypto, initials, passphrases
from workbook.storage.atomic import atomic_write
from workbook.storage.backups import latest_good
from workbook.storage.cards import CARD_FILE, check_folder, read_card, to_store
from workbook.storage.codec import Codec, Data, PlainCodec
from workbook.storage.config import GroupConfig, load_config
from workbook.storage.repository import Repository
from workbook.storage.restore import restore_backup
from workbook.storage.store import (
    ProfileFiles,
    acquire_lock,
    create_store,
    is_good,
    new_data,
    open_store,
)


class DataRoot:
    """The data folder and the profiles in it. Creating one touches nothing on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notes: list[str] = []
        """One line per profile folder the last :meth:`cards` skipped (a planted link, a card
        that cannot be read): shown as a note, so one bad folder never stops the others."""

    @property
    def profiles_dir(self) -> Path:
        return self.path / "profiles"

    def prepare(self) -> None:
        """Create the folders privately; refuse a data folder other users can write to."""
        check_data_root(self.path)
        ensure_private_dir(self.path)
        ensure_private_dir(self.profiles_dir)

    def config(self) -> GroupConfig:
        """The group settings a facilitator put in ``config.toml`` (defaults if none)."""
        return load_config(self.path)

    # Cards ---------------------------------------------------------------------------------

    def cards(self) -> list[ProfileCard]:
        """Every profile whose card can be read, sorted by name."""
        found: list[ProfileCard] = []
        self.notes = []
        if not self.profiles_dir.is_dir():
            return found
        for folder in sorted(self.profiles_dir.iterdir()):
            card, note = read_card(folder)
            if card is not None:
                found.append(initials.scrubbed(self, card))
            elif note is not None:
                self.notes.append(note)
        found.sort(key=lambda c: (c.display_name.casefold(), c.id))
        return found

    def find(self, name_or_id: str) -> ProfileCard:
        """The profile with this id or name (any case); refuse an unknown or unclear name."""
        wanted = name_or_id.strip().casefold()
        cards = self.cards()
        for card in cards:
            if card.id == name_or_id.strip():
                return card
        # The name, or the initials an initials-only workbook shows in the list.
        matches = [c for c in cards if wanted in {c.display_name.casefold(), c.label.casefold()}]
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
        """The profile's files, after checking none of them is a planted link (a plain
        :class:`UnsafePermissions`, never a traceback)."""
        folder = self.profiles_dir / card.id
        check_folder(folder)
        return ProfileFiles(folder)

    def write_card(self, card: ProfileCard) -> None:
        """Write the picker's card (only the initials, for a protected initials-only one)."""
        folder = self.profiles_dir / card.id
        ensure_private_dir(folder)
        stored = to_store(card, passphrases.is_encrypted(folder))
        raw = json.dumps(stored.model_dump(mode="json"), ensure_ascii=False, indent=2)
        atomic_write(folder / CARD_FILE, raw.encode("utf-8"))

    def set_initials_only(
        self,
        card: ProfileCard,
        on: bool,
        *,
        codec: Codec | None = None,
        full_name: str | None = None,
    ) -> ProfileCard:
        """Show only initials in the picker, or the whole name again (see ``initials``)."""
        return initials.set_initials_only(self, card, on, codec=codec, full_name=full_name)

    def is_encrypted(self, card: ProfileCard) -> bool:
        """Whether this profile's workbook is locked with a passphrase (see ``_encrypted``)."""
        return passphrases.is_encrypted(self.profiles_dir / card.id)

    def check_codec(self, card: ProfileCard, codec: Codec | None) -> Codec:
        """The codec to read and write this profile with; refuse to use no key for a profile
        that has a key file (a plain file put beside ``keys.json`` must never be read as plain,
        nor anything written beside it in the clear)."""
        if isinstance(codec, crypto.EncryptedCodec):
            return codec
        if self.is_encrypted(card):
            raise crypto.NeedsPassphrase(
                "This workbook is locked with a passphrase; unlock it to open it."
            )
        return codec or PlainCodec()

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
        self._check_name_free(profile.display_name)
        if not encrypted and self.config().require_passphrase:
            raise InvalidInput(
                "On this computer every workbook needs a passphrase "
                "(the group's settings ask for one). From the shell, add --passphrase."
            )
        card = ProfileCard(
            id=f"p-{os.urandom(6).hex()}", display_name=profile.display_name, encrypted=encrypted
        )
        files = self.files(card)
        files.prepare()
        create_store(files, codec or PlainCodec(), _first_data(profile, settings))
        self.write_card(card)
        return card

    def open(
        self,
        card: ProfileCard,
        *,
        write: bool = True,
        codec: Codec | None = None,
        wait: float = 0.0,
    ) -> Repository:
        """Open a profile's workbook as a :class:`Repository` (see ``open_store``; ``wait`` is
        how long a writer waits for another to finish)."""
        self._check_root()
        self.check_codec(card, codec)
        store = open_store(self.files(card), codec, write=write, name=card.label, wait=wait)
        return Repository(store)

    # Passphrases -----------------------------------------------------------------------------

    def create_private(
        self,
        profile: Profile,
        passphrase: str,
        settings: Settings | None = None,
        *,
        recovery: bool = True,
        kdf: crypto.KdfParams = crypto.DEFAULT_KDF,
    ) -> tuple[ProfileCard, str | None]:
        """Make a profile whose workbook is encrypted; return its card and the recovery code.

        The recovery code is returned once, to be shown once; only its wrap of the key is kept.
        """
        card, code, _codec = self.create_private_open(
            profile, passphrase, settings, recovery=recovery, kdf=kdf
        )
        return card, code

    def create_private_open(
        self,
        profile: Profile,
        passphrase: str,
        settings: Settings | None = None,
        *,
        recovery: bool = True,
        kdf: crypto.KdfParams = crypto.DEFAULT_KDF,
    ) -> tuple[ProfileCard, str | None, crypto.EncryptedCodec]:
        """As :meth:`create_private`, also returning the codec to open it without asking again."""
        crypto.check_new_passphrase(passphrase, profile.display_name)
        made = crypto.new_keys(passphrase, recovery=recovery, kdf=kdf)
        self.prepare()
        card_id = f"p-{os.urandom(6).hex()}"
        files = ProfileFiles(self.profiles_dir / card_id)
        files.prepare()
        crypto.write_keys(files.folder, made.keys)
        try:
            card = self._create_with_id(card_id, profile, settings, made.codec)
        except BaseException:
            shutil.rmtree(files.folder, ignore_errors=True)
            raise
        return card, made.recovery_code, made.codec

    def _create_with_id(
        self, card_id: str, profile: Profile, settings: Settings | None, codec: Codec
    ) -> ProfileCard:
        self._check_name_free(profile.display_name, card_id)
        card = ProfileCard(id=card_id, display_name=profile.display_name, encrypted=True)
        create_store(self.files(card), codec, _first_data(profile, settings))
        self.write_card(card)
        return card

    def unlock(
        self, card: ProfileCard, secret: str, *, throttle: crypto.Throttle | None = None
    ) -> crypto.EncryptedCodec:
        """The key to an encrypted profile, from its passphrase or recovery code."""
        self._check_root()
        return crypto.unlock(self.files(card).folder, secret, throttle=throttle)

    def change_passphrase(
        self,
        card: ProfileCard,
        codec: crypto.EncryptedCodec,
        passphrase: str,
        *,
        kdf: crypto.KdfParams | None = None,
    ) -> str | None:
        """A new passphrase, and with it a new data key: the workbook, backups and set-aside
        files are re-encrypted, so an old key file with the old passphrase opens nothing new.

        Returns the new recovery code if the workbook had one (the old code stops working: it
        wrapped the old key). A new passphrase equal to the current one is refused.
        """
        made = passphrases.rotate_profile(
            self.files(card), codec, passphrase, name=card.display_name, kdf=kdf
        )
        made.codec.forget()
        return made.recovery_code

    def new_recovery_code(
        self, card: ProfileCard, codec: crypto.EncryptedCodec, passphrase: str
    ) -> str:
        """Replace the recovery code; the old one stops working. Returns the new code.

        The data key rotates as for a new passphrase, so ``passphrase`` (the current one) is
        needed to wrap the new key; opened with the recovery code, set a new passphrase instead.
        """
        if codec.by_recovery:
            raise InvalidInput(
                "This workbook was opened with its recovery code. Please set a new passphrase "
                "instead (`workbook profiles passwd NAME`); that makes a new recovery code too."
            )
        made = passphrases.rotate_profile(
            self.files(card),
            codec,
            passphrase,
            name=card.display_name,
            recovery=True,
            same_passphrase=True,
        )
        made.codec.forget()
        assert made.recovery_code is not None
        return made.recovery_code

    def add_passphrase(
        self,
        card: ProfileCard,
        passphrase: str,
        *,
        recovery: bool = True,
        kdf: crypto.KdfParams = crypto.DEFAULT_KDF,
    ) -> tuple[ProfileCard, str | None]:
        """Encrypt a plain profile: its workbook, every backup and every set-aside file, so no
        readable copy is left in its folder. Returns the card and the recovery code."""
        made = passphrases.encrypt_profile(
            self.files(card), passphrase, name=card.display_name, recovery=recovery, kdf=kdf
        )
        made.codec.forget()
        card = card.model_copy(update={"encrypted": True})
        self.write_card(card)
        return card, made.recovery_code

    def remove_passphrase(self, card: ProfileCard, codec: crypto.EncryptedCodec) -> ProfileCard:
        """Decrypt a profile: set-aside files, backups, then the workbook; the key file goes."""
        if self.config().require_passphrase:
            raise InvalidInput(
                "On this computer every workbook needs a passphrase, so it cannot be removed. "
                "You can change it instead."
            )
        # An initials-only card holds only the initials: the full name comes back from inside.
        full_name = (
            initials.full_name_of(self, card, codec) if card.show_initials else card.display_name
        )
        passphrases.decrypt_profile(self.files(card), codec, name=card.display_name)
        card = card.model_copy(update={"encrypted": False, "display_name": full_name})
        self.write_card(card)
        return card

    def restore_latest(self, card: ProfileCard, codec: Codec | None = None) -> bool:
        """Put back the newest backup that opens (after the workbook was quarantined).

        "Newest" is by the workbook's own save counter, never by the clock."""
        files = self.files(card)
        codec = self.check_codec(card, codec)
        good = latest_good(files.backups, lambda raw: is_good(raw, codec))
        if good is None:
            return False
        restore_backup(files, codec, good.path, card.label)
        return True

    # Rename and delete -----------------------------------------------------------------------

    def rename(self, card: ProfileCard, new_name: str, codec: Codec | None = None) -> ProfileCard:
        """Give a profile a new name, in its card and in the workbook's profile."""
        name = ProfileCard(id=card.id, display_name=new_name).display_name
        self._check_name_free(name, card.id)
        repo = self.open(card, codec=codec)
        try:
            profile = repo.get(Profile)
            if profile is not None:
                repo.put(profile.model_copy(update={"display_name": name}))
        finally:
            repo.close()
        renamed = card.model_copy(update={"display_name": name})
        self.write_card(renamed)
        return renamed

    def delete(self, card: ProfileCard, *, keep_backup: bool = False) -> Path | None:
        """Remove a profile's folder. With ``keep_backup``, first copy its workbook (still
        encrypted, with its key file) to ``kept/``; return where it went."""
        files = self.files(card)
        self._check_root()
        check_private(files.folder, is_dir=True)
        lock = acquire_lock(files, card.label)
        kept: Path | None = None
        try:
            if keep_backup and files.workbook.exists():
                kept = self._keep_last(card, files)
            shutil.rmtree(files.folder)
        finally:
            lock.release()
        return kept

    def _keep_last(self, card: ProfileCard, files: ProfileFiles) -> Path:
        target = self.path / "kept" / f"{card.id}-{clock.now():%Y%m%dT%H%M%S}"
        ensure_private_dir(target.parent)
        ensure_private_dir(target)
        atomic_write(target / "workbook.json", files.workbook.read_bytes())
        keys = crypto.keys_path(files.folder)
        if keys.exists():
            atomic_write(target / crypto.KEYS_FILE, keys.read_bytes())
        return target

    def _check_name_free(self, name: str, except_id: str = "") -> None:
        if name_key(name) in {name_key(c.display_name) for c in self.cards() if c.id != except_id}:
            raise InvalidInput(
                f"There is already a workbook called {name!r}. "
                "Try adding an initial or choosing a nickname."
            )

    def _check_root(self) -> None:
        check_data_root(self.path)
        check_private(self.path, is_dir=True)
        check_private(self.profiles_dir, is_dir=True)


def _first_data(profile: Profile, settings: Settings | None) -> Data:
    """A new workbook's data: its profile and (if given) its settings."""
    data = new_data()
    data["profile"] = {"1": profile.model_dump(mode="json")}
    if settings is not None:
        data["settings"] = {"1": settings.model_dump(mode="json")}
    return data
