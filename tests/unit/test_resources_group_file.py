"""The group's list: good, partly bad and hostile files, and `workbook resources check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import main
from workbook.models import ResourceCategory
from workbook.resources import (
    GROUP_FILE_NAME,
    MAX_GROUP_ENTRIES,
    MAX_GROUP_FILE_BYTES,
    group_file_paths,
    parse_group_text,
    read_group_file,
)

GOOD = """\
# Kept by the facilitator of the Thursday Circle.
group = "Thursday Circle"
updated = 2026-11-20

[[resource]]
name = "Thursday evening meeting"
category = "local support groups"
hours = "Thursdays 7 to 8:30 p.m."
address = "St Mark's Hall, 12 Hill Street (side door)"
phone = "  0113 496 0000  "
notes = \"\"\"Newcomers welcome.
Tea from 6:45.\"\"\"

[[resource]]
name = "Needle and syringe programme"
category = "Harm Reduction"
address = "The pharmacy on Market Street"
website = "example.org/nsp"
"""

PARTLY_BAD = """\
group = "Thursday Circle"

[[resource]]
name = "Good one"
category = "detox"

[[resource]]
name = "Phone as a number"
category = "treatment"
phone = 1134960000

[[resource]]
category = "treatment"

[[resource]]
name = "Unknown kind"
category = "food bank"

[[resource]]
name = "Typo field"
category = "other"
adress = "12 Hill Street"

[[resource]]
name = "   "
category = "detox"
"""


def test_a_good_file_loads_every_entry(tmp_path: Path) -> None:
    path = tmp_path / GROUP_FILE_NAME
    path.write_text(GOOD, encoding="utf-8")
    result = read_group_file(path)
    assert result.readable and not result.problems and result.skipped == 0
    assert result.group == "Thursday Circle"
    assert str(result.updated) == "2026-11-20"
    assert [e.name for e in result.entries] == [
        "Thursday evening meeting",
        "Needle and syringe programme",
    ]
    meeting, nsp = result.entries
    assert meeting.phone == "0113 496 0000"
    assert meeting.notes == "Newcomers welcome.\nTea from 6:45."
    assert nsp.category is ResourceCategory.HARM_REDUCTION
    assert result.notice() is None


def test_a_partly_bad_file_keeps_the_good_entries_and_says_why_for_the_rest() -> None:
    result = parse_group_text(PARTLY_BAD)
    assert [e.name for e in result.entries] == ["Good one", "Typo field"]
    assert result.skipped == 4
    found = {(p.line, p.message.split(" ")[0]) for p in result.problems}
    messages = [str(p) for p in result.problems]
    assert any(m.startswith("line 10: phone should be text in quotes") for m in messages)
    assert any(m.startswith("line 12: this entry has no name") for m in messages)
    assert any(m.startswith("line 17: 'food bank' is not a kind of help") for m in messages)
    assert any(m.startswith("line 22: 'adress' is not a field we know") for m in messages)
    assert any(m.startswith("line 24: this entry has no name") for m in messages)
    assert len(found) == 5
    notice = result.notice()
    assert notice is not None and notice.startswith("4 entries in the group's list")


def test_a_syntax_error_skips_only_the_broken_entry() -> None:
    text = (
        '[[resource]]\nname = "Before"\ncategory = "detox"\n\n'
        '[[resource]]\nname = "Broken\ncategory = "detox"\n\n'
        '[[resource]]\nname = "After"\ncategory = "detox"\n'
    )
    result = parse_group_text(text)
    assert [e.name for e in result.entries] == ["Before", "After"]
    assert result.skipped == 1
    assert result.problems[0].line == 6
    assert "not valid TOML" in result.problems[0].message


def test_markup_and_control_characters_in_names_are_kept_as_text() -> None:
    text = (
        "[[resource]]\n"
        'name = "[bold red]Clinic[/] \\u001b[31m<script>"\n'
        'category = "treatment"\n'
        'notes = "line one\\nline two\\u0007"\n'
    )
    result = parse_group_text(text)
    (entry,) = result.entries
    assert entry.name == "[bold red]Clinic[/] [31m<script>"
    assert entry.notes == "line one\nline two"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("123", "name should be text"),
        ("[1, 2]", "name should be text"),
        ("{ a = 1 }", "name should be text"),
        ("true", "name should be text"),
        ('"' + "x" * 201 + '"', "longer than 200"),
    ],
)
def test_wrong_types_are_skipped_with_a_reason(value: str, why: str) -> None:
    text = f'[[resource]]\nname = {value}\ncategory = "detox"\n'
    result = parse_group_text(text)
    assert result.entries == []
    assert result.skipped == 1
    assert any(why in p.message and p.line == 2 for p in result.problems)


def test_wrong_shapes_at_the_top_never_crash() -> None:
    for text in (
        'resource = "nope"',
        "resource = [1, 2, 3]",
        'resource = [[1], ["a"]]',
        "group = 5\nupdated = 'yesterday'",
        '[resource]\nname = "Single table"\ncategory = "detox"',
        '[[resources]]\nname = "Plural"\ncategory = "detox"',
    ):
        result = parse_group_text(text)
        assert result.problems, text
    single = parse_group_text('[resource]\nname = "Single table"\ncategory = "detox"')
    assert [e.name for e in single.entries] == ["Single table"]
    plural = parse_group_text('[[resources]]\nname = "Plural"\ncategory = "detox"')
    assert "each entry starts with [[resource]]" in plural.problems[0].message


def test_deep_nesting_is_refused_not_crashed() -> None:
    deep = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    result = parse_group_text(deep + '[[resource]]\nname = "Still here"\ncategory = "detox"\n')
    assert [e.name for e in result.entries] == ["Still here"]
    assert result.problems
    nested_value = "[[resource]]\nname = " + "[" * 5000 + "]" * 5000 + '\ncategory = "detox"\n'
    result = parse_group_text(nested_value)
    assert result.entries == [] and result.problems


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text('notes = "' + "x" * MAX_GROUP_FILE_BYTES + '"\n', encoding="utf-8")
    result = read_group_file(path)
    assert not result.readable and result.entries == []
    assert "bigger than" in result.problems[0].message
    assert result.notice() is not None


def test_only_so_many_entries_are_read() -> None:
    one = '[[resource]]\nname = "Meeting {n}"\ncategory = "detox"\n'
    text = "".join(one.format(n=n) for n in range(MAX_GROUP_ENTRIES + 3))
    result = parse_group_text(text)
    assert len(result.entries) == MAX_GROUP_ENTRIES
    assert result.skipped == 3


def test_files_that_are_not_text_or_not_there(tmp_path: Path) -> None:
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00name")
    assert "UTF-8" in read_group_file(binary).problems[0].message
    assert "no file" in read_group_file(tmp_path / "missing.toml").problems[0].message
    assert "not a file" in read_group_file(tmp_path).problems[0].message


def test_where_group_files_are_looked_for(tmp_path: Path) -> None:
    assert group_file_paths(tmp_path) == []
    (tmp_path / GROUP_FILE_NAME).write_text("", encoding="utf-8")
    other = tmp_path / "other.toml"
    assert group_file_paths(tmp_path, other) == [tmp_path / GROUP_FILE_NAME, other]
    assert group_file_paths(tmp_path, tmp_path / GROUP_FILE_NAME) == [tmp_path / GROUP_FILE_NAME]


def test_check_command_is_quiet_and_zero_for_a_clean_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "resources", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 entries read" in out and "No problems found" in out


def test_check_command_lists_every_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(PARTLY_BAD, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "resources", "check", str(path)]) == 2
    out = capsys.readouterr().out
    for line in ("line 10:", "line 12:", "line 17:", "line 22:", "line 24:"):
        assert line in out


def test_check_command_defaults_to_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "resources", "check"]) == 2
    assert "no file there" in capsys.readouterr().out
    data.mkdir()
    (data / GROUP_FILE_NAME).write_text(GOOD, encoding="utf-8")
    assert main(["--data-dir", str(data), "resources", "check"]) == 0


def test_the_readme_example_is_a_clean_group_file() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    part = readme.split("#### The group's list (for facilitators)", 1)[1]
    example = part.split("```toml\n", 1)[1].split("```", 1)[0]
    result = parse_group_text(example)
    assert result.problems == []
    assert len(result.entries) == 2 and result.group == "Thursday Circle"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (control characters escaped)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def test_naughty_strings_as_names_and_notes_never_crash_the_reader() -> None:
    from tests.blns import naughty_strings

    strings = naughty_strings()
    text = "".join(
        f'[[resource]]\nname = {toml_string(s[:200])}\ncategory = "detox"\n'
        f"notes = {toml_string(s)}\n\n"
        for s in strings
    )
    result = parse_group_text(text)
    assert len(result.entries) + result.skipped == len(strings)
    assert len(result.entries) > 400
    for entry in result.entries:
        assert entry.name and entry.name == entry.name.strip()
        assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in entry.notes)
        assert "\x1b" not in entry.name
