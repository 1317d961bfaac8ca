"""The transcript view of TEI teikit did not write: the text as it stands, no two words
run together where the XML sets them apart (:mod:`teikit.exporter.text.standing`)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.exporter.text import to_text
from teikit.tei import TEI_NS

CASES = [
    # a choice: the source's reading; the reading view has the other
    ("<p>the <choice><sic>harbur</sic><corr>harbour</corr></choice> wall</p>",
     "the harbur wall"),
    ("<p><choice><expan>Mister</expan><abbr>Mr</abbr></choice> Lunn</p>", "Mr Lunn"),
    ("<p><choice><orig>quaye</orig><reg>quay</reg></choice></p>", "quaye"),
    # readings neither view shows follow in brackets
    ("<p>a <choice><seg>grey</seg><seg>gray</seg><seg>grie</seg></choice> gull</p>",
     "a grey [gray] [grie] gull"),
    # an apparatus entry: the lemma, then its variants
    ("<l>row <app><lem>to</lem><rdg>unto</rdg><rdg>toward</rdg></app> shore</l>",
     "row to [unto; toward] shore"),
    ("<l>row<app><lem>eth</lem><rdg>s</rdg></app> on</l>", "roweth [s] on"),
    ("<l><app><rdg>first</rdg><rdg>second</rdg></app></l>", "first [second]"),
    # a note stands apart from the words around it
    ("<p>tides<note>ebb and flow</note>rise</p>", "tides [ebb and flow] rise"),
    ("<p>end.<note>  </note> Next</p>", "end. Next"),
    # blocks, lines and line breaks start a line where the XML has no whitespace
    ("<lg><l>one line</l><l>two lines</l></lg>", "one line\ntwo lines"),
    ("<l>ebb<caesura/>flow</l>", "ebb flow"),
    ("<p>first<lb/>second<lb break='no'/>half</p>", "first\nsecondhalf"),
    ("<p>first\n<lb/>second</p>", "first\nsecond"),
    # inline quotations stay in their sentence
    ("<p>he said „<quote>go</quote>“ twice</p>", "he said „go“ twice"),
    # tokens with nothing between them are spaced
    ("<l><w>Keep</w><w>faith</w><pc>,</pc><w>friend</w></l>", "Keep faith, friend"),
]


def document(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{body}</body></text></TEI>'))


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c for c, _ in CASES])
def test_the_text_as_it_stands(body: str, expected: str) -> None:
    assert to_text(document(body), "transcript") == expected + "\n"


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c for c, _ in CASES])
def test_every_word_is_in_the_transcript_or_the_reading_view(body: str,
                                                             expected: str) -> None:
    tree = document(body)
    words = set(re.findall(r"\w+", to_text(tree, "transcript") + to_text(tree, "reading")))
    runs = [str(run) for run in tree.getroot().itertext()]
    # each run's words, whole or as the part of a word the source breaks (row|eth)
    assert all(any(word in written for written in words)
               for run in runs for word in re.findall(r"\w+", run))
