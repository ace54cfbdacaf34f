"""My people: who can help, how to reach them, and what I'd like them to do when I reach out.

Also gives the hard-moment screen its part: the person's people with how to reach them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.record_form import FieldSpec, RecordForm
from workbook import people
from workbook.models import Person, PersonRole

INTRO = (
    "The people who can help, and what you'd like each of them to do when you reach out. "
    "They show up when you press F1."
)
EMPTY = "No one here yet. Press a to add someone: a coach, a friend, your doctor..."
ASK_LABEL = "When I reach out"


def person_text(person: Person) -> Text:
    """A person's full details, plain (never read as markup)."""
    text = Text()
    text.append(person.name, style="bold")
    text.append(f" ({person.role.value})")
    if person.contact:
        text.append(f"\nHow to reach them: {person.contact}")
    if person.good_times:
        text.append(f"\nGood times: {person.good_times}")
    if person.ask:
        text.append(f"\n{ASK_LABEL}, I'd like them to: {person.ask}")
    return text


def person_fields(person: Person | None = None) -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", person.name if person else "", placeholder="e.g. Jo"),
        FieldSpec(
            "role",
            "Who they are",
            person.role.value if person else PersonRole.FRIEND.value,
            kind="select",
            choices=[r.value for r in PersonRole],
        ),
        FieldSpec(
            "contact",
            "How to reach them",
            person.contact if person else "",
            placeholder="e.g. 07700 900123, or text first",
        ),
        FieldSpec(
            "good_times",
            "Good times",
            person.good_times if person else "",
            placeholder="e.g. weekday evenings",
        ),
        FieldSpec(
            "ask",
            "What I'd like them to do when I reach out",
            person.ask if person else "",
            kind="area",
            placeholder="e.g. pick up, listen, and go for a walk with me",
        ),
    ]


class PersonDetail(Static):
    """Everything about the person highlighted in the list."""

    chosen: reactive[Person | None] = reactive(None)

    def watch_chosen(self, person: Person | None) -> None:
        self.update(person_text(person) if person else "")


class PeopleScreen(WorkbookScreen):
    """The person's support network: add, change or remove someone."""

    SECTION_TITLE = "My people"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add someone", id="add_person"),
        Binding("e", "edit", "Change", id="edit_person"),
        Binding("d", "remove", "Remove", id="remove_person"),
    ]
    _last: str | None = None
    chosen: reactive[Person | None] = reactive(None, init=False)
    """The person highlighted in the list (their detail is shown below it)."""
    DEFAULT_CSS = """
    PeopleScreen #people-intro { color: $text-muted; margin: 0 1; }
    PeopleScreen #people-list { height: 1fr; min-height: 4; margin: 0 1; }
    PeopleScreen #person-detail {
        height: auto; max-height: 8; border-top: solid $primary; margin: 0 1;
    }
    """

    def body(self) -> ComposeResult:
        yield Static(INTRO, id="people-intro", markup=False)
        yield OptionList(id="people-list", markup=False)
        with VerticalScroll(id="person-detail"):
            yield PersonDetail("", id="person-detail-text", markup=False).data_bind(
                PeopleScreen.chosen
            )

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#people-list", OptionList).focus()

    def refresh_list(self, keep: str | None = None) -> None:
        listing = self.query_one("#people-list", OptionList)
        everyone = people.people(self.repo)
        listing.clear_options()
        if not everyone:
            listing.add_option(Option(Text(EMPTY), id="", disabled=True))
            self._show(None)
            return
        listing.add_options(Option(Text(people.reach_line(p)), id=p.id) for p in everyone)
        ids = [p.id for p in everyone]
        listing.highlighted = ids.index(keep) if keep in ids else 0
        self._show(everyone[listing.highlighted or 0])

    def _show(self, person: Person | None) -> None:
        self.chosen = person

    def selected(self) -> Person | None:
        listing = self.query_one("#people-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return people.find(self.repo, option.id) if option.id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(people.find(self.repo, event.option.id) if event.option.id else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_edit()

    def action_add(self) -> None:
        def save(values: dict[str, str]) -> None:
            added = people.add_person(self.repo, **values)
            self._last = added.id

        self._last = None
        self.app.push_screen(
            RecordForm("Add someone", person_fields(), save), lambda ok: self._after(ok)
        )

    def action_edit(self) -> None:
        person = self.selected()
        if person is None:
            return
        self._last = person.id

        def save(values: dict[str, str]) -> None:
            people.update_person(self.repo, person.id, **values)

        self.app.push_screen(
            RecordForm(f"Change {person.name}", person_fields(person), save),
            lambda ok: self._after(ok),
        )

    def _after(self, saved: bool | None) -> None:
        if saved:
            self.refresh_list(keep=self._last)
            self.notify("Saved.")

    def action_remove(self) -> None:
        person = self.selected()
        if person is None:
            return

        def answer(yes: bool | None) -> None:
            if yes and self.try_save(lambda: people.remove_person(self.repo, person.id)):
                self.refresh_list()
                self.notify(f"{person.name} is no longer in your list.", markup=False)

        self.app.push_screen(
            Confirm(f"Take {person.name} out of your list of people?", yes="Take them out"), answer
        )


def hard_moment_part(screen: WorkbookScreen) -> list[Widget]:
    """The person's people, with how to reach them and what to ask of them."""
    everyone = people.people(screen.repo)
    if not everyone:
        return []
    text = Text()
    text.append("My people", style="bold")
    for person in everyone:
        text.append(f"\n{people.reach_line(person)}")
        if person.ask:
            text.append(f"\n  I'd like them to: {person.ask}")
    part = Static(text, classes="hard-moment-people", markup=False)
    part.styles.margin = (1, 0, 1, 0)
    return [part]
