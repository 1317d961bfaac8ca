"""Completeness against jing on real TEI: which of jing's error lines teikit reports.

Run from the repository root (needs ../shared and the Debian ``jing``)::

    python benchmarks/report_completeness.py              # totals, timings, worst files
    python benchmarks/report_completeness.py --worst 20   # more files in the table

The documents are those of ``../shared/corpus/tei-real`` that jing finds invalid against
``tei_all.rng`` (the corpus manifest's verdicts). jing's error lines are the reference:
recall is the share of them teikit reports (grammar only, as jing), precision the share of
teikit's error lines that jing reports too. Lines are compared per file (the file a
diagnostic names: XIncluded content in its own file, as jing does). Targets: recall ≥ 95 %,
precision ≥ 98 %. Both tools' wall times on these files are printed beside (one process
each, teikit's schema cache warm). ``tests/test_corpus_completeness.py`` asserts the targets.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from teikit.diagnostics import Severity  # noqa: E402  (the checkout's teikit)
from teikit.validator import Options, validate_paths  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "tei-real"
TEI_ALL = SHARED / "tei" / "schemas" / "tei_all.rng"
NOT_WELL_FORMED = {"tei-stylesheets-tests/Test/testrend.xml"}  # jing aborts its batch on it
_ERROR = re.compile(r"^(.+?):(\d+):\d+: (?:error|fatal):", re.M)

Lines = dict[str, set[int]]


def invalid_documents(corpus: Path) -> list[Path]:
    """The documents jing finds invalid against tei_all (the manifest's verdicts)."""
    with (corpus / "manifest.csv").open(encoding="utf-8") as handle:
        return [corpus / row["path"] for row in csv.DictReader(handle)
                if row["role"] == "test" and row["jing_verdict"] == "invalid"
                and row["path"] not in NOT_WELL_FORMED]


def jing_lines(jing: str, schema: Path, documents: list[Path]) -> Lines:
    """The lines jing reports an error on, per file."""
    run = subprocess.run([jing, str(schema), *map(str, documents)], capture_output=True,
                         text=True, check=False)
    found: Lines = defaultdict(set)
    for match in _ERROR.finditer(run.stdout):
        found[str(Path(match.group(1)).resolve())].add(int(match.group(2)))
    return found


def teikit_lines(schema: Path, documents: list[Path], corpus: Path, jobs: int = 2) -> Lines:
    """The lines teikit reports a grammar error on, per file."""
    results = validate_paths(documents, [schema], jobs=jobs,
                             options=Options(embedded=False, xinclude_roots=(corpus,)))
    found: Lines = defaultdict(set)
    for result in results:
        for problem in result.diagnostics:
            if problem.severity is Severity.ERROR:
                found[str(Path(problem.file).resolve())].add(problem.line)
    return found


def pairs(lines: Lines) -> set[tuple[str, int]]:
    return {(file, line) for file, numbers in lines.items() for line in numbers}


@dataclass(frozen=True)
class Agreement:
    """How teikit's error lines compare with jing's."""

    reference: set[tuple[str, int]]
    reported: set[tuple[str, int]]

    @property
    def recall(self) -> float:
        return len(self.reference & self.reported) / max(1, len(self.reference))

    @property
    def precision(self) -> float:
        return len(self.reference & self.reported) / max(1, len(self.reported))

    def summary(self) -> str:
        return (f"jing {len(self.reference)} lines, teikit {len(self.reported)}: "
                f"recall {self.recall:.1%}, precision {self.precision:.1%}")


def _timed(work: Callable[[], Lines]) -> tuple[Lines, float]:
    start = time.perf_counter()
    found = work()
    return found, time.perf_counter() - start


def _table(agreement: Agreement, worst: int) -> None:
    missed: dict[str, list[int]] = defaultdict(list)
    extra: dict[str, list[int]] = defaultdict(list)
    for file, line in agreement.reference - agreement.reported:
        missed[file].append(line)
    for file, line in agreement.reported - agreement.reference:
        extra[file].append(line)
    files = sorted(set(missed) | set(extra),
                   key=lambda f: -(len(missed.get(f, ())) + len(extra.get(f, ()))))
    print(f"\n{'missed':>7} {'extra':>6}  file (first lines missed | extra)")
    for file in files[:worst]:
        shown = sorted(missed.get(file, ()))[:6], sorted(extra.get(file, ()))[:6]
        name = Path(file).relative_to(CORPUS) if CORPUS in Path(file).parents else file
        print(f"{len(missed.get(file, ())):>7} {len(extra.get(file, ())):>6}  {name}"
              f"  ({shown[0]} | {shown[1]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=10, help="files listed in the table")
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    jing = shutil.which("jing")
    if jing is None or not TEI_ALL.is_file():
        sys.exit("needs ../shared and jing (apt-get install jing)")
    documents = invalid_documents(CORPUS)
    teikit_lines(TEI_ALL, documents[:1], CORPUS, 1)  # the schema cache warm, as a user's
    reference, jing_time = _timed(lambda: jing_lines(jing, TEI_ALL, documents))
    reported, teikit_time = _timed(lambda: teikit_lines(TEI_ALL, documents, CORPUS,
                                                        arguments.jobs))
    agreement = Agreement(pairs(reference), pairs(reported))
    print(f"{len(documents)} documents jing finds invalid against tei_all.rng")
    print(agreement.summary() + "  (targets: recall 95 %, precision 98 %)")
    print(f"wall time: jing {jing_time:.2f} s, teikit --jobs {arguments.jobs} "
          f"{teikit_time:.2f} s (in process)")
    _table(agreement, arguments.worst)


if __name__ == "__main__":
    main()
