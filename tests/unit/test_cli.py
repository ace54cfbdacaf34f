"""The command line: every command, its messages and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.models import Pathway, Profile, WorkingOn
from workbook.storage import DataRoot, list_backups


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(data), *args])
    except SystemExit as exc:  # argparse's own usage errors exit directly
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_create_list_and_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = run(
        capsys,
        data,
        "profiles",
        "create",
        "Sam",
        "--pathway",
        "cut-back",
        "--working-on",
        "alcohol,gambling",
        "--working-on",
        "other-drugs",
        "--start-date",
        "2026-10-01",
        "--show-days",
    )
    assert code == 0 and "Created a workbook for Sam" in out
    code, out, _ = run(capsys, data, "profiles", "list")
    assert code == 0 and out.startswith("Sam  [p-")
    root = DataRoot(data)
    repo = root.open(root.find("sam"), write=False)
    profile = repo.get(Profile)
    assert profile is not None
    assert profile.pathway == Pathway.CUT_BACK
    assert profile.working_on == [WorkingOn.ALCOHOL, WorkingOn.GAMBLING, WorkingOn.OTHER_DRUGS]
    assert str(profile.recovery_start) == "2026-10-01" and profile.show_day_counter


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["profiles", "create", ""], "at least one letter"),
        (["profiles", "create", "   "], "at least one letter"),
        (["profiles", "create", "A", "--start-date", "2026-13-01"], "there is no month 13"),
        (["profiles", "create", "A", "--start-date", "2026-02-29"], "that date doesn't exist"),
        (["profiles", "create", "A", "--start-date", "soon"], "'soon' is not a date I can read"),
        (["profiles", "create", "A", "--working-on", "coffee"], "is not one of"),
        (["profiles", "create", "A", "--pathway", "sideways"], "invalid choice"),
        (["profiles", "create", "x" * 61], "longer than 60 characters"),
        (["doctor", "--profile", "nobody"], "no workbook called"),
        (["nonsense"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    data = tmp_path / "data"
    main(["--data-dir", str(data), "profiles", "create", "Existing"])
    capsys.readouterr()
    code, _, err = run(capsys, data, *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_duplicate_name_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam")
    code, _, err = run(capsys, data, "profiles", "create", "sam")
    assert code == 2 and "already a workbook called" in err


def test_several_profiles_need_a_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam")
    run(capsys, data, "profiles", "create", "Alex")
    code, _, err = run(capsys, data, "doctor")
    assert code == 2 and "choose one with --profile" in err
    code, out, _ = run(capsys, data, "doctor", "--profile", "Alex")
    assert code == 0 and "All is well" in out


def test_doctor_backup_restore_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam")
    code, out, _ = run(capsys, data, "doctor")
    assert code == 0 and str(data) in out
    code, out, _ = run(capsys, data, "backup")
    assert code == 0 and "Backed up" in out
    root = DataRoot(data)
    files = root.files(root.find("Sam"))
    files.workbook.write_bytes(b"{oops")
    code, out, _ = run(capsys, data, "doctor")
    assert code == 5 and "could not be read" in out
    code, out, _ = run(capsys, data, "restore", "--list")
    assert code == 0 and "1. " in out and "opens fine" in out
    code, out, _ = run(capsys, data, "restore")
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, data, "doctor")
    assert code == 0, out
    assert any(b.kind == "pre-restore" for b in list_backups(files.backups))
    code, _, err = run(capsys, data, "restore", "9")
    assert code == 2 and "no backup number 9" in err


def test_opening_quarantines_and_exit_5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam")
    root = DataRoot(data)
    card = root.find("Sam")
    root.files(card).workbook.write_bytes(b"\x00\x01")
    from workbook.errors import DataUnreadable

    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert caught.value.exit_code == 5
    assert list(root.files(card).quarantine.iterdir())


def test_doctor_flags_loose_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam")
    root = DataRoot(data)
    root.files(root.find("Sam")).workbook.chmod(0o644)
    code, out, _ = run(capsys, data, "doctor")
    assert code == 4 and "can be reached by other users" in out


def test_no_profiles_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, tmp_path / "empty", "doctor")
    assert code == 2 and "no workbook" in err.lower()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert "workbook 0." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["doctor", "--help"])
    assert "Example" in capsys.readouterr().out


def test_card_holds_only_the_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "profiles", "create", "Sam", "--working-on", "gambling")
    root = DataRoot(data)
    card_file = root.files(root.find("Sam")).folder / "profile.json"
    assert set(json.loads(card_file.read_text())) == {
        "id",
        "display_name",
        "show_initials",
        "encrypted",
        "created",
    }


def help_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*args, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_the_top_help_lists_exit_codes_and_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = help_text(capsys)
    for code in ("0", "2", "3", "4", "5", "6"):
        assert f"\n  {code}  " in text
    for name in ("WORKBOOK_DATA_DIR", "WORKBOOK_PASSPHRASE", "WORKBOOK_ASCII", "NO_COLOR"):
        assert f"\n  {name}" in text
    assert "Examples:\n  workbook\n  workbook --profile Sam\n" in text
    assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(
    ("command", "examples"),
    [
        (["checkin"], ["workbook checkin (asks each question)", "workbook checkin --mood 3"]),
        (["restore"], ["workbook restore --list", "workbook restore 2"]),
        (["export"], ["workbook export --format html", "workbook export --format json"]),
    ],
)
def test_each_example_has_a_line_of_its_own(
    capsys: pytest.CaptureFixture[str], command: list[str], examples: list[str]
) -> None:
    lines = help_text(capsys, *command).splitlines()
    for example in examples:
        assert any(line.startswith(f"  {example}") for line in lines), example


def test_every_option_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    create = help_text(capsys, "profiles", "create")
    assert "--pathway {cut-back,not-sure,reduce-harm,stop}\n" in create
    assert "the way you want to go" in create
    assert "a report to share with a coach" in help_text(capsys, "export")


OPENING_THE_APP = [
    [],
    ["--profile", "Sam"],
    ["--data-dir", "/tmp/x", "--profile", "p-1", "--debug"],
    ["--data-dir=/tmp/x", "--resources", "~/group.toml"],
    ["--prof", "Sam", "--de"],  # abbreviations, as argparse allows them
    ["--profile", "checkin"],  # a name that is also a command's
    ["--profile", "Sam", "--profile", "Alex"],
    ["--data-dir", "--help"],  # a folder with an odd name
]
NOT_ONLY_OPENING = [
    ["checkin", "--mood", "3"],
    ["--profile", "Sam", "profiles", "list"],
    ["--help"],
    ["--version"],
    ["--d", "x"],  # ambiguous
    ["--profile"],  # no value
    ["--colour"],
    [""],
    ["--", "checkin"],
]


@pytest.mark.parametrize("argv", OPENING_THE_APP + NOT_ONLY_OPENING)
def test_the_quick_reading_is_the_full_parsers(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening the app reads its options without every command's parser; the answer (or the
    error, or the help) is the full parser's, word for word."""
    from workbook.cli import build_parser, parse_args

    def read(parse: object) -> tuple[object, str, str]:
        try:
            got: object = vars(parse(argv))  # type: ignore[operator]
        except SystemExit as exc:
            got = ("exit", exc.code)
        out, err = capsys.readouterr()
        return got, out, err

    assert read(parse_args) == read(build_parser().parse_args)


def test_opening_the_app_builds_no_commands_parser() -> None:
    """The commands' modules (and what they import) are left alone when no command is named."""
    import subprocess
    import sys

    child = (
        "import sys; from workbook.cli import parse_args; "
        "a = parse_args(['--profile', 'Sam']); b = parse_args(['profiles', 'list']); "
        "print(a.command, b.command); print(sorted(sys.modules))"
    )
    code = "import sys; from workbook.cli import parse_args; parse_args(['--profile', 'Sam']); "
    code += "print(' '.join(sorted(sys.modules)))"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "workbook.cli" in out
    assert [m for m in out if m.startswith("workbook.commands")] == []
    both = subprocess.run(
        [sys.executable, "-c", child], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert both.startswith("None profiles") and "workbook.commands.profiles" in both
