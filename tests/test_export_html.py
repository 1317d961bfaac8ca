"""The HTML exporter: golden pages, text preservation in both views, links and structure.

Golden files: every ``tests/data/html/<name>.xml`` (and ``tests/data/valid/inventory.xml``)
is rendered and compared byte for byte with ``tests/data/html/<name>.html``, the inlined
stylesheet (the same in every page) replaced by a mark. After an
intended change to the exporter or its stylesheet, regenerate them with::

    TEIKIT_REGEN=1 pytest tests/test_export_html.py

and review the diff before committing.

Text preservation: the words of the TEI ``<text>`` must all be in the page, in order, in
each view. Text the exporter adds (brackets, page numbers, badges) carries the class
``gen``; text a view hides carries ``ed-only`` or ``rd-only``. The reading view may hide
only superseded readings (``del``, ``surplus``, ``fw`` and the original side of a
``choice``); attached notes move to the footnotes (reading) or stay inline (editorial).
"""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teikit.exporter.html import stylesheet, to_html
from teikit.exporter.layout_space import ELEMENT_ONLY, text_in
from teikit.exporter.notes import is_attached
from teikit.exporter.sources import descriptions, registers
from teikit.exporter.text.policy import NOT_TEXT
from teikit.exporter.tokens import joined
from teikit.tei import NAMESPACES, TEI_NS, parse_bytes, parse_file

DATA = Path(__file__).parent / "data"
HTML_DATA = DATA / "html"
INVENTORY = DATA / "valid" / "inventory.xml"
CASES = sorted([INVENTORY, *HTML_DATA.glob("*.xml")], key=lambda p: p.name)
REGEN = os.environ.get("TEIKIT_REGEN") == "1"

SUPERSEDED = ("del", "surplus", "fw")
PREFERRED = ("corr", "reg", "expan")
BLOCK_TAGS = {"p", "div", "section", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
              "header", "footer", "aside", "table", "blockquote", "figure"}


def golden_path(source: Path) -> Path:
    return HTML_DATA / f"{source.stem}.html"


def render(source: Path, **options: str) -> bytes:
    return to_html(parse_file(source), **options)  # type: ignore[arg-type]


def page(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(data)


def normalize(text: str) -> str:
    return " ".join(text.split())


def classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


# ---- goldens -------------------------------------------------------------------------------

STYLESHEET = re.compile(rb"(<style>).*?(</style>)", flags=re.DOTALL)
STYLESHEET_MARK = b"\\1\n/* teikit's stylesheet: teikit/exporter/html/css/ */\n\\2"


def without_stylesheet(page: bytes) -> bytes:
    """The page with its (inlined, always the same) stylesheet left out: the goldens pin
    the markup; the stylesheet is the browser tests' business."""
    return STYLESHEET.sub(STYLESHEET_MARK, page, count=1)


def test_the_stylesheet_is_inlined_once() -> None:
    data = render(INVENTORY)
    assert data.count(b"<style>") == 1
    assert stylesheet() in data.decode()


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_golden(source: Path) -> None:
    actual = without_stylesheet(render(source, source_name=f"{source.stem}.txt"))
    golden = golden_path(source)
    if REGEN:
        golden.write_bytes(actual)
    assert golden.exists(), f"no golden file {golden.name}: run with TEIKIT_REGEN=1"
    assert actual == golden.read_bytes(), f"{golden.name} differs: TEIKIT_REGEN=1 to update"


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_deterministic(source: Path) -> None:
    assert render(source) == render(source)


# ---- text preservation --------------------------------------------------------------------

def drop(element: etree._Element) -> None:
    """Remove ``element`` from its tree but keep its tail text."""
    parent = element.getparent()
    assert parent is not None
    previous = element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def tei_local(element: etree._Element) -> str:
    """The local name of a TEI element ("" for other namespaces, comments and PIs)."""
    tag = element.tag
    return tag.split("}")[1] if isinstance(tag, str) and tag.startswith(f"{{{TEI_NS}}}") else ""


def in_edition(element: etree._Element) -> bool:
    return any(tei_local(a) == "div" and a.get("type") == "edition"
               for a in element.iterancestors())


def erased(element: etree._Element) -> bool:
    """An inscription's erasure, which the reading view shows: ``del rend="erasure"`` in an
    edition, not the deleted side of a ``subst``."""
    parent = element.getparent()
    return (tei_local(element) == "del" and element.get("rend") == "erasure"
            and in_edition(element) and parent is not None and tei_local(parent) != "subst")


def superseded(text: etree._Element) -> list[etree._Element]:
    """What the reading view hides: deletions (not an inscription's erasures), surplus
    text, running heads, the unpreferred side of a choice, an inline apparatus' variants."""
    doomed = [e for e in text.iter() if tei_local(e) in SUPERSEDED and not erased(e)]
    for element in text.iter(f"{{{TEI_NS}}}choice"):
        if any(tei_local(child) in PREFERRED for child in element):
            doomed += [c for c in element
                       if isinstance(c.tag, str) and tei_local(c) not in PREFERRED]
    for element in text.iter(f"{{{TEI_NS}}}app"):
        parent = element.getparent()
        assert parent is not None
        listed = tei_local(parent) == "listApp" or (
            tei_local(parent) == "div" and parent.get("type") == "apparatus")
        if not listed and element.find(f"{{{TEI_NS}}}lem") is not None:
            doomed += [c for c in element if tei_local(c) in ("rdg", "rdgGrp")]
    return doomed


def texts_of(source: Path) -> list[etree._Element]:
    """What the page renders of each document (the root, or each of a corpus), as copies:
    the descriptions of its source in the header, its ``text``, the registers of its
    ``standOff`` (not in a corpus's members); a tokenised text
    with its punctuation joined to its words (``test_export_rules`` says how)."""
    root = joined(parse_file(source)).getroot()
    documents = [root] if root.find("tei:text", NAMESPACES) is not None else \
        root.findall(".//tei:TEI", NAMESPACES)
    texts = [part for document in documents for part in (
        *descriptions(document), *document.findall("tei:text", NAMESPACES),
        *(registers(document) if document is root else []))]
    assert texts
    return [copy.deepcopy(text) for text in texts]


def expected_texts(source: Path, view: str) -> tuple[str, list[str]]:
    """(running text without attached notes, the attached notes' texts) of the TEI."""
    flows, note_texts = [], []
    for text in texts_of(source):
        for node in list(text.iter(etree.Comment, etree.ProcessingInstruction)):
            drop(node)
        for element in [e for e in text.iter() if tei_local(e) in NOT_TEXT]:
            drop(element)
        for group in text.iter(*ELEMENT_ONLY):  # whitespace that only lays out a choice
            for node in (group, *group):
                attribute = "text" if node is group else "tail"
                setattr(node, attribute, text_in(group.tag, getattr(node, attribute)))
        if view == "reading":
            for element in superseded(text):
                drop(element)
        notes = [n for n in text.iter(f"{{{TEI_NS}}}note") if is_attached(n)]
        note_texts += [normalize("".join(n.itertext())) for n in notes]  # type: ignore[arg-type]
        for note in notes:
            drop(note)
        flows.append(normalize("".join(text.itertext())))  # type: ignore[arg-type]
    return " ".join(flow for flow in flows if flow), note_texts


def visible_text(element: etree._Element, hidden: str, skip: set[str]) -> Iterator[str]:
    """The text of ``element`` a reader of one view sees (generated text excluded)."""
    if element.text:
        yield element.text
    for child in element:
        names = classes(child)
        if not ({"gen", hidden} & names or skip & names):
            yield from visible_text(child, hidden, skip)
        if child.tail:
            yield child.tail


def page_texts(data: bytes, view: str) -> tuple[str, list[str]]:
    hidden = "ed-only" if view == "reading" else "rd-only"
    document = page(data)
    article = document.get_element_by_id("text")
    flow = normalize("".join(visible_text(article, hidden, {"footnotes", "note-inline"})))
    if view == "reading":
        notes = document.find_class("footnotes")
        items = notes[0].iter("li") if notes else []
    else:
        items = iter(article.find_class("note-inline"))
    note_texts = [normalize("".join(visible_text(item, hidden, set()))) for item in items]
    return flow, note_texts


@pytest.mark.parametrize("view", ["reading", "editorial"])
@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_no_text_is_lost(source: Path, view: str) -> None:
    expected_flow, expected_notes = expected_texts(source, view)
    flow, notes = page_texts(render(source), view)
    assert flow == expected_flow
    assert notes == expected_notes


SHARED_SAMPLES = (
    "tei-real/isicily/inscriptions/ISic000001.xml",
    "tei-real/tei-stylesheets-tests/Test/ms.xml",
    "tei-real/tei-stylesheets-tests/Test/testnotes1.xml",
    "tei-real/tei-stylesheets-tests/Test/test20.xml",
    "tei-real/shakedracor/tei/the-tempest.xml",
)


@pytest.fixture
def shared_corpus() -> Path:
    """``../shared/corpus`` beside the repository (skips when it is absent)."""
    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not available")
    return corpus


@pytest.mark.shared
@pytest.mark.parametrize("sample", SHARED_SAMPLES, ids=lambda s: Path(s).stem)
def test_real_documents_keep_their_text(shared_corpus: Path, sample: str) -> None:
    """Real TEI from other projects (plays, inscriptions, manuscripts) in both views."""
    source = shared_corpus / sample
    data = render(source)
    for view in ("reading", "editorial"):
        assert page_texts(data, view) == expected_texts(source, view)
    document = page(data)
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for paragraph in document.iter("p", "span"):
        inside = {e.tag for e in paragraph.iterdescendants() if isinstance(e.tag, str)}
        assert not inside & BLOCK_TAGS


def test_editorial_view_shows_every_word_of_the_text() -> None:
    text = parse_file(INVENTORY).getroot().find("tei:text", NAMESPACES)
    assert text is not None
    words = normalize("".join(str(part) for part in text.itertext()))
    flow, notes = page_texts(render(INVENTORY), "editorial")
    for word in ("Indonesain", "struck", "- 2 -", "Translator's note:", "recieved"):
        assert word in words
        assert word in flow + " ".join(notes)


def test_reading_view_keeps_superseded_readings_in_tooltips() -> None:
    document = page(render(INVENTORY))
    choice = document.find_class("choice")[0]
    assert "Indonesain" in choice.get("title")
    assert "Indonesian" in choice.text_content()


def wrap(body: str) -> bytes:
    return (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>T</title>'
            f'</titleStmt></fileDesc></teiHeader><text xml:space="preserve"><body>{body}'
            "</body></text></TEI>").encode()


def test_unknown_elements_keep_their_text() -> None:
    tree = parse_bytes(wrap(
        '<p>One <mystery>two <emph>three</emph></mystery> four <x:y xmlns:x="urn:x">five</x:y>'
        "</p> <wholeNewBlock><p>six</p> seven</wholeNewBlock>"))
    data = to_html(tree)
    for view in ("reading", "editorial"):
        hidden = "ed-only" if view == "reading" else "rd-only"
        article = page(data).get_element_by_id("text")
        text = normalize("".join(visible_text(article, hidden, set())))
        assert "One two three four five six seven" in text
    unknown = page(data).find_class("tei-unknown")
    assert [u.get("data-tei") for u in unknown] == ["mystery", "y", "wholeNewBlock"]
    assert unknown[-1].tag == "div"  # holds a paragraph, so it is a block


# ---- structure, links, accessibility ---------------------------------------------------

@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_links_resolve_and_ids_are_unique(source: Path) -> None:
    document = page(render(source))
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for link in document.iter("a"):
        href = link.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert href.startswith(("https://", "http://", "mailto:")), href


def test_notes_are_linked_both_ways() -> None:
    document = page(render(INVENTORY))
    call = document.get_element_by_id("fnref-a")
    note = document.get_element_by_id(call.get("href")[1:])
    assert note.find_class("backlink")[0].get("href") == "#fnref-a"
    ref = document.find_class("ref")[0]
    endnote = document.get_element_by_id(ref.get("href")[1:])
    assert endnote.find_class("backlink")[0].get("href") == f"#{ref.get('id')}"


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_headings_descend_in_order(source: Path) -> None:
    document = page(render(source))
    levels = [int(h.tag[1]) for h in document.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_paragraphs_hold_only_phrasing_content(source: Path) -> None:
    document = page(render(source))
    for paragraph in document.iter("p", "span"):
        inside = {e.tag for e in paragraph.iterdescendants() if isinstance(e.tag, str)}
        assert not inside & BLOCK_TAGS, (paragraph.get("class"), inside & BLOCK_TAGS)


def test_page_is_self_contained_and_in_the_document_language() -> None:
    data = render(HTML_DATA / "telegram.xml")
    document = page(data)
    assert data.startswith(b"<!DOCTYPE html>")
    assert document.get("lang") == "en-GB"
    assert page(render(INVENTORY)).get("lang") == "en"
    assert document.find(".//meta[@charset]").get("charset") == "utf-8"
    assert not document.xpath("//link | //img | //script[@src] | //iframe")
    assert len(document.xpath("//style")) == 1
    assert "javascript:" not in data.decode()


@pytest.mark.parametrize("view", ["reading", "editorial"])
def test_initial_view(view: str) -> None:
    document = page(render(INVENTORY, view=view))
    checked = [r.get("id") for r in document.xpath("//input[@name='view']") if r.checked]
    assert checked == [f"view-{view}"]
    labels = {label.get("for") for label in document.iter("label")}
    assert labels == {"view-reading", "view-editorial"}


def test_unknown_view_is_refused() -> None:
    with pytest.raises(ValueError, match="view"):
        to_html(parse_file(INVENTORY), view="diplomatic")  # type: ignore[arg-type]


def test_header_facts_are_shown() -> None:
    document = page(render(INVENTORY, source_name="memo.txt"))
    facts = document.find_class("facts")[0]
    terms = [normalize(dt.text_content()) for dt in facts.iter("dt")]
    assert terms[:5] == ["Date", "Source", "Archive", "Record", "Funding"]
    text = normalize(facts.text_content())
    for value in ("3rd March 1952", "Harbours", "Valmora", "Harbour Board"):
        assert value in text
    rights = document.find_class("rights")[0]
    assert rights.find("summary").text == "Rights and reuse (restricted)"
    assert [p.text for p in rights.iter("p")] == [
        "Reuse for research is welcome.", "Ask the archive before commercial use."]
    assert document.find(".//title").text == "Memorandum on the Harbour Works at Valmora"
    colophon = normalize(document.find_class("colophon")[0].text_content())
    assert colophon == "Transcript: memo.txt · Encoded with teikit 0.1.0"


def test_a_header_with_nothing_to_show_gives_no_about_panel() -> None:
    bare = parse_bytes(wrap("<p>A text whose header has a title only.</p>"))
    assert not page(to_html(bare)).find_class("record")
    named = page(to_html(bare, source_name="draft.txt")).find_class("record")
    assert [normalize(p.text_content()) for p in named[0].iter("p")] == [
        "Transcript: draft.txt"]


def test_an_edition_of_lines_without_letters_is_kept_an_empty_commentary_is_not() -> None:
    tree = parse_bytes(wrap('<div type="edition"><ab><lb n="1"/></ab></div>'
                            '<div type="commentary"><p/></div>'))
    document = page(to_html(tree))
    assert [h.text for h in document.iter("h2") if "gen" in classes(h)] == ["Edition"]
    assert [n.text for n in document.find_class("lnum")] == ["1"]


def test_legend_lists_only_the_signs_in_use() -> None:
    tree = parse_bytes(wrap('<p>A <supplied reason="clarification">b</supplied> c.</p>'))
    legend = page(to_html(tree)).find_class("legend")
    assert [normalize(m.text_content()) for m in legend[0].find_class("meaning")] == [
        "words supplied by the editors"]
    plain = page(to_html(parse_bytes(wrap("<p>Nothing editorial.</p>"))))
    assert not plain.find_class("legend")


def test_missing_title_and_text_fall_back() -> None:
    tree = parse_bytes(f'<TEI xmlns="{TEI_NS}"><teiHeader/></TEI>'.encode())
    document = page(to_html(tree, source_name="draft.txt"))
    assert document.find(".//h1").text == "draft.txt"
    assert re.search(r"draft\.txt", document.find(".//title").text or "")
