"""Every footer fits 80 columns: whole keys only, and "More keys" when some are left out.

The places are the leaving matrix's (every section in the registry, and the forms reached from
them), plus Home, the keys screen and F1.
"""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from screens.base import MORE_KEYS
from tests.ui.helpers import make_app
from tests.ui.test_leaving_matrix import PLACES, Go, keys, sam
from workbook.models import ProfileCard
from workbook.storage import DataRoot

__all__ = ["sam"]  # the fixture, shared with the leaving matrix

ALL_PLACES: dict[str, Go] = {
    **PLACES,
    "home": keys(),
    "keys-screen": keys("f3"),
    "hard-moment": keys("f1"),
    "picker": keys("f8"),
    "picker-passphrase-dialog": keys("f8", "p"),
}


@pytest.mark.parametrize("place", list(ALL_PLACES))
async def test_no_footer_is_cut_at_80_columns(root: DataRoot, sam: ProfileCard, place: str) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await ALL_PLACES[place](pilot)
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        palette = footer.query_one(".-command-palette")
        shown = [k for k in footer.query("FooterKey") if k is not palette and k.display]
        assert shown, place
        cut = [k.key for k in shown if k.region.right > palette.region.x]
        assert cut == [], place
        texts = {k.key: k.description for k in shown}
        assert "f1" in texts, place  # help for a hard moment is never the key left out
        # Textual's own list, before the footer was fitted: a key left out means "More keys".
        raw = Screen.active_bindings.fget(app.screen)  # type: ignore[attr-defined]
        every = {a.binding.key for a in raw.values() if a.binding.show}
        if isinstance(app.screen, ModalScreen):  # a dialog shows the app's priority keys too
            every |= {
                b.key
                for b in app.BINDINGS
                if isinstance(b, Binding)
                and b.show
                and b.priority
                and app.check_action(b.action, ())
            }
        if not every <= set(texts):
            assert texts.get("f3") == MORE_KEYS, place
        else:
            assert texts.get("f3") != MORE_KEYS, place


async def test_f3_shows_the_keys_from_inside_a_text_box(root: DataRoot, sam: ProfileCard) -> None:
    from screens.help import HelpScreen
    from screens.plan_walk import PlanWalk

    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys("p", "enter")(pilot)
        assert app.screen.query(PlanWalk)
        box = app.screen.focused
        assert box is not None and box.id == "new-text"
        await pilot.press(*"Why?", "f3")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#new-text").value == "Why?"  # type: ignore[attr-defined]


async def test_a_wider_window_shows_every_key_again(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys("g")(pilot)
        footer = app.screen.query_one(Footer)
        assert "More keys" in [k.description for k in footer.query("FooterKey")]
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        await pilot.pause()
        shown = [k.description for k in app.screen.query_one(Footer).query("FooterKey")]
        assert "More keys" not in shown and "Keys" in shown and "Quit" in shown
