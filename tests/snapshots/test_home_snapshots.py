"""SVG snapshots of the real Home: every section and every card, on a year of demo entries.

The shell's snapshots cut Home down to one section so they change only when the shell does;
these show Home as a person sees it, so a change to any card or to the sections list shows up
here (on purpose: look at the picture, then update).
"""

from __future__ import annotations

from typing import Any

from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.demo import build_demo
from workbook.storage import DataRoot


def test_real_home_on_a_year_of_entries(snap_compare: Any, root: DataRoot) -> None:
    build_demo(root, years=1, seed=7, today=TODAY)
    assert snap_compare(make_app(root), terminal_size=(80, 24))


def test_real_home_on_a_year_of_entries_in_a_big_window(snap_compare: Any, root: DataRoot) -> None:
    build_demo(root, years=1, seed=7, today=TODAY)
    assert snap_compare(make_app(root), terminal_size=(160, 48))
