"""One way of keeping typing: what every screen and dialog does when the person is interrupted.

``flush()`` is asked of every screen and dialog on the workbook's stack before the workbook
closes (F9, auto-lock, switch person, quit, a closed terminal, a crash). A screen that saves as
the person types hands each save to ``save_soon()``: typing never waits for a save (each one
re-encrypts and rewrites the whole file), at most about two saves a second are made while the
person types, and ``save_pending()`` makes the waiting one at once on leaving a field and on
every way of leaving (``flush()`` starts with it). A form that saves with Ctrl+S keeps its
fields (the words typed and the choices made) as a draft in the workbook (``workbook.drafts``)
under its ``draft_key()``, and offers them back the next time it opens ("You were writing
this. Carry on?").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from workbook import drafts
from workbook.errors import WorkbookError

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

    from workbook.storage import Repository

OFFER_TITLE = "You were writing this"
OFFER_BODY = (
    "When this was last open, you had written or chosen something that was not saved yet. "
    "It was kept for you. Carry on with it?"
)


def typed_fields(root: Widget) -> dict[str, str]:
    """What the person set in every named field under ``root``, as text (passphrases never).

    Text boxes give their text. The choices (a rating ``Ruler``, a ``LetterPick``, a tick box,
    a set of radio buttons) give their value as text, "" for nothing chosen, so a draft keeps
    how strong an urge was and its kind of trigger along with the words.
    """
    found: dict[str, str] = {}
    for widget in root.query("*"):
        if widget.id:
            value = _field_text(widget)
            if value is not None:
                found[widget.id] = value
    return found


def _field_text(widget: Widget) -> str | None:
    """``widget``'s value as a draft keeps it, or None if it is not a field kept in drafts."""
    from textual.widgets import Checkbox, Input, RadioSet, TextArea  # Home never needs them

    from screens.widgets.letter_pick import LetterPick
    from screens.widgets.ruler import Ruler

    if isinstance(widget, Input):
        return None if widget.password else widget.value
    if isinstance(widget, TextArea):
        return None if widget.read_only else widget.text
    if isinstance(widget, Ruler):
        return "" if widget.value is None else str(widget.value)
    if isinstance(widget, LetterPick):
        return widget.value or ""
    if isinstance(widget, Checkbox):
        return "yes" if widget.value else ""
    if isinstance(widget, RadioSet):
        pressed = widget.pressed_button
        return (pressed.id or "") if pressed is not None else ""
    return None


KEPT_FIELDS = "Input, TextArea, Ruler, LetterPick, Checkbox, RadioSet"
"""The kinds of field a draft keeps (see ``typed_fields``)."""


def put_back(root: Widget, fields: dict[str, str]) -> None:
    """Fill the fields named in ``fields`` again (fields no longer on the form are skipped)."""
    for ident, text in fields.items():
        for widget in root.query(f"#{ident}"):
            _set_field(widget, text)


def _set_field(widget: Widget, text: str) -> None:
    from textual.widgets import Checkbox, Input, RadioButton, RadioSet, TextArea

    from screens.widgets.letter_pick import LetterPick
    from screens.widgets.ruler import Ruler

    if isinstance(widget, Input):
        widget.value = text
        widget.cursor_position = len(text)
    elif isinstance(widget, TextArea):
        widget.text = text
    elif isinstance(widget, Ruler):
        number = int(text) if text.isdigit() else None
        widget.value = (
            number if number is not None and widget.low <= number <= widget.high else None
        )
    elif isinstance(widget, LetterPick):
        widget.value = text if text in widget.values else None
    elif isinstance(widget, Checkbox):
        widget.value = bool(text)
    elif isinstance(widget, RadioSet):
        for button in widget.query(RadioButton):
            button.value = bool(text) and button.id == text


SAVE_DELAY = 0.5
"""Seconds a save of typing waits, gathering the keys typed meanwhile (about two saves a second)."""


class Drafting:
    """Mixed into the screen and dialog bases: ``flush()``, drafts kept and offered back."""

    failed_save: Callable[[], object] | None = None
    """A save that failed (a full disk...): tried again on ``flush()``; quitting asks first."""

    save_delay: float = SAVE_DELAY
    """How long a save of typing waits (a test sets it long and calls ``save_pending()``)."""

    _pending_saves: dict[str, Callable[[], object]] | None = None
    _typing_timer: Timer | None = None

    def holds_words(self) -> bool:
        """The one question quit asks of every screen: is anything here not saved yet?

        Typing waiting for its save is saved now: quitting asks only about what could not be.
        """
        self.save_pending()
        return self.failed_save is not None or bool(self._pending_saves) or self.unsaved()

    # Saving typing a moment later ----------------------------------------------------------

    def save_soon(self, key: str, save: Callable[[], object]) -> None:
        """Save ``save`` within ``save_delay`` seconds; a newer save for ``key`` replaces it.

        The timer is not restarted by each key, so someone typing without a pause still has
        their words saved every half second, never more often.
        """
        if self._pending_saves is None:
            self._pending_saves = {}
        self._pending_saves.pop(key, None)  # keep the order saves were asked for
        self._pending_saves[key] = save
        if self._typing_timer is None:
            self._typing_timer = self.set_timer(  # type: ignore[attr-defined]
                self.save_delay, self._typing_paused, name="save-typing"
            )

    def _typing_paused(self) -> None:
        self._typing_timer = None
        # Only while the screen is still shown: leaving saved what was waiting, and a timer
        # that fires while the app shuts down has no screen to tell of a failed save.
        if self.is_attached and self.app.screen_stack:  # type: ignore[attr-defined]
            self.save_pending()

    def drop_pending(self, key: str) -> None:
        """Forget the waiting save for ``key`` (the box holds what is stored again)."""
        if self._pending_saves:
            self._pending_saves.pop(key, None)

    def save_pending(self) -> bool:
        """Make the waiting saves now, as one write. False if it failed (kept to try again)."""
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        pending, self._pending_saves = self._pending_saves, None
        if not pending:
            return True
        saves = list(pending.values())
        repo = self.draft_repo()

        def save_all() -> None:
            if repo is None:
                for save in saves:
                    save()
                return
            with repo.transaction():
                for save in saves:
                    save()

        return self.run_typed_save(save_all)

    def run_typed_save(self, save: Callable[[], object]) -> bool:
        """Run a save of typing; a screen may say a refusal where it belongs (override)."""
        try:
            save()
        except WorkbookError:
            self.failed_save = save
            return False
        return True

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
        self.save_pending()
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
        here = {w.id for w in self.query(KEPT_FIELDS)}  # type: ignore[attr-defined]
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
