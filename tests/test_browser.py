"""The HTML page in a real browser: headless Chromium renders it and reports what it shows.

Needs Chromium: the Debian packages ``chromium`` and ``fonts-liberation`` (or any Chrome
named by ``TEIKIT_CHROMIUM``); the tests skip when no browser is found (and fail in CI,
which installs one). They take a few seconds each, so they carry the ``slow`` marker:
``pytest -m slow tests/test_browser.py``.

* A screenshot (1200×1600) must not be blank: a uniform image has at most a few distinct
  PNG scanlines, a page of text has hundreds. Its top-left pixel must be the stylesheet's
  paper colour, not the browser's white, so the inline CSS was applied.
* ``--dump-dom`` with a probe script (added to a copy of the page, never to the exporter's
  output) reads the computed styles: the reading view is visible by default, clicking the
  "Editorial" label shows the editorial view and hides the reading one, ``?view=editorial``
  opens the editorial view, and the view radios can take keyboard focus.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from teikit.exporter.html import to_html
from teikit.tei import parse_file

from conftest import CHROMIUM

INVENTORY = Path(__file__).parent / "data" / "valid" / "inventory.xml"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("chromium")]

PROBE = b"""<script>
(function () {
  function shown(selector) {
    var element = document.querySelector(selector);
    return element ? getComputedStyle(element).display !== "none" : null;
  }
  function report(name) {
    var radio = document.getElementById("view-reading");
    radio.focus();
    var out = document.createElement("pre");
    out.id = "probe-" + name;
    out.textContent = JSON.stringify({
      view: document.querySelector("input[name=view]:checked").value,
      editorial: shown(".document .ed-only"),
      reading: shown(".document .rd-only"),
      footnotes: shown(".footnotes"),
      focusable: document.activeElement === radio,
      legend: Array.prototype.filter.call(document.querySelectorAll(".legend li"),
        function (item) { return getComputedStyle(item).display !== "none"; }).length
    });
    document.body.appendChild(out);
  }
  report("initial");
  document.querySelector("label[for=view-editorial]").click();
  report("editorial");
  document.querySelector("label[for=view-reading]").click();
  report("reading");
})();
</script>
"""


NO_SCRIPT = b"""<meta http-equiv="Content-Security-Policy" content="script-src 'none'">"""


def run_chromium(*args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="teikit-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, timeout=120, check=False,
        )


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="teikit-html-") as folder:
        path = Path(folder)
        data = to_html(parse_file(INVENTORY), source_name="inventory.txt")
        (path / "page.html").write_bytes(data)
        (path / "probe.html").write_bytes(data.replace(b"</body>", PROBE + b"</body>"))
        (path / "nojs.html").write_bytes(data.replace(b"<head>", b"<head>" + NO_SCRIPT, 1))
        yield path


def screenshot(page: Path, out: Path, query: str = "", *extra: str) -> Path:
    # reduced motion: the view switch's colour fades would be caught half-way
    result = run_chromium(*extra, "--force-prefers-reduced-motion", f"--screenshot={out}",
                          "--window-size=1200,1600", page.as_uri() + query)
    assert out.exists(), result.stderr.decode(errors="replace")[-2000:]
    return out


def png_scanlines(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, bytes per pixel, filtered scanlines) of an 8-bit non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and header[12] == 0, "expected 8-bit, non-interlaced"
    pixel = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = 1 + width * pixel
    return width, pixel, [raw[i * stride:(i + 1) * stride] for i in range(height)]


def first_pixel(pixel: int, row: bytes) -> tuple[int, ...]:
    """The first pixel of the top scanline (every PNG filter leaves it unchanged or halved)."""
    values = row[1:1 + pixel]
    return tuple(v * 2 if row[0] == 3 else v for v in values)


def test_screenshot_is_not_blank(site: Path) -> None:
    width, pixel, rows = png_scanlines(screenshot(site / "page.html", site / "reading.png"))
    assert width == 1200
    distinct = len(set(rows))
    assert distinct > 200, f"only {distinct} distinct scanlines: the page looks blank"
    red, green, blue = first_pixel(pixel, rows[0])[:3]
    assert (red, green, blue) != (255, 255, 255), "the stylesheet's paper colour is missing"
    assert red > 230 and green > 230 and blue > 220, (red, green, blue)


def test_editorial_view_looks_different(site: Path) -> None:
    reading = screenshot(site / "page.html", site / "r.png").read_bytes()
    editorial = screenshot(site / "page.html", site / "e.png", "?view=editorial").read_bytes()
    assert reading != editorial


def test_page_renders_without_javascript(site: Path) -> None:
    shot = screenshot(site / "nojs.html", site / "nojs.png", "?view=editorial")
    assert len(set(png_scanlines(shot)[2])) > 200
    reading = screenshot(site / "page.html", site / "reading.png").read_bytes()
    assert shot.read_bytes() == reading, "without scripts, the page should open as it is"


def probe(page: Path, query: str = "") -> dict[str, dict[str, object]]:
    result = run_chromium("--dump-dom", page.as_uri() + query)
    dom = lxml.html.document_fromstring(result.stdout or b"<html/>")
    reports = {
        (element.get("id") or "").removeprefix("probe-"): json.loads(
            "".join(map(str, element.itertext())))
        for element in dom.iter("pre")
        if (element.get("id") or "").startswith("probe-")
    }
    assert reports, result.stderr.decode(errors="replace")[-2000:]
    return reports


def test_reading_view_is_the_default_and_the_toggle_switches(site: Path) -> None:
    reports = probe(site / "probe.html")
    initial, editorial, reading = reports["initial"], reports["editorial"], reports["reading"]
    assert initial["view"] == "reading"
    assert (initial["reading"], initial["editorial"], initial["footnotes"]) == (True, False, True)
    assert editorial["view"] == "editorial"
    assert (editorial["reading"], editorial["editorial"], editorial["footnotes"]) == (
        False, True, False)
    assert (reading["reading"], reading["editorial"]) == (True, False)
    assert initial["focusable"] is True
    # the key lists the editorial-only signs (deletions, sic …) only in the editorial view
    assert int(str(editorial["legend"])) > int(str(initial["legend"])) > 0


def test_url_selects_the_editorial_view(site: Path) -> None:
    for query in ("?view=editorial", "#view=editorial"):
        initial = probe(site / "probe.html", query)["initial"]
        assert initial["view"] == "editorial", query
        assert (initial["reading"], initial["editorial"]) == (False, True)


@pytest.mark.skipif(os.environ.get("TEIKIT_SHOTS") is None, reason="set TEIKIT_SHOTS=<folder>")
def test_save_screenshots_for_review(site: Path) -> None:
    """Writes reading, editorial, narrow and dark screenshots to $TEIKIT_SHOTS for a human."""
    folder = Path(os.environ["TEIKIT_SHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    screenshot(site / "page.html", folder / "reading.png")
    screenshot(site / "page.html", folder / "editorial.png", "?view=editorial")
    run_chromium(f"--screenshot={folder / 'narrow.png'}", "--window-size=420,1600",
                 (site / "page.html").as_uri())
    run_chromium(f"--screenshot={folder / 'dark.png'}", "--window-size=1200,1600",
                 "--force-dark-mode", "--blink-settings=preferredColorScheme=0",
                 (site / "page.html").as_uri())
