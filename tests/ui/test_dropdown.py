"""The Dropdown looks and works like Textual's Select, with two widgets instead of six and its
list built the first time it is opened (issue 20: Settings spent half its styling on Selects)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Select, Static

from screens.widgets.dropdown import Dropdown

OPTIONS = [("Somewhere else (show every line we know)", 1), ("Canada", 2), ("Gambling", 3)]


class Form(App[None]):
    CSS = "Select, Dropdown { width: 100%; max-width: 30; }"

    def __init__(self, kind: str, theme: str = "textual-dark", compact: bool = False) -> None:
        super().__init__()
        self.kind = kind
        self.compact = compact
        self.start_theme = theme
        self.changes: list[object] = []

    def compose(self) -> ComposeResult:
        yield Input(id="before")
        if self.kind == "select":
            yield Select(OPTIONS, value=1, allow_blank=False, id="pick", compact=self.compact)
        else:
            yield Dropdown(OPTIONS, 1, id="pick", compact=self.compact)
        yield Static("after", id="after")

    def on_mount(self) -> None:
        self.theme = self.start_theme

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changes.append(event.value)

    def on_dropdown_changed(self, event: Dropdown.Changed) -> None:
        self.changes.append(event.value)


def cells(svg: str) -> dict[tuple[int, int], tuple[str, str, str]]:
    """Each cell of a screenshot: its character, its colour, its background (the SVG's runs of
    text and rectangles are cut differently for the same picture, so compare cell by cell)."""
    width = 12.2  # Textual's SVG: one cell is 12.2 wide
    styles = dict(re.findall(r"\.terminal-\d+-(r\d+) \{ ([^}]*)\}", svg))
    grid: dict[tuple[int, int], list[str]] = {}
    text = r'<text class="terminal-\d+-(r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>'
    for style, x, y, run in re.findall(text, svg):
        run = html.unescape(run).replace("\xa0", " ")
        for i, char in enumerate(run.rstrip("\n")):
            cell = grid.setdefault((round(float(y)), round(float(x) / width) + i), [" ", "", ""])
            cell[0], cell[1] = char, styles.get(style, "") if char != " " else ""
    rect = r'<rect fill="(#[0-9a-f]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"'
    for fill, x, y, w in re.findall(rect, svg):
        for i in range(round(float(w) / width)):
            key = (round(float(y) + 18.5), round(float(x) / width) + i)
            grid.setdefault(key, [" ", "", ""])[2] = fill
    return {key: (c[0], c[1], c[2]) for key, c in grid.items()}


async def look(
    kind: str, theme: str, keys: tuple[str, ...], compact: bool = False
) -> dict[Any, Any]:
    app = Form(kind, theme, compact)
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        return cells(app.export_screenshot())


@pytest.mark.parametrize("compact", [False, True], ids=["bordered", "compact"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize(
    "keys",
    [(), ("tab",), ("tab", "enter"), ("tab", "enter", "down"), ("tab", "enter", "down", "enter")],
)
async def test_a_dropdown_draws_what_a_select_draws(
    theme: str, keys: tuple[str, ...], compact: bool
) -> None:
    """Closed, focused, open, moved and picked, with borders and compact: the same characters
    in the same colours."""
    select = await look("select", theme, keys, compact)
    dropdown = await look("dropdown", theme, keys, compact)
    assert any(char == "▼" or char == "▲" for char, _, _ in select.values())
    differ = {key: (select.get(key), dropdown.get(key)) for key in select.keys() | dropdown}
    assert {key: pair for key, pair in differ.items() if pair[0] != pair[1]} == {}


async def test_its_list_is_built_the_first_time_it_is_opened() -> None:
    app = Form("dropdown")
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        pick = app.query_one(Dropdown)
        assert len(pick.query("*")) == 1  # the box; Select mounts five
        assert not app.query(OptionList)
        await pilot.press("tab", "enter")
        assert len(app.query(OptionList)) == 1 and app.focused is app.query_one(OptionList)
        await pilot.press("escape", "enter", "escape")
        assert len(app.query(OptionList)) == 1  # built once, opened again


async def test_the_keys_are_selects_keys() -> None:
    """Enter, Space, Up or Down open it; Down and Enter pick; typing finds; Escape closes."""
    app = Form("dropdown")
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        pick = app.query_one(Dropdown)
        assert app.changes == []  # the value it starts with is not a change
        await pilot.press("tab", "down", "down", "enter")
        assert pick.value == 2 and app.focused is pick and not pick.expanded
        await pilot.press("space", "g", "a", "m", "enter")
        assert pick.value == 3
        await pilot.press("up", "up", "escape")
        assert pick.value == 3 and app.focused is pick and not pick.expanded
        await pilot.press("enter", "tab")  # leaving the open list closes it
        assert not pick.expanded and app.focused is not None and app.focused.id != "pick"
        await pilot.click("#pick")
        assert pick.expanded
        await pilot.press("home", "enter")
        assert pick.value == 1
        pick.value = 2  # from code, as with Select
        await pilot.pause()
        assert app.changes == [2, 3, 1, 2]
        with pytest.raises(ValueError):
            pick.value = 4
