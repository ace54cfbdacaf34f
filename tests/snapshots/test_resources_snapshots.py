"""How the hard-moment screen looks with a filled plan and people, at 80x24."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ui.helpers import make_app
from workbook import hard_plan, people
from workbook.models import Country, ProfileCard, Settings
from workbook.storage import DataRoot

PLAN = {
    "warning_signs": "I stop answering texts. I skip meals.",
    "warning_plan": "Tell Jo the same day. Go to the Thursday meeting.",
    "triggers": "Payday. Friday nights alone.",
    "triggers_plan": "Gym straight from work on payday.",
    "worse_plan": "Call my doctor. Stay at Ana's for the weekend.",
    "worse_call": "Jo first, then Ana.",
}


def test_hard_moment_screen_with_a_filled_plan(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard], tmp_path: Path
) -> None:
    repo = root.open(make_profile("Sam"))
    repo.put(Settings(country=Country.UK))
    for field, text in PLAN.items():
        hard_plan.save_answer(repo, field, text)
    people.add_person(repo, "Jo", role="coach", contact="07700 900123", good_times="evenings",
                      ask="Listen first, then help me get to a meeting.")  # fmt: skip
    people.add_person(repo, "Ana", role="family", contact="0113 496 0000")
    repo.close()
    app = make_app(root)
    assert snap_compare(app, press=["f1"], terminal_size=(80, 24))
