"""Completeness against jing on real TEI: the grammar errors teikit reports, line by line.

For the real documents jing finds invalid against ``tei_all.rng`` (``../shared``, verdicts in
the corpus manifest), jing's error lines are the reference: teikit must report at least 95 %
of them (it goes on after a fault, as jing does) and at most 2 % of its own may be lines
jing does not report. Lines are compared per file (the file a diagnostic names: XIncluded
content in its own file, as jing does). Run on every suite run where jing is installed;
``benchmarks/report_completeness.py`` prints the figures, the timings and the files where
the two differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from report_completeness import (
    Agreement,
    invalid_documents,
    jing_lines,
    pairs,
    teikit_lines,
)

pytestmark = pytest.mark.shared


def test_teikit_reports_the_error_lines_jing_reports(jing: str, shared: Path) -> None:
    corpus, schema = shared / "corpus" / "tei-real", shared / "tei" / "schemas" / "tei_all.rng"
    documents = invalid_documents(corpus)
    assert len(documents) == 70
    agreement = Agreement(pairs(jing_lines(jing, schema, documents)),
                          pairs(teikit_lines(schema, documents, corpus)))
    assert agreement.recall >= 0.95, agreement.summary()
    assert agreement.precision >= 0.98, agreement.summary()
