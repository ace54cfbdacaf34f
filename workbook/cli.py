"""The ``workbook`` command: opens the workbook, or runs a command from the shell.

Every command answers bad input with one plain line and the exit codes below, never a traceback:
0 ok, 2 usage or invalid input, 3 profile open elsewhere, 4 unsafe folder permissions,
5 data unreadable (quarantined), 6 save failed. The screens are imported only to open the TUI.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from workbook import __version__
from workbook.dates import Facing
from workbook.errors import EXIT_OK, EXIT_USAGE, InvalidInput, WorkbookError
from workbook.paths import resolve_data_dir
from workbook.start import settle
from workbook.storage import DataRoot
from workbook.terminal import Writable, say

Handler = Callable[[argparse.Namespace, DataRoot], int]

PATHWAYS = {
    "stop": "stop completely",
    "cut-back": "cut back",
    "reduce-harm": "reduce harm",
    "not-sure": "not sure yet",
}
WORKING_ON = {"alcohol", "other-drugs", "codependency", "gambling", "other"}


EXAMPLES = re.compile(r"\bExamples?: ")
TEXT_COLUMN = re.compile(r"^\s+\S+\s{2,}")
BETWEEN_EXAMPLES = re.compile(r"\s+\|\s+|;\s+(?=workbook\b)")

EXIT_CODES = (
    "Exit codes:\n"
    "  0  all went well\n"
    "  2  a command or something typed could not be used (nothing was changed)\n"
    "  3  the workbook is open in another window\n"
    "  4  the workbook's folder or files are not private to you\n"
    "  5  the workbook could not be read (it was set aside, never deleted)\n"
    "  6  saving failed (the earlier copy is kept)"
)
ENVIRONMENT = (
    "Environment:\n"
    "  WORKBOOK_DATA_DIR    folder for workbooks (--data-dir wins over it)\n"
    "  WORKBOOK_PASSPHRASE  a passphrase for scripts (less safe: other programs may see it)\n"
    "  WORKBOOK_ASCII=1     draw in plain ASCII (the Linux console and a locale that is not "
    "UTF-8 get it by themselves)\n"
    "  NO_COLOR=1           no colour at all (also under a TERM ending in -mono)"
)


def examples_one_per_line(epilog: str | None) -> str | None:
    """``Examples: a | b`` as a heading with one example a line (argparse runs them together)."""
    if not epilog:
        return epilog
    found = EXAMPLES.search(epilog)
    if found is None:
        return epilog
    before = epilog[: found.start()].strip()
    heading = found.group(0).strip()
    lines = [heading, *(f"  {e.strip()}" for e in BETWEEN_EXAMPLES.split(epilog[found.end() :]))]
    return "\n".join([before, "", *lines] if before else lines)


class _Formatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, so lists and examples keep their
    lines (argparse's own formatter runs every line into one paragraph)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            first = indent + " " * (len(line) - len(line.lstrip()))
            column = TEXT_COLUMN.match(line)  # "  NAME   what it is": wrap under "what"
            later = indent + " " * (len(column.group(0)) if column else len(first) - len(indent))
            lines.append(
                textwrap.fill(line.strip(), width, initial_indent=first, subsequent_indent=later)
                if line.strip()
                else ""
            )
        return "\n".join(lines)

    def _split_lines(self, text: str, width: int) -> list[str]:
        """An option's help, wrapped without breaking YYYY-MM-DD or a flag at its hyphens."""
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one kind line and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["epilog"] = examples_one_per_line(kwargs.get("epilog"))
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"workbook: {message} (see `{self.prog} --help`)\n")

    # Help, usage and errors can echo what was typed (an unknown choice, a name): through the door.
    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            say(message, err=True, end="")
        sys.exit(status)

    def print_help(self, file: Writable | None = None) -> None:
        say(self.format_help(), end="", stream=file)

    def print_usage(self, file: Writable | None = None) -> None:
        say(self.format_usage(), end="", stream=file)


class _NotJustOptions(Exception):
    """What the quick parse gives up with: the full parser reads the command line instead."""


class _OptionsOnly(_Parser):
    """The ``workbook`` options that open the app, without any command or --help."""

    def __init__(self) -> None:
        super().__init__(prog="workbook", add_help=False)
        add_app_options(self)

    def error(self, message: str) -> NoReturn:
        raise _NotJustOptions(message)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line read, as :func:`build_parser` reads it.

    Most starts name no command (``workbook``, ``workbook --profile Sam``): those are read by
    the app's own four options alone, so opening the app does not import and build every
    command's parser (~9 ms of a start). Anything else (a command, --help, --version, a
    mistake) goes to the full parser, which says the same as it always did.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args, rest = _OptionsOnly().parse_known_args(argv)
    except _NotJustOptions:
        rest = argv
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


def add_app_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``workbook`` itself (opening the app), before any command."""
    parser.add_argument("--data-dir", help="folder for workbooks (default: your user data folder)")
    parser.add_argument("--profile", help="whose workbook to open (name or id)")
    parser.add_argument(
        "--resources", metavar="FILE", type=path_arg, help="a group's list of local resources"
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="allow Textual's debug logging (TEXTUAL_LOG, TEXTUAL_SCREENSHOT); they record "
        "what is on screen and every key pressed, so they are refused without this",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbook",
        description="Side by Side: a private self-recovery workbook. "
        "With no command, opens the workbook in this terminal.",
        epilog="Your workbook never leaves this computer.\n\n"
        + EXIT_CODES
        + "\n\n"
        + ENVIRONMENT
        + "\n\nExamples: workbook | workbook --profile Sam | workbook help-now --country UK",
    )
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    add_app_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    from workbook.commands import register_all

    register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = parse_args(argv)
    root = DataRoot(resolve_data_dir(args.data_dir))
    handler: Handler = getattr(args, "handler", run_tui)
    if handler is not run_tui:
        settle()  # only the app keeps the collector paused until its first screen is up
    try:
        return handler(args, root)
    except WorkbookError as exc:
        say(f"workbook: {exc}", err=True)
        return exc.exit_code
    except ValidationError as exc:
        say(f"workbook: {friendly_validation(exc)}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("", err=True)
        return 130


def friendly_validation(exc: ValidationError) -> str:
    """The first problem of a pydantic error, as one plain line."""
    from workbook.storage.import_check import plain_error

    err = exc.errors()[0]
    where = " ".join(str(p).replace("_", " ") for p in err.get("loc", ())) or "value"
    return f"{where}: {plain_error(err)}"


def parse_date(text: str, facing: Facing = Facing.BACK) -> date:
    """A date given on the command line, read the way every date box in the app reads one.

    ``today``, ``yesterday``, ``tomorrow``, a weekday name, ``next week`` or YYYY-MM-DD, with the
    app's kind words for a date that cannot exist (2026-02-30). A weekday name points back by
    default ("friday" is the last Friday): a check-in, a report's start and a start date are days
    that have been.
    """
    from workbook import clock
    from workbook.dates import hint, parse_day

    today = clock.today()
    try:
        day = parse_day(text, today, facing)
    except InvalidInput as exc:
        if str(exc) == hint(today):  # say what was given; "doesn't exist" already does
            raise InvalidInput(f"{text.strip()!r} is not a date I can read. {exc}") from None
        raise
    if day is None:
        raise InvalidInput(f"the date was left empty. {hint(today)}")
    return day


DATE_HELP = "YYYY-MM-DD, or today, yesterday, or a weekday such as friday (the last one)"
"""What every date option on the command line accepts, for its help text."""


RECORDING_VARIABLES = ("TEXTUAL_LOG", "TEXTUAL_SCREENSHOT")
"""Textual settings that write what is on screen, or every key pressed, to a file."""


def recording_refused(environ: Mapping[str, str], debug: bool) -> str | None:
    """Why the app will not start with a recording variable set (None when it may)."""
    found = [name for name in RECORDING_VARIABLES if environ.get(name)]
    if not found or debug:
        return None
    return (
        f"{' and '.join(found)} is set. It would record what you type and see in your workbook "
        "to a file, so Side by Side will not start with it. Unset it, or add --debug if you "
        "are developing the app and mean it."
    )


def run_tui(args: argparse.Namespace, root: DataRoot) -> int:
    """Open the workbook in the terminal."""
    refused = recording_refused(os.environ, args.debug)
    if refused:
        raise InvalidInput(refused)
    from screens.app import run

    return run(root, profile=args.profile, resources_file=args.resources)


def ok() -> int:
    return EXIT_OK


def path_arg(text: str) -> Path:
    return Path(text).expanduser()
