"""teikit's own schemas (schemas/teikit.rng, .xsd, .sch).

- Fixtures are data. Every ``tests/data/valid/*.xml`` passes the RELAX NG grammar, the
  XSD and the Schematron rules. Every ``tests/data/invalid/*.xml`` says in a leading
  comment what it must produce: ``<!-- expect: schema -->`` (both grammars reject it) or
  ``<!-- expect: TEIKIT-SCH-007 -->`` (both grammars accept it, and exactly that
  Schematron assert fails).
- teikit.rng (libxml2, and jing where available) and teikit.xsd (xmlschema and libxml2)
  give the same verdict on every fixture, on documents generated from teikit.rng and on
  a random mutation of each.
- teikit's own output (samples/*.xml and the encoder's goldens) passes its own schemas.
- Narrowness: whatever teikit's grammar accepts, the official tei_all.rng accepts too.
  jing checks the fixtures, teikit's output and the generated documents in one run
  each against the tei_all.rng teikit ships (skipped when jing is missing).
"""

from __future__ import annotations

import copy
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import elementpath
import pytest
import xmlschema
from lxml import etree, isoschematron

from teikit import tei

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
VALID = sorted((ROOT / "tests" / "data" / "valid").glob("*.xml"))
INVALID = sorted((ROOT / "tests" / "data" / "invalid").glob("*.xml"))
# teikit's own output: the samples and the encoder's golden files.
OUTPUTS = sorted((ROOT / "samples").glob("*.xml")) + sorted(
    (ROOT / "tests" / "data" / "encode").glob("**/*.xml"))
TEI_ALL = SCHEMAS / "tei" / "tei_all.rng"

RNG = "{http://relaxng.org/ns/structure/1.0}"
SCH = "{http://purl.oclc.org/dsdl/schematron}"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
EXPECT = re.compile(r"\s*expect:\s*(\S+)\s*$")
ASSERT_ID = re.compile(r"TEIKIT-SCH-\d{3}")


def parse(source: Path | bytes) -> etree._ElementTree:
    """Parse as teikit's validators do: safely, leaving repeated xml:ids to the schemas."""
    if isinstance(source, bytes):
        return tei.parse_bytes(source, collect_ids=False)
    return tei.parse_file(source, collect_ids=False)


def expectation(path: Path) -> str:
    """The ``expect:`` value of the comment before the root element."""
    for node in parse(path).getroot().itersiblings(preceding=True):
        if isinstance(node, etree._Comment) and (found := EXPECT.match(node.text or "")):
            return found.group(1)
    raise AssertionError(f"{path.name}: no <!-- expect: ... --> comment before the root")


def ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


class Grammars:
    """teikit.rng run by libxml2, and teikit.xsd run by xmlschema and by libxml2."""

    def __init__(self) -> None:
        self.relaxng = etree.RelaxNG(etree.parse(str(SCHEMAS / "teikit.rng")))
        self.xsd = xmlschema.XMLSchema10(str(SCHEMAS / "teikit.xsd"))
        self.libxml2_xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "teikit.xsd")))

    def verdict(self, tree: etree._ElementTree) -> bool:
        """Whether the document is grammatical; fails the test if the engines disagree."""
        verdicts = {
            "teikit.rng": bool(self.relaxng.validate(tree)),
            "teikit.xsd (xmlschema)": bool(self.xsd.is_valid(tree)),
            "teikit.xsd (libxml2)": bool(self.libxml2_xsd.validate(tree)),
        }
        assert len(set(verdicts.values())) == 1, f"the grammars disagree: {verdicts}"
        return verdicts["teikit.rng"]

    def errors(self, tree: etree._ElementTree) -> str:
        """The RELAX NG errors, or else the first XSD error, for failure messages."""
        if not self.relaxng.validate(tree):
            return str(self.relaxng.error_log)
        return str(next(self.xsd.iter_errors(tree), "no errors"))


@pytest.fixture(scope="module")
def grammars() -> Grammars:
    return Grammars()


@pytest.fixture(scope="module")
def schematron() -> isoschematron.Schematron:
    """teikit.sch run by lxml's XSLT 1.0 Schematron; the rules are XPath 1.0, so the
    declared xslt2 query binding is swapped for xslt here."""
    rules = etree.parse(str(SCHEMAS / "teikit.sch"))
    rules.getroot().set("queryBinding", "xslt")
    return isoschematron.Schematron(rules, store_report=True)


def failed_asserts(schematron: isoschematron.Schematron, tree: etree._ElementTree,
                   role: str | None = None) -> list[str]:
    """Ids of the Schematron asserts that fail on ``tree`` (optionally of one role)."""
    schematron.validate(tree)
    report = schematron.validation_report
    return sorted(
        failed.get("id", "?")
        for failed in report.iter(f"{SVRL}failed-assert")
        if role is None or failed.get("role") == role
    )


def jing_errors(jing: str, files: list[Path], schema: Path = TEI_ALL) -> str:
    """What jing says about ``files`` against ``schema`` ("" when all are valid)."""
    if not files:
        return ""
    run = subprocess.run([jing, str(schema), *map(str, files)],
                         capture_output=True, text=True, check=False)
    return run.stdout.strip() or (run.stderr.strip() if run.returncode else "")


def jing_rejects_each(jing: str, files: list[Path], schema: Path) -> list[str]:
    """Names of the ``files`` that jing wrongly accepts against ``schema``."""
    report = jing_errors(jing, files, schema)
    return [path.name for path in files if f"{path}:" not in report]


# --- fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize("path", VALID, ids=ids(VALID))
def test_valid_fixture(path: Path, grammars: Grammars,
                       schematron: isoschematron.Schematron) -> None:
    tree = parse(path)
    assert grammars.verdict(tree), grammars.errors(tree)
    assert failed_asserts(schematron, tree) == []


@pytest.mark.parametrize("path", INVALID, ids=ids(INVALID))
def test_invalid_fixture(path: Path, grammars: Grammars,
                         schematron: isoschematron.Schematron) -> None:
    expected = expectation(path)
    tree = parse(path)
    grammatical = grammars.verdict(tree)
    if expected == "schema":
        assert not grammatical
    else:
        assert ASSERT_ID.fullmatch(expected), f"unknown expectation {expected!r}"
        assert grammatical, f"a Schematron fixture must be grammatical: {grammars.errors(tree)}"
        assert failed_asserts(schematron, tree) == [expected]


def test_every_assert_is_documented_and_has_a_fixture() -> None:
    asserts = list(etree.parse(str(SCHEMAS / "teikit.sch")).iter(f"{SCH}assert"))
    found = [rule.get("id", "") for rule in asserts]
    assert all(ASSERT_ID.fullmatch(code) for code in found), found
    assert len(set(found)) == len(found), "assert ids must be unique"
    assert all(rule.get("role") in {"error", "warning"} for rule in asserts)
    assert all("".join(rule.itertext()).strip() for rule in asserts), "every assert says why"
    expected = {expectation(path) for path in INVALID} - {"schema"}
    assert set(found) == expected, "each assert needs exactly one kind of invalid fixture"


def xpath2_failed_asserts(tree: etree._ElementTree) -> list[str]:
    """The asserts that fail when teikit.sch's expressions are read as XPath 2.0 (the
    declared xslt2 binding): each rule's context selects nodes, each test must hold."""
    rules = etree.parse(str(SCHEMAS / "teikit.sch"))
    namespaces = {"tei": tei.TEI_NS}
    failed = []
    for rule in rules.iter(f"{SCH}rule"):
        nodes = elementpath.select(tree, f"//({rule.get('context')})", namespaces,
                                   parser=elementpath.XPath2Parser)
        for node in nodes:
            variables = {let.get("name", ""): elementpath.select(
                tree, let.get("value", "."), namespaces, parser=elementpath.XPath2Parser,
                item=node) for let in rule.iter(f"{SCH}let")}
            failed += [check.get("id", "?") for check in rule.iter(f"{SCH}assert")
                       if not elementpath.select(tree, f"boolean({check.get('test')})",
                                                 namespaces, parser=elementpath.XPath2Parser,
                                                 item=node, variables=variables)]
    return sorted(failed)


def test_rules_mean_the_same_in_xpath2(schematron: isoschematron.Schematron) -> None:
    """The rules are written in XPath 1.0 and declared xslt2: both readings agree."""
    for path in VALID + INVALID:
        tree = parse(path)
        assert xpath2_failed_asserts(tree) == failed_asserts(schematron, tree), path.name


def test_valid_fixtures_use_the_whole_vocabulary() -> None:
    """Every element and attribute the grammar declares appears in some valid fixture."""
    grammar = etree.parse(str(SCHEMAS / "teikit.rng"))
    declared = {f"<{node.get('name')}>" for node in grammar.iter(f"{RNG}element")}
    declared |= {f"@{node.get('name')}" for node in grammar.iter(f"{RNG}attribute")
                 if node.get("name")}
    used: set[str] = set()
    for path in VALID:
        for element in parse(path).getroot().iter("*"):
            used.add(f"<{etree.QName(element).localname}>")
            used |= {"@" + str(name).replace(f"{{{tei.XML_NS}}}", "xml:")
                     for name in element.attrib}
    assert sorted(declared - used) == []


@pytest.mark.parametrize("path", OUTPUTS or [None],
                         ids=[str(p.relative_to(ROOT)) for p in OUTPUTS] or ["no output yet"])
def test_teikit_output_is_valid(path: Path | None, grammars: Grammars,
                                schematron: isoschematron.Schematron) -> None:
    """teikit's own output passes its own schemas (Schematron warnings allowed)."""
    if path is None:
        pytest.skip("no samples or encoder goldens yet")
    tree = parse(path)
    assert grammars.verdict(tree), grammars.errors(tree)
    assert failed_asserts(schematron, tree, role="error") == []


def test_tei_all_accepts_what_teikit_accepts(jing: str, tei_all: Path) -> None:
    """Valid fixtures, samples and the grammatical Schematron fixtures are all tei_all."""
    rule_fixtures = [path for path in INVALID if expectation(path) != "schema"]
    assert jing_errors(jing, VALID + OUTPUTS + rule_fixtures) == ""


def test_jing_reads_teikit_rng_as_lxml_does(jing: str) -> None:
    """A second RELAX NG engine: jing gives the fixtures the verdicts libxml2 gives."""
    schema = SCHEMAS / "teikit.rng"
    broken = [path for path in INVALID if expectation(path) == "schema"]
    assert jing_errors(jing, VALID + OUTPUTS + [p for p in INVALID if p not in broken],
                       schema) == ""
    assert jing_rejects_each(jing, broken, schema) == []


# --- documents generated from teikit.rng ---------------------------------------------

TEXT = ["the pier", " ", "\n", "Valmora", "Kim’s", "& Co.", "a < b", "naïve", "—", "[sic]",
        "1952", "   ", "Ü", "\u00a0", "\t", "P.S."]
VALUES: dict[str, list[str]] = {
    "token": ["main", "letter", "memo-field", "n.2", "ns:code", "pageNum", "0f3a", "X9",
              "0.1.0", "2.3rc1", "12.0b"],
    "anyURI": ["#a", "#note-1", "https://example.org/x?y=1", "urn:x:y", "#h.2"],
    "language": ["en", "de-AT", "fr", "zh-Hant-TW", "la"],
    "date": ["1952-03-03", "0999-12-31", "2000-02-29"],
    "gYearMonth": ["1952-03", "1800-12"],
    "gYear": ["1952", "0800", "2024"],
    "dateTime": ["1952-03-03T10:15:00", "1952-03-03T10:15:00Z", "2024-05-01T23:59:59.5+02:00"],
    "positiveInteger": ["1", "2", "17", "120"],
    "nonNegativeInteger": ["0", "7", "1200"],
    "boolean": ["true", "false", "1", "0"],
    "NCName": ["teikit", "handwriting", "h2", "x.y"],
}
MAX_DEPTH = 9


class DocumentGenerator:
    """Random documents that follow teikit.rng, one pattern at a time.

    Every choice, optional and repetition is decided by a seeded random generator. Past
    a depth or size budget, the generator takes the way out of each pattern that needs
    the fewest elements, so that documents stay small.
    """

    def __init__(self, grammar: Path, seed: int) -> None:
        root = etree.parse(str(grammar)).getroot()
        self.defines = {node.get("name", ""): node for node in root.iter(f"{RNG}define")}
        start = root.find(f"{RNG}start")
        assert start is not None
        self.start = start
        self.random = random.Random(seed)
        self.costs = self._fewest_elements()
        self.serial = 0
        self.budget = 0

    def document(self) -> bytes:
        self.budget = self.random.randint(10, 250)
        holder = etree.Element("holder", nsmap={None: tei.TEI_NS, "tk": tei.TEIKIT_NS})
        self._pattern(self.start, holder, 0)
        return etree.tostring(holder[0], encoding="UTF-8", xml_declaration=True)

    def _patterns(self, node: etree._Element) -> list[etree._Element]:
        return [child for child in node if isinstance(child.tag, str)]

    def _cost(self, node: etree._Element, costs: dict[str, float]) -> float:
        kind = etree.QName(node).localname
        parts = [self._cost(child, costs) for child in self._patterns(node)]
        if kind == "element":
            return 1 + sum(parts)
        if kind == "ref":
            return costs[node.get("name", "")]
        if kind == "choice":
            return min(parts)
        if kind in {"optional", "zeroOrMore"}:
            return 0
        return sum(parts) if kind in {"start", "define", "group", "oneOrMore"} else 0

    def _fewest_elements(self) -> dict[str, float]:
        costs = dict.fromkeys(self.defines, float("inf"))
        changed = True
        while changed:
            changed = False
            for name, node in self.defines.items():
                cost = self._cost(node, costs)
                if cost < costs[name]:
                    costs[name], changed = cost, True
        return costs

    def _pattern(self, node: etree._Element, parent: etree._Element, depth: int) -> None:
        kind = etree.QName(node).localname
        lean = depth > MAX_DEPTH or self.budget <= 0
        repeat = {"optional": (0, 1), "zeroOrMore": (0, 3), "oneOrMore": (1, 3)}
        if kind == "element":
            namespace = node.get("ns", tei.TEI_NS)
            element = etree.SubElement(parent, f"{{{namespace}}}{node.get('name')}")
            self.budget -= 1
            for child in self._patterns(node):
                self._pattern(child, element, depth + 1)
        elif kind == "attribute":
            self._attribute(node, parent)
        elif kind == "ref":
            self._pattern(self.defines[node.get("name")], parent, depth)
        elif kind == "choice":
            options = self._patterns(node)
            if lean:
                fewest = min(self._cost(option, self.costs) for option in options)
                options = [o for o in options if self._cost(o, self.costs) == fewest]
            self._pattern(self.random.choice(options), parent, depth)
        elif kind in repeat:
            low, high = repeat[kind]
            for _ in range(low if lean else self.random.randint(low, high)):
                for child in self._patterns(node):
                    self._pattern(child, parent, depth)
        elif kind in {"start", "define", "group"}:
            for child in self._patterns(node):
                self._pattern(child, parent, depth)
        elif kind == "text":
            self._text(parent, "".join(self.random.choices(TEXT, k=self.random.randint(0, 4))))
        elif kind != "empty":
            raise AssertionError(f"the generator does not know <{kind}>")

    def _text(self, parent: etree._Element, text: str) -> None:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def _attribute(self, node: etree._Element, element: etree._Element) -> None:
        name = node.get("name")
        patterns = self._patterns(node)
        if name is None:  # a name class: teikit's lax extra attributes
            self.serial += 1
            element.set(f"extra{self.serial}", "any value")
            return
        if ":" in name:
            name = f"{{{tei.XML_NS}}}{name.split(':')[1]}"
        value = " ".join(self._values(patterns[0])) if patterns else "text"
        element.set(name, value)

    def _values(self, node: etree._Element) -> list[str]:
        kind = etree.QName(node).localname
        if kind == "value":
            return [node.text or ""]
        if kind == "data":
            return [self._datum(node)]
        if kind == "choice":
            return self._values(self.random.choice(self._patterns(node)))
        if kind == "ref":
            return self._values(self.defines[node.get("name")])
        if kind == "oneOrMore":
            count = self.random.randint(1, 3)
            return [v for _ in range(count) for c in self._patterns(node) for v in self._values(c)]
        if kind in {"define", "group", "list"}:
            return [v for child in self._patterns(node) for v in self._values(child)]
        raise AssertionError(f"the generator cannot make a value from <{kind}>")

    def _datum(self, node: etree._Element) -> str:
        kind = node.get("type", "")
        if kind == "ID":
            self.serial += 1
            return f"{self.random.choice(['id', 'n-', 'x.', 'fn_'])}{self.serial}"
        if kind == "string":
            return "".join(self.random.choices(TEXT, k=self.random.randint(0, 3)))
        param = node.find(f"{RNG}param[@name='pattern']")
        pattern = "" if param is None else param.text or ""
        choices = [value for value in VALUES[kind] if not pattern or re.fullmatch(pattern, value)]
        assert choices, f"no sample value for {kind} matching {pattern!r}"
        return self.random.choice(choices)


MUTATION_ATTRIBUTES = [
    ("type", "x"), ("type", "two words"), ("reason", "lost"), ("reason", "guess"),
    ("when", "1952"), ("when", "1952-13"), ("resp", "#a"), ("cert", "low"), ("cert", "0.5"),
    ("place", "margin"), ("n", "3"), (f"{{{tei.XML_NS}}}space", "preserve"),
    (f"{{{tei.XML_NS}}}id", "dup"), ("target", "#x"), ("hand", "#h"), ("quantity", "2"),
    ("quantity", "two"), ("unit", "word"), ("rend", "bold italic"), ("subtype", "s"),
    ("from", "1952"), ("status", "free"), ("version", "1.0"), ("bytes", "12"),
]


def mutate(data: bytes, rnd: random.Random, names: list[str]) -> bytes:
    """``data`` with one random change that may or may not break the grammar."""
    root = parse(data).getroot()
    target = rnd.choice(list(root.iter("*"))[1:])
    parent = target.getparent()
    assert parent is not None
    how = rnd.choice(["rename", "remove", "attribute", "text", "duplicate", "move", "swap"])
    if how == "rename":
        target.tag = f"{{{tei.TEI_NS}}}{rnd.choice(names)}"
    elif how == "remove":
        previous, tail = target.getprevious(), target.tail or ""
        parent.remove(target)
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    elif how == "attribute":
        target.set(*rnd.choice(MUTATION_ATTRIBUTES))
    elif how == "text":
        target.text = "stray " + (target.text or "")
    elif how == "duplicate":
        parent.insert(parent.index(target), copy.deepcopy(target))
    elif how == "move":
        rnd.choice([element for element in root.iter("*") if target not in element.iterancestors()
                    and element is not target]).append(target)
    elif (following := target.getnext()) is not None:
        following.addnext(target)
    return etree.tostring(root, encoding="UTF-8")


def element_names() -> list[str]:
    grammar = etree.parse(str(SCHEMAS / "teikit.rng"))
    return sorted({node.get("name", "") for node in grammar.iter(f"{RNG}element")} - {"source"})


def generated(count: int, seed: int) -> Iterator[bytes]:
    generator = DocumentGenerator(SCHEMAS / "teikit.rng", seed)
    for _ in range(count):
        yield generator.document()


def check_generated(count: int, seed: int, grammars: Grammars, folder: Path,
                    jing: str | None) -> None:
    """Generate ``count`` documents and one mutation of each: the RELAX NG and XSD engines
    must agree on every one; jing must agree with them on teikit.rng, and must accept
    against tei_all every document teikit's grammar accepts."""
    rnd, names = random.Random(seed), element_names()
    grammatical: list[Path] = []
    ungrammatical: list[Path] = []
    for number, data in enumerate(generated(count, seed)):
        for version, variant in enumerate([data, mutate(data, rnd, names)]):
            path = folder / f"doc{number:04d}-{version}.xml"
            path.write_bytes(variant)
            tree = parse(variant)
            good = grammars.verdict(tree)
            assert good or version, f"{path}: generated but invalid: {grammars.errors(tree)}"
            (grammatical if good else ungrammatical).append(path)
    if jing is not None:
        assert jing_errors(jing, grammatical) == ""
        assert jing_errors(jing, grammatical, SCHEMAS / "teikit.rng") == ""
        assert jing_rejects_each(jing, ungrammatical, SCHEMAS / "teikit.rng") == []


def test_generated_documents_agree_and_are_tei_all(
        grammars: Grammars, jing: str, tei_all: Path, tmp_path: Path) -> None:
    check_generated(60, 2024, grammars, tmp_path, jing)


def test_generated_documents_agree_without_jing(grammars: Grammars, tmp_path: Path) -> None:
    """The RELAX NG/XSD agreement is checked on machines without jing too."""
    check_generated(30, 7, grammars, tmp_path, None)


@pytest.mark.slow
def test_many_generated_documents_are_tei_all(
        grammars: Grammars, jing: str, tmp_path: Path) -> None:
    check_generated(1000, 1952, grammars, tmp_path, jing)
