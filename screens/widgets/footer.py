"""The workbook's footer: Textual's, rebuilt only when its keys change, and built in one pass.

Textual's footer removes and mounts all its keys again whenever a screen's bindings *may* have
changed (every focus change publishes it), about five times while a form opens, though the
keys shown are nearly always the same. And each key it mounts starts "compact" (the key's own
default) and is switched to the footer's setting a moment later, so every key's style was
worked out three times over. Style updates were the largest single cost of opening a screen
(bench/RESULTS.md). This footer keeps what it shows when the keys are the same, and starts each
key at the footer's own setting.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[Hashable, ...]


class WorkbookFooter(Footer):
    """A footer that is rebuilt only when what it would show is different."""

    _shown: Shown | None = None
    """The keys as last asked to be shown (a rebuild was asked for then)."""

    def _keys(self) -> Shown:
        """What the footer would show now: every key it draws, as it would be drawn.

        Keys that are not shown (a box's cursor keys, say) change with every focus change
        and are left out; the palette's key is drawn though it is not "shown".
        """
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (key, app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
                for key, (_node, b, enabled, tooltip) in self.screen.active_bindings.items()
                if b.show or key == palette
            ),
        )

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # A key is born "compact" and bound to the footer's setting just after it is
            # mounted; born with the footer's setting, the binding changes nothing. The
            # palette's key is not bound (it stays compact, its own default): it is born with
            # its "-compact" class, which it would otherwise gain, and be restyled for, just
            # after mounting.
            setting = getattr(type(widget), "compact", None)
            if isinstance(setting, Reactive):
                if widget.has_class("-command-palette"):  # (reading it would run its watcher)
                    widget.add_class("-compact", update=False)
                else:
                    widget.set_reactive(setting, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        ours = self.is_attached and screen is self.screen
        keys = self._keys() if ours else None
        if keys is not None and keys == self._shown:
            return  # the same keys as the footer shows (or is about to): nothing to rebuild
        super().bindings_changed(screen)
        if keys is not None and screen.app.app_focus:
            self._shown = keys  # Textual's footer asked for a rebuild with these keys
