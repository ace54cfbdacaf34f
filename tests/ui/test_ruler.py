"""The scale (``Ruler``): a click on a number picks it, wherever the number is drawn.

Until 1 December 2026 a click picked only on the scale's top border row (the click's row was
counted from the border, not from the numbers), so clicking a number did nothing on any screen.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from screens.widgets.ruler import Ruler


class Scale(App[None]):
    def __init__(self, ends: tuple[str, str] = ("", "")) -> None:
        super().__init__()
        self.ends = ends

    def compose(self) -> ComposeResult:
        yield Ruler(0, 10, ends=self.ends, id="scale")


def cell_of(ruler: Ruler, n: int) -> tuple[int, int]:
    """Where ``n`` is drawn on screen (the middle of its number), found in the drawn lines."""
    region = ruler.content_region
    for y in range(region.height):
        line = ruler.render_line(y).text
        for x in range(len(line)):
            word = line[x:].split(" ")[0].strip("[]")
            if word == str(n) and (x == 0 or not line[x - 1].isdigit()):
                return region.x + x + len(str(n)) // 2, region.y + y
    raise AssertionError(f"{n} is not drawn")


@pytest.mark.parametrize("width", [60, 24])  # one line of numbers; the numbers wrapped
@pytest.mark.parametrize("ends", [("", ""), ("none", "a lot")])
async def test_a_click_on_a_number_picks_it(width: int, ends: tuple[str, str]) -> None:
    app = Scale(ends)
    async with app.run_test(size=(width, 12)) as pilot:
        ruler = app.query_one(Ruler)
        for n in (0, 3, 7, 10):
            x, y = cell_of(ruler, n)
            await pilot.click(offset=(x, y))
            assert ruler.value == n, (n, x, y)
        if width == 24:
            assert cell_of(ruler, 10)[1] > cell_of(ruler, 0)[1]  # really on another line


async def test_a_click_on_the_frame_or_the_chosen_line_picks_nothing() -> None:
    app = Scale()
    async with app.run_test(size=(60, 12)) as pilot:
        ruler = app.query_one(Ruler)
        x, y = cell_of(ruler, 7)
        await pilot.click(offset=(x, y - 1))  # the border above the 7
        await pilot.click(offset=(x, y + 1))  # "Chosen: not chosen yet"
        assert ruler.value is None
