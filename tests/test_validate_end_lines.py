"""The line of each element's end tag, worked out from the tree
(:func:`teikit.validator.recover.endtags.end_line`), is the line expat reports the end tag
on, for every element of a teikit sample and of a document with comments, processing
instructions, empty elements and text across lines."""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

import pytest
from lxml import etree

from teikit import tei
from teikit.validator.recover.endtags import end_line

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "output" / (
    "memorandum_harbour_talks.xml")
MIXED = b"""<?xml version="1.0"?>
<root>
  <a>text
  over lines</a>
  <b><c/>
    <!-- a comment
    over lines -->
  </b>
  <d><e>one</e><?pi over
  lines?></d><f
  />
  <g>
    <h>
    </h>
  </g></root>
"""


def _expat_end_lines(data: bytes) -> list[int]:
    """The line of each end tag in document order of the start tags."""
    lines: list[int] = []
    open_: list[int] = []
    parser = expat.ParserCreate()

    def start(name: str, attributes: dict[str, str]) -> None:
        open_.append(len(lines))
        lines.append(0)

    def end(name: str) -> None:
        lines[open_.pop()] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return lines


@pytest.mark.parametrize("data", [MIXED, SAMPLE.read_bytes()], ids=["mixed", "sample"])
def test_end_lines_are_the_end_tags(data: bytes) -> None:
    tree = tei.parse_bytes(data)
    found = [end_line(element, lambda _: 0) for element in tree.iter(etree.Element)]
    assert found == _expat_end_lines(data)


def test_content_included_ends_where_its_include_was() -> None:
    tree = tei.parse_bytes(b"<root>\n<a>\n<b/>\n</a>\n</root>")
    included = tree.find("a/b")
    assert end_line(tree.getroot(), lambda element: 9 if element is included else 0
                    ) == 9 + 2
