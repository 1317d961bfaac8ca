"""Schematron with top-level XSLT: xsl:key (both engines), xsl:function (elementpath),
xsl:variable; what teikit cannot run is refused with its line, never half-run."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.validator import iter_diagnostics, load_schema
from teikit.validator.document import load_document
from teikit.validator.schematron.backend import SchematronBackend
from teikit.validator.schematron.read import read_rules
from teikit.validator.schematron.rules import RuleSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "schematron_xslt"
CASES = tomllib.loads((DATA / "cases.toml").read_text(encoding="utf-8"))
SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"


def found(doc: Path | str, schema: Path | str) -> list[Diagnostic]:
    return list(iter_diagnostics(Path(DATA, doc), [load_schema(Path(DATA, schema))]))


@pytest.mark.parametrize("case", CASES["case"], ids=lambda c: f"{c['doc']}-{c['schema']}")
def test_case(case: dict[str, object]) -> None:
    problems = found(str(case["doc"]), str(case["schema"]))
    assert [f"{d.line} {d.code} {d.xpath}" for d in problems] == case["expect"]
    assert all(d.file.endswith(str(case["doc"])) and d.message for d in problems)


@pytest.mark.parametrize("case", CASES["config_error"], ids=lambda c: str(c["schema"]))
def test_what_teikit_cannot_run_is_a_configuration_error(case: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match=re.escape(case["words"])):
        found("letter.xml", case["schema"])


def test_messages_call_functions_and_keys() -> None:
    messages = [d.message for d in found("letter.xml", "functions.sch")]
    assert messages[:2] == ["In p#para1: #nowhere points nowhere.",
                            "In p#para2: #p-cyd points nowhere."]
    assert "In publicationStmt, the digits of 1235 add up to 11." in messages
    keys = [d.message for d in found("letter.xml", "keys-xpath1.sch")]
    assert keys == ["Nothing has the id nowhere.", "A reference to paragraph para2."]


def test_ignored_xslt_is_a_warning_naming_it() -> None:
    warnings = [d for d in found("letter.xml", "template.sch") if d.code == "schematron-ignored"]
    assert [d.severity for d in warnings] == [Severity.WARNING] * 2
    assert "line 6: xsl:output is ignored" in warnings[0].message
    assert "line 7: xsl:template is ignored" in warnings[1].message


def _run(rules: RuleSet, doc: str = "letter.xml") -> list[tuple[int, str, str | None, str]]:
    schema = load_schema(DATA / "keys-xpath1.sch")
    document, _ = load_document(DATA / doc)
    assert document is not None
    return [(d.line, d.code, d.xpath, d.message)
            for d in SchematronBackend(schema, rules).check(document)]


def _rules(name: str, binding: str | None = None) -> RuleSet:
    path = DATA / name
    return read_rules(etree.parse(str(path)).getroot(), str(path), binding)


@pytest.mark.parametrize("doc", ["letter.xml", "valid.xml"])
def test_keys_give_the_same_answers_in_both_engines(doc: str) -> None:
    xpath1 = _rules("keys-xpath1.sch")
    fast = _rules("keys-xpath1.sch", "xslt2")  # XPath 1.0 rules of an XPath 2 schema: lxml
    # but key(name, value, /tei:TEI/x): XPath 2 needs one top node, lxml takes the first
    assert [rule.xpath1 is not None for pattern in fast.patterns for rule in pattern.rules] == [
        True, True, False]
    slow = _rules("keys-xpath1.sch", "xslt3")
    for pattern in slow.patterns:
        for rule in pattern.rules:
            rule.xpath1 = rule.select = None  # elementpath only
    assert _run(xpath1, doc) == _run(fast, doc) == _run(slow, doc)
    assert _run(slow, doc)


def test_a_key_that_needs_xpath2_moves_its_rules_to_elementpath() -> None:
    rules = _rules("keys-xpath2.sch")
    assert rules.xslt is not None and rules.xslt.keys is not None
    assert rules.xslt.keys.lxml is None
    assert all(rule.xpath1 is None for pattern in rules.patterns for rule in pattern.rules)


def test_schemas_without_xslt_take_the_usual_path() -> None:
    rules = read_rules(etree.fromstring(
        f'<schema xmlns="{SCH}"><pattern><rule context="p"><assert test="@n"/></rule>'
        "</pattern></schema>"), "plain.sch")
    assert rules.xslt is None
    assert getattr(rules.compiler, "extensions", "missing") is None


def write(folder: Path, body: str, binding: str = "xslt2", name: str = "rules.sch") -> Path:
    path = folder / name
    path.write_text(
        f'<schema xmlns="{SCH}" xmlns:xsl="{XSL}" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:f="urn:f" queryBinding="{binding}">'
        f'<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>{body}</schema>',
        encoding="utf-8")
    return path


def codes(schema: Path, doc: str = "letter.xml") -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.message) for d in
            iter_diagnostics(DATA / doc, [load_schema(schema)])]


@pytest.mark.parametrize("binding", ["xslt", "xslt2"])
def test_an_unknown_key_name_is_reported_as_a_rule_fault(tmp_path: Path, binding: str) -> None:
    schema = write(tmp_path, '<xsl:key name="ids" match="tei:*" use="@xml:id"/><pattern>'
                   '<rule context="tei:body"><assert test="key(\'nope\', \'x\')">x</assert>'
                   "</rule></pattern>", binding)
    [(_, code, message)] = codes(schema)
    assert code == "schematron-error" and "no xsl:key of that name" in message


def test_too_deep_recursion_is_reported_not_raised(tmp_path: Path) -> None:
    schema = write(tmp_path, '<xsl:function name="f:down" as="xs:integer">'
                   '<xsl:param name="n" as="xs:integer"/>'
                   '<xsl:sequence select="if ($n = 0) then 0 else f:down($n - 1)"/>'
                   '</xsl:function><pattern><rule context="tei:body">'
                   '<assert id="shallow" test="f:down(20) = 0">x</assert>'
                   '<assert id="deep" test="f:down(100000) = 0">x</assert></rule></pattern>')
    [(_, code, message)] = codes(schema)
    assert code == "schematron-error" and "recursion" in message


def test_a_key_lxml_cannot_build_keeps_its_rules_in_elementpath(tmp_path: Path) -> None:
    # tokenize() is XPath 2 only: the key has no lxml form, so no rule calling key() runs
    # in lxml (before, the first lookup failed there after the rule's first check had
    # failed, and the rule moved), and each problem is reported once
    schema = write(tmp_path, '<xsl:key name="refs" match="tei:persName" '
                   'use="tokenize(@ref, \'\\s+\')"/><pattern><rule context="tei:persName">'
                   '<assert id="ref" test="@ref">x</assert>'
                   '<assert id="cyd" test="key(\'refs\', \'#p-cyd\')">x</assert>'
                   "</rule></pattern>")
    rules = _rules(str(schema))
    assert all(rule.xpath1 is None for pattern in rules.patterns for rule in pattern.rules)
    assert [(line, code) for line, code, _ in codes(schema)] == [
        (10, "ref"), (11, "ref"), (12, "ref")]


def test_function_prefix_declared_only_on_the_schema_element(tmp_path: Path) -> None:
    schema = write(tmp_path, '<xsl:function name="f:has-id" as="xs:boolean">'
                   '<xsl:param name="e"/><xsl:sequence select="exists($e/@xml:id)"/>'
                   '</xsl:function><pattern><rule context="tei:p">'
                   '<assert id="p-id" test="f:has-id(.)">x</assert></rule></pattern>')
    assert codes(schema) == []
    assert [c for _, c, _ in codes(schema, "valid.xml")] == []


def test_extends_brings_the_other_schemas_keys(tmp_path: Path) -> None:
    write(tmp_path, '<xsl:key name="ids" match="tei:*[@xml:id]" use="@xml:id"/>',
          name="keys.sch")
    schema = write(tmp_path, '<extends href="keys.sch"/><pattern><rule context="tei:ref">'
                   '<assert id="r" test="key(\'ids\', substring-after(@target, \'#\'))">x'
                   "</assert></rule></pattern>", "xslt")
    assert [(line, code) for line, code, _ in codes(schema)] == [
        (18, "r"), (21, "r"), (22, "r")]


@pytest.mark.parametrize(("body", "words"), [
    ('<xsl:variable name="v"><xsl:value-of select="1"/></xsl:variable>',
     "xsl:variable with content is not supported"),
    ('<xsl:key name="k" match="tei:p"/>', "xsl:key without use"),
    ('<xsl:strip-space elements="*"/>', "xsl:strip-space is not supported"),
    ('<xsl:function name="plain"><xsl:sequence select="1"/></xsl:function>',
     "needs a name with a declared namespace prefix"),
    ('<xsl:function name="f:g"><xsl:param name="a"/></xsl:function>'
     '<xsl:function name="f:g"><xsl:param name="b"/></xsl:function>', "is defined twice"),
    ('<xsl:function name="f:g"><xsl:sequence select="1"/><xsl:param name="a"/>'
     "</xsl:function>", "xsl:param in xsl:function f:g must come before the body"),
    ('<xsl:function name="f:g"><xsl:if select="1"/></xsl:function>',
     "xsl:if without @test in xsl:function f:g cannot run"),
    ('<xsl:function name="f:g"><xsl:sequence select="1 +"/></xsl:function>',
     "xsl:function f:g (line 1): not a valid XPath expression"),
    ('<xsl:function name="f:g"><xsl:apply-templates/></xsl:function>',
     "xsl:apply-templates in xsl:function f:g is not supported"),
])
def test_bad_xslt_is_a_configuration_error(tmp_path: Path, body: str, words: str) -> None:
    schema = write(tmp_path, body + '<pattern><rule context="tei:p"><assert test="f:g(1)">x'
                   "</assert></rule></pattern>")
    with pytest.raises(ConfigError, match=re.escape(words)):
        codes(schema)


def test_top_level_variables_and_functions_see_each_other(tmp_path: Path) -> None:
    schema = write(tmp_path, '<let name="hash" value="\'#\'"/>'
                   '<xsl:param name="prefix" select="concat($hash, \'p-\')"/>'
                   '<xsl:function name="f:person" as="xs:boolean"><xsl:param name="ref"/>'
                   '<xsl:value-of select="starts-with($ref, $prefix)"/></xsl:function>'
                   '<pattern><rule context="tei:persName[@ref]">'
                   '<assert id="people" test="every $r in tokenize(@ref, \' \') '
                   'satisfies f:person($r)">x</assert></rule>'
                   '<rule context="tei:ref"><report id="person-ref" test="f:person(@target)">'
                   "x</report></rule></pattern>")
    assert codes(schema) == []


runner = CliRunner()


@pytest.mark.parametrize(("doc", "schema", "exit_code"), [
    ("valid.xml", "functions.sch", 0),
    ("valid.xml", "keys-xpath2.sch", 0),
    ("letter.xml", "functions.sch", 1),
    ("letter.xml", "keys-xpath1.sch", 1),
    ("letter.xml", "for-each.sch", 2),
    ("letter.xml", "include.sch", 2),
])
def test_cli_exit_codes(doc: str, schema: str, exit_code: int) -> None:
    result = runner.invoke(app, ["validate", str(DATA / doc), "--schema", str(DATA / schema)])
    assert result.exit_code == exit_code, result.output
    if exit_code == 1:
        assert f"{doc}:18:" in result.stdout + result.stderr
    if exit_code == 2:
        assert "line " in result.stderr and "not supported" in result.stderr
