"""Validation cost on large files: seconds per MB from 1 MB to 200 MB, and peak memory,
teikit beside jing, in the same run, on the same files.

Run from the repository root (needs the Debian ``jing``)::

    python benchmarks/bench_validate_scale.py                  # 1, 5, 25, 100, 200 MB
    python benchmarks/bench_validate_scale.py --sizes 1 10 50  # quicker

The files are teikit's samples with their bodies repeated, checked against the shipped
``tei_all.rng`` as a user would: ``teikit validate --schema tei_all.rng`` with
``--no-embedded-rules`` (grammar only, as jing) and without (the embedded Schematron too).
Each command runs in a process of its own (the files are made in another one, so that
no measured process inherits a large memory); its start-up, measured on a one-page file,
is taken off before dividing its CPU time by the size. Targets: the cost per MB stays
flat (largest ÷ smallest ≤ 1.5); memory within 3× jing's; large files no slower than jing
(jing checks the grammar only: the rules' line has no such target). From 16 MB a file is
read as a stream, grammar and rules (:mod:`teikit.validator.stream`,
:mod:`teikit.validator.schematron.parts`), so the smaller sizes show the whole-tree check.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from teikit import tei  # noqa: E402  (the checkout's teikit, not an installed one)

TEI_ALL = ROOT / "schemas" / "tei" / "tei_all.rng"
SAMPLE = ROOT / "samples" / "output" / "memorandum_harbour_talks.xml"
MB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss: float
    """Peak resident memory, MB."""
    status: int


def measure(command: list[str]) -> Run:
    """Wall and CPU seconds and peak memory of one command (a process of its own)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def make(size_mb: float, path: Path) -> None:
    """Write a valid TEI file of about ``size_mb`` MB to ``path``: the sample's body
    repeated."""
    from lxml import etree

    tree = tei.parse_file(SAMPLE)
    body = tree.find(f".//{{{tei.TEI_NS}}}body")
    assert body is not None
    parts = list(body)
    chunk = sum(len(etree.tostring(part)) for part in parts)
    for copy_number in range(max(0, int(size_mb * MB - len(etree.tostring(tree))) // chunk)):
        for part in parts:
            body.append(_renumbered(copy.deepcopy(part), copy_number))
    path.write_bytes(tei.serialize(tree))


def _renumbered(part: object, number: int) -> object:
    """A copy whose xml:ids (and the pointers to them) are its own."""
    xml_id = f"{{{tei.XML_NS}}}id"
    for element in part.iter():  # type: ignore[attr-defined]
        if element.get(xml_id):
            element.set(xml_id, f"{element.get(xml_id)}-{number}")
        target = element.get("target", "")
        if target.startswith("#") and " " not in target:
            element.set("target", f"{target}-{number}")
    return part


def commands(path: Path) -> dict[str, list[str]]:
    teikit = [sys.executable, "-m", "teikit", "validate", "--schema", str(TEI_ALL)]
    return {"jing": ["jing", str(TEI_ALL), str(path)],
            "teikit grammar": [*teikit, "--no-embedded-rules", str(path)],
            "teikit + rules": [*teikit, str(path)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 25, 100, 200])
    parser.add_argument("--make", nargs=2, metavar=("MB", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make(float(args.make[0]), Path(args.make[1]))
        return
    if shutil.which("jing") is None:
        sys.exit("jing is not installed (Debian package 'jing')")
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    os.environ.clear()
    os.environ.update(environment)
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "one-page.xml"
        shutil.copy(SAMPLE, tiny)
        for command in commands(tiny).values():  # warm the caches (pruned grammars…)
            measure(command)
        startup = {name: min((measure(command) for _ in range(3)), key=lambda run: run.cpu)
                   for name, command in commands(tiny).items()}
        rows: dict[str, list[tuple[float, Run]]] = {name: [] for name in startup}
        print(f"{'file':>10} {'tool':<15} {'wall s':>8} {'cpu s':>8} {'cpu s/MB':>8} "
              f"{'peak MB':>8}")
        for size in args.sizes:
            path = Path(folder) / f"tei-{size:g}mb.xml"
            subprocess.run([sys.executable, __file__, "--make", str(size), str(path)],
                           check=True)
            megabytes = path.stat().st_size / MB
            for name, command in commands(path).items():
                run = measure(command)
                per_mb = (run.cpu - startup[name].cpu) / megabytes
                rows[name].append((per_mb, run))
                print(f"{megabytes:8.1f}MB {name:<15} {run.wall:8.2f} {run.cpu:8.2f} "
                      f"{per_mb:8.3f} {run.rss:8.0f}" + ("" if run.status == 0 else
                                                        f"  exit {run.status}"))
            path.unlink()
        summary(rows)


def summary(rows: dict[str, list[tuple[float, Run]]]) -> None:
    print()
    for name, found in rows.items():
        costs = [per_mb for per_mb, _ in found]
        flat = max(costs) / min(costs) if min(costs) > 0 else float("inf")
        print(f"{name:<15} s/MB from {costs[0]:.3f} to {costs[-1]:.3f}: largest / smallest "
              f"{flat:.2f} (target <= 1.5)")
    jing = rows["jing"]
    for name in ("teikit grammar", "teikit + rules"):
        pairs = [(run, base) for (_, run), (_, base) in zip(rows[name], jing, strict=True)]
        memory = max(run.rss / base.rss for run, base in pairs)
        wall = max(run.wall / base.wall for run, base in pairs)
        last, base = pairs[-1]
        print(f"{name:<15} memory up to {memory:.2f}x jing's (target <= 3); wall time up to "
              f"{wall:.2f}x jing's; largest file: CPU {last.cpu / base.cpu:.2f}x jing's, "
              f"wall {last.wall / base.wall:.2f}x")


if __name__ == "__main__":
    main()
