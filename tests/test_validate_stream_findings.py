"""A large document with a repeated ``xml:id`` or a pointer that leads nowhere is reported
from its parts (never its whole tree), and the report is the whole tree's: the same
diagnostics (code, message, line, column, XPath, hint), in the same order, alone or beside
faults of the grammar, near the start, deep inside and near the end."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree
from test_validate_stream import TEI_ALL, T, _large
from test_validate_stream_faults import _faulty
from test_validate_stream_rules import _report as _checked

from teikit import tei
from teikit.validator import Options, stream

XML_ID = tei.xml("id")


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check apart as soon as an element holds 3 children (real files: GATHER)."""
    monkeypatch.setattr(stream, "GATHER", 3)


def _with_findings(tree: etree._ElementTree, seed: int, *, repeats: bool,
                   pointers: bool) -> etree._ElementTree:
    """A copy of ``tree`` with repeated ids and pointers to no id, picked by ``seed``."""
    chance = random.Random(seed)
    found = copy.deepcopy(tree)
    body = found.find(f".//{T}body")
    assert body is not None
    elements = [e for e in found.iter(f"{T}*") if e.tag != f"{T}TEI"]
    inside = [e for e in body.iter(f"{T}*") if e is not body]
    for _ in range(chance.randint(1, 3) if repeats else 0):
        first, again = chance.sample(elements, 2)
        value = first.get(XML_ID) or f"twice-{chance.randrange(1000)}"
        first.set(XML_ID, value)
        again.set(XML_ID, value)
    for number in range(chance.randint(1, 3) if pointers else 0):
        target = chance.choice(inside)
        how = chance.randrange(3)
        if how == 0:
            target.set("corresp", f"#nowhere-{number}")
        elif how == 1:  # an id named further on, and one named nowhere
            later = chance.choice(inside[inside.index(target):])
            later.set(XML_ID, later.get(XML_ID) or f"later-{number}")
            target.set("corresp", f"#{later.get(XML_ID)} #nowhere-{number}")
        else:
            target.set("corresp", "#")
    return found


def _report(path: Path, parts: bool, monkeypatch: pytest.MonkeyPatch,
            options: Options, schemas: list[Path] | None = None) -> list[tuple[object, ...]]:
    found, loaded = _checked(path, parts, monkeypatch, schemas, options)
    if parts:
        assert loaded == [], "found in parts, never on the whole tree"
    return found


def _same(tree: etree._ElementTree, path: Path, monkeypatch: pytest.MonkeyPatch,
          options: Options, schemas: list[Path] | None = None) -> list[tuple[object, ...]]:
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    whole = _report(path, False, monkeypatch, options, schemas)
    assert _report(path, True, monkeypatch, options, schemas) == whole
    return whole


GRAMMAR = Options(embedded=False, pointers=False)
POINTERS = Options(embedded=False, pointers=True)


@pytest.mark.parametrize("seed", range(16))
def test_repeated_ids_found_in_parts_are_the_whole_trees(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tei_all types ``xml:id`` ``ID``: a repeat is a grammar fault (and a warning where
    an element's ``xml:id`` is no ID)."""
    tree = _with_findings(_large(4), seed, repeats=True, pointers=False)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert any(entry[4] == "duplicate-id" for entry in whole)


@pytest.mark.parametrize("seed", range(16))
def test_dangling_pointers_found_in_parts_are_the_whole_trees(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Besides those of the sample, whose ``#editor`` and ``#translator`` name ids that
    ``_large`` renamed."""
    tree = _with_findings(_large(4), seed, repeats=False, pointers=True)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, POINTERS, [TEI_ALL])
    assert any(entry[4] == "dangling-pointer" for entry in whole)


@pytest.mark.parametrize("seed", range(16))
def test_all_kinds_at_once_found_in_parts_are_the_whole_trees(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeats and dangling pointers beside faults of the grammar (the first reading
    stops at the first part not valid: what it noted is not all)."""
    tree = _with_findings(_faulty(_large(4), seed), seed, repeats=True, pointers=True)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, POINTERS, [TEI_ALL])
    assert {"duplicate-id", "dangling-pointer"} <= {entry[4] for entry in whole}


def test_a_repeat_in_the_header_and_in_the_last_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _large(4)
    title = tree.find(f".//{T}titleStmt/{T}title")
    last = tree.findall(f".//{T}body/{T}div")[-1]
    assert title is not None
    title.set(XML_ID, "both")
    last.set(XML_ID, "both")
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, POINTERS, [TEI_ALL])
    assert [entry[4] for entry in whole if entry[4] == "duplicate-id"] == ["duplicate-id"]
    assert "line" in str(next(e[5] for e in whole if e[4] == "duplicate-id"))


@pytest.mark.parametrize("fault", [False, True])
def test_a_repeat_the_grammar_does_not_count_is_a_warning(
        fault: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside ``egXML`` an ``xml:id`` is text to the grammar: its repeat is a warning, in
    a file found valid in parts and in one with a fault of the grammar."""
    tree = _large(4)
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    for paragraph in (paragraphs[1], paragraphs[-2]):
        example = etree.SubElement(paragraph, f"{{{EG}}}egXML")
        etree.SubElement(example, f"{{{EG}}}p", {XML_ID: "example"}).text = "an example"
    if fault:
        paragraphs[len(paragraphs) // 2].set("bogus", "x")
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert [entry[3].name for entry in whole if entry[4] == "duplicate-id"] == ["WARNING"]
    assert len(whole) == 1 + fault


EG = "http://www.tei-c.org/ns/Examples"
