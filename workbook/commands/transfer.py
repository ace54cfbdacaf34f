"""``workbook export`` and ``workbook import``: a report for the coach, or a full copy to move.

Export only reads, so it works while the workbook is open in a window; a report's day is noted
afterwards (for --since-last-report) when the workbook is free.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from workbook.cli import DATE_HELP, parse_date
from workbook.commands.common import add_profile_option, chosen_card, codec_for
from workbook.errors import EXIT_OK, InvalidInput
from workbook.export import FORMATS
from workbook.storage import DataRoot, Repository
from workbook.storage.transfer import (
    MAX_IMPORT_MB,
    import_profile,
    read_export,
    read_import_file,
)
from workbook.terminal import say


def register(sub: argparse._SubParsersAction[Any]) -> None:
    export = sub.add_parser(
        "export",
        help="make a report for your coach, or a full copy of your workbook",
        description="md and html make a readable report of the sections you choose (to print "
        "or share). json is the whole workbook, for moving to another computer or keeping a copy. "
        "An exported file is not protected by a passphrase: keep it somewhere safe.",
        epilog="Examples: workbook export --format html --sections plan,goals -o report.html"
        " | workbook export --format json -o my-workbook.json",
    )
    add_profile_option(export)
    export.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="md or html: a report to share with a coach (the sections you choose); "
        "json: a full copy of your workbook, to keep or to bring in with `workbook import`",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default: print)")
    export.add_argument("--sections", help="comma-separated sections for md/html (default: all)")
    when = export.add_mutually_exclusive_group()
    when.add_argument(
        "--since", metavar="DAY", help=f"only entries from this day on (md/html): {DATE_HELP}"
    )
    when.add_argument(
        "--last", metavar="TIME", help="only the last 4w (weeks), 10d (days) or 3m (md/html)"
    )
    when.add_argument(
        "--since-last-report",
        action="store_true",
        help="only entries since the last report was made (md/html)",
    )
    export.add_argument(
        "--replace", action="store_true", help="replace the file at -o if there is one already"
    )
    export.set_defaults(handler=run_export)
    imp = sub.add_parser(
        "import",
        help="bring in a JSON export as a new workbook",
        description="Checks the whole file first; if anything is wrong nothing is imported and "
        f"the first problems are listed. Older exports are upgraded. Files up to {MAX_IMPORT_MB} "
        "MB are read. The new workbook appears whole, or not at all.",
        epilog="Example: workbook import my-workbook.json --profile 'Sam (laptop)'",
    )
    imp.add_argument("file", help="a file made by `workbook export --format json`")
    imp.add_argument(
        "--profile",
        dest="sub_profile",
        metavar="NAME",
        help="name for the new workbook (default: the name in the file)",
    )
    imp.add_argument(
        "--passphrase",
        action="store_true",
        help="lock the new workbook with a passphrase (asked twice, not shown); it is encrypted",
    )
    imp.add_argument("--no-recovery-code", action="store_true", help="do not make a recovery code")
    imp.set_defaults(handler=run_import)
    register_demo(sub)


def run_export(args: argparse.Namespace, root: DataRoot) -> int:
    from workbook import clock
    from workbook.export import NOT_PROTECTED, export_bytes, remember_report, write_export

    sections = _sections(args.sections)
    today = clock.today()
    card = chosen_card(args, root)
    codec = codec_for(card)
    if card.encrypted:
        say(f"Note: {NOT_PROTECTED}", err=True)
    repo = root.open(card, write=False, codec=codec)
    try:
        since = _since(args, repo, today)
        if args.output:
            where = write_export(
                repo, args.format, sections, since, Path(args.output), replace=args.replace
            )
            say(f"Wrote {where}")
        else:
            say(export_bytes(repo, args.format, sections, since).decode("utf-8"), end="")
        if args.format != "json" and not remember_report(root, card, codec, today):
            say(NOT_REMEMBERED, err=True)
    finally:
        repo.close()
    return EXIT_OK


NOT_REMEMBERED = (
    "Note: the workbook is open in another window, so this report's date was not noted for "
    "--since-last-report."
)


def _since(args: argparse.Namespace, repo: Repository, today: date) -> date | None:
    """The first day the report covers: --since, --last or --since-last-report, else None."""
    from workbook.export import last_report
    from workbook.report import parse_last

    if args.since:
        return parse_date(args.since)
    if args.last:
        return parse_last(args.last, today)
    if args.since_last_report:
        last = last_report(repo)
        if last is None:
            say("Note: no earlier report was noted, so this one covers everything.", err=True)
        return last
    return None


def _sections(text: str | None) -> list[str] | None:
    if not text:
        return None
    from workbook.report import SECTION_IDS

    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTION_IDS]
    if unknown:
        raise InvalidInput(f"unknown section {unknown[0]!r}; choose from: {', '.join(SECTION_IDS)}")
    return chosen


def run_import(args: argparse.Namespace, root: DataRoot) -> int:
    from workbook.commands import recovery_view
    from workbook.commands.profiles import new_passphrase

    data = read_export(read_import_file(Path(args.file).expanduser()))
    passphrase = new_passphrase() if args.passphrase else None
    made = import_profile(
        root,
        data,
        name=args.sub_profile,
        passphrase=passphrase,
        recovery=not args.no_recovery_code,
    )
    card = made.card
    if passphrase is None:
        say(f"Imported into a new workbook: {card.display_name} [{card.id}].")
        say(f"Note: {UNPROTECTED_COPY.format(id=card.id)}", err=True)
        return EXIT_OK
    say(f"Imported into a new workbook: {card.display_name} [{card.id}], locked with a passphrase.")
    recovery_view.show(made.recovery_code, args)
    return EXIT_OK


UNPROTECTED_COPY = (
    "the new workbook has no passphrase, so anyone using this computer account can read it. "
    "To lock it, run: workbook profiles passwd {id}"
)


def register_demo(sub: argparse._SubParsersAction[Any]) -> None:
    demo = sub.add_parser(
        "demo",
        help="create a demo workbook with sample data",
        description="Creates (or replaces) a workbook called 'Demo — sample data' filled with "
        "realistic made-up entries, for showing the workbook to a group or trying it out. "
        "It never touches anyone else's workbook.",
        epilog="Example: workbook demo --years 2 --seed 7",
    )
    demo.add_argument("--years", type=int, default=1, help="how many years of entries (1-20)")
    demo.add_argument("--seed", type=int, default=1, help="the same seed gives the same workbook")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, root: DataRoot) -> int:
    from workbook.demo import build_demo

    if not 1 <= args.years <= 20:
        raise InvalidInput("--years must be a whole number from 1 to 20")
    card = build_demo(root, years=args.years, seed=args.seed)
    say(
        f"Created the demo workbook '{card.display_name}' [{card.id}] with "
        f"{args.years} year(s) of sample data. Open it with: workbook --profile {card.id}"
    )
    return EXIT_OK
