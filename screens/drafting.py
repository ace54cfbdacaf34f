"""One way of keeping typing: what every screen and dialog does when the person is interrupted.

``flush()`` is asked of every screen and dialog on the workbook's stack before the workbook
closes (F9, auto-lock, switch person, quit, a closed terminal, a crash). A screen that saves as
the person types saves now; a form that saves with Ctrl+S keeps its text fields as a draft in the
workbook (``workbook.drafts``) under its ``draft_key()``, and offers them back the next time it
opens ("You were writing this. Carry on?").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from workbook import drafts
from workbook.errors import WorkbookError

if TYPE_CHECKING:
    from textual.widget import Widget

    from workbook.storage import Repository

OFFER_TITLE = "You were writing this"
OFFER_BODY = (
    "When this was last open, you had typed something that was not saved yet. "
    "It was kept for you. Carry on with it?"
)


def typed_fields(root: Widget) -> dict[str, str]:
    """The text in every named text box under ``root`` (passphrase boxes never)."""
    found: dict[str, str] = {}
    for widget in root.query("*"):
        if not widget.id:
            continue
        if isinstance(widget, Input) and not widget.password:
            found[widget.id] = widget.value
        elif isinstance(widget, TextArea) and not widget.read_only:
            found[widget.id] = widget.text
    return found


def put_back(root: Widget, fields: dict[str, str]) -> None:
    """Fill the boxes named in ``fields`` again (boxes no longer on the form are skipped)."""
    for ident, text in fields.items():
        for widget in root.query(f"#{ident}"):
            if isinstance(widget, Input):
                widget.value = text
                widget.cursor_position = len(text)
            elif isinstance(widget, TextArea):
                widget.text = text


class Drafting:
    """Mixed into the screen and dialog bases: ``flush()``, drafts kept and offered back."""

    failed_save: Callable[[], object] | None = None
    """A save that failed (a full disk...): tried again on ``flush()``; quitting asks first."""

    def holds_words(self) -> bool:
        """The one question quit asks of every screen: is anything here not saved yet?"""
        return self.failed_save is not None or self.unsaved()

    def retry_failed_save(self) -> bool:
        """Try the save that failed once more; True if nothing is left failing."""
        if self.failed_save is None:
            return True
        try:
            self.failed_save()
        except WorkbookError:
            return False
        self.failed_save = None
        return True

    def unsaved(self) -> bool:
        """Whether this holds typing not saved yet (saving it first if it can)."""
        return False

    def draft_key(self) -> str | None:
        """Which form this is, for keeping a draft; None for screens that save as you type."""
        return None

    def draft_repo(self) -> Repository | None:
        """The open workbook (None once closed)."""
        return None

    def flush(self) -> bool:
        """Save what can be saved now; keep the rest as a draft. True when nothing is lost."""
        retried = self.retry_failed_save()
        if not self.unsaved():
            return retried
        key, repo = self.draft_key(), self.draft_repo()
        if key is None or repo is None:
            return False
        try:
            drafts.keep(repo, key, typed_fields(self))  # type: ignore[arg-type]
        except WorkbookError:
            return False
        return True

    def take_draft(self) -> dict[str, str] | None:
        """The draft kept for this form, removed from the workbook (None if there is none).

        A draft whose boxes are not on the form now (a plan step not shown) stays kept.
        """
        key, repo = self.draft_key(), self.draft_repo()
        if key is None or repo is None or repo.read_only:
            return None
        found = drafts.find(repo, key)
        if found is None:
            return None
        here = {w.id for w in self.query("Input, TextArea")}  # type: ignore[attr-defined]
        if not any(text and ident in here for ident, text in found.fields.items()):
            return None
        try:
            drafts.drop(repo, key)
        except WorkbookError:
            return None  # not removable now: offer it another time
        return dict(found.fields)

    def offer_draft(self) -> None:
        """If a draft was kept for this form, ask whether to carry on with it."""
        fields = self.take_draft()
        if not fields or not any(fields.values()):
            return
        from screens.dialogs import Confirm

        def chosen(carry_on: bool | None) -> None:
            if carry_on:
                put_back(self, fields)  # type: ignore[arg-type]
            else:
                # Not wanted now: kept once more, offered the next time (never silently lost).
                repo = self.draft_repo()
                key = self.draft_key()
                if repo is not None and key is not None:
                    with contextlib.suppress(WorkbookError):
                        drafts.keep(repo, key, fields)

        dialog = Confirm(
            OFFER_BODY, heading=OFFER_TITLE, yes="Carry on", no="Not now", danger=False
        )
        self.app.push_screen(dialog, chosen)  # type: ignore[attr-defined]
