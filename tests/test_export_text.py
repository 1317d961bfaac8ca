"""The reading text: golden files for each layout rule, and the property that it keeps
every word of the ``text`` except what the reading policy omits.

Goldens: every ``tests/data/text/<name>.xml`` and ``tests/data/html/<name>.xml`` has its
reading text in ``<name>.txt`` beside it.
Regenerate on purpose with ``TEIKIT_REGEN=1 pytest tests/test_export_text.py``.

Word coverage: the words of each document's ``text`` (every ``\\w+`` run of its text
nodes, minus the elements :func:`is_omitted` names, with words joined across
``lb break="no"``) must be in its reading text, as a multiset, at 99 % at least for every
file of ``../shared/corpus/tei-real`` and FRUS, and at 100 % for generated documents.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.exporter.layout_space import text_in
from teikit.exporter.segments import is_row
from teikit.exporter.spans import with_spans
from teikit.exporter.text import reading, to_text
from teikit.exporter.text.policy import CONTAINERS, SPACED_GROUPS, SPACED_LINES
from teikit.exporter.text.reading import reading_text
from teikit.exporter.text.rules import is_omitted, layout, tei_name
from teikit.exporter.text.writer import LINE, LINE_END_HYPHENS, PARAGRAPH, Writer, continues_word
from teikit.exporter.tokens import joined
from teikit.tei import TEI_NS, parse_file

from conftest import DATA

TEXT_DATA = DATA / "text"
CASES = sorted([*TEXT_DATA.glob("*.xml"), *(DATA / "html").glob("*.xml")])
REGEN = os.environ.get("TEIKIT_REGEN") == "1"
WORD = re.compile(r"\w+")
JOIN = "\x00"
LINE_END = "\x01"
"""A line break: after a line-end hyphen (a soft hyphen, ``¬``) the word goes on."""
APPARATUS = ("listApp",)


def load(path: Path) -> etree._ElementTree:
    return parse_file(path, collect_ids=False)


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_golden(source: Path) -> None:
    actual = reading(load(source))
    golden = source.with_suffix(".txt")
    if REGEN:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with TEIKIT_REGEN=1"
    assert actual == golden.read_text(encoding="utf-8"), f"{golden.name}: TEIKIT_REGEN=1"


# ---- the words the reading text must keep --------------------------------------------------

def texts(root: etree._Element) -> list[etree._Element]:
    name = tei_name(root)
    if name == "TEI":
        return root.findall(f"{{{TEI_NS}}}text")
    if name == "teiCorpus":
        return [text for document in root.iter(f"{{{TEI_NS}}}TEI")
                for text in document.findall(f"{{{TEI_NS}}}text")]
    return [root]


def in_apparatus(element: etree._Element, inherited: bool) -> bool:
    name = tei_name(element)
    return inherited or name in APPARATUS or (name == "div" and element.get("type") == "apparatus")


def separated(element: etree._Element, name: str | None, apparatus: bool) -> bool:
    """Whether the reading text may put a break or a mark between ``element`` and its
    neighbours (so the source's words are counted apart)."""
    if name in ("lb", "gap", "note", "space", "ptr", "caesura", "rt"):
        return True
    if apparatus and name in ("lem", "rdg", "rdgGrp"):
        return True
    parent = element.getparent()
    if parent is not None and (tei_name(parent) in SPACED_GROUPS | SPACED_LINES or (
            is_row(parent) and tei_name(parent.getparent()) in CONTAINERS)):
        return True  # a dictionary's grammar, a row of segments: a space between the parts
    if name is None:
        return parent is not None and tei_name(parent) in CONTAINERS
    return bool(layout(element, name))


def pieces(element: etree._Element, apparatus: bool) -> Iterator[str]:
    text = text_in(element.tag, element.text)  # no layout whitespace inside a choice
    if text:
        yield text
    for child in element:
        name = tei_name(child)
        inside = in_apparatus(child, apparatus)
        if name == "lb" and (child.get("break") == "no" or child.get("type") == "inWord"):
            yield JOIN
        elif name == "lb":
            yield LINE_END
        elif not is_omitted(child, "end", inside) and name != "gap":
            edge = " | " if separated(child, name, inside) else ""
            yield edge
            yield from pieces(child, inside)
            yield edge
        elif name == "gap":
            yield " | "
        tail = text_in(element.tag, child.tail)
        if tail:
            yield tail


def expected_words(tree: etree._ElementTree) -> Counter[str]:
    text = " | ".join("".join(pieces(t, in_apparatus(t, False))) for t in texts(tree.getroot()))
    hyphens = "".join(LINE_END_HYPHENS)
    text = re.sub(rf"[{hyphens}]\s*{LINE_END}\s*", "", text)
    text = re.sub(rf"(?<=[^\W\d_])[-\u2010]\s*{LINE_END}\s*(?=(\S*))", lambda m: (
        "" if continues_word(m.group(1)) else m.group(0)), text).replace(LINE_END, " | ")
    return Counter(WORD.findall(re.sub(rf"\s*{JOIN}\s*", "", text)))


def coverage(tree: etree._ElementTree) -> tuple[float, Counter[str]]:
    """(share of the expected words in the reading text, the words missing); the text of a
    ``delSpan`` range is deleted text (:mod:`teikit.exporter.spans`), and tokens and name
    parts side by side are words apart, as both views read them (:mod:`..tokens`)."""
    expected = expected_words(joined(with_spans(tree) or tree))
    found = Counter(WORD.findall(reading_text(tree)[0]))
    total = sum(expected.values())
    kept = sum((expected & found).values())
    return (kept / total if total else 1.0), expected - found


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_fixtures_keep_every_word(source: Path) -> None:
    share, missing = coverage(load(source))
    assert share == 1.0, missing


def corpus_files() -> list[Path]:
    root = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    manifest = root / "tei-real" / "manifest.csv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8") as handle:
        real = [root / "tei-real" / row["path"] for row in csv.DictReader(handle)
                if row["role"] == "test"]
    return real + sorted((root / "frus" / "docs").glob("*.xml"))


CORPUS = corpus_files()


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("source", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_documents_keep_99_percent_of_their_words(source: Path) -> None:
    try:
        tree = load(source)
    except etree.XMLSyntaxError:
        pytest.skip("not well-formed XML (no text to read)")
    share, missing = coverage(tree)
    assert share >= 0.99, f"{share:.2%}: missing {missing.most_common(10)}"


# ---- generated documents --------------------------------------------------------------------

WORDS = st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True)
INLINE = ("hi", "persName", "foreign", "unknownPhrase", "q", "w", "supplied", "unclear",
          "add", "del", "sic", "note", "ref", "emph", "stage", "{urn:x}own")
BLOCK = ("p", "l", "item", "label", "cell", "speaker", "head", "ab", "quote", "unknownBlock")
GROUP = ("div", "sp", "lg", "list", "row", "castList", "app", "listApp", "figure",
         "floatingText", "{urn:x}group")


def tag(name: str) -> str:
    return name if name.startswith("{") else f"{{{TEI_NS}}}{name}"


def phrase(draw: st.DrawFn, depth: int) -> etree._Element:
    element = etree.Element(tag(draw(st.sampled_from(INLINE))))
    element.text = " ".join(draw(st.lists(WORDS, max_size=3))) + " "
    if depth < 3 and draw(st.booleans()):
        element.append(phrase(draw, depth + 1))
    if len(element):
        element[-1].tail = " " + draw(WORDS) + " "
    return element


@st.composite
def documents(draw: st.DrawFn) -> etree._ElementTree:
    root = etree.Element(tag("TEI"))
    body = etree.SubElement(etree.SubElement(root, tag("text")), tag("body"))
    for _ in range(draw(st.integers(1, 4))):
        group = etree.SubElement(body, tag(draw(st.sampled_from(GROUP))))
        for _ in range(draw(st.integers(1, 3))):
            block = etree.SubElement(group, tag(draw(st.sampled_from(BLOCK))))
            block.text = " ".join(draw(st.lists(WORDS, max_size=4))) + " "
            for _ in range(draw(st.integers(0, 3))):
                block.append(phrase(draw, 0))
                block[-1].tail = " " + " ".join(draw(st.lists(WORDS, max_size=2))) + " "
    choice = etree.SubElement(etree.SubElement(body, tag("p")), tag("choice"))
    etree.SubElement(choice, tag("sic")).text = draw(WORDS)
    etree.SubElement(choice, tag("corr")).text = draw(WORDS)
    return root.getroottree()


@given(documents())
def test_generated_documents_keep_every_word(tree: etree._ElementTree) -> None:
    share, missing = coverage(tree)
    assert share == 1.0, (missing, etree.tostring(tree, encoding="unicode"))


# ---- the writer ------------------------------------------------------------------------------

RUNS = ("a", "Ab", "und", "b1", "7", " ", "  ", "a ", " a", "a-", "-", "a\u2010", "\u00ad",
        "a¬", "¬", "⸗", ":", ".", "\n", "")
"""Runs of text that reach the writer's edges: words, spaces, hyphens, marks."""
CALLS = st.lists(st.one_of(
    st.tuples(st.just("text"), st.sampled_from(RUNS)),
    st.tuples(st.just("brk"), st.sampled_from([0, LINE, PARAGRAPH])),
    st.tuples(st.just("run_in"), st.sampled_from([":", ",", " —", ";", "]", "."])),
    st.tuples(st.sampled_from(["glue", "line_end", "unhyphenate"]), st.none())), max_size=40)


@settings(max_examples=400)
@given(CALLS)
def test_settled_text_is_the_texts_start(calls: list[tuple[str, object]]) -> None:
    """What :meth:`Writer.settled` takes out between any two calls (as a streamed reading
    text does after each part) is where the text starts, and no call answers otherwise."""
    plain, taking, taken = Writer(), Writer(), []
    for name, argument in calls:
        answers = [getattr(writer, name)(*([] if argument is None else [argument]))
                   for writer in (plain, taking)]
        taken.append(taking.settled())
        assert answers[0] == answers[1]
    assert "".join(taken) + taking.result() == plain.result()


# ---- options and views ------------------------------------------------------------------------

def test_notes_can_be_left_out() -> None:
    tree = load(TEXT_DATA / "prose.xml")
    kept, omitted = reading_text(tree, "end")[0], reading_text(tree, "omit")[0]
    assert "[1] The first note." in kept and "Notes to the text" in kept
    assert "first note" not in omitted and "[1]" not in omitted
    assert "endnote" not in omitted


def test_transcript_view_of_a_corpus_has_every_member() -> None:
    text = to_text(load(TEXT_DATA / "corpus.xml"), "transcript")
    assert "the first." in text and "the second" in text
