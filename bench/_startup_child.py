"""One start-up, measured by the parent: ``python bench/_startup_child.py ours|bare DATA_DIR``.

Both apps run headless in the same harness and print "painted" as soon as their first screen
has been painted; the parent stops its clock on that line, so shutting down is not counted.
The difference is what Side by Side adds: imports, opening the workbook, composing Home.
Side by Side prints "painted" once Home is painted *with its dashboard cards* (they are filled
just after Home's first frame), so the figure is the whole Home a person reads, not a frame.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_kb() -> int:
    """The process's peak resident size so far, in KB (VmHWM; ru_maxrss where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


def painted(app: Any) -> None:
    """Tell the parent the screen is painted (it stops its clock on this line) and the peak
    memory so far (bench/memory.py reads it: the peak *to* the painted screen, not what the
    app does after it or while it shuts down), then go."""
    sys.stdout.write(f"painted {peak_kb()}\n")
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


def floor(data_dir: str, profile: str) -> None:
    """The bare app, after doing first what this design must do before Home can be drawn:
    import pydantic and use a model (its lazily imported parts come with the first one), and
    read the whole workbook file into Python objects. Not one module of ours is imported, no
    widget of ours built: it is the least any start-up that validates with pydantic and holds
    the workbook in memory before its first frame can take, measured in the same run."""
    import gc
    import json

    gc.disable()  # as the real command starts
    from pydantic import BaseModel

    class One(BaseModel):
        n: int

    One.model_validate({"n": 1})
    held = json.loads((Path(data_dir) / "profiles" / profile / "workbook.json").read_bytes())
    assert held, "the workbook file is read"
    bare()


def ours(data_dir: str, profile: str | None = None) -> None:
    """The real ``workbook`` command (its entry point, argument parsing, everything), headless."""
    import gc

    # The hooks below import the app before ``main`` would; pause the collector first, exactly
    # as ``main`` does, so they are imported the way the real command imports them.
    gc.disable()
    from functools import partialmethod

    from screens.app import WorkbookApp
    from screens.home import HomeScreen
    from workbook.start import main

    cards_drawn = HomeScreen._cards_drawn

    def drawn_then_tell(home: HomeScreen) -> None:
        # Called by Home after the frame that first shows its cards (the dashboard's first
        # frame): tell the parent, then let Home go on as it would.
        cards_drawn(home)
        painted(home.app)

    HomeScreen._cards_drawn = drawn_then_tell  # type: ignore[method-assign]
    WorkbookApp.run = partialmethod(WorkbookApp.run, headless=True, size=(80, 24))  # type: ignore[method-assign]
    main(["--data-dir", data_dir] + (["--profile", profile] if profile else []))


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "floor":
        floor(sys.argv[2], sys.argv[3])
    else:
        ours(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
