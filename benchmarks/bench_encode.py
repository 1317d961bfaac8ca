"""Encoding speed: documents per second and megabytes per second.

Run from the repository root::

    python benchmarks/bench_encode.py            # samples + tests' transcripts, and 50 MB
    python benchmarks/bench_encode.py --mb 10    # a smaller large transcript

Prints the median of several runs for (1) every bundled transcript, (2) synthetic
transcripts of growing size up to ``--mb`` megabytes (the per-MB cost must stay flat:
encoding is linear), each next to the time lxml takes to parse the TEI that encoding
produced, as a yardstick measured in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from teikit.encoder import encode_bytes  # noqa: E402
from teikit.tei import parse_bytes  # noqa: E402


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus() -> list[bytes]:
    paths = sorted((ROOT / "samples").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data" / "encode").rglob("*.txt"))
    return [p.read_bytes() for p in paths if ".transcript." not in p.name
            and ".reading." not in p.name]


def synthetic(megabytes: float) -> bytes:
    """A long record-free transcript: letters and paragraphs with every convention."""
    unit = corpus()
    block = b"\n\n".join(data.replace(b"\r\n", b"\n") for data in unit) + b"\n\n"
    copies = max(1, int(megabytes * 1_000_000 / len(block)))
    return block * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="largest transcript, in MB")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    docs = corpus()
    size = sum(map(len, docs))
    encode_all = median_seconds(lambda: [encode_bytes(d) for d in docs], args.runs)
    teis = [encode_bytes(d).to_bytes() for d in docs]
    parse_all = median_seconds(lambda: [parse_bytes(t) for t in teis], args.runs)
    print(f"bundled transcripts: {len(docs)} docs, {size / 1e3:.1f} kB")
    print(f"  encode: {len(docs) / encode_all:8.1f} docs/s  {size / 1e6 / encode_all:6.2f} MB/s"
          f"  (median of {args.runs})")
    print(f"  lxml parse of the TEI: {parse_all * 1e3:.1f} ms; encode/parse ratio "
          f"{encode_all / parse_all:.1f}x")

    print("large transcripts (linearity: seconds per MB should stay flat)")
    sizes = [s for s in (1.0, 5.0, 10.0, 25.0, 50.0) if s <= args.mb] or [args.mb]
    for megabytes in sizes:
        data = synthetic(megabytes)
        runs = 1 if megabytes >= 25 else 3
        seconds = median_seconds(lambda data=data: encode_bytes(data), runs)  # type: ignore[misc]
        tei = encode_bytes(data).to_bytes()
        parse = median_seconds(lambda tei=tei: parse_bytes(tei), runs)  # type: ignore[misc]
        mb = len(data) / 1e6
        print(f"  {mb:6.1f} MB: {seconds:7.2f} s  {mb / seconds:5.2f} MB/s  "
              f"{seconds / mb:.3f} s/MB  (lxml parse of the {len(tei) / 1e6:.0f} MB TEI: "
              f"{parse:.2f} s, ratio {seconds / parse:.1f}x; median of {runs})")


if __name__ == "__main__":
    main()
