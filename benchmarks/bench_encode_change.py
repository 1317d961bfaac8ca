"""Encoding speed beside another teikit, measured in turn: what a change did to it.

Run from the repository root, with a copy of the commit to compare against::

    mkdir /tmp/before && git archive a5b2cdc | tar -x -C /tmp/before
    python benchmarks/bench_encode_change.py /tmp/before            # 3 rounds, 20 MB
    python benchmarks/bench_encode_change.py /tmp/before --mb 5 --rounds 5

Each round runs this checkout and the other one after the other, so both see the same
load: the development transcripts (else the repository's own) encoded in process, best
of three passes, as the suite does (documents per CPU-second and per second), then one
transcript of ``--mb`` megabytes made as the suite makes them, encoded by the command
line (MB per CPU-second and per second, peak memory over the input). The medians of the
rounds are printed side by side. Each teikit runs in child processes started in its own
folder, so that it is the ``teikit`` Python imports. On a shared machine read the CPU
figures: the load moves the wall times far more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sections import ENCODE_IN_PROCESS
from measure import ROOT, Run, child, dev_transcripts, python, synthetic, teikit, transcripts_name


def in_process(folder: Path, paths: list[Path]) -> tuple[float, float]:
    """(documents per CPU-second, documents per second) of the teikit in ``folder``."""
    found = child(python(ENCODE_IN_PROCESS, "3", *map(str, paths)), cwd=folder).out.split()
    count, wall, cpu = int(found[0]), float(found[2]), float(found[3])
    return count / cpu, count / wall


def large(folder: Path, source: Path) -> Run:
    """The command line of the teikit in ``folder`` encoding ``source``."""
    return child(teikit("encode", str(source), "-o", str(source.with_suffix(".xml"))),
                 cwd=folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("baseline", type=Path, help="a folder holding another teikit package")
    parser.add_argument("--mb", type=float, default=20.0, help="the large transcript, in MB")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (args.baseline / "teikit" / "__init__.py").is_file():
        parser.error(f"{args.baseline} holds no teikit package")
    folders = {"this checkout": ROOT, "baseline": args.baseline.resolve()}
    paths = dev_transcripts()
    docs: dict[str, list[tuple[float, float]]] = {name: [] for name in folders}
    runs: dict[str, list[Run]] = {name: [] for name in folders}
    with tempfile.TemporaryDirectory(prefix="teikit-change-") as temp:
        source = Path(temp) / "large.txt"
        source.write_bytes(synthetic(args.mb))
        megabytes = source.stat().st_size / 1e6
        for _ in range(args.rounds):
            for name, folder in folders.items():
                docs[name].append(in_process(folder, paths))
                runs[name].append(large(folder, source))
    print(f"{len(paths)} {transcripts_name()} in process; one {megabytes:.0f} MB transcript "
          f"by the command line; medians of {args.rounds} rounds")
    for name in folders:
        cpu_rate = median([cpu for cpu, _ in docs[name]])
        wall_rate = median([wall for _, wall in docs[name]])
        done = runs[name]
        print(f"  {name:14} {cpu_rate:6.0f} docs/CPU-s ({wall_rate:.0f} docs/s); "
              f"{megabytes / median([r.cpu for r in done]):.2f} MB/CPU-s "
              f"({megabytes / median([r.wall for r in done]):.2f} MB/s), "
              f"peak {median([r.peak for r in done]):.0f} MB = "
              f"{median([r.peak for r in done]) / megabytes:.1f}x input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
