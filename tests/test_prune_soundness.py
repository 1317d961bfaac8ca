"""Pruning never changes a verdict, on the real ``tei_all.rng`` and real documents changed
at random: each changed document gets the same verdict from the grammar pruned to its
vocabulary as from the whole grammar (compiled once, about six seconds), and a rejected
one always gets at least one message."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import tei
from teikit.validator.prune import prune
from teikit.validator.vocabulary import vocabulary_of

pytestmark = [pytest.mark.shared, pytest.mark.slow]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEI_ALL = SHARED / "tei" / "schemas" / "tei_all.rng"
REAL = SHARED / "corpus" / "tei-real"
DOCUMENTS = [  # small, valid for jing, and unlike each other
    "tei-stylesheets-tests/Test/test27.xml",
    "tei-stylesheets-tests/Test/expected-results/test37.xml",
    "tei-stylesheets-tests/Test/expected-results/test19.xml",
    "isicily/inscriptions/ISic001840.xml",
]


@pytest.fixture(scope="module")
def grammars() -> tuple[etree._Element, etree.RelaxNG, list[etree._ElementTree]]:
    if not TEI_ALL.is_file() or not REAL.is_dir():
        pytest.skip("tei_all.rng and the real corpus are not in ../shared")
    grammar = tei.parse_file(TEI_ALL).getroot()
    documents = [tei.parse_file(REAL / name) for name in DOCUMENTS if (REAL / name).is_file()]
    if not documents:
        pytest.skip("the sample documents are not in ../shared")
    return grammar, etree.RelaxNG(grammar), documents


def _elements(tree: etree._ElementTree) -> list[etree._Element]:
    return [e for e in tree.iter(etree.Element) if e.getparent() is not None]


@st.composite
def changed(draw: st.DrawFn, documents: list[etree._ElementTree]) -> etree._ElementTree:
    """A real document with a few random changes of the kinds real mistakes make."""
    tree = copy.deepcopy(draw(st.sampled_from(documents)))
    names = sorted({etree.QName(e).localname for d in documents for e in d.iter(etree.Element)})
    for _ in range(draw(st.integers(1, 3))):
        elements = _elements(tree)
        if not elements:
            break
        target = draw(st.sampled_from(elements))
        parent = target.getparent()
        assert parent is not None
        change = draw(st.sampled_from(["delete", "rename", "move", "attribute", "drop"]))
        if change == "delete":
            parent.remove(target)
        elif change == "rename":
            target.tag = f"{{{tei.TEI_NS}}}{draw(st.sampled_from(names))}"
        elif change == "move":
            others = [e for e in elements if e is not target and target not in e.iterancestors()
                      and e not in target.iter()]
            if others:
                draw(st.sampled_from(others)).append(target)
        elif change == "attribute":
            target.set(draw(st.sampled_from(["type", "n", "rend", "when", "ref", "unit"])), "x1")
        elif target.attrib:
            del target.attrib[draw(st.sampled_from(sorted(target.attrib)))]
    return tree


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_pruned_and_whole_grammars_agree(
    grammars: tuple[etree._Element, etree.RelaxNG, list[etree._ElementTree]],
    data: st.DataObject,
) -> None:
    grammar, whole, documents = grammars
    tree = data.draw(changed(documents))
    pruned = etree.RelaxNG(prune(grammar, vocabulary_of(tree)))
    verdict = pruned.validate(tree)
    event("valid" if verdict else "invalid")
    assert verdict == whole.validate(tree), etree.tostring(tree)[:2000]
    if not verdict:
        assert len(pruned.error_log) > 0
