"""Passages in another script carry their own xml:lang (teikit.encoder.passages): the cases
below are invented transcripts; the property checks the rule on any mix of scripts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teikit.encoder import encode_text, passages
from teikit.tei import E, tei, xml

from conftest import ROOT

GRAMMAR = etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "teikit.rng")))
LETTER = ("Dear Comrade Minister,\nI write to inform you that the talks concluded in the "
          "capital on the morning of the second of March, and that the delegation will "
          "return by train.\n")


def marked(root: etree._Element) -> list[tuple[str, str, str]]:
    """(element, xml:lang, its text) for every element of ``text`` that has xml:lang."""
    found = root.find(tei("text"))
    assert found is not None
    return [(etree.QName(e).localname, e.get(xml("lang")) or "", "".join(e.itertext()))
            for e in found.iter(etree.Element) if e.get(xml("lang")) is not None]


def declared(root: etree._Element) -> list[str]:
    return [str(x) for x in root.xpath("//t:langUsage/t:language/@ident",
                                         namespaces={"t": "http://www.tei-c.org/ns/1.0"})]


CASES = [
    pytest.param(LETTER + "With respect,\nА. Пузанов\n",
                 [("signed", "und-Cyrl", "А. Пузанов")], ["en", "und-Cyrl"],
                 id="a Cyrillic signature: the script, the language undetermined"),
    pytest.param(LETTER + "Pyongyang, 一九六二年三月三日\nA. Puzanov\n",
                 [("date", "zh", "一九六二年三月三日")], ["en", "zh"],
                 id="a date in Chinese characters inside a Latin dateline"),
    pytest.param(LETTER + "東京にて、昭和三十七年三月三日\nA. Puzanov\n",
                 [("seg", "ja", "東京にて、昭和三十七年三月三日")], ["en", "ja"],
                 id="kana and Han together are Japanese"),
    pytest.param(LETTER + "Он сказал, что все вопросы были решены и что делегация вернётся "
                 "в Москву в понедельник, как это было условлено.\nWith respect,\nA. Puzanov\n",
                 [("p", "ru", "Он сказал, что все вопросы были решены и что делегация "
                   "вернётся в Москву в понедельник, как это было условлено.")], ["en", "ru"],
                 id="a paragraph whose words show Russian"),
    pytest.param(LETTER + "The seal reads Пузанов and the date.\nWith respect,\nA. Puzanov\n",
                 [], ["en"], id="a word inside a Latin line is not an element: left alone"),
    pytest.param(LETTER + "With respect,\nЮ\n", [], ["en"],
                 id="one letter is too little to mark"),
]


@pytest.mark.parametrize(("text", "expected", "languages"), CASES)
def test_passages_in_another_script(text: str, expected: list[tuple[str, str, str]],
                                    languages: list[str]) -> None:
    root = encode_text(text, layout="letter").tree.getroot()
    assert marked(root) == expected
    assert declared(root) == languages
    assert GRAMMAR.validate(root.getroottree()), GRAMMAR.error_log


def test_a_declared_passage_is_left_as_it_is() -> None:
    text = E.text(E.body(E.p("The report of the delegation."),
                         E.p(E.signed("Пузанов", {xml("lang"): "ru"}))))
    assert passages.mark(text) == []
    assert [e.get(xml("lang")) for e in text.iter(tei("signed"))] == ["ru"]


def test_names_of_undetermined_tags() -> None:
    assert passages.name("und-Cyrl") == "undetermined (Cyrillic script)"
    assert passages.name("zh") == "Chinese"


WORDS = st.sampled_from(["report", "delegation", "Пузанов", "встреча", "一九六二年",
                         "東京へ", "Μαΐου", "서울", "1962", "—", "!"])
TREES = st.recursive(
    st.lists(WORDS, max_size=4).map(lambda words: (" ".join(words), [])),
    lambda inner: st.tuples(st.lists(WORDS, max_size=3).map(" ".join),
                            st.lists(inner, max_size=4)),
    max_leaves=20)


def build(node: tuple[str, list[object]]) -> etree._Element:
    text, children = node
    element = E.seg(text)
    for child in children:
        assert isinstance(child, tuple)
        element.append(build(child))
        element[-1].tail = " tail "
    return element


def _script(char: str) -> str | None:
    found = passages.language.script(char)
    return "Han" if found == "Kana" else found


@given(TREES)
def test_marking_keeps_the_text_and_marks_only_the_outermost_single_script_element(
        tree: tuple[str, list[object]]) -> None:
    text = E.text(E.body(E.p("the report of the delegation", build(tree))))
    before = "".join(text.itertext())
    counted = Counter(_script(c) for c in before) - Counter({None: len(before)})
    main = counted.most_common(1)[0][0] if counted else None  # the document's own script
    given_tags = passages.mark(text)
    assert "".join(text.itertext()) == before
    tagged = [e for e in text.iter(etree.Element) if e.get(xml("lang")) is not None]
    assert sorted({e.get(xml("lang")) for e in tagged}) == sorted(given_tags)
    for element in tagged:
        scripts = {_script(c) for c in "".join(element.itertext())} - {None}
        assert len(scripts) == 1 and main not in scripts
        assert not any(a.get(xml("lang")) for a in element.iterancestors())


def test_the_goldens_declare_every_language_they_use() -> None:
    for path in sorted((ROOT / "tests" / "data" / "encode").rglob("*.xml")):
        root = etree.parse(str(path)).getroot()
        used = {e.get(xml("lang")) for e in root.iter(etree.Element)} - {None}
        assert used <= set(declared(root)), (Path(path).name, used)
