"""``workbook resources check [FILE]``: check a group's list of local resources before sharing it.

Reports every problem with its line number. Exit code 0 when the file is clean, 2 when there is
anything to fix (the app still loads the good entries of a file with problems).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbook.errors import EXIT_OK, EXIT_USAGE
from workbook.resources import GROUP_FILE_NAME, read_group_file
from workbook.storage import DataRoot
from workbook.terminal import say
from workbook.text import counted


def register(sub: argparse._SubParsersAction[Any]) -> None:
    resources = sub.add_parser(
        "resources",
        help="check a group's list of local resources",
        description="Tools for the group's list of local resources (meetings, clinics...).",
    )
    rsub = resources.add_subparsers(dest="resources_command", metavar="ACTION", required=True)
    check = rsub.add_parser(
        "check",
        help="check a group file and list every problem with its line",
        description="Reads a group file the way the workbook does and lists every problem "
        f"with its line number. Without FILE, checks {GROUP_FILE_NAME} in the data folder.",
        epilog="Exit code 0 when the file is clean, 2 when there is something to fix. "
        "Example: workbook resources check ~/group-resources.toml",
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="the group file to check")
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace, root: DataRoot) -> int:
    path = Path(args.file).expanduser() if args.file else root.path / GROUP_FILE_NAME
    result = read_group_file(path)
    if not result.readable:
        say(f"{path}: {result.problems[0].message}")
        return EXIT_USAGE
    name = f" for {result.group}" if result.group else ""
    count = len(result.entries)
    say(f"{path}{name}: {counted(count, 'entry', 'entries')} read.")
    if not result.problems:
        say("No problems found.")
        return EXIT_OK
    count = len(result.problems)
    skipped = f"; {counted(result.skipped, 'entry', 'entries')} left out"
    say(f"{counted(count, 'problem')} to fix{skipped if result.skipped else ''}:")
    for problem in sorted(result.problems, key=lambda p: p.line or 0):
        say(f"  {problem}")
    return EXIT_USAGE
