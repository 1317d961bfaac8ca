"""A large document's vocabulary read from its first elements and its last bytes
(:mod:`teikit.validator.tail`), and the strict pruning that makes such a guess safe: a
verdict of valid is never given on a guessed vocabulary that a stub would have let
through."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit import tei
from teikit.validator import Options, load_schema, stream
from teikit.validator.engine import backends
from teikit.validator.relaxng import PRUNE_ABOVE, RelaxNGBackend
from teikit.validator.tail import tail_vocabulary

T = "{urn:t}"
TAILS = [  # (last bytes, namespaces in force, (parent, child) pairs, (element, attribute))
    (b'x</p></div></body><back><div type="n"><note xml:id="a"/></div></back></text></TEI>',
     {None: "urn:t"},
     {(f"{T}div", f"{T}p"), (f"{T}body", f"{T}div"), (f"{T}text", f"{T}body"),
      (f"{T}text", f"{T}back"), (f"{T}back", f"{T}div"), (f"{T}div", f"{T}note"),
      (f"{T}TEI", f"{T}text")},
     {(f"{T}div", "type"), (f"{T}note", f"{{{tei.XML_NS}}}id")}),
    (b'ue">t</hi><!-- <fake/> --><q:w xmlns:q="urn:q" q:n=\'1\'><![CDATA[<no/>]]></q:w>'
     b"</p>", {None: "urn:t"},
     {(f"{T}p", f"{T}hi"), (f"{T}p", "{urn:q}w")}, {("{urn:q}w", "{urn:q}n")}),
    (b'<a b="x > y"><c/></a>', {}, {("a", "c")}, {("a", "b")}),
]


@pytest.mark.parametrize(("data", "scope", "pairs", "attributes"), TAILS)
def test_the_tags_of_the_last_bytes(data: bytes, scope: dict[str | None, str],
                                    pairs: set[tuple[str, str]],
                                    attributes: set[tuple[str, str]], tmp_path: Path) -> None:
    path = tmp_path / "end.xml"
    path.write_bytes(b"<ignored-beyond-the-size>" + data)
    assert tail_vocabulary(path, len(data), scope) == (pairs, attributes)


# body holds parts and then one `end`, which must hold a `sig`: padded past PRUNE_ABOVE so
# that the grammar is pruned (and a stub `end` would accept an empty one)
GRAMMAR = f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t">
<!--{"padding " * (PRUNE_ABOVE // 8 + 64)}-->
<start><element name="body"><oneOrMore><ref name="part"/></oneOrMore>
  <element name="end"><element name="sig"><text/></element></element></element></start>
<define name="part"><element name="part"><optional><attribute name="n"/></optional>
  <text/></element></define>
</grammar>"""


def _body(end: str) -> bytes:
    parts = "".join(f'<part n="{n}">p</part>' for n in range(40))
    return f'<body xmlns="urn:t">{parts}{end}</body>'.encode()


@pytest.mark.parametrize(("end", "valid"), [("<end><sig>s</sig></end>", True),
                                            ("<end/>", False)])
def test_a_guessed_vocabulary_never_makes_a_document_valid(
        end: str, valid: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = tmp_path / "g.rng"
    schema.write_text(GRAMMAR, encoding="utf-8")
    [grammar] = backends(load_schema(schema), Options(embedded=False))
    assert isinstance(grammar, RelaxNGBackend) and grammar.streams
    monkeypatch.setattr(stream, "GATHER", 3)
    monkeypatch.setattr(stream, "PREFIX", 10)  # the first parts: no `end`, no `sig`
    monkeypatch.setattr(stream, "TAIL", 0)
    path = tmp_path / "doc.xml"
    path.write_bytes(_body(end))
    whole = etree.RelaxNG(etree.fromstring(GRAMMAR.encode()))
    assert bool(whole.validate(tei.parse_file(path))) is valid
    assert stream.valid_as_stream(path, grammar) is valid


def test_a_valid_document_is_read_once_for_its_vocabulary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first elements and the last bytes give the whole vocabulary: no second
    reading of the whole for it."""
    schema = tmp_path / "g.rng"
    schema.write_text(GRAMMAR, encoding="utf-8")
    [grammar] = backends(load_schema(schema), Options(embedded=False))
    assert isinstance(grammar, RelaxNGBackend)
    monkeypatch.setattr(stream, "GATHER", 3)
    monkeypatch.setattr(stream, "PREFIX", 10)
    reads: list[int | None] = []
    real = stream.read_stream

    def counted(path: Path, limit: int | None = None) -> stream.Read | None:
        reads.append(limit)
        return real(path, limit)

    monkeypatch.setattr(stream, "read_stream", counted)
    path = tmp_path / "doc.xml"
    path.write_bytes(_body("<end><sig>s</sig></end>"))
    assert stream.valid_as_stream(path, grammar)
    assert reads == [10]
