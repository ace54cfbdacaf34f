"""Make ``docs/home.svg``: Home on the one-year demo workbook, at 80x24, drawn by the app itself.

Run ``python docs/screenshot.py`` from the repository (with the project installed) after a change
to Home. It builds the demo in a temporary folder with the clock pinned to a fixed day, opens the
real app on it, and saves Textual's own SVG of the screen; nobody's real workbook is read.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

DAY = date(2026, 11, 27)
OUT = Path(__file__).resolve().parent / "home.svg"


async def shoot(folder: Path) -> str:
    """The SVG of Home on a fresh one-year demo in ``folder``."""
    from screens.app import WorkbookApp
    from screens.home import HomeScreen
    from workbook import clock
    from workbook.demo import DEMO_NAME, build_demo
    from workbook.storage import DataRoot

    root = DataRoot(folder)
    with clock.pinned(DAY):
        build_demo(root, years=1, seed=1, today=DAY)
        app = WorkbookApp(root, DEMO_NAME, clock=lambda: DAY)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(50):
                if isinstance(app.screen, HomeScreen):
                    break
                await pilot.pause()
            await pilot.pause()
            return app.export_screenshot(title="Side by Side: Home on the demo workbook")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        svg = asyncio.run(shoot(Path(folder) / "data"))
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
