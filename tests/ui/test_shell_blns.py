"""The Big List of Naughty Strings through the welcome's name and own-words fields."""

from __future__ import annotations

import unicodedata

from textual.widgets import Input, Static

from screens.home import HomeScreen
from screens.welcome import StartWorkbookScreen
from tests.blns import naughty_strings
from tests.ui.helpers import make_app, screen_text
from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot
from workbook.terminal import is_control


async def test_naughty_strings_through_the_welcome_fields(root: DataRoot) -> None:
    """Each string is stored exactly (trimmed, for a name) or refused kindly; never a crash."""
    app = make_app(root)
    started: list[tuple[str, ProfileCard]] = []
    refused: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, StartWorkbookScreen)
        app.open_card = lambda card: started.append((text, card))  # type: ignore[method-assign]
        for text in naughty_strings():
            form.query_one("#name", Input).value = text
            form.query_one("#words", Input).value = text
            before = len(started)
            form.action_start()
            if len(started) == before:
                problem = str(form.query_one("#problem", Static).render())
                assert problem.startswith(("The ", "There is already")), (text, problem)
                refused.append(text)
        assert app.is_running
    assert started, "no naughty string made a workbook"
    for text, card in started:
        repo = root.open(card, write=False)
        profile = repo.get(Profile)
        repo.close()
        assert profile is not None
        # A name keeps no invisible format character (but the joiner inside an emoji).
        plain = "".join(c for c in text if c == "\u200d" or unicodedata.category(c) != "Cf")
        assert profile.display_name == plain.strip() == card.display_name
        assert profile.working_on_words == text.strip()


async def test_naughty_names_are_shown_literally_on_home(root: DataRoot) -> None:
    """Names that look like markup (or are long, or right-to-left) show exactly on Home."""
    picked = [
        s.strip()
        for s in naughty_strings()
        if s.strip()
        and len(s.strip()) <= 60
        and ("[" in s or "@" in s or "\u202e" in s)
        # Names with control characters are refused at the door (test_terminal covers it), and
        # so are names with no letter or number (test_profile covers it).
        and not any(is_control(c) for c in s.strip())
        and any(unicodedata.category(c)[0] in "LN" for c in unicodedata.normalize("NFKC", s))
    ]
    assert picked
    for index, name in enumerate(picked[:25]):
        data = DataRoot(root.path / str(index))
        data.create(Profile(display_name=name))
        app = make_app(data)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # Textual drops some control characters itself (our line filter drops the rest).
            visible = "".join(c for c in name if unicodedata.category(c) != "Cc")
            text = screen_text(app)
            assert f"Hello, {name}." in text or f"Hello, {visible}." in text


def test_escape_codes_never_reach_the_terminal(root: DataRoot) -> None:
    from rich.segment import Segment
    from textual.color import Color

    from screens.theme import NoControlCharacters

    app = make_app(root)
    assert any(isinstance(f, NoControlCharacters) for f in app.get_line_filters())
    line = [Segment("Roses \x1b[2J are\x07 red\x9b"), Segment("ok", None)]
    cleaned = NoControlCharacters().apply(line, Color(0, 0, 0))
    assert "".join(s.text for s in cleaned) == "Roses [2J are redok"
