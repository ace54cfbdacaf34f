"""Every section is in sight on Home at 80x24 and reached by keyboard alone, the row in view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.geometry import Region
from textual.widgets import OptionList

from screens.home import HomeScreen
from screens.sections import available_sections
from tests.ui.helpers import make_app
from workbook.models import ProfileCard
from workbook.storage import DataRoot


async def test_every_section_is_walked_to_from_home_with_the_row_in_view(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=True, recovery_start=date(2026, 1, 5))
    app = make_app(root)
    sections = available_sections()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "days since" in " ".join(str(w.render()) for w in app.screen.query("#day-counter"))
        screen_area = Region(0, 0, 80, 23)  # above the footer
        for index, section in enumerate(sections):
            assert isinstance(app.screen, HomeScreen)
            listing = app.screen.query_one("#sections", OptionList)
            assert listing.has_focus and listing.highlighted == 0
            await pilot.press(*["down"] * index)
            assert listing.highlighted == index
            row = Region(listing.region.x, listing.region.y + index, listing.region.width, 1)
            assert screen_area.contains_region(row), section.id
            assert listing.scroll_offset.y == 0  # every row is shown, none scrolled away
            assert listing.region.height >= len(sections)
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen), section.id
            app.pop_screen()
            await pilot.pause()
            app.screen.query_one("#sections", OptionList).highlighted = 0
