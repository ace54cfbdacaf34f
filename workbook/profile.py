"""The person and their settings: starting a workbook, changing it, and the day counter.

Everything here goes through :class:`DataRoot` and :class:`Repository`; nothing touches files
or TinyDB directly. Functions take ``today`` rather than reading the clock, so tests are exact.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field, ValidationError

from workbook.content import ContentModel, read_toml
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import Country, Pathway, Profile, ProfileCard, Settings, WorkingOn, name_key
from workbook.storage import Codec, DataRoot, PlainCodec, Repository
from workbook.storage import backups as backup_files
from workbook.storage.backups import Backup
from workbook.storage.restore import restore_backup, start_empty
from workbook.storage.store import is_good, new_data
from workbook.stretches import Record, day_words
from workbook.text import counted

# Which crisis lines a locale's territory gets (``en_GB.UTF-8`` -> GB -> UK).
_TERRITORIES = {
    "US": Country.US,
    "GB": Country.UK,
    "UK": Country.UK,
    "CA": Country.CA,
    "AU": Country.AU,
}


def default_country(environ: Mapping[str, str] | None = None) -> Country:
    """The country the system locale points to, or ``other`` when it does not say.

    Reads ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``, as the C library does. Python's own
    ``locale.getlocale()`` turns ``C.UTF-8`` into ``en_US``, which would guess wrong.
    """
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return _country_of_locale(value)
    return Country.OTHER


def _country_of_locale(value: str) -> Country:
    language = value.split(".", 1)[0].split("@", 1)[0]
    if "_" not in language:
        return Country.OTHER
    return _TERRITORIES.get(language.split("_", 1)[1].upper(), Country.OTHER)


# --- Starting a workbook -------------------------------------------------------------------


@dataclass
class WelcomeAnswers:
    """What the person said in "start your workbook". Only the name is required."""

    name: str
    working_on: list[WorkingOn] = field(default_factory=list)
    working_on_words: str = ""
    pathway: Pathway = Pathway.NOT_SURE
    start_date: str = ""
    show_day_counter: bool = False
    country: Country | None = None
    """Whose crisis lines F1 shows; None: guessed from the system (see default_country)."""


def parse_start_date(text: str, today: date) -> date | None:
    """An optional start date typed as YYYY-MM-DD; a kind :class:`InvalidInput` otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"Please write the date as year-month-day, like {today:%Y-%m-%d}, or leave it empty."
        ) from None
    if day > today:
        raise InvalidInput(
            "That date is still to come. Use today or an earlier day, or leave it empty."
        )
    return day


def check_name(name: str) -> str:
    """The name, trimmed, or a kind :class:`InvalidInput` saying what to change."""
    try:
        return ProfileCard(id="p-00000000", display_name=name).display_name
    except ValidationError as exc:
        raise InvalidInput(_first_problem(exc, "name")) from None


def profile_from(answers: WelcomeAnswers, today: date) -> Profile:
    """A :class:`Profile` from the welcome answers, or a kind :class:`InvalidInput`."""
    name = check_name(answers.name)
    start = parse_start_date(answers.start_date, today)
    try:
        return Profile(
            display_name=name,
            working_on=list(answers.working_on),
            working_on_words=answers.working_on_words.strip(),
            pathway=answers.pathway,
            recovery_start=start,
            show_day_counter=answers.show_day_counter,
        )
    except ValidationError as exc:
        raise InvalidInput(_first_problem(exc, "answer")) from None


def start_workbook(
    root: DataRoot, answers: WelcomeAnswers, today: date, country: Country | None = None
) -> ProfileCard:
    """Make a new workbook from the welcome answers; return its card (ready to open)."""
    profile = profile_from(answers, today)
    settings = Settings(country=country or answers.country or default_country())
    return root.create(profile, settings)


def start_private_workbook(
    root: DataRoot, answers: WelcomeAnswers, today: date, passphrase: str
) -> tuple[ProfileCard, str | None, Codec]:
    """As :func:`start_workbook`, locked with a passphrase: the card, recovery code and codec.

    Slow on purpose (the key derivation): call it off the UI thread.
    """
    profile = profile_from(answers, today)
    settings = Settings(country=answers.country or default_country())
    return root.create_private_open(profile, passphrase, settings)


def _first_problem(exc: ValidationError, what: str) -> str:
    err = exc.errors()[0]
    msg = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    if err.get("type") == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        msg = f"please keep it under {limit} characters"
    return f"The {what}: {msg}."


# --- Changing the profile and settings ------------------------------------------------------


def profile_of(repo: Repository, card: ProfileCard) -> Profile:
    """The stored profile (a workbook without one gets one named from its card)."""
    return repo.get(Profile) or Profile(display_name=card.display_name)


def settings_of(repo: Repository | None) -> Settings:
    """The stored settings, or the defaults (with the country from the locale)."""
    stored = repo.get(Settings) if repo is not None else None
    return stored or Settings(country=default_country())


def ensure_profile(repo: Repository, card: ProfileCard) -> Profile:
    """Give a workbook that has no profile (started empty) one named from its card."""
    profile = repo.get(Profile)
    if profile is None:
        profile = Profile(display_name=card.display_name)
        repo.put(profile)
    return profile


def update_profile(repo: Repository, card: ProfileCard, **changes: Any) -> Profile:
    """Save ``changes`` to the profile at once (not the name: use :func:`rename`)."""
    if "display_name" in changes:
        raise ValueError("use rename() so the picker's card stays in step")
    try:
        profile = profile_of(repo, card).model_copy(update=changes)
        profile = Profile.model_validate(profile.model_dump())
    except ValidationError as exc:
        raise InvalidInput(_first_problem(exc, "answer")) from None
    repo.put(profile)
    return profile


def update_settings(repo: Repository, **changes: Any) -> Settings:
    """Save ``changes`` to the settings at once; a value out of range is refused kindly."""
    try:
        settings = Settings.model_validate({**settings_of(repo).model_dump(), **changes})
    except ValidationError as exc:
        raise InvalidInput(_first_problem(exc, "setting")) from None
    repo.put(settings)
    return settings


def rename(root: DataRoot, repo: Repository, card: ProfileCard, name: str) -> ProfileCard:
    """Change the person's name in the workbook and on the picker's card, together."""
    name = check_name(name)
    for other in root.cards():
        if other.id != card.id and name_key(other.display_name) == name_key(name):
            raise InvalidInput(
                f"There is already a workbook called {name!r}. "
                "Try adding an initial or choosing a nickname."
            )
    profile = profile_of(repo, card).model_copy(update={"display_name": name})
    repo.put(profile)
    new_card = card.model_copy(update={"display_name": name})
    root.write_card(new_card)
    return new_card


def set_show_initials(
    root: DataRoot, card: ProfileCard, on: bool, repo: Repository | None = None
) -> ProfileCard:
    """Show only initials in the picker (or the whole name again).

    ``repo`` is the open workbook: a protected workbook's card keeps only the initials, so
    the full name to show again comes from inside it.
    """
    full_name = profile_of(repo, card).display_name if repo is not None else None
    return root.set_initials_only(card, on, full_name=full_name)


# --- The day counter -------------------------------------------------------------------------


def days_since(start: date, today: date) -> int:
    """Whole days from ``start`` to ``today`` (0 on the day itself, never negative)."""
    return max(0, (today - start).days)


def day_counter_text(
    profile: Profile | None, today: date, record: Record | None = None
) -> str | None:
    """What Home says about the days, or None when the person has not asked for a counter.

    With the ``record`` of kept days: after a setback since the chosen start date, the words
    follow the stretch going on now (as the check-in card does) and what was kept since that
    date, so Home never shows "60 days since..." beside "A new stretch starts tomorrow".
    """
    if profile is None or not profile.show_day_counter or profile.recovery_start is None:
        return None
    start = profile.recovery_start
    since = f"{start:%d %B %Y}".lstrip("0")
    if record is not None and any(day >= start for day in record.setback_days):
        kept = record.kept_between(start, today)
        if record.current_stretch is None:
            now = "A new stretch starts tomorrow."
        else:
            now = f"This stretch: {day_words(record.current)}."
        return f"{now} Since {since}: {counted(kept, 'day')} kept, and every one counts."
    days = days_since(start, today)
    if days == 0:
        return f"Today, {since}, is day one of this stretch. Every day counts."
    plural = "day" if days == 1 else "days"
    return f"{days} {plural} since {since}. Every one of them counts."


# --- When a workbook cannot be read ----------------------------------------------------------


def latest_good_backup(root: DataRoot, card: ProfileCard, codec: Codec | None) -> Backup | None:
    """The newest backup of this workbook that opens cleanly, if there is one."""
    used = root.check_codec(card, codec)
    return backup_files.latest_good(root.files(card).backups, lambda raw: is_good(raw, used))


def restore_latest(root: DataRoot, card: ProfileCard, codec: Codec | None) -> Backup | None:
    """Put back the latest good backup; return it (None when there is none)."""
    found = latest_good_backup(root, card, codec)
    if found is not None:
        restore_backup(root.files(card), root.check_codec(card, codec), found.path, card.label)
    return found


def backup_holds(backup: Backup, codec: Codec | None) -> str | None:
    """What a backup holds, in words ("27 check-ins, 3 goals; newest entry 26 Nov 2026; save
    418"), to show before it is restored; None if it does not open."""
    from workbook.storage.holdings import read_holdings

    held = read_holdings(backup.path, codec or PlainCodec())
    return None if held is None else held.describe()


def can_salvage(root: DataRoot, card: ProfileCard, codec: Codec | None) -> bool:
    """Whether a damaged file of this workbook waits in quarantine that salvage should read:
    one newer than the latest good backup (an older one would only put older copies of
    entries over newer ones). Raises nothing: a question asked while opening kindly."""
    from workbook.storage.salvage import find_damaged

    try:
        files, used = root.files(card), codec or PlainCodec()
        damaged = find_damaged(files, used)
        if damaged is None:
            return False
        backup = backup_files.latest_good(files.backups, lambda raw: is_good(raw, used))
        # File times, not names: both were written on this computer, by this clock.
        return backup is None or damaged.stat().st_mtime_ns > backup.path.stat().st_mtime_ns
    except (OSError, WorkbookError):
        return False


def salvage_latest(root: DataRoot, card: ProfileCard, codec: Codec | None) -> list[str] | None:
    """Get back what the newest damaged file of this workbook still holds, laid over the
    latest good backup, and write it as the workbook. Returns the report's sentences, or
    None if there is no damaged file. Raises WriteFailed, changing nothing, if it cannot save."""
    from workbook.storage.salvage import find_damaged, salvage_into

    files, used = root.files(card), codec or PlainCodec()
    damaged = find_damaged(files, used)
    if damaged is None:
        return None
    done = salvage_into(files, used, damaged, card.display_name)
    return [*done.report.lines(), f"Your workbook now holds {done.holds}."]


def start_over_empty(root: DataRoot, card: ProfileCard, codec: Codec | None) -> None:
    """Write an empty workbook in place of an unreadable one (which stays in quarantine).

    The profile is added on the next open by :func:`ensure_profile`.
    """
    start_empty(root.files(card), root.check_codec(card, codec), new_data(), card.label)


# --- Words for the hard-moment screen ------------------------------------------------------


class TenMinutes(ContentModel):
    """Simple things to do for the next ten minutes (content/en/hard_moment.toml)."""

    heading: str = Field(min_length=1)
    """The line above the list."""
    steps: list[str] = Field(min_length=1)
    """Each thing to try, one short sentence."""


@functools.cache
def ten_minutes(locale: str = "en") -> TenMinutes:
    """The ten-minute list, validated."""
    return TenMinutes.model_validate(read_toml("hard_moment.toml", locale)["next_ten_minutes"])
