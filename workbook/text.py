"""Small helpers for the words the app builds from numbers.

``counted`` is the one place a count meets a noun ("1 entry", "2 entries"), so a count can never
read "1 entries" and a later translation has a single seam to replace. ``clip`` is the one way a
person's text is cut to fit a line.
"""

from __future__ import annotations

import re

LINE_BREAKS = re.compile("\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every line break ``str.splitlines`` knows, CR LF as one."""


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` with the right form of the noun: ``counted(1, "entry", "entries")`` → "1 entry"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def clip(text: str, width: int) -> str:
    """One line of ``text``, cut to ``width`` terminal cells with an ellipsis.

    Measured in cells, not characters: a CJK character or an emoji takes two cells, so a title
    cut by characters pushed the columns beside it out of line.
    """
    from rich.cells import cell_len, set_cell_size

    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    return set_cell_size(line, width - 1) + "…"


def wrap(text: str, width: int, max_lines: int = 0) -> list[str]:
    """``text`` on lines of at most ``width`` terminal cells, broken between words.

    A word wider than a line (a long link, a CJK sentence with no spaces) is broken inside,
    by cells. With ``max_lines``, the last line kept ends with an ellipsis when more was cut.
    """
    from rich.cells import cell_len

    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_len(word) > width:
            if line:
                lines.append(line)
                line = ""
            head = _fit(word, width)
            lines.append(head)
            word = word[len(head) :]
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], clip(rest, width)]  # always cut: it did not fit
    return lines


def _fit(word: str, width: int) -> str:
    """As many of ``word``'s first characters as fit in ``width`` cells (at least one)."""
    from rich.cells import cell_len

    end = 1
    while end < len(word) and cell_len(word[: end + 1]) <= width:
        end += 1
    return word[:end]


def pasted(text: str) -> str:
    """Pasted text for a one-line box: line breaks and tabs become spaces, and every other
    control character (ESC, BEL, bidi overrides...) is removed, so pasted text is only text."""
    from workbook.terminal import is_control

    spaced = " ".join(text.splitlines()).replace("\t", " ")
    return "".join(ch for ch in spaced if not is_control(ch))


def pasted_lines(text: str) -> str:
    """Pasted text for a box of several lines: every kind of line break (CR LF, a lone CR,
    U+2028...) becomes one new line, tabs become spaces, and every other control character is
    removed, so pasted text is only text."""
    from workbook.terminal import is_control

    lines = LINE_BREAKS.sub("\n", text.replace("\t", " "))
    return "".join(ch for ch in lines if ch == "\n" or not is_control(ch))


def fit_paste(value: str, text: str, start: int, end: int, limit: int) -> tuple[str, int, int]:
    """``text`` put in place of ``value[start:end]``, cut to what a box of ``limit`` characters
    holds (0: no limit). Returns the new value, where the cursor goes, and how many pasted
    characters did not fit."""
    room = len(text) if limit <= 0 else max(0, limit - (len(value) - (end - start)))
    kept = text[:room]
    return value[:start] + kept + value[end:], start + len(kept), len(text) - len(kept)
