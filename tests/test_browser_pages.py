"""One page per kind of corpus in a real browser: a play, a novel, an inscription, a FRUS
document, and a test file with tables and figures (from ``../shared/corpus``, or the
fixtures in ``tests/data/html`` that show the same rules when it is absent).

Headless Chromium opens each page with a probe script added to a copy of it (never to the
exporter's output) and reports: both views and the switch between them, the table of
contents, that every internal link lands on an element, that note calls and notes link
both ways, and (in a narrow window) that nothing is wider than a phone. Chromium's own
log says whether the page printed anything on the console, and its network log whether
the page asked for anything at all. ``TEIKIT_SHOTS=<folder>`` also saves screenshots of
each page (reading, editorial, narrow) for review.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from test_browser import run_chromium, screenshot

import teikit

from conftest import DATA, SHARED

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("chromium")]

CORPUS = SHARED / "corpus"
KINDS: dict[str, tuple[str, str]] = {
    "play": ("tei-real/shakedracor/tei/the-tempest.xml", "drama-speech"),
    "novel": ("tei-real/eltec-eng/level2/ENG19011_Jerome.xml", "textstructure-toc"),
    "inscription": ("tei-real/isicily/inscriptions/ISic000001.xml", "epidoc-edition"),
    "frus": ("frus/docs/frus1958-60v18_d314.xml", "core-notes"),
    "tables": ("tei-real/tei-stylesheets-tests/Test/test23.xml", "figures-table"),
}
"""Each kind: the real document, and the fixture that stands in for it without
``../shared``."""
WANTS_TOC = {"the-tempest.xml", "ENG19011_Jerome.xml", "textstructure-toc.xml"}
"""The sources long enough for a contents list: the real play and novel, and the fixture
that stands in for the novel (the drama fixture's three scenes are too few for one)."""

PROBE = b"""<script>
(function () {
  function shown(selector) {
    var element = document.querySelector(selector);
    return element ? getComputedStyle(element).display !== "none" : null;
  }
  function lands(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    return document.getElementById(id) !== null;
  }
  var links = Array.prototype.slice.call(document.querySelectorAll("a[href^='#']"));
  var calls = Array.prototype.slice.call(document.querySelectorAll(".fn-call a"));
  var back = calls.filter(function (call) {
    var note = document.getElementById(call.getAttribute("href").slice(1));
    return note && note.querySelector("a.backlink[href='#" + call.id + "']") !== null;
  });
  function views() {
    return {reading: shown(".document .rd-only, .document p"),
            editorial: shown(".document .ed-only"),
            footnotes: shown(".footnotes")};
  }
  var result = {initial: views()};
  document.querySelector("label[for=view-editorial]").click();
  result.editorial = views();
  result.view = document.querySelector("input[name=view]:checked").value;
  document.querySelector("label[for=view-reading]").click();
  result.reading = views();
  result.toc = document.querySelectorAll("nav.toc a").length;
  result.links = links.length;
  result.dead = links.filter(function (l) { return !lands(l); }).map(function (l) {
    return l.getAttribute("href"); }).slice(0, 5);
  result.calls = calls.length;
  result.linkedBack = back.length;
  result.wide = document.documentElement.scrollWidth > window.innerWidth + 1;
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
</script>
"""


@dataclass
class Visit:
    """What one visit of a page reported."""

    report: dict[str, object]
    console: list[str]
    requests: list[str]


def source_of(kind: str) -> Path:
    real, fixture = KINDS[kind]
    path = CORPUS / real
    return path if path.is_file() else DATA / "html" / f"{fixture}.xml"


def page_requests(net_log: Path) -> list[str]:
    """The URLs the page asked for (Chromium's own background requests left out)."""
    log = json.loads(net_log.read_text(encoding="utf-8") or "{}")
    names = {number: name for name, number in log.get("constants", {}).get(
        "logEventTypes", {}).items()}
    found = []
    for event in log.get("events", []):
        params = event.get("params", {})
        started = names.get(event.get("type")) == "URL_REQUEST_START_JOB"
        if started and "url" in params and params.get("initiator") != "not an origin":
            found.append(params["url"])
    return found


def visit(page: Path, width: int, folder: Path) -> Visit:
    probed = page.with_name(f"{page.stem}.{width}.probe.html")
    probed.write_bytes(page.read_bytes().replace(b"</body>", PROBE + b"</body>"))
    net_log = folder / f"{page.stem}.{width}.net.json"
    result = run_chromium("--enable-logging=stderr", "--v=0", f"--log-net-log={net_log}",
                          f"--window-size={width},1200", "--dump-dom", probed.as_uri())
    dom = lxml.html.document_fromstring(result.stdout or b"<html/>")
    found = dom.xpath("//pre[@id='probe']")
    assert found, result.stderr.decode(errors="replace")[-2000:]
    console = [line for line in result.stderr.decode(errors="replace").splitlines()
               if ":CONSOLE" in line]
    return Visit(json.loads(found[0].text_content()), console, page_requests(net_log))


@pytest.fixture(scope="module")
def pages() -> Iterator[dict[str, Path]]:
    with tempfile.TemporaryDirectory(prefix="teikit-pages-") as folder:
        made = {}
        for kind in KINDS:
            result = teikit.export_file(source_of(kind), teikit.ExportOptions(validate=False))
            assert result.data is not None, [str(d) for d in result.diagnostics]
            made[kind] = Path(folder) / f"{kind}.html"
            made[kind].write_bytes(result.data)
        yield made


@pytest.fixture(scope="module")
def visits(pages: dict[str, Path]) -> dict[tuple[str, int], Visit]:
    folder = next(iter(pages.values())).parent
    return {(kind, width): visit(page, width, folder)
            for kind, page in pages.items() for width in (1280, 400)}


@pytest.mark.parametrize("kind", KINDS)
def test_both_views_and_the_switch(visits: dict[tuple[str, int], Visit], kind: str) -> None:
    report = visits[(kind, 1280)].report
    assert report["initial"] == report["reading"]
    assert report["view"] == "editorial"
    initial, editorial = report["initial"], report["editorial"]
    assert isinstance(initial, dict) and isinstance(editorial, dict)
    assert initial["reading"] is True
    if editorial["editorial"] is not None:  # the page has editorial-only content
        assert (initial["editorial"], editorial["editorial"]) == (False, True)
    if initial["footnotes"] is not None:
        assert (initial["footnotes"], editorial["footnotes"]) == (True, False)


@pytest.mark.parametrize("kind", KINDS)
def test_contents_links_and_notes(visits: dict[tuple[str, int], Visit], kind: str) -> None:
    report = visits[(kind, 1280)].report
    assert report["dead"] == [], f"links to nothing: {report['dead']}"
    toc = report["toc"]
    assert isinstance(toc, int)
    assert (toc > 0) == (source_of(kind).name in WANTS_TOC), (source_of(kind), toc)
    assert report["linkedBack"] == report["calls"]
    if kind == "frus":
        assert report["calls"] and int(str(report["calls"])) > 0


@pytest.mark.parametrize("kind", KINDS)
def test_no_console_output_and_no_network_request(visits: dict[tuple[str, int], Visit],
                                                  kind: str) -> None:
    for width in (1280, 400):
        seen = visits[(kind, width)]
        assert seen.console == []
        assert seen.requests == []


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_wider_than_a_phone(visits: dict[tuple[str, int], Visit], kind: str) -> None:
    assert visits[(kind, 400)].report["wide"] is False


@pytest.mark.skipif(os.environ.get("TEIKIT_SHOTS") is None, reason="set TEIKIT_SHOTS=<folder>")
@pytest.mark.parametrize("kind", KINDS)
def test_save_screenshots_for_review(pages: dict[str, Path], kind: str) -> None:
    folder = Path(os.environ["TEIKIT_SHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    page = pages[kind]
    assert screenshot(page, folder / f"{kind}-reading.png").stat().st_size > 0
    assert screenshot(page, folder / f"{kind}-editorial.png", "?view=editorial").exists()
    narrow = folder / f"{kind}-narrow.png"
    run_chromium(f"--screenshot={narrow}", "--window-size=400,1400", page.as_uri())
    assert narrow.exists()
