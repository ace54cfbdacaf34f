"""``workbook profiles list|create|passwd|rename|delete``: for a person, or a facilitator.

Passphrases are asked for without echo (or read from ``$WORKBOOK_PASSPHRASE`` for scripts),
never printed and never stored. A new recovery code is shown once, on a screen that is cleared
afterwards (or written to a new private file), never left in the shell's scrollback unless
``--print-recovery-code`` asks for that (see ``recovery_view``).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from workbook.cli import DATE_HELP, PATHWAYS, WORKING_ON, parse_date
from workbook.commands import recovery_view
from workbook.commands.common import ENV_PASSPHRASE, ask_secret, passphrase_for
from workbook.errors import EXIT_OK, InvalidInput
from workbook.models import Pathway, Profile, ProfileCard, WorkingOn
from workbook.storage import DataRoot, crypto
from workbook.storage.crypto import check_new_passphrase, strength
from workbook.terminal import ask, say


def register(sub: argparse._SubParsersAction[Any]) -> None:
    profiles = sub.add_parser(
        "profiles",
        help="list or create workbooks on this computer",
        description="List the workbooks in the data folder, or create one.",
    )
    psub = profiles.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    lister = psub.add_parser("list", help="show the workbooks here (names only)")
    lister.set_defaults(handler=list_profiles)
    create = psub.add_parser(
        "create",
        help="create a workbook without opening it",
        description="Create a workbook from the shell, e.g. for a group machine.",
        epilog="Example: workbook profiles create Sam --pathway cut-back --working-on alcohol",
    )
    create.add_argument("name", help="the name or nickname to show")
    create.add_argument(
        "--pathway",
        choices=sorted(PATHWAYS),
        default="not-sure",
        help="the way you want to go: stop (completely), cut-back, reduce-harm or not-sure "
        "(the default; it can be changed later in Settings)",
    )
    create.add_argument(
        "--working-on",
        action="append",
        default=[],
        metavar="WHAT",
        help="what they are working on (repeat or comma-separate): "
        + ", ".join(sorted(WORKING_ON)),
    )
    create.add_argument("--start-date", metavar="DAY", help=f"optional start date: {DATE_HELP}")
    create.add_argument("--show-days", action="store_true", help="show a day counter on Home")
    create.add_argument(
        "--passphrase",
        action="store_true",
        help="lock it with a passphrase (asked twice, not shown); the workbook is encrypted",
    )
    create.add_argument(
        "--no-recovery-code", action="store_true", help="do not make a recovery code"
    )
    recovery_view.add_options(create)
    create.set_defaults(handler=create_profile)
    _register_manage(psub)


def _register_manage(psub: argparse._SubParsersAction[Any]) -> None:
    passwd = psub.add_parser(
        "passwd",
        help="set, change or remove a workbook's passphrase",
        description="Changes the passphrase (the workbook stays encrypted with the same key). "
        "For a workbook without one, adds one and encrypts it and its backups.",
        epilog="Examples: workbook profiles passwd Sam; workbook profiles passwd Sam --remove",
    )
    passwd.add_argument("name", help="whose workbook (name or id)")
    passwd.add_argument(
        "--remove", action="store_true", help="remove the passphrase and decrypt (asks twice)"
    )
    passwd.add_argument(
        "--new-recovery-code", action="store_true", help="make a new recovery code instead"
    )
    recovery_view.add_options(passwd)
    passwd.set_defaults(handler=passwd_profile)
    rename = psub.add_parser("rename", help="give a workbook a new name")
    rename.add_argument("name", help="whose workbook (name or id)")
    rename.add_argument("new_name", help="the new name or nickname")
    rename.set_defaults(handler=rename_profile)
    delete = psub.add_parser(
        "delete",
        help="remove a workbook from this computer",
        description="Removes the workbook's folder after you type its name (and passphrase).",
    )
    delete.add_argument("name", help="whose workbook (name or id)")
    delete.add_argument(
        "--keep-backup", action="store_true", help="keep a last copy in the data folder's kept/"
    )
    delete.set_defaults(handler=delete_profile)


def list_profiles(args: argparse.Namespace, root: DataRoot) -> int:
    cards = root.cards()
    for note in root.notes:
        say(note, err=True)
    if not cards:
        say(f"No workbooks yet in {root.path}.")
        return EXIT_OK
    for card in cards:
        lock = " (passphrase)" if card.encrypted else ""
        say(f"{card.label}{lock}  [{card.id}]")
    return EXIT_OK


def _working_on(values: list[str]) -> list[WorkingOn]:
    chosen: list[WorkingOn] = []
    for value in ",".join(values).split(","):
        key = value.strip().lower()
        if not key:
            continue
        if key not in WORKING_ON:
            allowed = ", ".join(sorted(WORKING_ON))
            raise InvalidInput(f"--working-on {value!r} is not one of: {allowed}")
        item = WorkingOn(key.replace("-", " "))
        if item not in chosen:
            chosen.append(item)
    return chosen


def create_profile(args: argparse.Namespace, root: DataRoot) -> int:
    profile = Profile(
        display_name=args.name,
        pathway=Pathway(PATHWAYS[args.pathway]),
        working_on=_working_on(args.working_on),
        recovery_start=parse_date(args.start_date) if args.start_date else None,
        show_day_counter=args.show_days,
    )
    if not args.passphrase:
        card = root.create(profile)
        say(f"Created a workbook for {card.display_name} [{card.id}] in {root.path}.")
        return EXIT_OK
    if not args.no_recovery_code:
        recovery_view.check_can_show(args)
    passphrase = new_passphrase(profile.display_name)
    card, code = root.create_private(profile, passphrase, recovery=not args.no_recovery_code)
    say(f"Created a workbook for {card.display_name} [{card.id}], locked with a passphrase.")
    say(strength(passphrase))
    recovery_view.show(code, args)
    return EXIT_OK


def new_passphrase(name: str | None = None) -> str:
    """A new passphrase: from the environment for scripts, else typed twice without echo."""
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        check_new_passphrase(env, name)
        return env
    first = ask_secret("New passphrase (not shown): ")
    check_new_passphrase(first, name)
    if ask_secret("Type it again: ") != first:
        raise InvalidInput("The two passphrases were not the same, so nothing was changed.")
    return first


def passwd_profile(args: argparse.Namespace, root: DataRoot) -> int:
    card = root.find(args.name)
    if not root.is_encrypted(card):
        if args.remove or args.new_recovery_code:
            raise InvalidInput(f"{card.label}'s workbook has no passphrase.")
        recovery_view.check_can_show(args)
        passphrase = new_passphrase(card.display_name)
        card, code = root.add_passphrase(card, passphrase)
        say(
            f"{card.label}'s workbook, its backups and any set-aside copies are now encrypted. "
            "No readable copy of it is left in its folder."
        )
        say(strength(passphrase))
        recovery_view.show(code, args)
        return EXIT_OK
    if args.new_recovery_code or (
        not args.remove and crypto.read_keys(root.files(card).folder).has_recovery
    ):
        recovery_view.check_can_show(args)
    secret = passphrase_for(card)
    codec = root.unlock(card, secret)
    if args.remove:
        return _remove_passphrase(root, card, codec)
    if args.new_recovery_code:
        recovery_view.show(root.new_recovery_code(card, codec, secret), args)
        say("The old recovery code no longer works.")
        return EXIT_OK
    passphrase = new_passphrase(card.display_name)
    code = root.change_passphrase(card, codec, passphrase)
    say(
        f"The passphrase for {card.label} is changed, with a new key: the old passphrase no "
        "longer opens it, not even with an old copy of its key file."
    )
    say(strength(passphrase))
    if code is not None:
        recovery_view.show(code, args)
        say("The old recovery code no longer works.")
    return EXIT_OK


def _remove_passphrase(root: DataRoot, card: ProfileCard, codec: Any) -> int:
    say("Without a passphrase, anyone using this computer account can read this workbook.")
    for question in ("Remove the passphrase? Type yes: ", "Are you sure? Type yes again: "):
        if ask(question).strip().lower() != "yes":
            say("Nothing was changed.")
            return EXIT_OK
    root.remove_passphrase(card, codec)
    say(f"{card.label}'s workbook no longer has a passphrase.")
    return EXIT_OK


def rename_profile(args: argparse.Namespace, root: DataRoot) -> int:
    card = root.find(args.name)
    codec = root.unlock(card, passphrase_for(card)) if root.is_encrypted(card) else None
    renamed = root.rename(card, args.new_name, codec)
    say(f"Renamed to {renamed.label}.")
    return EXIT_OK


def delete_profile(args: argparse.Namespace, root: DataRoot) -> int:
    card = root.find(args.name)
    say(f"This removes {card.label}'s workbook and all its backups from this computer.")
    # An initials-only protected card knows only the initials: those are what is typed here
    # (the passphrase, asked next, is what proves it is theirs).
    only_initials = card.show_initials and card.display_name == card.label
    what = f"its initials ({card.label})" if only_initials else "the name"
    if ask(f"Type {what} to confirm: ").strip() != card.display_name:
        say("The name did not match, so nothing was removed.")
        return EXIT_OK
    if root.is_encrypted(card):
        root.unlock(card, passphrase_for(card)).forget()
    kept = root.delete(card, keep_backup=args.keep_backup)
    say("Removed." + (f" A last copy is kept in {kept}." if kept else ""))
    return EXIT_OK
