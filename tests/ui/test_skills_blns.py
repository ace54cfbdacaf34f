"""The Big List of Naughty Strings through own skills and practice notes, on screen.

Every string is stored exactly (a name trimmed at its ends) or refused kindly, never crashes a
screen, and is shown back literally: never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, OptionList, Static

from screens.skill_page import SkillScreen, StepRow
from screens.skills import SkillsScreen
from screens.text import literal
from tests.blns import naughty_strings
from tests.ui.helpers import make_app
from tests.ui.test_skills import plain
from workbook import skills
from workbook.errors import InvalidInput
from workbook.models import OwnSkill, ProfileCard, SkillProgress
from workbook.storage import DataRoot

ALARM = "wake-up-with-an-alarm"


def visible(text: str) -> str:
    """What a terminal shows of ``text`` (controls as symbols), whitespace collapsed."""
    return " ".join(literal(text).plain.split())


async def test_naughty_practice_notes_typed_in_are_stored_and_shown_exactly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    strings = naughty_strings()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = SkillScreen(ALARM)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        box = screen.query_one("#note-input", Input)
        expected: list[str] = []
        for text in strings[::7]:  # a seventh of the list, typed through the real form
            box.value = text
            box.focus()
            await pilot.press("enter")
            await pilot.pause()
            if text.strip():
                expected.append(text)
                assert box.value == ""
                shown = plain(screen.query(".entry").first(Static), width=20_000)
                assert visible(text)[:30] in " ".join(shown.split())
            else:
                assert box.value == text  # refused: what they typed stays
    saved = root.open(card, write=False).find(SkillProgress, ALARM)
    assert saved is not None
    assert [e.note for e in saved.practice] == expected


async def test_naughty_own_skills_show_literally_in_the_list_and_guide(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    made: list[OwnSkill] = []
    with repo.transaction():
        for text in naughty_strings():
            try:
                made.append(skills.add_own_skill(repo, text, [text], why=text))
            except InvalidInput:
                assert not text.strip()
    repo.close()
    assert len(made) > 400
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SkillsScreen)
        listing = pilot.app.screen.query_one("#skills-list", OptionList)
        prompts = {
            listing.get_option_at_index(i).id: str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
        }
        for own in made:
            assert visible(own.title)[:47] in " ".join(prompts[own.id].split())
        for own in made[::50]:
            screen = SkillScreen(own.id)
            await pilot.app.push_screen(screen)
            await pilot.pause()
            title = plain(screen.query_one("#skill-title", Static), width=20_000)
            assert visible(own.title) == " ".join(title.split())
            (row,) = screen.query(StepRow)
            assert row.text == own.steps[0].text
            await pilot.app.pop_screen()
