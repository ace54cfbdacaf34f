"""Screens and dialogs styled once as they open, not three times (issue 20).

Mixed into :class:`screens.base.WorkbookScreen` and :class:`screens.base.WorkbookDialog`;
counted in tests/ui/test_screen_base_cost.py and tests/ui/test_screen_budget.py.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.css.model import RuleSet
from textual.screen import Screen


def breakpoint_classes(app: App[object], screen: Screen[object]) -> list[str]:
    """The classes Textual gives ``screen`` for the window's size (``-narrow``, ``-normal``).

    Read from the app's (or the screen's own) breakpoints as Textual reads them: of the
    breakpoints at or below the width, the largest.
    """
    found = []
    for own, apps, size in (
        (screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS, app.size.width),
        (screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS, app.size.height),
    ):
        for low, name in sorted((apps if own is None else own) or (), reverse=True):
            if size >= low:
                found.append(name)
                break
    return found


class StyledOnce:
    """A screen or dialog whose style is worked out once as it opens, not three times.

    Textual styles each widget as it is mounted, then twice more over the whole screen:

    - once the screen first has its size, it gains the window's breakpoint class (``-normal``
      at 80 columns and more, see ``WorkbookApp.HORIZONTAL_BREAKPOINTS``), and that new class
      restyles the screen and everything on it. Born with its class (``born_sized``), the
      screen's class does not change and nothing is restyled.
    - when the screen is shown it restyles itself whole again (``ScreenResume``), for a screen
      coming back after its looks changed meanwhile (a theme chosen while it was hidden). On
      its first showing every widget was styled a moment before; unless the stylesheet changed
      since (a widget brought new rules), that pass changes nothing and is skipped.

    Mixed into :class:`WorkbookScreen` and :class:`WorkbookDialog`; counted in
    tests/ui/test_screen_budget.py (bench/RESULTS.md, issue 20's fourth round).
    """

    _rules_when_styled: list[RuleSet] | None = None
    _resumed_before = False

    def born_sized(self) -> None:
        """Give the screen its breakpoint classes before it is mounted (from ``__init__``)."""
        assert isinstance(self, Screen)
        try:
            app = self.app
        except RuntimeError:  # made with no app running (a test): Textual sets them later
            return
        self.add_class(*breakpoint_classes(app, self), update=False)

    def note_rules_styled_with(self) -> None:
        """Note the rules the screen was styled with (just before its widgets are mounted)."""
        assert isinstance(self, Screen)
        self._rules_when_styled = self.app.stylesheet.rules

    def skip_restyle_on_first_showing(self, event: events.ScreenResume) -> None:
        """First showing, stylesheet unchanged since the screen was styled: no restyle."""
        assert isinstance(self, Screen)
        first, self._resumed_before = not self._resumed_before, True
        if first and self._rules_when_styled is self.app.stylesheet.rules:
            event.refresh_styles = False


__all__ = ["StyledOnce", "breakpoint_classes"]
