"""The complete check agrees with jing on real documents changed at random (the kinds of
mistake editors make: elements deleted, renamed, moved; attributes added, wrongly valued
or dropped), against ``tei_all.rng`` and against the FRUS project's own grammar.

All changed documents go to one jing run; per grammar, teikit must report at least 95 %
of jing's error lines and at most 2 % of lines jing does not, and every document both find
invalid gets its faults from the complete check (never the fallback to libxml2's
first-error messages).
"""

from __future__ import annotations

import copy
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from teikit import tei
from teikit.diagnostics import Severity
from teikit.validator import Options, validate_paths

pytestmark = [pytest.mark.shared, pytest.mark.slow]

SEEDS = range(120)
_ERROR = re.compile(r"^(.+?):(\d+):\d+: (?:error|fatal):", re.M)
_CODES = {"rng-element", "rng-missing", "rng-attribute", "rng-value", "rng-text"}


def _changes(tree: etree._ElementTree, names: list[str], chance: random.Random) -> None:
    for _ in range(chance.randint(1, 4)):
        elements = [e for e in tree.iter(etree.Element) if e.getparent() is not None]
        target = chance.choice(elements)
        parent = target.getparent()
        assert parent is not None
        change = chance.choice(["delete", "rename", "move", "attribute", "drop", "text"])
        if change == "delete":
            parent.remove(target)
        elif change == "rename":
            target.tag = f"{{{tei.TEI_NS}}}{chance.choice(names)}"
        elif change == "move":
            others = [e for e in elements if target not in e.iterancestors()
                      and e is not target]
            chance.choice(others).append(target)
        elif change == "attribute":
            name = chance.choice(["type", "n", "rend", "when", "ref", "unit", "xml:id", "from"])
            key = tei.xml("id") if name == "xml:id" else name
            target.set(key, chance.choice(["x1", "1959-13-01", "a b", "", "#x", "12"]))
        elif change == "text":
            target.tail = (target.tail or "") + " stray words "
        elif target.attrib:
            del target.attrib[chance.choice(sorted(target.attrib))]


def _documents(shared: Path, tmp: Path) -> Iterator[tuple[Path, Path]]:
    """(changed document, its grammar) pairs, the same on every run."""
    real = shared / "corpus" / "tei-real"
    frus = shared / "corpus" / "frus"
    sources = [(real / "tei-stylesheets-tests" / "Test" / n, shared / "tei" / "schemas" /
                "tei_all.rng") for n in ("test27.xml", "test2.xml", "test6.xml")]
    frus_documents = sorted((frus / "docs").glob("*.xml"))[:4]
    sources += [(p, frus / "schema" / "frus.rng") for p in frus_documents]
    sources = [(p, g) for p, g in sources if p.is_file() and g.is_file()]
    if not sources:
        pytest.skip("the sample documents are not in ../shared")
    for seed in SEEDS:
        chance = random.Random(seed)
        source, grammar = sources[seed % len(sources)]
        tree = tei.parse_file(source)
        names = sorted({etree.QName(e).localname for e in tree.iter(etree.Element)})
        changed = copy.deepcopy(tree)
        _changes(changed, names, chance)
        path = tmp / f"{seed:02d}-{source.name}"
        path.write_bytes(etree.tostring(changed, encoding="utf-8", xml_declaration=True))
        yield path, grammar


def test_complete_check_agrees_with_jing(jing: str, shared: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from teikit.validator import relaxng

    def fallback(*args: object) -> None:
        raise AssertionError("libxml2's messages were used: the complete check found nothing")

    monkeypatch.setattr(relaxng, "from_rng_log", fallback)
    by_grammar: dict[Path, list[Path]] = {}
    for document, grammar in _documents(shared, tmp_path):
        by_grammar.setdefault(grammar, []).append(document)
    for grammar, documents in by_grammar.items():
        run = subprocess.run([jing, str(grammar), *map(str, documents)], capture_output=True,
                             text=True, check=False)
        reference = {(str(Path(m.group(1)).resolve()), int(m.group(2)))
                     for m in _ERROR.finditer(run.stdout)}
        results = validate_paths(documents, [grammar], options=Options(embedded=False))
        reported = {(str(Path(d.file).resolve()), d.line) for r in results
                    for d in r.diagnostics if d.severity is Severity.ERROR}
        both = reference & reported
        summary = f"{grammar.name}: jing {len(reference)} lines, teikit {len(reported)}"
        assert reference and len(both) >= 0.95 * len(reference), summary
        assert len(both) >= 0.98 * len(reported), summary
        for result in results:
            assert {d.code for d in result.diagnostics} <= _CODES, result.diagnostics
