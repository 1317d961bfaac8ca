"""The oracle of the complete check (libxml2 on a grammar pruned so that any element may be
the root) is built for vocabularies that reach deep into the grammar's definitions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from teikit.tei import parse_bytes, parse_file
from teikit.validator.recover.oracle import Oracle
from teikit.validator.vocabulary import vocabulary_of

LETTER = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>
</sourceDesc></fileDesc></teiHeader><text><body><div><head>h</head><p>a <hi>b</hi></p>
<list><item>c</item></list></div></body></text></TEI>"""


def test_an_oracle_is_built_even_when_pruning_needs_more_room_than_python_gives(
        tei_all: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", "off")
    grammar = parse_file(tei_all).getroot()
    document = parse_bytes(LETTER)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(_stack()) + 60)  # far less than the pruning recurses
    try:
        oracle = Oracle(grammar, "digest", vocabulary_of(document))
    finally:
        sys.setrecursionlimit(limit)
    body = document.getroot().find(".//{*}body")
    assert isinstance(body, etree._Element)
    assert oracle(body)
    body.append(etree.Element("{http://www.tei-c.org/ns/1.0}head"))  # a head at the end
    assert not oracle(body)


def _stack() -> list[object]:
    import inspect

    return list(inspect.stack(0))
