"""The screens use Textual's public API only, so a Textual update cannot break them silently."""

from __future__ import annotations

import ast
from pathlib import Path

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
