"""Where a large transcript's encoding spends its memory: the peak of each stage.

Run from the repository root::

    python benchmarks/bench_encode_memory.py                  # one 5 MB transcript
    python benchmarks/bench_encode_memory.py --mb 20 --traced # and Python's own share
    python benchmarks/bench_encode_memory.py --cli 1 5 20     # the command line, whole runs

The transcript is made as the suite makes its large ones (:func:`measure.synthetic`). It is
encoded once, in this process, through :func:`teikit.encoder.encode_bytes`: the stages
that :mod:`teikit.encoder.run` calls are wrapped, and for each the table gives its CPU
time, the highest resident memory reached while it ran (Linux resets that mark on request:
``/proc/self/clear_refs``) and the memory held when it ended. A run's peak is the highest
of its stages' peaks, so lowering one stage moves the whole only when it was the highest.
``--traced`` adds the memory Python objects hold (``tracemalloc``, which makes the run
slower; lxml's trees are not Python objects and are not in it).

``--cli`` runs ``teikit encode`` on transcripts of the sizes given, as the suite does, and
prints the SHA-256 of each TEI file written: two checkouts that print the same digests
wrote the same bytes.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import ROOT, child, synthetic, teikit

sys.path.insert(0, str(ROOT))

STAGES = (
    ("teikit.encoder.run", "decode", "decode and split the lines"),
    ("teikit.encoder.layout", "parse", "layout: lines, roles, model tree"),
    ("teikit.encoder.build.Builder", "container", "build <text> from the model"),
    ("teikit.encoder.run", "tei_header", "build teiHeader"),
    ("teikit.encoder.run", "declare", "declare language, resp"),
    ("teikit.encoder.run", "transcript_of", "check the TEI reads back"),
    ("teikit.encoder.EncodeResult", "to_bytes", "serialize"),
)
"""(where, name, what the table calls it): the functions wrapped, in the order they run."""


def _resident() -> tuple[float, float]:
    """(resident MB now, highest since the last reset), the mark reset for the next."""
    status = Path("/proc/self/status")
    if not status.is_file():  # not Linux: the process's peak, never reset
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak
    fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
    Path("/proc/self/clear_refs").write_text("5")
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


@dataclass
class Lap:
    """One stage: its CPU seconds, the highest memory while it ran, the memory after it."""

    what: str
    cpu: float = 0.0
    peak: float = 0.0
    held: float = 0.0
    traced: float = 0.0


class Meter:
    """Laps of the encoding; time and memory between two wrapped stages go to ``other``."""

    def __init__(self) -> None:
        self.laps: dict[str, Lap] = {}
        self.depth = 0  # a stage that calls itself (a container in a container) is one lap
        self.last = time.process_time()
        _resident()

    def lap(self, what: str) -> None:
        now = time.process_time()
        held, peak = _resident()
        found = self.laps.setdefault(what, Lap(what))
        found.cpu += now - self.last
        found.peak, found.held = max(found.peak, peak), held
        if tracemalloc.is_tracing():
            found.traced = max(found.traced, tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.reset_peak()
        self.last = now

    def wrap(self, function: Callable[..., Any], what: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def measured(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return function(*args, **kwargs)
            self.lap("(between stages)")
            self.depth += 1
            try:
                return function(*args, **kwargs)
            finally:
                self.depth -= 1
                self.lap(what)
        return measured


def _owner(where: str) -> Any:
    import importlib

    module, _, attribute = where.rpartition(".")
    try:
        return importlib.import_module(where)
    except ModuleNotFoundError:
        return getattr(importlib.import_module(module), attribute)


def stages(megabytes: float, traced: bool) -> int:
    from teikit.encoder import encode_bytes

    encode_bytes(b"A line.\n\nAnother.\n").to_bytes()  # the tables, loaded once
    data = synthetic(megabytes)
    meter = Meter()
    for where, name, what in STAGES:
        owner = _owner(where)
        setattr(owner, name, meter.wrap(getattr(owner, name), what))
    if traced:
        tracemalloc.start()
    start = meter.laps.setdefault("(start)", Lap("(start)", held=_resident()[0]))
    digest = hashlib.sha256(encode_bytes(data, name="large.txt").to_bytes()).hexdigest()
    size = len(data) / 1e6
    print(f"one {size:.1f} MB transcript in process (started at {start.held:.0f} MB); "
          f"TEI sha256 {digest[:16]}")
    print(f"| {'stage':34} | CPU s | peak MB | x input | held after |"
          + (" Python peak MB |" if traced else ""))
    for lap in meter.laps.values():
        if lap.what == "(start)":
            continue
        row = (f"| {lap.what:34} | {lap.cpu:5.1f} | {lap.peak:7.0f} | {lap.peak / size:7.1f} "
               f"| {lap.held:10.0f} |")
        print(row + (f" {lap.traced:14.0f} |" if traced else ""))
    top = max(lap.peak for lap in meter.laps.values())
    print(f"peak {top:.0f} MB = {top / size:.1f}x input")
    return 0


def cli(sizes: list[float]) -> int:
    with tempfile.TemporaryDirectory(prefix="teikit-memory-") as temp:
        for megabytes in sizes:
            source = Path(temp) / f"large{megabytes:g}.txt"
            source.write_bytes(synthetic(megabytes))
            output = source.with_suffix(".xml")
            run = child(teikit("encode", str(source), "-o", str(output)))
            size = source.stat().st_size / 1e6
            digest = hashlib.sha256(output.read_bytes()).hexdigest()[:16]
            print(f"{size:6.1f} MB: {size / run.cpu:.2f} MB/CPU-s ({size / run.wall:.2f} MB/s), "
                  f"peak {run.peak:.0f} MB = {run.peak / size:.1f}x input; TEI sha256 {digest}",
                  flush=True)
            source.unlink()
            output.unlink()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="the transcript's size in MB")
    parser.add_argument("--traced", action="store_true", help="also Python's own memory")
    parser.add_argument("--cli", type=float, nargs="+", metavar="MB",
                        help="instead: the command line on transcripts of these sizes")
    args = parser.parse_args()
    return cli(args.cli) if args.cli else stages(args.mb, args.traced)


if __name__ == "__main__":
    sys.exit(main())
