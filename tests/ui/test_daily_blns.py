"""The Big List of Naughty Strings through the check-in, setback and urge text fields.

Each string is stored and shown back exactly, or refused kindly; never a crash, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import DataTable, Input, Static, TextArea

from screens.checkin import CheckinScreen
from screens.setback import SetbackScreen
from screens.urges import SHOWN, LogUrgeScreen, UrgesScreen
from tests.blns import naughty_strings
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from tests.ui.test_daily_cards import CardsScreen, card_text
from workbook import checkins
from workbook.models import Checkin, ProfileCard, Setback, TriggerKind, Urge
from workbook.storage import DataRoot
from workbook.urges import trigger_text


def _savable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


async def test_checkin_note_and_win(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CheckinScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        for text in naughty_strings():
            screen.query_one("#win", Input).value = text[:200]
            screen.query_one("#note", Input).value = text
            form = screen.read_form()
            if form is None:
                assert not _savable(text)
                assert "cannot be saved" in str(screen.query_one("#form-error", Static).render())
                continue
            checkins.save_checkin(app.repo, form, TODAY)  # type: ignore[arg-type]
            await screen.load_day(TODAY)  # shown back, from what was stored
            stored = checkins.checkin_for(app.repo, TODAY)  # type: ignore[arg-type]
            assert stored is not None
            assert (stored.win, stored.note) == (text[:200], text)
            assert screen.query_one("#note", Input).value == text
        assert len(app.repo.all(Checkin)) == 1  # type: ignore[union-attr]


async def test_setback_reflection(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(SetbackScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetbackScreen)
        for text in naughty_strings():
            screen.query_one("#helped-before", TextArea).text = text
            screen.query_one("#next-step", Input).value = text[:200]
            setback = screen.read_form()
            if setback is None:
                assert not _savable(text)
                assert "cannot be saved" in str(screen.query_one("#form-error", Static).render())
                continue
            # A TextArea holds lines: characters Python counts as line breaks (\x1c, \u2028...)
            # become line breaks there. What is stored is exactly what the box shows.
            shown = screen.query_one("#helped-before", TextArea).text
            assert setback.helped_before == shown
            if len(text.splitlines()) == len(text.split("\n")):
                assert shown == text.replace("\r\n", "\n").replace("\r", "\n") or "\r" in text
            assert setback.next_step == text[:200]
        # One full round through the keys, with a string that looks like markup.
        screen.query_one("#going-on", TextArea).text = "[b]not bold[/b] \\[x]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Setback)  # type: ignore[union-attr]
        assert [s.going_on for s in stored] == ["[b]not bold[/b] \\[x]"]
        assert stored[0].next_step == setback.next_step if setback else True


async def test_urge_text_fields_and_where_they_show(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogUrgeScreen)
        await pilot.press("4")
        kept: list[Urge] = []
        for text in [*naughty_strings(), "[b]bold[/b]", "[link=https://x]y[/link] [red]"]:
            for field in ("#trigger", "#thoughts", "#did"):
                dialog.query_one(field, Input).value = text[:200] if field == "#trigger" else text
            urge = dialog.read_form()
            if urge is None:
                assert not _savable(text)
                assert "cannot be saved" in str(dialog.query_one("#form-error", Static).render())
                continue
            assert (urge.trigger, urge.thoughts, urge.did) == (text[:200], text, text)
            if len(kept) % 2:  # every other one with a kind: "money: <their words>"
                urge = urge.model_copy(update={"kind": TriggerKind.MONEY})
            kept.append(urge)
        await pilot.press("escape")
        repo = app.repo
        assert repo is not None
        every_shown: set[str] = set()
        # The log lists the newest SHOWN urges, so look at them a log-full at a time.
        for start in range(0, len(kept), SHOWN):
            chunk = kept[start : start + SHOWN]
            with repo.transaction():
                for old in repo.all(Urge):
                    repo.remove(Urge, old.id)
                repo.save_many(list(chunk))
            await app.push_screen(UrgesScreen())
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert table.row_count == len(chunk)
            shown = {str(table.get_row(u.id)[-1]) for u in chunk}
            # Rich drops control characters when drawing; everything else shows literally.
            assert shown == {Text(trigger_text(u).replace("\n", " ")).plain for u in chunk}
            assert any(text.startswith("money: ") for text in shown)
            every_shown |= shown
            app.pop_screen()
            await pilot.pause()
        repo.save_many(list(kept))
        markup_like = kept[-2:]  # "[b]bold[/b]" and the link, one of them with a kind
        assert {u.trigger for u in markup_like} == {"[b]bold[/b]", "[link=https://x]y[/link] [red]"}
        assert {trigger_text(u) for u in markup_like} <= every_shown
        await app.push_screen(CardsScreen())
        await pilot.pause()
        assert "Triggers:" in card_text(app, "urges")
