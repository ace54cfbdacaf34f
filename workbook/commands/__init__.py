"""Subcommands of ``workbook``. Each module has ``register(sub)`` adding its parsers.

Modules are listed here so the order of ``workbook --help`` is stable.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

MODULES = [
    "workbook.commands.help_now",
    "workbook.commands.profiles",
    "workbook.commands.care",
    "workbook.commands.transfer",
    "workbook.commands.resources",
    "workbook.commands.daily",
]


def register_all(sub: argparse._SubParsersAction[Any]) -> None:
    for name in MODULES:
        importlib.import_module(name).register(sub)
