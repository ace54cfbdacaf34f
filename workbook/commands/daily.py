"""``workbook today`` and ``workbook checkin``: the day, from the shell.

``today`` only reads, so it works while the workbook is open in a window (and in a login script).
``checkin`` writes, so it needs the workbook closed elsewhere; bad values store nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from workbook import clock, safety
from workbook.cli import DATE_HELP, parse_date
from workbook.commands.checkin_ask import (
    HISTORY_NOTE,
    ask_all,
    needs_asking,
    read_note_from_stdin,
)
from workbook.commands.common import LOCK_WAIT, add_profile_option, chosen_card, codec_for
from workbook.errors import EXIT_OK, InvalidInput
from workbook.models import Checkin, Pathway, Profile, UseAnswer
from workbook.storage import DataRoot, Repository
from workbook.stretches import record_of
from workbook.terminal import say

USED_CHOICES = ("yes", "no", "skip", "within-limit", "over-limit")
LIMIT_PATHWAYS = (Pathway.CUT_BACK, Pathway.REDUCE_HARM)
FILL_IN_BEFORE_START = timedelta(days=30)
"""How far before the workbook was started a day may be filled in (the hard stretch that
brought someone here is worth recording); anything earlier is surely a typing slip."""


def _whole(name: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, or a message naming the range."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{name} is a whole number from {low} to {high} (you gave {text!r})"
            )
        return value

    return parse


def register(sub: argparse._SubParsersAction[Any]) -> None:
    today = sub.add_parser(
        "today",
        help="a short summary of today: check-in, weekly review, next steps",
        description="Says whether today's check-in is done, where this week's review stands, "
        "and the next step of each active goal (and your day counter, if you chose to show it). "
        "Only reads, so it works while the workbook is open in a window.",
        epilog="Examples: workbook today | workbook today --format json "
        "| in ~/.profile: command -v workbook >/dev/null && workbook today",
    )
    add_profile_option(today)
    today.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    today.set_defaults(handler=run_today)

    checkin = sub.add_parser(
        "checkin",
        help="record today's check-in from the shell",
        description="Records today's check-in, or changes it if you already did one today "
        "(there is one check-in per day). Run it alone to be asked each question. "
        "--used answers 'did you use or act on it today?': "
        "yes, no or skip (I'd rather not say); if you are cutting back or reducing harm, "
        "answer no, within-limit or over-limit. " + HISTORY_NOTE,
        epilog="Examples: workbook checkin (asks each question) "
        "| workbook checkin --mood 4 --craving 2 --note - (then type the note and Ctrl-D) "
        "| workbook checkin --mood 3 --craving 5 --date yesterday "
        "| workbook checkin --mood 2 --craving 6 --date 2026-11-26",
    )
    add_profile_option(checkin)
    checkin.add_argument(
        "--mood", type=_whole("mood", 1, 5), help="1 (very low) to 5 (very good); asked if left out"
    )
    checkin.add_argument(
        "--craving",
        type=_whole("craving", 0, 10),
        help="0 (none) to 10 (strongest); asked if left out",
    )
    checkin.add_argument("--used", choices=USED_CHOICES, help="did you use or act on it today?")
    checkin.add_argument(
        "--note",
        help="a free note (up to 5,000 characters); - reads it from standard input, which keeps "
        "it out of the shell's history",
    )
    checkin.add_argument(
        "--date",
        metavar="DAY",
        help="fill in an earlier day, up to 30 days before the workbook was started "
        f"(default: today). DAY is {DATE_HELP}",
    )
    checkin.set_defaults(handler=run_checkin)


def run_today(args: argparse.Namespace, root: DataRoot) -> int:
    from workbook import today as summary_of

    card = chosen_card(args, root)
    repo = root.open(card, write=False, codec=codec_for(card))
    try:
        summary = summary_of.summary(repo, clock.today())
    finally:
        repo.close()
    if args.format == "json":
        say(summary_of.render_json(summary), end="")
    else:
        say(summary_of.render_text(summary), end="")
    return EXIT_OK


def use_answer(choice: str, pathway: Pathway) -> UseAnswer:
    """The stored answer for ``--used``, in the words of the person's pathway."""
    if choice == "no":
        return UseAnswer.NO
    if choice == "skip":
        return UseAnswer.PREFER_NOT
    limits = pathway in LIMIT_PATHWAYS
    if choice == "yes" and not limits:
        return UseAnswer.YES
    if choice in ("within-limit", "over-limit") and limits:
        return UseAnswer.WITHIN_LIMIT if choice == "within-limit" else UseAnswer.OVER_LIMIT
    if limits:
        raise InvalidInput(
            f"on your pathway ({pathway.value}), --used is no, within-limit, over-limit or skip"
        )
    raise InvalidInput(f"on your pathway ({pathway.value}), --used is yes, no or skip")


def run_checkin(args: argparse.Namespace, root: DataRoot) -> int:
    from workbook import checkins

    today = clock.today()
    day = parse_date(args.date) if args.date else today
    if day > today:
        raise InvalidInput(f"{day.isoformat()} hasn't happened yet; pick today or an earlier day")
    read_note_from_stdin(args)
    asking = needs_asking(args)
    card = chosen_card(args, root)
    repo = root.open(card, write=True, codec=codec_for(card), wait=LOCK_WAIT)
    try:
        _check_day(repo, day, today)
        if asking:
            profile = repo.get(Profile)
            pathway = profile.pathway if profile else Pathway.NOT_SURE
            ask_all(args, limits=pathway in LIMIT_PATHWAYS)
        stored, edited = _record(repo, args, day, today)
        setback = stored.used is not None and stored.used.is_setback
        reflect = setback and checkins.needs_reflection(repo, stored)
        said = repo.warnings + repo.take_notices()
        warn = setback and _after_a_break(repo, day)
        profile = repo.get(Profile)
    finally:
        repo.close()
    when = "today" if day == today else f"{day:%A} {day.day} {day:%B}"
    say(f"{'Updated' if edited else 'Saved'} the check-in for {when}. Thank you.")
    for line in said:
        say(line)
    if reflect:
        pathway = profile.pathway if profile else Pathway.NOT_SURE
        say(checkins.words().setback_for(pathway)[1].kind_for(day))
        say("When you feel ready, open `workbook` to write a few words about what happened.")
    if warn:
        say(safety.words().tolerance.text)
        say("If you need someone now: workbook help-now")
    return EXIT_OK


def _check_day(repo: Repository, day: date, today: date) -> None:
    """Refuse a day long before the workbook began, naming the days that can be filled in."""
    profile = repo.get(Profile)
    started = profile.created.date() if profile else today
    earliest = min(started, today) - FILL_IN_BEFORE_START
    if day < earliest:
        raise InvalidInput(
            f"{day.isoformat()} is long before this workbook was started; a check-in can be "
            f"for any day from {earliest.day} {earliest:%b %Y} to today ({today.day} {today:%b %Y})"
        )


def _after_a_break(repo: Repository, day: date) -> bool:
    """Whether this use came after a stretch long enough to lower tolerance (substances only)."""
    if not safety.substances_matter(repo.get(Profile)):
        return False
    known = repo.all(Checkin)
    record = record_of(repo, day, known=known)  # this day is already saved as a day of use
    within = {c.on for c in known if c.used == UseAnswer.WITHIN_LIMIT}
    return safety.break_before(record, day, within) > 0


def _record(
    repo: Repository, args: argparse.Namespace, day: date, today: date
) -> tuple[Checkin, bool]:
    """Save ``day``'s check-in, keeping what is not given; return it and whether it was an edit."""
    from workbook import checkins

    profile = repo.get(Profile)
    pathway = profile.pathway if profile else Pathway.NOT_SURE
    existing = checkins.checkin_for(repo, day)
    fields: dict[str, Any] = existing.model_dump() if existing else {"on": day}
    fields.update(mood=args.mood, craving=args.craving)
    if args.used is not None:
        fields["used"] = use_answer(args.used, pathway)
    if args.note is not None:
        fields["note"] = args.note
    return checkins.save_checkin(repo, Checkin.model_validate(fields), today), existing is not None
