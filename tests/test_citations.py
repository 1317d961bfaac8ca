"""Citations of a document's reference list: ``[1]``, ``[2, p. 41]``, ``[3; 4]``, ``[1–3]``.

The layout fills ``Context.bibl_ids`` when it finds a reference list; these tests build the
context themselves, so they check the inline rule alone, and then that the TEI it makes
reads back as the transcript and stays valid.
"""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.encoder import encode_text, profiles
from teikit.encoder.build import fill
from teikit.encoder.inline import Engine, ruleset
from teikit.encoder.inline.citations import cited
from teikit.encoder.inline.footnotes import glued_references
from teikit.encoder.inline.state import Context
from teikit.exporter.text import reading
from teikit.tei import TEI_NS, E
from teikit.transcript import transcript_of

ENTRIES = {str(n): f"bibl-{n}" for n in range(1, 6)}


def paragraph(text: str, entries: dict[str, str] = ENTRIES,
              profile: str = "documentary") -> etree._Element:
    chosen = profiles.get(profile)
    engine = Engine(ruleset(chosen.rules), dict(chosen.options), Context(bibl_ids=entries))
    element = E.p()
    fill(element, engine.run(text, 0, []))
    return element


def content(element: etree._Element) -> str:
    xml = etree.tostring(element, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")
    return xml.removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize(("text", "expected"), [
    ("as the survey [1] shows",
     'as the survey <ref type="citation" target="#bibl-1">[1]</ref> shows'),
    ("the tide [2, p. 41] rose",
     'the tide <ref type="citation" target="#bibl-2">[2, p. 41]</ref> rose'),
    ("both [3; 4] agree",
     'both <ref type="citation" target="#bibl-3 #bibl-4">[3; 4]</ref> agree'),
    ("earlier work [1–3]",
     'earlier work <ref type="citation" target="#bibl-1 #bibl-2 #bibl-3">[1–3]</ref>'),
    ("see [2, pp. 10–12; 5]",
     'see <ref type="citation" target="#bibl-2 #bibl-5">[2, pp. 10–12; 5]</ref>'),
    ("as [3: 112–114] says",
     'as <ref type="citation" target="#bibl-3">[3: 112–114]</ref> says'),
])
def test_citations_point_to_the_reference_list(text: str, expected: str) -> None:
    built = paragraph(text)
    assert content(built) == expected
    assert transcript_of(built) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a number with no entry, an interval, a year, words: the other rules decide
    ("item [9] of the list", "item [9] of the list"),
    ("the range [0.25, 2.50] holds", "the range [0.25, 2.50] holds"),
    ("in [1956] the quay", 'in <supplied reason="clarification" resp="#editor">1956</supplied>'
                          " the quay"),
    ("the [North] quay [1]", 'the <supplied reason="clarification" resp="#editor">North'
                            '</supplied> quay <ref type="citation" target="#bibl-1">[1]</ref>'),
    ("[1, 9] mixed", "[1, 9] mixed"),
])
def test_brackets_that_are_not_citations_follow_the_other_rules(text: str,
                                                                 expected: str) -> None:
    built = paragraph(text)
    assert content(built) == expected
    assert transcript_of(built) == text


def test_without_a_reference_list_nothing_is_a_citation() -> None:
    assert content(paragraph("as [1] shows", entries={})) == "as [1] shows"


def test_citations_beat_footnotes_of_the_same_number() -> None:
    chosen = profiles.get("documentary")
    context = Context(note_ids={"1": "note-1"}, bibl_ids={"1": "bibl-1"})
    engine = Engine(ruleset(chosen.rules), dict(chosen.options), context)
    element = E.p()
    fill(element, engine.run("as [1] shows", 0, []))
    assert element[0].get("type") == "citation"


def test_every_profile_reads_citations() -> None:
    for name in profiles.BUILTIN:
        assert paragraph("as [2] shows", profile=name)[0].get("target") == "#bibl-2", name


def test_the_reading_view_keeps_citations() -> None:
    text = E.text(E.body(paragraph("the tide [2, p. 41] rose")))
    tree = etree.ElementTree(E.TEI(text))
    assert reading(tree) == "the tide [2, p. 41] rose\n"


@pytest.mark.parametrize(("inner", "numbers"), [
    ("1", ["1"]), ("1-3, 7", ["1", "2", "3", "7"]), ("2 p. 41", ["2"]), ("3, § 4", ["3"]),
    ("3; 3", ["3"]), (" 3, S. 12", ["3"]), ("2, Table 3", ["2"]), ("4, fig. 2; 5, Appendix 1",
                                                                ["4", "5"]),
    ("6, sheet 3", ["6"]), ("2, fol. 14", ["2"]), ("2, Tables", None),
    ("0.85, 1.15", None), ("12 and 13", None), ("1–500", None), ("3–1", None), ("", None),
])
def test_what_a_citation_names(inner: str, numbers: list[str] | None) -> None:
    assert cited(inner) == numbers


KEYED = {"BER58": "bibl-BER58", "DS59": "bibl-DS59", "NOR60": "bibl-NOR60"}


@pytest.mark.parametrize(("text", "expected"), [
    ("as [BER58] found", 'as <ref type="citation" target="#bibl-BER58">[BER58]</ref> found'),
    ("the rules [DS59, sect. 4] say",
     'the rules <ref type="citation" target="#bibl-DS59">[DS59, sect. 4]</ref> say'),
    ("both [BER58; NOR60] agree",
     'both <ref type="citation" target="#bibl-BER58 #bibl-NOR60">[BER58; NOR60]</ref> agree'),
    ("the [XYZ99] is no entry", 'the <supplied reason="clarification" resp="#editor">XYZ99'
                                '</supplied> is no entry'),
])
def test_a_list_keyed_by_author_and_year_is_cited_by_its_keys(text: str, expected: str) -> None:
    built = paragraph(text, KEYED)
    assert content(built) == expected
    assert transcript_of(built) == text


def test_a_reference_list_keyed_by_author_and_year_gives_its_keys() -> None:
    import teikit

    transcript = ("Frost damage in concrete blocks\n\nThe loss was small [BER58; NOR60] and "
                  "within the rules [DS59, sect. 4].\n\nLiterature\n[BER58] Berg, H. Frost "
                  "damage. 1958.\n[DS59] Danish rules. 1959.\n[NOR60] Nordström, E. "
                  "Aggregates. 1960.\n")
    tree = teikit.encode(transcript).tree
    ns = {"t": TEI_NS}
    assert tree.xpath("//t:listBibl/t:bibl/@n", namespaces=ns) == ["BER58", "DS59", "NOR60"]
    assert tree.xpath("//t:body//t:ref[@type='citation']/@target", namespaces=ns) == [
        "#bibl-BER58 #bibl-NOR60", "#bibl-DS59"]
    assert not tree.xpath("//t:body//t:supplied", namespaces=ns)
    assert teikit.is_valid(tree)


def test_a_reference_list_numbered_with_parentheses_is_cited() -> None:
    import teikit

    transcript = ("Salinity of the Karakul oasis\n\nThe water table rose [1, 2], as in the "
                  "Bukhara oasis [2: 57].\n\nList of literature\n"
                  "1) Abdullaev, Sh. Groundwater. 1958.\n2) Mirzaev, A. Soils. 1960.\n")
    tree = teikit.encode(transcript).tree
    ns = {"t": TEI_NS}
    assert tree.xpath("//t:listBibl/t:bibl/@n", namespaces=ns) == ["1", "2"]
    assert tree.xpath("//t:body//t:ref[@type='citation']/@target", namespaces=ns) == [
        "#bibl-1 #bibl-2", "#bibl-2"]
    assert not tree.xpath("//t:body//t:supplied", namespaces=ns)


@pytest.mark.parametrize("entries", [
    "[1] Lindqvist, O. Ice on the Vänern. 1955.\n[2] Aho, R. Lake ice. 1960 [3].\n"
    "[3] Berg, K. Ice loads. 1962.\n",
    "[LIN55] Lindqvist, O. Ice on the Vänern. 1955.\n[AHO60] Aho, R. Lake ice. 1960.\n",
    "1) Lindqvist, O. Ice on the Vänern. 1955.\n2) Aho, R. Lake ice. 1960.\n",
])
def test_an_entry_of_the_reference_list_does_not_cite_itself(entries: str) -> None:
    """The ``[1]`` opening an entry is its key, kept as text of the ``bibl`` (whose ``@n``
    gives it), not a citation pointing to the entry it opens; a citation inside an entry
    of another entry is still one."""
    import teikit

    keys = [line.split()[0].strip("[])") for line in entries.splitlines()]
    cites = f"[{keys[0]}]" if not keys[0].isdigit() else "[1, 2]"
    transcript = f"Lake ice\n\nThe ice was thin {cites}.\n\nReferences\n{entries}"
    tree = teikit.encode(transcript).tree
    ns = {"t": TEI_NS}
    bibls = tree.xpath("//t:listBibl/t:bibl", namespaces=ns)
    assert [b.get("n") for b in bibls] == keys
    for bibl in bibls:
        assert "".join(bibl.itertext()).startswith(bibl.text or "-")
        assert (bibl.text or "").split()[0].strip("[])") == bibl.get("n")
        own = f"#{bibl.get('{http://www.w3.org/XML/1998/namespace}id')}"
        assert own not in " ".join(bibl.xpath(".//t:ref/@target", namespaces=ns))
    assert tree.xpath("//t:body//t:ref[@type='citation']", namespaces=ns)
    if "[3]." in entries:
        assert tree.xpath("//t:bibl[@n='2']/t:ref/@target", namespaces=ns) == ["#bibl-3"]
    assert transcript_of(tree.getroot().find(f"{{{TEI_NS}}}text")) == transcript
    assert teikit.is_valid(tree)


def test_footnotes_typed_above_the_reference_list_are_notes() -> None:
    """Superscript notes under a rule, then a ``References`` list: the notes are footnotes
    the ¹ ² point to, the entries works the ``[n]`` cite, each in its own division."""
    import teikit

    transcript = ("Gravel on the Tay\n\nThe weir held¹ and the gauge moved [1]. The survey "
                  "sheets² agree [2].\n\n______\n¹ A rated section.\n² Sheets 3–5.\n"
                  "References\n[1] Reid, E. Gauges. 1961.\n[2] Munro, A. Weirs. 1964.\n")
    tree = teikit.encode(transcript).tree
    ns = {"t": TEI_NS}
    assert tree.xpath("//t:div[@type='notes']/t:note/@n", namespaces=ns) == ["1", "2"]
    assert tree.xpath("//t:div[@type='references']//t:bibl/@n", namespaces=ns) == ["1", "2"]
    assert tree.xpath("//t:body//t:ref[@type='noteAnchor']/@target", namespaces=ns) == [
        "#note-1", "#note-2"]
    assert tree.xpath("//t:body//t:ref[@type='citation']/@target", namespaces=ns) == [
        "#bibl-1", "#bibl-2"]
    assert transcript_of(tree.getroot().find(f"{{{TEI_NS}}}text")) == transcript
    assert teikit.is_valid(tree)


def test_a_postal_district_is_no_footnote_call() -> None:
    """``Foreign Office, S.W.1`` under a despatch, and numbered paragraphs of an enclosure
    at the end: no glued footnote number, so no notes section."""
    text = ("Sir,\nI have the honour to report that the fishmeal plants of Callao are idle.\n"
            "I have the honour to be, Sir, your obedient Servant,\nR. A. Pendlebury\n"
            "The Secretary of State, Foreign Office, S.W.1\n"
            "Enclosure in Lima despatch No. 112\n"
            "1. Of the ninety plants licensed this year, sixty are working.\n"
            "2. Spare parts are the weaker point.\n")
    root = encode_text(text).tree.getroot()
    assert not root.xpath("//t:note", namespaces={"t": TEI_NS})
    assert not list(glued_references("Foreign Office, S.W.1, and London W.C.2"))
    assert [n for *_, n in glued_references("the State Department.1")] == ["1"]
