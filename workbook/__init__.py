"""Side by Side: the core of a private self-recovery workbook.

This package never imports Textual: it is usable from the command line, from scripts and from
tests on its own. The terminal screens live in the top-level ``screens`` package.
"""

__version__ = "0.1.0"
