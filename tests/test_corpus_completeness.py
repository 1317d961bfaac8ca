"""Completeness against jing on real TEI: the grammar errors teikit reports, line by line.

For the real documents jing finds invalid against ``tei_all.rng`` (``../shared``, verdicts in
the corpus manifest), jing's error lines are the reference: teikit must report at least 95 %
of them (it goes on after a fault, as jing does) and at most 2 % of its own may be lines
jing does not report. Lines are compared per file (the file a diagnostic names: XIncluded
content in its own file, as jing does). Run on every suite run where jing is installed.
"""

from __future__ import annotations

import csv
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from teikit.diagnostics import Severity
from teikit.validator import Options, validate_paths

pytestmark = pytest.mark.shared

NOT_WELL_FORMED = {"tei-stylesheets-tests/Test/testrend.xml"}  # jing aborts its batch on it
_ERROR = re.compile(r"^(.+?):(\d+):\d+: (?:error|fatal):", re.M)

Lines = dict[str, set[int]]


def _invalid_documents(corpus: Path) -> list[Path]:
    with (corpus / "manifest.csv").open(encoding="utf-8") as handle:
        return [corpus / row["path"] for row in csv.DictReader(handle)
                if row["role"] == "test" and row["jing_verdict"] == "invalid"
                and row["path"] not in NOT_WELL_FORMED]


def _jing_lines(jing: str, schema: Path, documents: list[Path]) -> Lines:
    run = subprocess.run([jing, str(schema), *map(str, documents)], capture_output=True,
                         text=True, check=False)
    found: Lines = defaultdict(set)
    for match in _ERROR.finditer(run.stdout):
        found[str(Path(match.group(1)).resolve())].add(int(match.group(2)))
    return found


def _teikit_lines(schema: Path, documents: list[Path], corpus: Path) -> Lines:
    results = validate_paths(documents, [schema], jobs=2,
                             options=Options(embedded=False, xinclude_roots=(corpus,)))
    found: Lines = defaultdict(set)
    for result in results:
        for problem in result.diagnostics:
            if problem.severity is Severity.ERROR:
                found[str(Path(problem.file).resolve())].add(problem.line)
    return found


def _pairs(lines: Lines) -> set[tuple[str, int]]:
    return {(file, line) for file, numbers in lines.items() for line in numbers}


def test_teikit_reports_the_error_lines_jing_reports(jing: str, shared: Path) -> None:
    corpus, schema = shared / "corpus" / "tei-real", shared / "tei" / "schemas" / "tei_all.rng"
    documents = _invalid_documents(corpus)
    assert len(documents) == 70
    reference = _pairs(_jing_lines(jing, schema, documents))
    reported = _pairs(_teikit_lines(schema, documents, corpus))
    both = reference & reported
    recall, precision = len(both) / len(reference), len(both) / len(reported)
    summary = (f"jing {len(reference)} lines, teikit {len(reported)}: recall {recall:.1%}, "
               f"precision {precision:.1%}")
    assert recall >= 0.95, summary
    assert precision >= 0.98, summary
