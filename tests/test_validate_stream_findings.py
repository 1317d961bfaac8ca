"""A large document with a repeated ``xml:id`` or a pointer that leads nowhere is reported
from its parts (never its whole tree), and the report is the whole tree's: the same
diagnostics (code, message, line, column, XPath, hint), in the same order, alone or beside
faults of the grammar, near the start, deep inside and near the end."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from test_validate_stream import TEI_ALL, T, _grammar, _large
from test_validate_stream_faults import _faulty
from test_validate_stream_rules import _report as _checked

from teikit import tei
from teikit.validator import Options, stream, streamfaults
from teikit.validator.streamids import Ledger

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


def _readings(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """The repeated ids each reading for the faults was asked to keep whole."""
    kept: list[frozenset[str]] = []
    found = streamfaults.faults_in_parts

    def spy(*args: Any, **kwargs: Any) -> object:
        kept.append(args[4][0])
        return found(*args, **kwargs)

    monkeypatch.setattr(streamfaults, "faults_in_parts", spy)
    return kept


def _body_id_on_paragraphs(tree: etree._ElementTree, at: list[float]) -> None:
    """The ``body``'s ``xml:id`` (an element of the skeleton: its ids are noted last) given
    to the ``p`` at each share of the body's paragraphs (as the benchmark's ``--findings
    duplicate-id`` gives the header's ``respStmt``'s)."""
    body = tree.find(f".//{T}body")
    assert body is not None
    body.set(XML_ID, "twice")
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    for share in at:
        paragraphs[int(len(paragraphs) * share)].set(XML_ID, "twice")


def test_repeats_the_first_reading_met_last_are_found_in_one_more_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first elements have no ``xml:id`` on a ``p``, but the grammar pruned to them
    allows one on each of their elements, so the first reading reads on and notes the
    repeat; the ``body`` bearing it is noted last (the skeleton's ids are noted at the
    end, but for what precedes the first part), so the part of its first repeat was
    freed: one reading for the faults keeps the parts holding it whole."""
    monkeypatch.setattr(stream, "PREFIX", 80)
    monkeypatch.setattr(stream, "TAIL", 0)
    tree = _large(4)
    _body_id_on_paragraphs(tree, [0.4, 0.7, 0.9])
    kept = _readings(monkeypatch)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert [entry[4] for entry in whole] == ["duplicate-id"] * 3
    assert kept == [frozenset({"twice"})], "read once for the faults"


def test_a_repeat_in_a_part_freed_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first elements have a ``p`` with an ``xml:id``: a later part holding the
    ``body``'s id on a ``p`` is valid, and freed, when a fault before it stopped the
    first reading; the file is read once more to keep that part whole."""
    monkeypatch.setattr(stream, "PREFIX", 200)
    monkeypatch.setattr(stream, "TAIL", 0)
    tree = _large(4)
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    paragraphs[0].set(XML_ID, "first")
    paragraphs[len(paragraphs) // 3].set("bogus", "x")
    _body_id_on_paragraphs(tree, [0.6, 0.9])
    kept = _readings(monkeypatch)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert [entry[4] for entry in whole].count("duplicate-id") == 2
    assert len(kept) == 2 and kept[-1], "read again, the repeat's parts kept whole"


def test_a_file_valid_but_for_its_pointers_is_gathered_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading for where the pointers that lead nowhere stand keeps what the first
    reading gathered (the whole document's ids and pointers), and gathers nothing again:
    the ledger holds each id once, as one reading gathers it."""
    tree = _large(4)
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    paragraphs[len(paragraphs) // 2].set("corresp", "#nowhere")
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    once = Ledger({"//@xml:id": etree.XPath("//@xml:id")}, pointers=True, note_repeats=True)
    assert stream.valid_as_stream(path, _grammar(), once)
    ledger = Ledger({"//@xml:id": etree.XPath("//@xml:id")}, pointers=True,
                    note_repeats=True)
    kept = _readings(monkeypatch)
    assert streamfaults.checked_in_parts(path, _grammar(), ledger) == []
    assert len(kept) == 1 and ledger.dangling
    assert any("nowhere" in found.message for found in ledger.dangling)
    assert ledger.node_sets == once.node_sets and ledger.values == once.values
    assert ledger.pointers == once.pointers and not ledger.repeated


def _header_id_on_paragraphs(tree: etree._ElementTree, at: list[float]) -> None:
    """The ``xml:id`` of the header's first ``respStmt`` given to the ``p`` at each share
    of the body's paragraphs (the benchmark's ``--findings duplicate-id``)."""
    statement = tree.find(f".//{T}titleStmt/{T}respStmt")
    assert statement is not None
    statement.set(XML_ID, statement.get(XML_ID) or "editor")
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    for share in at:
        paragraphs[int(len(paragraphs) * share)].set(XML_ID, str(statement.get(XML_ID)))


@pytest.mark.parametrize("prefix", [1.0, 0.4])
@pytest.mark.parametrize("at", [[0.1, 0.5, 0.9], [0.0], [0.5], [0.6, 0.7]])
def test_a_file_valid_but_for_repeats_of_its_header_is_reported_from_its_first_reading(
        at: list[float], prefix: float, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The header's ids are noted before the first part, so each part repeating one is
    set aside whole, not freed, and put back where it stood: no reading for the
    faults. (Runs of 5: the header is not read in parts, as in real files.) With the
    vocabulary of the first 40 % of the elements (no ``p`` with an ``xml:id`` among
    them when the repeats come later) the first reading reads on all the same."""
    monkeypatch.setattr(stream, "GATHER", 5)
    tree = _large(4)
    monkeypatch.setattr(stream, "PREFIX", int(prefix * sum(1 for _ in tree.iter())))
    monkeypatch.setattr(stream, "TAIL", 3000)  # the back's tags
    _header_id_on_paragraphs(tree, at)
    kept = _readings(monkeypatch)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert [entry[4] for entry in whole].count("duplicate-id") == len(at)
    assert kept == [], "reported from the first reading"


def test_repeats_on_lines_whose_end_tags_are_unsure_are_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every element of the body on one line but a few: a freed part's end tags may
    stand on a repeat's line, and its column is counted from the skeleton read again
    (the report is the same)."""
    monkeypatch.setattr(stream, "GATHER", 5)
    tree = _large(4)
    body = tree.find(f".//{T}body")
    assert body is not None
    for number, element in enumerate(body.iter()):
        element.tail = "\n" if number % 7 == 0 else None
    _header_id_on_paragraphs(tree, [0.2, 0.6])
    kept = _readings(monkeypatch)
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert [entry[4] for entry in whole].count("duplicate-id") == 2
    assert kept, "read again"


@pytest.mark.parametrize("seed", range(12))
def test_repeats_first_met_in_a_part_freed_are_read_again(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value met first in a part (freed: no repeat was known), then again: its first
    element is gone from the first reading's skeleton; the report is the whole tree's,
    from the reading for the faults."""
    chance = random.Random(seed)
    tree = _large(4)
    paragraphs = tree.findall(f".//{T}body/{T}div/{T}p")
    for first, again in (sorted(chance.sample(range(len(paragraphs)), 2))
                         for _ in range(1 + seed % 2)):
        paragraphs[first].set(XML_ID, f"twice-{first}")
        paragraphs[again].set(XML_ID, f"twice-{first}")
    whole = _same(tree, tmp_path / "doc.xml", monkeypatch, GRAMMAR, [TEI_ALL])
    assert "duplicate-id" in {entry[4] for entry in whole}
