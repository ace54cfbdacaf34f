"""On a terminal that cannot draw the app's glyphs (TERM=linux, LANG=C), ASCII stands in."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from screens.glyphs import ASCII, terminal_draws_unicode
from tests.ui.helpers import make_app
from workbook.models import ProfileCard
from workbook.storage import DataRoot


def drawn(svg: str) -> str:
    """The characters a screenshot drew, row by row."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        text = html.unescape(m.group(3)).replace("\xa0", " ")
        rows.setdefault(float(m.group(2)), []).append((float(m.group(1)), text))
    return "\n".join("".join(t for _, t in sorted(rows[y])) for y in sorted(rows))


@pytest.mark.parametrize(
    ("environ", "encoding", "expected"),
    [
        ({"TERM": "linux"}, "utf-8", False),
        ({"TERM": "xterm-256color"}, "ANSI_X3.4-1968", False),  # LANG=C
        ({"TERM": "xterm-256color"}, "UTF-8", True),
        ({"TERM": "screen-256color", "WORKBOOK_ASCII": "1"}, "utf-8", False),
        ({"TERM": "xterm", "LANG": "C"}, "utf-8", False),  # Python's UTF-8 mode under LANG=C
        ({"TERM": "xterm", "LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "utf-8", False),
        ({"TERM": "xterm", "LANG": "C", "LC_CTYPE": "C.UTF-8"}, "utf-8", False),  # coerced
        ({"TERM": "xterm", "LANG": "en_GB.UTF-8"}, "utf-8", True),
        ({"TERM": "xterm", "LC_CTYPE": "en_US.utf8"}, "ANSI_X3.4-1968", True),
    ],
)
def test_which_terminals_get_ascii(environ: dict[str, str], encoding: str, expected: bool) -> None:
    assert terminal_draws_unicode(environ, encoding) is expected


async def test_the_check_in_is_drawn_in_ascii_on_the_linux_console(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    app.draws_unicode = False  # what TERM=linux sets
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # mood has focus
        await pilot.pause()
        text = drawn(app.export_screenshot())
        assert not [ch for ch in text if ord(ch) in ASCII], text
        assert "#====" in text and "+----" in text  # focused ruler heavier than the other
    app = make_app(root)  # and where the terminal can draw them, the glyphs are kept
    app.draws_unicode = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert any(ord(ch) in ASCII for ch in drawn(app.export_screenshot()))


async def test_every_section_is_drawn_in_plain_ascii_on_the_linux_console(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Not only the glyphs known once: anything outside ASCII would draw as a box there."""
    from screens.sections import available_sections

    make_profile()
    app = make_app(root)
    app.draws_unicode = False
    found: dict[str, set[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for section in available_sections():
            await pilot.press(section.key)
            await pilot.pause()
            wide = {ch for ch in drawn(app.export_screenshot()) if ord(ch) > 127}
            if wide:
                found[section.id] = wide
            app.pop_screen()
            await pilot.pause()
    assert found == {}
