"""The weekly review: this week's review, the one missed week offered once, and the history.

``ReviewScreen`` says where this week's review stands, offers last week once if it was missed,
lists past reviews (each opens read-only) and draws the week-by-week sparklines.
``ReviewFlowScreen`` (in ``screens.review_flow``) walks through the review a page at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widget import Widget
from textual.widgets import (
    Button,
    Label,
    OptionList,
    Static,
)
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.goals import short_date
from screens.text import clip
from workbook import reviews
from workbook.models import RATING_WORDS, Review, ReviewState
from workbook.weeks import Week

GOAL_TEXT_FIELDS = (
    ("helped", "What helped?", "for example: my sister walked with me on Tuesday"),
    ("got_in_way", "What got in the way?", "for example: rain, and a late shift"),
    ("next_step", "The next step:", "for example: walk before work on Monday"),
)
WEEK_TEXT_FIELDS = (
    ("wins", "Wins this week, big or small:", "for example: I cooked twice and slept better"),
    ("hard_moments", "Hard moments this week:", "for example: Sunday evening on my own"),
)


RECENT_WEEKS = 26
"""How many weeks of scores the review screen pictures (the coach report has every week)."""
RECENT_HISTORY = 52
"""How many weeks back the list shows at first: a year. Older reviews are one Enter away."""
SHOW_ALL = "show-all-reviews"


def week_label(review: Review) -> str:
    return Week(review.week_start).label()


def history_line(review: Review) -> Content:
    """A past review in the history list (built as the Content the list draws: a year of
    Rich text lines was converted one by one as the screen opened)."""
    parts: list[str | tuple[str, str]] = [week_label(review)]
    if review.state == ReviewState.DONE:
        parts.append(" · done")
    else:
        parts.append((" · not finished yet", "italic"))
    if review.difference is not None:
        parts.append((f" · real difference {review.difference}/10", "dim"))
    return Content.assemble(*parts)


def numbers(points: Sequence[tuple[Any, int]]) -> str:
    return " ".join(str(value) for _, value in points)


# The section screen -----------------------------------------------------------------------------


class _Drawn:
    """A sparkline on lines of its own (Textual's sparkline ends without a line break)."""

    def __init__(self, spark: SparklineRenderable[float]) -> None:
        self.spark = spark

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.spark
        yield Segment.line()


class WeekPictures(Static):
    """Lines of numbers, each with a small sparkline under it once there are enough weeks
    (:data:`PICTURE_FROM`), three columns a week, drawn as Textual's ``Sparkline`` draws.

    One widget for all of them: a line and a sparkline widget per goal (each sparkline with
    two colour parts of its own to style) were most of what the screen styled at ten years.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"sparkline--max-color", "sparkline--min-color"}
    DEFAULT_CSS = """
    WeekPictures > .sparkline--max-color { color: $primary; }
    WeekPictures > .sparkline--min-color { color: $primary 30%; }
    """
    HEIGHT = 2
    """Rows a sparkline takes."""

    def __init__(self, rows: list[tuple[str, Text, list[int]]], *, id: str) -> None:
        super().__init__(id=id)
        self.rows = rows

    def drawn(self) -> dict[str, list[float]]:
        """What each sparkline pictures, by the row's key ("difference" or a goal's id)."""
        return {
            key: [float(v) for v in values]
            for key, _, values in self.rows
            if len(values) >= PICTURE_FROM
        }

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines of words as they wrap, and each sparkline's rows (counted, not drawn:
        Textual would draw the whole picture to learn its height, several times on opening)."""
        console = self.app.console
        lines = 0
        for _, words, values in self.rows:
            lines += len(words.wrap(console, width))
            if len(values) >= PICTURE_FROM:
                lines += self.HEIGHT
        return lines

    def render(self) -> RenderableType:
        _, base = self.background_colors
        low = (base + self.get_component_styles("sparkline--min-color").color).rich_color
        high = (base + self.get_component_styles("sparkline--max-color").color).rich_color
        parts: list[RenderableType] = []
        for _, words, values in self.rows:
            parts.append(words)
            if len(values) >= PICTURE_FROM:
                spark = SparklineRenderable(
                    [float(v) for v in values],
                    width=min(self.size.width, 60, max(6, 3 * len(values))),
                    height=self.HEIGHT,
                    min_color=low,
                    max_color=high,
                    summary_function=max,
                )
                parts.append(_Drawn(spark))
        return Group(*parts)


PICTURE_FROM = 4
"""Weeks needed before a sparkline is drawn: with fewer, a picture scaled to so few points
misleads (2 and 3 of 4 drew the same height), so only the numbers are shown."""


class ReviewScreen(WorkbookScreen):
    """This week's review, the missed-week offer, the history and the sparklines."""

    SECTION_TITLE = "Weekly review"
    CSS_PATH = "review.tcss"
    AUTO_FOCUS = ""  # it focuses its first field itself: see WorkbookScreen.AUTO_FOCUS
    _since: date
    """The first day of the oldest week listed at first (a year back)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "begin", "This week's review", id="review_begin"),
    ]

    def body(self) -> ComposeResult:
        due = reviews.due(self.repo, self.today())
        missed = reviews.missed_week(self.repo, self.today())
        with VerticalScroll(id="review-home"):
            yield Static(due.week.label(), id="this-week-label", markup=False)
            yield Static(due.text(), id="due-text", markup=False)
            start = {
                "not started": "Start this week's review (b)",
                "in progress": "Carry on with this week's review (b)",
                "done": "Read this week's review (b)",
            }[due.state]
            yield Button(start, id="begin", variant="primary", compact=True)
            if missed is not None:
                with Vertical(id="offer"):
                    yield Static(
                        f"Would you like to look back at last week ({missed.days_text()})?",
                        markup=False,
                    )
                    with Horizontal(classes="buttons"):
                        yield Button("Look back at last week", id="look-back", compact=True)
                        yield Button("Not this time", id="not-now", compact=True)
            # The past year is read once, for the list and the pictures; older weeks only if
            # asked for (after ten years, reading them all was most of the screen's time).
            self._since = due.week.shift(-RECENT_HISTORY).start
            kept = reviews.history(self.repo, self._since)
            older = reviews.has_history_before(self.repo, self._since)
            yield Label("Past reviews (Enter opens one):", classes="heading")
            yield self.history_list(kept, older)
            yield from self.sparklines(kept)

    def history_list(self, kept: list[Review], older: bool) -> Widget:
        """The past year of reviews, newest first, and the way to the older ones if any."""
        options = [Option(history_line(r), id=r.id) for r in kept]
        if older:
            more = f"Show older reviews too (before {self._since.day} {self._since:%b %Y})"
            options.append(Option(Text(more, style="italic"), id=SHOW_ALL))
        if not options:
            options = [Option(Text("None yet. Your reviews will be kept here."), disabled=True)]
        return OptionList(*options, id="history", markup=False)

    def show_older(self) -> None:
        listed = self.query_one("#history", OptionList)
        at = listed.highlighted
        older = [r for r in reviews.history(self.repo) if r.week_start < self._since]
        listed.remove_option(SHOW_ALL)
        if older:
            listed.add_options([Option(history_line(r), id=r.id) for r in older])
        else:  # only weeks set aside: nothing to list
            listed.add_option(Option(Text("No older reviews.", style="italic"), disabled=True))
        listed.highlighted = at  # the first of the older ones, where "show" was

    def sparklines(self, kept: list[Review]) -> ComposeResult:
        """The recent picture: the last half year of scores, and the goals rated in it.

        Years of weeks would not fit a screen (or open quickly); the coach report has them all.
        """
        diff = reviews.difference_series(self.repo, kept)
        recent = diff[-RECENT_WEEKS:]
        span = f"last {len(recent)} weeks" if len(diff) > len(recent) else "oldest week first"
        yield Label(f"Is it making a real difference? (0-10, {span})", classes="heading")
        if recent:
            words = Text(f"Scores: {numbers(recent)}")
            yield WeekPictures([("difference", words, [v for _, v in recent])], id="difference")
        else:
            yield Static("No scores yet.", classes="muted")
        since = recent[0][0] if len(diff) > len(recent) else None
        pictured = [r for r in kept if since is None or r.week_start >= since]
        series = reviews.rating_series(self.repo, pictured)
        yield Label("How well each goal went, week by week (0-4):", classes="heading")
        if not series:
            yield Static("No ratings yet.", classes="muted")
            return
        rows: list[tuple[str, Text, list[int]]] = []
        for goal_id, (title, points) in series.items():
            latest = RATING_WORDS[points[-1][1]]
            line = Text(clip(title, 44))
            line.append(f"  {numbers(points)} (latest: {latest})", style="dim")
            rows.append((goal_id, line, [v for _, v in points]))
        yield WeekPictures(rows, id="goal-ratings")

    def focus_start(self) -> None:
        """Land on the start button (not the scrolling frame), so Enter begins the review."""
        self.query_one("#begin", Button).focus(scroll_visible=False)

    def on_mount(self) -> None:
        self.focus_start()

    async def on_screen_resume(self) -> None:
        """Back from a review: show it in the history (the first showing was just composed)."""
        if not self.returned():
            return
        await self.recompose()
        self.focus_start()

    async def action_begin(self) -> None:
        due = reviews.due(self.repo, self.today())
        if due.state == "done" and due.review is not None:
            self.app.push_screen(ReviewDetailScreen(due.review.id))
            return
        self.open_flow(due.week)

    def open_flow(self, week: Week) -> None:
        holder: list[Review] = []
        if self.try_save(lambda: holder.append(reviews.begin(self.repo, week))):
            from screens.review_flow import ReviewFlowScreen

            self.app.push_screen(ReviewFlowScreen(holder[0].id))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        missed = reviews.missed_week(self.repo, self.today())
        if event.button.id == "begin":
            await self.action_begin()
        elif event.button.id == "look-back" and missed is not None:
            self.open_flow(missed)
        elif (
            event.button.id == "not-now"
            and missed is not None
            and self.try_save(lambda: reviews.set_aside(self.repo, missed))
        ):
            self.notify("That's fine. This week is what matters.", markup=False)
            await self.recompose()
            self.focus_start()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == SHOW_ALL:
            self.show_older()
        elif event.option.id:
            self.app.push_screen(ReviewDetailScreen(event.option.id))


# One past review, read-only ---------------------------------------------------------------------


class ReviewDetailScreen(WorkbookScreen):
    """A kept review, shown read-only. An unfinished one can be carried on."""

    SECTION_TITLE = "Weekly review"
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "carry_on", "Carry on", id="review_carry_on", show=False),
    ]

    def __init__(self, review_id: str) -> None:
        super().__init__()
        self.review_id = review_id

    def body(self) -> ComposeResult:
        review = reviews.find_review(self.repo, self.review_id)
        with VerticalScroll(id="review-detail"):
            if review is None:
                yield Static("This review is no longer here.")
                return
            if review.state == ReviewState.IN_PROGRESS:
                yield Button("Carry on with this review (c)", id="carry-on", compact=True)
            yield Static(self.describe(review), id="review-text")

    @staticmethod
    def describe(review: Review) -> Text:
        text = Text()
        text.append(week_label(review), style="bold")
        if review.finished_on:
            text.append(f"\nDone on {short_date(review.finished_on)}")
        else:
            text.append("\nNot finished yet")
        if review.reviewed_with:
            text.append(f", reviewed {review.reviewed_with.value}")
        for entry in review.goals:
            text.append("\n\n")
            text.append(entry.goal_title or "(a goal)", style="bold")
            text.append(f"\n  How well: {reviews.rating_word(entry.rating)}")
            for name, label, _ in GOAL_TEXT_FIELDS:
                value = getattr(entry, name)
                if value:
                    text.append(f"\n  {label} ")
                    text.append(value)
            if entry.adjustments:
                text.append("\n  Changed during the review: ")
                text.append("; ".join(entry.adjustments))
        text.append("\n\nThe whole week", style="bold")
        for name, label, _ in WEEK_TEXT_FIELDS:
            value = getattr(review, name)
            text.append(f"\n  {label} ")
            text.append(value or "-")
        diff = "-" if review.difference is None else f"{review.difference}/10"
        text.append(f"\n  {reviews.DIFFERENCE_QUESTION} {diff}")
        text.append("\n  One focus for next week: ")
        text.append(review.focus or "-")
        return text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_carry_on()

    def action_carry_on(self) -> None:
        review = reviews.find_review(self.repo, self.review_id)
        if review is not None and review.state == ReviewState.IN_PROGRESS:
            from screens.review_flow import ReviewFlowScreen

            self.app.pop_screen()
            self.app.push_screen(ReviewFlowScreen(review.id))
