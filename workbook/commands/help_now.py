"""``workbook help-now``: the crisis lines for your country, printed, for when the app won't open.

Needs no workbook, no passphrase and no window: the country comes from ``--country``, else from
the one unencrypted workbook's settings, else from the system's language settings. It only reads.
"""

from __future__ import annotations

import argparse
from typing import Any

from workbook import safety
from workbook.content import crisis
from workbook.errors import EXIT_OK, WorkbookError
from workbook.models import Country, Settings
from workbook.profile import default_country
from workbook.storage import DataRoot
from workbook.terminal import say

COUNTRY_NAMES = {
    Country.US: "the US",
    Country.UK: "the UK",
    Country.CA: "Canada",
    Country.AU: "Australia",
}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "help-now",
        help="print crisis lines for your country (needs no workbook)",
        description="Prints your emergency number, one line to talk to someone now, the support "
        "lines for your country, and what to do if someone won't wake up. Needs no workbook "
        "and no passphrase.",
        epilog="Examples: workbook help-now | workbook help-now --country UK",
    )
    parser.add_argument(
        "--country",
        type=str.upper,
        choices=[c.value.upper() for c in Country],
        help="US, UK, CA, AU or OTHER (default: your workbook's setting, else your system's)",
    )
    parser.set_defaults(handler=run_help_now)


def run_help_now(args: argparse.Namespace, root: DataRoot) -> int:
    chosen = next((c for c in Country if c.value.upper() == args.country), None)
    for line in lines_for(chosen or _country(root)):
        say(line)
    return EXIT_OK


def _country(root: DataRoot) -> Country:
    """The one unencrypted workbook's country, else the system's; never asks for anything."""
    try:
        cards = root.cards() if root.path.is_dir() else []
        if len(cards) == 1 and not root.is_encrypted(cards[0]):
            repo = root.open(cards[0], write=False)
            try:
                stored = repo.get(Settings)
            finally:
                repo.close()
            if stored is not None:
                return stored.country
    except (WorkbookError, OSError):
        pass  # a damaged or locked workbook must not stand between someone and a phone number
    return default_country()


def lines_for(country: Country) -> list[str]:
    """What help-now prints for ``country``, line by line."""
    lines = crisis()
    known = country in COUNTRY_NAMES
    emergency = lines.emergency_for(country) if known else _every_emergency()
    talk = lines.talk_now(country)
    talk_words = (
        f"{talk.name}, {talk.talk_now}"
        if talk is not None
        else lines.talk_now_everywhere(COUNTRY_NAMES)
    )
    out = [
        f"If you are in danger right now, call your emergency number: {emergency}.",
        f"Talk to someone now: {talk_words}.",
        "",
        f"People you can call or text in {COUNTRY_NAMES[country]}:"
        if known
        else "People you can call or text, by country:",
    ]
    for line in lines.lines_for(country):
        where = "" if known else f" ({COUNTRY_NAMES[line.country]})"
        out += [
            f"  {line.name}{where}: {line.contact}",
            f"    {line.about}",
            f"    ({line.check_text()})",
        ]
    words = safety.words()
    out += ["", f"{words.overdose.heading}:"]
    out += [
        f"  - {step}"
        for step in words.overdose_steps(emergency if known else "your emergency number")
    ]
    out += ["", words.tolerance.text]
    if not known:
        out += ["", "For one country's lines: workbook help-now --country US (or UK, CA, AU)."]
    return out


def _every_emergency() -> str:
    lines = crisis()
    known = [
        f"{e.contact} in {COUNTRY_NAMES[e.country]}"
        for e in lines.emergency
        if e.country in COUNTRY_NAMES
    ]
    return ", ".join([*known, lines.emergency_for(Country.OTHER)])
