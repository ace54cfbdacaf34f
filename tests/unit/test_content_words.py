"""The workbook's own words never shame (CONTENT_GUIDE.md): no "addict" or "failure" anywhere.

("clean" and "dirty" are fine for laundry in the skills catalogue, so they are checked where the
words are about use: the plan, check-in, urges and hard-moment files.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "content" / "en"
ABOUT_USE = ("plan.toml", "checkin.toml", "urges.toml", "hard_moment.toml", "hard_plan.toml")


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.toml")), ids=lambda p: p.name)
def test_no_shaming_words_in_content(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    banned = ["addict", "failure", "relapsed again"]
    if path.name in ABOUT_USE:
        banned += ["clean", "dirty"]
    for word in banned:
        assert not re.search(rf"\b{word}", text), f"{path.name} says {word!r}"


def test_letting_a_goal_go_is_not_called_a_failure() -> None:
    from screens.goal_dialogs import let_go_dialog

    dialog = let_go_dialog()
    assert "failure" not in repr(vars(dialog)).lower()
