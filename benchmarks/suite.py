"""The benchmark suite: every speed and memory figure of teikit in one table, each beside a
yardstick measured in the same run.

Run from the repository root::

    python benchmarks/suite.py            # the full suite (tens of minutes; 100 MB inputs)
    python benchmarks/suite.py --quick    # small sizes, one run each: what CI prints

It never fails on a figure: machines are shared and noisy, so the table is read, not gated
(ratios to the yardsticks are the figures to compare between machines). It covers encoding
in process (docs/s, MB/s), command-line batches (``--jobs 1`` and ``2``, ``build`` too),
large transcripts (per-MB cost from 1 MB up, peak memory over input), export (the real
corpus's batch and one large TEI file: time and memory), validation beside jing, and the
Dask executor beside ``--jobs 2``. Parts that need ``../shared``, jing, Saxon and the TEI
Stylesheets (``--stylesheets DIR``) or Dask are left out, and said so, where absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sections import (
    cli_batches,
    dask_beside_local,
    encode_in_process,
    export_batch,
    export_large,
    large_transcripts,
    startup,
    validate_beside_jing,
)
from measure import Row, table


@dataclass(frozen=True)
class Sizes:
    """How big the suite's inputs are."""

    runs: int
    batch: int
    megabytes: tuple[float, ...]
    export_megabytes: float
    validate_files: int | None


FULL = Sizes(runs=3, batch=1000, megabytes=(1, 5, 20, 100), export_megabytes=200,
             validate_files=None)
QUICK = Sizes(runs=1, batch=200, megabytes=(1, 4), export_megabytes=18, validate_files=40)
"""Its large export is just above the size from which the validator and the export read a
file part by part (16 MiB, ``teikit.exporter.job.STREAM_FROM``): the streamed paths."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--stylesheets", type=Path,
                        help="a checkout of the TEI Stylesheets (a yardstick for export)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="teikit-suite-") as temp:
        work = Path(temp)
        sections: list[tuple[str, Callable[[], list[Row]]]] = [
            ("startup", lambda: startup(sizes.runs)),
            ("encode in process", lambda: encode_in_process(sizes.runs)),
            ("CLI batches", lambda: cli_batches(work, sizes.batch, sizes.runs)),
            ("large transcripts", lambda: large_transcripts(work, sizes.megabytes)),
            ("export batch", lambda: export_batch(work, sizes.runs, args.stylesheets)),
            ("large export", lambda: export_large(work, sizes.export_megabytes,
                                                  args.stylesheets)),
            ("validate", lambda: validate_beside_jing(sizes.runs, sizes.validate_files)),
            ("Dask", lambda: dask_beside_local(work, sizes.batch, sizes.validate_files)),
        ]
        for name, section in sections:
            found = _measured(name, section)
            rows.extend(found)
            if sys.stderr.isatty():  # as it goes: a full run is long
                for row in found:
                    print(f"  {row.figure}: {row.value}  {row.yardstick}  {row.ratio}",
                          file=sys.stderr, flush=True)
    print(table(rows))
    failed = [row for row in rows if row.value.startswith("failed")]
    return 1 if failed else 0


def _measured(name: str, section: Callable[[], list[Row]]) -> list[Row]:
    """The rows of one section; one that breaks is a row saying how (the others still run,
    and the suite's exit status says a section broke: a defect of the suite, never a
    figure)."""
    try:
        return section()
    except Exception as error:
        return [Row(name, f"failed: {type(error).__name__}: {error}")]


if __name__ == "__main__":
    sys.exit(main())
