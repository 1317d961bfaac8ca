"""James Clark's RELAX NG test suite (../shared/conformance/relaxng/spectest.xml), through
``teikit validate``: an incorrect schema exits 2 naming the schema, a valid instance 0, an
invalid one 1. Each case runs as written and padded past the size at which teikit prunes
grammars (every real TEI schema is that large), where libxml2 only ever sees pruned
copies and teikit's own checks must hold the verdicts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.validator.relaxng import PRUNE_ABOVE

from conftest import SHARED

SPECTEST = SHARED / "conformance" / "relaxng" / "spectest.xml"
PADDING = f"<!--{'padding ' * (PRUNE_ABOVE // 8 + 1024)}-->\n"


def _cases() -> list[etree._Element]:
    if not SPECTEST.is_file():
        return []
    # a trusted test file whose internal subset defines one entity
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    return list(etree.parse(str(SPECTEST), parser).getroot().iter("testCase"))


CASES = _cases()


def _write_resources(node: etree._Element, folder: Path) -> None:
    for child in node:
        if child.tag == "resource":
            resource = etree.tostring(child[0], encoding="utf-8")
            (folder / child.get("name", "")).write_bytes(resource)
        elif child.tag == "dir":
            (folder / child.get("name", "")).mkdir()
            _write_resources(child, folder / child.get("name", ""))


def _content(node: etree._Element) -> bytes:
    elements = [child for child in node if isinstance(child.tag, str)]
    if not elements:
        return (node.text or "").encode()
    return etree.tostring(elements[0], encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", "off")  # hundreds of tiny schemas: keep none


@pytest.mark.shared
@pytest.mark.parametrize("padded", [False, True], ids=["as-written", "padded"])
@pytest.mark.parametrize("number", range(1, len(CASES) + 1) if CASES else [
    pytest.param(0, marks=pytest.mark.skip(reason="../shared/conformance is not present"))])
def test_case(number: int, padded: bool, tmp_path: Path) -> None:
    case = CASES[number - 1]
    _write_resources(case, tmp_path)
    correct = case.find("correct")
    schema = tmp_path / "schema.rng"
    written = correct if correct is not None else case.find("incorrect")
    assert written is not None
    text = _content(written)
    schema.write_bytes(PADDING.encode() + text if padded else text)
    assert (schema.stat().st_size > PRUNE_ABOVE) == padded
    runner = CliRunner()
    instances = [(kind, index, node) for kind in ("valid", "invalid")
                 for index, node in enumerate(case.findall(kind))]
    if correct is None:
        instance = tmp_path / "instance.xml"
        instance.write_bytes(b"<anything/>")
        run = runner.invoke(app, ["validate", "--schema", str(schema), str(instance)])
        assert run.exit_code == 2, f"an incorrect schema was accepted: {run.output}"
        # located in the schema, or in a file it includes, never in the document
        assert re.search(rf"{re.escape(str(tmp_path))}/[\w/.-]+:\d+:\d+: ", run.stderr), run.stderr
        assert "instance.xml" not in run.stderr
        return
    for kind, index, node in instances:
        instance = tmp_path / f"{kind}-{index}.xml"
        instance.write_bytes(_content(node))
        run = runner.invoke(app, ["validate", "--no-embedded-rules", "--schema", str(schema),
                                  str(instance)])
        assert run.exit_code == (0 if kind == "valid" else 1), (kind, index, run.output)


SHORTEST = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><element name="foo"><empty/>'
            '</element><start><element name="foo"><empty/></element></start></grammar>')


@pytest.mark.parametrize("padded", [False, True], ids=["as-written", "padded"])
def test_a_declared_incorrect_schema_is_exit_2_never_a_verdict(padded: bool,
                                                               tmp_path: Path) -> None:
    """The issue's shortest case, declared by the document itself (so chosen per file):
    exit 2 with the schema's own location, and no verdict on the document."""
    schema = tmp_path / "schema.rng"
    schema.write_text((PADDING if padded else "") + SHORTEST, encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text('<?xml-model href="schema.rng" type="application/xml" schematypens='
                   '"http://relaxng.org/ns/structure/1.0"?>\n<foo/>', encoding="utf-8")
    run = CliRunner().invoke(app, ["validate", "--no-embedded-rules", str(doc)])
    assert run.exit_code == 2, run.output
    line = PADDING.count("\n") + 1 if padded else 1
    assert f"schema.rng:{line}:" in run.stderr
    assert "not checked" in run.stderr and "doc.xml:" not in run.output


def test_a_fresh_process_reads_a_schema_with_xsd_datatypes(tmp_path: Path) -> None:
    """xmlschema builds its own datatypes on first use: nothing before must be needed."""
    schema = tmp_path / "ids.rng"
    schema.write_text('<element xmlns="http://relaxng.org/ns/structure/1.0" name="a" '
                      'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">'
                      '<attribute name="id"><data type="ID"/></attribute></element>',
                      encoding="utf-8")
    code = "import sys; from pathlib import Path; from teikit.validator.rng import check; " \
           "print(len(check(Path(sys.argv[1])).elements))"
    run = subprocess.run([sys.executable, "-c", code, str(schema)], capture_output=True,
                         text=True, env={**os.environ, "TEIKIT_CACHE": "off"}, check=False)
    assert run.returncode == 0 and run.stdout.strip() == "1", run.stderr


@pytest.mark.shared
@pytest.mark.parametrize("number", range(1, len(CASES) + 1) if CASES else [
    pytest.param(0, marks=pytest.mark.skip(reason="../shared/conformance is not present"))])
def test_teikits_own_validator_gets_every_verdict(number: int, tmp_path: Path) -> None:
    """The validator by derivatives (used where libxml2 cannot be trusted) on its own."""
    from teikit.validator import rng

    case = CASES[number - 1]
    correct = case.find("correct")
    if correct is None:
        return
    _write_resources(case, tmp_path)
    schema = tmp_path / "schema.rng"
    schema.write_bytes(_content(correct))
    validator = rng.Validator(rng.check(schema))
    for kind in ("valid", "invalid"):
        for node in case.findall(kind):
            tree = etree.ElementTree(etree.fromstring(_content(node)))
            assert (validator.valid(tree) is None) == (kind == "valid"), kind
