"""Large documents checked as a stream against a grammar (never held whole): the verdict
must be the one libxml2 gives on the whole tree, for valid documents and for every kind
of fault, and a document that is not valid is then checked the usual way."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit import tei
from teikit.cli import app
from teikit.validator import Options, batch, load_schema, stream, streamids, validate_paths
from teikit.validator.engine import backends
from teikit.validator.relaxng import RelaxNGBackend
from teikit.validator.vocabulary import Vocabulary, vocabulary_of

from conftest import SAMPLES

TEI_ALL = Path(__file__).resolve().parents[1] / "schemas" / "tei" / "tei_all.rng"
T = f"{{{tei.TEI_NS}}}"


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check apart as soon as an element holds 3 children (real files: GATHER)."""
    monkeypatch.setattr(stream, "GATHER", 3)


def _grammar() -> RelaxNGBackend:
    [found] = backends(load_schema(TEI_ALL), Options(embedded=False))
    assert isinstance(found, RelaxNGBackend)
    return found


def _large(copies: int = 12) -> etree._ElementTree:
    """A teikit sample with its body repeated: many divs side by side."""
    tree = tei.parse_file(SAMPLES / "output" / "memorandum_harbour_talks.xml")
    body = tree.find(f".//{T}body")
    assert body is not None
    for _ in range(copies):
        for child in list(body)[: len(body)]:
            body.append(copy.deepcopy(child))
    for number, element in enumerate(tree.iter()):
        if element.get(tei.xml("id")):
            element.set(tei.xml("id"), f"id{number}")
    for element in tree.iter(f"{T}ref"):
        element.attrib.pop("target", None)
    return tree


def _whole(grammar: RelaxNGBackend, tree: etree._ElementTree) -> bool:
    return bool(grammar._validator(vocabulary_of(tree)).validate(tree))  # type: ignore[union-attr]


def _streamed(grammar: RelaxNGBackend, tree: etree._ElementTree, path: Path) -> bool:
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    return stream.valid_as_stream(path, grammar)


def test_a_valid_document_is_valid_as_a_stream(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    grammar, tree = _grammar(), _large()
    batches: list[int] = []
    checked = stream._checked

    def counting(complete: list[etree._Element], split: stream.Split,
                 ids: streamids.SeenIds) -> bool:
        batches.append(len(complete))
        return checked(complete, split, ids)

    monkeypatch.setattr(stream, "_checked", counting)
    assert _whole(grammar, tree)
    assert _streamed(grammar, tree, tmp_path / "big.xml")
    assert len(batches) > 3, "the divs were checked apart, a few at a time"


def _mutations(tree: etree._ElementTree, seed: int) -> etree._ElementTree:
    """One random fault (or none) somewhere in a copy of ``tree``."""
    chance = random.Random(seed)
    mutated = copy.deepcopy(tree)
    elements = [e for e in mutated.iter("*") if e.getparent() is not None]
    target = chance.choice(elements)
    parent = target.getparent()
    assert parent is not None
    how = seed % 5
    if how == 0:
        parent.remove(target)
    elif how == 1:
        target.addnext(copy.deepcopy(target))
    elif how == 2:
        target.set("bogus", "x")
    elif how == 3:
        target.tag = f"{T}unknownElement"
    else:
        target.append(etree.Element(f"{T}div"))
    return mutated


@pytest.mark.parametrize("read", [(stream.PREFIX, stream.TAIL), (40, 0), (40, 300)],
                         ids=["whole", "prefix", "prefix-and-tail"])
@pytest.mark.parametrize("seed", range(40))
def test_the_verdict_is_the_whole_trees(seed: int, read: tuple[int, int], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Also when the vocabulary is read from the first elements (and last bytes) only."""
    monkeypatch.setattr(stream, "PREFIX", read[0])
    monkeypatch.setattr(stream, "TAIL", read[1])
    grammar = _grammar()
    tree = _mutations(_large(3), seed)
    assert _streamed(grammar, tree, tmp_path / "doc.xml") == _whole(grammar, tree)


@pytest.mark.parametrize("where", ["two-parts", "part-and-header", "one-part"])
def test_an_xml_id_repeated_across_parts_is_no_valid_stream(
        where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libxml2 forgets the IDs of a part once it is checked and freed: the stream keeps
    them, so that a repeat in two parts (or in a part and what stays whole) is a fault,
    as on the whole tree and for jing."""
    grammar, tree = _grammar(), _large(6)  # larger than what the parser reads at once
    divs = tree.findall(f".//{T}body/{T}div")
    first = tree.find(f".//{T}titleStmt") if where == "part-and-header" else divs[0]
    assert first is not None
    first.set(tei.xml("id"), "again")
    (divs[1] if where == "one-part" else divs[-1]).set(tei.xml("id"), "again")
    assert not _whole(grammar, tree)
    assert not _streamed(grammar, tree, tmp_path / "doc.xml")
    monkeypatch.setattr(batch, "STREAM_ABOVE", 1)
    [result] = validate_paths([tmp_path / "doc.xml"], [TEI_ALL], options=Options(embedded=False))
    assert [(str(d.severity), d.code) for d in result.diagnostics] == [("error", "duplicate-id")]


def test_only_grammars_whose_ids_are_xml_ids_stream(tmp_path: Path) -> None:
    """The stream keeps xml:id values only: a grammar typing another attribute ID is
    checked the usual way."""
    assert streamids.ids_are_xml_ids(_grammar().grammar.getroot())
    keyed = etree.fromstring(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary='
        '"http://www.w3.org/2001/XMLSchema-datatypes"><start><element name="a"><attribute '
        'name="key"><data type="ID"/></attribute></element></start></grammar>')
    assert not streamids.ids_are_xml_ids(keyed)
    keyed.find(".//{*}data").set("type", "NCName")  # type: ignore[union-attr]
    assert streamids.ids_are_xml_ids(keyed)


def test_xinclude_and_unsplittable_documents_go_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(f'<TEI xmlns="{tei.TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">'
                    '<xi:include href="other.xml"/></TEI>', encoding="utf-8")
    assert stream.read_stream(path) is None
    assert not stream.valid_as_stream(path, _grammar())


def test_a_large_file_streams_and_a_faulty_one_is_reported_as_usual(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "STREAM_ABOVE", 1)
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    tree = _large(3)
    good.write_bytes(etree.tostring(tree, encoding="utf-8"))
    last = tree.findall(f".//{T}div")[-1]
    last.set("bogus", "x")
    bad.write_bytes(etree.tostring(tree, encoding="utf-8"))
    parsed: list[Path] = []
    real = stream.valid_in_parts

    def watched(path: Path, split: stream.Split, vocabulary: Vocabulary,
                ids: streamids.SeenIds | None = None, rider: stream.Rider | None = None
                ) -> bool:
        parsed.append(path)
        return real(path, split, vocabulary, ids, rider)

    monkeypatch.setattr(stream, "valid_in_parts", watched)
    results = validate_paths([good, bad], [TEI_ALL], options=Options(embedded=False))
    assert [r.valid for r in results] == [True, False]
    assert sorted(parsed) == [bad, good]  # each read as a stream (the larger first)
    assert any("bogus" in d.message for d in results[1].diagnostics)
    run = CliRunner().invoke(app, ["validate", "--no-embedded-rules", "--schema", str(TEI_ALL),
                                   str(good)])
    assert run.exit_code == 0, run.output
