"""F1 at 80x24: a line to call is on screen without scrolling, then what to do in an overdose."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Static

from screens.hard_moment import HardMomentScreen
from tests.ui.helpers import make_app, screen_text, static_text
from workbook.models import Country, ProfileCard, Settings
from workbook.storage import DataRoot

TALK_NOW = {
    Country.US: "Talk to someone now: 988 Suicide & Crisis Lifeline, call or text 988.",
    Country.UK: "Talk to someone now: Samaritans, call 116 123.",
    Country.CA: "Talk to someone now: 9-8-8 Suicide Crisis Helpline, call or text 988.",
    Country.AU: "Talk to someone now: Lifeline, call 13 11 14.",
    Country.OTHER: (
        "Talk to someone now: 988 (the US, Canada), 116 123 (the UK), 13 11 14 (Australia)."
    ),
}


@pytest.mark.parametrize("country", list(TALK_NOW))
async def test_a_line_to_call_is_in_the_top_box_without_scrolling(
    root: DataRoot, make_profile: Callable[..., ProfileCard], country: Country
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(country=country))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HardMomentScreen)
        box = app.screen.query_one("#emergency", Static)
        words = " ".join(static_text(box).split())
        assert words.startswith("If you are in danger right now, call your emergency number")
        assert words.endswith(TALK_NOW[country])
        # Whole box on screen: below the header, above the footer, nothing scrolled.
        assert box.region.y >= 1
        assert box.region.bottom <= app.size.height - 1
        assert box.region.height == box.outer_size.height  # not clipped


@pytest.mark.parametrize("country", [Country.UK, Country.OTHER])
async def test_the_overdose_block_follows_the_emergency_number(
    root: DataRoot, make_profile: Callable[..., ProfileCard], country: Country
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(country=country))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        order = [
            text.index("If you are in danger right now"),
            text.index("If someone won't wake up"),
            text.index("Give naloxone if there is some"),
            text.index("on their side (the recovery position)"),
            text.index("Stay with them until help comes."),
            text.index("After a break, even a few days, your body handles less."),
            text.index("People you can call or text"),
        ]
        assert order == sorted(order)
        emergency = "Call 999 or 112 now." if country == Country.UK else "Call your emergency"
        assert emergency in text
        assert "Source: http" not in text


async def test_with_no_country_the_next_minutes_come_before_every_countrys_lines(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    repo.put(Settings(country=Country.OTHER))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert text.index("For the next ten minutes") < text.index("People you can call")
        assert text.count("set your country in Settings (o on Home)") == 1
        assert "Lifeline (Australia): Call 13 11 14" in text
        assert "(checked Dec 2026)" in text and "(not re-checked since Nov 2026)" in text
