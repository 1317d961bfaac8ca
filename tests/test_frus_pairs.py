"""Real-world check: teikit's structure for FRUS documents against the edition's own TEI.

Each ``../shared/corpus/frus/pairs/NAME.txt`` (a plain rendering of one FRUS document) is
encoded with the ``frus`` profile and compared with ``NAME.xml``'s
``div[@type=document]``. Both sides are cut into blocks (a head, a paragraph, a dateline,
a signature…) keyed by their text with all whitespace removed, so a block is compared
with the block holding the same words, and its role on each side is compared:

* FRUS writes numbered paragraphs as ``list/label+item``; teikit as ``p[@n]`` with a
  ``label``. Both count as ``numbered``.
* FRUS keeps a closing formula (``Yours very truly,``) in a ``p`` before the ``closer``;
  teikit puts it in ``closer/salute`` (TEI Guidelines 4.2.2). A FRUS ``p`` met by a teikit
  closing ``salute`` counts as agreement; every other pair of roles must be equal.
* Footnotes: the count of ``note`` elements, and each reference: FRUS's note ``@n`` and
  the block it sits in against teikit's ``ref[@type=noteAnchor]`` and its block.

The agreement table is printed (``pytest -s``) and asserted against thresholds set from
what the encoder achieves, so a regression fails. Run as a script for the table alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from teikit.encoder import encode_bytes, profiles
from teikit.exporter.text import to_bytes
from teikit.tei import TEI_NS, local_name, parse_file
from teikit.transcript import render

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAIRS = SHARED / "corpus" / "frus" / "pairs"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
EQUIVALENT = {("p", "salute")}
"""(FRUS role, teikit role) pairs that mean the same thing in the two encodings."""

pytestmark = pytest.mark.shared


def pairs_folder() -> Path:
    if not PAIRS.is_dir():
        pytest.skip("../shared/corpus/frus/pairs is not present")
    return PAIRS


def key(text: str) -> str:
    """A block's identity: its text without any whitespace."""
    return re.sub(r"\s+", "", text)


@dataclass
class Blocks:
    """One side's blocks: (role, key) in order, dateline dates, footnotes and anchors."""

    roles: list[tuple[str, str]] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    notes: int = 0
    anchors: list[tuple[str, str]] = field(default_factory=list)


# --- FRUS side ---------------------------------------------------------------------

FRUS_BLOCKS = {"head", "p", "item", "dateline", "signed", "salute", "seg", "closer"}


def _frus_text(element: etree._Element, anchors: list[str]) -> str:
    """Text of a FRUS block as the renderer writes it: footnotes become their ``@n``,
    nested blocks are left out."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child) if isinstance(child.tag, str) else ""
        if name == "note" and child.get("rend") != "inline":
            anchors.append(child.get("n", ""))
            parts.append(child.get("n", ""))
        elif name in {"list", "p", "note", "closer", "signed"}:
            pass
        elif name == "lb":
            parts.append(" ")
        elif name:
            parts.append(_frus_text(child, anchors))
        parts.append(child.tail or "")
    return "".join(parts)


def _frus_role(element: etree._Element) -> str | None:
    name = local_name(element)
    parent = element.getparent()
    parent_name = local_name(parent) if parent is not None else ""
    if name == "note":
        return "source" if element.get("rend") == "inline" else None
    if name not in FRUS_BLOCKS:
        return None
    if name == "head" and parent_name == "list":
        return "list-head"
    if name == "p" and parent_name == "postscript":
        return "postscript"
    if name == "p" and parent_name == "note":
        return None
    if name == "item":
        previous = element.getprevious()
        labelled = previous is not None and local_name(previous) == "label"
        return "numbered" if labelled else "item"
    if name == "seg" and parent_name != "opener":
        return None
    if name == "closer" and key(element.text or ""):
        return "closer"
    return None if name == "closer" else name


def frus_blocks(div: etree._Element) -> Blocks:
    """The blocks of a FRUS ``div[@type=document]``."""
    found = Blocks()
    for element in div.iter(f"{{{TEI_NS}}}*"):
        if any(local_name(a) == "note" and a.get("rend") != "inline"
               for a in element.iterancestors(f"{{{TEI_NS}}}note")):
            continue
        if local_name(element) == "note" and element.get("rend") != "inline":
            found.notes += 1
            continue
        role = _frus_role(element)
        if role is None:
            continue
        anchors: list[str] = []
        text = _frus_text(element, anchors)
        if role == "numbered":
            label = element.getprevious()
            assert label is not None
            text = f"{''.join(str(t) for t in label.itertext())} {text}"
        block = key(text)
        found.roles.append((role, block))
        found.anchors.extend((n, block) for n in anchors)
        if role == "dateline":
            date = element.find(f".//{{{TEI_NS}}}date[@when]")
            if date is not None:
                found.dates[block] = date.get("when", "")
    return found


# --- teikit side -------------------------------------------------------------------

OUR_BLOCKS = {"head", "p", "item", "dateline", "signed", "salute", "seg", "ab", "note",
              "closer"}


def _our_role(element: etree._Element) -> str | None:
    name = local_name(element)
    parent = element.getparent()
    parent_name = local_name(parent) if parent is not None else ""
    in_notes = any(a.get("type") == "notes" for a in element.iterancestors())
    if name not in OUR_BLOCKS or in_notes:
        return None
    if name == "note":
        return "source" if element.get("type") == "source" else None
    if name == "closer":
        return "closer" if key(element.text or "") else None
    if name == "head" and parent_name == "list":
        return "list-head"
    if name == "p" and parent_name == "postscript":
        return "postscript"
    if name == "p" and element.get("n"):
        return "numbered"
    if name == "seg" and parent_name != "opener":
        return None
    if name in {"p", "seg", "ab"} and parent_name not in {"div", "body", "opener",
                                                            "postscript"}:
        return None
    return "field" if name == "ab" else name


def our_blocks(text: etree._Element) -> Blocks:
    """The blocks of teikit's ``<text>``."""
    found = Blocks()
    for element in text.iter(f"{{{TEI_NS}}}*"):
        if local_name(element) == "note" and element.get("type") == "footnote":
            found.notes += 1
            continue
        role = _our_role(element)
        if role is None:
            continue
        block = key(render(element))
        found.roles.append((role, block))
        for ref in element.iter(f"{{{TEI_NS}}}ref"):
            if ref.get("type") == "noteAnchor" and text.xpath(
                    "//*[@xml:id=$id]", id=(ref.get("target") or "#")[1:]):
                found.anchors.append(("".join(str(t) for t in ref.itertext()), block))
        if role == "dateline":
            date = element.find(f".//{{{TEI_NS}}}date[@when]")
            if date is not None:
                found.dates[block] = date.get("when", "")
    return found


# --- comparison --------------------------------------------------------------------


@dataclass
class Tally:
    """Counts over all documents: per role, FRUS blocks, teikit blocks, agreements."""

    theirs: Counter[str] = field(default_factory=Counter)
    ours: Counter[str] = field(default_factory=Counter)
    agree: Counter[str] = field(default_factory=Counter)
    ours_agree: Counter[str] = field(default_factory=Counter)
    dates: int = 0
    dates_agree: int = 0
    notes_docs: int = 0
    notes_docs_agree: int = 0
    anchors: int = 0
    anchors_agree: int = 0
    ours_anchors: int = 0
    round_trip_failures: list[str] = field(default_factory=list)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)


def _when_agrees(theirs: str, ours: str) -> bool:
    """Equal, or FRUS pads a month (``1918-05-01`` for ``May 1918``) or adds a time;
    ``Z`` and ``+00:00`` are the same zone."""
    theirs, ours = theirs.replace("+00:00", "Z"), ours.replace("+00:00", "Z")
    return bool(ours) and (theirs == ours or theirs.startswith(ours) or ours.startswith(theirs))


def compare(theirs: Blocks, ours: Blocks, tally: Tally) -> None:
    """Add one document's comparison to ``tally``."""
    by_key: dict[str, list[str]] = {}
    for role, block in ours.roles:
        by_key.setdefault(block, []).append(role)
        tally.ours[role] += 1
    for role, block in theirs.roles:
        tally.theirs[role] += 1
        candidates = by_key.get(block, [])
        match = next((r for r in candidates if r == role or (role, r) in EQUIVALENT), None)
        if match is None:
            tally.confusions[(role, candidates[0] if candidates else "-")] += 1
            continue
        candidates.remove(match)
        tally.agree[role] += 1
        tally.ours_agree[match] += 1
        if role == "dateline" and block in theirs.dates:
            tally.dates += 1
            tally.dates_agree += _when_agrees(theirs.dates[block], ours.dates.get(block, ""))
    tally.notes_docs += 1
    tally.notes_docs_agree += theirs.notes == ours.notes
    wanted = Counter(theirs.anchors)
    tally.anchors += sum(wanted.values())
    tally.ours_anchors += len(ours.anchors)
    tally.anchors_agree += sum((wanted & Counter(ours.anchors)).values())


def measure(folder: Path) -> Tally:
    """Encode every pair and compare it with the edition's TEI."""
    tally = Tally()
    frus = profiles.get("frus")
    for source in sorted(folder.glob("*.txt")):
        data = source.read_bytes()
        result = encode_bytes(data, name=source.name, profile=frus)
        if to_bytes(result.tree, "transcript") != data:
            tally.round_trip_failures.append(source.name)
        div = parse_file(source.with_suffix(".xml")).find(f".//{{{TEI_NS}}}div[@type='document']")
        assert div is not None, source
        text = result.tree.getroot().find(f"{{{TEI_NS}}}text")
        assert text is not None
        compare(frus_blocks(div), our_blocks(text), tally)
    return tally


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def table(tally: Tally) -> str:
    """The agreement table as text."""
    rows = ["role          FRUS  teikit  agree  recall  precision"]
    for role in sorted(set(tally.theirs) | set(tally.ours)):
        theirs, ours = tally.theirs[role], tally.ours[role]
        rows.append(f"{role:<12} {theirs:>5} {ours:>7} {tally.agree[role]:>6} "
                    f"{_ratio(tally.agree[role], theirs):>7.0%} "
                    f"{_ratio(tally.ours_agree[role], ours):>10.0%}")
    rows.append(f"dateline @when agrees: {tally.dates_agree}/{tally.dates}")
    rows.append(f"footnote count equal: {tally.notes_docs_agree}/{tally.notes_docs} documents")
    rows.append(f"footnote references linked in the right block: {tally.anchors_agree}/"
                f"{tally.anchors} (teikit made {tally.ours_anchors})")
    rows.append(f"round trip failures: {len(tally.round_trip_failures)}")
    top = ", ".join(f"{a}→{b} {n}" for (a, b), n in tally.confusions.most_common(8))
    rows.append(f"most frequent disagreements (FRUS→teikit): {top}")
    return "\n".join(rows)


THRESHOLDS: dict[str, tuple[float, float]] = {
    "dateline": (0.95, 0.95),
    "head": (0.90, 0.95),
    "signed": (0.90, 0.95),
    "numbered": (0.90, 0.85),
    "p": (0.95, 0.90),
    "source": (0.95, 0.95),
    "seg": (0.90, 0.90),
    "postscript": (0.80, 0.80),
    "list-head": (0.80, 0.80),
    "item": (0.80, 0.80),
}
"""Role → (recall, precision) the encoder must reach over the 62 pairs. Set a little
under what it reaches (November 2026: dateline 100/100, head 95/100, signed 96/100,
numbered 98/91, p 99/95, source 100/100, seg 100/96, postscript, lists 100/100)."""


@pytest.fixture(scope="module")
def tally() -> Tally:
    return measure(pairs_folder())


def test_print_agreement_table(tally: Tally) -> None:
    print("\n" + table(tally))
    assert tally.theirs["p"] > 0


def test_round_trip_holds_on_every_pair(tally: Tally) -> None:
    assert tally.round_trip_failures == []


@pytest.mark.parametrize("role", sorted(THRESHOLDS))
def test_role_agreement(tally: Tally, role: str) -> None:
    recall, precision = THRESHOLDS[role]
    assert tally.theirs[role] > 0
    assert _ratio(tally.agree[role], tally.theirs[role]) >= recall, table(tally)
    assert _ratio(tally.ours_agree[role], tally.ours[role]) >= precision, table(tally)


def test_dateline_dates_agree(tally: Tally) -> None:
    assert tally.dates >= 60
    assert _ratio(tally.dates_agree, tally.dates) >= 0.95


def test_notes_sections_are_found(tally: Tally) -> None:
    """The same number of footnotes as FRUS in at least 90% of the documents."""
    assert _ratio(tally.notes_docs_agree, tally.notes_docs) >= 0.90


def test_glued_references_link_to_their_notes(tally: Tally) -> None:
    """Once the ``glued`` rule runs in the ``frus`` profile: most references linked, in
    the right block, and (nearly) no false ones."""
    if "glued" not in profiles.get("frus").rules:
        pytest.skip("the 'glued' footnote rule is not enabled in the frus profile")
    assert _ratio(tally.anchors_agree, tally.anchors) >= 0.80
    assert _ratio(tally.anchors_agree, tally.ours_anchors) >= 0.95


if __name__ == "__main__":
    print(table(measure(PAIRS)))
