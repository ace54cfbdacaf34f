"""Small pieces every subcommand shares: the --profile option and choosing a profile."""

from __future__ import annotations

import argparse

from workbook.errors import InvalidInput, ProfileNotFound
from workbook.models import ProfileCard
from workbook.storage import Codec, DataRoot, PlainCodec, Repository


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", dest="sub_profile", metavar="NAME", help="whose workbook (name or id)"
    )


def chosen_card(args: argparse.Namespace, root: DataRoot) -> ProfileCard:
    """The profile named by --profile, or the only one there is."""
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
        names = ", ".join(c.display_name for c in cards)
        raise InvalidInput(
            f"There are several workbooks here ({names}); choose one with --profile."
        )
    return cards[0]


def codec_for(card: ProfileCard) -> Codec:
    """How to read this profile's file. (Encrypted profiles ask for their passphrase.)"""
    return PlainCodec()


def open_repo(args: argparse.Namespace, root: DataRoot, *, write: bool) -> Repository:
    card = chosen_card(args, root)
    return root.open(card, write=write, codec=codec_for(card))
