"""The coach report in a real browser: the week first at 1200 px, nothing wider than a 390 px
phone, and a printout with several pages. Skipped, with the reason, where Chromium is absent
(``apt-get install chromium``). Screenshots and the PDF are kept in ``test-artefacts/report/``
(or ``$WORKBOOK_TEST_ARTEFACTS``) for a person to look at.

Chromium is driven from its command line only (``--dump-dom``, ``--screenshot``,
``--print-to-pdf``): no browser-automation package is needed. The report has no script; the
test adds one to a copy, only to measure the page, and reads the numbers back from the DOM.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TODAY
from workbook.demo import build_demo
from workbook.report import build_report, render
from workbook.storage import DataRoot

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ARTEFACTS = Path(
    os.environ.get("WORKBOOK_TEST_ARTEFACTS")
    or Path(__file__).resolve().parents[2] / "test-artefacts"
)
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" src="{src}" style="border:0;width:{width}px;height:{height}px"></iframe>
<pre id="probe"></pre>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var doc = this.contentDocument, html = doc.documentElement, h2 = doc.querySelector("h2");
  var wide = Array.prototype.filter.call(doc.querySelectorAll("body *"), function (el) {{
    return el.getBoundingClientRect().right > html.clientWidth + 1;
  }}).length;
  document.getElementById("probe").textContent = JSON.stringify({{
    width: html.clientWidth, scroll: html.scrollWidth, wide: wide,
    h2: h2.textContent, h2top: h2.getBoundingClientRect().top,
    font: parseFloat(doc.defaultView.getComputedStyle(doc.body).fontSize)
  }});
}});
</script></body></html>"""
"""The report in a frame of an exact width: a desktop browser window cannot be made as narrow
as a phone, a frame can. The script is the test's, in the frame's parent, never in the report."""


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed here (apt-get install chromium); the HTML is not viewed")


def chromium(binary: str, page: Path, width: int, *extra: str) -> str:
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--window-size={width},{2400 if any('screenshot' in e for e in extra) else 900}",
        *extra,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    root = DataRoot(folder / "data")
    card = build_demo(root, years=1, seed=7, today=TODAY)
    repo = root.open(card, write=False)
    try:
        page = folder / "report.html"
        page.write_text(render(build_report(repo, None, today=TODAY), "html"), "utf-8")
    finally:
        repo.close()
    return page


def framed(page: Path, width: int, height: int = 844) -> Path:
    frame = page.with_name(f"frame-{width}.html")
    frame.write_text(FRAME.format(src=page.name, width=width, height=height), "utf-8")
    return frame


def measure(binary: str, page: Path, width: int) -> dict[str, float | str]:
    dom = chromium(
        binary, framed(page, width), max(width, 600), "--dump-dom", "--allow-file-access-from-files"
    )
    found = re.search(r'<pre id="probe">(.+?)</pre>', dom, re.S)
    assert found, dom[-500:]
    measured: dict[str, float | str] = json.loads(found.group(1).replace("&quot;", '"'))
    return measured


@pytest.mark.parametrize("width", [1200, 390])
def test_the_report_in_a_real_browser(report_page: Path, width: int) -> None:
    binary = browser()
    seen = measure(binary, report_page, width)
    assert seen["h2"] == "Since we last met"
    assert float(seen["h2top"]) < 400, "the week should be on the first screen"
    assert float(seen["scroll"]) <= width, f"the page is wider than {width} px: {seen}"
    assert seen["wide"] == 0, f"{seen['wide']} elements stick out of the page"
    assert float(seen["font"]) >= 16
    ARTEFACTS.joinpath("report").mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "report" / f"report-{width}px.png"
    chromium(binary, framed(report_page, width, 2400), max(width, 600), f"--screenshot={shot}")
    assert shot.stat().st_size > 1000


def test_the_report_prints_to_pdf(report_page: Path) -> None:
    binary = browser()
    ARTEFACTS.joinpath("report").mkdir(parents=True, exist_ok=True)
    pdf = ARTEFACTS / "report" / "report.pdf"
    chromium(binary, report_page, 1200, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", raw))
    assert pages > 3, pages
