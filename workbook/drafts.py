"""Drafts: what a person was typing in a form that saves with Ctrl+S, kept when they were
interrupted (F9, auto-lock, switch person, quit, a closed terminal, a crash).

A draft is stored in the workbook like everything else (so an encrypted workbook keeps it
encrypted), one per form, keyed by what the form is for ("checkin:2026-11-27", "goal:new").
The form offers it back the next time it opens; saving or discarding the form drops it.
"""

from __future__ import annotations

from datetime import datetime

from workbook import clock
from workbook.models import Draft
from workbook.storage import Repository


def keep(repo: Repository, key: str, fields: dict[str, str], when: datetime | None = None) -> None:
    """Keep ``fields`` (widget id → text) as the draft of form ``key``, replacing an older one."""
    found = repo.find_by(Draft, key=key)
    draft = Draft(key=key, fields=fields, saved=when or clock.now())
    if found:
        draft = draft.model_copy(update={"id": found[0].id})
    repo.save(draft)


def find(repo: Repository, key: str) -> Draft | None:
    """The draft kept for form ``key``, if any."""
    found = repo.find_by(Draft, key=key)
    return found[0] if found else None


def drop(repo: Repository, key: str) -> None:
    """Forget the draft of form ``key`` (it was saved, or let go)."""
    for draft in repo.find_by(Draft, key=key):
        repo.remove(Draft, draft.id)
