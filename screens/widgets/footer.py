"""The workbook's footer: one widget that draws every key itself, redrawn only when they change.

Textual's footer is a row of widgets, one per key (and the palette's key docked at its right),
and removes and mounts them all again whenever a screen's bindings *may* have changed (every
focus change publishes it). Opening an empty screen styled 25 things, 19 of them the footer,
its keys and their parts (bench/RESULTS.md, "fourth round"). This footer is one widget: it draws the
keys as Textual's footer lays them out (the key in its key style, the description, the palette's
key at the right edge after a thin rule; the compact setting), dims a key that does not work
now, runs a key's action when it is clicked, lights the key under the mouse and shows its
tooltip. It keeps what it shows when the keys are the same, and redraws one line when not.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer

PALETTE_RULE = "▏"
"""The thin rule before the palette's key (Textual's ``border-left: vkey``)."""


class Key(NamedTuple):
    """A key as the footer shows it (what Textual's footer gave a widget of its own)."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    group: Hashable = None
    """The binding's group (``Binding.Group``): a group of two or more keys is drawn as the
    keys alone, then the group's description, as Textual's footer draws it."""


class Drawn(NamedTuple):
    """Where a key is drawn: columns ``x`` to ``x + width``, counted from the footer's left.

    The keys' places do not depend on the width: a key that does not fit has an ``x`` past the
    palette's (Textual's footer hid it under the palette and the right edge, as this one does).
    """

    key: Key
    x: int
    width: int
    palette: bool = False

    @property
    def right(self) -> int:
        return self.x + self.width


Shown = tuple[bool, bool, tuple[Key, ...], Key | None]
"""What the footer shows: compact or not, the palette shown or not, the keys, the palette's."""


class WorkbookFooter(Footer):
    """The keys that work here, in one line, redrawn only when what it shows is different."""

    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "workbook-footer--item",
        "workbook-footer--hover",
        "workbook-footer--rule",
    }
    # Textual's footer keys' rules, as parts of this one widget (theme variables only).
    DEFAULT_CSS = """
    WorkbookFooter {
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .workbook-footer--item { background: $footer-item-background; }
        .workbook-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .workbook-footer--rule { color: $foreground 20%; }
    }
    """

    _shown: Shown | None = None
    """What the footer shows (None until it first draws)."""
    _hover: Drawn | None = None
    """The key under the mouse, lit as Textual's footer lit it."""

    def _keys(self) -> Shown:
        """What the footer would show now: Textual's footer's choice of keys.

        Keys that are not shown (a box's cursor keys, say) change with every focus change
        and are left out; the palette's key is drawn though it is not "shown".
        """
        app = self.app
        bindings = self.screen.active_bindings
        keys: dict[str, Key] = {}  # one key per action: the first bound to it
        for key, (_node, binding, enabled, tooltip) in bindings.items():
            if binding.show and binding.action not in keys:
                keys[binding.action] = self._key(key, binding, enabled, tooltip)
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = bindings.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = self._key(
                    binding.key, binding, enabled, binding.tooltip or binding.description
                )
        return self.compact, self.show_command_palette, tuple(keys.values()), palette

    def _key(self, key: str, binding: Binding, enabled: bool, tooltip: str) -> Key:
        display = self.app.get_key_display(binding)
        return Key(
            key, display, binding.description, binding.action, enabled, tooltip, binding.group
        )

    def compose(self) -> ComposeResult:
        yield from ()  # no widget per key: the keys are drawn by render()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus:
            return  # as Textual's footer: kept as it is while the app is not focused
        if self.is_attached and screen is self.screen:
            self.show(self._keys())

    def show(self, shown: Shown) -> None:
        """Draw ``shown`` (nothing to do when it is what the footer shows)."""
        if shown != self._shown:
            self._shown = shown
            self._light(None)
            self.refresh()

    def watch_compact(self) -> None:
        if self._shown is not None and self.is_attached:
            self.show(self._keys())

    def watch_show_command_palette(self) -> None:
        self.watch_compact()

    # What is drawn, and where.

    def drawn(self) -> list[Drawn]:
        """Every key the footer draws, where it draws it; the palette's key last."""
        if self._shown is None:
            self._shown = self._keys()
        compact, _, keys, palette = self._shown
        placed = [d for d in self._placed(keys, compact) if isinstance(d, Drawn)]
        if palette is not None:
            width = self._palette_width(palette, compact)
            placed.append(Drawn(palette, self.size.width - width, width, palette=True))
        return placed

    def key_at(self, x: int) -> Drawn | None:
        """The key drawn at column ``x``, if any (keys under the palette are out of sight)."""
        drawn = self.drawn()
        cut = next((d.x for d in drawn if d.palette), self.size.width)
        for item in reversed(drawn):  # the palette first: it is drawn over the rest
            if item.x <= x < item.right and (item.palette or x < cut):
                return item
        return None

    def _placed(self, keys: tuple[Key, ...], compact: bool) -> Iterator[Drawn | tuple[str, int]]:
        """The keys (and group labels, as ``(words, x)``) from the left, where Textual's footer
        lays them out: side by side, the margin between two neighbours the wider of theirs."""
        x, gap = 0, 0
        for group, run in groupby(keys, key=lambda k: k.group):
            grouped = list(run)
            if group is None or len(grouped) < 2:
                for key in grouped:
                    x += gap
                    yield Drawn(key, x, self._key_width(key, compact))
                    x, gap = x + self._key_width(key, compact), 1 if compact else 0
                continue
            # A group: its keys alone (each with a margin of 1, none in a compact group, which
            # has a column of padding instead), then the group's words.
            tight = bool(getattr(group, "compact", False))
            inner = 0 if tight else 1
            x += gap + (1 if tight else 0)
            for key in grouped:
                x += inner
                tip = key.tooltip or key.description
                yield Drawn(key._replace(description="", tooltip=tip), x, cell_len(key.display))
                x += cell_len(key.display)
            x += inner
            words = str(getattr(group, "description", ""))
            x += 1 if tight else 0
            yield (words, x)
            x, gap = x + cell_len(words), 0 if compact else 1

    @staticmethod
    def _key_width(key: Key, compact: bool) -> int:
        if not key.description:
            return cell_len(key.display)
        return cell_len(key.display) + cell_len(key.description) + (1 if compact else 3)

    @staticmethod
    def _palette_width(key: Key, compact: bool) -> int:
        """The rule and the key (always compact), and a column of padding (of margin when the
        footer is compact: the column is the footer's, not the key's)."""
        return 1 + cell_len(key.display) + 1 + cell_len(key.description) + 1

    # Drawing.

    def render(self) -> Text:
        drawn = self.drawn()
        assert self._shown is not None
        compact, _, keys, _ = self._shown
        width = self.size.width
        _, background = self.background_colors
        plain = Style.from_color(bgcolor=background.rich_color)
        palette = drawn[-1] if drawn and drawn[-1].palette else None
        line = Text(no_wrap=True, overflow="crop", end="")
        for item in self._placed(keys, compact):
            if isinstance(item, Drawn):
                start, parts = item.x, self._key_parts(item, compact, background)
            else:
                words, start = item
                parts = [(words, self._part_style("footer-key--description", background))]
            self._pad_to(line, start, plain)
            line.append_text(Text.assemble(*parts))
        room = palette.x if palette else width
        line.truncate(room, overflow="crop")  # what does not fit is under the palette
        self._pad_to(line, room, plain)
        if palette is not None:
            under = self._item_background(palette, background)
            rule = self.get_component_styles("workbook-footer--rule").color
            line.append(
                PALETTE_RULE, Style.from_color((background + rule).rich_color, under.rich_color)
            )
            line.append_text(Text.assemble(*self._key_parts(palette, True, background)))
            line.append(
                " ", Style.from_color(bgcolor=(background if compact else under).rich_color)
            )
        return line

    def render_line(self, y: int) -> Strip:
        """The line, its blank columns drawn as Textual's footer drew them: background only
        (the same cells either way; snapshots compare the styles too)."""
        strip = super().render_line(y)
        return Strip(
            [
                Segment(text, Style.from_color(bgcolor=style.bgcolor))
                if style is not None and style.color is not None and text.isspace()
                else Segment(text, style, control)
                for text, style, control in strip
            ],
            strip.cell_length,
        )

    def _pad_to(self, line: Text, x: int, style: Style) -> None:
        if line.cell_len < x:
            line.append(" " * (x - line.cell_len), style)

    def _item_background(self, item: Drawn, background: Color) -> Color:
        part = "workbook-footer--hover" if item == self._hover else "workbook-footer--item"
        return background + self.get_component_styles(part).background

    def _part_style(self, part: str, under: Color, dim: bool = False) -> Style:
        styles = self.get_component_styles(part)
        back = under + styles.background
        style = Style.from_color((back + styles.color).rich_color, back.rich_color)
        style += styles.text_style
        return style + Style(dim=True) if dim else style

    def _key_parts(self, item: Drawn, compact: bool, background: Color) -> list[tuple[str, Style]]:
        """A key's text and styles as Textual's ``FooterKey`` draws it."""
        key = item.key
        under = self._item_background(item, background)
        dim = not key.enabled
        key_style = self._part_style("footer-key--key", under, dim)
        if not key.description:
            return [(key.display, key_style)]
        description = self._part_style("footer-key--description", under, dim)
        if compact:
            return [(key.display, key_style), (f" {key.description}", description)]
        return [(f" {key.display} ", key_style), (f"{key.description} ", description)]

    # The mouse.

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._light(self.key_at(event.x))

    def on_leave(self) -> None:
        self._light(None)

    def _light(self, item: Drawn | None) -> None:
        if item == self._hover:
            return
        self._hover = item
        self.tooltip = (item.key.tooltip or None) if item else None
        self.styles.pointer = "pointer" if item else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click runs the key as pressing it would (a key that does not work now rings)."""
        item = self.key_at(event.x)
        if item is None:
            return
        if item.key.enabled:
            self.app.simulate_key(item.key.key)
        else:
            self.app.bell()
