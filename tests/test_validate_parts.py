"""Schematron rules checked part by part on a large document (never held whole): the
check in parts may only ever answer "no problem", and only when the whole tree would;
anything else is checked on the whole tree, with the same diagnostics as without it."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree
from test_validate_stream import _large

from teikit import tei
from teikit.validator import Options, batch, load_schema, stream, validate_paths
from teikit.validator.document import Document
from teikit.validator.engine import backends
from teikit.validator.schematron import SchematronBackend, parts
from teikit.validator.schematron.locality import rule_locality
from teikit.validator.schematron.quick import failing_queries
from teikit.validator.schematron.read import read_rules
from teikit.validator.schematron.run import Run

RULES = Path(__file__).parent / "data" / "validate" / "parts" / "rules.sch"
TEI_ALL = Path(__file__).resolve().parents[1] / "schemas" / "tei" / "tei_all.rng"
T = f"{{{tei.TEI_NS}}}"
SCH = "http://purl.oclc.org/dsdl/schematron"


@pytest.fixture(autouse=True)
def _small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gather 3 siblings to a part (real files: GATHER), from the whole vocabulary."""
    monkeypatch.setattr(stream, "GATHER", 3)
    monkeypatch.setattr(parts, "GATHER", 3)


def _rule_set(context: str, test: str, lets: tuple[str, ...] = ()) -> SchematronBackend:
    schema = etree.Element(f"{{{SCH}}}schema", queryBinding="xslt2")
    etree.SubElement(schema, f"{{{SCH}}}ns", prefix="tei", uri=tei.TEI_NS)
    rule = etree.SubElement(etree.SubElement(schema, f"{{{SCH}}}pattern", id="p"),
                            f"{{{SCH}}}rule", context=context)
    for number, value in enumerate(lets):
        etree.SubElement(rule, f"{{{SCH}}}let", name=f"v{number}", value=value)
    etree.SubElement(rule, f"{{{SCH}}}assert", test=test).text = "fault"
    return SchematronBackend(load_schema(RULES), read_rules(schema, "test"))


LOCALITY = [  # context, test, lets, what the rule reads: "up", "down" or None (not local)
    ("tei:p", "ancestor::tei:p or parent::tei:note", (), "up"),
    ("tei:*[@when]", "@notBefore | @from", (), "up"),
    ("tei:desc[@type eq 'x']", "../@validUntil", (), "up"),
    ("tei:l//tei:p", "not(ancestor::tei:floatingText)", (), "up"),
    ("tei:div/tei:head", "lang('en')", (), "up"),
    ("tei:list", "tei:item", (), "down"),
    ("tei:head", "normalize-space(.) ne ''", (), "down"),
    ("tei:head", "$v0 ne ''", ("string(.)",), "down"),
    ("tei:head", "string-length() gt 0", (), "down"),
    ("tei:list", "tei:item[1]/following-sibling::tei:item", (), "down"),
    ("tei:p", "ancestor::tei:div = 'x'", (), None),  # the string value of an ancestor
    ("tei:p", "ancestor::tei:div/tei:head", (), None),  # an ancestor's children
    ("tei:p", "following-sibling::tei:p", (), None),
    ("tei:p", "//tei:teiHeader", (), None),
    ("tei:p", "id(@corresp)", (), None),
    ("tei:p[1]", "true()", (), None),  # which p is first depends on its siblings
    ("tei:div[tei:head]/tei:p", "true()", (), None),
    ("tei:p", "$outer", (), None),  # a variable of the pattern or the schema
    ("tei:p", "@n castable as xs:integer", (), None),  # not understood: not local
    ("/*[count(//tei:x) gt 1]", "true()", (), None),
    ("text()", "normalize-space(.) = ''", (), None),  # the text after a part is not in it
    ("tei:p/text()", "true()", (), None),
]


@pytest.mark.parametrize(("context", "test", "lets", "reads"), LOCALITY)
def test_what_a_rule_reads_is_found_from_its_xpath(
        context: str, test: str, lets: tuple[str, ...], reads: str | None) -> None:
    backend = _rule_set(context, test, lets)
    [rule] = backend.rules.patterns[0].rules
    found = rule_locality(rule, backend.rules)
    assert (None if found is None else "down" if found.down else "up") == reads


def test_a_subject_elsewhere_is_not_local() -> None:
    backend = _rule_set("tei:p", "true()")
    rule = backend.rules.patterns[0].rules[0]
    rule.node[0].set("subject", "..")
    assert rule_locality(rule, backend.rules) is None


def _whole_problems(backend: SchematronBackend, tree: etree._ElementTree) -> list[str]:
    document = Document(copy.deepcopy(tree), "whole", None)
    return [d.message for d in Run(backend.rules, document, backend.patterns).run()]


def _holds(backend: SchematronBackend, tree: etree._ElementTree, path: Path) -> bool:
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    plan = backend.parts
    assert plan is not None
    return parts.holds_in_parts(path, plan)


def _faulty(tree: etree._ElementTree, seed: int) -> etree._ElementTree:
    """One fault the rules of RULES see (or none), on a random element: in a part, the
    first or last of one, or in what stays whole."""
    chance = random.Random(seed)
    mutated = copy.deepcopy(tree)
    elements = [e for e in mutated.iter("*") if e.getparent() is not None]
    target = chance.choice(elements)
    how = seed % 6
    if how == 0:
        etree.SubElement(target, f"{T}p")  # a p inside a p, if it is one
        target.tag = f"{T}p"
    elif how == 1:
        target.set("when", "July")
    elif how == 2:
        etree.SubElement(target, f"{T}hi", rend="blink")
    elif how == 3:
        for date in mutated.iter(f"{T}date"):
            if chance.random() < 0.3:
                date.text = ""
                del date[:]
    elif how == 4:
        etree.SubElement(etree.SubElement(target, f"{T}lg"), f"{T}l")
    return mutated


@pytest.mark.parametrize("seed", range(36))
def test_parts_say_no_problem_only_when_the_whole_tree_does(seed: int,
                                                            tmp_path: Path) -> None:
    """And say it whenever the whole tree does and no rule that is not local may fire."""
    backend = SchematronBackend(load_schema(RULES))
    tree = _faulty(_large(3), seed)
    whole = _whole_problems(backend, tree)
    far = next(tree.iter(f"{T}lg"), None) is not None
    assert _holds(backend, tree, tmp_path / "doc.xml") == (not whole and not far), whole


def test_a_rule_reading_below_an_element_that_lost_parts_gives_up(tmp_path: Path) -> None:
    """body's divs go to parts: a rule counting them on body is not answered from what is
    left (5 divs there, 20 in the whole)."""
    tree = _large(9)
    assert len(tree.findall(f".//{T}body/{T}div")) > 5
    few = _rule_set("tei:body", "count(tei:div) lt 5")
    assert _whole_problems(few, tree) == ["fault"]
    assert not _holds(few, tree, tmp_path / "few.xml")
    many = _rule_set("tei:body", "count(tei:div) lt 5000")
    assert _whole_problems(many, tree) == []
    assert not _holds(many, tree, tmp_path / "many.xml")  # not shown: the usual check
    up = _rule_set("tei:body", "not(ancestor::tei:front)")  # body's own place: exact
    assert _holds(up, tree, tmp_path / "up.xml")


def test_tei_alls_rules_are_checked_in_parts(tmp_path: Path) -> None:
    [_, embedded] = backends(load_schema(TEI_ALL), Options())
    assert isinstance(embedded, SchematronBackend)
    plan = embedded.parts
    assert plan is not None
    tree = _large(6)
    assert _holds(embedded, tree, tmp_path / "good.xml")
    paragraph = next(tree.iter(f"{T}p"))
    etree.SubElement(paragraph, f"{T}p").text = "nested"
    assert not _holds(embedded, tree, tmp_path / "bad.xml")


@pytest.mark.parametrize("fault", [False, True])
def test_a_large_file_reports_what_the_whole_tree_does(
        fault: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tei_all with its embedded rules: a valid file is read as a stream only, and so is
    a file the rules fault, with the usual diagnostics (line, column, XPath)."""
    tree = _large(6)
    if fault:
        last = tree.findall(f".//{T}p")[-1]
        etree.SubElement(last, f"{T}p").text = "nested"
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    result, loaded = _compare(path, monkeypatch, [TEI_ALL])
    assert result.valid is not fault
    assert loaded == []


@pytest.mark.parametrize("tail", [b"<junk", b"<?pi after the root?>"])
def test_what_follows_the_root_is_read(tail: bytes, tmp_path: Path) -> None:
    """Not well-formed after the root: no answer here (the usual reading reports it); a
    processing instruction after the root is checked like any other node."""
    backend = _rule_set("processing-instruction('pi')", "false()")
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(_large(3), encoding="utf-8") + tail)
    plan = backend.parts
    assert plan is not None
    assert not parts.holds_in_parts(path, plan)
    path.write_bytes(etree.tostring(_large(3), encoding="utf-8"))
    assert parts.holds_in_parts(path, plan)


def _compare(path: Path, monkeypatch: pytest.MonkeyPatch, schemas: list[Path] | None,
             options: Options | None = None) -> tuple[batch.FileResult, list[Path]]:
    """The result of ``path`` read as a stream where it can be, which must be the usual
    one, and the files the check loaded whole."""
    usual = validate_paths([path], schemas, options=options)[0]
    loaded: list[Path] = []
    load = batch._load

    def watched(path: Path, job: batch._Job) -> object:
        loaded.append(path)
        return load(path, job)

    monkeypatch.setattr(batch, "STREAM_ABOVE", 1)
    monkeypatch.setattr(batch, "_load", watched)
    [result] = validate_paths([path], schemas, options=options)
    assert result.diagnostics == usual.diagnostics
    assert result.choice is not None and usual.choice is not None
    assert result.choice.label == usual.choice.label
    return result, loaded


def _not_teikits(tree: etree._ElementTree) -> etree._ElementTree:
    for application in tree.iter(f"{T}appInfo"):
        application.getparent().remove(application)  # type: ignore[union-attr]
    return tree


def test_a_file_without_schema_is_read_as_a_stream_against_tei_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(_not_teikits(_large(6)), encoding="utf-8"))
    result, loaded = _compare(path, monkeypatch, None)
    assert result.valid and loaded == []
    assert result.choice is not None and result.choice.reason == "tei_all"


def test_a_second_header_naming_teikit_is_checked_the_usual_way(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The head of the file chooses tei_all, the whole file teikit's schemas: tei_all
    refuses a second teiHeader, so the stream gives no answer and the usual check decides."""
    tree = _large(6)
    header = tree.find(f"{T}teiHeader")
    assert header is not None
    naming = copy.deepcopy(header)
    _not_teikits(tree).getroot().append(naming)  # the first header names no writer
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    result, loaded = _compare(path, monkeypatch, None)
    assert result.choice is not None and result.choice.reason == "teikit"
    assert loaded == [path]


def test_pointers_asked_for_are_found_in_parts_when_one_leads_nowhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _large(6)
    ref = etree.SubElement(tree.findall(f".//{T}p")[-1], f"{T}ref", target="#nowhere")
    ref.text = "see"
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8"))
    result, loaded = _compare(path, monkeypatch, [TEI_ALL], Options(pointers=True))
    assert "dangling-pointer" in {d.code for d in result.diagnostics}
    assert loaded == []


def test_a_rule_becomes_the_query_of_the_nodes_failing_it() -> None:
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{tei.TEI_NS}"><p n="1"/><p/><p n="x"/></TEI>'))
    backend = _rule_set("tei:p", "@n")
    [rule] = backend.rules.patterns[0].rules
    queries = failing_queries(rule, backend.rules)
    assert queries is not None
    assert [[p.get("n") for p in query(tree)] for query in queries] == [[None]]  # type: ignore[union-attr]
    with_let = _rule_set("tei:p", "$v0", ("@n",))
    assert failing_queries(with_let.rules.patterns[0].rules[0], with_let.rules) is None


def test_a_node_another_rule_handles_is_not_a_fault(tmp_path: Path) -> None:
    """The query of the second rule finds every p without @rend, but in the pattern the
    first rule handles the p of a div: the part is then run rule by rule, and holds."""
    schema = etree.fromstring(
        f'<schema xmlns="{SCH}" queryBinding="xslt2"><ns prefix="tei" uri="{tei.TEI_NS}"/>'
        '<pattern><rule context="tei:div/tei:p"><assert test="true()">x</assert></rule>'
        '<rule context="tei:p"><assert test="@rend">y</assert></rule></pattern></schema>')
    backend = SchematronBackend(load_schema(RULES), read_rules(schema, "test"))
    tree = _large(6)
    for paragraph in tree.iter(f"{T}p"):  # the header's p are not in a div
        if paragraph.getparent().tag != f"{T}div":  # type: ignore[union-attr]
            paragraph.set("rend", "plain")
    in_divs = tree.findall(f".//{T}div/{T}p")
    assert in_divs and not any(p.get("rend") for p in in_divs)
    assert _whole_problems(backend, tree) == []
    assert _holds(backend, tree, tmp_path / "doc.xml")


class _Token(list):  # type: ignore[type-arg]
    """A parsed XPath token as elementpath before version 5 labels it."""

    def __init__(self, symbol: str, label: str, *children: object) -> None:
        super().__init__(children)
        self.symbol, self.label = symbol, label


def test_a_wildcard_is_a_name_test_whatever_elementpath_calls_it() -> None:
    """``tei:*`` is a name test under elementpath 4 (an ``operator`` with no operands) as
    under 5 (a ``wildcard``); ``x * 2`` is a multiplication under both."""
    from teikit.validator.schematron import locality, whole

    prefixed = _Token(":", "symbol", _Token("(name)", "literal"), _Token("*", "operator"))
    alone = _Token("*", "operator")
    times = _Token("*", "operator", _Token("(name)", "literal"), _Token("(integer)", "literal"))
    assert locality._name_test(prefixed) and locality._wildcard(alone)
    assert not locality._wildcard(times)
    assert whole._name_test(alone) and whole._name_test(prefixed)
    assert not whole._name_test(times)
