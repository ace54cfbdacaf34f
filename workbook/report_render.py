"""Rendering the coach report as Markdown or as one self-contained HTML page.

Every word a person typed is escaped on the way out, so it can never become markup: in Markdown,
line breaks fold to spaces (a title cannot start a heading) and the characters Markdown acts on
are backslash-escaped (no HTML, no links, no emphasis); in HTML, everything is ``html.escape``d.

The HTML has its styles inline and no URL of any kind, so opening or printing it never reaches
the network. It fits a phone (viewport tag; tables become one card per row on narrow screens),
and prints cleanly: headings and chart titles stay with what follows them, pages are numbered
where the browser can, and every printed page says "Private — shared by choice".
"""

from __future__ import annotations

import html
import re

from workbook.report_blocks import Block, Chart, Heading, Items, Para, Report, Table
from workbook.report_charts import describe, svg

PRIVATE = "Private — shared by choice"


# --- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#!~])")
_MD_LINE_START = re.compile(r"^(\d+(?=[.)](?:\s|$))|)([-+=.)])")


def md_text(text: str, *, line_start: bool = False) -> str:
    """``text`` as inert Markdown: one line, every character Markdown acts on escaped.

    With ``line_start`` (a paragraph), a leading ``-``, ``+``, ``=`` or ``1.`` is escaped too, so
    typed text can never start a list or underline a heading.
    """
    flat = " ".join(text.split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    if not line_start:
        return escaped
    return _MD_LINE_START.sub(r"\1\\\2", escaped, count=1)


def chart_lines(chart: Chart) -> list[str]:
    """One line per label: the label, a bar of ``#``, and the number (``-`` for no entry)."""
    width = max((len(label) for label in chart.labels), default=0)
    return [
        f"{label:<{width}}  {bar(value, chart.top)} {'-' if value is None else f'{value:g}'}"
        for label, value in zip(chart.labels, chart.values, strict=True)
    ]


def bar(value: float | None, top: float, width: int = 20) -> str:
    """A bar of ``#`` for ``value`` out of ``top`` (a dot for no entry), readable without colour."""
    if value is None:
        return "."
    filled = round(width * max(0.0, min(value, top)) / top) if top else 0
    return "#" * filled if filled else "|"


def render_markdown(report: Report) -> str:
    out = [f"# {md_text(report.title)}", "", md_text(report.subtitle, line_start=True), ""]
    for block in report.blocks:
        out += _md_block(block)
    return "\n".join(out).rstrip() + "\n"


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + md_text(block.text), ""]
    if isinstance(block, Para):
        return [md_text(block.text, line_start=True), ""]
    if isinstance(block, Items):
        return [f"- {md_text(item)}" for item in block.items] + [""]
    if isinstance(block, Table):
        return [
            "| " + " | ".join(md_text(h) for h in block.headers) + " |",
            "|" + "---|" * len(block.headers),
            *["| " + " | ".join(md_text(c) for c in row) + " |" for row in block.rows],
            "",
        ]
    return [f"{md_text(block.title)}:", "", "```", *chart_lines(block), "```", ""]


# --- HTML -----------------------------------------------------------------------------------

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #111; background: #fff; font-size: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li, td, th { overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
figure { margin: 0.5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; break-after: avoid; }
svg.bars { display: block; width: 100%; height: 6rem; }
svg.bars .bar { fill: #2b5f8a; } svg.bars .gap { fill: #bbb; }
svg.bars .axis { stroke: #666; stroke-width: 1; }
details { margin: 0.25rem 0; } summary { cursor: pointer; }
.private { font-size: 0.85rem; color: #444; border: 1px solid #999; padding: 0.25rem 0.5rem; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 0.75rem; font-size: 1.05rem; }
  table, thead, tbody, tr, th, td { display: block; width: auto; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #999; margin: 0 0 0.5rem; }
  td { border: none; border-bottom: 1px solid #ddd; overflow-wrap: anywhere; }
  td:empty { display: none; }
  td::before { content: attr(data-label) ": "; font-weight: 600; }
}
@page { margin: 16mm 14mm 18mm;
        @bottom-left { content: "Private \\2014  shared by choice"; font-size: 9pt; }
        @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 9pt; } }
@media print {
  body { margin: 0; max-width: none; }
  details > summary { display: none; }
  .private { border: none; padding: 0; }
}
"""


def render_html(report: Report) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f'<p class="private">{e(PRIVATE)}. {e(report.subtitle)}</p>',
        f"<h1>{e(report.title)}</h1>",
    ]
    for block in report.blocks:
        out.append(_html_chart(block) if isinstance(block, Chart) else _html_block(block))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_block(block: Heading | Para | Items | Table) -> str:
    e = html.escape
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return f"<p>{e(block.text)}</p>"
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>"
    return _html_table(block.headers, block.rows)


def _html_table(headers: list[str], rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{e(h)}">{e(c)}</td>' for h, c in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_chart(chart: Chart) -> str:
    e = html.escape
    rows = [
        [label, "no entry" if v is None else f"{v:g}"]
        for label, v in zip(chart.labels, chart.values, strict=True)
    ]
    table = _html_table(["When", f"Value (of {chart.top:g})"], rows)
    return (
        f"<figure><figcaption>{e(chart.title)}</figcaption>{svg(chart)}"
        f'<p class="alt">{e(describe(chart))}</p>'
        f"<details><summary>The numbers</summary>{table}</details></figure>"
    )


def render(report: Report, fmt: str) -> str:
    return render_markdown(report) if fmt == "md" else render_html(report)
