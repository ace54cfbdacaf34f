"""Opening a workbook, kindly: a lock held elsewhere, an unreadable file, a read-only view.

``open_workbook`` returns the open repository, or shows the person what happened (with what
they can do about it) and returns None. Nothing here deletes anything: an unreadable file is
already safe in ``quarantine/`` by the time the dialog shows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from screens.base import WorkbookDialog
from workbook.errors import DataUnreadable, ProfileInUse, WorkbookError
from workbook.models import ProfileCard
from workbook.profile import (
    backup_holds,
    can_salvage,
    ensure_profile,
    latest_good_backup,
    restore_latest,
    salvage_latest,
    start_over_empty,
)
from workbook.storage import Codec, Repository

if TYPE_CHECKING:
    from screens.app import WorkbookApp

DIALOG_CSS = """
OpeningDialog { align: center middle; }
OpeningDialog > Vertical {
    width: 72; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 1 2;
}
OpeningDialog .dialog-title { text-style: bold; margin-bottom: 1; }
OpeningDialog Horizontal { height: auto; margin-top: 1; }
OpeningDialog Button { margin-right: 1; min-width: 10; }
"""


class OpeningDialog(WorkbookDialog[str]):
    """A calm message with a few choices; dismisses with the chosen button's id."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", "Previous choice", show=False),
        Binding("right", "app.focus_next", "Next choice", show=False),
    ]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="dialog-title", markup=False)
            yield Static(self._message, markup=False)
            with Horizontal():
                for ident, label in self._choices:
                    yield Button(label, id=ident)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "")


def open_workbook(app: WorkbookApp, card: ProfileCard, codec: Codec | None) -> Repository | None:
    """The open workbook, or None after telling the person kindly what got in the way."""
    try:
        repo = app.session.open(card, codec)
    except ProfileInUse as exc:
        _in_use(app, card, codec, str(exc))
        return None
    except DataUnreadable as exc:
        _unreadable(app, card, codec, exc)
        return None
    except WorkbookError as exc:
        _problem(app, "This workbook could not be opened", str(exc))
        return None
    with contextlib.suppress(WorkbookError):  # read-only, or a failed save: Home still opens
        ensure_profile(repo, card)
    return repo


def _choices_after(app: WorkbookApp) -> list[tuple[str, str]]:
    others = [("choose", "Choose another workbook")] if len(app.root.cards()) > 1 else []
    return [*others, ("quit", "Quit")]


def _in_use(app: WorkbookApp, card: ProfileCard, codec: Codec | None, message: str) -> None:
    def chosen(choice: str | None) -> None:
        if choice == "again":
            app.open_with(card, codec)
        else:
            _leave(app, choice)

    choices = [("again", "Try again"), *_choices_after(app)]
    app.push_screen(OpeningDialog("Open in another window", message, choices), chosen)


def _unreadable(
    app: WorkbookApp, card: ProfileCard, codec: Codec | None, exc: DataUnreadable
) -> None:
    backup = latest_good_backup(app.root, card, codec)
    kept = f" Nothing was deleted: the file is kept safe at {exc.quarantined}."
    message = f"Your workbook could not be read ({exc.reason}).{kept if exc.quarantined else ''}"
    choices = []
    if exc.quarantined is not None or can_salvage(app.root, card, codec):
        # Salvage gets back more than a restore: what the damaged file still holds, laid over
        # the latest good backup, so nothing written since that backup is lost to one bad byte.
        message += (
            "\n\nSalvage reads every entry the damaged file still holds, puts them over the "
            "latest good backup, and tells you what came back and what did not."
        )
        choices.append(("salvage", "Salvage"))
    if backup is not None:
        message += f"\n\nThe latest good backup is from {backup.label}."
        holds = backup_holds(backup, codec)  # the clock may have been wrong: show what is in it
        message += f" It holds {holds}." if holds else ""
        choices.append(("restore", "Restore the backup"))
    else:
        message += "\n\nThere is no good backup to go back to."
    choices += [("empty", "Start empty"), ("quit", "Quit")]

    def chosen(choice: str | None) -> None:
        try:
            if choice == "salvage":
                _salvage(app, card, codec)
                return
            if choice == "restore":
                restore_latest(app.root, card, codec)
            elif choice == "empty":
                start_over_empty(app.root, card, codec)
            else:
                _leave(app, choice)
                return
        except WorkbookError as err:
            _problem(app, "That did not work", str(err))
            return
        app.open_with(card, codec)

    app.push_screen(OpeningDialog("Your workbook could not be read", message, choices), chosen)


def _salvage(app: WorkbookApp, card: ProfileCard, codec: Codec | None) -> None:
    """Salvage the damaged file (as ``workbook doctor --salvage``), then say what came back."""
    lines = salvage_latest(app.root, card, codec)
    if lines is None:
        _problem(app, "Nothing to salvage", "The damaged file could not be found any more.")
        return
    report = "\n".join(_fit(line.strip() for line in lines))
    choices = [("open", "Open my workbook"), *_choices_after(app)]

    def chosen(choice: str | None) -> None:
        if choice == "open":
            app.open_with(card, codec)
        else:
            _leave(app, choice)

    app.push_screen(OpeningDialog("What was salvaged", report, choices), chosen)


SHOWN_LOST = 5
"""At most this many "Not recovered" lines in the dialog, so its buttons stay on an 80x24 screen."""


def _fit(lines: Iterable[str]) -> list[str]:
    """The salvage report, with the "Not recovered" lines after the first few counted instead."""
    out: list[str] = []
    hidden = 0
    for line in lines:
        lost = line.startswith("Not recovered")
        if lost and sum(x.startswith("Not recovered") for x in out) >= SHOWN_LOST:
            hidden += 1
            continue
        if hidden and not lost:
            out.append(f"…and {hidden} more not recovered.")
            hidden = 0
        out.append(line)
    if hidden:
        out.append(f"…and {hidden} more not recovered.")
    return out


def _problem(app: WorkbookApp, title: str, message: str) -> None:
    app.push_screen(OpeningDialog(title, message, _choices_after(app)), lambda c: _leave(app, c))


def _leave(app: WorkbookApp, choice: str | None) -> None:
    if choice == "choose":
        from screens.leaving import show_alone
        from screens.profiles_manage import ProfilesScreen

        show_alone(app, ProfilesScreen())
    else:
        app.exit(0)


def confirm_quit(app: WorkbookApp) -> None:
    """Ask before quitting when a screen holds typing that could not be saved yet."""
    if app.screen.id == QUIT_QUESTION:
        return  # already asking: Ctrl+Q again does not stack a second copy

    def chosen(choice: str | None) -> None:
        if choice == "quit":
            app.session.flush()  # what was typed is kept as a draft while the screens still exist
            app.exit(0)

    message = (
        "Something you typed is not saved yet. If you quit now, it is kept as a draft in your "
        "workbook where it can be, and offered back next time."
    )
    if app.session.repo is None:  # no workbook is open yet, so there is nowhere to keep it
        message = "What you typed here is not saved yet. If you quit now, it is left behind."
    choices = [("stay", "Keep writing"), ("quit", "Quit")]
    question = OpeningDialog("Not saved yet", message, choices)
    question.id = QUIT_QUESTION
    app.push_screen(question, chosen)


QUIT_QUESTION = "quit-question"
