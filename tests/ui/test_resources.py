"""Resources as a person sees them: the group's list marked as the group's, their own entries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from screens.resources import ResourcesScreen
from tests.ui.helpers import make_app, screen_text
from workbook.models import Country, ProfileCard, Resource, Settings
from workbook.resources import GROUP_FILE_NAME
from workbook.storage import DataRoot

GROUP = """\
group = "Thursday Circle"
updated = 2026-11-20

[[resource]]
name = "Thursday evening meeting"
category = "local support groups"
hours = "Thursdays 7 p.m."

[[resource]]
name = "[bold red]Needle exchange[/]"
category = "harm reduction"

[[resource]]
name = "Broken one"
category = "harm reduction"
phone = 12345
"""


def options(app: object) -> list[str]:
    listing = app.screen.query_one("#resource-list", OptionList)  # type: ignore[attr-defined]
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def setup(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> None:
    repo = root.open(make_profile("Sam"))
    repo.put(Settings(country=Country.UK))
    repo.close()


async def test_group_entries_appear_marked_as_the_groups(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    setup(root, make_profile)
    (root.path / GROUP_FILE_NAME).write_text(GROUP, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, ResourcesScreen)
        shown = options(app)
        assert shown[0].startswith("Thursday evening meeting  [group]")
        assert shown[1].startswith("[bold red]Needle exchange[/]  [group]")
        assert shown[2].startswith("Samaritans  [national]")
        assert not any("Broken one" in s for s in shown)
        text = screen_text(app)
        assert "1 entry in the group's list was left out (line 16: phone should be text" in text
        assert "Group list: Thursday Circle, updated 2026-11-20" in text
        await pilot.press("down", "down")
        assert "National, as published by Samaritans, read 1 December 2026" in screen_text(app)
        await pilot.press("up", "e")  # group entries are read-only
        await pilot.pause()
        assert isinstance(app.screen, ResourcesScreen)


async def test_a_file_given_with_resources_option_is_read(
    root: DataRoot, make_profile: Callable[..., ProfileCard], tmp_path: Path
) -> None:
    setup(root, make_profile)
    given = tmp_path / "elsewhere.toml"
    given.write_text(GROUP, encoding="utf-8")
    app = make_app(root)
    app.resources_file = given
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert options(app)[0].startswith("Thursday evening meeting  [group]")


async def test_add_my_own_then_search_and_filter(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    setup(root, make_profile)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "a")
        await pilot.press(*"Dr Okafor's clinic")
        await pilot.press("tab", "tab")
        await pilot.press(*"  0113 496 1111 ")
        await pilot.press("tab", "tab")
        await pilot.press(*"example.org")
        await pilot.press("enter")
        await pilot.pause()
        assert app.repo is not None
        (mine,) = app.repo.all(Resource)
        assert (mine.name, mine.phone, mine.website) == (
            "Dr Okafor's clinic",
            "0113 496 1111",
            "example.org",
        )
        assert options(app)[0].startswith("Dr Okafor's clinic  [mine]")
        assert "Website (copy it into a browser): example.org" in screen_text(app)
        await pilot.press("slash", *"samar")
        await pilot.pause()
        assert [o.split("  [")[0] for o in options(app)] == ["Samaritans"]
        await pilot.press(*"zzz")
        await pilot.pause()
        assert "Nothing matches" in options(app)[0]
        screen = app.screen
        assert isinstance(screen, ResourcesScreen)
        screen.query_one("#resource-search").value = ""  # type: ignore[attr-defined]
        from screens.widgets.dropdown import Dropdown

        screen.query_one("#resource-kind", Dropdown).value = "local support groups"
        await pilot.pause()
        assert [o.split("  [")[0] for o in options(app)] == ["Dr Okafor's clinic"]
        screen.query_one("#resource-list", OptionList).focus()
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.repo.all(Resource) == []


async def test_down_from_the_search_box_goes_to_the_list(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    setup(root, make_profile)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "slash", *"sam", "down")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#resource-list", OptionList)
        await pilot.press("a")  # a key of the screen again (add my own), not a letter in the search
        await pilot.pause()
        assert not isinstance(app.screen, ResourcesScreen)


async def test_the_notice_and_the_detail_follow_the_screens_state(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """State flows down (issue 15): the group files' notices and the highlighted resource are
    the screen's reactives; the notice line and the detail pane draw themselves from them."""
    from textual.widgets import Static

    setup(root, make_profile)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResourcesScreen)
        notice = screen.query_one("#group-notice", Static)
        detail = screen.query_one("#resource-detail-text", Static)
        assert not notice.display
        assert screen.chosen == screen.shown[0] and screen.shown[0].name in str(detail.render())
        screen.notices = ("The group's list could not be read: [b]line 3[/b].",)
        await pilot.pause()
        assert notice.display and "[b]line 3[/b]" in str(notice.render())
        await pilot.press("down")
        await pilot.pause()
        assert screen.chosen == screen.shown[1]
        assert screen.shown[1].name in str(detail.render())
        screen.chosen = None
        await pilot.pause()
        assert str(detail.render()) == ""


async def test_opening_focuses_the_list_without_passing_through_the_search_box(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change of focus works out styles again (issue 20): the list is where the screen
    puts the focus, so Textual's auto-focus goes there first, not to the search box."""
    from textual.widget import Widget

    make_profile()
    gained: list[str | None] = []
    real = Widget.watch_has_focus

    def noting(widget: Widget, focused: bool) -> None:
        if focused and isinstance(widget.screen, ResourcesScreen):
            gained.append(widget.id)
        real(widget, focused)

    monkeypatch.setattr(Widget, "watch_has_focus", noting)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(ResourcesScreen())
        await pilot.pause()
        assert gained == ["resource-list"]
        assert app.screen.focused is app.screen.query_one("#resource-list", OptionList)
