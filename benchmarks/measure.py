"""Measuring tools for the benchmark suite: child processes timed with their peak memory,
the best of several runs, synthetic inputs of a chosen size, and the table the suite prints.

Every figure is printed beside a yardstick measured in the same run on the same machine
(lxml parsing the same output, jing, the TEI Stylesheets on Saxon), so that the ratio
means something on a shared, noisy machine where absolute times do not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "transcripts-dev" / "transcripts"
# the bytecode cache as an installed package has it (some machines turn writing it off)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, CPU seconds, peak memory (MB), what it printed."""

    wall: float
    cpu: float
    peak: float
    out: str = ""


def child(command: Sequence[str], cwd: Path = ROOT) -> Run:
    """Run ``command`` to the end; its time and the peak memory of it (and the workers it
    waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               cwd=cwd, env=ENV)
    out = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    _, _, usage = os.wait4(process.pid, 0)
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss / 1024, out)


def best(runs: int, action: Callable[[], Run]) -> Run:
    """The fastest of ``runs`` runs (the least disturbed by other work on the machine)."""
    return min((action() for _ in range(runs)), key=lambda run: run.wall)


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def teikit(*args: str) -> list[str]:
    return [sys.executable, "-m", "teikit", *args]


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def dev_transcripts() -> list[Path]:
    """The development transcripts (the encoder is judged on them), else the repository's."""
    found = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    return found or sorted((ROOT / "tests" / "data" / "roles").glob("*.txt"))


def transcripts_name() -> str:
    """What :func:`dev_transcripts` found, for the table."""
    return "dev transcripts" if DEV.is_dir() else "test transcripts (no ../shared)"


def copies(sources: Sequence[Path], count: int, folder: Path) -> Path:
    """``count`` transcripts in ``folder``: ``sources`` over and over, each its own file."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        shutil.copyfile(sources[number % len(sources)], folder / f"t{number:05}.txt")
    return folder


def synthetic(megabytes: float) -> bytes:
    """One long transcript: the development transcripts one after another, repeated."""
    block = b"\n\n".join(p.read_bytes().replace(b"\r\n", b"\n") for p in dev_transcripts())
    return block * max(1, round(megabytes * 1e6 / len(block)))


@dataclass(frozen=True)
class Row:
    """One figure of the table, beside its yardstick."""

    figure: str
    value: str
    yardstick: str = ""
    ratio: str = ""
    target: str = ""


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table (it reads in a terminal, a CI log and docs alike)."""
    head = Row("figure", "teikit", "yardstick (same run)", "ratio", "target")
    cells = [[r.figure, r.value, r.yardstick, r.ratio, r.target] for r in (head, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(5)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
