""" "Only initials" for a protected workbook: only the initials are kept in the clear.

The card (``profile.json``) is readable by anyone using the account, so for a workbook with a
passphrase and "only initials" on, it holds the initials alone (see ``cards.to_store``); the full
name lives in the encrypted workbook's profile. Turning the setting on or off therefore needs the
workbook's key: from the picker by its passphrase, from inside the open workbook by its profile.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from workbook.errors import WorkbookError
from workbook.models import Profile, ProfileCard
from workbook.storage import crypto
from workbook.storage.cards import to_store
from workbook.storage.codec import Codec

if TYPE_CHECKING:
    from workbook.storage.profiles import DataRoot


def set_initials_only(
    root: DataRoot,
    card: ProfileCard,
    on: bool,
    *,
    codec: Codec | None = None,
    full_name: str | None = None,
) -> ProfileCard:
    """Show only initials in the picker, or the whole name again.

    For a protected workbook this needs its key (``codec``, from the passphrase) or, from inside
    the open workbook, its ``full_name``: turning it off puts the full name back on the card,
    and only the encrypted workbook knows it. Returns the card in memory (with the full name).
    """
    if root.is_encrypted(card):
        if full_name is None:
            full_name = full_name_of(root, card, codec)
        card = card.model_copy(update={"display_name": full_name})
    new_card = card.model_copy(update={"show_initials": on})
    root.write_card(new_card)
    return new_card


def full_name_of(root: DataRoot, card: ProfileCard, codec: Codec | None) -> str:
    """The name kept inside a protected workbook (read only; no lock is taken)."""
    if not isinstance(codec, crypto.EncryptedCodec):
        raise crypto.NeedsPassphrase(
            "Only the person with this workbook's passphrase can change how it is shown."
        )
    # A copy of the key: closing the store forgets its codec, and the caller's is still used.
    copy = crypto.EncryptedCodec(codec.data_key, codec.key_id, older=codec.older_keys)
    repo = root.open(card, write=False, codec=copy)
    try:
        profile = repo.get(Profile)
    finally:
        repo.close()
    return profile.display_name if profile is not None else card.display_name


def scrubbed(root: DataRoot, card: ProfileCard) -> ProfileCard:
    """A protected initials-only card written before only initials were kept: rewrite it now,
    so the full name leaves the clear file at once (best effort: reading never fails for it)."""
    stored = to_store(card, card.encrypted)
    if stored is not card:
        with contextlib.suppress(OSError, WorkbookError):
            root.write_card(stored)
    return stored
