"""Inline conventions as data: tests/data/inline/*.txt hold transcript → TEI cases.

Each case encodes one line with the plain layout and compares the content of the
resulting ``<p>`` with the expected TEI fragment; the transcript view must give the line
back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from teikit.encoder import encode_text, profiles
from teikit.exporter.text import to_text
from teikit.tei import TEI_NS, tei

from conftest import DATA

SUPPLIED = 'reason="clarification" resp="#editor"'


@dataclass(frozen=True)
class Case:
    title: str
    profile: str
    source: str
    expected: str
    where: str


def read_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[tuple[int, list[str]]] = [(1, [])]
    for number, line in enumerate(lines, 1):
        if line == "=====":
            blocks.append((number + 1, []))
        else:
            blocks[-1][1].append(line)
    for start, block in blocks:
        body = [line for line in block if not line.startswith("# ") and line != "#"]
        while body and not body[0].strip():
            body.pop(0)
        title = body[0].removeprefix("## ")
        rest = body[1:]
        profile = "documentary"
        if rest and rest[0].startswith("profile: "):
            profile, rest = rest[0].removeprefix("profile: "), rest[1:]
        cut = rest.index("---")
        source = "\n".join(rest[:cut])
        expected = "\n".join(rest[cut + 1 :]).strip("\n").replace("{S}", SUPPLIED)
        cases.append(Case(title, profile, source, expected, f"{path.name}:{start}"))
    return cases


CASES = [case for path in sorted((DATA / "inline").glob("*.txt")) for case in read_cases(path)]


def paragraph_content(element: etree._Element) -> str:
    xml = etree.tostring(element, encoding="unicode", with_tail=False)
    xml = xml.replace(f' xmlns="{TEI_NS}"', "")
    return re.sub(r"^<p>|</p>$|^<p/>$", "", xml)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.where} {c.title}" for c in CASES])
def test_inline_case(case: Case) -> None:
    result = encode_text(case.source, profile=profiles.get(case.profile), layout="plain")
    paragraph = result.tree.find(f".//{tei('body')}/{tei('p')}")
    assert paragraph is not None
    assert paragraph_content(paragraph) == case.expected
    assert to_text(result.tree, "transcript") == case.source


def test_cases_were_read() -> None:
    assert len(CASES) >= 40
    assert {case.profile for case in CASES} >= {"documentary", "leiden", "crowd", "frus"}


def test_unbalanced_bracket_is_reported_with_its_position() -> None:
    result = encode_text("first line\na stray [ bracket", layout="plain")
    codes = [(d.code, d.line, d.column) for d in result.diagnostics]
    assert ("TK101", 2, 9) in codes


def test_word_internal_insertion_is_warned_in_documentary_profile() -> None:
    result = encode_text("the deleg[ation] left", layout="plain")
    assert [d.code for d in result.diagnostics] == ["TK110"]
    leiden = encode_text("the deleg[ation] left", layout="plain", profile=profiles.get("leiden"))
    assert leiden.diagnostics == []
