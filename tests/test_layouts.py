"""Layout decisions, one small invented transcript each → the block structure expected.

A structure is written as a list of short strings, one per division or block in document
order: ``div:letter`` opens a division (with its ``@type``), ``head``, ``p``, ``p:2`` (a
numbered paragraph), ``opener/dateline``, ``opener/seg:label``, ``closer/signed``,
``postscript/p``, ``note:source``, ``list:subject/head``, ``list/item``, ``note:footnote``
(in the notes section). Every case is also checked to read back as its transcript.
"""

from __future__ import annotations

import pytest
from lxml import etree

import teikit
from teikit.encoder import encode_text, profiles
from teikit.encoder.inline import RuleSet
from teikit.encoder.inline.engine import Engine
from teikit.encoder.inline.footnotes import DIGITS, glued, glued_references
from teikit.encoder.inline.state import Context
from teikit.encoder.model import Inline, Node
from teikit.exporter.text import to_text
from teikit.tei import TEI_NS, local_name

BLOCKS = {"head", "p", "ab", "dateline", "seg", "salute", "signed", "note", "item", "closer"}
NESTED = {"opener", "closer", "postscript", "list"}


def shape(text: etree._Element) -> list[str]:
    """The structure of ``<text>`` as short strings (see the module docstring)."""
    found: list[str] = []
    for element in text.iter(f"{{{TEI_NS}}}*"):
        name = local_name(element)
        parent = element.getparent()
        parent_name = local_name(parent) if parent is not None else ""
        if name == "div" and element.get("type") != "notes":
            found.append(f"div:{element.get('type')}")
        if name not in BLOCKS or parent_name in BLOCKS - {"closer"}:
            continue
        if name == "closer" and not (element.text or "").strip():
            continue
        suffix = element.get("n") if name == "p" else element.get("type")
        label = f"{name}:{suffix}" if suffix else name
        if parent_name in NESTED and parent is not None:
            kind = parent.get("type")
            label = f"{parent_name}{':' + kind if kind else ''}/{label}"
        found.append(label)
    return found


def encode_shape(transcript: str, profile: str = "frus") -> tuple[list[str], str]:
    result = encode_text(transcript, profile=profiles.get(profile))
    text = result.tree.getroot().find(f"{{{TEI_NS}}}text")
    assert text is not None
    assert to_text(result.tree, "transcript") == transcript
    return shape(text), result.layout


CASES: list[tuple[str, str, list[str]]] = [
    (
        "edition-frame",
        "File No. 310.12/7\n\nThe Consul at Tarsk (Ivers) to the Secretary of State\n\n"
        "[Telegram]\n\nTarsk, May 2, 1919, 6 p.m.\n[Received May 4, 9.10 a.m.]\n\n"
        "Harbour closed since yesterday by ice.\n\nIvers\n",
        ["div:telegram", "note:source", "head", "opener/seg:label", "opener/dateline", "p",
         "closer/signed"],
    ),
    (
        "received-with-a-year-of-its-own-stays-apart",
        "Tarsk, May 2, 1919.\n[Received May 4, 1919.]\n\nThe ice holds.\n",
        ["div:document", "opener/dateline", "opener/dateline", "p"],
    ),
    (
        "place-line-above-the-dateline",
        "Mr. Orme to Mr. Vale.\n\nDepartment of State,\nKessa, April 9, 1870.\nNo. 4.]\n\n"
        "Sir: Your despatch arrived by the last mail and has been laid before the President.\n\n"
        "I am, sir, your obedient servant,\n\nHENRY ORME.\n\nJohn Vale, Esq., &c., &c.\n",
        ["div:letter", "head", "opener/dateline", "opener/seg:reference", "p",
         "closer/salute", "closer/signed", "postscript/p"],
    ),
    (
        "addressee-on-two-lines-after-the-signature",
        "Sir: The treaty was signed this morning at the Palace.\n\n"
        "With high consideration, I have the honor to be your obedient servant,\n\n"
        "L. M. FARRE.\n\nHon. Carl Adley,\nSecretary of State.\n",
        ["div:letter", "p", "closer/salute", "closer/signed", "postscript/p"],
    ),
    (
        "courtesy-formula-over-several-lines",
        "London, 4th May 1840.\n\nMy Lord,\n\nThe packet sailed this morning.\n\n"
        "I have the honour to be,\nMy Lord,\nYour Lordship's most obedient,\n"
        "humble Servant,\nJ. R. Pell\n",
        ["div:letter", "opener/dateline", "opener/salute", "p", "closer/salute",
         "closer/signed"],
    ),
    (
        "a-closing-sentence-that-is-no-name-stays-a-paragraph",
        "Vesk, 3 June 1931\n\nThe meeting ended without a vote on the motion.\n\n"
        "Thanks to all.\n",
        ["div:document", "opener/dateline", "p", "p"],
    ),
    (
        "numbered-paragraphs-only-in-sequence",
        "Vesk, June 3, 1931, noon.\n\n"
        "982. For the Minister. Your 77 received.\n\n1. First point made at length.\n\n"
        "2. Second point:\n\na. one part of it;\n\nb. another part of it.\n\n"
        "3. Third point after the letters.\n\n7. A stray number that continues nothing.\n",
        ["div:document", "opener/dateline", "p", "p:1", "p:2", "p:a", "p:b", "p:3", "p"],
    ),
    (
        "parenthesised-labels",
        "Vesk, June 3, 1931.\n\n(1) Formation of the cabinet.\n\n(2) Police reform.\n\n"
        "1) Another run.\n",
        ["div:document", "opener/dateline", "p:1", "p:2", "p"],
    ),
    (
        "a-lone-initial-is-not-a-lettered-paragraph",
        "Vesk, June 3, 1931.\n\nA. Smith arrived with the papers and left at noon.\n",
        ["div:document", "opener/dateline", "p"],
    ),
    (
        "omission-line-stays-text",
        "Vesk, June 3, 1931.\n\nThe first part was read.\n\n* * * * * *\n\nThe rest.\n",
        ["div:document", "opener/dateline", "p", "p", "p"],
    ),
    (
        "subject-and-participants-lists",
        "12. Memorandum for the Record\n\nVesk, June 3, 1951.\n\nSUBJECT\nPort dues\n\n"
        "PARTICIPANTS\nMr. Aldo Fenn\nMrs. Ilse Brook, Treasury\n\n1. Dues were discussed.\n",
        ["div:memorandum", "head:kind", "opener/dateline", "list:subject/head",
         "list:subject/item",
         "list:participants/head", "list:participants/item", "list:participants/item",
         "p:1"],
    ),
    (
        "a-list-heading-without-items-is-no-list",
        "Vesk, June 3, 1931.\n\nParticipants:\n\nThe meeting was held without them, as the "
        "roads were closed by snow all week.\n",
        ["div:memorandum", "opener/dateline", "opener/seg:memo-field", "p"],
    ),
    (
        "enclosure-label-opens-a-division",
        "Vesk, June 3, 1931.\n\nI enclose the report of the harbour master.\n\n"
        "Yours very truly,\n\nAldo Fenn\n\n[Enclosure]\n\nReport of the Harbour Master\n\n"
        "Vesk, June 1, 1931.\n\nTwo ships came in.\n\nYours very truly,\n\n"
        "[File copy not signed]\n",
        ["div:letter", "opener/dateline", "p", "closer/salute", "closer/signed",
         "div:enclosure", "opener/seg:label", "head", "opener/dateline", "p",
         "closer/salute", "closer"],
    ),
    (
        "glued-notes-section",
        "Vesk, June 3, 1931.\n\nThe cable from Tarsk1 arrived after the meeting.2\n\n"
        "Fenn\n\n1. Not printed.\n2. See the next document.\n",
        ["div:letter", "opener/dateline", "p", "closer/signed", "note:footnote",
         "note:footnote"],
    ),
    (
        "numbered-lines-without-references-are-no-notes",
        "Vesk, June 3, 1931.\n\nThe cable from Tarsk arrived after the meeting.\n\n"
        "1. Not printed.\n\n2. See the next document.\n",
        ["div:document", "opener/dateline", "p", "p:1", "p:2"],
    ),
    (
        "a-numbered-run-is-not-cut-into-notes",
        "Vesk, June 3, 1931.\n\nSee the cable of Tarsk3 first.\n\n1. One.\n\n2. Two.\n\n"
        "3. Three.\n",
        ["div:document", "opener/dateline", "p", "p:1", "p:2", "p:3"],
    ),
    (
        "a-footnote-at-the-foot-of-a-page-stays-there",
        "Vesk, 3 June 1931.\n\nThe ice holds.¹ The harbour is closed.\n\n¹ Since 1 June.\n\n"
        "- 2 -\n\nThe ships wait outside.²\n\nFenn\n\n² Eleven of them.\n",
        ["div:letter", "opener/dateline", "p", "note:footnote", "p", "closer/signed",
         "note:footnote"],
    ),
    (
        "a-marked-line-over-a-page-marker-numbered-out-of-turn-is-text",
        "Vesk, 3 June 1931.\n\nThe ice holds. The harbour is closed.\n\n³ Since 1 June.\n\n"
        "- 2 -\n\nThe ships wait outside.\n\nFenn\n",
        ["div:letter", "opener/dateline", "p", "p", "p", "closer/signed"],
    ),
    (
        "note-paragraphs-continue-their-note",
        "Vesk, June 3, 1931.\n\nAs agreed.1\n\nFenn\n\n1. The text reads:\n\n"
        "“Agreed.”\n2. Not found.\n",
        ["div:letter", "opener/dateline", "p", "closer/signed", "note:footnote",
         "note:footnote"],
    ),
]


@pytest.mark.parametrize(("transcript", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_layout_structure(transcript: str, expected: list[str]) -> None:
    assert encode_shape(transcript)[0] == expected


@pytest.mark.parametrize(("transcript", "layout"), [
    ("Tarsk, May 2, 1919.\n\nThe ice holds.\n", "letter"),
    ("The ice holds. It held last year too, and the year before.\n", "plain"),
    ("A Winter Tale\n\nBY\n\nA. N. Author\n\n1851.\n\nThe ice holds.\n", "document"),
])
def test_the_layout_names_the_family(transcript: str, layout: str) -> None:
    assert encode_shape(transcript)[1] == layout


def test_the_documentary_profile_sees_the_same_frame() -> None:
    transcript = CASES[0][1]
    assert encode_shape(transcript, "documentary")[0] == CASES[0][2]


GLUED_CASES = [
    ("in Cairo64 but", ["64"]),
    ("the Department of State0", ["0"]),
    ("attached.1 Minister", ["1"]),
    ("in time?4 Shall", ["4"]),
    ("“True.”3 and", ["3"]),
    ("Embtels 869,1 870", ["1"]),
    ("Seoul 7507;2 Seoul", ["2"]),
    ("Seoul 7508.3 The", ["3"]),
    ("of 1956 and 1.5 percent", []),
    ("13,000 tons", []),
    ("795B.00/4", []),
    ("H2O and B-52", []),
    ("Files 1970–73", []),
    ("No. 5", []),
    ("(1) first", []),
    ("1.5 percent", []),
    ("some $A3.4 million", []),
]


@pytest.mark.parametrize(("text", "numbers"), GLUED_CASES, ids=[c[0] for c in GLUED_CASES])
def test_glued_reference_pattern(text: str, numbers: list[str]) -> None:
    assert [n for _s, _e, n in glued_references(text)] == numbers


def run_glued(text: str, notes: set[str]) -> list[Node]:
    rules = RuleSet([], {digit: [("glued", glued)] for digit in DIGITS})
    context = Context(note_ids={n: f"note-{n}" for n in notes})
    return Engine(rules, {}, context).run(text, 0, [])


def test_glued_rule_links_only_numbers_the_notes_section_has() -> None:
    out = run_glued("Cairo64 and Paris65 in 1964", {"64"})
    assert out[0] == "Cairo"
    ref = out[1]
    assert isinstance(ref, Inline) and ref.attrs["target"] == "#note-64"
    assert ref.children == ["64"]
    assert out[2:] == [" and Paris65 in 1964"]


def test_glued_rule_never_splits_a_number() -> None:
    assert run_glued("H2O, 1.5 and 13,000", {"2", "5", "0"}) == ["H2O, 1.5 and 13,000"]


def test_a_page_number_under_the_postscript_stays_in_it() -> None:
    text = ("Dear Mr. Holm,\nThe crates left Gdynia on Monday and should reach you by the 20th.\n"
            "Gdynia, 4 May 1952\nK. Nowak\nP.S. The invoice follows by air mail.\n- 2 -\n")
    result = encode_text(text)
    root = result.tree.getroot()
    ns = {"t": TEI_NS}
    assert root.xpath("//t:postscript/t:pb[@n='2']", namespaces=ns)
    assert len(root.xpath("//t:closer", namespaces=ns)) == 1
    assert teikit.is_valid(result.tree)


@pytest.mark.parametrize("transcript", [
    "Vesk, 3 June 1931.\n\nThe ice holds.¹ The harbour is closed.\n\n"
    "¹ Since 1 June.\n\n[Page 2]\n\nThe ships wait outside.²\n\nFenn\n\n"
    "² Eleven of them.\n",
    # the next page's marker opening the line under the note, no blank lines at all
    "Vesk, 3 June 1931.\nThe ice holds.¹ The harbour is closed.\n¹ Since 1 June.\n"
    "[Page 2] The ships wait outside.²\nFenn\n² Eleven of them.\n",
])
def test_footnotes_at_the_feet_of_pages_are_pointed_to_where_they_stand(
        transcript: str) -> None:
    """A note typed above the next page's marker stays there (``place="foot"``); the
    notes at the end go on from its number, and every reference points to its note."""
    result = encode_text(transcript, profile=profiles.get("documentary"))
    ns = {"t": TEI_NS}
    notes = result.tree.getroot().xpath("//t:note[@type='footnote']", namespaces=ns)
    assert [(n.get("n"), n.get("place")) for n in notes] == [("1", "foot"), ("2", "end")]
    assert notes[0].getparent() is not None and local_name(notes[0].getparent()) == "div"
    targets = result.tree.getroot().xpath("//t:ref[@type='noteAnchor']/@target", namespaces=ns)
    assert targets == [f"#{n.get('{http://www.w3.org/XML/1998/namespace}id')}" for n in notes]
    assert teikit.is_valid(result.tree)
    assert to_text(result.tree, "transcript") == transcript


def test_a_stamp_whose_words_stand_on_the_lines_under_its_label() -> None:
    """``[Stamp:`` alone on its line, the stamp's words under it: one stamp, not an
    insertion, and the transcript given back with its line break."""
    transcript = ("Report on the tractor sales\n\nThe offer came in May.\n\n[Stamp:\n"
                  "Ministry of Agriculture, Sofia\nReceived 4.VI.1963\nNo. 118]\n\n"
                  "We accept it.\n")
    result = encode_text(transcript)
    ns = {"t": TEI_NS}
    stamps = result.tree.getroot().xpath("//t:stamp", namespaces=ns)
    assert [" ".join("".join(s.itertext()).split()) for s in stamps] == [
        "Ministry of Agriculture, Sofia Received 4.VI.1963 No. 118"]
    assert not result.tree.getroot().xpath("//t:supplied", namespaces=ns)
    assert to_text(result.tree, "transcript") == transcript
    assert teikit.is_valid(result.tree)
