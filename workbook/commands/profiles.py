"""``workbook profiles list|create``: for a person, or a facilitator setting up a group machine."""

from __future__ import annotations

import argparse
from typing import Any

from workbook.cli import PATHWAYS, WORKING_ON, parse_date
from workbook.errors import EXIT_OK, InvalidInput
from workbook.models import Pathway, Profile, WorkingOn
from workbook.storage import DataRoot


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
    create.add_argument("--pathway", choices=sorted(PATHWAYS), default="not-sure")
    create.add_argument(
        "--working-on",
        action="append",
        default=[],
        metavar="WHAT",
        help="what they are working on (repeat or comma-separate): "
        + ", ".join(sorted(WORKING_ON)),
    )
    create.add_argument("--start-date", help="optional start date, YYYY-MM-DD")
    create.add_argument("--show-days", action="store_true", help="show a day counter on Home")
    create.set_defaults(handler=create_profile)


def list_profiles(args: argparse.Namespace, root: DataRoot) -> int:
    cards = root.cards()
    if not cards:
        print(f"No workbooks yet in {root.path}.")
        return EXIT_OK
    for card in cards:
        lock = " (passphrase)" if card.encrypted else ""
        print(f"{card.label}{lock}  [{card.id}]")
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
    card = root.create(profile)
    print(f"Created a workbook for {card.display_name} [{card.id}] in {root.path}.")
    return EXIT_OK
