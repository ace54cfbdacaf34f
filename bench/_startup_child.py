"""One start-up, measured by the parent: ``python bench/_startup_child.py ours|bare DATA_DIR``.

Both apps run headless in the same harness and print "painted" as soon as their first screen
has been painted; the parent stops its clock on that line, so shutting down is not counted.
The difference is what Side by Side adds: imports, opening the workbook, composing Home.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def painted(app: Any) -> None:
    """Tell the parent the first screen is painted (it stops its clock on this line), then go."""
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    app.exit()


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            self.call_after_refresh(painted, self)

    Bare().run(headless=True, size=(80, 24))


def ours(data_dir: str, profile: str | None = None) -> None:
    from screens.app import WorkbookApp
    from workbook.storage import DataRoot

    class Measured(WorkbookApp):
        def show_first(self, screen: Any) -> None:
            super().show_first(screen)
            # Home was just pushed: tell the parent once it has been painted.
            self.call_after_refresh(painted, self)

    Measured(DataRoot(Path(data_dir)), profile).run(headless=True, size=(80, 24))


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        ours(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
