"""The compact syntax (.rnc): each construct against hand-written RELAX NG, located errors,
includes, the validator and the CLI reading .rnc, a property test, and the FRUS corpus."""

from __future__ import annotations

import csv
import doctest
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml.builder import ElementMaker
from typer.testing import CliRunner

from teikit.cli import app
from teikit.diagnostics import ConfigError, Severity
from teikit.validator import Options, iter_diagnostics, load_schema, rnc, validate_paths
from teikit.validator.rnc import RncError, convert, convert_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "rnc"
LETTERS = Path(__file__).parent / "data" / "validate"
CASES = tomllib.loads((DATA / "constructs.toml").read_text(encoding="utf-8"))["case"]
ERRORS = tomllib.loads((DATA / "errors.toml").read_text(encoding="utf-8"))["error"]
RNG = "http://relaxng.org/ns/structure/1.0"
XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCH = "http://purl.oclc.org/dsdl/schematron"
_IMPLICIT_GROUP = {"element", "define", "optional", "zeroOrMore", "oneOrMore", "list", "mixed"}
Canonical = tuple[Any, ...]


def canonical(node: etree._Element, ns: str = "", library: str = "") -> Canonical:
    """A RELAX NG pattern as comparable data: annotations dropped, inherited ``ns`` and
    ``datatypeLibrary`` written out, implicit groups and choices made alike, and the
    components of grammars sorted."""
    tag = etree.QName(node).localname
    ns, library = node.get("ns", ns), node.get("datatypeLibrary", library)
    attrs = {str(k): str(v) for k, v in node.attrib.items()
             if not str(k).startswith("{") and k not in ("ns", "datatypeLibrary")}
    if tag in ("element", "attribute") and "name" in attrs:
        attrs["name"], attrs["ns"] = _qualified(node, attrs["name"].strip(),
                                                ns if tag == "element" else node.get("ns", ""))
    if tag in ("name", "nsName"):
        attrs["ns"] = ns
    if tag == "data":
        attrs["library"] = library
    if tag == "value":
        attrs["library"] = library if "type" in attrs else ""
        attrs.setdefault("type", "token")
    children = [canonical(child, ns, library) for child in node
                if isinstance(child.tag, str) and child.tag.startswith(f"{{{RNG}}}")]
    if tag == "attribute" and len(children) == (0 if "name" in attrs else 1):
        children.append(("text", (), "", ()))  # an attribute without a pattern holds text
    if tag in _IMPLICIT_GROUP:
        first = 0 if tag != "element" or "name" in attrs else 1
        if len(children) == first + 1 and children[first][0] == "group":
            children[first:] = children[first][3]
    if tag == "except" and len(children) == 1 and children[0][0] == "choice":
        children = list(children[0][3])
    if tag in ("grammar", "div"):
        children.sort()
    text = node.text or "" if tag in ("value", "param") else \
        (node.text or "").strip() if tag == "name" else ""
    return tag, tuple(sorted(attrs.items())), text, tuple(children)


def _qualified(node: etree._Element, name: str, default: str) -> tuple[str, str]:
    if ":" not in name:
        return name, default
    prefix, local = name.split(":")
    return local, XML_NS if prefix == "xml" else node.nsmap[prefix]


def _hand_written(case: dict[str, Any]) -> etree._Element:
    text = case["rng"]
    if case.get("wrap", True):
        text = f'<grammar xmlns="{RNG}" datatypeLibrary="{XSD}">{text}</grammar>'
    return etree.fromstring(text.encode())


def _converted(case: dict[str, Any]) -> etree._Element:
    if "rnc_file" in case:
        path = DATA / case["rnc_file"]
        return convert(path.read_text(encoding="utf-8"), str(path), base=DATA)
    return convert(case["rnc"], f"{case['name']}.rnc", base=DATA)


# --- every construct -------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_construct(case: dict[str, Any]) -> None:
    mine, theirs = _converted(case), _hand_written(case)
    assert canonical(mine) == canonical(theirs)
    validators = etree.RelaxNG(mine), etree.RelaxNG(theirs)
    documents = [(d, True) for d in case["valid"]] + [(d, False) for d in case["invalid"]]
    for document, verdict in documents:
        tree = etree.fromstring(document.encode())
        assert [v.validate(tree) for v in validators] == [verdict, verdict], document


def _xml(rnc_text: str) -> str:
    return etree.tostring(convert(rnc_text)).decode()


def test_annotations_are_kept_where_the_spec_puts_them() -> None:
    [case] = [c for c in CASES if c["name"] == "annotations-are-verdict-neutral"]
    grammar = convert(case["rnc"])
    assert etree.tostring(grammar, pretty_print=True).decode() == (
        DATA / "annotations.rng").read_text(encoding="utf-8")


def test_documentation_lines_join_and_values_keep_theirs_after_them() -> None:
    xml = _xml('namespace a = "http://relaxng.org/ns/compatibility/annotations/1.0"\n'
               'start = element r { attribute s {\n  ## one\n  ## two\n  "x"\n  | "y" } }')
    assert '<choice><value>x</value><a:documentation>one\ntwo</a:documentation>' \
           '<value>y</value></choice>' in xml


def test_grammar_annotations_and_follow_annotations_keep_their_order() -> None:
    xml = _xml('namespace s = "urn:s"\nstart = a >> s:one [ ] >> s:two [ "2" ]\n'
               'a = element a { text }\ns:top [ s:nested [ k = "v" "t" ] "tail" ]')
    assert '<start><ref name="a"/><s:one/><s:two>2</s:two></start>' in xml
    assert '<s:top><s:nested k="v">t</s:nested>tail</s:top></grammar>' in xml


def test_elements_always_say_their_namespace_and_attributes_only_when_they_have_one() -> None:
    xml = _xml('namespace x = "urn:x"\ndefault namespace = "urn:d"\n'
               'start = element a { attribute b { text }, attribute x:c { text }, '
               'element d { empty }, element x:e { empty } }')
    assert ('<element name="a" ns="urn:d"><attribute name="b"><text/></attribute>'
            '<attribute name="c" ns="urn:x"><text/></attribute>'
            '<element name="d" ns="urn:d"><empty/></element>'
            '<element name="e" ns="urn:x"><empty/></element></element>') in xml


def test_combine_and_div_are_merged_for_validation() -> None:
    [case] = [c for c in CASES if c["name"] == "combine"]
    grammar = rnc.flatten(convert(case["rnc"]))
    defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG}}}define")}
    assert len(grammar.findall(f"{{{RNG}}}define")) == 3
    assert [etree.QName(c).localname for c in defines["inline"]] == ["choice"]
    assert [etree.QName(c).localname for c in defines["attrs"]] == ["interleave"]
    assert not any(d.get("combine") for d in defines.values())
    assert not list(rnc.flatten(convert("start = r\ndiv { r = text div { } }")).iter(
        f"{{{RNG}}}div"))


def test_module_example_runs() -> None:
    assert doctest.testmod(rnc).failed == 0


# --- errors, located ------------------------------------------------------------------------

@pytest.mark.parametrize("error", ERRORS, ids=[e["says"][:40] for e in ERRORS])
def test_error_is_located(error: dict[str, Any]) -> None:
    with pytest.raises(RncError) as raised:
        convert(error["rnc"], "schema.rnc")
    problem = raised.value.diagnostics[0]
    assert (problem.file, [problem.line, problem.column]) == ("schema.rnc", error["at"])
    assert (problem.code, problem.severity) == (error["code"], Severity.ERROR)
    assert error["says"] in problem.message
    assert str(raised.value).startswith(f"schema.rnc:{problem.line}:{problem.column}: ")
    assert isinstance(raised.value, ConfigError)


@pytest.mark.parametrize(("name", "at", "says"), [
    ("missing.rnc", (2, 9), "cannot read include/no-such-file.rnc"),
    ("overrides-nothing.rnc", (1, 9), "base.rnc has no definition of chapter to override"),
    ("pattern.rnc", (1, 9), "is a pattern, not a grammar"),
])
def test_include_problems_are_located_in_the_including_file(
        name: str, at: tuple[int, int], says: str) -> None:
    with pytest.raises(RncError) as raised:
        convert_file(DATA / "include" / name)
    [problem] = raised.value.diagnostics
    assert problem.file == str(DATA / "include" / name)
    assert ((problem.line, problem.column), problem.code) == (at, "rnc-include")
    assert says in problem.message.replace(str(DATA) + "/", "")


def test_include_cycles_are_refused() -> None:
    with pytest.raises(RncError, match=r"a\.rnc includes itself") as raised:
        convert_file(DATA / "cycle" / "a.rnc")
    assert raised.value.diagnostics[0].file.endswith("b.rnc")


def test_urls_are_never_fetched() -> None:
    with pytest.raises(RncError, match="teikit never downloads"):
        convert('include "https://example.org/tei_all.rnc"')


def test_errors_in_an_included_file_name_that_file(tmp_path: Path) -> None:
    (tmp_path / "part.rnc").write_text("a = element a {\n  text,, }\n", encoding="utf-8")
    (tmp_path / "main.rnc").write_text('start = a\ninclude "part.rnc"\n', encoding="utf-8")
    with pytest.raises(RncError) as raised:
        convert_file(tmp_path / "main.rnc")
    problem = raised.value.diagnostics[0]
    assert (problem.file, problem.line, problem.column) == (str(tmp_path / "part.rnc"), 2, 8)


def test_utf16_and_byte_order_marks_are_read(tmp_path: Path) -> None:
    text = 'start = element \u00e9t\u00e9 { "\u2603" }\n'
    for encoding in ("utf-16", "utf-8-sig"):
        (tmp_path / "s.rnc").write_bytes(text.encode(encoding))
        assert convert_file(tmp_path / "s.rnc").grammar[0][0].get("name") == "\u00e9t\u00e9"
    (tmp_path / "s.rnc").write_bytes(b"start = \xff")
    with pytest.raises(RncError, match="is not UTF-8"):
        convert_file(tmp_path / "s.rnc")


# --- includes and external references ---------------------------------------------------------

def test_include_with_overrides_and_combine_means_the_hand_written_grammar() -> None:
    converted = convert_file(DATA / "include" / "custom.rnc")
    theirs = etree.parse(str(DATA / "include" / "custom.rng")).getroot()
    assert canonical(converted.grammar) == canonical(theirs)
    assert [p.name for p in converted.sources] == ["custom.rnc", "base.rnc"]
    for name, verdict in [("good.xml", True), ("bad.xml", False)]:
        document = etree.parse(str(DATA / "include" / name))
        assert etree.RelaxNG(converted.grammar).validate(document) is verdict
        assert etree.RelaxNG(theirs).validate(document) is verdict


def test_external_pattern_inherits_the_namespace_it_is_given() -> None:
    grammar = convert_file(DATA / "external" / "main.rnc").grammar
    validator = etree.RelaxNG(grammar)
    good = ('<letter xmlns="urn:teikit:letter"><address xmlns="urn:teikit:address">'
            '<line>1 Main St</line></address><body/></letter>')
    assert validator.validate(etree.fromstring(good))
    assert not validator.validate(etree.fromstring(good.replace("urn:teikit:address",
                                                                "urn:teikit:letter")))


# --- the validator and the CLI ----------------------------------------------------------------

def test_rnc_gives_the_diagnostics_of_the_same_grammar_in_rng() -> None:
    for document in ("good.xml", "bad.xml"):
        via_rnc = list(iter_diagnostics(LETTERS / document, [DATA / "letter.rnc"]))
        via_rng = list(iter_diagnostics(LETTERS / document, [LETTERS / "letter.rng"]))
        assert [(d.line, d.column, d.code, d.message) for d in via_rnc] == \
            [(d.line, d.column, d.code, d.message) for d in via_rng]
    assert len(via_rnc) == 3


def test_loaded_rnc_is_a_relax_ng_schema_named_after_its_source() -> None:
    schema = load_schema(DATA / "letter.rnc")
    assert schema.kind == "rng" and schema.path.suffix == ".rng"
    assert schema.source == DATA / "letter.rnc" and str(schema) == str(DATA / "letter.rnc")


def test_a_broken_rnc_is_a_config_error_naming_the_place() -> None:
    with pytest.raises(ConfigError, match=r"broken\.rnc:5:1: expected `}`") as raised:
        load_schema(DATA / "broken.rnc")
    assert raised.value.diagnostics[0].code == "rnc-syntax"


def test_xml_model_rnc_and_its_embedded_schematron(tmp_path: Path) -> None:
    found = list(iter_diagnostics(DATA / "embedded-doc.xml"))
    assert [(d.line, d.source, d.message) for d in found] == [
        (7, "schematron", "A paragraph is empty.")]  # once, though declared twice
    shutil.copyfile(DATA / "embedded.rnc", tmp_path / "embedded.rnc")
    lines = (DATA / "embedded-doc.xml").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "rules-only.xml").write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    found = list(iter_diagnostics(tmp_path / "rules-only.xml"))
    assert [(d.line, d.source) for d in found] == [(6, "schematron")]
    grammar_only = lines[:2] + lines[3:4] + lines[5:6] + lines[7:]  # no date, no empty p
    (tmp_path / "no-date.xml").write_text("".join(grammar_only), encoding="utf-8")
    found = list(iter_diagnostics(tmp_path / "no-date.xml"))
    assert [d.source for d in found] == ["relaxng"]


def test_conversion_is_cached_and_follows_included_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TEIKIT_CACHE", raising=False)
    folder = shutil.copytree(DATA / "include", tmp_path / "schemas")
    first = load_schema(folder / "custom.rnc")
    assert first.path.parent == tmp_path / "cache" / "teikit" / "rnc"
    assert load_schema(folder / "custom.rnc").path == first.path
    base = folder / "base.rnc"
    base.write_text(base.read_text(encoding="utf-8").replace("head?", "head"), encoding="utf-8")
    changed = load_schema(folder / "custom.rnc")
    assert changed.path != first.path and changed.digest != first.digest
    assert not etree.RelaxNG(etree.parse(str(changed.path))).validate(
        etree.parse(str(folder / "bad.xml")))


def test_without_a_cache_the_conversion_is_private_to_the_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TEIKIT_CACHE", "off")
    schema = load_schema(DATA / "letter.rnc")
    assert schema.path.is_file() and not (tmp_path / "cache").exists()


def test_cli_exit_codes() -> None:
    runner = CliRunner()

    def run(schema: str, document: str) -> tuple[int, str]:
        result = runner.invoke(app, ["validate", "--schema", str(DATA / schema),
                                     str(LETTERS / document)])
        return result.exit_code, result.stdout + result.stderr

    assert run("letter.rnc", "good.xml")[0] == 0
    code, output = run("letter.rnc", "bad.xml")
    assert code == 1 and "element `signed` is not allowed here" in output
    code, output = run("broken.rnc", "good.xml")
    assert code == 2 and "broken.rnc:5:1: expected `}`, found the end of the file" in output


# --- property: patterns written in the compact syntax read back as themselves ------------------

_R = ElementMaker(namespace=RNG, nsmap={None: RNG})
_NAMES = st.sampled_from(["a", "b", "doc", "x.y", "_z", "\u00e9t\u00e9", "element", "text"])
_STRINGS = st.text(st.characters(exclude_categories=("Cs", "Cn", "Cc"))
                   | st.sampled_from(list("\"'\n\r\t\\~#{}")), max_size=6)


@st.composite
def _literal(draw: st.DrawFn, value: str) -> str:
    """``value`` as an RNC literal: segments in random quotes joined by ``~``, with some
    characters (always newlines and backslashes) written as ``\\x{..}`` escapes."""
    segments: list[str] = []
    for char in value or [""]:
        escaped = char in "\n\r\\" or (char and draw(st.booleans()))
        text = f"\\x{{{ord(char):x}}}" if escaped and char else char
        quote = "'" if char == '"' else '"' if char == "'" else draw(st.sampled_from(
            ['"', "'", '"""', "'''"]))
        segments.append(f"{quote}{text}{quote}")
    return " ~ ".join(segments)


def _leaf(kind: str, value: str = "") -> tuple[str, Any]:
    return kind, value


_LEAVES = st.one_of(
    st.sampled_from(["text", "empty", "notAllowed"]).map(_leaf),
    _STRINGS.map(lambda s: ("value", s)),
    st.sampled_from(["xsd:integer", "string", "token"]).map(lambda t: ("data", t)),
)


def _compound(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.tuples(st.sampled_from(["group", "choice", "interleave"]),
                  st.lists(children, min_size=2, max_size=3)),
        st.tuples(st.sampled_from(["optional", "zeroOrMore", "oneOrMore", "list", "mixed"]),
                  children),
        st.tuples(st.just("element"), st.tuples(_NAMES, children)),
        st.tuples(st.just("attribute"), st.tuples(_NAMES, _LEAVES)),
    )


_PATTERNS = st.recursive(_LEAVES, _compound, max_leaves=8)
_OPERATORS = {"group": ",", "choice": "|", "interleave": "&"}
_SUFFIXES = {"optional": "?", "zeroOrMore": "*", "oneOrMore": "+"}


def _as_rnc(pattern: Any, draw: Callable[..., Any]) -> str:
    kind, value = str(pattern[0]), pattern[1]
    note: str = draw(st.sampled_from(["", '[ x:n = "1" ] ', "## doc\n", "[ x:e [ ] ] "]))
    if kind in ("text", "empty", "notAllowed"):
        return note + kind
    if kind == "value":
        return note + str(draw(_literal(value)))
    if kind == "data":
        return note + str(value)
    if kind in _OPERATORS:
        return f"{note}({f' {_OPERATORS[kind]} '.join(_as_rnc(p, draw) for p in value)})"
    if kind in _SUFFIXES:
        return f"{note}({_as_rnc(value, draw)}){_SUFFIXES[kind]}"
    if kind in ("list", "mixed"):
        return f"{note}{kind} {{ {_as_rnc(value, draw)} }}"
    name, content = value
    escaped = "\\" if draw(st.booleans()) else ""
    return f"{note}{kind} {escaped}{name} {{ {_as_rnc(content, draw)} }} >> x:f [ ]"


def _as_rng(pattern: Any) -> Any:
    kind, value = pattern
    if kind in ("text", "empty", "notAllowed"):
        return _R(kind)
    if kind == "value":
        return _R.value(value)
    if kind == "data":
        library = XSD if value.startswith("xsd:") else ""
        return _R.data(type=value.split(":")[-1], datatypeLibrary=library)
    if kind in _OPERATORS:
        return _R(kind, *(_as_rng(p) for p in value))
    if kind in _SUFFIXES or kind in ("list", "mixed"):
        return _R(kind, _as_rng(value))
    name, content = value
    return _R(kind, _as_rng(content), name=name, **({"ns": ""} if kind == "element" else {}))


@given(st.data(), _PATTERNS)
def test_patterns_read_back_as_themselves(data: st.DataObject, pattern: Any) -> None:
    text = f'namespace x = "urn:x"\nstart = {_as_rnc(pattern, data.draw)}\n'
    expected = _R.grammar(_R.start(_as_rng(pattern)))
    assert canonical(convert(text)) == canonical(expected), text


# --- the FRUS corpus: the project's own .rnc beside its .rng -----------------------------------

def _frus(shared: Path) -> Path:
    frus = shared / "corpus" / "frus"
    for name in ("manifest.csv", "schema/frus.rnc", "schema/frus.rng"):
        if not (frus / name).is_file():
            pytest.skip(f"{frus / name} not available")
    return frus


@pytest.mark.shared
def test_frus_rnc_converts_to_the_grammar_of_frus_rng(shared: Path) -> None:
    frus = _frus(shared)
    started = time.perf_counter()
    converted = convert_file(frus / "schema" / "frus.rnc").grammar
    seconds = time.perf_counter() - started
    theirs = etree.parse(str(frus / "schema" / "frus.rng")).getroot()
    assert canonical(converted) == canonical(theirs)
    rules = [len(list(tree.iter(f"{{{SCH}}}pattern"))) for tree in (converted, theirs)]
    assert rules[0] == rules[1] > 0
    assert seconds < 5, f"converting frus.rnc took {seconds:.2f} s"


@pytest.mark.shared
def test_frus_rnc_gives_the_verdicts_of_frus_rng_and_jing(shared: Path) -> None:
    frus = _frus(shared)
    with (frus / "manifest.csv").open(encoding="utf-8") as handle:
        jing = {r["file"]: r["valid_frus_rng"] for r in csv.DictReader(handle)}
    verdicts = []
    for schema in ("frus.rnc", "frus.rng"):
        results = validate_paths([frus / f for f in jing], [frus / "schema" / schema],
                                 options=Options(embedded=False))
        verdicts.append({r.path.relative_to(frus).as_posix(): "no" if any(
            d.severity is Severity.ERROR for d in r.diagnostics) else "yes" for r in results})
    assert len(jing) == 62
    assert verdicts[0] == verdicts[1] == jing
