"""Hostile or careless TEI exports in every view without an error or a runaway: numbers
in attributes that are no numbers (``²``, half a million digits, a billion columns), a
control character that names no code point, notes nested in notes."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest

from teikit import ExportOptions, export_file
from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

VIEWS = (("html", "reading"), ("html", "editorial"), ("text", "reading"),
         ("text", "transcript"))


def document(body: str) -> bytes:
    return (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Tide Tables'
            "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
            f"<p>x</p></sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text>"
            "</TEI>").encode()


HUGE = "7" * 5000  # past Python's 4300 digits of int(str)
NUMBERS = document(
    f'<div type="edition"><ab><lb n="²"/>salt <gap reason="lost" quantity="²" '
    f'unit="character"/> <lb n="{HUGE}"/>brine <gap reason="lost" quantity="{HUGE}" '
    f'unit="character"/></ab></div><lg><l n="{HUGE}">a long line</l><l n="x²">short</l>'
    f'</lg><p>tide<lb n="{HUGE}"/>turns <g type="control" n="U+110000">?</g> '
    f'<g type="control" n="U+zz">!</g> <g type="control" n="U+0041">a</g></p>'
    f'<table><row><cell cols="999999999" rows="999999999">ebb</cell><cell cols="²">flood'
    f'</cell></row><row><cell cols="{HUGE}">neap</cell><cell>spring</cell></row></table>')


@pytest.mark.parametrize(("to", "view"), VIEWS)
def test_numbers_that_are_no_numbers_render_as_text(to: str, view: str) -> None:
    out = export(parse_bytes(NUMBERS), to, view).decode()
    for word in ("salt", "brine", "long line", "tide", "turns", "ebb", "flood", "neap"):
        assert word in out
    assert len(out) < 200_000  # no billion tabs


def test_a_span_is_bounded_and_a_control_character_is_read_when_it_names_one() -> None:
    text = export(parse_bytes(NUMBERS), "text", "reading").decode()
    assert "ebb" + "\t" * 1000 + "flood" in text
    assert "turns ? ! A" in text


NESTED = document("<p>Shoals<note>first<note>second</note> end</note> ahead.</p>")


def test_a_note_in_a_note_is_one_footnote() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(NESTED), "html"))
    items = page.xpath("//section[contains(@class, 'footnotes')]//li")
    assert len(items) == 2
    assert "second" in items[0].text_content()
    assert "first" in items[1].text_content()


def test_notes_nested_deeply_do_not_double_at_each_level() -> None:
    depth = 14
    deep = document(f"<p>x{'<note>' * depth}inmost{'</note>' * depth}</p>")
    for view in ("reading", "editorial"):
        assert len(export(parse_bytes(deep), "html", view)) < 200_000


def test_a_page_grows_with_the_depth_of_nested_notes_not_its_square() -> None:
    sizes = []
    for depth in (100, 200):
        deep = document(f"<p>x{'<note>' * depth}inmost{'</note>' * depth}</p>")
        sizes.append(len(export(parse_bytes(deep), "html")))
    assert sizes[1] - sizes[0] < 1.5 * (sizes[0] - 26_000)


def test_apps_nested_in_readings_are_walked_once(tmp_path: Path) -> None:
    depth = 1000  # each app once walked every app below it: 7 s, now 0.3 s
    source = tmp_path / "variants.xml"
    source.write_bytes(document(
        f"<p>{'<app><lem>' * depth}kept{'</lem><rdg>variant</rdg></app>' * depth}</p>"))
    started = time.perf_counter()
    result = export_file(source, ExportOptions(to="html", validate=False))
    assert result.data is not None and b"kept" in result.data
    assert time.perf_counter() - started < 4
