"""Export for my coach, as a person uses it: choose, write, and be told where the file went."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Static

from screens.dialogs import Confirm
from screens.export import ExportScreen
from screens.widgets.ticks import TickList
from tests.conftest import TODAY
from tests.report_seed import seed_full
from tests.ui.helpers import make_app, screen_text
from workbook.export import default_path, last_report
from workbook.models import ProfileCard
from workbook.storage import DataRoot
from workbook.storage.transfer import read_export


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, where the default file goes."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def seeded(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> ProfileCard:
    card = make_profile("Sam")
    repo = root.open(card)
    try:
        seed_full(repo, TODAY)
    finally:
        repo.close()
    return card


def result(app: object) -> str:
    return str(app.screen.query_one("#result", Static).render())  # type: ignore[attr-defined]


async def test_default_html_report_goes_home_and_says_where(
    root: DataRoot, seeded: ProfileCard, home: Path
) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        assert "not protected by a passphrase" in screen_text(app)
        ticked = app.screen.query_one("#sections", TickList).selected
        assert ticked == ["recent", "plan", "goals", "reviews", "checkins"]  # a short set
        await pilot.press("ctrl+s")
        await pilot.pause()
        target = home / f"side-by-side-report-S-{seeded.id[-4:]}-{TODAY.isoformat()}.html"
        assert target.exists()
        assert str(target) in result(app)
        text = target.read_text("utf-8")
        assert "<h2>My change plan</h2>" in text and "<h2>My plan for hard moments</h2>" not in text
        assert "Drink less steady" in text and "http" not in text


async def test_markdown_with_chosen_sections_and_since(
    root: DataRoot, seeded: ProfileCard, home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "for-jo.md"
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.press("down", "space")  # the format list: Markdown
        assert app.screen.query_one("#path", Input).value.endswith(".md")
        await pilot.press("tab", "down", "down", "down", "down", "space")  # untick Goals
        await pilot.press("end", "space")  # and tick the skills (not in the short set)
        await pilot.press("tab", *"2026-11-01")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert target.exists(), result(app)
        assert str(target) in result(app)
    text = target.read_text("utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert "Goals" not in headings and headings[:2] == ["Since we last met", "My change plan"]
    assert "from 2026-11-01 on" in text
    assert "New practice steady" in text and "Old practice" not in text


async def test_json_full_copy(root: DataRoot, seeded: ProfileCard, home: Path) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "down", "down", "space")
        assert app.screen.query_one("#sections", TickList).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
    target = home / f"side-by-side-workbook-S-{seeded.id[-4:]}-{TODAY.isoformat()}.json"
    data = read_export(target.read_bytes())
    assert any(g["title"] == "Walk daily steady" for g in data["goals"].values())
    assert json.loads(target.read_text("utf-8"))["format"] == "side-by-side-export"


async def test_failures_are_told_kindly_and_nothing_written(
    root: DataRoot, seeded: ProfileCard, home: Path, tmp_path: Path
) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(tmp_path / "no-folder" / "r.html")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not exported: There is no folder" in result(app)
        app.screen.query_one("#since", Input).value = "last week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "YYYY-MM-DD" in result(app)
        app.screen.query_one("#since", Input).value = ""
        app.screen.query_one("#sections", TickList).deselect_all()
        app.screen.query_one("#path", Input).value = str(tmp_path / "r.html")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tick at least one section" in result(app)
    assert not (tmp_path / "r.html").exists()
    assert not (tmp_path / "no-folder").exists()
    assert list(home.iterdir()) == []


async def test_writing_again_asks_before_replacing(
    root: DataRoot, seeded: ProfileCard, home: Path
) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert result(app).startswith("Done. Your file is at:")
        (written,) = list(home.iterdir())
        written.write_text("the earlier file")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert "the earlier file is kept" in result(app)
        assert written.read_text() == "the earlier file"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert result(app).startswith("Done. The earlier file was replaced:")
    assert list(home.iterdir()) == [written] and "<html" in written.read_text()


async def test_two_people_sharing_a_home_folder_get_their_own_file_names(
    root: DataRoot, seeded: ProfileCard, home: Path, make_profile: Callable[..., ProfileCard]
) -> None:
    other = make_profile("Sam Other")
    today = TODAY.isoformat()
    first = default_path("html", TODAY, home, seeded)
    second = default_path("html", TODAY, home, other)
    assert first.name == f"side-by-side-report-S-{seeded.id[-4:]}-{today}.html"
    assert second.name == f"side-by-side-report-SO-{other.id[-4:]}-{today}.html"
    first.write_text("kept")
    assert default_path("html", TODAY, home, seeded).name.endswith(f"{today}-2.html")


async def test_a_report_remembers_its_day_and_offers_since_then(
    root: DataRoot, seeded: ProfileCard, home: Path
) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert "Since my last report" not in screen_text(app)
        app.screen.query_one("#period-4w", RadioButton).value = True
        await pilot.pause()
        assert app.screen.query_one("#since", Input).value == "2026-10-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert result(app).startswith("Done.")
    repo = root.open(seeded, write=False)
    try:
        assert last_report(repo) == TODAY  # stored, not only shown
    finally:
        repo.close()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        app.screen.query_one("#period-last", RadioButton).value = True
        await pilot.pause()
        assert app.screen.query_one("#since", Input).value == TODAY.isoformat()


async def test_the_form_draws_itself_from_its_state(
    root: DataRoot, seeded: ProfileCard, home: Path
) -> None:
    """State flows down (issue 15): the format and the last result are the screen's reactives;
    the report's parts turn off and on with the format, and the result line follows."""
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        parts = [screen.query_one(f"#{name}") for name in ("sections", "since", "period")]
        assert not any(part.disabled for part in parts)
        screen.fmt = "json"
        await pilot.pause()
        assert all(part.disabled for part in parts)
        screen.fmt = "md"
        await pilot.pause()
        assert not any(part.disabled for part in parts)
        line = screen.query_one("#result", Static)
        screen.result = ("Not exported: [b]the disk is full[/b]", True)
        await pilot.pause()
        assert line.has_class("problem") and "[b]the disk is full[/b]" in str(line.render())
        screen.result = ("Done.", False)
        await pilot.pause()
        assert not line.has_class("problem") and str(line.render()) == "Done."
    assert not list(home.glob("*")), "drawing the state wrote nothing"
