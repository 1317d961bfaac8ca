"""The reference transcript (samples/000_b27d2d1d726ed5ee.txt) encodes as its editors
would: record metadata in the header, the letter and its enclosure in the body, every
square-bracket insertion as ``supplied``, and the transcript view gives the file back."""

from __future__ import annotations

import pytest
from lxml import etree

import teikit
from teikit.exporter.text import to_bytes, to_text
from teikit.tei import NAMESPACES

from conftest import SAMPLES

SEED = SAMPLES / "000_b27d2d1d726ed5ee.txt"
INSERTIONS = [
    "To", "People’s Liberation Army", "Chinese", "North", "To the", "Zedong", "Shaoqi",
    "North", "as well as", "political", "Workers’", "Chinese Communist", "in fact",
    "questions about Peng to the Chinese Communist Party", "Chinese and Korean",
    "Kim said that", "Mao and Liu",
]


@pytest.fixture(scope="module")
def tree() -> etree._ElementTree:
    result = teikit.encode(SEED)
    assert result.diagnostics == []
    assert result.layout == "record"
    return result.tree


def xpath(tree: etree._ElementTree, path: str) -> list[etree._Element]:
    found = tree.xpath(path, namespaces=NAMESPACES)
    assert isinstance(found, list)
    return found  # type: ignore[return-value]


def texts(tree: etree._ElementTree, path: str) -> list[str]:
    return ["".join(e.itertext()) for e in xpath(tree, path)]


def test_header_carries_the_record(tree: etree._ElementTree) -> None:
    header = "/tei:TEI/tei:teiHeader"
    assert texts(tree, f"{header}/tei:fileDesc/tei:titleStmt/tei:title") == [
        "Report by Qiao Xiaoguang on a Conversation with Kim Il Sung"]
    assert texts(tree, f"{header}//tei:funder") == ["Leon Levy Foundation"]
    dates = xpath(tree, f"{header}/tei:profileDesc/tei:creation/tei:date")
    assert [d.get("when") for d in dates] == ["1959-09-21"]
    abstract = texts(tree, f"{header}/tei:profileDesc/tei:abstract/tei:p")
    assert abstract[0].startswith("Qiao Xiaoguang, the Chinese Ambassador")
    rights = texts(tree, f"{header}//tei:availability/tei:p")
    assert len(rights) == 2 and rights[1].endswith("HAPP@wilsoncenter.org.")
    decl = " ".join(texts(tree, f"{header}/tei:encodingDesc/tei:editorialDecl"))
    assert "square brackets" in decl and "supplied" in decl
    app = xpath(tree, f"{header}/tei:encodingDesc/tei:appInfo/tei:application")
    assert app[0].get("ident") == "teikit" and app[0].get("version") == teikit.__version__


def test_letter_and_enclosure_are_two_divs(tree: etree._ElementTree) -> None:
    divs = xpath(tree, "//tei:body/tei:div")
    assert [d.get("type") for d in divs] == ["letter", "enclosure"]
    assert texts(tree, "//tei:body/tei:div[2]/tei:head") == [
        "Report on a Conversation with Kim Il Sung"]
    salutes = texts(tree, "//tei:body/tei:div/tei:opener/tei:salute")
    assert salutes[0].startswith("To All Provincial") and salutes[1].startswith("To the Intern")
    assert len(xpath(tree, "//tei:body/tei:div/tei:p")) == 2


def test_signatures_and_datelines_are_closers(tree: etree._ElementTree) -> None:
    closers = xpath(tree, "//tei:body/tei:div/tei:closer")
    assert len(closers) == 2
    signed = [texts(tree, f"(//tei:closer)[{i}]/tei:signed")[0] for i in (1, 2)]
    assert signed == ["Central Committee", "Qiao Xiaoguang"]
    dates = xpath(tree, "//tei:closer/tei:dateline/tei:date")
    assert [(d.text, d.get("when")) for d in dates] == [
        ("25 September 1959", "1959-09-25"), ("21 September 1959", "1959-09-21")]


def test_all_seventeen_insertions_are_supplied(tree: etree._ElementTree) -> None:
    supplied = xpath(tree, "//tei:text//tei:supplied")
    assert ["".join(s.itertext()) for s in supplied] == INSERTIONS
    adjacent = next(s for s in supplied if s.text == "Kim said that")
    assert adjacent.tail == " " and adjacent.getnext().text == "Mao and Liu"


def test_transcript_view_is_the_seed_byte_for_byte(tree: etree._ElementTree) -> None:
    data = SEED.read_bytes()
    assert not data.endswith(b"\n") and "’".encode() in data
    assert to_bytes(tree, "transcript") == data


def test_reading_view_drops_the_brackets(tree: etree._ElementTree) -> None:
    reading = to_text(tree, "reading")
    assert "[" not in reading and "]" not in reading
    assert "Chairman Mao Zedong and Chairman Liu Shaoqi" in reading
    assert "Associated Places" not in reading
