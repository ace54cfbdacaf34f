"""Fixtures shared by every test. No test ever touches the real data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workbook import clock
from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot, Repository

TODAY = date(2026, 11, 27)
"""The date the app's clock shows in UI tests (a Friday), so screens are deterministic."""


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    """Every test sees the same "now" (TODAY at 10:00 local) unless it pins another.

    The product reads only ``workbook.clock``, so the real date never reaches a test: the suite
    passes on any day (``faketime`` runs prove it in CI).
    """
    with clock.pinned(TODAY):
        yield


@pytest.fixture(autouse=True)
def _keep_real_data_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every default location at the test's own folder."""
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("WORKBOOK_PASSPHRASE", raising=False)


@pytest.fixture(autouse=True)
def _no_housekeeping(monkeypatch: pytest.MonkeyPatch) -> None:
    """No collection or import at a random quiet moment of a test (tests/ui/test_housekeeping
    turns it on): it would only make the suite slower and its timing less even."""
    from screens import housekeeping

    monkeypatch.setattr(housekeeping, "ENABLED", False)


@pytest.fixture
def root(tmp_path: Path) -> DataRoot:
    """An empty data folder under the test's tmp_path."""
    return DataRoot(tmp_path / "data")


@pytest.fixture
def make_profile(root: DataRoot) -> Callable[..., ProfileCard]:
    """Create a profile: ``make_profile("Sam", pathway="cut back")``."""

    def make(name: str = "Sam", **fields: Any) -> ProfileCard:
        return root.create(Profile(display_name=name, **fields))

    return make


@pytest.fixture
def repo(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> Iterator[Repository]:
    """Sam's workbook, open for writing."""
    opened = root.open(make_profile())
    yield opened
    opened.close()
