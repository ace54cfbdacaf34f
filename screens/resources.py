"""Resources: national lines, the group's list and my own entries, together, each marked.

Search by any word; filter by kind of help. Only the person's own entries can be changed; the
group's list is read from a file a facilitator keeps, and national lines ship with the workbook.
Nothing is fetched: a website is shown as text to copy.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.record_form import FieldSpec, RecordForm
from screens.widgets.dropdown import Dropdown
from screens.widgets.textbox import TextBox
from workbook import resources
from workbook.models import Country, Resource, ResourceCategory, Settings
from workbook.resources import Entry, GroupList, Origin

ALL = "all"
MARKS = {
    Origin.MINE: "mine",
    Origin.GROUP: "group",
    Origin.NATIONAL: "national",
    Origin.ONLINE: "online",
}
EMPTY = "Nothing matches. Try fewer words, or another kind of help."


def entry_line(entry: Entry) -> Text:
    """One entry in the list: its name and where it comes from, then kind and phone."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(entry.name, style="bold")
    text.append(f"  [{MARKS[entry.origin]}]", style="italic")
    details = " · ".join(part for part in (entry.category, entry.phone or entry.hours) if part)
    text.append(f"\n  {details}", style="dim")
    return text


def entry_detail(entry: Entry) -> Text:
    """Everything about one entry, plain (never read as markup)."""
    text = Text()
    text.append(entry.name, style="bold")
    text.append(f"\n{entry.origin_label} · {entry.category}", style="italic")
    rows = (
        ("Phone", entry.phone),
        ("Where", entry.address),
        ("When", entry.hours),
        ("Website (copy it into a browser)", entry.website),
        ("Notes", entry.notes),
    )
    for label, value in rows:
        if value:
            text.append(f"\n{label}: ")
            text.append(value)
    return text


def resource_fields(resource: Resource | None = None) -> list[FieldSpec]:
    def value(name: str) -> str:
        return str(getattr(resource, name)) if resource else ""

    return [
        FieldSpec("name", "Name", value("name"), placeholder="e.g. Tuesday night meeting"),
        FieldSpec(
            "category",
            "Kind of help",
            value("category") or ResourceCategory.LOCAL_GROUPS.value,
            kind="select",
            choices=[c.value for c in ResourceCategory],
        ),
        FieldSpec("phone", "Phone", value("phone"), placeholder="any format"),
        FieldSpec("address", "Where", value("address"), placeholder="e.g. the library, Mill Road"),
        FieldSpec("website", "Website", value("website"), placeholder="kept as text"),
        FieldSpec("hours", "When", value("hours"), placeholder="e.g. Tuesdays 7 p.m."),
        FieldSpec(
            "notes",
            "Notes",
            value("notes"),
            kind="area",
            placeholder="e.g. ask for Jo at the door; free coffee",
        ),
    ]


class GroupNotice(Static):
    """What the group's own resource files say about themselves (a file that could not be
    read, one that is out of date), hidden when they say nothing."""

    notices: reactive[tuple[str, ...]] = reactive(())

    def watch_notices(self, notices: tuple[str, ...]) -> None:
        self.update("\n".join(notices))
        self.display = bool(notices)


class ResourceDetail(Static):
    """Everything about the resource highlighted in the list."""

    chosen: reactive[Entry | None] = reactive(None)

    def watch_chosen(self, entry: Entry | None) -> None:
        self.update(entry_detail(entry) if entry else "")


class ResourcesScreen(WorkbookScreen):
    """Where to turn: search and filter every resource; add your own."""

    SECTION_TITLE = "Resources"
    AUTO_FOCUS = "#resource-list"  # where on_mount puts it: not the search box first
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add my own", id="add_resource"),
        Binding("e", "edit", "Change", id="edit_resource"),
        Binding("d", "remove", "Remove", id="remove_resource"),
        Binding("slash", "search", "Search", id="search_resources"),
    ]
    DEFAULT_CSS = """
    ResourcesScreen #resource-filters { height: 1; margin: 0 1 1 1; }
    ResourcesScreen #resource-search { width: 1fr; }
    ResourcesScreen #resource-kind { width: 34; margin-left: 1; }
    ResourcesScreen #group-notice { color: $warning; margin: 0 1; height: auto; }
    ResourcesScreen #resource-list { height: 1fr; min-height: 4; margin: 0 1; }
    ResourcesScreen #resource-detail {
        height: auto; max-height: 8; border-top: solid $primary; margin: 0 1;
    }
    """

    notices: reactive[tuple[str, ...]] = reactive((), init=False)
    """What the group files say about themselves (shown above the list)."""
    chosen: reactive[Entry | None] = reactive(None, init=False)
    """The resource highlighted in the list (its detail is shown below it)."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[GroupList] = []
        self.shown: list[Entry] = []

    def body(self) -> ComposeResult:
        with Horizontal(id="resource-filters"):
            yield TextBox(placeholder="Search (press /)", id="resource-search", compact=True)
            yield Dropdown(
                [("Every kind of help", ALL), *[(c.value, c.value) for c in ResourceCategory]],
                ALL,
                id="resource-kind",
                compact=True,
            )
        yield GroupNotice("", id="group-notice", markup=False).data_bind(ResourcesScreen.notices)
        yield OptionList(id="resource-list", markup=False)
        with VerticalScroll(id="resource-detail"):
            yield ResourceDetail("", id="resource-detail-text", markup=False).data_bind(
                ResourcesScreen.chosen
            )

    def on_mount(self) -> None:
        extra = getattr(self.app, "resources_file", None)
        paths = resources.group_file_paths(self.workbook_app.root.path, extra)
        self.groups = [resources.read_group_file(path) for path in paths]
        self.notices = tuple(n for n in (g.notice() for g in self.groups) if n)
        self.refresh_list()
        self.query_one("#resource-list", OptionList).focus()

    def country(self) -> Country:
        settings = self.repo.get(Settings)
        return settings.country if settings else Country.OTHER

    def refresh_list(self, keep: str | None = None) -> None:
        everything = resources.directory(self.repo, self.country(), self.today(), self.groups)
        words = self.query_one("#resource-search", Input).value
        kind = self.query_one("#resource-kind", Dropdown).value
        self.shown = resources.search(everything, words, None if kind == ALL else str(kind))
        listing = self.query_one("#resource-list", OptionList)
        listing.clear_options()
        if not self.shown:
            listing.add_option(Option(Text(EMPTY), disabled=True))
            self._show(None)
            return
        listing.add_options(Option(entry_line(e)) for e in self.shown)
        ids = [e.own_id for e in self.shown]
        listing.highlighted = ids.index(keep) if keep in ids else 0
        self._show(self.shown[listing.highlighted or 0])

    def _show(self, entry: Entry | None) -> None:
        self.chosen = entry

    def selected(self) -> Entry | None:
        index = self.query_one("#resource-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.shown):
            self._show(self.shown[event.option_index])

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "resource-search":
            self.refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "resource-search":
            self.query_one("#resource-list", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """Down from the search box goes to the list, as Enter does (it did nothing)."""
        search = self.query_one("#resource-search", Input)
        if event.key == "down" and search.has_focus:
            event.stop()
            self.query_one("#resource-list", OptionList).focus()

    def on_dropdown_changed(self, event: Dropdown.Changed) -> None:
        if event.dropdown.id == "resource-kind":
            self.refresh_list()

    def action_search(self) -> None:
        self.query_one("#resource-search", Input).focus()

    def action_add(self) -> None:
        saved: list[str] = []

        def save(values: dict[str, str]) -> None:
            saved.append(resources.add_resource(self.repo, **values).id)

        def after(ok: bool | None) -> None:
            if ok:
                self.refresh_list(keep=saved[-1] if saved else None)
                self.notify("Saved to your own list.")

        self.app.push_screen(RecordForm("Add a resource of my own", resource_fields(), save), after)

    def _own(self) -> Resource | None:
        entry = self.selected()
        if entry is None:
            return None
        if entry.own_id is None:
            where = "the group's list" if entry.origin == Origin.GROUP else "the workbook"
            self.notify(
                f"This one comes from {where}, so it cannot be changed here. "
                "Press a to add your own entry.",
                markup=False,
            )
            return None
        return self.repo.find(Resource, entry.own_id)

    def action_edit(self) -> None:
        resource = self._own()
        if resource is None:
            return

        def save(values: dict[str, str]) -> None:
            resources.update_resource(self.repo, resource.id, **values)

        def after(ok: bool | None) -> None:
            if ok:
                self.refresh_list(keep=resource.id)
                self.notify("Saved.")

        self.app.push_screen(
            RecordForm(f"Change {resource.name}", resource_fields(resource), save), after
        )

    def action_remove(self) -> None:
        resource = self._own()
        if resource is None:
            return

        def answer(yes: bool | None) -> None:
            if yes and self.try_save(lambda: resources.remove_resource(self.repo, resource.id)):
                self.refresh_list()
                self.notify(f"Removed {resource.name}.", markup=False)

        self.app.push_screen(
            Confirm(f"Remove {resource.name} from your list?", yes="Remove"), answer
        )
