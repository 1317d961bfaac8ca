"""A large document with faults is reported from its parts (never its whole tree), and the
report is the whole tree's: the same diagnostics (code, message, line, column, XPath), in
the same order, for faults near the start, deep inside and near the end."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree
from test_validate_stream import TEI_ALL, T, _large

from teikit import tei
from teikit.diagnostics import Diagnostic
from teikit.validator import Options, batch, stream, streamfaults, validate_paths


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check apart as soon as an element holds 3 children (real files: GATHER)."""
    monkeypatch.setattr(stream, "GATHER", 3)


def _faulty(tree: etree._ElementTree, seed: int) -> etree._ElementTree:
    """A copy of ``tree`` with three faults: in its first, middle and last third."""
    chance = random.Random(seed)
    faulty = copy.deepcopy(tree)
    body = faulty.find(f".//{T}body")
    assert body is not None
    elements = [e for e in body.iter("*") if e is not body]
    for third in range(3):
        target = chance.choice(elements[third * len(elements) // 3:
                                        (third + 1) * len(elements) // 3])
        parent = target.getparent()
        assert parent is not None
        how = chance.randrange(6)
        if how == 0:
            target.set("bogus", "x")
        elif how == 1:
            target.tag = f"{T}unknownElement"
        elif how == 2:
            target.append(etree.Element(f"{T}div"))
        elif how == 3:
            target.addnext(etree.Element(f"{T}p"))  # a p after a div: misplaced
        elif how == 4:
            target.text = f"stray words {target.text or ''}"
        else:
            target.addprevious(copy.deepcopy(target))
    return faulty


def _report(path: Path, parts: bool, monkeypatch: pytest.MonkeyPatch,
            schemas: list[Path]) -> list[tuple[object, ...]]:
    monkeypatch.setattr(batch, "STREAM_ABOVE", 1 if parts else 1 << 40)
    [result] = validate_paths([path], schemas, options=Options(embedded=False))
    return [(d.file, d.line, d.column, d.severity, d.code, d.message, d.xpath, d.hint)
            for d in result.diagnostics]


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[list[Diagnostic] | None]:
    """What each check in parts answered (None too when it raised)."""
    answers: list[list[Diagnostic] | None] = []
    found = streamfaults.faults_in_parts

    def spy(*args: object, **kwargs: object) -> list[Diagnostic] | None:
        answers.append(None)
        answers[-1] = found(*args, **kwargs)  # type: ignore[arg-type]
        return answers[-1]

    monkeypatch.setattr(streamfaults, "faults_in_parts", spy)
    return answers


@pytest.mark.parametrize("prefix", [stream.PREFIX, 40], ids=["whole", "prefix"])
@pytest.mark.parametrize("seed", range(24))
def test_the_faults_found_in_parts_are_the_whole_trees(
        seed: int, prefix: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also when the grammar is pruned to the vocabulary of the first elements only
    (strictly: a part it finds valid is valid; the others are walked)."""
    monkeypatch.setattr(stream, "PREFIX", prefix)
    monkeypatch.setattr(stream, "TAIL", 0 if prefix < stream.PREFIX else stream.TAIL)
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(_faulty(_large(4), seed), encoding="utf-8"))
    whole = _report(path, False, monkeypatch, [TEI_ALL])
    answers = _spied(monkeypatch)
    assert _report(path, True, monkeypatch, [TEI_ALL]) == whole
    assert whole, "the faults are found"
    assert answers and answers[-1] is not None, "they were found in parts"


def test_faults_outside_the_parts_are_the_whole_trees_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the header (never checked apart) and in the body itself, beside its parts."""
    tree = _large(4)
    title = tree.find(f".//{T}titleStmt")
    body = tree.find(f".//{T}body")
    assert title is not None and body is not None
    title.insert(0, etree.Element(f"{T}p"))
    body.set("bogus", "x")
    body.append(etree.Element(f"{T}p"))
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    whole = _report(path, False, monkeypatch, [TEI_ALL])
    answers = _spied(monkeypatch)
    assert _report(path, True, monkeypatch, [TEI_ALL]) == whole
    assert len(whole) == 3 and answers and answers[-1] is not None


def test_lines_and_columns_are_the_files(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault in a part deep in the file is reported where it is in the file."""
    tree = _large(4)
    divs = tree.findall(f".//{T}body/{T}div")
    target = divs[len(divs) - 2].find(f".//{T}p")
    assert target is not None
    target.set("bogus", "x")
    data = etree.tostring(tree, encoding="utf-8")
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    _spied(monkeypatch)
    [(_, line, column, *_)] = _report(path, True, monkeypatch, [TEI_ALL])
    text = data.decode().split("\n")[line - 1]
    assert text[column - 1:].startswith("<p ") and 'bogus="x"' in text[column - 1:]


def test_a_repeated_id_in_two_parts_is_found_in_parts_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts holding the id are kept whole (:mod:`teikit.validator.streamids`)."""
    tree = _large(4)
    divs = tree.findall(f".//{T}body/{T}div")
    divs[0].set(tei.xml("id"), "again")
    divs[-1].set(tei.xml("id"), "again")
    divs[1].set("bogus", "x")
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    whole = _report(path, False, monkeypatch, [TEI_ALL])
    answers = _spied(monkeypatch)
    report = _report(path, True, monkeypatch, [TEI_ALL])
    assert report == whole
    assert answers and answers[-1] is not None
    assert {entry[4] for entry in report} == {"duplicate-id", "rng-attribute"}


def test_a_file_not_well_formed_is_read_in_parts_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its fault is the parser's: reported by the usual reading, as for a small file."""
    path = tmp_path / "doc.xml"
    data = etree.tostring(_large(4), encoding="utf-8")
    path.write_bytes(data[: len(data) * 2 // 3])
    whole = _report(path, False, monkeypatch, [TEI_ALL])
    answers = _spied(monkeypatch)
    assert _report(path, True, monkeypatch, [TEI_ALL]) == whole
    assert [entry[4] for entry in whole] == ["xml-syntax"]
    assert len(answers) == 1, "read in parts once for its faults, not again"
