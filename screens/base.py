"""The bases every workbook screen and dialog share.

A screen gets the top bar, a footer, Escape to go back, and safe saving. A dialog gets a footer
of its own that shows only the keys that work while it is open.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.cells import cell_len
from textual import events, on
from textual.actions import parse as parse_action
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer

from screens.drafting import Drafting
from screens.styled_once import StyledOnce
from screens.widgets.footer import WorkbookFooter
from screens.widgets.topbar import TopBar
from workbook.errors import InvalidInput, WorkbookError

if TYPE_CHECKING:
    from screens.app import WorkbookApp
    from workbook.storage import Repository

ResultType = TypeVar("ResultType")


FOOTER_ORDER = {"hard_moment": 0, "back": 1, "help": 3, "quit": 4, "log_urge": 5, "quick_hide": 6}
"""Where a key sits in the footer; a screen's own keys come third (rank 2).

At 80 columns the footer holds six or seven keys, and what does not fit is cut at the right
edge. Help for a hard moment must never be the key that is cut, so it comes first; every key
is also listed by ``?``.
"""


def footer_first(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """``bindings`` in the footer's order (F1 first, then Back, the screen's keys, the rest)."""
    ranked = sorted(bindings.items(), key=lambda kv: FOOTER_ORDER.get(kv[1].binding.action, 2))
    return dict(ranked)


ALWAYS_SHOWN = frozenset({"hard_moment", "back", "help", "quick_hide"})
"""Keys the footer never drops: help for a hard moment, Back, every key, and Hide."""
PALETTE_WIDTH = 13
"""Columns the footer keeps on its right for "^p palette"."""
MORE_KEYS = "More keys"


def key_width(active: ActiveBinding, display: str) -> int:
    """Columns a key takes in Textual's footer: " key description " and a space."""
    return cell_len(display) + cell_len(active.binding.description) + 3


def fit_footer(
    bindings: dict[str, ActiveBinding], width: int, display: Callable[[Binding], str]
) -> dict[str, ActiveBinding]:
    """The footer's keys cut to ``width``: whole keys only, and "More keys" when any are left
    out (they still work, and the keys screen lists them all)."""
    shown = [(k, a) for k, a in bindings.items() if a.binding.show]
    room = (
        width
        - PALETTE_WIDTH
        - sum(
            key_width(a, display(a.binding)) + 5 * (a.binding.action == "help")
            for _, a in shown
            if a.binding.action in ALWAYS_SHOWN
        )
    )
    hidden: set[str] = set()
    for key, active in shown:
        if active.binding.action in ALWAYS_SHOWN:
            continue
        needed = key_width(active, display(active.binding))
        if needed > room or hidden:
            hidden.add(key)
        else:
            room -= needed
    if not hidden:
        return bindings
    fitted: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        if key in hidden:
            binding = replace(binding, show=False)
        elif binding.action == "help" and binding.show:
            binding = replace(binding, description=MORE_KEYS)
        fitted[key] = active._replace(binding=binding)
    return fitted


class WorkbookScreen(StyledOnce, Drafting, Screen[None]):
    """A screen of the workbook. Subclasses set ``SECTION_TITLE`` and compose ``body()``."""

    SECTION_TITLE: ClassVar[str] = ""
    DEFAULT_CSS = """
    /* In a wide window, what is read and filled in keeps a width easy to read (100 columns;
       long lines across 200 were hard to follow), centred. Below 100 columns nothing changes.
       The top bar and the footer still span the window (notices stay at its right edge,
       docked); tooltips keep their own 40. */
    WorkbookScreen { align-horizontal: center; }
    WorkbookScreen > * { max-width: 100; }
    WorkbookScreen > TopBar, WorkbookScreen > WorkbookFooter { max-width: 100%; }
    WorkbookScreen > Tooltip { max-width: 40; }
    """
    AUTO_FOCUS: ClassVar[str | None] = None
    """Where focus goes when the screen opens (Textual's: the first thing that can take it).

    A form that focuses its first field itself (in ``on_mount``) sets this to "": otherwise
    Textual first focuses the scrolling form around the field and the field a moment later,
    and each change of focus works out the style of the whole form again (40% of the styling
    done while the check-in opened, bench/RESULTS.md; tests/ui/test_screen_budget.py checks).
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back to the previous screen"),
    ]

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None):
        super().__init__(name, id, classes)
        self.born_sized()

    @property
    def workbook_app(self) -> WorkbookApp:
        from screens.app import WorkbookApp

        assert isinstance(self.app, WorkbookApp)
        return self.app

    @property
    def repo(self) -> Repository:
        """The open workbook. Screens read and save models through it (or feature modules).

        Raises ``WorkbookClosed`` (a ``WorkbookError``, so ``try_save`` reports it) once the
        workbook is locked, hidden or closed; screens over it are removed, never resumed.
        """
        return self.workbook_app.session.require()

    def draft_repo(self) -> Repository | None:
        return self.workbook_app.session.repo

    def today(self) -> date:
        """Today's local date (the app's clock, so tests can set it)."""
        return self.workbook_app.today()

    def compose(self) -> ComposeResult:
        yield TopBar(self.SECTION_TITLE, self.workbook_app.person_label, self.today())
        yield from self.body()
        yield WorkbookFooter()

    def body(self) -> ComposeResult:
        """The screen's own widgets."""
        yield from ()

    def try_save(self, save: Callable[[], object], done: str | None = None) -> bool:
        """Run ``save``; on failure tell the person plainly and return False.

        What the person typed stays in the form, so they can try again.
        """
        try:
            save()
        except WorkbookError as exc:
            self.failed_save = save  # tried again on leaving; quitting asks first meanwhile
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        self.failed_save = None
        if done:
            self.notify(done, markup=False)
        return True

    def run_typed_save(self, save: Callable[[], object]) -> bool:
        """Run the saves of typing gathered by ``save_soon()``: a refusal is said, a failed
        write is said and tried again on leaving (``try_save``)."""
        try:
            save()
        except InvalidInput as exc:
            self.notify(str(exc), title="Not saved", markup=False)
            return False
        except WorkbookError:
            return self.try_save(save)
        return True

    _shown_once = False

    @on(events.Resize)
    def _refit_footer(self) -> None:
        """A new width: the footer's keys are fitted to it again (see :func:`fit_footer`)."""
        self.refresh_bindings()

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        self.note_rules_styled_with()
        await super().mount_composed_widgets(widgets)

    @on(events.ScreenResume)
    def _styled_already(self, event: events.ScreenResume) -> None:
        self.skip_restyle_on_first_showing(event)  # runs before Textual's own handler

    @on(events.ScreenResume)
    def _follow_a_rename(self) -> None:
        """Coming back to a screen (Home after Settings): its header shows the name as it is now."""
        for bar in self.query(TopBar):
            bar.set_who(self.workbook_app.person_label)

    def returned(self) -> bool:
        """Whether the screen is being shown again, for ``on_screen_resume``.

        Textual resumes a screen on its first showing too, just after it was composed and
        mounted; a screen that rebuilds its list on resume would build it twice on opening
        (on ten years of entries, a tenth of a second for nothing). False the first time.
        """
        first = not self._shown_once
        self._shown_once = True
        return not first

    def can_go_back(self) -> bool:
        """Whether there is a screen of ours below this one (Home and the welcome are first)."""
        stack = self.app.screen_stack
        # A workbook's Home is the first screen of its mode; the way in sits on the bare base.
        return self.app.screen is self and len(stack) > 1 and type(stack[-2]) is not Screen

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys that work here, in the footer's order (see :data:`FOOTER_ORDER`)."""
        return fit_footer(
            footer_first(super().active_bindings), self.app.size.width, self.app.get_key_display
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_go_back()
        return True

    def action_back(self) -> None:
        if self.can_go_back():
            self.flush()  # words typed and not saved are kept as a draft, offered back next time
            self.app.pop_screen()


class WorkbookDialog(StyledOnce, Drafting, ModalScreen[ResultType]):
    """A dialog over a screen, with a footer of its own that shows only the keys that work in it.

    A modal screen draws over the screen below but has no footer, so the footer left in view was
    the one underneath, listing that screen's keys: none of them work while the dialog is open.
    Every dialog gets its own footer here (unless it composes one), so subclasses only compose
    their content.
    """

    _typed_at_start: tuple[object, ...] | None = None

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None):
        super().__init__(name, id, classes)
        self.born_sized()

    @on(events.ScreenResume)
    def _styled_already(self, event: events.ScreenResume) -> None:
        self.skip_restyle_on_first_showing(event)  # runs before Textual's own handler

    def on_mount(self) -> None:
        """Note what the fields hold once the dialog is filled in (runs after a subclass's)."""
        self._typed_at_start = self._typed()

    def _typed(self) -> tuple[object, ...]:
        from textual.widgets import Input

        from screens.widgets.unsaved import form_state

        secret = frozenset(i.id for i in self.query(Input) if i.password and i.id)
        return form_state(self, exclude=secret)

    def draft_repo(self) -> Repository | None:
        from screens.app import WorkbookApp

        return self.app.session.repo if isinstance(self.app, WorkbookApp) else None

    def unsaved(self) -> bool:
        """Whether something typed here is not saved yet (quitting asks first then).

        A passphrase being typed does not count: it must not be kept, and asking about it
        would only get in the way.
        """
        return self._typed_at_start is not None and self._typed() != self._typed_at_start

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        self.note_rules_styled_with()
        if not any(isinstance(widget, Footer) for widget in widgets):
            widgets = [*widgets, WorkbookFooter()]
        await super().mount_composed_widgets(widgets)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The dialog's own keys, then the app's keys that still work over a dialog.

        Key lookup stops at a modal screen, except for priority bindings, which Textual still
        runs from the app down. So F1 (help for a hard moment), F2, F9 and Ctrl+Q work in a
        dialog and are shown; ``?`` does not, and is not.
        """
        shown = super().active_bindings
        app = self.app
        for binding in app_priority_bindings(type(app)):
            if binding.key in shown:
                continue
            _, name, params = parse_action(binding.action)
            state = app.check_action(name, params)  # what the footer asks the app
            if state is not False:
                shown[binding.key] = ActiveBinding(app, binding, bool(state), binding.tooltip)
        return fit_footer(footer_first(shown), app.size.width, app.get_key_display)


@functools.cache
def app_priority_bindings(app_class: type[App[object]]) -> tuple[Binding, ...]:
    """The app's priority keys (F1, F2, F9, Ctrl+Q...), which still work over a dialog.

    Read from each class's public ``BINDINGS``, nearest class first, so a key the app redefines
    is listed once, as the app defines it. They are fixed for a class, so found once.
    """
    found: dict[str, Binding] = {}
    if app_class.ENABLE_COMMAND_PALETTE:  # Textual adds the palette's key itself, like this
        key = app_class.COMMAND_PALETTE_BINDING
        found[key] = Binding(
            key,
            "command_palette",
            "palette",
            show=False,
            key_display=app_class.COMMAND_PALETTE_DISPLAY,
            priority=True,
            tooltip="Open the command palette",
        )
    for cls in app_class.__mro__:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if binding.priority and binding.key not in found:
                found[binding.key] = binding
    return tuple(found.values())
