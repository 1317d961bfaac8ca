"""Exact verdicts on real TEI: teikit's RELAX NG verdict equals jing's on every document.

The reference verdicts are in ``../shared`` (jing 20220510 with XInclude on against
``tei_all.rng``, and the FRUS project's own ``frus.rng``). jing ignores the Schematron
embedded in ``tei_all.rng``, so the grammar verdict is compared; the embedded rules are
checked separately (they must run, and not crash, on every document).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teikit.diagnostics import Severity
from teikit.validator import FileResult, Options, batch, validate_paths

pytestmark = pytest.mark.shared

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEI_REAL = SHARED / "corpus" / "tei-real"
FRUS = SHARED / "corpus" / "frus"
TEI_ALL = SHARED / "tei" / "schemas" / "tei_all.rng"


def _need(*paths: Path) -> None:
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path} not available")


def _grammar_verdict(result: FileResult) -> str:
    errors = [d for d in result.diagnostics
              if d.severity is Severity.ERROR and d.source != "schematron"]
    return "invalid" if errors else "valid"


@pytest.fixture(scope="module")
def tei_real() -> tuple[dict[str, str], list[FileResult]]:
    _need(TEI_REAL / "manifest.csv", TEI_ALL)
    with (TEI_REAL / "manifest.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["role"] == "test"]
    expected = {r["path"]: r["jing_verdict"] for r in rows}
    # jing (Xerces) reads ISicily's ../alists includes: trust the corpus folder as well
    results = validate_paths([TEI_REAL / p for p in expected], [TEI_ALL], jobs=2,
                             options=Options(embedded=True, xinclude_roots=(TEI_REAL,)))
    return expected, results


def test_tei_real_verdicts_match_jing(tei_real: tuple[dict[str, str], list[FileResult]]) -> None:
    expected, results = tei_real
    assert len(results) == len(expected) == 428
    got = {r.path.relative_to(TEI_REAL).as_posix(): _grammar_verdict(r) for r in results}
    wrong = {p: (got[p], v) for p, v in expected.items() if got[p] != v}
    assert not wrong, f"{len(wrong)}/428 verdicts differ from jing: {wrong}"


def test_every_invalid_document_says_where(
    tei_real: tuple[dict[str, str], list[FileResult]],
) -> None:
    for result in tei_real[1]:
        for problem in result.diagnostics:
            assert problem.in_document == str(result.path)
            assert problem.code != "xinclude", problem  # every include is read, as jing does
            if problem.severity is Severity.ERROR and problem.code.startswith("rng"):
                # libxml2 gives no location for some "attributes not valid" summaries
                assert problem.line > 0 or "are not valid" in problem.message, problem


def test_embedded_schematron_runs_on_every_document(
    tei_real: tuple[dict[str, str], list[FileResult]],
) -> None:
    codes = [d.code for r in tei_real[1] for d in r.diagnostics if d.source == "schematron"]
    assert "schematron-error" not in codes
    assert codes, "the rules embedded in tei_all.rng found nothing on 428 real documents"


def test_repeated_xml_id_is_left_to_the_schema() -> None:
    """libxml2's parser rejects Test/test-tree.xml (a repeated xml:id); jing accepts it."""
    document = TEI_REAL / "tei-stylesheets-tests" / "Test" / "test-tree.xml"
    _need(document, TEI_ALL)
    [result] = validate_paths([document], [TEI_ALL], options=Options(embedded=False))
    assert _grammar_verdict(result) == "valid"


def test_each_document_alone_gets_jings_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """One document per chunk: every grammar is pruned to a single document's vocabulary,
    the narrowest there is (a batch unites the vocabularies of its chunk's documents)."""
    _need(TEI_REAL / "manifest.csv", TEI_ALL)
    with (TEI_REAL / "manifest.csv").open(encoding="utf-8") as handle:
        expected = {r["path"]: r["jing_verdict"] for r in csv.DictReader(handle)
                    if r["role"] == "test"}
    monkeypatch.setattr(batch, "CHUNK", 1)
    results = validate_paths([TEI_REAL / p for p in expected], [TEI_ALL], jobs=2,
                             options=Options(embedded=False, xinclude_roots=(TEI_REAL,)))
    got = {r.path.relative_to(TEI_REAL).as_posix(): _grammar_verdict(r) for r in results}
    wrong = {p: (got[p], v) for p, v in expected.items() if got[p] != v}
    assert not wrong, f"{len(wrong)}/428 verdicts differ from jing: {wrong}"
    for result in results:  # and an invalid document always says where
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        assert all(d.line > 0 or "are not valid" in d.message for d in errors), errors


def test_a_required_element_missing_everywhere_is_named_like_jing() -> None:
    """alt.odd has no teiHeader at all: pruned to its vocabulary, TEI's content model could
    not match; teikit still says where and what was expected (jing: 'element "specGrp" not
    allowed here; expected element "teiHeader"')."""
    document = TEI_REAL / "tei-stylesheets-tests" / "Test" / "alt.odd"
    _need(document, TEI_ALL)
    [result] = validate_paths([document], [TEI_ALL], options=Options(embedded=False))
    problem, missing = result.diagnostics
    assert (problem.line, problem.code) == (3, "rng-element")
    assert "`specGrp` is not allowed here inside `TEI`" in problem.message
    assert "`teiHeader`" in problem.message
    # and, as jing goes on: 'element "TEI" incomplete; missing required element "teiHeader"'
    assert (missing.line, missing.code) == (27, "rng-missing")
    assert "required element `teiHeader` is missing" in missing.message


def test_the_fault_is_named_inside_the_element_that_has_it() -> None:
    """ELTeC puts its own elements inside textDesc: the message names them, not textDesc
    (which is allowed where it is)."""
    document = TEI_REAL / "eltec-eng" / "level1" / "ENG18411_Tupper.xml"
    _need(document, TEI_ALL)
    [result] = validate_paths([document], [TEI_ALL], options=Options(embedded=False))
    first = result.diagnostics[0]
    assert first.message.startswith("element `authorGender` is not allowed here inside "
                                    "`textDesc`; allowed there: `channel`")


def test_frus_verdicts_match_jing() -> None:
    _need(FRUS / "manifest.csv", FRUS / "schema" / "frus.rng")
    with (FRUS / "manifest.csv").open(encoding="utf-8") as handle:
        expected = {r["file"]: r["valid_frus_rng"] for r in csv.DictReader(handle)}
    results = validate_paths([FRUS / f for f in expected], [FRUS / "schema" / "frus.rng"],
                             options=Options(embedded=False))
    assert len(results) == len(expected) == 62
    got = {r.path.relative_to(FRUS).as_posix(): "yes" if _grammar_verdict(r) == "valid" else "no"
           for r in results}
    assert got == expected


def test_messages_say_what_is_allowed_like_jing() -> None:
    """jing: 'element "math" not allowed here; expected ... "ns:binaryObject", "ns:formula",
    "ns:graphic", "ns:hi", "ns:media" or "ns:q"'."""
    document = TEI_REAL / "tei-stylesheets-tests" / "Test" / "test25.xml"
    _need(document, TEI_ALL)
    [result] = validate_paths([document], [TEI_ALL], options=Options(embedded=False))
    [problem] = result.diagnostics
    assert (problem.line, problem.column) == (21, 29)
    assert problem.message == (
        "element `math` is not allowed here inside `formula`; allowed there: "
        "`binaryObject`, `formula`, `graphic`, `hi`, `media`, `q`")
    assert problem.url == "https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-formula.html"
