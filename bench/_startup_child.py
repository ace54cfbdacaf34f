"""One start-up, measured by the parent: ``python bench/_startup_child.py ours|bare DATA_DIR``.

Both apps run headless in the same harness and exit as soon as their first screen has been
painted, so the difference is what Side by Side adds: imports, opening the workbook, Home.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Bare().run(headless=True, size=(80, 24))


def ours(data_dir: str) -> None:
    from screens.app import WorkbookApp
    from workbook.storage import DataRoot

    app = WorkbookApp(DataRoot(Path(data_dir)))

    async def until_home(pilot: Any) -> None:
        while type(app.screen).__name__ != "HomeScreen":
            await asyncio.sleep(0)
        app.call_after_refresh(app.exit)

    app.run(headless=True, size=(80, 24), auto_pilot=until_home)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        ours(sys.argv[2])
