"""A large document that breaks rules (teikit's own, or those embedded in tei_all) is
reported from its parts, never its whole tree, and the report is the whole tree's: the
same diagnostics (code, message, line, column, XPath, hint), in the same order, for
problems in the first, middle and last parts, in the header (what no part holds), and
beside faults of the grammar, repeated ids and pointers that lead nowhere."""

from __future__ import annotations

import copy
import dataclasses
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from test_validate_own_parts import _own
from test_validate_stream import TEI_ALL, T, _large

from teikit import tei
from teikit.validator import Options, batch, stream, validate_paths
from teikit.validator.schematron import parts

Mutation = Callable[[etree._Element, random.Random], bool]


@pytest.fixture(autouse=True)
def _small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gather 3 siblings to a part (real files: GATHER)."""
    monkeypatch.setattr(stream, "GATHER", 3)
    monkeypatch.setattr(parts, "GATHER", 3)


def _emptied(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname not in {"supplied", "add", "sic", "unclear"}:
        return False
    element.text = ""
    del element[:]
    return True


def _no_reason(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname != "gap":
        return False
    element.attrib.pop("reason", None)
    return True


def _backwards(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname != "date":
        return False
    element.attrib.pop("when", None)
    element.set("from", "1950-03")
    element.set("to", chance.choice(["1940", "1950-01"]))
    return True


def _nobody(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname not in {"supplied", "note"}:
        return False
    element.set("resp", f"#nobody-{chance.randrange(3)}")
    return True


def _no_note(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname != "ref":
        return False
    element.set("target", chance.choice(["#note-9", "#editor", "#note-1 #nowhere"]))
    return True


def _no_unit(element: etree._Element, chance: random.Random) -> bool:
    if etree.QName(element).localname != "gap":
        return False
    element.attrib.pop("unit", None)
    element.set("quantity", "2")
    return True


MUTATIONS: tuple[Mutation, ...] = (_emptied, _no_reason, _backwards, _nobody, _no_note,
                                   _no_unit)


def _broken(tree: etree._ElementTree, seed: int, count: int = 4) -> etree._ElementTree:
    """A copy of ``tree`` with ``count`` rule faults on elements picked by ``seed``, across
    the document (the header's too)."""
    chance = random.Random(seed)
    broken = copy.deepcopy(tree)
    elements = list(broken.iter(f"{T}*"))
    done = 0
    while done < count:
        element = chance.choice(elements)
        done += chance.choice(MUTATIONS)(element, chance)
    return broken


def _report(path: Path, parts_: bool, monkeypatch: pytest.MonkeyPatch,
            schemas: list[Path] | None, options: Options | None = None
            ) -> tuple[list[tuple[object, ...]], list[Path]]:
    monkeypatch.setattr(batch, "STREAM_ABOVE", 1 if parts_ else 1 << 40)
    loaded: list[Path] = []
    load = batch._load

    def watched(path: Path, job: batch._Job) -> object:
        loaded.append(path)
        return load(path, job)

    monkeypatch.setattr(batch, "_load", watched)
    [result] = validate_paths([path], schemas, options=options)
    return [(d.file, d.line, d.column, d.severity, d.code, d.message, d.xpath, d.hint,
             d.url, d.source) for d in result.diagnostics], loaded


def _same(tree: etree._ElementTree, path: Path, monkeypatch: pytest.MonkeyPatch,
          schemas: list[Path] | None = None, options: Options | None = None
          ) -> tuple[list[tuple[object, ...]], list[Path]]:
    path.write_bytes(etree.tostring(tree, encoding="utf-8", xml_declaration=True))
    whole, _ = _report(path, False, monkeypatch, schemas, options)
    found, loaded = _report(path, True, monkeypatch, schemas, options)
    assert found == whole
    return whole, loaded


@pytest.mark.parametrize("seed", range(24))
def test_teikits_rules_found_in_parts_are_the_whole_trees(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the grammar's faults they cause and the pointers that lead nowhere."""
    whole, loaded = _same(_broken(_own(8), seed), tmp_path / "doc.xml", monkeypatch)
    assert any(entry[9] == "schematron" for entry in whole)
    assert loaded == [], "found in parts, never on the whole tree"


@pytest.mark.parametrize("seed", range(8))
def test_many_problems_in_one_part_and_in_every_part(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, loaded = _same(_broken(_own(8), seed, count=40), tmp_path / "doc.xml",
                          monkeypatch)
    assert len(whole) >= 20 and loaded == []


@pytest.mark.parametrize("seed", range(6))
def test_rules_beside_repeated_ids_and_grammar_faults(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _broken(_own(8), seed)
    divs = tree.findall(f".//{T}body/{T}div")
    divs[seed % len(divs)].set(tei.xml("id"), "twice")
    divs[-1 - seed % 3].set(tei.xml("id"), "twice")
    divs[len(divs) // 2].set("bogus", "x")
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch)
    codes = {entry[4] for entry in whole}
    assert {"duplicate-id", "rng-attribute"} <= codes
    assert loaded == []


def test_a_problem_on_a_line_a_part_shares_is_placed_as_the_whole_tree_places_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every element of the body on one line: the columns count the tags before."""
    tree = _own(8)
    body = tree.find(f".//{T}body")
    assert body is not None
    for element in body.iter():
        element.tail = None if element is not body else element.tail
    for gap in list(body.iter(f"{T}gap"))[::3]:
        gap.attrib.pop("reason", None)
    _same(tree, tmp_path / "doc.xml", monkeypatch)


@pytest.mark.parametrize("seed", range(6))
def test_tei_alls_embedded_rules(seed: int, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A p inside a p, a when with a to: their rules and messages are local."""
    chance = random.Random(seed)
    tree = _large(4)
    paragraphs = list(tree.iter(f"{T}p"))
    for _ in range(3):
        target = chance.choice(paragraphs)
        if chance.random() < 0.5:
            etree.SubElement(target, f"{T}p").text = "nested"
        else:
            date = etree.SubElement(target, f"{T}date", when="1950", to="1951")
            date.text = "1950"
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert whole and loaded == []


def test_a_rule_whose_message_reads_outside_the_part_is_left_to_the_whole_tree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its test is local, its message counts the document's paragraphs."""
    schema = tmp_path / "rules.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern><rule context="tei:gap">'
        '<assert test="@reason">no reason, one of <value-of select="count(//tei:p)"/>'
        '</assert></rule></pattern></schema>')
    tree = _own(8)
    last = list(tree.iter(f"{T}gap"))[-1]
    del last.attrib["reason"]
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [schema])
    assert len(whole) == 1 and loaded == [tmp_path / "doc.xml"]
    local = schema.read_text().replace("count(//tei:p)", "count(tei:*)")
    schema.write_text(local)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [schema])
    assert len(whole) == 1 and loaded == []


def large_file_is_read_in_parts(folder: Path) -> None:
    """The row of ``docs/reliability.md`` on large files: a file teikit wrote, with a fault
    of the grammar, rule findings, a repeated ``xml:id`` and a pointer that leads nowhere,
    validated from the command line as a large file (in parts of 3) and as a small one
    (whole): the same report, and never the whole tree (the 175 MB figures:
    ``docs/scale.md``)."""
    from typer.testing import CliRunner

    from teikit.cli import app

    tree = _broken(_own(8), 7)
    divs = tree.findall(f".//{T}body/{T}div")
    divs[1].set(tei.xml("id"), "twice")
    divs[-2].set(tei.xml("id"), "twice")
    divs[len(divs) // 2].set("bogus", "x")
    list(tree.iter(f"{T}supplied"))[-1].set("resp", "#nobody")
    path = folder / "big.xml"
    path.write_bytes(etree.tostring(tree, encoding="utf-8", xml_declaration=True))
    said = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "GATHER", 3)
        patch.setattr(parts, "GATHER", 3)
        for above in (1 << 40, 1):
            patch.setattr(batch, "STREAM_ABOVE", above)
            loaded: list[Path] = []
            load = batch._load
            patch.setattr(batch, "_load", lambda p, job, _l=load, _s=loaded: (
                _s.append(p), _l(p, job))[1])
            result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
            assert result.exit_code == 1 and "Traceback" not in result.output
            said.append((result.stdout, loaded))
            patch.setattr(batch, "_load", load)
    (whole, read_whole), (found, read_in_parts) = said
    assert found == whole and read_whole == [path] and read_in_parts == []
    codes = {item["code"] for item in json.loads(found)["diagnostics"]}
    assert {"duplicate-id", "dangling-pointer", "rng-attribute"} <= codes


def _watch_riders(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bool], list[Path]]:
    """Whether each reading for the grammar found the rules too (their findings kept),
    and the files the rules' own reading read."""
    from teikit.validator.schematron import alongside

    kept: list[bool] = []
    own: list[Path] = []
    verdict, findings = alongside.Alongside.verdict, parts.findings_in_parts

    def watched(self: alongside.Alongside, valid: bool) -> None:
        verdict(self, valid)
        kept.append(self.findings is not None)

    monkeypatch.setattr(alongside.Alongside, "verdict", watched)
    monkeypatch.setattr(parts, "findings_in_parts", lambda path, *args, **kwargs: (
        own.append(path), findings(path, *args, **kwargs))[1])
    return kept, own


def _dated(tree: etree._ElementTree, seed: int, count: int) -> etree._ElementTree:
    """A copy of ``tree`` with ``count`` dates that have a ``@when`` beside a ``@to`` (a
    rule ``tei_all`` embeds; the grammar allows them) in paragraphs picked by ``seed``,
    and in the header's publication date when ``seed`` is even."""
    chance = random.Random(seed)
    dated = copy.deepcopy(tree)
    paragraphs = list(dated.iter(f"{T}p"))
    for target in (chance.choice(paragraphs) for _ in range(count)):
        date = etree.SubElement(target, f"{T}date", when="1950", to="1951")
        date.text, date.tail = "1950", chance.choice([None, " ", "\n"])
    header = dated.find(f".//{T}publicationStmt/{T}date")
    if seed % 2 == 0 and header is not None:
        header.set("to", "2001")
        header.set("when", header.get("when") or "2000")
    return dated


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("gather", [9, 5])
def test_tei_alls_rules_read_with_the_grammar_are_the_whole_trees(
        seed: int, gather: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules of tei_all are checked in the grammar's reading (runs of 9 divs of the
    body: every part holds only what no other part holds) and report what the whole tree
    and the rules' own reading report; with runs of 5, a div that lost content to the
    runs of its children is met in a run of the body's, and the rules' own reading
    decides."""
    from teikit.validator.schematron import alongside

    monkeypatch.setattr(stream, "GATHER", gather)
    monkeypatch.setattr(parts, "GATHER", gather)
    tree = _dated(_large(5), seed, count=1 + seed % 4)
    if seed % 3 == 0:  # every element of the body on one line: columns counted there
        body = tree.find(f".//{T}body")
        assert body is not None
        for element in body.iter():
            element.tail = None if element is not body else element.tail
    kept, own = _watch_riders(monkeypatch)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert whole and loaded == []
    assert kept == [gather == 9] and own == ([] if gather == 9 else [tmp_path / "doc.xml"])
    monkeypatch.setattr(alongside.Alongside, "usable", staticmethod(lambda plan: False))
    found, _ = _report(tmp_path / "doc.xml", True, monkeypatch, [TEI_ALL])
    assert found == whole, "the rules' own reading reports the same"


def test_rules_read_with_a_grammar_that_finds_a_fault_are_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault of the grammar in a part: its reading stops there, the rules' own reading
    finds their problems (and a comment after the root changes nothing)."""
    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _dated(_large(5), 3, count=3)
    tree.findall(f".//{T}body/{T}div")[4].set("bogus", "x")
    tree.getroot().addnext(etree.Comment("after the root"))
    kept, own = _watch_riders(monkeypatch)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert "rng-attribute" in {entry[4] for entry in whole} and loaded == []
    assert kept[0] is False and own == [tmp_path / "doc.xml"]


def test_the_rules_of_a_file_valid_but_for_a_repeated_id_are_read_with_the_grammar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _dated(_large(5), 5, count=2)
    divs = tree.findall(f".//{T}body/{T}div")
    divs[2].set(tei.xml("id"), "twice")
    divs[-2].set(tei.xml("id"), "twice")
    kept, own = _watch_riders(monkeypatch)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert {"duplicate-id"} <= {entry[4] for entry in whole} and loaded == []
    assert kept[0] is True and own == []


def test_a_problem_in_a_part_whose_parent_lost_siblings_to_an_earlier_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of 5: a div's first five children make a part (its first p among them),
    then the five children of its second p make one: the date there is in p[2], though
    its p has no p before it in the stream's tree any more."""
    monkeypatch.setattr(stream, "GATHER", 5)
    monkeypatch.setattr(parts, "GATHER", 5)
    tree = _large(5)
    div = tree.findall(f".//{T}body/{T}div")[4]
    second = div.findall(f"{T}p")[1]
    assert [etree.QName(c).localname for c in div][:6] == [
        "head", "head", "opener", "list", "p", "p"] and len(second) == 4
    etree.SubElement(second, f"{T}date", when="1950", to="1951").text = "1950"
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert [entry[6] for entry in whole] == ["/TEI/text[1]/body[1]/div[5]/p[2]/date[1]"]
    assert loaded == []


def test_the_rules_and_the_repeats_of_the_headers_id_come_from_one_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of 9 divs: a run repeating the header's id is set aside whole by the reading
    that checks the grammar and the rules, and put back where it stood; neither the
    rules' own reading nor one for the faults follows."""
    from teikit.validator import streamfaults

    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _dated(_large(5), 2, count=2)
    statement = tree.find(f".//{T}titleStmt/{T}respStmt")
    assert statement is not None
    statement.set(tei.xml("id"), "editor")
    divs = tree.findall(f".//{T}body/{T}div")
    for div in (divs[1], divs[12]):
        next(div.iter(f"{T}p")).set(tei.xml("id"), "editor")
    kept, own = _watch_riders(monkeypatch)
    faults: list[object] = []
    found = streamfaults.faults_in_parts
    monkeypatch.setattr(streamfaults, "faults_in_parts", lambda *args, **kwargs: (
        faults.append(args), found(*args, **kwargs))[1])
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    codes = [entry[4] for entry in whole]
    assert codes.count("duplicate-id") == 2 and any("datable" in c for c in codes)
    assert loaded == [] and kept == [True] and own == [] and faults == []


def test_each_run_takes_the_names_its_grammar_allows_and_reports_the_whole_trees(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules of a run read with the grammar take the names a batch of the grammar
    may hold (and its ancestors' copies) for the run's own, not walking it: those names
    hold every name of the run, and the report is the whole tree's."""
    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _dated(_large(5), 4, count=3)
    calls: list[tuple[frozenset[tuple[str, str, str]] | None, frozenset[object]]] = []
    run = parts._run

    def watched(part: etree._ElementTree, plan: parts.Plan, filename: str,
                within: frozenset[tuple[str, str, str]] | None = None) -> object:
        calls.append((within, parts._names(list(part.iter(etree.Element)))))
        return run(part, plan, filename, within)

    monkeypatch.setattr(parts, "_run", watched)
    kept, own = _watch_riders(monkeypatch)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert whole and loaded == [] and kept == [True] and own == []
    broader = [(within, names) for within, names in calls if within is not None]
    assert broader and all(names <= within for within, names in broader)
    assert any(names < within for within, names in broader)


def _tei_all_plan() -> parts.Plan:
    from teikit.validator import load_schema
    from teikit.validator.engine import backends
    from teikit.validator.schematron import SchematronBackend

    [_, rules] = backends(load_schema(TEI_ALL), Options())
    assert isinstance(rules, SchematronBackend) and rules.parts is not None
    return rules.parts


def test_a_far_rules_name_among_the_grammars_names_leaves_the_run_its_own() -> None:
    """A rule that is not local and needs a name the grammar allows gives up the run only
    when the run holds that name: the broader names are then set aside."""
    plan = _tei_all_plan()
    far = next(rule for rule in plan.far if rule.needs
               and next(iter(rule.needs))[0] == "element")
    kind, namespace, local = next(iter(far.needs or ()))
    root = etree.Element(f"{T}div")
    etree.SubElement(root, f"{T}p").text = "text"
    within = frozenset({(kind, namespace, local), ("element", T[1:-1], "p"),
                        ("element", T[1:-1], "div")})
    found = parts._run(etree.ElementTree(root), plan, "doc.xml", within)
    assert found is not None and ("element", T[1:-1], "p") in found.present()
    assert (kind, namespace, local) not in found.present()
    etree.SubElement(root, f"{{{namespace}}}{local}")
    assert parts._run(etree.ElementTree(root), plan, "doc.xml", within) is None


_GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:x">
  <start><ref name="a"/></start>
  <define name="a"><element name="a"><optional><attribute name="n"/></optional>
    <zeroOrMore><ref name="b"/></zeroOrMore></element></define>
  <define name="b"><element name="b">{content}</element></define>
  <define name="unused"><element name="c"><empty/></element></define>
</grammar>"""


@pytest.mark.parametrize(("content", "names"), [
    ("<text/>", {("element", "urn:x", "a"), ("element", "urn:x", "b"),
                 ("attribute", "", "n")}),
    ("<ref name='a'/>", {("element", "urn:x", "a"), ("element", "urn:x", "b"),
                         ("attribute", "", "n")}),
    ("<attribute><anyName/></attribute>", None),
    ("<zeroOrMore><element><anyName/><empty/></element></zeroOrMore>", None),
])
def test_the_names_a_grammar_allows(content: str, names: set[object] | None) -> None:
    from teikit.validator.split import names_within

    grammar = etree.fromstring(_GRAMMAR.format(content=content))
    assert names_within(grammar) == (None if names is None else frozenset(names))
    grammar[1].set("combine", "choice")  # a definition spread over several: not read
    assert names_within(grammar) is None


def test_the_rules_locality_is_read_once_then_taken_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Which of tei_all's rules are local is read with elementpath once, then kept: the
    answers read back are those read, and a changed rule is read again."""
    from teikit.validator.schematron import localities, locality

    rules = _tei_all_plan().rules
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # nothing read yet
    candidates = [rule for pattern in rules.patterns for rule in pattern.rules]
    read: list[object] = []

    def counted(rule: object, rule_set: object) -> object:
        read.append(rule)
        return locality.rule_locality(rule, rule_set)  # type: ignore[arg-type]

    monkeypatch.setattr(localities, "rule_locality", counted)
    fresh = [(locality.rule_locality(rule, rules), None) for rule in candidates]
    first = localities.localities(rules, candidates)
    assert len(read) == len(candidates) and [f[0] for f in first] == [f[0] for f in fresh]
    assert any(local is None for local, _ in first) and any(first)
    assert [says for local, says in first if local is not None] == [
        locality.says_locally(rule, rules) for rule, (local, _) in zip(
            candidates, first, strict=True) if local is not None]
    assert localities.localities(rules, candidates) == first and len(read) == len(candidates)
    changed = copy.deepcopy(candidates[0].node)
    changed.set("context", "//tei:p")
    moved = [dataclasses.replace(candidates[0], node=changed), *candidates[1:]]
    again = localities.localities(rules, moved)
    assert len(read) == 2 * len(candidates) and again[0] == (None, None)


@pytest.mark.parametrize("seed", range(6))
def test_positions_counted_from_the_last_run_are_the_whole_trees(seed: int) -> None:
    """Runs of siblings leave a wide element in document order, a stand-in where each
    stood, some siblings left in the tree (between runs and inside one, as cut elements
    are): each member's position among its same-named siblings, and each one left's at
    the end (between runs), is its position in the whole tree."""
    from teikit.validator.schematron.located import Places

    chance = random.Random(seed)
    parent = etree.Element("body")
    children = [etree.SubElement(parent, chance.choice(["div", "p", "div"]))
                for _ in range(300)]
    whole = {child: 1 + sum(1 for _ in child.itersiblings(child.tag, preceding=True))
             for child in children}
    places, start, left = Places(), 0, []
    while start < len(children):
        run = children[start:start + chance.randint(1, 7)]
        start += len(run)
        if chance.random() < 0.2:
            left += run
            continue
        if len(run) > 2 and chance.random() < 0.3:  # one inside the run stays
            run.pop(chance.randrange(1, len(run) - 1))
        assert places.moving(run) == {member: whole[member] for member in run}
        run[0].addprevious(etree.Element("stand-in"))
        for member in run:
            parent.remove(member)
    assert left and all(places.position(child) == whole[child] for child in left)


def test_a_context_selected_through_its_attribute_selects_the_same_elements() -> None:
    """``//name[@attribute]`` is queried as ``//@attribute/parent::name``: the same
    elements, for each such context of tei_all's rules (seven), on a document that has
    them and elements of other names bearing the same attributes."""
    from teikit.validator.schematron.quick import selecting

    plan = _tei_all_plan()
    contexts = {str(rule.select.path) for pattern in plan.patterns for rule in pattern.rules
                if rule.select is not None and id(rule) in plan.quick}
    changed = {context for context in contexts if selecting(context) != context}
    assert len(changed) >= 7 and selecting("//tei:*[@a][@b]") == "//tei:*[@a][@b]"
    tree = _large(1)
    for number, element in enumerate(tree.iter(etree.Element)):
        for attribute in ("subtype", "when", "to", "from", "calendar", "restriction"):
            if (number + len(attribute)) % 3 == 0:
                element.set(attribute, "x")
    etree.SubElement(tree.getroot(), f"{T}dataRef", restriction="x")
    namespaces = {"tei": T[1:-1]}
    for context in changed:
        assert tree.xpath(selecting(context), namespaces=namespaces) == tree.xpath(
            context, namespaces=namespaces), context


@pytest.mark.parametrize("seed", range(3))
def test_a_subtype_without_a_type_in_a_part_is_the_whole_trees(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule whose context is queried through its attribute (``tei:*[@subtype]`` needs a
    ``@type``) reports in the parts read with the grammar what the whole tree reports."""
    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _large(5)
    chance = random.Random(seed)
    typed = [element for element in tree.iter(f"{T}seg", f"{T}div", f"{T}note")
             if element.get("type") and element.getparent() is not None]
    for element in chance.sample(typed, 3):
        element.set("subtype", element.attrib.pop("type"))
    kept, own = _watch_riders(monkeypatch)
    whole, loaded = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert len([entry for entry in whole if "@subtype" in str(entry[5])]) == 3
    assert loaded == [] and kept == [True] and own == []


def test_the_queries_of_runs_with_the_same_names_are_chosen_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs read with the grammar take the same names (the grammar's, their ancestors'):
    which rules may fire there is worked out once, and the report is the whole tree's."""
    monkeypatch.setattr(stream, "GATHER", 9)
    monkeypatch.setattr(parts, "GATHER", 9)
    tree = _dated(_large(5), 6, count=3)
    chosen: list[frozenset[object]] = []
    firing, part = parts._firing, parts.Finder.part
    ran: list[object] = []
    monkeypatch.setattr(parts, "_firing", lambda plan, present: (
        chosen.append(frozenset(present)), firing(plan, present))[1])
    monkeypatch.setattr(parts.Finder, "part", lambda self, *args: (
        ran.append(args), part(self, *args))[1])
    kept, own = _watch_riders(monkeypatch)
    whole, _ = _same(tree, tmp_path / "doc.xml", monkeypatch, [TEI_ALL])
    assert whole and kept == [True] and own == []
    assert len(ran) >= 3 and len(chosen) == 1
