"""TEI-specific behaviour on small fixtures: plain-language messages with Guidelines links,
Schematron embedded in RELAX NG, pruning, xml-model URLs and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.validator import Options, iter_diagnostics, load_schema
from teikit.validator.document import load_document
from teikit.validator.prune import RNG, prunable, prune
from teikit.validator.vocabulary import Vocabulary, vocabulary_of
from teikit.validator.xmlmodel import declared_schemas

DATA = Path(__file__).parent / "data" / "validate"
GUIDELINES = "https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-{}.html"


def test_tei_message_is_plain_and_links_to_the_guidelines() -> None:
    found = list(iter_diagnostics(DATA / "tei-mini-bad.xml", [DATA / "tei-mini.rng"]))
    grammar = [d for d in found if d.source == "relaxng"]
    assert [(d.line, d.message) for d in grammar] == [
        (4, "element `date` is not allowed here inside `titleStmt`; "
            "allowed there: `author`, `title`")]
    assert grammar[0].url == GUIDELINES.format("titleStmt")
    assert grammar[0].xpath == "/titleStmt/date[1]"


def test_embedded_schematron_runs_unless_turned_off() -> None:
    found = list(iter_diagnostics(DATA / "tei-mini-bad.xml", [DATA / "tei-mini.rng"]))
    rules = [d for d in found if d.source == "schematron"]
    assert [(d.line, d.code, str(d.severity)) for d in rules] == [
        (3, "title-not-empty", "warning")]
    assert rules[0].url == GUIDELINES.format("title")
    off = iter_diagnostics(DATA / "tei-mini-bad.xml", [DATA / "tei-mini.rng"],
                           options=Options(embedded=False))
    assert all(d.source == "relaxng" for d in off)


def _vocabulary(path: Path) -> Vocabulary:
    document, _ = load_document(path)
    assert document is not None
    return document.names()


@pytest.mark.parametrize("doc", ["good.xml", "bad.xml", "rules-fail.xml"])
def test_pruned_grammar_gives_the_same_verdict(doc: str) -> None:
    grammar = etree.parse(str(DATA / "letter.rng")).getroot()
    assert prunable(grammar)
    tree = etree.parse(str(DATA / doc))
    full = etree.RelaxNG(grammar).validate(tree)
    pruned = etree.RelaxNG(prune(grammar, _vocabulary(DATA / doc))).validate(tree)
    assert pruned == full


def test_pruning_keeps_attributes_with_a_name_class_only() -> None:
    """``<attribute><anyName/></attribute>`` means any text; it must not become empty."""
    grammar = etree.fromstring(
        b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a">'
        b'<zeroOrMore><attribute><anyName/></attribute></zeroOrMore><ref name="b"/>'
        b'</element></start><define name="b"><optional><element name="b"><empty/>'
        b"</element></optional></define></grammar>")
    tree = etree.fromstring(b'<a x="text"/>').getroottree()
    pruned = prune(grammar, vocabulary_of(tree))
    assert etree.RelaxNG(pruned).validate(tree)


ATTRIBUTE_GRAMMAR = b"""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:t="urn:t" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="r"><ref name="att.global"/><zeroOrMore><ref name="item"/></zeroOrMore>
  </element></start>
  <define name="att.global"><optional><attribute name="xml:id"><data type="ID"/></attribute>
    </optional><optional><attribute name="n"/></optional><ref name="att.nothing"/></define>
  <define name="att.nothing"><empty/></define>
  <define name="item"><choice>
    <element name="a"><ref name="att.global"/><optional><attribute name="x"/></optional>
      <zeroOrMore><ref name="item"/></zeroOrMore></element>
    <element name="b"><ref name="att.global"/><attribute name="y"/><text/></element>
    <element name="c"><choice><attribute name="z"/><attribute name="t:w"/></choice>
      <ref name="att.global"/><empty/></element>
  </choice></define>
</grammar>"""

_NAMES = st.sampled_from(["a", "b", "c"])
_ATTRIBUTES = st.lists(st.sampled_from(["x", "y", "z", "{urn:t}w", "n", "q",
                                        "{http://www.w3.org/XML/1998/namespace}id"]),
                       max_size=3, unique=True)


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    name = draw(_NAMES)
    element = etree.Element(name)
    expected = {"a": [], "b": ["y"], "c": [draw(st.sampled_from(["z", "{urn:t}w"]))]}[name]
    noise = draw(st.one_of(st.just([]), _ATTRIBUTES))  # often none: mostly valid documents
    keep = draw(st.booleans()) or draw(st.booleans())
    for attribute in (expected if keep else []) + noise:
        element.set(attribute, f"v{draw(st.integers(0, 10**9))}")
    if depth < 2 and (name == "a" or not draw(st.integers(0, 5))):
        for _ in range(draw(st.integers(0, 3))):
            element.append(draw(_element(depth + 1)))
    return element


@settings(max_examples=400)
@given(st.lists(_element(), max_size=4), st.one_of(st.just([]), _ATTRIBUTES))
def test_pruning_elements_and_attributes_never_changes_a_verdict(
    items: list[etree._Element], root_attributes: list[str],
) -> None:
    grammar = etree.fromstring(ATTRIBUTE_GRAMMAR)
    root = etree.Element("r")
    for index, name in enumerate(root_attributes):
        root.set(name, f"r{index}")
    root.extend(items)
    document, _ = load_document(etree.tostring(root))
    assert document is not None
    full = etree.RelaxNG(grammar).validate(document.tree)
    validator = etree.RelaxNG(prune(grammar, document.names()))
    assert validator.validate(document.tree) == full
    if not full:  # and libxml2 can still say why
        assert len(validator.error_log), etree.tostring(root)


def test_pruning_drops_unused_attributes_and_references_to_empty_definitions() -> None:
    grammar = etree.fromstring(ATTRIBUTE_GRAMMAR)
    document = etree.fromstring(b'<r><b y="1">t</b></r>').getroottree()
    pruned = prune(grammar, vocabulary_of(document))
    text = etree.tostring(pruned).decode()
    assert 'name="x"' not in text and 'name="xml:id"' not in text and 'name="y"' in text
    assert 'name="a"' not in text and 'name="c"' not in text
    assert '<ref name="att.global' not in text  # it became empty
    assert etree.RelaxNG(pruned).validate(document)


def test_each_element_keeps_only_the_children_and_attributes_it_has() -> None:
    """``a`` inside ``a`` is kept, ``b`` inside ``a`` is not: the documents have no such b,
    though b occurs elsewhere; ``x`` is kept on ``a`` only."""
    grammar = etree.fromstring(ATTRIBUTE_GRAMMAR)
    document = etree.fromstring(b'<r><a x="1"><a/></a><b y="2"/></r>').getroottree()
    pruned = prune(grammar, vocabulary_of(document))
    validator = etree.RelaxNG(pruned)
    assert validator.validate(document)
    defines = {d.get("name"): d for d in pruned.iter(f"{{{RNG}}}define")}

    def inside(pattern: etree._Element) -> set[str]:
        """Names of the element and attribute patterns in ``pattern``'s content."""
        found = set()
        for node in pattern.iterdescendants(f"{{{RNG}}}element", f"{{{RNG}}}attribute",
                                            f"{{{RNG}}}ref"):
            if node.tag == f"{{{RNG}}}ref":
                target = defines[node.get("name")][0]
                found |= {target.get("name")} if target.tag == f"{{{RNG}}}element" else \
                    inside(defines[node.get("name")])
            else:
                found.add(node.get("name"))
        return found

    element_a = next(e for e in pruned.iter(f"{{{RNG}}}element") if e.get("name") == "a")
    element_b = next(e for e in pruned.iter(f"{{{RNG}}}element") if e.get("name") == "b")
    assert inside(element_a) == {"a", "x"}
    assert inside(element_b) == {"y"}
    # a b inside an a is not in the vocabulary: the pruned grammar must not be used for it
    moved = etree.fromstring(b'<r><a x="1"><b y="2"/></a></r>').getroottree()
    assert etree.RelaxNG(grammar).validate(moved)
    assert not vocabulary_of(moved) <= vocabulary_of(document)


def test_a_required_element_the_documents_lack_is_kept_for_the_message() -> None:
    grammar = etree.fromstring(
        b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="r">'
        b'<element name="head"><text/></element><zeroOrMore><element name="p"><text/>'
        b'</element></zeroOrMore></element></start></grammar>')
    document = etree.fromstring(b"<r><p>no head</p></r>").getroottree()
    validator = etree.RelaxNG(prune(grammar, vocabulary_of(document)))
    assert not validator.validate(document)
    # the p where head must come (teikit then names what is allowed there, from the whole
    # grammar); without the stub, libxml2 rejects the document without a message
    assert [(entry.line, entry.message) for entry in validator.error_log] == [
        (1, "Did not expect element p there")]


def test_an_element_whose_content_cannot_match_is_kept_in_its_choice() -> None:
    """``a`` lacks its required ``x``: libxml2 must look inside ``a`` (as with the whole
    grammar), not call ``a`` itself unexpected."""
    grammar = etree.fromstring(
        b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="r">'
        b'<zeroOrMore><choice><element name="a"><element name="x"><empty/></element>'
        b'</element><element name="b"><text/></element></choice></zeroOrMore></element>'
        b"</start></grammar>")
    document = etree.fromstring(b"<r>\n<b>t</b>\n<a/></r>").getroottree()
    whole, pruned = etree.RelaxNG(grammar), etree.RelaxNG(prune(grammar, vocabulary_of(document)))
    assert not whole.validate(document) and not pruned.validate(document)
    assert [(e.line, e.message) for e in pruned.error_log] == [
        (e.line, e.message) for e in whole.error_log]


def test_grammars_with_includes_are_not_pruned() -> None:
    grammar = etree.fromstring(
        b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="x.rng"/>'
        b"<start><empty/></start></grammar>")
    assert not prunable(grammar)


def test_xml_model_url_is_taken_from_the_local_schema_cache(tmp_path: Path) -> None:
    (tmp_path / "letter.rng").write_bytes((DATA / "letter.rng").read_bytes())
    document, _ = load_document(DATA / "declares-url.xml")
    assert document is not None
    schemas, problems = declared_schemas(document.tree, "d.xml", DATA, tmp_path)
    assert problems == []
    assert schemas == [load_schema(tmp_path / "letter.rng")]


def test_deeply_nested_input_is_one_diagnostic_not_a_crash() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    found = list(iter_diagnostics(data, [DATA / "letter.rng"]))
    assert [d.code for d in found] == ["xml-syntax"]


def test_billion_laughs_is_refused() -> None:
    entities = "".join(f'<!ENTITY e{i} "&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};">'
                       for i in range(1, 30))
    data = f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e0 "lol">{entities}]><a>&e29;</a>'
    found = list(iter_diagnostics(data.encode(), [DATA / "letter.rng"]))
    assert [d.code for d in found] == ["xml-syntax"]


@pytest.mark.parametrize(
    ("context", "needs"),
    [
        ("tei:lg", {("element", "T", "lg")}),
        ("(tei:a | tei:b)/tei:c | tei:d[not(@x)]",
         {("element", "T", "a"), ("element", "T", "b"), ("element", "T", "d")}),
        ("tei:*[ starts-with(@spanTo, '#') ]", {("attribute", "", "spanTo")}),
        ("tei:*[@a or @b]", None),
        ("tei:*[not(self::tei:schemaSpec)][@targetLang]", {("attribute", "", "targetLang")}),
        ("tei:*[@a = 'x'][@b]", {("attribute", "", "a")}),
        ("tei:*[not(@a)]", None),  # true without the attribute
        ("tei:*[string-length(@a) = 0]", None),
        ("tei:*[starts-with(@a, '')]", None),
        ("tei:*[ @minOccurs and not( @maxOccurs ) ]", {("attribute", "", "minOccurs")}),
        ("tei:*[(@a or @b) and @c]", {("attribute", "", "c")}),
        ("tei:*[@a and @b or @c]", None),
        ("/*[count(//tei:x) gt 1]", {("element", "T", "x")}),  # false with no x
        ("/*[ count( //tei:x ) ge 1 ]", {("element", "T", "x")}),
        ("/*[count(//tei:x) ge 0]", None),  # true with no x
        ("/*[count(//tei:x) gt 1 or @y]", None),
        ("/tei:TEI", None),
        ("@target", None),
        ("ancestor::tei:x", None),
    ],
)
def test_rules_are_skipped_only_when_they_cannot_match(
    context: str, needs: set[tuple[str, str, str]] | None,
) -> None:
    from teikit.validator.schematron.context import needs as needs_of

    assert needs_of(context, {"tei": "T"}) == (frozenset(needs) if needs else None)


@pytest.mark.parametrize(
    ("context", "selector"),
    [
        ("tei:*[@when]", "//tei:*[@when]"),  # not //@when/parent::tei:* (quadratic)
        ("*[@xml:id]", "//*[@xml:id]"),
        ("tei:*[@when = '1']", "//tei:*[@when = '1']"),
        ("tei:p | tei:*[@n]", "//tei:p | //tei:*[@n]"),
    ],
)
def test_rule_contexts_become_selections_from_the_root(context: str, selector: str) -> None:
    from teikit.validator.schematron.context import context_selector

    assert context_selector(context) == selector
    tree = etree.fromstring(
        b'<r xmlns="T" xmlns:t="T"><p n="1" when="1" xml:id="a"/><q when="2"/></r>')
    plain = " | ".join("//" + branch.strip() for branch in context.split("|"))
    expected = tree.xpath(plain.replace("tei:", "t:"), namespaces={"t": "T"})
    assert expected  # the same nodes, in the same order
    assert tree.xpath(selector.replace("tei:", "t:"), namespaces={"t": "T"}) == expected


def test_embedded_schematron_may_use_keys_and_functions_declared_in_the_grammar() -> None:
    found = list(iter_diagnostics(DATA / "tei-keys.xml", [DATA / "tei-keys.rng"]))
    assert [(d.line, d.code, d.source) for d in found] == [
        (5, "corresp-resolves", "schematron")]


def test_a_rejection_without_messages_is_still_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from teikit.validator import relaxng

    monkeypatch.setattr(relaxng, "from_rng_log", lambda *args: [])
    monkeypatch.setattr(relaxng.RelaxNGBackend, "_every_fault", lambda *args: [])
    found = list(iter_diagnostics(DATA / "bad.xml", [DATA / "letter.rng"]))
    assert [(d.code, d.line) for d in found] == [("rng", 2)]
    assert "does not match" in found[0].message
