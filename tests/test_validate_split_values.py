"""The attribute values a large document's parts check apart, once per distinct value
(:mod:`teikit.validator.splitvalues`): which attributes are relaxed, and the verdicts and
reports stay those of the whole tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_validate_stream import TEI_ALL, T, _grammar, _large, _streamed
from test_validate_stream_faults import _report, _spied

from teikit.validator import stream
from teikit.validator.prune import RNG
from teikit.validator.splitvalues import relax
from teikit.validator.stream import read_stream
from teikit.validator.vocabulary import vocabulary_of

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "GATHER", 3)


def _grammar_of(content: str) -> etree._Element:
    return etree.fromstring(
        f'<grammar xmlns="{RNG}" datatypeLibrary="{XSD}"><start><element name="r">'
        f'<zeroOrMore><ref name="a"/></zeroOrMore></element></start>{content}</grammar>')


_TOKENS = ('<list><oneOrMore><data type="token"><param name="pattern">[a-z]+</param>'
           '</data></oneOrMore></list>')


def _relaxed(grammar: etree._Element) -> list[str]:
    return [a.get("name", "") for a in grammar.iter(f"{{{RNG}}}attribute")
            if [c.tag for c in a] == [f"{{{RNG}}}text"]]


def test_a_costly_value_is_relaxed_and_checked_apart() -> None:
    grammar = _grammar_of(f'<define name="a"><element name="a"><optional>'
                          f'<attribute name="k">{_TOKENS}</attribute></optional>'
                          f'<attribute name="e"><choice><value>x</value><value>y</value>'
                          f'</choice></attribute></element></define>')
    values = relax(grammar)
    assert _relaxed(grammar) == ["k"], "an enumeration is cheap: it stays"
    relaxed = etree.RelaxNG(grammar)
    good = etree.fromstring('<r><a k="ab cd" e="x"/><a e="y"/></r>')
    bad = etree.fromstring('<r><a k="ab" e="x"/><a k="A1" e="x"/></r>')
    assert relaxed.validate(good) and values.hold(good)
    assert relaxed.validate(bad) and not values.hold(bad)


@pytest.mark.parametrize("content", [
    # two patterns of the attribute on the element: which one matches depends on its value
    f'<define name="a"><element name="a"><choice><attribute name="k">{_TOKENS}</attribute>'
    '<group><attribute name="k"><data type="integer"/></attribute><empty/></group>'
    '</choice></element></define>',
    # an ID is checked against the document
    '<define name="a"><element name="a"><attribute name="k"><data type="ID"/></attribute>'
    '</element></define>',
    # a wildcard may match the attribute
    f'<define name="a"><element name="a"><attribute name="k">{_TOKENS}</attribute>'
    '<zeroOrMore><attribute><anyName/></attribute></zeroOrMore></element></define>',
    # two patterns of the element
    f'<define name="a"><choice><element name="a"><attribute name="k">{_TOKENS}</attribute>'
    '</element><element name="a"><attribute name="k"/><text/></element></choice></define>',
    # a wildcard element may match it
    f'<define name="a"><choice><element name="a"><attribute name="k">{_TOKENS}</attribute>'
    '</element><element><anyName/><attribute name="k"/></element></choice></define>',
], ids=["two-patterns", "id", "any-attribute", "two-elements", "any-element"])
def test_a_value_whose_check_depends_on_more_is_left_to_libxml2(content: str) -> None:
    grammar = _grammar_of(content)
    assert not relax(grammar)
    assert _relaxed(grammar) == []


def test_tei_all_relaxes_the_values_libxml2_spends_on(tmp_path: Path) -> None:
    """The costly values of a teikit file (``supplied/@reason``, ``@resp``, ``@type``:
    a pattern facet) are checked apart; ``xml:id`` never is, nor a date (cheap)."""
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(_large(1), encoding="utf-8"))
    found = read_stream(path)
    assert found is not None
    grammar = _grammar().pruned(found[0])
    assert relax(grammar)
    relaxed = _relaxed(grammar)
    assert {"reason", "resp", "type"} <= set(relaxed)
    assert "xml:id" not in relaxed and "when" not in relaxed


BAD_VALUES = [("date", "when", "14 July"), ("supplied", "reason", ""),
              ("supplied", "resp", " "), ("div", "type", "two words"),
              ("gap", "quantity", "two")]


@pytest.mark.parametrize(("tag", "name", "value"), BAD_VALUES)
def test_a_bad_value_in_a_part_is_found_as_on_the_whole_tree(
        tag: str, name: str, value: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _large(4)
    found = tree.findall(f".//{T}body//{T}{tag}[@{name}]")
    found[len(found) // 2].set(name, value)
    assert not _streamed(_grammar(), tree, tmp_path / "doc.xml")
    path = tmp_path / "doc.xml"
    whole = _report(path, False, monkeypatch, [TEI_ALL])
    answers = _spied(monkeypatch)
    assert _report(path, True, monkeypatch, [TEI_ALL]) == whole
    assert len(whole) == 1 and answers
    if tag != "div":  # a fault of a div's own attribute is left to the whole tree
        assert answers[-1] is not None, "found in parts"


def test_the_same_values_are_valid_in_parts(tmp_path: Path) -> None:
    tree = _large(4)
    assert _streamed(_grammar(), tree, tmp_path / "doc.xml")
    assert vocabulary_of(tree).attributes


def test_an_element_no_part_may_hold_keeps_its_values() -> None:
    """Only the elements the start reaches can be in a part: no search for the others."""
    grammar = _grammar_of(f'<define name="a"><element name="a"><empty/></element></define>'
                          f'<define name="b"><element name="b"><attribute name="k">'
                          f'{_TOKENS}</attribute></element></define>')
    assert not relax(grammar)
    assert _relaxed(grammar) == []


def test_a_value_pattern_that_refers_to_definitions_is_checked_with_them() -> None:
    """teikit's own schema names its datatypes (``teikit.data.code``)."""
    grammar = _grammar_of(f'<define name="a"><element name="a"><attribute name="k">'
                          f'<ref name="code"/></attribute></element></define>'
                          f'<define name="code">{_TOKENS}</define>')
    values = relax(grammar)
    assert _relaxed(grammar) == ["k"]
    assert values.hold(etree.fromstring('<r><a k="ab cd"/></r>'))
    assert not values.hold(etree.fromstring('<r><a k="ab"/><a k="c-d"/></r>'))
