"""A large document teikit wrote, checked in parts against teikit's own schemas (grammar,
rules and pointers, which need every ``xml:id`` of the document): the ids and the other
node-sets the rules look values up in are gathered from every part as the grammar is
checked, then the rules are checked part by part. The report is the whole tree's,
diagnostic for diagnostic."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from test_validate_parts import _compare

from teikit import tei
from teikit.validator import Options, stream
from teikit.validator.engine import backends
from teikit.validator.schemas import default_schemas
from teikit.validator.schematron import SchematronBackend, parts
from teikit.validator.schematron.locality import rule_locality
from teikit.validator.schematron.read import read_rules
from teikit.validator.schematron.whole import Answers, Unknown, member_paths, part_rule
from teikit.validator.streamids import Ledger

from conftest import SAMPLES

T = f"{{{tei.TEI_NS}}}"
SCH = "http://purl.oclc.org/dsdl/schematron"


@pytest.fixture(autouse=True)
def _small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gather 3 siblings to a part (real files: GATHER)."""
    monkeypatch.setattr(stream, "GATHER", 3)
    monkeypatch.setattr(parts, "GATHER", 3)


def _own(copies: int = 12) -> etree._ElementTree:
    """teikit's memorandum sample, valid against teikit's schemas, its div repeated: its
    pointers (@resp, @hand) name ids of the header, its note anchors the footnote at the
    end."""
    tree = tei.parse_file(SAMPLES / "output" / "memorandum_harbour_talks.xml")
    body = tree.find(f".//{T}body")
    assert body is not None
    [div] = list(body)
    for _ in range(copies):
        body.append(copy.deepcopy(div))
    return tree


def _divs(tree: etree._ElementTree) -> list[etree._Element]:
    return tree.findall(f".//{T}body/{T}div")


def _first_of(tree: etree._ElementTree, name: str, last: bool = False) -> etree._Element:
    found = tree.findall(f".//{T}body//{T}{name}")
    return found[-1 if last else 0]


def _dangling_resp(tree: etree._ElementTree) -> None:
    _first_of(tree, "supplied", last=True).set("resp", "#nobody")


def _dangling_hand(tree: etree._ElementTree) -> None:
    _first_of(tree, "add").set("hand", "#no-hand")


def _no_editor(tree: etree._ElementTree) -> None:
    stmt = tree.find(f".//{T}respStmt[@{{{tei.XML_NS}}}id='editor']")
    assert stmt is not None
    del stmt.attrib[tei.xml("id")]


def _empty_sic(tree: etree._ElementTree) -> None:
    sic = _first_of(tree, "sic", last=True)
    sic.text = ""


def _repeated_id(tree: etree._ElementTree) -> None:
    divs = _divs(tree)
    divs[1].set(tei.xml("id"), "again")
    divs[-2].set(tei.xml("id"), "again")


def _bogus_attribute(tree: etree._ElementTree) -> None:
    _divs(tree)[5].set("bogus", "x")


def _gap_without_reason(tree: etree._ElementTree) -> None:
    del _first_of(tree, "gap", last=True).attrib["reason"]


def _dangling_target(tree: etree._ElementTree) -> None:
    _first_of(tree, "ref", last=True).set("target", "#note-9")


def _dangling_in_a_list(tree: etree._ElementTree) -> None:
    _first_of(tree, "ref").set("target", "#note-1 #nowhere")


def _anchor_to_no_note(tree: etree._ElementTree) -> None:
    _first_of(tree, "ref").set("target", "#editor")


def _footnote_never_referred_to(tree: etree._ElementTree) -> None:
    for ref in tree.iter(f"{T}ref"):
        ref.set("target", "#editor")
        ref.set("type", "citation")


def _range_backwards(tree: etree._ElementTree) -> None:
    date = _first_of(tree, "date", last=True)
    del date.attrib["when"]
    date.set("from", "1950")
    date.set("to", "1940")


FAULTS: dict[str, Callable[[etree._ElementTree], None]] = {
    "dangling-resp": _dangling_resp, "dangling-hand": _dangling_hand,
    "no-editor-id": _no_editor, "empty-sic": _empty_sic, "repeated-id": _repeated_id,
    "bogus-attribute": _bogus_attribute, "gap-without-reason": _gap_without_reason,
    "dangling-target": _dangling_target, "range-backwards": _range_backwards,
    "dangling-in-a-list": _dangling_in_a_list, "anchor-to-no-note": _anchor_to_no_note,
    "footnote-never-referred-to": _footnote_never_referred_to,
}


def _write(tree: etree._ElementTree, path: Path) -> Path:
    path.write_bytes(etree.tostring(tree, encoding="utf-8", xml_declaration=True))
    return path


def test_a_valid_file_teikit_wrote_is_checked_in_parts(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(_own(), tmp_path / "doc.xml")
    result, loaded = _compare(path, monkeypatch, None)
    assert result.choice is not None and result.choice.reason == "teikit"
    assert result.valid and result.diagnostics == ()
    assert loaded == [], "read as a stream, never whole"


def test_a_pointer_to_an_id_further_on_resolves(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The ids of the whole document are gathered before any part's rules run; a list of
    targets counts them (TEIKIT-SCH-001)."""
    tree = _own()
    _divs(tree)[-1].find(f".//{T}note").set(tei.xml("id"), "late")  # type: ignore[union-attr]
    _first_of(tree, "supplied").set("resp", "#late")
    _first_of(tree, "ref").set("target", "#note-1 #late")
    _first_of(tree, "ref").set("type", "citation")
    path = _write(tree, tmp_path / "doc.xml")
    result, loaded = _compare(path, monkeypatch, None)
    assert result.valid and loaded == []


def test_a_hash_in_another_attribute_is_left_to_the_whole_tree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts keep the values that may be pointers, not which attribute held them: a
    ``#x`` naming nothing in an attribute that is no pointer keeps its part whole, where
    the pointer check finds nothing wrong."""
    tree = _own()
    _first_of(tree, "p", last=True).set("n", "#3")
    path = _write(tree, tmp_path / "doc.xml")
    result, loaded = _compare(path, monkeypatch, None)
    assert result.valid and result.diagnostics == ()
    assert loaded == []


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_gets_the_whole_trees_report(fault: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Grammar, rules, pointers and repeated ids: the report is the usual one (compared
    in ``_compare``), message for message, found in the parts
    (:mod:`teikit.validator.streamfaults`, :mod:`teikit.validator.schematron.parts`)."""
    tree = _own()
    FAULTS[fault](tree)
    path = _write(tree, tmp_path / "doc.xml")
    result, loaded = _compare(path, monkeypatch, None)
    assert result.diagnostics, f"{fault}: the whole tree reports it"
    assert loaded == [], "found in parts, never on the whole tree"


def test_the_ledger_gathers_the_whole_documents_node_sets(tmp_path: Path) -> None:
    tree = _own(6)
    divs = _divs(tree)
    for number, div in enumerate(divs):
        div.set(tei.xml("id"), f"div-{number}")
    path = _write(tree, tmp_path / "doc.xml")
    grammar, rules = (backend for schema in default_schemas()
                      for backend in backends(schema, Options()))
    assert isinstance(rules, SchematronBackend) and rules.parts is not None
    ledger = Ledger(rules.parts.gather, pointers=True)
    assert stream.valid_as_stream(path, grammar, ledger)  # type: ignore[arg-type]
    whole = {path: sorted(map(str, etree.XPath(path, namespaces={"tei": tei.TEI_NS})(tree)))
             for path in rules.parts.gather}  # type: ignore[arg-type]
    assert {path: sorted(values) for path, values in ledger.gathered().items()} == whole
    assert {"editor", "div-0", f"div-{len(divs) - 1}"} <= set(whole["//@xml:id"])
    assert len(whole["//tei:ref/@target"]) == len(divs)  # one anchor in each: a count
    assert ledger.values == frozenset(whole["//@xml:id"])
    assert {"#editor", "#translator", "#hand-handwritten", "#note-1"} <= ledger.pointers
    assert all("#" in value or ":" in value for value in ledger.pointers)


def _rule(test: str, context: str = "tei:*[@resp]") -> SchematronBackend:
    schema = etree.Element(f"{{{SCH}}}schema", queryBinding="xslt2")
    etree.SubElement(schema, f"{{{SCH}}}ns", prefix="tei", uri=tei.TEI_NS)
    rule = etree.SubElement(etree.SubElement(schema, f"{{{SCH}}}pattern", id="p"),
                            f"{{{SCH}}}rule", context=context)
    etree.SubElement(rule, f"{{{SCH}}}assert", test=test).text = "fault"
    [schematron] = default_schemas()[1:]
    return SchematronBackend(schematron, read_rules(schema, "test"))


@pytest.mark.parametrize(("test", "gathered"), [
    ("substring(@resp, 2) = //@xml:id", ["//@xml:id"]),
    ("//tei:handNote/@xml:id = substring(@resp, 2)", ["//tei:handNote/@xml:id"]),
    ("not(@resp = //tei:*/@xml:id) or @n = //tei:note/@n", ["//tei:*/@xml:id", "//tei:note/@n"]),
    ("count(//@xml:id[starts-with(., 'note-')]) = 1", ["//@xml:id"]),
    ("count(//@xml:id[@n]) = 1", None),  # in the predicate: the id's own attribute
    ("@resp != //@xml:id", ["//@xml:id"]),  # some id differs: no order, no node needed
    ("//@xml:id = //@n", ["//@n", "//@xml:id"]),
    ("@resp = //tei:div/tei:note/@xml:id", None),  # not simple: its values are not gathered
    ("@resp = //tei:note[@n]/@xml:id", None),
    ("@resp = //tei:note", None),  # an element's string value: not gathered
    ("string(//@xml:id) = 'a'", None),  # the first in document order
    ("count(//@xml:id[1]) = 1", None),
    ("count(//@xml:id[name() = 'xml:id']) = 1", None),  # gathered values have no name
    ("//@xml:id/.. = 'x'", None),  # no step from them
    ("count(//@xml:id | @n) = 1", None),
    ("count(//tei:p) = 1", None),
])
def test_a_simple_node_set_of_the_whole_document_is_read_in_parts(
        test: str, gathered: list[str] | None) -> None:
    backend = _rule(test)
    [rule] = backend.rules.patterns[0].rules
    found = rule_locality(rule, backend.rules)
    form = part_rule(rule, backend.rules) if found and found.constant else None
    assert (None if form is None else sorted(form[1])) == gathered
    plan = backend.parts
    assert plan is not None
    assert (plan.patterns[0].rules[0] in plan.far) == (gathered is None)


def test_teikits_rules_are_all_read_in_parts() -> None:
    [rules] = backends(default_schemas()[1], Options())
    assert isinstance(rules, SchematronBackend) and rules.parts is not None
    assert rules.parts.far == ()
    assert sorted(rules.parts.gather) == ["//@xml:id", "//tei:handNote/@xml:id",
                                          "//tei:note/@xml:id", "//tei:ref/@target"]


def test_member_paths_are_read_off_the_xpath() -> None:
    text = ("(not(teikit:member(concat('a', ')'), '//@xml:id')) or "
            "teikit:member(substring(@x, 2), \"//tei:note/@xml:id\"))")
    assert member_paths(text) == ["//@xml:id", "//tei:note/@xml:id"]


def test_a_node_set_not_gathered_gives_no_answer() -> None:
    answers = Answers({"//@xml:id": ["a", "b", "a"]})
    assert answers.get("//@xml:id") == frozenset({"a", "b"})
    assert answers.listed("//@xml:id") == ["a", "b", "a"]
    with pytest.raises(Unknown):
        answers.get("//@n")
    with pytest.raises(Unknown):
        answers.listed("//@n")
