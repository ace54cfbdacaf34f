"""What every snapshot test shares: a cursor that does not blink.

A focused box's cursor blinks every half second, so a picture taken on a busy machine (CI runs
the suite on every core) caught it on or off by chance: the same screen drew two ways. Here the
blink never turns it off, so the picture shows the cursor as a person sees it when they look.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
