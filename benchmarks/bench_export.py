"""Export speed: teikit beside the TEI Consortium's XSLT Stylesheets (Saxon-HE), in the same
run, on the same files. The Stylesheets are a yardstick only.

Run from the repository root (needs ../shared; Saxon and the Stylesheets are optional)::

    python benchmarks/bench_export.py                          # teikit alone
    python benchmarks/bench_export.py --stylesheets ~/Stylesheets --runs 3

``--stylesheets`` is a checkout of https://github.com/TEIC/Stylesheets (its ``html/`` and
``txt/`` folders and what they import); Saxon-HE is the Debian ``libsaxonhe-java`` jar
(``--saxon`` names another). Cases (wall time of a whole command, process start included,
median of the runs; peak memory of the process):

1. the HTML batch: every test document of ``tei-real`` (``.xml``/``.tei``), one command
   (teikit: ``teikit export DIR --to html --no-validate``; Saxon: one JVM over the folder)
2. the same batch as reading text (the Stylesheets: ``txt/tei-to-text.xsl``)
3. the largest novel of the corpus alone, as HTML
4. the same batch validated first, as ``teikit export`` does by default (no Saxon line)

With ``--large MB`` it measures instead one large file made by :mod:`large_tei` (a
teikit-encoded transcript's body repeated to about MB megabytes), validated first as by
default, to HTML, to its transcript and to its reading text, beside lxml's parse of the
file: a file of 16 MB or more is read part by part, and its peak memory over its size is
the figure to watch (``python benchmarks/bench_export.py --large 200 --runs 1``).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "tei-real"
SAXON_JAR = Path("/usr/share/java/Saxon-HE.jar")
NOVEL = "eltec-eng/level2/ENG19011_Jerome.xml"


def documents() -> list[Path]:
    """The test documents of tei-real that ``teikit export DIR`` picks up."""
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as handle:
        rows = [row["path"] for row in csv.DictReader(handle) if row["role"] == "test"]
    return [CORPUS / path for path in rows if path.endswith((".xml", ".tei"))]


def flat_copy(files: list[Path], folder: Path) -> Path:
    """One folder with a link to each file (Saxon's folder mode is not recursive)."""
    folder.mkdir()
    for file in files:
        name = str(file.relative_to(CORPUS)).replace("/", "__")
        (folder / name).symlink_to(file)
    return folder


@dataclass(frozen=True)
class Measure:
    """Median wall and CPU seconds (user + system, every thread) and peak memory."""

    wall: float
    cpu: float
    memory: int

    def __str__(self) -> str:
        return f"{self.wall:7.2f} s ({self.cpu:6.2f} s CPU) {self.memory:4d} MB"


def run(command: list[str], out: Path) -> Measure:
    """One run of ``command`` with a fresh output folder."""
    if out.is_file():
        out.unlink()
    shutil.rmtree(out, ignore_errors=True)
    (out if out.suffix == "" else out.parent).mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=ROOT)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def measure(command: list[str], out: Path, runs: int) -> Measure:
    """The medians over ``runs`` runs (the peak memory: the largest)."""
    results = [run(command, out) for _ in range(runs)]
    return Measure(statistics.median(r.wall for r in results),
                   statistics.median(r.cpu for r in results), max(r.memory for r in results))


def teikit(source: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "teikit", "export", str(source), "-o", str(out), *extra]


def saxon(jar: Path, source: Path, stylesheet: Path, out: Path) -> list[str]:
    return ["java", "-jar", str(jar), f"-s:{source}", f"-xsl:{stylesheet}", f"-o:{out}"]


def line(case: str, ours: Measure, theirs: Measure | None) -> str:
    text = f"{case:<30} teikit {ours}"
    if theirs is not None:
        text += (f" | Stylesheets {theirs} | ratio {ours.wall / theirs.wall:.2f} wall, "
                 f"{ours.cpu / theirs.cpu:.2f} CPU")
    return text


def large_file(megabytes: float, folder: Path, runs: int) -> None:
    """Case 5 (see the module's docstring): the file is made in a child process, so that
    no figure counts the memory that made it."""
    from bench_sections import MAKE_LARGE, PARSE
    from measure import child, python

    source = folder / "large.xml"
    child(python(MAKE_LARGE, str(megabytes), str(source)), cwd=Path(__file__).resolve().parent)
    size = source.stat().st_size / 1e6
    print(f"one TEI file of {size:.1f} MB, {runs} run(s) each: median wall and CPU time, "
          "peak memory and its ratio to the file's size")
    parse = measure(python(PARSE, str(source)), folder / "parsed", runs)
    print(f"{'lxml parse (yardstick)':<30} lxml   {parse} = {parse.memory / size:4.1f}x",
          flush=True)
    for to, view in (("html", "reading"), ("text", "transcript"), ("text", "reading")):
        target = folder / f"large.{view}.{to}"
        ours = measure(teikit(source, target, "--to", to, "--view", view), target, runs)
        print(f"{line(f'--to {to} --view {view}', ours, None)} = {ours.memory / size:4.1f}x",
              flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stylesheets", type=Path, help="a checkout of TEIC/Stylesheets")
    parser.add_argument("--saxon", type=Path, default=SAXON_JAR)
    parser.add_argument("--large", type=float, metavar="MB",
                        help="measure one large file of about MB megabytes instead")
    args = parser.parse_args()
    if args.large:
        with tempfile.TemporaryDirectory(prefix="teikit-bench-export-") as temp:
            large_file(args.large, Path(temp), args.runs)
        return 0
    if not CORPUS.is_dir():
        print("needs ../shared/corpus/tei-real", file=sys.stderr)
        return 2
    sheets = args.stylesheets
    use_saxon = bool(sheets and (sheets / "html" / "html.xsl").is_file() and args.saxon.is_file()
                     and shutil.which("java"))
    if not use_saxon:
        print("(Saxon or the Stylesheets not found: teikit alone)")
    files = documents()
    with tempfile.TemporaryDirectory(prefix="teikit-bench-export-") as temp:
        folder = flat_copy(files, Path(temp) / "tei")
        out = Path(temp) / "out"
        novel = CORPUS / NOVEL
        batch = out / "batch"
        cases = [
            ("HTML batch", teikit(folder, batch, "--to", "html", "--no-validate"),
             "html/html.xsl", folder, batch),
            ("reading-text batch", teikit(folder, batch, "--to", "text", "--view",
                                          "reading", "--no-validate"),
             "txt/tei-to-text.xsl", folder, batch),
            (f"largest novel ({novel.stat().st_size / 1e6:.1f} MB)",
             teikit(novel, out / "novel.html", "--to", "html", "--no-validate"),
             "html/html.xsl", novel, out / "novel.html"),
            ("HTML batch, validated first", teikit(folder, batch, "--to", "html"),
             "", folder, batch),
        ]
        print(f"{len(files)} documents, {args.runs} run(s) each: median wall and CPU time, "
              "peak memory")
        for name, command, stylesheet, source, target in cases:
            ours = measure(command, target, args.runs)
            theirs = None
            if use_saxon and stylesheet:
                theirs = measure(saxon(args.saxon, source, sheets / stylesheet, target),
                                 target, args.runs)
            print(line(name, ours, theirs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
