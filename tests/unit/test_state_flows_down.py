"""State flows down (issue 15): a screen holds its state in reactives and its parts draw
themselves from it (``data_bind``, a class on the screen for the stylesheet, or a widget's own
reactive), instead of a handler finding a child by id to fill it, hide it or relabel it.

This test reads the screens with ``ast`` and finds that pattern: a call such as ``update`` or
``set_class`` on what ``query_one`` returned (directly or through a name), an assignment to its
``display``, ``label`` or ``disabled``, or ``show_error(self.query_one(...), ...)``. Filling a
list's options from data and moving the focus are not counted: they are not state.

Since 1 December 2026 no screen does; ``NOT_YET`` stays for a screen caught mid-change, and its
number may only go down. A new screen starts at zero.
"""

from __future__ import annotations

import ast
from pathlib import Path

SCREENS = Path(__file__).resolve().parents[2] / "screens"

POKES = {"update", "set_class", "add_class", "remove_class", "remove_children", "mount_all"}
"""Methods that change what a child shows."""
ATTRIBUTES = {"display", "label", "disabled"}
"""Attributes that change what a child shows when set from outside it."""

NOT_YET: dict[str, int] = {}
"""Screens that still poke their children (each was being changed by another piece of work when
the rest moved to reactives on 1 December 2026), and how many places."""


def _is_query(node: ast.expr, bound: set[str]) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "query_one"
    return isinstance(node, ast.Name) and node.id in bound


def pokes(tree: ast.AST) -> list[str]:
    """Each place a function pokes a child it looked up, as ``line N: what``."""
    found: list[str] = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        bound = {
            target.id
            for node in ast.walk(function)
            if isinstance(node, ast.Assign) and _is_query(node.value, set())
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(function):
            call = node if isinstance(node, ast.Call) else None
            method = call.func if call and isinstance(call.func, ast.Attribute) else None
            if method and method.attr in POKES and _is_query(method.value, bound):
                found.append(f"line {node.lineno}: .{method.attr}()")
            function_name = call.func.id if call and isinstance(call.func, ast.Name) else ""
            first = call.args[0] if call and call.args else None
            if function_name == "show_error" and first is not None and _is_query(first, bound):
                found.append(f"line {node.lineno}: show_error()")
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr in ATTRIBUTES
                        and _is_query(target.value, bound)
                    ):
                        found.append(f"line {node.lineno}: .{target.attr} =")
    return sorted(found, key=lambda place: int(place.split(":")[0].removeprefix("line ")))


def test_the_check_finds_each_kind_of_poke() -> None:
    tree = ast.parse(
        "def f(self):\n"
        '    self.query_one("#a", Static).update("x")\n'
        '    line = self.query_one("#b")\n'
        "    line.display = False\n"
        '    line.set_class(True, "-shown")\n'
        '    show_error(self.query_one("#c"), "no")\n'
        '    self.query_one("#d", Button).label = "Go"\n'
        "    self.message = 'flows down'\n"
        '    self.query_one("#e").focus()\n'
    )
    assert pokes(tree) == [
        "line 2: .update()",
        "line 4: .display =",
        "line 5: .set_class()",
        "line 6: show_error()",
        "line 7: .label =",
    ]


def test_screens_draw_from_their_state_instead_of_poking_children() -> None:
    counts = {}
    for path in sorted(SCREENS.rglob("*.py")):
        name = path.relative_to(SCREENS).as_posix()
        found = pokes(ast.parse(path.read_text(encoding="utf-8")))
        if found or name in NOT_YET:
            counts[name] = len(found)
    grown = {name: n for name, n in counts.items() if n > NOT_YET.get(name, 0)}
    assert grown == {}, "a screen finds a child to poke; give it a reactive and bind the child"
    shrunk = {name: n for name, n in counts.items() if n < NOT_YET.get(name, 0)}
    assert shrunk == {}, f"fewer pokes now: lower NOT_YET to {shrunk}"
