"""Small dialogs shared by My people and Resources: a form for one record, and "are you sure?".

The form saves through a function it is given; when that refuses the text (too long, empty
name, a failed save) it says why in plain words and keeps everything typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from screens.base import WorkbookDialog
from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from screens.widgets.writing_area import WritingArea
from workbook.errors import WorkbookError


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: ``kind`` is "input", "select" or "area"."""

    name: str
    label: str
    value: str = ""
    kind: str = "input"
    choices: Sequence[str] = ()
    placeholder: str = ""


FORM_CSS = """
RecordForm {
    align: center middle;
}
RecordForm > Vertical {
    width: 76;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: round $primary;
    background: $surface;
    padding: 0 1;
}
RecordForm .form-title {
    text-style: bold;
}
RecordForm .form-hint {
    color: $text-muted;
    margin-bottom: 1;
}
RecordForm VerticalScroll {
    height: auto;
    max-height: 16;
}
RecordForm .row {
    height: auto;
}
RecordForm .row Label {
    width: 20;
    color: $text-muted;
}
RecordForm .row Input, RecordForm .row Select {
    width: 1fr;
}
RecordForm .row TextArea {
    width: 1fr;
    height: 5;
}
RecordForm #form-error {
    color: $error;
    height: auto;
}
RecordForm .buttons {
    height: auto;
    align-horizontal: right;
}
RecordForm Button {
    margin-left: 1;
}
"""


class RecordForm(WorkbookDialog[bool]):
    """Add or edit one record. Dismisses True once saved, False when cancelled."""

    error: reactive[str] = reactive("")
    """Why the form was not saved, said under it."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self, title: str, fields: Sequence[FieldSpec], save: Callable[[dict[str, str]], Any]
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, classes="form-title", markup=False)
            yield Static(
                "Tab moves between fields. Enter or ctrl+s saves; Escape cancels.",
                classes="form-hint",
                markup=False,
            )
            with VerticalScroll(can_focus=False):
                for spec in self.fields:
                    with Horizontal(classes="row"):
                        yield Label(spec.label, markup=False)
                        yield self._widget(spec)
            yield FieldMessage(id="form-error", classes="").data_bind(message=RecordForm.error)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()
        self.call_after_refresh(self.offer_draft)

    def draft_key(self) -> str:
        return f"form:{self.form_title}"

    @staticmethod
    def _widget(spec: FieldSpec) -> Input | Select[str] | TextArea:
        field_id = f"field-{spec.name}"
        if spec.kind == "select":
            return Select(
                [(choice, choice) for choice in spec.choices],
                value=spec.value,
                allow_blank=False,
                id=field_id,
                compact=True,
            )
        if spec.kind == "area":
            return WritingArea(
                spec.value,
                id=field_id,
                soft_wrap=True,
                compact=True,
                placeholder=spec.placeholder or "your words (optional)",
            )
        return TextBox(spec.value, placeholder=spec.placeholder, id=field_id, compact=True)

    def values(self) -> dict[str, str]:
        """What is in the form now."""
        out: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                out[spec.name] = widget.text
            elif isinstance(widget, Select):
                out[spec.name] = str(widget.value)
            elif isinstance(widget, Input):
                out[spec.name] = widget.value
        return out

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            self._save(self.values())
        except WorkbookError as exc:
            self.error = f"Not saved yet: {exc}"
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.flush()  # words typed are kept as a draft and offered back next time
        self.dismiss(False)
