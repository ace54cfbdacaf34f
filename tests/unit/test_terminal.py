"""One door to the terminal: nothing a person stored can act on the terminal through the CLI."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.report_seed import seed_full
from tests.unit.test_cli import run
from workbook.models import Goal, Profile, ProfileCard
from workbook.storage import DataRoot
from workbook.terminal import visible

WORKBOOK = Path(__file__).resolve().parents[2] / "workbook"
CLI_FILES = [WORKBOOK / "cli.py", *sorted((WORKBOOK / "commands").glob("*.py"))]

HOSTILE = "\x1b]0;title\x07\x1b]52;c;cGF3bmVk\x07\x1b[2J\r\x00\x9b31m\u202eevil\x7f"
"""Set the title, overwrite the clipboard (OSC 52), clear the screen, CR, NUL, C1 CSI, bidi."""

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_visible_shows_every_control_character() -> None:
    shown = visible(HOSTILE)
    assert not RAW_CONTROL.search(shown)
    for escape in ("\\u001b", "\\u0007", "\\u000d", "\\u0000", "\\u009b", "\\u202e", "\\u007f"):
        assert escape in shown
    kept = "Sam 👩‍👧 café\tnext line\n"
    assert visible(kept) == kept


def test_visible_json_is_still_the_same_json() -> None:
    doc = {"note": HOSTILE, "name": "Ana\u2028Bo"}
    assert json.loads(visible(json.dumps(doc, ensure_ascii=False))) == doc


def test_no_cli_module_prints_around_the_door() -> None:
    """Every print in the CLI goes through workbook.terminal (say/ask/visible)."""
    for path in CLI_FILES:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id not in ("print", "input"), f"{path.name}:{node.lineno}"
            if isinstance(func, ast.Attribute):
                target = ast.unparse(func.value)
                # Asking sys.stdout.isatty() prints nothing; writing to it would bypass the door.
                writes = target in ("sys.stdout", "sys.stderr") and func.attr != "isatty"
                assert not writes, f"{path.name}:{node.lineno}"
                assert ast.unparse(func) != "getpass.getpass" or "visible" in ast.unparse(node)


@pytest.mark.parametrize("name", ["a\x1b]0;x\x07b", "x\rSam", "nul\x00", "tab\there", "bidi\u202e"])
def test_profile_names_refuse_control_characters(name: str) -> None:
    with pytest.raises(ValueError, match="control characters"):
        Profile(display_name=name)
    with pytest.raises(ValueError, match="control characters"):
        ProfileCard(id="p-0123456789ab", display_name=name)


def test_cli_names_are_refused_at_the_door(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "profiles", "create", "a\x1b]0;x\x07b")
    assert code == 2 and out == "" and "control characters" in err
    assert not RAW_CONTROL.search(err)
    assert run(capsys, data, "profiles", "create", "Sam")[0] == 0
    code, _, err = run(capsys, data, "profiles", "rename", "Sam", "x\rSam")
    assert code == 2 and "control characters" in err
    assert [c.display_name for c in DataRoot(data).cards()] == ["Sam"]


@pytest.fixture
def hostile(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> ProfileCard:
    card = make_profile("Sam")
    repo = root.open(card)
    try:
        seed_full(repo, TODAY, HOSTILE)
    finally:
        repo.close()
    return card


@pytest.mark.parametrize(
    "command",
    [
        ("today",),
        ("export", "--format", "md"),
        ("export", "--format", "html"),
        ("export", "--format", "json"),
        ("doctor",),
        ("backup",),
        ("profiles", "list"),
        ("profiles", "rename", "Sam", "Sam again"),
        ("nonsense\x1b[2J",),
    ],
)
def test_stored_text_never_reaches_the_terminal_raw(
    command: tuple[str, ...],
    hostile: ProfileCard,
    root: DataRoot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, err = run(capsys, root.path, *command)
    assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err), (out + err)[:400]
    if command[-1] == "json":
        assert json.loads(out)["workbook"]["profile"]["1"]["display_name"] == "Sam"
    if command[-1] in ("md", "json"):
        assert "\\u001b" in out  # shown, not dropped: the words are still all there


def test_an_older_workbook_whose_name_holds_control_characters_still_opens(
    root: DataRoot,
) -> None:
    """Names refuse control characters now; one saved before that is shown, not quarantined."""
    v6 = json.loads((Path(__file__).parents[1] / "fixtures" / "schema" / "v6.json").read_text())
    v6["profile"]["1"]["display_name"] = "Ro\x1b]0;x\x07bin"
    card = root.create(Profile(display_name="Robin"))
    root.files(card).workbook.write_text(json.dumps(v6), encoding="utf-8")
    repo = root.open(card)
    try:
        profile = repo.get(Profile)
        assert profile is not None and profile.display_name == "Ro\\u001b]0;x\\u0007bin"
        assert len(repo.all(Goal)) == len(v6["goals"])
    finally:
        repo.close()
