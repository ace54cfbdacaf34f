"""Export for my coach: a report of the sections the person chooses, or a full copy to keep.

Choose the kind of file, tick the sections, optionally a "since" date, and where to save it.
The screen says plainly that the file is not protected by a passphrase, writes it atomically
(through ``workbook.export``), and then says where it went, in full.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Input, RadioSet, Static
from textual.widgets.selection_list import Selection

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices, TickList
from workbook import dates
from workbook.errors import WorkbookError
from workbook.export import (
    FORMAT_NAMES,
    FORMATS,
    NOT_PROTECTED,
    FileExists,
    default_path,
    last_report,
    remember_in,
    write_export,
)
from workbook.report import RECOMMENDED, SECTION_IDS, SECTIONS, parse_last

FORMATS_SHOWN = ("html", "md", "json")
"""The report first: it is what most people come here for."""
REPORT_ONLY = "Sections and the date apply to a report; a full copy always holds everything."


class ResultLine(Static):
    """Where the file went, or why it was not written (in words, and styled as a problem)."""

    result: reactive[tuple[str, bool]] = reactive(("", False))

    def watch_result(self, result: tuple[str, bool]) -> None:
        words, problem = result
        self.update(words)
        self.set_class(problem, "problem")
        if words:
            self.call_after_refresh(self.scroll_visible)


class ExportScreen(WorkbookScreen):
    """Make a report for a coach, or a full copy of the workbook, and say where it went."""

    SECTION_TITLE = "Export for my coach"
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export", tooltip="Write the file now"),
    ]

    fmt: reactive[str] = reactive("html", init=False)
    """The format chosen."""
    full_copy: reactive[bool] = reactive(False, init=False)
    """A full copy (JSON) holds everything, so the report's sections and dates are off."""
    result: reactive[tuple[str, bool]] = reactive(("", False), init=False)
    """What the last export said, and whether it was a problem."""

    def __init__(self) -> None:
        super().__init__()
        self.written: Path | None = None
        self.suggested = ""
        """The default file name shown, so a change of format can update it if untouched."""

    def _default(self, fmt: str) -> str:
        self.suggested = str(default_path(fmt, self.today(), card=self.workbook_app.card))
        return self.suggested

    def body(self) -> ComposeResult:
        with VerticalScroll(id="export"):
            yield Static("What would you like to make?", classes="label")
            with Choices(id="format"):
                for fmt in FORMATS_SHOWN:
                    yield Choice(FORMAT_NAMES[fmt], fmt == self.fmt, id=f"format-{fmt}")
            yield Static(
                "Sections to include: a short set is ticked to begin with "
                "(Space ticks or unticks one)",
                classes="label",
            )
            off = {"disabled": ExportScreen.full_copy}
            yield TickList[str](
                *[Selection(SECTIONS[i][0], i, i in RECOMMENDED) for i in SECTION_IDS],
                id="sections",
            ).data_bind(**off)
            yield Static("Only entries from this date on (optional)", classes="label")
            yield TextBox(
                placeholder="YYYY-MM-DD, e.g. 2026-09-01; empty for everything", id="since"
            ).data_bind(**off)
            with Choices(id="period").data_bind(**off):
                for key, label in self._periods():
                    yield Choice(label, key == "all", id=f"period-{key}")
            yield Static(REPORT_ONLY, id="report-only", classes="hint")
            yield Static("Save the file as", classes="label")
            yield TextBox(self._default(self.fmt), id="path")
            yield Static(f"Please note: {NOT_PROTECTED}", id="warning", markup=False)
            yield Button("Export (ctrl+s)", id="go", variant="primary")
            yield ResultLine("", id="result", markup=False).data_bind(ExportScreen.result)

    def on_mount(self) -> None:
        self.query_one("#format", RadioSet).focus()

    def _periods(self) -> list[tuple[str, str]]:
        """The quick choices for the date: since the last report, four weeks, everything."""
        last = last_report(self.repo)
        choices = [("all", "Everything"), ("4w", "The last 4 weeks")]
        if last is not None:
            choices.insert(0, ("last", f"Since my last report ({last.isoformat()})"))
        return choices

    @on(RadioSet.Changed, "#period")
    def _period(self, event: RadioSet.Changed) -> None:
        key = (event.pressed.id or "").removeprefix("period-")
        start = {"last": last_report(self.repo), "4w": parse_last("4w", self.today())}.get(key)
        self.query_one("#since", Input).value = start.isoformat() if start else ""

    # Choosing ------------------------------------------------------------------------------

    @on(RadioSet.Changed, "#format")
    def _format(self, event: RadioSet.Changed) -> None:
        pressed = event.pressed.id or ""
        fmt = pressed.removeprefix("format-")
        if fmt not in FORMATS:
            return
        path = self.query_one("#path", Input)
        if path.value.strip() == self.suggested:
            path.value = self._default(fmt)
        self.fmt = fmt

    def watch_fmt(self, fmt: str) -> None:
        self.full_copy = fmt == "json"

    # Writing -------------------------------------------------------------------------------

    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        self.action_export()

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        self.action_export()

    def action_export(self, replace: bool = False) -> None:
        try:
            where = self._write(replace)
        except FileExists as exc:
            self._ask_to_replace(exc.path)
            return
        except WorkbookError as exc:
            self.result = (f"Not exported: {exc}", True)
            self.notify(str(exc), title="Not exported", severity="error", markup=False, timeout=10)
            return
        self.written = where
        if self.fmt != "json":
            self.try_save(lambda: remember_in(self.repo, self.today()))
        done = "Done. The earlier file was replaced" if replace else "Done. Your file is at"
        self.result = (f"{done}:\n{where}\nIt is not protected by a passphrase.", False)
        self.notify(f"Saved to {where}", title="Exported", markup=False)

    def _ask_to_replace(self, path: Path) -> None:
        """Nothing is overwritten without asking: a file already there is replaced only on yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_export(replace=True)
            else:
                self.result = (
                    "Nothing was written; the earlier file is kept. You could choose another name.",
                    False,
                )

        question = f"There is already a file at {path}. Replace it with this export?"
        self.app.push_screen(
            Confirm(question, yes="Replace it", no="Keep the earlier file"), answered
        )

    def _write(self, replace: bool) -> Path:
        sections = [i for i in SECTION_IDS if i in self.query_one("#sections", TickList).selected]
        since = dates.parse_day(
            self.query_one("#since", Input).value, self.today(), dates.Facing.BACK
        )
        text = self.query_one("#path", Input).value.strip()
        if not text:
            raise _Refused("Please write where to save the file, for example ~/report.html.")
        if self.fmt != "json" and not sections:
            raise _Refused("Please tick at least one section for the report.")
        chosen = None if self.fmt == "json" else sections
        return write_export(self.repo, self.fmt, chosen, since, Path(text), replace=replace)


class _Refused(WorkbookError):
    """Something on the form needs changing before the file can be written."""
