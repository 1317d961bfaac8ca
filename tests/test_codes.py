"""One table of diagnostic codes (:mod:`teikit.codes`): README.md's list is made from it,
and every code teikit emits is in it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import teikit
from teikit.codes import CODES, markdown_table

from conftest import DATA, ROOT

README = ROOT / "README.md"
BEGIN, END = "<!-- codes: teikit/codes.py -->\n", "<!-- end of codes -->\n"
SOURCES = sorted((ROOT / "teikit").rglob("*.py"))
LITERALS = [
    re.compile(r'"(TK\d{3})"'),                              # teikit's own codes
    re.compile(r'Severity\.[A-Z]+,\s*"([a-z][a-z-]*)"(?!\s*:)'),  # (…, severity, code, …
    re.compile(r'^\s*\("(rng[a-z-]*)", re\.compile', re.M),  # the RELAX NG message table
]


def test_readme_lists_the_codes_of_the_table() -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    if os.environ.get("TEIKIT_REGEN") == "1":
        README.write_text(text[:start] + markdown_table() + text[end:], encoding="utf-8")
        text = README.read_text(encoding="utf-8")
    assert text[start:text.index(END)] == markdown_table(), "TEIKIT_REGEN=1 rewrites it"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_written_in_the_source_is_in_the_table(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = {code for pattern in LITERALS for code in pattern.findall(text)}
    assert found <= set(CODES), sorted(found - set(CODES))


def test_every_code_emitted_on_the_test_data_is_in_the_table() -> None:
    """What the validator and the encoder say about every fixture (all but Schematron
    asserts, whose ids belong to their schema)."""
    seen: set[str] = set()
    for path in sorted((DATA / "validate").glob("*.xml")) + sorted((DATA / "invalid").glob("*")):
        if path.suffix in (".xml", ".tei"):
            seen |= {d.code for d in teikit.iter_diagnostics(path) if d.source != "schematron"}
    for path in sorted((DATA / "encode").rglob("*.txt")):
        seen |= {d.code for d in teikit.encode(path).diagnostics}
    assert seen and seen <= set(CODES), sorted(seen - set(CODES))
