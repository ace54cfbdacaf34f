"""The coach report's life check-in: the latest check-in as bars, each area's change since the
one before, and what the person wrote would make each area one step better.

"Since we last met" shows the same latest check-in and its change (saying so when the latest is
older than the period), through :func:`latest_blocks`.
"""

from __future__ import annotations

from datetime import date

from workbook import capital
from workbook.models import CAPITAL_HIGH, CapitalCheckin
from workbook.report_blocks import Block, Chart, Heading, Para, Table, day_words, section
from workbook.storage import Repository

ABOUT = (
    "My own check-in across ten areas of life, each from 1 (very hard) to 5 (going well). "
    "It is not a test or a score: each area on its own, and what would make it one step better."
)


@section("capital", "Life check-in")
def _capital(repo: Repository, since: date | None, today: date) -> list[Block]:
    done = capital.rated(capital.history(repo))
    if not done:
        return [Para("No life check-in yet. It is offered every four weeks, and any time.")]
    blocks: list[Block] = [Para(ABOUT), *latest_blocks(done, level=3)]
    earlier = [c for c in done[:-1] if since is None or c.day >= since]
    if earlier:
        days = ", ".join(day_words(c.day) for c in reversed(earlier))
        blocks.append(Para(f"Earlier check-ins: {days}."))
    return blocks


def latest_blocks(done: list[CapitalCheckin], level: int = 3) -> list[Block]:
    """The latest check-in as a bar chart, and a table of each area's change and next step."""
    latest = done[-1]
    names = [capital.AREAS[a].name for a in capital.AREAS]
    values: list[float | None] = []
    for area in capital.AREAS:
        answer = latest.answer(area)
        values.append(float(answer.rating) if answer and answer.rating is not None else None)
    moves = {m.area: m for m in capital.moves(done)}
    rows = []
    for area, words in capital.AREAS.items():
        answer = latest.answer(area)
        if answer is None or (answer.rating is None and not answer.better.strip()):
            continue
        now = (
            "-" if answer.rating is None else f"{answer.rating} {capital.scale_word(answer.rating)}"
        )
        move = moves.get(area)
        rows.append([words.name, now, move.words() if move else "-", answer.better or "-"])
    return [
        Heading(f"Latest, on {day_words(latest.day)}", level=level),
        Chart("How each area felt, 1 to 5", names, values, float(CAPITAL_HIGH)),
        Para(capital.moved_most_line(done)),
        Table(["Area", "Now", "Since the one before", "One step better"], rows),
    ]


def recent_blocks(repo: Repository, start: date) -> list[Block]:
    """For "Since we last met": the latest check-in and its change."""
    done = capital.rated(capital.history(repo))
    head: list[Block] = [Heading("Life check-in", level=3)]
    if not done:
        return [*head, Para("No life check-in yet.")]
    blocks = latest_blocks(done, level=4)
    if done[-1].day < start:
        blocks.insert(0, Para("None in this time; this is the most recent one."))
    return [*head, *blocks]
