"""The app can be built with no arguments, as ``textual run --dev screens.app:WorkbookApp`` does."""

from __future__ import annotations

from pathlib import Path

from screens.app import WorkbookApp


def test_app_builds_with_no_arguments_in_the_usual_data_folder(tmp_path: Path) -> None:
    app = WorkbookApp()
    # conftest points WORKBOOK_DATA_DIR at the test's folder; nothing is created by building.
    assert app.root.path == tmp_path / "default-data"
    assert not app.root.path.exists()
