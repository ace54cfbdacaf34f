"""Every footer fits 80 columns: whole keys only, and "More keys" when some are left out.

The places are the leaving matrix's (every section in the registry, and the forms reached from
them), plus Home, the keys screen and F1.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen

from screens.base import MORE_KEYS, WorkbookScreen
from screens.widgets.footer import Drawn, WorkbookFooter
from tests.ui.helpers import make_app
from tests.ui.test_leaving_matrix import PLACES, Go, keys, sam
from workbook.models import ProfileCard
from workbook.storage import DataRoot

__all__ = ["sam"]  # the fixture, shared with the leaving matrix


def drawn_keys(app: object) -> tuple[list[Drawn], Drawn]:
    """The keys the top screen's footer draws (where), and the palette's key at its right."""
    footer = app.screen.query_one(WorkbookFooter)  # type: ignore[attr-defined]
    *keys, palette = footer.drawn()
    assert palette.palette
    return keys, palette


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
        shown, palette = drawn_keys(app)
        assert shown, place
        cut = [k.key.key for k in shown if k.right > palette.x]
        assert cut == [], place
        texts = {k.key.key: k.key.description for k in shown}
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
        assert "More keys" in [k.key.description for k in drawn_keys(app)[0]]
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        await pilot.pause()
        shown = [k.key.description for k in drawn_keys(app)[0]]
        assert "More keys" not in shown and "Keys" in shown and "Quit" in shown


class Lamp(WorkbookScreen):
    """A screen with a key that works, one that does not yet (dimmed), and one shown later."""

    SECTION_TITLE = "Lamp"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "light", "Light", tooltip="Turn the lamp on"),
        Binding("o", "off", "Off"),
        Binding("s", "spare", "Spare"),
    ]
    lit = 0
    spare_shown = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "off":
            return None if not self.lit else True  # shown, dimmed, until the lamp is on
        if action == "spare":
            return self.spare_shown
        return super().check_action(action, parameters)

    def action_light(self) -> None:
        self.lit += 1


async def open_lamp(pilot: Pilot[int]) -> tuple[Lamp, WorkbookFooter]:
    """Home, then the lamp's screen over it: the screen and its footer."""
    await pilot.pause()
    lamp = Lamp()
    await pilot.app.push_screen(lamp)
    await pilot.pause()
    return lamp, lamp.query_one(WorkbookFooter)


async def test_a_key_in_the_footer_is_clicked_lit_and_explained(
    root: DataRoot, sam: ProfileCard
) -> None:
    """One widget draws every key; the mouse still finds each: a click runs it (a dimmed one
    rings instead), the key under the mouse is lit and its tooltip is the footer's."""
    app = make_app(root)
    rang: list[bool] = []
    async with app.run_test(size=(80, 24)) as pilot:
        lamp, footer = await open_lamp(pilot)
        keys = {d.key.key: d for d in footer.drawn()}
        light, off = keys["l"], keys["o"]
        assert "s" not in keys
        assert light.key.enabled and not off.key.enabled
        line = footer.render_line(0)
        assert line.text[light.x : light.right] == " l Light "
        dimmed = [seg.style for seg in line.crop(off.x, off.right) if seg.text.strip()]
        assert dimmed and all(style is not None and style.dim for style in dimmed)

        await pilot.click(WorkbookFooter, offset=(light.x + 1, 0))
        await pilot.pause()
        assert lamp.lit == 1
        app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
        await pilot.click(WorkbookFooter, offset=(off.x + 1, 0))
        await pilot.pause()
        assert rang == [True] and lamp.lit == 1
        await pilot.click(WorkbookFooter, offset=(keys["ctrl+p"].x + 3, 0))  # the palette's
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()

        before = footer.render_line(0).crop(light.x, light.right)
        await pilot.hover(WorkbookFooter, offset=(light.x + 2, 0))
        await pilot.pause()
        assert footer.tooltip == "Turn the lamp on"
        lit_up = footer.render_line(0).crop(light.x, light.right)
        assert lit_up.text == before.text and list(lit_up) != list(before)
        await pilot.hover(WorkbookFooter, offset=(keys["ctrl+p"].x - 2, 0))  # between keys
        await pilot.pause()
        assert footer.tooltip is None
        assert list(footer.render_line(0).crop(light.x, light.right)) == list(before)


async def test_the_footer_follows_the_keys_that_work(root: DataRoot, sam: ProfileCard) -> None:
    """A key that starts to work is no longer dimmed; a key shown later appears (120 columns:
    at 80 it would be one of those left for "More keys")."""
    app = make_app(root)
    async with app.run_test(size=(120, 24)) as pilot:
        lamp, footer = await open_lamp(pilot)
        await pilot.press("l")
        lamp.spare_shown = True
        lamp.refresh_bindings()
        await pilot.pause()
        keys = {d.key.key: d.key for d in footer.drawn()}
        assert keys["o"].enabled and keys["s"].description == "Spare"
        assert " s Spare " in footer.render_line(0).text
