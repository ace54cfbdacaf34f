"""The coach report: every section, chosen or not, `since`, and a safe self-contained HTML file."""

from __future__ import annotations

import html
import html.parser
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.blns import naughty_strings
from tests.report_seed import OLD, seed_full
from tests.unit.crypto_helpers import PASS, make_private
from workbook.cli import main
from workbook.export import write_export
from workbook.models import HardMomentsPlan, Person, ProfileCard
from workbook.report import SECTION_IDS, SECTIONS, build_report, render
from workbook.storage import DataRoot, Repository

TODAY = date(2026, 11, 27)
ORDER = [
    *("recent", "plan", "hard-moments", "people", "goals"),
    *("reviews", "checkins", "capital", "safer-plan", "setbacks", "urges", "skills"),
]
EMPTY_WORDS = {
    "recent": "No check-ins in this time",
    "setbacks": "No setbacks written about",
    "plan": "Not written yet",
    "goals": "No goals yet",
    "reviews": "No weekly reviews yet",
    "checkins": "No check-ins yet",
    "urges": "No urges noted yet",
    "skills": "No skills started yet",
    "people": "No one added yet",
    "hard-moments": "Not written yet",
    "safer-plan": "No limit or safer-use plan set yet",
    "capital": "No life check-in yet",
}


def md(repo: Repository, sections: list[str] | None = None, since: date | None = None) -> str:
    return render(build_report(repo, sections, since=since, today=TODAY), "md")


def headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def test_sections_in_reading_order() -> None:
    assert SECTION_IDS == ORDER


@pytest.mark.parametrize("section", ORDER)
def test_each_section_on_an_empty_workbook_says_not_yet(repo: Repository, section: str) -> None:
    text = md(repo, [section])
    assert headings(text) == [SECTIONS[section][0]]
    assert EMPTY_WORDS[section] in text


@pytest.mark.parametrize("section", ORDER)
def test_each_section_alone_shows_only_itself(repo: Repository, section: str) -> None:
    seed_full(repo, TODAY)
    text = md(repo, [section])
    assert headings(text) == [SECTIONS[section][0]]
    assert EMPTY_WORDS[section] not in text


def test_plan_section(repo: Repository) -> None:
    seed_full(repo, TODAY)
    text = md(repo, ["plan"])
    for words in (
        "Drink less steady (health)",
        "8 out of 10",
        "Not lower because: My kids steady",
        "Up one point if: A walk every day",
        "Sleep steady",
        "No beer at home (by 27 Nov 2026)",
        "Jo: Call weekly steady",
        "Mornings feel easier",
        "If payday, then I will go to the gym steady",
        "2 revisions kept",
    ):
        assert words in text, words


def test_reviews_section(repo: Repository) -> None:
    seed_full(repo, TODAY)
    text = md(repo, ["reviews"])
    assert "2 of 2 weekly reviews finished" in text
    assert "3 - mostly" in text and "1 - made a start" in text and "Jo steady" in text
    assert "real difference" in text
    assert "##############" in text and " 7\n" in text  # 7 of 10 as a text bar
    assert "Reviewed: with my coach" in text


def test_checkins_section_without_counters(repo: Repository) -> None:
    seed_full(repo, TODAY)
    text = md(repo, ["checkins"])
    assert "Mood, 1 (very low) to 5 (very good), by day, from 28 Sep 2026" in text
    assert "Craving, 0 (none) to 10 (strongest), by day, from 28 Sep 2026" in text
    assert "| tired | 2 |" in text and "| lonely | 2 |" in text
    assert "Days kept" not in text and "stretch" not in text


def test_checkins_section_with_counters(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    repo = root.open(make_profile("Ari", show_day_counter=True))
    try:
        seed_full(repo, TODAY)
        text = md(repo, ["checkins"])
    finally:
        repo.close()
    assert "Days kept since" in text and "Longest stretch" in text
    assert "Setback days along the way: 2" in text


def test_urges_and_skills_sections(repo: Repository) -> None:
    seed_full(repo, TODAY)
    urges = md(repo, ["urges"])
    assert "20 urges noted" in urges and "Strength at peak" in urges
    assert "| After work | 10 |" in urges and "| Payday | 4 |" in urges
    assert "Time of day" in urges
    skills = md(repo, ["skills"])
    assert "1 practising" in skills and "| practising |" in skills
    assert "New practice steady" in skills and "Old practice steady" in skills


def test_since_leaves_out_older_entries(repo: Repository) -> None:
    seed_full(repo, TODAY)
    since = TODAY - timedelta(days=OLD - 10)
    text = md(repo, None, since=since)
    assert f"with entries from {since.isoformat()} on" in text
    assert "1 of 1 weekly reviews finished since" in text
    assert "1 - made a start" not in text and "3 - mostly" in text
    assert "Old practice" not in text and "New practice" in text
    assert "2 revisions kept, 1 of them since" in text
    assert "by day" in text  # 30 days of check-ins chart day by day
    everything = md(repo, None)
    assert "Old practice" in everything and "1 - made a start" in everything


def test_since_after_everything_is_kind(repo: Repository) -> None:
    seed_full(repo, TODAY)
    text = md(repo, ["reviews", "checkins", "urges"], since=TODAY + timedelta(days=1))
    assert "No weekly reviews yet since" in text
    assert "No check-ins yet since" in text and "No urges noted yet since" in text


# --- HTML ------------------------------------------------------------------------------------


class _Strict(html.parser.HTMLParser):
    """Collects tags and text; fails on unbalanced tags."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.h2.append(data)


def parse(text: str) -> _Strict:
    parser = _Strict()
    parser.feed(text)
    parser.close()
    assert parser.stack == []
    return parser


@pytest.mark.parametrize(
    "chosen", [ORDER, ["plan"], ["reviews", "urges"], ["checkins", "skills", "hard-moments"]]
)
def test_html_has_the_chosen_sections_and_no_url(repo: Repository, chosen: list[str]) -> None:
    seed_full(repo, TODAY)
    text = render(build_report(repo, chosen, today=TODAY), "html")
    parsed = parse(text)
    assert parsed.h2 == [SECTIONS[s][0] for s in ORDER if s in chosen]
    for other in set(ORDER) - set(chosen):
        assert f"<h2>{SECTIONS[other][0]}</h2>" not in text
    assert "http" not in text and "//" not in text
    assert "<script" not in text and "<link" not in text and "<img" not in text
    assert "@media print" in text


ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li"),
    *("table", "thead", "tbody", "tr", "th", "td", "pre", "h4"),
    *("figure", "figcaption", "svg", "rect", "line", "details", "summary"),
}


def test_naughty_text_in_every_section_never_makes_a_tag(repo: Repository) -> None:
    strings = ["<script>x</script>", *[s for s in naughty_strings() if s.strip()][:60]]
    seed_full(repo, TODAY, words=" ".join(strings)[:150])
    text = render(build_report(repo, None, today=TODAY), "html")
    assert set(parse(text).tags) <= ALLOWED_TAGS
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_each_naughty_string_as_a_name_and_a_note(repo: Repository) -> None:
    for naughty in naughty_strings():
        try:
            person = Person(name=naughty, ask=naughty)
        except ValidationError:
            continue  # refused kindly on entry (empty, too long, or unsavable)
        for old in repo.all(Person):
            repo.remove(Person, old.id)
        repo.save(person)
        repo.put(HardMomentsPlan(well=naughty))
        text = render(build_report(repo, ["people", "hard-moments"], today=TODAY), "html")
        assert set(parse(text).tags) <= ALLOWED_TAGS, naughty
        assert html.escape(naughty.strip()) in text or html.escape(naughty) in text


# --- Export from the shell ---------------------------------------------------------------


def cli(root: DataRoot, *args: str) -> int:
    return main(["--data-dir", str(root.path), *args])


def test_cli_export_html_file(
    root: DataRoot, repo: Repository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_full(repo, TODAY)  # the workbook stays open for writing: export only reads
    out = tmp_path / "r.html"
    code = cli(root, "export", "--format", "html", "--sections", "plan,urges", "-o", str(out))
    assert code == 0 and str(out) in capsys.readouterr().out
    assert parse(out.read_text("utf-8")).h2 == ["My change plan", "Urges"]
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_cli_export_unknown_section(
    root: DataRoot, repo: Repository, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "export", "--format", "md", "--sections", "plan,diary") == 2
    assert "unknown section 'diary'" in capsys.readouterr().err


def test_encrypted_export_asks_and_warns(
    root: DataRoot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_private(root, "Kit")
    out = tmp_path / "kit.md"
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", "not the passphrase")
    assert cli(root, "export", "--format", "md", "-o", str(out)) != 0
    assert not out.exists()
    capsys.readouterr()
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    for fmt in ("md", "html", "json"):
        target = tmp_path / f"kit.{fmt}"
        assert cli(root, "export", "--format", fmt, "-o", str(target)) == 0
        err = capsys.readouterr().err
        assert "not protected by a passphrase" in err
        assert target.exists()
    assert "Kit's workbook" in out.read_text("utf-8")


def test_write_export_refuses_a_missing_folder(repo: Repository, tmp_path: Path) -> None:
    from workbook.errors import InvalidInput

    with pytest.raises(InvalidInput, match="There is no folder"):
        write_export(repo, "md", None, None, tmp_path / "nope" / "r.md")
    with pytest.raises(InvalidInput, match="is a folder"):
        write_export(repo, "md", None, None, tmp_path)
    with pytest.raises(InvalidInput, match="no home folder"):
        write_export(repo, "md", None, None, Path("~nobody-here-at-all/r.md"))
    with pytest.raises(InvalidInput, match="cannot have"):
        write_export(repo, "md", None, None, tmp_path / "a\x00b.md")


def test_naughty_file_names_are_written_or_refused_kindly(repo: Repository, tmp_path: Path) -> None:
    from workbook.errors import WorkbookError

    folder = tmp_path / "out"
    folder.mkdir()
    written = 0
    for naughty in naughty_strings():
        if "/" in naughty or naughty.strip(". ") == "" or naughty.startswith("~"):
            continue  # other folders: never write outside the test's own
        try:
            where = write_export(repo, "md", ["goals"], None, folder / naughty)
        except WorkbookError:
            continue
        assert where.parent == folder and where.read_text("utf-8").startswith("# Sam's workbook")
        written += 1
    assert written > 100


def test_life_check_in_section_and_since_we_last_met(repo: Repository) -> None:
    seed_full(repo, TODAY)
    text = md(repo, ["capital"])
    assert "It is not a test or a score" in text
    assert "Latest, on 24 Nov 2026" in text
    assert "| Home and safety | 4 good | up 2 | Lock fixed steady |" in text
    assert "| My mind | 3 so-so | the same | - |" in text
    assert "Moved most since 18 Oct: Home and safety (up 2)." in text
    assert "Earlier check-ins: 18 Oct 2026." in text
    recent = md(repo, ["recent"])
    assert "### Life check-in" in recent and "| Home and safety | 4 good | up 2 |" in recent
    assert "None in this time" not in recent
    older = render(build_report(repo, ["recent"], today=TODAY + timedelta(days=30)), "md")
    assert "None in this time; this is the most recent one." in older
