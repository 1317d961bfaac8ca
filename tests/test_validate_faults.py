"""Fault messages, one case per datatype family and structure fault (data/validate/faults):
each names the element, the attribute, the value and what was expected. Where jing is
installed, it must find errors on the same lines (it reports at the end of a start tag, so
lines, not columns, are compared)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from teikit.validator import iter_diagnostics

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "validate" / "faults"
GRAMMAR = DATA / "faults.rng"
CASES = tomllib.loads((DATA / "cases.toml").read_text(encoding="utf-8"))["case"]


def _check(case: dict[str, object], tmp_path: Path) -> tuple[Path, list[str]]:
    document = tmp_path / "case.xml"
    document.write_text(str(case["xml"]), encoding="utf-8")
    found = [d for d in iter_diagnostics(document, [GRAMMAR]) if d.source == "relaxng"]
    return document, [f"{d.line} {d.code} {d.message}" for d in found]


@pytest.mark.parametrize("case", CASES, ids=[str(c["name"]) for c in CASES])
def test_fault_messages(case: dict[str, object], tmp_path: Path) -> None:
    assert _check(case, tmp_path)[1] == case["expect"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[str(c["name"]) for c in CASES])
def test_jing_finds_faults_on_the_same_lines(case: dict[str, object], tmp_path: Path) -> None:
    jing = shutil.which("jing")
    if jing is None:
        pytest.skip("jing is not installed (Debian package 'jing')")
    document, found = _check(case, tmp_path)
    run = subprocess.run([jing, str(GRAMMAR), str(document)], capture_output=True,
                         text=True, check=False)
    lines = {int(m.group(1)) for m in re.finditer(rf"{re.escape(str(document))}:(\d+):\d+: "
                                                  r"error", run.stdout)}
    assert lines == {int(item.split()[0]) for item in found}


def test_a_repeated_xml_id_names_both_places(tmp_path: Path) -> None:
    """An error where the grammar's engines count IDs (libxml2 and jing do with this one),
    else a warning (jing accepts such a document against tei_all: the verdict stays)."""
    document = tmp_path / "ids.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>t</title></teiHeader>\n'
        '<text><body><p><name xml:id="a">x</name></p>\n<p><name xml:id="b">y</name>\n'
        '<name xml:id="a">z</name></p></body></text></TEI>', encoding="utf-8")
    message = ("xml:id `a` is used twice: here on `name` and at line 2 on `name`; a pointer "
               "to `#a` is ambiguous")
    found = list(iter_diagnostics(document, [GRAMMAR]))
    assert [(d.line, str(d.severity), d.code, d.message) for d in found] == [
        (4, "error", "duplicate-id", message)]
    found = list(iter_diagnostics(document, [DATA.parent / "tei-mini.rng"]))
    repeats = [d for d in found if d.code == "duplicate-id"]
    assert [(d.line, str(d.severity), d.message) for d in repeats] == [(4, "warning", message)]
