"""Prose wrapped at a fixed width: which line breaks join, which stay.

The transcripts here are invented. A transcript typed or exported at a fixed width must
give the same paragraphs, headings and signers as the same text with one paragraph a
line, and the transcript export must still give the wrapped text back byte for byte.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import teikit
from teikit.encoder.roles.wrap import Width, width
from teikit.encoder.source import split_lines
from teikit.exporter.text import to_bytes

from conftest import DATA

NS = {"t": "http://www.tei-c.org/ns/1.0"}

PROSE = [
    "The harbour board has agreed to lease the old customs shed to the fishermen's "
    "cooperative for five years, on condition that the roof is repaired before winter.",
    "The cooperative's chairman said that his members could not pay the first year's rent "
    "in advance, and asked whether the board would accept payment in two instalments.",
    "After a long discussion the board resolved to accept two instalments, the first due "
    "on signature of the lease and the second at the end of the herring season.",
    "The secretary was asked to draft the lease and to send it to the cooperative's "
    "lawyer in Bergen, with a copy to the municipal engineer for the repairs.",
]


def _columns(text: str) -> int | None:
    lines = split_lines(text)
    return width(lines, [i for i, line in enumerate(lines) if not line.is_blank]).columns


def _wrapped(paragraphs: list[str], columns: int, blank: bool = True) -> str:
    sep = "\n\n" if blank else "\n"
    return sep.join("\n".join(textwrap.wrap(p, columns)) for p in paragraphs) + "\n"


def test_a_wrapped_transcript_shows_its_width() -> None:
    assert _columns(_wrapped(PROSE, 64)) == max(
        len(line) for line in _wrapped(PROSE, 64).splitlines())


def test_a_few_long_lines_left_unwrapped_do_not_hide_the_width() -> None:
    title = "Protocol of the Harbour Boards of Bergen and Hull on the Lease of the Old Customs Shed"
    signers = ("For the Harbour Board of Bergen and its Fishermen's Cooperative, Bergen\n"
               "A. Berg\nFor the Harbour Board of Hull and the Humber Conservancy, Hull\n"
               "T. Holm\n")
    text = title + "\n\n" + _wrapped(PROSE, 62) + "\n" + signers
    assert _columns(text) == max(len(line) for line in _wrapped(PROSE, 62).splitlines())
    root = teikit.encode_text(text).tree.getroot()
    paragraphs = root.xpath("//t:body//t:p", namespaces=NS)
    assert [" ".join("".join(p.itertext()).split()) for p in paragraphs] == PROSE


@pytest.mark.parametrize("text", [
    "\n".join(PROSE) + "\n",  # one paragraph a line, longer than any wrap
    "Minutes of the Meeting\nPresent:\nMr. A. Berg\nMrs. K. Dahl\nMr. O. Lie\n",
    "TELEGRAM\nTO FOREIGN OFFICE\nFROM OSLO\nNO. 114\nDATED 4 MAY 1961\n",
])
def test_a_transcript_without_a_width_has_none(text: str) -> None:
    assert _columns(text) is None


@pytest.mark.parametrize(("line", "after", "joined"), [
    # the next word would not have fitted: a wrap
    ("The board has agreed to lease the old customs shed to the", "fishermen's", True),
    # room for the next word: the line ended there
    ("The board has agreed to lease the shed.", "Mr. Berg", False),
    # a label, an item, a page marker start lines of their own
    ("The board has agreed to lease the old customs shed to the", "Subject: lease", False),
    ("The board has agreed to lease the old customs shed to the", "2. The rent", False),
    ("The board has agreed to lease the old customs shed to the", "(b) The rent", False),
    ("The board has agreed to lease the old customs shed to the", "Ad 2. The rent", False),
    ("The board has agreed to lease the old customs shed to the", "Article 4 The rent", False),
    ("The board has agreed to lease the old customs shed to the", "[Page 2]", False),
    ("The board has agreed to lease the old customs shed to the", "Rights", False),
    # a title that ends on a capitalised word, over a sentence: two lines
    ("Report of the Harbour Board on the Lease of the Customs Shed Bergen",
     "Translated with the support of the Sandvik Fund", False),
    # a title wrapped after a preposition goes on
    ("Report of the Harbour Board on the Lease of the Old Customs Shed in",
     "Bergen", True),
    # a sentence's end over a short line with no final stop: a name, not the rest
    ("The meeting closed at a quarter past eleven in the evening, as usual.",
     "A. Berg", False),
    # ... but a title's abbreviation is no sentence's end
    ("Note from the Legation in Oslo on a Conversation with the Consul, Dr.",
     "Halvard Lie", True),
    # a mark alone on its line, a salutation, a date line under a heading: lines of their own
    ("Report of the Harbour Board on the Lease of the Old Customs Shed Bergen",
     "[handwritten: To the chairman. Urgent.]", False),
    ("Report of the Harbour Board on the Lease of the Old Customs Shed Bergen",
     "Monsieur le Directeur,", False),
    ("Minutes of the Joint Commission of the Harbour Boards of Bergen and Hull",
     "Session of 20.5.1969", False),
    # a funding line and the letterhead under it
    ("Translated with the support of the Sandvik Family Fund and Foundation",
     "Harbour Board of Bergen", False),
    # a heading wrapped in a name goes on, even with a year in it
    ("Protocol on the Delivery of Rice Mills by the Government of the People's",
     "Republic of China to the Union of Burma in 1965", True),
    # a page turned in mid-sentence, its marker at the start of the next line: a wrap
    ("The board has agreed to lease the old customs shed to the fishermen's",
     "[p. 3] cooperative for five years", True),
    ("The board has agreed to lease the old customs shed to the fishermen's",
     "[Page 3] The cooperative", False),
    # a sentence going on after a semicolon, with a colon in it, is no label
    ("Present for the board: the chairman, the secretary and the engineer;",
     "for the cooperative: its chairman", True),
    ("Present for the board: the chairman, the secretary and the engineer;",
     "cc: Municipal engineer", False),
    # notes under a text, one a line, each opening with its number
    ("¹ The lease of 1953 ran for three years and lapsed with the old board.",
     "² Cf. the minutes of 4 May.", False),
    ("[1] The lease of 1953 ran for three years and lapsed with the old board.",
     "[2] Cf. the minutes of 4 May.", False),
    # a line of another kind under a title: a funding line, a date line, authors
    ("Protocol on the Lease of the Customs Shed between the Board and the Guild, 1957",
     "This translation was funded by the Sandvik Fund", False),
    ("Field notebook of Dr. Ingrid Berg, survey of the herring grounds off Bergen, 1957",
     "Wednesday 6th March 1957", False),
    ("Technical note 4: the silting of the inner harbour of Bergen, winter season 1957",
     "Bergen, 30 November 1957", False),
    ("Salinity of the water in the inner harbour and the outer roads of Bergen in 1957",
     "J. Berg, M. Dahl", False),
    # ... but the rest of a name or a title goes on
    ("Letter from the Harbour Board of Bergen to the Fishermen's Cooperative Trade",
     "Representation, 20 September 1956", True),
    ("Field notebook of Dr. Ingrid Berg, survey of the herring grounds of the Lake",
     "Rukwa basin, 1957", True),
    ("Present: Mrs. E. Berg (in the chair), Mr. T. Dahl (Secretary), Mrs. K. Lie, Mr.",
     "J. Novak, Miss D. Holm, Mr. L. Vik.", True),
    # a capitalised grammar word opens a new sentence under a line with no end to its own
    ("Report on the orders placed with the shipyards of Turku and Rauma in May",
     "The orders will keep the yards employed for three years.", False),
    ("Report on the orders placed with the shipyards of Turku and Rauma in May",
     "THE ORDERS WILL KEEP THE YARDS EMPLOYED", True),
    # a signer's name under 'For the …', not the end of a wrapped line
    ("For the Ministry of Fisheries of the Kingdom of Norway and its Harbour",
     "Halvard Lie", False),
])
def test_which_breaks_are_wraps(line: str, after: str, joined: bool) -> None:
    assert Width(max(68, len(line))).wraps(line, after) is joined


def test_a_capitalised_line_over_a_sentence_that_runs_on_is_one_paragraph() -> None:
    line = "Report of the Harbour Board on the Lease of the Old Customs Shed Bergen"
    after = "Prepared for the members of the board by the secretary, A. Berg."
    assert not Width(72).wraps(line, after, then=None)  # a line under a title
    assert Width(72).wraps(line, after, then="Halvorsen")  # a paragraph that runs on


def test_a_bracket_left_open_carries_the_line_on_past_a_label() -> None:
    line = "The lease was signed the same day [Translator's"
    assert not Width(48).wraps(line, "Note: in Bergen.]")
    assert Width(48).wraps(line, "Note: in Bergen.]", in_bracket=True)
    # a label in lower case, not a known field label, goes on a sentence anyway
    assert Width(48).wraps("The lease was signed the same day [Note by the",
                           "translator: in Bergen.]")


def test_without_a_width_only_a_lower_case_continuation_joins() -> None:
    plain = Width(None)
    assert plain.wraps("the board has agreed to lease the old customs shed to the",
                       "fishermen's cooperative")
    assert not plain.wraps("the board has agreed to lease the old customs shed to the",
                           "Fishermen's cooperative")


def test_a_wrapped_letter_reads_like_its_unwrapped_self() -> None:
    head = ("HARBOUR BOARD OF BERGEN\nBergen, 2 October 1957\n\n"
            "To the Fishermen's Cooperative, Bergen\n\nDear Sirs,\n\n")
    foot = "\nYours faithfully,\n\nA. Berg\nSecretary\n"
    plain = teikit.encode_text(head + "\n\n".join(PROSE) + "\n" + foot)
    wrapped = teikit.encode_text(head + _wrapped(PROSE, 60) + foot)
    for result in (plain, wrapped):
        root = result.tree.getroot()
        paragraphs = root.xpath("//t:body//t:p", namespaces=NS)
        assert [" ".join("".join(p.itertext()).split()) for p in paragraphs] == PROSE
        assert [s.text for s in root.xpath("//t:signed", namespaces=NS)] == ["A. Berg"]
        assert root.xpath("//t:salute", namespaces=NS)


def test_a_note_over_two_lines_is_one_note() -> None:
    text = _wrapped([PROSE[0] + " [Translator's note: the original gives the rent in "
                     "kroner per square metre.] " + PROSE[1], PROSE[2]], 58)
    result = teikit.encode_text(text)
    notes = result.tree.getroot().xpath("//t:note[@type='translator']", namespaces=NS)
    assert len(notes) == 1
    assert to_bytes(result.tree, "transcript") == text.encode()


_WORD = st.text(alphabet="abcdefghklmnoprstuwyz", min_size=2, max_size=11)
"""Words of two letters or more, never roman numerals: a line that opens with ``a.`` or
``iv.`` is an item's number."""
_SENTENCE = st.lists(_WORD, min_size=4, max_size=18).map(
    lambda words: " ".join(words).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=2, max_size=5).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=2, max_size=6), st.integers(min_value=48, max_value=100),
       st.booleans())
def test_wrapped_paragraphs_come_back_whole(paragraphs: list[str], columns: int,
                                            blank: bool) -> None:
    """Paragraphs wrapped at any width, with or without blank lines between them when
    each ends short of the width, are read as the same paragraphs and read back."""
    text = _wrapped(paragraphs, columns, blank=True)
    if not blank:  # single-spaced: a paragraph's last line must show where it ends, short
        # of the widest line typed (which may fall short of ``columns``)
        widest = max(len(line) for p in paragraphs for line in textwrap.wrap(p, columns))
        last_lines = [textwrap.wrap(p, columns)[-1] for p in paragraphs[:-1]]
        if any(len(line) > widest - 14 for line in last_lines):
            blank = True
        else:
            text = _wrapped(paragraphs, columns, blank=False)
    result = teikit.encode_text(text)
    assert to_bytes(result.tree, "transcript") == text.encode()
    found = result.tree.getroot().xpath("//t:body//t:p", namespaces=NS)
    if _columns(text) is not None:
        assert ["".join(p.itertext()).split() for p in found] == [
            p.split() for p in paragraphs]


@pytest.mark.parametrize(("mark", "xpath"), [
    ("[Omitted here is a list of\nthe firms concerned.]", "//t:gap[@reason='editorial']"),
    ("[1 paragraph not\ndeclassified]", "//t:gap[@reason='redacted']"),
    ("[2 words\nillegible]", "//t:gap[@reason='illegible']"),
    ("[underlined in\nthe original]", "//t:note[@type='editorial']"),
    ("[illegible\nsignature]", "//t:gap"),
    ("[Page\n612]", "//t:pb[@n='612']"),
    ("[p.\niv]", "//t:pb[@n='iv']"),
])
def test_a_bracket_broken_over_two_lines_keeps_its_meaning(mark: str, xpath: str) -> None:
    text = f"The harbour board agreed to the lease {mark} and closed the meeting.\n"
    result = teikit.encode_text(text)
    assert result.tree.getroot().xpath(xpath, namespaces=NS)
    assert not result.tree.getroot().xpath("//t:supplied", namespaces=NS)
    assert to_bytes(result.tree, "transcript") == text.encode()


def test_a_wrapped_entry_of_the_notes_or_references_stays_whole() -> None:
    body = _wrapped([PROSE[0][:-1] + " in the spring.[1] " + PROSE[1]], 60)
    notes = ("Notes\n1. The lease of 1953 had been for three years only and was not renewed\n"
             "when the board changed its chairman in the following winter.\n")
    text = body + "\n" + notes
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    [note] = root.xpath("//t:back//t:note", namespaces=NS)
    assert "following winter" in "".join(note.itertext())
    assert teikit.is_valid(result.tree)
    assert to_bytes(result.tree, "transcript") == text.encode()


def test_a_wrapped_note_keeps_its_footnotes_and_its_page_turned_mid_sentence() -> None:
    body = _wrapped([PROSE[0][:-1] + ".¹", PROSE[1][:-1] + " [p. 3] at the end of the "
                     "herring season.² " + PROSE[2]], 62)
    notes = ("______\n¹ The lease of 1953 ran for three years and lapsed with the old board.\n"
             "² Cf. the minutes of the board of 4 May 1957, item three.\n")
    text = ("Note for the Harbour Board\n\n" + body
            + "\nA. Berg\nSecretary\nBergen, 2 October 1957\n" + notes)
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    assert len(root.xpath("//t:note[@type='footnote']", namespaces=NS)) == 2
    [page] = root.xpath("//t:body//t:pb", namespaces=NS)
    assert "herring season" in "".join(page.getparent().itertext())
    assert [s.text for s in root.xpath("//t:signed", namespaces=NS)] == ["A. Berg"]
    assert to_bytes(result.tree, "transcript") == text.encode()


_LINES = sorted({line for path in (DATA / "roles").glob("*.txt")
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LINES), st.booleans()), min_size=1, max_size=20),
       st.integers(min_value=40, max_value=100))
def test_any_mixture_of_wrapped_lines_gives_valid_tei(lines: list[tuple[str, bool]],
                                                      columns: int) -> None:
    """Lines of every family, wrapped at any width, blank lines here and there: the TEI
    validates and the transcript export gives the text back."""
    out: list[str] = []
    for line, blank in lines:
        out.extend(textwrap.wrap(line, columns) or [line])
        if blank:
            out.append("")
    text = "\n".join(out) + "\n"
    result = teikit.encode_text(text)
    assert teikit.is_valid(result.tree)
    assert to_bytes(result.tree, "transcript") == text.encode()


@pytest.mark.parametrize(("mark", "xpath", "scope"), [
    ("“demurage\n[sic!] charges", "//t:sic", "demurage"),
    ("to\n[sic] short", "//t:sic", "to"),
    ("Kysucké\n[?] district", "//t:unclear", "Kysucké"),
])
def test_a_mark_that_opens_the_next_line_applies_to_the_word_above(
        mark: str, xpath: str, scope: str) -> None:
    text = _wrapped([PROSE[0], PROSE[1]], 60).replace(
        "in two instalments.", f"in two instalments, {mark} at the end.") + "\n" + (
        _wrapped([PROSE[2]], 60))
    text = text.replace(mark.replace("\n", " "), mark)  # keep the break before the mark
    result = teikit.encode_text(text)
    [found] = result.tree.getroot().xpath(xpath, namespaces=NS)
    assert "".join(found.itertext()).strip() == scope
    assert teikit.is_valid(result.tree)
    assert to_bytes(result.tree, "transcript") == text.encode()


def test_the_lists_of_a_wrapped_record_keep_one_entry_a_line() -> None:
    record = (Path(DATA / "roles" / "record_wrapped.txt").read_text(encoding="utf-8")
              .replace("Associated People & Organizations\nTextilimport\n",
                       "Associated People & Organizations\n"
                       "Federation of Wool Growers and Wool Washers of the Republic of Uruguay\n"
                       "Foreign Trade Enterprise Textilimport\n"))
    result = teikit.encode_text(record)
    people = result.tree.getroot().xpath("//t:particDesc//t:orgName | //t:particDesc//"
                                         "t:persName", namespaces=NS)
    assert ["".join(p.itertext()) for p in people] == [
        "Federation of Wool Growers and Wool Washers of the Republic of Uruguay",
        "Foreign Trade Enterprise Textilimport"]
    assert to_bytes(result.tree, "transcript") == record.encode()


def test_a_wrapped_record_summary_right_under_its_authors_is_one_paragraph() -> None:
    summary = ("The consul in Bergen reports that the harbour board will lease the old "
               "customs shed to the fishermen's cooperative and asks for instructions on "
               "the rent.")
    record = "\n".join([
        "May 3, 1957", "Report of the Consulate in Bergen on the Customs Shed",
        "Translated with the support of the Sandvik Fund", *textwrap.wrap(PROSE[0], 66),
        *textwrap.wrap(PROSE[1], 66), "A. BERG", "Author(s):", "Berg, Anders",
        *textwrap.wrap(summary, 66), "Associated People & Organizations", "Berg, Anders",
        "Document Information", "Source", "Consular files, Oslo, box 14.", "Original Archive",
        "Consular files, Oslo", "Rights", "For research and teaching only."])
    root = teikit.encode_text(record).tree.getroot()
    [abstract] = root.xpath("//t:abstract/t:p", namespaces=NS)
    assert " ".join("".join(abstract.itertext()).split()) == summary


def test_paragraphs_opened_by_an_indent_take_the_flush_lines_under_them() -> None:
    """Without blank lines, an indented first line opens each paragraph; the lines flush
    with the margin under it go on its text, even after a sentence's end."""
    from teikit.encoder.roles.wrap import goes_on_flush, indented_openers
    from teikit.encoder.source import Line as SourceLine

    texts = ["    The first paragraph opens here and runs on", "to its end.",
             "A second sentence of it.", "    The second paragraph opens here again",
             "and ends.", "J. Smith"]
    lines = [SourceLine(n, text, "\n", 0) for n, text in enumerate(texts)]
    assert indented_openers(lines, range(len(texts))) == {0, 3}
    assert goes_on_flush(texts[1], texts[2])
    assert not goes_on_flush(texts[4], texts[5])  # a name under the text
    assert not goes_on_flush(texts[0], "2. An item of its own")
    assert indented_openers(lines[:3], range(3)) == set()  # one indent proves nothing


def test_a_line_of_only_a_line_separator_is_no_wrapped_line() -> None:
    """``\\u2028`` is whitespace to ``str.split`` but not a blank of the transcript: a
    line of it under an open bracket ends the paragraph instead of crashing."""
    import teikit
    from teikit.exporter.text import to_bytes

    text = "[\n\u2028\n\n["
    result = teikit.encode(text)
    assert to_bytes(result.tree, "transcript") == text.encode()


@pytest.mark.parametrize("rest", ["\u2028", "\x1c", "\x85 "])
def test_a_next_line_of_characters_python_counts_as_spaces_fills_nothing(rest: str) -> None:
    """The line under a full one holds no word, only a separator Python's ``split`` takes
    for a space: nothing of it could have fitted (this crashed an encoding)."""
    assert Width(40).fills("x" * 38, rest) is False
