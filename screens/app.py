"""The Side by Side app: wiring only (global keys, theme, palette, which screen comes first).

Feature logic lives in the feature screens and in ``workbook``; this file stays small. Screens
that belong to other features are imported lazily, when first needed, to keep start-up quick.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.screen import Screen
from textual.theme import Theme

from screens.glyphs import AsciiGlyphs, terminal_draws_unicode
from screens.housekeeping import start_housekeeping
from screens.idle import IdleLock
from screens.palette import SectionsProvider
from screens.sections import section
from screens.theme import (
    DEFAULT_THEME,
    SYSTEMS,
    NoControlCharacters,
    ReadableText,
    known_theme,
    register_themes,
)
from workbook.clock import today as clock_today
from workbook.models import Profile, ProfileCard
from workbook.paths import resolve_data_dir
from workbook.session import Session
from workbook.start import settle
from workbook.storage import Codec, DataRoot, Repository

HARD = "Help for a hard moment: who to call and what to do now"
URGE = "Note an urge now, from any screen"
HIDE = "Hide the screen at once; unlock to come back"
MIN_SIZE = (80, 24)
SCREEN_STYLES = tuple(
    Path(__file__).parent / f"{name}.tcss"
    for name in (
        "capital",
        "checkin",
        "export",
        "goals",
        "hard_moment",
        "help",
        "home",
        "review",
        "safer_plan",
        "settings",
        "skills",
        "urges",
        "welcome",
    )
)
"""The screens' stylesheets read in one go after Home (load_screen_styles): those whose every
rule names its own screens, which is now every one. (Until 1 December 2026 review, skills,
urges and welcome held bare rules such as ``.page``, ``.row``, ``.error`` or ``Sparkline``,
which reached every screen once read: the life check-in looked different after the weekly
review had been opened. ``tests/ui/test_styles_stay_home.py`` guards this.)"""
TOO_SMALL = (
    "This window is smaller than 80 by 24, so some words and boxes may be cut off. "
    "Making the window bigger (or the text smaller) shows everything."
)


class WorkbookApp(IdleLock, App[int]):
    """One person's workbook (or the way in to one), in the terminal."""

    TITLE = "Side by Side"
    # The way in (welcome, list of workbooks, curtains) runs in the default mode; an open
    # workbook runs in a mode of its own (see show_workbook). Naming the default mode here lets
    # the app switch back to it.
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"_default": Screen}
    resources_file: Path | None = None
    """A group's list of resources given with ``--resources FILE`` (read-only)."""
    COMMANDS = App.COMMANDS | {SectionsProvider}
    # Every screen is "-narrow" below 80 columns (the check-in's HALT boxes fold into two rows).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal")]
    # F1 is the hard-moment key; Ctrl+G is its twin for terminals that keep F1 for themselves.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "hard_moment", "Hard moment", id="hard_moment", priority=True, tooltip=HARD),
        Binding("ctrl+g", "hard_moment", "Hard moment", show=False, priority=True),
        Binding("f2", "log_urge", "Log urge", id="log_urge", priority=True, tooltip=URGE),
        Binding("f9", "quick_hide", "Hide", id="quick_hide", priority=True, tooltip=HIDE),
        # F3 works inside a text box too ("?" is typed there); "?" stays for everywhere else.
        Binding("f3", "help", "Keys", id="help", priority=True, tooltip="Every key on this screen"),
        Binding("question_mark", "help", "Keys", show=False, tooltip="Every key on this screen"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding(
            "f8", "switch_person", "Switch person", id="switch_person", show=False, priority=True
        ),  # privacy
    ]

    def __init__(
        self,
        root: DataRoot | None = None,
        profile: str | None = None,
        *,
        clock: Callable[[], date] = clock_today,
    ) -> None:
        super().__init__()
        # With no root (``textual run --dev screens.app:WorkbookApp``), the usual data folder.
        self.root = root or DataRoot(resolve_data_dir())
        self.profile_name = profile
        self.session = Session(self.root)
        self.session.before_close(self.flush_screens)
        self.workbook_mode: str | None = None
        """The mode the open workbook's screens run in (removed whole when it closes)."""
        self._modes_made = 0
        self.waiting_notices: dict[str, list[str]] = {}
        """What saves had to tell each workbook's person, until it is shown (screens.notices)."""
        self._clock = clock
        self._no_control = NoControlCharacters()
        self.readable_text = ReadableText()
        """Moves text that would not read in the terminal's colours (its system set on mount)."""
        self._ascii = AsciiGlyphs()
        self.draws_unicode = True
        """False on a terminal that cannot draw the glyphs (set on mount; tests set it)."""
        register_themes(self)
        self.theme = DEFAULT_THEME
        self.start_idle_clock()

    # State the screens read ---------------------------------------------------------------

    def today(self) -> date:
        """Today's local date (tests pass a fixed clock)."""
        return self._clock()

    @property
    def repo(self) -> Repository | None:
        """The open workbook, if any (the session's)."""
        return self.session.repo

    @property
    def card(self) -> ProfileCard | None:
        """Whose workbook is open, if any."""
        return self.session.card

    @card.setter
    def card(self, card: ProfileCard | None) -> None:
        self.session.card = card  # a rename in Settings

    @property
    def person_label(self) -> str:
        return self.card.label if self.card else ""

    @property
    def profile(self) -> Profile | None:
        return self.repo.get(Profile) if self.repo else None

    # Start-up and opening a workbook ---------------------------------------------------------

    def on_mount(self) -> None:
        # In 16 colours, muted greys fall onto the background (example text vanished): the
        # CSS shows such text in the plain foreground, dimmed and in italics, instead.
        if not self.is_headless:  # a real terminal (tests choose for themselves)
            self.draws_unicode = terminal_draws_unicode()
            # Text is measured in the terminal's own colours (NO_COLOR's greys included).
            self.readable_text = ReadableText(SYSTEMS.get(self.console.color_system or ""))
        few = not self.is_headless and self.console.color_system in ("standard", "windows")
        self.set_class(few, "-few-colours")
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.start_idle_timer()
        self.housekeeping = start_housekeeping(self)
        self.set_timer(2.0, settle)  # start-up is over, Home or not (see workbook.start)
        if not self.is_headless:
            from screens.leaving import catch_hang_ups

            catch_hang_ups(self)
        if self.profile_name:
            self.open_card(self.root.find(self.profile_name))
        else:
            self.show_start()

    def show_start(self) -> None:
        """The way in: the list of workbooks, the only one, or the welcome for a first one."""
        cards = self.root.cards()
        if len(cards) == 1:
            self.open_card(cards[0])
        elif cards:
            from screens.profiles_manage import ProfilesScreen

            self.push_screen(ProfilesScreen())
        else:
            from screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def open_card(self, card: ProfileCard) -> None:
        """Open this person's workbook and show Home (asking for the passphrase if it has one)."""
        from screens.lock import unlock_then

        unlock_then(self, card, lambda codec: self.open_with(card, codec))

    def open_with(self, card: ProfileCard, codec: Codec | None) -> None:
        """Open the workbook (kindly handling a lock or an unreadable file), then show Home."""
        from screens.home import HomeScreen
        from screens.opening import open_workbook

        repo = open_workbook(self, card, codec)
        if repo is None:
            return
        from workbook.profile import settings_of

        self.theme = known_theme(self, settings_of(repo).theme)
        self.show_workbook(HomeScreen)
        from screens.notices import watch

        watch(self, repo)

    def show_workbook(self, home: type[Screen[Any]]) -> None:
        """Show the open workbook from ``home``, in a mode of its own.

        What was shown before (the welcome, the list of workbooks, a curtain) is cleared, and
        when the workbook closes its mode is removed whole: no screen over it is ever resumed
        to read a closed workbook.
        """
        from screens.leaving import reset_to_base

        old = self.workbook_mode
        reset_to_base(self)
        self._modes_made += 1
        self.workbook_mode = f"workbook-{self._modes_made}"
        self.add_mode(self.workbook_mode, home)
        self.switch_mode(self.workbook_mode)
        if old is not None:
            self.remove_mode(old)

    def load_screen_styles(self) -> None:
        """Read every screen's stylesheet now, in one go, if any is not read yet.

        Textual reads a screen's CSS_PATH the first time the screen is shown and then parses
        the app's whole stylesheet again (every widget's DEFAULT_CSS too) and restyles every
        screen: 10-35 ms on each section's first opening, more as the sheet grows. Home calls
        this once it is painted with its cards, so that cost is paid once, while nobody is
        waiting, instead of on every first opening. Rules in these files apply to the whole
        app once read (as they did after a visit), so reading them early changes no look
        (the snapshots hold).
        """
        sheet = self.stylesheet
        unread = [path for path in SCREEN_STYLES if not sheet.has_source(str(path), "")]
        if unread:
            sheet.read_all(unread)
            sheet.reparse()
            sheet.update(self)

    def flush_screens(self) -> None:
        """Save every screen's and dialog's typing now, or keep it as a draft."""
        if self.workbook_mode is None:
            return
        for screen in reversed(self.get_screen_stack(self.workbook_mode)):
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()

    def close_workbook(self) -> None:
        """Close the open workbook: typing kept, lock released, data and key dropped."""
        self.session.close()

    def on_unmount(self) -> None:
        self.session.close()

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen anywhere (Settings or the palette) is saved at once."""
        from screens.settings import save_theme

        save_theme(self, theme.name)

    # Global actions ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit at once, unless a screen or dialog holds typing that is not saved yet: then ask.

        Every screen on the stack is asked, not only the top one: a form left open under a
        "Leave without saving?" dialog still holds the person's words.
        """
        for screen in reversed(self.screen_stack):
            holds_words = getattr(screen, "holds_words", None)
            if callable(holds_words) and holds_words():
                from screens.opening import confirm_quit

                confirm_quit(self)
                return
        self.session.flush()
        self.exit()

    def action_open_section(self, section_id: str) -> None:
        self.push_screen(section(section_id).load()())

    def action_hard_moment(self) -> None:
        from screens.hard_moment import HardMomentScreen

        if not isinstance(self.screen, HardMomentScreen):
            self.push_screen(HardMomentScreen())

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_log_urge(self) -> None:
        """Log an urge from any screen."""
        from screens.urges import LogUrgeScreen

        if self.repo is not None and not isinstance(self.screen, LogUrgeScreen):
            self.push_screen(LogUrgeScreen())

    def action_quick_hide(self) -> None:
        """Hide everything personal at once."""
        from screens.leaving import hide

        hide(self)

    said_too_small = False

    def on_resize(self, event: events.Resize) -> None:
        """Below 80x24 some words and fields are cut: say so once, kindly."""
        small = event.size.width < MIN_SIZE[0] or event.size.height < MIN_SIZE[1]
        if small and not self.said_too_small:
            self.notify(TOO_SMALL, title="A little more room, please", timeout=8, markup=False)
        elif self.said_too_small and not small:
            self.clear_notifications()  # made bigger: the note would cover words for nothing
        self.said_too_small = small

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Locked: only unlock, F1 and a way out. With no workbook open, no urge to log."""
        if self.locked_card is not None:
            from screens.lock import ALLOWED_WHILE_LOCKED

            return action in ALLOWED_WHILE_LOCKED
        return action != "log_urge" or self.repo is not None

    # A crash: Textual offers no public hook, and its own handler prints every frame's local
    # variables (a passphrase, every profile's name). Its bookkeeping is kept (Pilot re-raises
    # the error in tests); only the fatal-error rendering is ours (see screens.crash).
    _crash: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        from screens.crash import crashed

        crashed(self, self._crash or RuntimeError("unknown"))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (NO_COLOR's monochrome among them), then ours: no escape codes."""
        filters = [*super().get_line_filters(), self._no_control, self.readable_text]
        if not self.draws_unicode:
            filters.append(self._ascii)  # the Linux console, a non-UTF-8 locale
        return filters

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, minus "Screenshot" (it would save a private screen)."""
        from screens.palette import system_commands

        return system_commands(self, super().get_system_commands(screen))


def run(root: DataRoot, profile: str | None = None, resources_file: Path | None = None) -> int:
    """Start the app; return the exit code."""
    root.prepare()
    if profile:
        root.find(profile)  # a clear message and exit code before the screen opens
    if os.environ.get("TERM", "").endswith("-mono"):
        os.environ.setdefault("NO_COLOR", "1")  # a monochrome terminal: no colour at all
    app = WorkbookApp(root, profile)
    app.resources_file = resources_file
    result = app.run()
    return result or 0
