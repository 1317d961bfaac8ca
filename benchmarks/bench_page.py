"""How fast a long page opens in a browser: a 2 MB novel, teikit's page beside the TEI
Stylesheets' (Saxon-HE), in headless Chromium.

Run from the repository root (needs ../shared and Chromium; Saxon and the Stylesheets are
optional)::

    python benchmarks/bench_page.py --stylesheets ~/Stylesheets --runs 5

The novel is the corpus's two largest ELTeC novels in one TEI document (2.2 MB): the
second one's chapters appended to the first one's body. Each page is opened with a probe
script at its end that forces a layout of the whole page and records the time since
navigation started (parsing, style and layout of everything); the median of the runs is
printed, with the page's size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html

from teikit.tei import TEI_NS, parse_file, serialize

ROOT = Path(__file__).resolve().parents[1]
ELTEC = ROOT.parent / "shared" / "corpus" / "tei-real" / "eltec-eng" / "level2"
NOVELS = ("ENG19011_Jerome.xml", "ENG18950_Cross.xml")
SAXON_JAR = Path("/usr/share/java/Saxon-HE.jar")
CHROMIUM = os.environ.get("TEIKIT_CHROMIUM") or shutil.which("chromium") or shutil.which(
    "google-chrome")
PROBE = (b"<script>document.body.offsetHeight; var p = document.createElement('pre');"
         b"p.id = 'probe'; p.textContent = JSON.stringify({ms: performance.now()});"
         b"document.body.appendChild(p);</script></body>")


def long_novel(folder: Path) -> Path:
    """The two novels as one TEI document."""
    first, second = (parse_file(ELTEC / name) for name in NOVELS)
    body = first.find(f".//{{{TEI_NS}}}body")
    more = second.find(f".//{{{TEI_NS}}}body")
    assert body is not None and more is not None
    body.extend(list(more))
    path = folder / "long-novel.xml"
    path.write_bytes(serialize(first))
    return path


def layout_ms(page: Path, profile: Path) -> float:
    """Milliseconds from navigation to a laid-out page."""
    probed = page.with_suffix(".probe.html")
    probed.write_bytes(page.read_bytes().replace(b"</body>", PROBE, 1))
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", f"--user-data-dir={profile}",
         "--window-size=1280,1000", "--dump-dom", probed.as_uri()],
        capture_output=True, timeout=300, check=False)
    dom = lxml.html.document_fromstring(result.stdout)
    found = next((e for e in dom.iter("pre") if e.get("id") == "probe"), None)
    assert found is not None, result.stderr.decode(errors="replace")[-1000:]
    return float(json.loads("".join(map(str, found.itertext())))["ms"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stylesheets", type=Path, help="a checkout of TEIC/Stylesheets")
    parser.add_argument("--saxon", type=Path, default=SAXON_JAR)
    args = parser.parse_args()
    if CHROMIUM is None or not ELTEC.is_dir():
        print("needs Chromium and ../shared/corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="teikit-bench-page-") as temp:
        folder = Path(temp)
        novel = long_novel(folder)
        pages = {"teikit": folder / "teikit.html"}
        subprocess.run([sys.executable, "-m", "teikit", "export", str(novel), "--to", "html",
                        "--no-validate", "-o", str(pages["teikit"])], check=True, cwd=ROOT,
                       capture_output=True)
        sheets = args.stylesheets
        if sheets and (sheets / "html" / "html.xsl").is_file() and args.saxon.is_file():
            pages["Stylesheets"] = folder / "stylesheets.html"
            subprocess.run(["java", "-jar", str(args.saxon), f"-s:{novel}",
                            f"-xsl:{sheets / 'html' / 'html.xsl'}",
                            f"-o:{pages['Stylesheets']}"], check=True, capture_output=True)
        print(f"a {novel.stat().st_size / 1e6:.1f} MB novel, {args.runs} runs, median")
        for name, page in pages.items():
            times = [layout_ms(page, folder / "profile") for _ in range(args.runs)]
            print(f"{name:<12} page {page.stat().st_size / 1e6:5.2f} MB   laid out in "
                  f"{statistics.median(times):7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
