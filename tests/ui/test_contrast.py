"""Every piece of text on every section reads (4.5:1) in 16, 256 and true colour, our two themes.

Walked as a person would from Home at 80x24 on a year of demo data, with the cursor on a row
(the highlighted rows of lists, option lists and tables were the ones that fell to 2.7:1 in 256
colours), and each screen's first field focused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from screens.home import HomeScreen
from screens.sections import available_sections
from screens.theme import DEFAULT_THEME, HIGH_CONTRAST
from tests.conftest import TODAY
from tests.ui.contrast import too_low
from tests.ui.helpers import make_app
from workbook.demo import build_demo
from workbook.models import ProfileCard
from workbook.storage import DataRoot


@pytest.mark.parametrize("theme", [DEFAULT_THEME, HIGH_CONTRAST])
async def test_every_section_reads_in_16_256_and_true_colour(tmp_path: Path, theme: str) -> None:
    root = DataRoot(tmp_path / "data")
    build_demo(root, years=1, seed=7, today=TODAY)
    app = make_app(root)
    low: dict[str, list[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = theme
        await pilot.press("down")  # Home's focused row moves off the first
        await pilot.pause()
        low["home"] = too_low(app)
        for section in available_sections():
            assert isinstance(app.screen, HomeScreen)
            await pilot.press(section.key)
            await pilot.pause()
            await pilot.press("down")  # a list's cursor row, or the next field
            await pilot.pause()
            low[section.id] = too_low(app)
            app.pop_screen()
            await pilot.pause()
        await pilot.press("f1")  # the hard-moment screen, from anywhere
        await pilot.pause()
        low["hard moment"] = too_low(app)
        await pilot.press("escape", "f2", "tab")  # the urge form over Home, a box focused
        await pilot.pause()
        assert type(app.screen).__name__ == "LogUrgeScreen"
        low["urge form"] = too_low(app)
    assert {where: found for where, found in low.items() if found} == {}
    assert len(low) == len(available_sections()) + 3


async def test_the_way_in_reads_in_every_colour_system(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The welcome for a first workbook, and the list of workbooks with its highlighted row."""
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert too_low(app) == [], "welcome"
    make_profile("Sam")
    make_profile("Jo")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfilesScreen"
        assert too_low(app) == [], "the list of workbooks"
