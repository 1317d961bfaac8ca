"""TEI in the shapes other projects write it: each fixture in ``tests/data/export-foreign``
is a small invented document in the shape of a kind of real TEI (a library's catalogue
record, a dictionary, a letter with a letterhead, an edition with registers …), and each
row says what its page or its reading text must hold.

A row is (fixture, XPath on the page, expected): the texts of the matches in order, or
their number. Every fixture must also keep every word of what it renders (its ``text``
and the description of its source) in both views of the page and in the reading text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import lxml.html
import pytest
from test_export_corpus import tei_only
from test_export_html import expected_texts, page_texts
from test_export_rules import assert_matches, has_class
from test_export_text import WORD, coverage

from teikit.exporter.html import to_html
from teikit.exporter.html.direction import direction
from teikit.exporter.html.header import read_record
from teikit.exporter.html.source import heading
from teikit.exporter.speakers import readable, speaker_names
from teikit.exporter.text import reading, to_text
from teikit.tei import TEI_NS, parse_bytes, parse_file

from conftest import DATA

FOREIGN = DATA / "export-foreign"
CASES = sorted(FOREIGN.glob("*.xml"))


@cache
def page(fixture: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(to_html(parse_file(FOREIGN / f"{fixture}.xml")))


ROWS: list[tuple[str, str, list[str] | int]] = [
    # a catalogue record: the msDesc of the header is the page's content
    ("msdescription-catalogue", "//article/section[@class='source-description']/h2",
     ["Description of the source: MS. 7"]),
    ("msdescription-catalogue", f"//p[{has_class('msIdentifier')}]",
     ["Portwell, Harbour Library, MS. 7, ark:000/x1"]),
    ("msdescription-catalogue", f"//div[{has_class('msItem')}]/@id", ["ms7-1"]),
    ("msdescription-catalogue", f"//p[{has_class('incipit')}]",
     ["Incipit: Mare magnum et spatiosum"]),
    ("msdescription-catalogue", f"//div[{has_class('summary')}]/p", 2),
    ("msdescription-catalogue", f"//div[{has_class('binding')}]/p", ["Wooden boards, one clasp."]),
    ("msdescription-catalogue", f"//div[{has_class('additions')}]/p",
     ["A later hand lists the tides on the last leaf."]),
    ("msdescription-catalogue", f"//div[{has_class('availability')}]/p", ["Open to readers."]),
    ("msdescription-catalogue", "//*[@data-tei]", 0),
    ("msdescription-catalogue", "//section[@class='footnotes rd-only']//li",
     ["a. The last leaf is torn. ↩"]),
    # a letterhead: rows of segments set left and right are lines, their parts apart
    ("linking-letterhead", f"//div[{has_class('opener')}]/p[{has_class('row')}]",
     ["Harbour Gazette Portwell, the", "Editor: Quay Street 4."]),
    ("linking-letterhead", f"//p[{has_class('row')}]/span[{has_class('seg')}]", 4),
    ("linking-letterhead", "//dl[@class='facts']/*", [
        "From", "Tom, Portwell, 5 Oct. 1895", "To", "Anna Fisher"]),
    ("linking-letterhead", f"//div[{has_class('body')}]//p[{has_class('p')}]",
     ["Could you write us a hundred lines?"]),
    # registers in the back: headed, names in the text link to their entries
    ("namesdates-register", f"//div[{has_class('back')}]//h2[{has_class('register-head')}]",
     ["People", "Places"]),
    ("namesdates-register", f"//section[{has_class('div-letter')}]//a/@href",
     ["#p1", "#pl1"]),
    ("namesdates-register", "//div[@id='p1']/p", [
        "Born: 1 March 1850 Portwell", "Died: 1920", "Occupation: ferryman"]),
    ("namesdates-register", f"//div[@id='p1']//a[{has_class('idno')}]/@href",
     ["https://example.org/people/1"]),
    ("namesdates-register", "//div[@id='pl1']",
     ["Portwell, Port Well Coordinates: 50.1 -5.2"]),
    ("namesdates-register", f"//span[{has_class('geo')}]", ["Coordinates: 50.1 -5.2"]),
    # variants in a verse drama: set apart by semicolons, an omission reads "om."
    ("drama-variants", f"//span[{has_class('app-variants')}]",
     ["(waite for me B; stay for me C)", "(om. C)"]),
    ("drama-variants", f"//p[{has_class('speaker')}]", ["MARINE.", "BOATMAN:", "MARINE"]),
    # right-to-left text: the article, and every change of direction inside it
    ("core-direction", "//article/@dir", ["rtl"]),
    ("core-direction", "//article/@lang", ["ar"]),
    ("core-direction", "//article//*[@dir]/@lang", ["en", "ar-Latn"]),
    ("core-direction", "//article//*[@dir]/@dir", ["ltr", "ltr"]),
    ("core-direction", "//html/@dir", 0),
    # an XInclude whose file is missing: its fallback, or a note naming the file
    ("linking-xinclude", "//p[@class='xinclude']", ["(not included: parts/missing-a.xml)"]),
    ("linking-xinclude", f"//div[{has_class('body')}]//p[{has_class('p')}]",
     ["The words from A to C follow.", "Part B is not yet written."]),
    # words broken at a line's end: the page keeps the source's lines
    ("core-hyphenation", f"//div[{has_class('body')}]/p/br", 7),
    # transcribed speech: each turn under its speaker's name, noises in parentheses
    ("spoken-debate", f"//div[{has_class('u')}]/p[{has_class('speaker')}]",
     ["Anna Fisher", "Tom Smith.1950"]),
    ("spoken-debate", f"//div[{has_class('u')}]/p[{has_class('seg')}]", [
        "The sitting is open.", "The ferry is late again (murmurs) as you know.",
        "Then let us row … ourselves."]),
    ("spoken-debate", f"//p[{has_class('kinesic')}]", ["(Applause.)"]),
    # registers in standOff: after the text, the names linked to them
    ("namesdates-standoff", "//article/section[@class='registers']//h2",  ["People"]),
    ("namesdates-standoff", f"//div[{has_class('body')}]//a/@href", ["#ferryman"]),
    ("namesdates-standoff", "//section[@class='registers']//li", ["Tables of the Tides, 1851"]),
    # a dictionary: entries, headwords, grammar, numbered senses
    ("dictionaries-entries", f"//article//div[{has_class('entry')}]", 3),
    ("dictionaries-entries", f"//div[{has_class('entry')}]/span[{has_class('form')}]",
     ["quay /kiː/", "moor, moored", "tide"]),
    ("dictionaries-entries", f"//span[{has_class('gramGrp')}]", ["n m", "v tr"]),
    ("dictionaries-entries", f"//i[{has_class('gram-gen')}]", ["m"]),
    ("dictionaries-entries", f"//*[{has_class('gen')}][{has_class('gram')}]", 0),
    ("dictionaries-entries", f"//div[@id='e-quay']/div[{has_class('sense')}]",
     ["Kai, Hafenmauer"]),
    ("dictionaries-entries", f"//span[{has_class('sense-n')}]",
     ["1.", "2.", "a)", "b)", "1.", "2."]),
    ("dictionaries-entries", f"//span[{has_class('oRef')}]", ["~"]),
    ("dictionaries-entries", f"//span[{has_class('xr')}]/a/@href", ["#e-quay"]),
    ("dictionaries-entries", "//article//blockquote", 0),
    # trees (TEI nets): nested lists, a node an item; a graph's nodes and arcs lines
    ("nets-trees", "//article//ul[@class='tree']/li[@class='eTree']/ul/li/ul/li[@class='eLeaf']",
     ["ferries", "sail late"]),
    ("nets-trees", "//article//ul[@class='tree']/li[@id]", ["quay", "bollard"]),
    ("nets-trees", "//article//div[@class='arc']", ["n1 → n2", "return"]),
    ("nets-trees", "//article//p[contains(., 'in a line')]//li", 0),
    ("nets-trees", "//*[@data-tei]", 0),
    # a declaration of characters: a line each, its parts apart by semicolons
    ("gaiji-characters", "//article//div[@class='charDecl']/div", [
        "DIPUNCT; standard: ⁚; entity: dipunct", "A WITH RING; å; Decomposition_Mapping: a"]),
    ("gaiji-characters", "//*[@data-tei]", 0),
    # parts of a header quoted in a text: groups of parts, statements a line each
    ("headerparts-manual", "//article//div[@class='recording recording-audio']/div/p",
     ["A reel recorder on the quay.", "Aired once by the harbour radio."]),
    ("headerparts-manual", "//article//div[@class='textDesc']/div",
     ["spoken, face to face", "", "to record the ferry trade"]),
    ("headerparts-manual", "//article//div[@class='correspDesc']/div",
     ["Tom Quay, Portwell", "Anna Fisher"]),
    ("headerparts-manual", "//article//div[@class='titleStmt']/div",
     ["Voices of the Quay", "The Harbour Trust", "Anna Fisher"]),
    ("headerparts-manual", "//*[@data-tei]", 0),
]


@pytest.mark.parametrize(("fixture", "xpath", "expected"), ROWS,
                         ids=[f"{f}:{x}" for f, x, _ in ROWS])
def test_rule(fixture: str, xpath: str, expected: list[str] | int) -> None:
    assert_matches(page(fixture), xpath, expected)


def test_every_fixture_has_rows() -> None:
    assert {p.stem for p in CASES} <= {fixture for fixture, _, _ in ROWS}


@pytest.mark.parametrize("view", ["reading", "editorial"])
@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_page_keeps_every_word(source: Path, view: str) -> None:
    data = to_html(parse_file(source))
    assert page_texts(data, view) == expected_texts(source, view)


@pytest.mark.parametrize("source", [c for c in CASES if c.with_suffix(".txt").exists()],
                         ids=lambda p: p.stem)
def test_reading_text_golden(source: Path) -> None:
    """The reading text, where the fixture has one (``<name>.txt``)."""
    assert reading(parse_file(source)) == source.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_reading_text_keeps_every_word(source: Path) -> None:
    share, missing = coverage(parse_file(source))
    assert share == 1.0, missing


@pytest.mark.parametrize(("lang", "expected"), [
    ("ar", "rtl"), ("AR", "rtl"), ("ar-Latn", "ltr"), ("ota-Arab", "rtl"), ("az-Arab", "rtl"),
    ("he", "rtl"), ("syr", "rtl"), ("fa-IR", "rtl"), ("en", "ltr"), ("grc", "ltr"),
    ("de-1901", "ltr"), ("yi-Latn", "ltr"),
])
def test_writing_direction(lang: str, expected: str) -> None:
    assert direction(lang) == expected


@pytest.mark.parametrize(("pointer", "expected"), [
    ("#IvanSmith.1941", "Ivan Smith.1941"), ("#jan_novak", "jan novak"),
    ("people.xml#MaryOBrien", "Mary OBrien"), ("#ČapekKarel", "Čapek Karel"), ("#x", "x"),
])
def test_a_speaker_without_an_entry_is_named_by_the_pointer(pointer: str, expected: str) -> None:
    assert readable(pointer) == expected


@pytest.mark.parametrize(("who", "expected"), [
    ("Lunn, Mary, harbour master", "Lunn, Mary, harbour master"),
    ("#lunn #quay", "lunn and quay"), ("#lunn, #quay", "lunn, and quay"),
    ("MaryLunn", "Mary Lunn"),
])
def test_a_who_written_as_prose_is_shown_as_it_stands(who: str, expected: str) -> None:
    assert speaker_names(who, {}) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("<titleStmt><title>Own title</title></titleStmt>"
     "<sourceDesc><bibl><title>Source</title></bibl></sourceDesc>", "Own title"),
    ("<titleStmt><meeting>1</meeting></titleStmt>"
     "<sourceDesc><bibl><title>Minutes, 3 May</title></bibl></sourceDesc>", "Minutes, 3 May"),
    ("<titleStmt><meeting>1</meeting></titleStmt><sourceDesc><p>None.</p></sourceDesc>",
     "sitting-3-may"),
])
def test_a_document_without_a_title_is_named_by_its_source_or_id(header: str,
                                                                  expected: str) -> None:
    data = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="sitting-3-may"><teiHeader>'
            f"<fileDesc>{header}</fileDesc></teiHeader><text><body><p>Words.</p></body></text>"
            "</TEI>").encode()
    assert read_record(parse_bytes(data).getroot()).title == expected


@pytest.mark.parametrize(("identifier", "expected"), [
    ("<settlement>Oxford</settlement><idno>MS. Add. 7</idno>", ": MS. Add. 7"),
    ("<repository>Museo Civico</repository><idno>244</idno>", ": Museo Civico, 244"),
    ("<idno>244</idno>", ": 244"),
    ("<settlement>Oxford</settlement>", ""),
])
def test_a_description_is_named_by_its_shelfmark(identifier: str, expected: str) -> None:
    description = parse_bytes(f'<msDesc xmlns="http://www.tei-c.org/ns/1.0"><msIdentifier>'
                              f"{identifier}</msIdentifier></msDesc>".encode()).getroot()
    assert heading(description) == f"Description of the source{expected}"


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.stem)
def test_the_transcript_of_foreign_tei_has_no_xml_layout(source: Path) -> None:
    """The text as it stands (its words as the source runs them), without the indentation
    and the blank lines of the XML around it."""
    text = to_text(parse_file(source), "transcript")
    assert not text or (text.endswith("\n") and not text.startswith("\n"))
    assert all(line == line.strip() for line in text.split("\n"))
    assert "\n\n\n" not in text
    tree = tei_only(parse_file(source))  # an xi:fallback is no part of the TEI's text
    bodies = list(tree.getroot().iter(f"{{{TEI_NS}}}body"))
    written = set(WORD.findall(text))
    whole = set(WORD.findall(" ".join("".join(map(str, b.itertext())) for b in bodies)))
    runs = set(WORD.findall(" ".join(str(run) for b in bodies for run in b.itertext())))
    # every run of text is a word of its own (a reading, a note, a letterhead's part are
    # never run together with the next), or a part of a word the source breaks (hun|dred)
    assert all(word in written or any(word in w for w in whole & written)
               for word in runs)
