"""A screen's stylesheet styles that screen only: a section looks the same whichever sections
were opened before it.

Textual reads each screen's CSS_PATH into the app's one stylesheet, so a bare ``.page`` or
``Sparkline`` rule in one file reaches every screen once that file has been read. Found by the
speed work on 1 December 2026: the life check-in's small sparkline was drawn differently after
the weekly review had been opened (review.tcss's ``Sparkline`` rule).
"""

from __future__ import annotations

import pytest

from screens.sections import available_sections
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.demo import build_demo
from workbook.storage import DataRoot

LOOKED_AT = ["capital", "checkin", "goals", "settings"]
"""Sections with the most kinds of widget (headings, rows, sparklines, boxes, lists)."""


@pytest.mark.parametrize("key", LOOKED_AT)
async def test_a_section_looks_the_same_after_every_other_was_opened(
    root: DataRoot, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screens.app import WorkbookApp

    # The first look is with no other screen's stylesheet read (Home reads them all a moment
    # after it is painted, which would hide a rule that leaks).
    monkeypatch.setattr(WorkbookApp, "load_screen_styles", lambda self: None)
    card = build_demo(root, years=1, seed=3, today=TODAY)
    target = next(s for s in available_sections() if s.id == key)
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(target.load()())
        await pilot.pause()
        first = app.export_screenshot()
        app.pop_screen()
        for section in available_sections():  # every section's stylesheet is read now
            await app.push_screen(section.load()())
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        await app.push_screen(target.load()())
        await pilot.pause()
        assert app.export_screenshot() == first
