"""Small pieces every subcommand shares: the --profile option and choosing a profile."""

from __future__ import annotations

import argparse
import getpass
import os

from workbook.errors import InvalidInput, ProfileNotFound
from workbook.models import ProfileCard
from workbook.storage import Codec, DataRoot, PlainCodec
from workbook.storage.crypto import EncryptedCodec
from workbook.terminal import visible

ENV_PASSPHRASE = "WORKBOOK_PASSPHRASE"
LOCK_WAIT = 2.0
"""Seconds a command-line writer waits for another to finish before saying it is in use."""

_last_root: DataRoot | None = None
"""The data folder of the last ``chosen_card`` call, for ``codec_for(card)`` without a root."""


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", dest="sub_profile", metavar="NAME", help="whose workbook (name or id)"
    )


def chosen_card(args: argparse.Namespace, root: DataRoot) -> ProfileCard:
    """The profile named by --profile, or the only one there is."""
    global _last_root
    _last_root = root
    name = getattr(args, "sub_profile", None) or getattr(args, "profile", None)
    if name:
        return root.find(name)
    cards = root.cards()
    if not cards:
        raise ProfileNotFound(
            f"There is no workbook in {root.path} yet. Run `workbook` to start one, "
            "or `workbook profiles create NAME`."
        )
    if len(cards) > 1:
        names = ", ".join(c.label for c in cards)
        raise InvalidInput(
            f"There are several workbooks here ({names}); choose one with --profile."
        )
    return cards[0]


def ask_secret(prompt: str) -> str:
    """Ask for a passphrase without echoing it. Never logged, never stored."""
    try:
        return getpass.getpass(visible(prompt))
    except EOFError:
        raise InvalidInput(
            f"No passphrase was given. Type it when asked, or set {ENV_PASSPHRASE} "
            "(less safe: other programs may see it)."
        ) from None


def passphrase_for(card: ProfileCard) -> str:
    """``$WORKBOOK_PASSPHRASE`` if set (for scripts), else a prompt with no echo."""
    secret = os.environ.get(ENV_PASSPHRASE)
    if secret:
        return secret
    return ask_secret(f"Passphrase for {card.label}: ")


def unlock_card(card: ProfileCard, root: DataRoot) -> EncryptedCodec:
    """Ask for this encrypted profile's passphrase and unlock its key."""
    return root.unlock(card, passphrase_for(card))


def codec_for(card: ProfileCard, root: DataRoot | None = None) -> Codec:
    """How to read this profile's file: encrypted profiles ask for their passphrase.

    ``root`` defaults to the data folder the card was chosen from (see ``chosen_card``).
    """
    root = root or _last_root
    if root is None:
        from workbook.paths import resolve_data_dir

        root = DataRoot(resolve_data_dir())
    if root.is_encrypted(card):
        return unlock_card(card, root)
    return PlainCodec()
