"""The table of contents of a long document: its divisions' headings, linked.

Every rendered division has an id (:mod:`.rules.textstructure`); the contents list the
divisions that have a heading (``head``, or the heading generated for EpiDoc's standard
divisions), nested as the divisions are, three levels deep. A document is long enough to
get one when it has at least :data:`MIN_ENTRIES` headed divisions and
:data:`MIN_CHARACTERS` characters of text, or :data:`MANY_ENTRIES` headed divisions (at
any depth).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from teikit.exporter.html.header import read_record
from teikit.exporter.html.render import Node, Shared, attrs, make
from teikit.exporter.html.rules.epidoc import generated_heading
from teikit.tei import TEI_NS, is_tei, local_name, tei

MIN_ENTRIES: Final = 3
MIN_CHARACTERS: Final = 20_000
MANY_ENTRIES: Final = 8
MAX_DEPTH: Final = 3
MAX_LABEL: Final = 80
DESCEND: Final = ("text", "front", "body", "back", "group", "TEI")


@dataclass
class Entry:
    """One line of the contents: a heading and the id it links to."""

    label: str
    target: str
    children: list[Entry] = field(default_factory=list)


def heading_text(division: etree._Element) -> str:
    """The division's heading as plain text (notes inside it left out); a corpus member's
    title."""
    if is_tei(division, "TEI"):
        return read_record(division).title or "Untitled document"
    head = division.find(tei("head"))
    if head is None:
        return generated_heading(division)
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        parts.append(element.text or "")
        for child in element:
            if not is_tei(child, "note") and isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(head)
    label = " ".join("".join(parts).split())
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"


def entries(element: etree._Element, shared: Shared, depth: int = 1,
            known: Mapping[etree._Element, list[Entry]] | None = None) -> Iterator[Entry]:
    """The contents under ``element`` (``known``: the contents under some elements, read
    before their divisions were let go, :mod:`.stream`)."""
    for child in element:
        if known is not None and child in known:
            yield from known[child]
        else:
            yield from child_entries(child, shared, depth, known)


def child_entries(child: etree._Element, shared: Shared, depth: int = 1,
                  known: Mapping[etree._Element, list[Entry]] | None = None
                  ) -> Iterator[Entry]:
    """The contents ``child`` gives at ``depth`` (its heading, or those under it)."""
    target = shared.div_ids.get(child)
    if target is not None:
        label = heading_text(child)
        below = list(entries(child, shared, depth + 1)) if depth < MAX_DEPTH else []
        if label:
            yield Entry(label, target, below)
        else:
            yield from below
    elif is_tei(child, *DESCEND) or child.tag == f"{{{TEI_NS}}}teiCorpus":
        yield from entries(child, shared, depth, known)


def headed(shared: Shared) -> int:
    """How many rendered divisions have a heading."""
    return sum(1 for division in shared.div_ids if heading_text(division))


def text_size(text: etree._Element | None) -> int:
    return sum(len(part) for part in text.itertext()) if text is not None else 0


def is_long(total: int, size: int) -> bool:
    """Whether a document gets a table of contents, from its headed divisions (counted at
    every depth, though the contents show three levels) and the size of its text."""
    return total >= MANY_ENTRIES or (total >= MIN_ENTRIES and size >= MIN_CHARACTERS)


def _list(found: list[Entry]) -> etree._Element:
    items: list[Node] = []
    for entry in found:
        link: list[Node] = [make("a", attrs(href=f"#{entry.target}"), [entry.label])]
        if entry.children:
            link.append(_list(entry.children))
        items.append(make("li", {}, link))
    return make("ol", {}, items)


def contents(found: list[Entry], heading: str = "Contents") -> etree._Element:
    """``nav.toc``: its title and the nested list (the title is not a heading, so that the
    page's outline starts with the document's ``h1``)."""
    return make("nav", attrs("toc", aria_labelledby="contents"), [
        make("p", attrs("toc-title", id="contents"), [heading]), _list(found)])


def table_of_contents(root: etree._Element, shared: Shared) -> etree._Element | None:
    """The table of contents of a long document or of a corpus, else ``None``."""
    found = list(entries(root, shared))
    if local_name(root) == "teiCorpus":
        return contents(found, "Documents") if found else None
    text = root.find(tei("text")) if local_name(root) == "TEI" else root
    if not found:
        return None
    total = headed(shared)  # the text is measured only when the count does not decide
    return contents(found) if is_long(total, 0 if total >= MANY_ENTRIES else text_size(text)) \
        else None
