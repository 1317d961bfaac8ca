"""The rendering rules, one TEI module at a time: each fixture in ``tests/data/html`` shows
one rule, and each row below says what the page must contain for it (the goldens in
``test_export_html.py`` pin the whole page; these rows say what matters in it).

A row is (fixture, XPath on the page, expected): the texts of the matches in order, or
their number.
"""

from __future__ import annotations

from functools import cache

import lxml.html
import pytest

from teikit.exporter.html import to_html
from teikit.tei import parse_file

from conftest import DATA

HTML = DATA / "html"


def has_class(name: str) -> str:
    return f"contains(concat(' ', @class, ' '), ' {name} ')"


RULES: list[tuple[str, str, list[str] | int]] = [
    # linking: ptr (gap 1) and ref
    ("linking-ptr", "//a[@class='ptr']", ["Method", "7", "example.org/catalogue"]),
    ("linking-ptr", "//a[@class='ptr']/@href", ["#method", "#fig1",
                                                "https://example.org/catalogue/"]),
    ("linking-ptr", f"//span[{has_class('ptr')}]", ["other.xml#x", "#nowhere"]),
    ("linking-ptr", "//a[@class='ref']/@href", ["#method", "https://example.org/about",
                                                "#here"]),
    ("linking-ptr", "//span[@id='here']", [""]),
    ("linking-ptr", "//p[@id='fig1']", [
        "The seventh paragraph, with an anchor that a reference finds."]),
    # core: a tokenised text reads with its punctuation joined to its words
    ("core-tokens", "//article//p", [
        "This is the story, among others, of Henry — once “between seasons,” stayed (1901) "
        "! there."]),
    # textstructure: contents and anchors for a long document (gap 2)
    ("textstructure-toc", "//nav[@class='toc']/ol/li/a", [f"Chapter {n}" for n in range(1, 9)]),
    ("textstructure-toc", "//nav[@class='toc']/ol/li/ol/li/a", ["Section 3.1", "Section 6.1"]),
    ("textstructure-toc", "//article//section[@id]", 10),
    ("textstructure-toc-deep", "//nav[@class='toc']//a", [
        "Setting up", "The frame", "The legs", "Taking down", "The top", "The screws"]),
    ("textstructure-toc-deep", "//article//section[@id]", 9),
    ("textstructure-title-page", f"//div[{has_class('titlePage')}]/h1/span", [
        "A Tale of the Harbour", "in three parts"]),
    ("textstructure-title-page", f"//div[{has_class('titlePage')}]/p/@class", [
        "byline", "docImprint"]),
    ("textstructure-title-page", "//nav", 0),
    # verse: lines and their numbers (gap 3), stanzas (gap 8)
    ("verse-lines", f"//div[{has_class('l')}]", 9),
    ("verse-lines", f"//div[{has_class('l')}]/span[{has_class('lnum')}]", ["5", "10"]),
    ("verse-lines", f"//div[{has_class('lg')}]/@class", ["lg lg-stanza", "lg lg-stanza",
                                                          "lg lg-song"]),
    # core: quotation (gap 4)
    ("core-quotation", "//q", ["come in", "stayed outside"]),
    ("core-quotation", f"//span[{has_class('quoted')}]", ["“No entry”"]),
    ("core-quotation", "//blockquote", ["A quotation set off as a block, as the source sets it.",
                                         "A short citation."]),
    # notes keep their own numbers (gap 5)
    ("core-notes", f"//sup[{has_class('fn-call')}]/a", ["1", "2", "a", "*"]),
    ("core-notes", "//section[@role='doc-endnotes']//li/span[@class='fn-key gen']", [
        "1.", "2.", "a.", "*."]),
    # drama: speakers (gap 6), cast list (gap 7), stage directions
    ("drama-speech", f"//div[{has_class('sp')}]/p[@class='speaker']", ["PROSPERO", "ARIEL"]),
    ("drama-speech", "//section[@class='castList']/ul[@class='cast']/li", [
        "Prospero, the right duke of Milan — A. Player",
        "Spirits Ariel, an airy spirit Iris", "Mariners and spirits."]),
    ("drama-speech", "//li[@class='castGroup']/ul/li", ["Ariel, an airy spirit", "Iris"]),
    ("drama-speech", "//p[@class='stage stage-entrance']", ["Enter Prospero and Ariel."]),
    ("drama-speech", f"//div[{has_class('l')}]/span[@class='stage']", ["aside"]),
    ("drama-speech", f"//span[{has_class('lnum')}]", ["5"]),
    # lists of every type; label + item without double markers (gap 9)
    ("lists-types", "//dl/dt", ["1.", "2.", "TEI"]),
    ("lists-types", "//dl/dd", ["An entry with its own number.", "Another.",
                                "Text Encoding Initiative"]),
    ("lists-types", "//ol/li/@value", ["3", "4"]),
    ("lists-types", "//ul/@class", ["items bulleted", "items plain", "items inline",
                                    "items bulleted"]),
    ("lists-types", "//ol/li/div/ul/li", ["Alsatians", "Greyhounds"]),
    ("lists-types", "//ol/li/p", ["Sheep, in a paragraph.", "A second paragraph."]),
    ("lists-types", "//p//span[@class='item blk']", ["Dogs", "Zebras"]),
    # hi with and without @rend, @rendition, @style (gap 10)
    ("core-hi", "//em[@class='hi']", ["highlighted"]),
    ("core-hi", "//i[@class='hi hi-italic']", ["italic", "italic by TEI Simple"]),
    ("core-hi", "//b", ["bold", "both"]),
    ("core-hi", f"//span[{has_class('hi-smallcaps')}]", ["small capitals"]),
    ("core-hi", "//*[@style]/@style", ["color: red", "font-weight: bold",
                                       "text-align: center"]),
    # figures: tables, images, formulae
    ("figures-table", "//table/caption", ["Ships in harbour"]),
    ("figures-table", "//table/thead/tr/th", ["Ship", "Cargo", "Tons"]),
    ("figures-table", "//table/tbody/tr/th", ["Aurora", "Boreas"]),
    ("figures-table", "//th[@rowspan='2'] | //td[@colspan='2']", ["Boreas", "in ballast"]),
    ("figures-table", f"//p/span[{has_class('table')}]//span[{has_class('cell')}]", ["a", "b"]),
    ("figures-figure", "//figure/figcaption", ["Map of the harbour"]),
    ("figures-figure", f"//span[{has_class('graphic')}]", ["Image: harbour.jpg",
                                                          "Image: local.png"]),
    ("figures-figure", f"//span[{has_class('graphic')}]/a/@href", [
        "https://example.org/images/harbour.jpg"]),
    ("figures-figure", "//math/msup", ["r2"]),
    # the corpus module: one section per document, a contents list
    ("corpus-two-documents", "//article/section[@class='member']/h2", ["First letter",
                                                                       "Second letter"]),
    ("corpus-two-documents", "//nav[@class='toc']//a", ["First letter", "The first",
                                                         "Second letter"]),
    ("corpus-two-documents", "//section[@class='member']//h3", ["The first"]),
    # EpiDoc: line numbers, Leiden signs, apparatus keyed to lines
    ("epidoc-edition", f"//section[{has_class('div-edition')}]//span[{has_class('lnum')}]",
     ["1", "2", "3", "4", "5"]),
    ("epidoc-edition", f"//article//span[{has_class('underdot')}]", ["vi"]),
    ("epidoc-edition", f"//article//span[{has_class('gap')}]/span[{has_class('ed-only')}]",
     ["[- - -]", ".."]),
    ("epidoc-edition", f"//article//span[{has_class('supplied')}]", [
        "[Zet]", "⟨f⟩", "[mater?]"]),
    ("epidoc-edition", f"//article//span[{has_class('erasure')}]", ["⟦erased⟧", "⟦u⟧"]),
    ("epidoc-edition", f"//article//span[{has_class('erasure')}][{has_class('ed-only')}]",
     ["⟦u⟧"]),
    ("epidoc-edition", f"//article//span[{has_class('space')}]/span[{has_class('ed-only')}]",
     ["vac."]),
    ("epidoc-edition", f"//aside//li[{has_class('sign')}]//span[@class='meaning']", [
        "abbreviation expanded", "added in the source, e.g. by another hand",
        "note by a translator or the editors",
        "letters lost and restored",
        "letters lost, one dot each ([- - -]: how many is not known)",
        "letters not clearly read", "letters erased", "space left blank (vacat)"]),
    ("epidoc-edition", "//ul[@class='listApp']/li", [
        "3: vixit] vixsit M. Mommsen reads vixsit.", "Text edited from a photograph.",
        "Line 2: The first letters are lost in a break.",
        "lines 4-5: Letters smaller on these lines.", "fr. B: A fragment now lost."]),
    ("epidoc-edition", "//a[@class='app-loc']/@href", ["#line-3", "#line-2", "#line-4",
                                                       "#line-5"]),
    ("epidoc-edition", "//section/p[@class='app']", ["5: pia] pie M"]),
    # an apparatus naming text parts (fragments) and their lines; a part not in the edition
    # stays unlinked
    ("epidoc-fragments", f"//section[{has_class('div-textpart')}]/@id", ["div-2", "div-3"]),
    ("epidoc-fragments", f"//span[{has_class('lnum')}]/@id", [
        "line-1", "line-2", "line-1-2", "line-2-2"]),
    ("epidoc-fragments", "//ul[@class='listApp']/li//a[@class='app-loc']", [
        "2", "frA", "b", "frB-2", "fr. b, l. 1"]),
    ("epidoc-fragments", "//ul[@class='listApp']/li//a[@class='app-loc']/@href", [
        "#line-2", "#div-2", "#div-3", "#line-2-2", "#line-1-2"]),
    ("epidoc-fragments", "//ul[@class='listApp']/li[last()]/span[@class='app-line gen']",
     ["frC:"]),
    # an edition's subtype named in its heading (not "primary"); divisions of the EpiDoc
    # template left empty are left out, not headed
    ("epidoc-fragments", "//h2[@class='head gen']", [
        "Edition", "Transliteration", "Edition (verse layout)", "Apparatus"]),
    ("epidoc-fragments", "//article//section", 6),
    ("epidoc-edition", "//h2[@class='head gen']", ["Edition", "Apparatus", "Translation",
                                                   "Bibliography"]),
    # verse: a caesura is a gap in its line; registers: what is said of an entry, a line
    ("namesdates-facts", "//span[@class='caesura gen']", 2),
    ("namesdates-facts", "//p[starts-with(@class, 'eventName')]", ["Spring tide"]),
    ("namesdates-facts", "//p[starts-with(@class, 'birth')]", ["Born: 1850"]),
    ("namesdates-facts", "//span[starts-with(@class, 'dim')]", ["2 m"]),
    ("namesdates-facts", "//p[starts-with(@class, 'terrain')]", ["Flat and wet"]),
    ("namesdates-facts", "//*[contains(@class, 'fs') or contains(@class, 'addSpan')]", 0),
    # a list of references inside a paragraph: a line each
    ("namesdates-facts", "//p//span[@class='bibl blk']", ["Tide tables, 1901",
                                                          "Harbour log, 1902"]),
    # tagdocs: examples as XML source
    ("tagdocs-examples", "//pre[@class='egXML']", [
        '<p>A <persName ref="#jd">name</persName> in a paragraph.</p>']),
    ("tagdocs-examples", "//code[@class='gi']", ["<persName>"]),
    ("tagdocs-examples", "//code[@class='att']", ["@ref"]),
]


@cache
def page(name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(to_html(parse_file(HTML / f"{name}.xml")))


def texts(found: object) -> list[str]:
    assert isinstance(found, list)
    out = []
    for item in found:
        text = item.text_content() if hasattr(item, "text_content") else str(item)
        out.append(" ".join(text.split()))
    return out


@pytest.mark.parametrize(("fixture", "xpath", "expected"), RULES,
                         ids=[f"{f}:{x}" for f, x, _ in RULES])
def test_rule(fixture: str, xpath: str, expected: list[str] | int) -> None:
    assert_matches(page(fixture), xpath, expected)


def assert_matches(document: lxml.html.HtmlElement, xpath: str,
                   expected: list[str] | int) -> None:
    """The texts of the matches of ``xpath`` are ``expected`` (or their number is)."""
    found = texts(document.xpath(xpath))
    if isinstance(expected, int):
        assert len(found) == expected, found
    else:
        assert found == expected


def test_every_fixture_has_rules() -> None:
    fixtures = {p.stem for p in HTML.glob("*.xml")} - {"telegram"}
    assert fixtures <= {fixture for fixture, _, _ in RULES}, fixtures


def test_every_module_table_is_exercised() -> None:
    """Each TEI module's table has a fixture (named after the module)."""
    from teikit.exporter.html.rules import MODULES

    named = {p.stem.split("-")[0] for p in [*HTML.glob("*.xml"),
                                            *(DATA / "export-foreign").glob("*.xml")]}
    # notes: core-notes; names, dates and editorial signs: telegram.xml and inventory.xml;
    # annotations (index, anchor): linking-ptr
    without = {"notes", "namesdates", "transcr", "annotations"}
    assert {module for module, _ in MODULES} - without <= named
