"""A seeded 60-day history for the daily feature's tests, snapshots and trying it by hand."""

from __future__ import annotations

from datetime import date, time, timedelta

from workbook.models import Checkin, Halt, Setback, Urge, UseAnswer
from workbook.storage import Repository

SETBACK_DAYS_AGO = (41, 12)
"""Days before ``today`` with a return to use."""
MISSED_DAYS_AGO = (3, 20, 21, 50)
"""Days before ``today`` with no check-in."""
TRIGGERS = ("After work", "Payday", "after work", "Row with mum", "After work.", "Bored at home")
TIMES = (time(18, 30), time(21, 15), time(23, 40), time(8, 0), time(19, 5), time(14, 0))
"""Urges come every third day (1, 4, 7... days ago), cycling through these."""


def seed_history(repo: Repository, today: date, days: int = 60) -> None:
    """Check-ins for ``days`` days up to yesterday, two setbacks, a few missed days, urges."""
    items: list[Checkin | Setback | Urge] = []
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        if back in MISSED_DAYS_AGO:
            continue
        setback = back in SETBACK_DAYS_AGO
        items.append(
            Checkin(
                on=day,
                mood=1 + (back * 7) % 5 if not setback else 1,
                craving=(back * 3) % 8 + (3 if setback else 0),
                used=UseAnswer.YES if setback else UseAnswer.NO,
                halt=[Halt.TIRED, Halt.LONELY] if setback else [],
                sleep_hours=6.5 + (back % 3),
                win="Walked to the shop" if back % 4 == 0 else "",
            )
        )
        if setback:
            items.append(
                Setback(on=day, going_on="Long week", halt=[Halt.TIRED], next_step="Call Jo")
            )
        if back % 3 == 1:
            n = back // 3
            items.append(
                Urge(
                    on=day,
                    at=TIMES[n % len(TIMES)],
                    strength=3 + n % 7,
                    minutes=10 + n,
                    trigger=TRIGGERS[n % len(TRIGGERS)],
                    passed=n % 3 != 0,
                )
            )
    repo.save_many(list(items))
