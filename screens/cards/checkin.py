"""The check-in card: today's check-in, stretches (if shown), 30 days of mood and craving."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from screens.cards import TextCard
from screens.widgets.sparkline import spark, summary
from workbook import checkins
from workbook.models import Profile
from workbook.storage import Repository
from workbook.stretches import Record, day_words, home_record

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


class CheckinCard(TextCard):
    """Today's check-in, stretches (if shown), a quiet milestone note, 30 days of mood and craving.

    Rebuilt whenever Home is shown again, so a check-in made just now shows at once.
    """

    TITLE = "Daily check-in"

    def lines(self) -> list[str]:
        assert self._wb.repo is not None
        return card_lines(self._wb, self._wb.repo)


def card_lines(app: WorkbookApp, repo: Repository) -> list[str]:
    """The lines of the check-in card, in words and plain symbols (no colour needed).

    Home puts two cards side by side at 80 columns, so no line is wider than 32 characters.
    """
    today = app.today()
    known = checkins.checkin_days(repo)  # a few fields, shared with the day counter
    by_day = {c.on: c for c in known}
    if today in by_day:
        lines = ["✓ Checked in today · c to edit"]
    else:
        lines = ["○ Not checked in yet · press c"]
    missed = checkins.missed_days(repo, today, known=known)
    if missed:
        lines.append(f"Missed {missed[0]:%a %d %b} · c to fill in")
    profile = repo.get(Profile)
    if profile is not None and profile.show_day_counter:
        lines.extend(stretch_lines(home_record(repo, today)))
    days = [today - timedelta(days=n) for n in range(29, -1, -1)]
    moods = [by_day[d].mood if d in by_day else None for d in days]
    cravings = [by_day[d].craving if d in by_day else None for d in days]
    if any(v is not None for v in moods + cravings):
        lines.append(f"Mood (1-5), {summary(moods)}")
        lines.append(spark(moods, 1, 5))
        lines.append(f"Craving (0-10), {summary(cravings)}")
        lines.append(spark(cravings, 0, 10))
        lines.append("30 days, oldest left; · = none")
    return lines


def stretch_lines(record: Record) -> list[str]:
    """Current and longest stretch, days kept, time between setbacks, a milestone note."""
    if record.start is None:
        return ["Stretches show once you check in."]
    if record.current_stretch is None:
        lines = ["A new stretch starts tomorrow."]
    elif record.current == 0:
        lines = ["This stretch began today."]
    else:
        lines = [f"This stretch: {day_words(record.current)}"]
    lines.append(f"Longest stretch: {day_words(record.longest)}")
    kept = kept_lines(record)
    lines += kept
    if not kept[-1].endswith(f": {record.days_kept}"):
        lines.append(f"Days kept in all: {record.days_kept}")
    gaps = record.between_setbacks
    if gaps:
        lines.append(f"Time between setbacks: {day_words(gaps[-1])}")
    if record.milestone:
        lines.append(f"★ {record.milestone} today. Worth a moment.")
    return lines


def kept_lines(record: Record) -> list[str]:
    """Days kept this month and this year. On the 1st (nothing is over yet), the month or year
    just finished is shown instead of a bare 0."""
    today = record.today
    if today.day == 1:
        last = today - timedelta(days=1)
        month = record.kept_between(last.replace(day=1), last)
        lines = [f"Days kept in {last:%B}: {month}"]
    else:
        lines = [f"Days kept this month: {record.kept_this_month}"]
    if today.month == 1 and today.day == 1:
        year = record.kept_between(date(today.year - 1, 1, 1), today - timedelta(days=1))
        lines.append(f"Days kept in {today.year - 1}: {year}")
    else:
        lines.append(f"Days kept this year: {record.kept_this_year}")
    return lines


def card(app: WorkbookApp) -> Widget:
    """The check-in card for Home."""
    return CheckinCard(app, id="checkin-card")
