"""Tokenised TEI (one ``w`` or ``pc`` a line) read as running text: the whitespace between
a word and the punctuation that closes on it or opens before it is left out, and nothing
else (:mod:`teikit.exporter.tokens`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teikit.exporter.tokens import joined
from teikit.tei import TEI_NS

CASES = [
    # closing punctuation, through an element's end and a sentence's start
    ("<s><w>end</w>\n<pc>.</pc>\n</s>\n<s><pc>”</pc>\n<w>said</w></s>", "end.”\nsaid"),
    ("<rs><w>Henry</w> </rs>\n<pc>,</pc>\n<w>who</w>", "Henry,\nwho"),
    # opening punctuation, into an element's start
    ("<w>said</w>\n<pc>“</pc>\n<rs> <w>go</w></rs>", "said\n“go"),
    ("<pc>(</pc> <w>1901</w> <pc>)</pc>", "(1901)"),
    # comments are passed over; a line break stops the walk
    ("<w>a</w>\n<!-- c -->\n<pc>,</pc>", "a,"),
    ("<w>a</w>\n<lb/>\n<pc>,</pc>", "a\n,"),
    # punctuation typed as such on a seg, w or c is a pc; other types are words
    ("<w>sele</w>\n<seg type='pc'>,</seg>\n<w>lip</w>", "sele,\nlip"),
    ("<w>ere</w> <w type='punct'>.</w>", "ere."),
    ("<w>ere</w> <seg type='word'>.</seg>", "ere ."),
    # @join says how; other signs keep their spaces
    ("<w>x</w> <pc join='both'>-</pc> <w>y</w>", "x-y"),
    ("<w>Wait</w> <pc join='no'>!</pc>", "Wait !"),
    ("<w>x</w> <pc>—</pc> <w>y</w> <pc>·</pc> <w>z</w>", "x — y · z"),
    # tokens side by side with nothing between them are spaced, unless they join
    ("<l><w>Keep</w><w>faith</w><pc>,</pc><w>friend</w><pc>.</pc></l>", "Keep faith, friend."),
    ("<w>say</w><pc>(</pc><w>so</w><pc>)</pc><w>now</w>", "say (so) now"),
    ("<w join='right'>l</w><w>'oiseau</w><w>vole</w>", "l'oiseau vole"),
    ("<w>Berg</w><w join='left'>-</w><w join='left'>bahn</w>", "Berg-bahn"),
    ("<w>a</w><seg>b</seg><w>c</w>", "abc"),  # only tokens are spaced
    # so are the parts of a name
    ("<persName><forename>Mary</forename><roleName>Dr</roleName><surname>Lunn</surname>"
     "</persName>", "Mary Dr Lunn"),
    ("<persName><nameLink>van</nameLink><surname>Dijk</surname></persName>", "van Dijk"),
    ("<persName><forename>Jo</forename>-<forename>Ann</forename></persName>", "Jo-Ann"),
]


def paragraph(content: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(f'<p xmlns="{TEI_NS}">{content}</p>'))


@pytest.mark.parametrize(("content", "expected"), CASES, ids=[c for c, _ in CASES])
def test_punctuation_is_joined(content: str, expected: str) -> None:
    assert "".join(joined(paragraph(content)).getroot().itertext()) == expected


def test_a_text_without_pc_is_the_tree_itself_and_the_tree_is_never_changed() -> None:
    plain = paragraph("<w>story</w> , <w>told</w>")
    assert joined(plain) is plain
    tokenised = paragraph("<w>story</w>\n<pc>,</pc>")
    before = etree.tostring(tokenised)
    assert joined(tokenised) is not tokenised
    assert etree.tostring(tokenised) == before


WORDS = st.from_regex(r"[A-Za-z]{1,6}", fullmatch=True)
MARKS = st.sampled_from([",", ".", "“", "”", "(", ")", "—", "!", "‘", "’"])
TOKENS = st.lists(st.one_of(WORDS.map(lambda w: ("w", w)), MARKS.map(lambda m: ("pc", m))),
                  min_size=1, max_size=30)


@given(TOKENS, st.sampled_from(["", " ", "\n", "\n  "]))
def test_words_are_never_joined_to_words(tokens: list[tuple[str, str]], gap: str) -> None:
    tree = paragraph(gap.join(f"<{tag}>{text}</{tag}>" for tag, text in tokens))
    text = "".join(joined(tree).getroot().itertext())
    assert re.findall(r"[A-Za-z]+", text) == [t for tag, t in tokens if tag == "w"]
