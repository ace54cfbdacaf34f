"""SVG snapshots of the shell at 80x24: the welcome, Home and the hard-moment screen.

Other features' sections and hard-moment parts are left out here, so these pictures change only
when the shell does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from screens import hard_moment, home
from screens.sections import section
from tests.ui.helpers import make_app
from workbook.models import Country, Profile, ProfileCard, Settings
from workbook.storage import DataRoot


@pytest.fixture(autouse=True)
def _shell_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(home, "available_sections", lambda: [section("settings")])
    monkeypatch.setattr(hard_moment, "PLAN_PARTS", ())
    monkeypatch.setattr(hard_moment, "AFTER_LINES_PARTS", ())


@pytest.fixture
def sam(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> ProfileCard:
    from datetime import date

    card = make_profile("Sam", show_day_counter=True, recovery_start=date(2026, 11, 1))
    repo = root.open(card)
    repo.put(Settings(country=Country.UK))
    repo.close()
    return card


def test_welcome_snapshot(snap_compare: Any, root: DataRoot) -> None:
    assert snap_compare(make_app(root), terminal_size=(80, 24))


def test_home_snapshot(snap_compare: Any, root: DataRoot, sam: ProfileCard) -> None:
    assert snap_compare(make_app(root), terminal_size=(80, 24))


def test_hard_moment_snapshot(snap_compare: Any, root: DataRoot, sam: ProfileCard) -> None:
    assert snap_compare(make_app(root), press=["f1"], terminal_size=(80, 24))


def test_profile_fixture_is_sams(root: DataRoot, sam: ProfileCard) -> None:
    repo = root.open(sam, write=False)
    profile = repo.get(Profile)
    repo.close()
    assert profile is not None and profile.display_name == "Sam"
