"""What the store has to tell the person, shown plainly and once: after opening, after a save.

A save can find that the workbook file was changed behind this window (another program, a copy
put back, a command-line check-in while the lock file was gone). The store keeps that version
as a backup, merges what it can and leaves a sentence to say so (``Repository.take_notices``).
The sentence is taken at once, kept under whose workbook it is, and shown as soon as the
workbook is open and on screen: never in someone else's workbook, never over a lock curtain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.app import WorkbookApp
    from workbook.storage import Repository

TITLE = "Good to know"
SHOWN_FOR = 20  # seconds: these sentences are long, and matter


def watch(app: WorkbookApp, repo: Repository) -> None:
    """Show ``repo``'s warnings from opening, then every notice a later save leaves."""
    card = app.card
    if card is None:
        return
    waiting = app.waiting_notices.setdefault(card.id, [])

    def noticed() -> None:
        waiting.extend(repo.take_notices())  # taken now: the store may close before it shows
        app.call_later(show, app)

    repo.when_noticed(noticed)
    for warning in repo.warnings:
        app.notify(warning, title=TITLE, markup=False, timeout=10)
    show(app)


def show(app: WorkbookApp) -> None:
    """Show the open workbook's waiting notices, each once (later, if it is locked or closed)."""
    card, repo = app.card, app.repo
    if card is None or repo is None or app.locked_card is not None:
        return
    waiting = app.waiting_notices.setdefault(card.id, [])
    waiting.extend(repo.take_notices())
    while waiting:
        app.notify(waiting.pop(0), title=TITLE, markup=False, timeout=SHOWN_FOR)
