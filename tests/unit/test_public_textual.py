"""The screens use Textual's public API only, so a Textual update cannot break them silently."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import textual

SCREENS = Path(__file__).resolve().parents[2] / "screens"

# Private names of Textual's that the screens once reached for, with the public way instead.
PRIVATE_ATTRIBUTES = {
    "_bindings": "the class's BINDINGS with Binding.make_bindings",
    "_check_action_state": "check_action",
}


def private_uses(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual"):
            parts = node.module.split(".")
            names = [alias.name for alias in node.names]
            if any(part.startswith("_") for part in parts) or any(
                name.startswith("_") for name in names
            ):
                found.append(f"line {node.lineno}: from {node.module} import {', '.join(names)}")
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
            found.append(f"line {node.lineno}: .{node.attr} (use {PRIVATE_ATTRIBUTES[node.attr]})")
    return found


def test_the_check_finds_a_private_import_and_attribute() -> None:
    tree = ast.parse("from textual.widgets._toggle_button import ToggleButton\nx = app._bindings\n")
    assert len(private_uses(tree)) == 2


def test_no_screen_reaches_into_textual_private_api() -> None:
    problems = {}
    for path in sorted(SCREENS.rglob("*.py")):
        found = private_uses(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            problems[path.name] = found
    assert problems == {}


def private_names(tree: ast.AST, *, own_only: bool) -> set[str]:
    """Names with one leading underscore that ``tree`` defines: functions, classes, module
    names and attributes stored (only on ``self``/``cls`` when ``own_only``)."""
    names: set[str] = set()

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__")

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if private(node.name):
                names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            mine = isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}
            if private(node.attr) and (mine or not own_only):
                names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and private(node.id):
            names.add(node.id)
    return names


@functools.cache
def textual_private_names() -> frozenset[str]:
    found: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        found |= private_names(ast.parse(path.read_text(encoding="utf-8")), own_only=False)
    return frozenset(found)


def reaches_into_textual(tree: ast.AST, ours: set[str]) -> list[str]:
    """Uses of an attribute private to Textual (defined there, not by our own code on self)."""
    theirs = textual_private_names() - ours
    return [
        f"line {node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in theirs
    ]


def test_the_check_finds_a_widgets_private_attribute() -> None:
    tree = ast.parse('self.query_one("#pathway", RadioSet)._selected = 2\n')
    assert reaches_into_textual(tree, set()) == ["line 1: ._selected"]
    own = ast.parse("self._timer = None\nself._timer.stop()\n")
    assert reaches_into_textual(own, private_names(own, own_only=True)) == []


def test_no_screen_uses_an_attribute_private_to_a_textual_widget() -> None:
    """Not only the names above: any ``._name`` that Textual defines and our code does not
    (found on 1 December 2026: the start form set a RadioSet's ``_selected``)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SCREENS.rglob("*.py")}
    ours: set[str] = set()
    for tree in trees.values():
        ours |= private_names(tree, own_only=True)
    problems = {path.name: reaches_into_textual(tree, ours) for path, tree in trees.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_no_screen_builds_a_plain_radio_set() -> None:
    """Every set of choices is a ``Choices``: its highlight starts on the answer already chosen,
    so the arrows move from there (a skill at "practising" went a level down on Right)."""
    assert calls_to("RadioSet") == []


def calls_to(name: str) -> list[str]:
    """Every place in ``screens/`` that calls ``name(...)`` directly, as ``file:line``."""
    return [
        f"{path.name}:{node.lineno}"
        for path in sorted(SCREENS.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == name
    ]
