"""The reading policy's decisions about one element: is it left out, what break comes
around it, and what scope its content is read in (the tables are in :mod:`.policy`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from teikit.exporter.options import Notes
from teikit.exporter.restored import is_restored
from teikit.exporter.text import policy
from teikit.exporter.text.writer import LINE, PARAGRAPH
from teikit.exporter.variants import READINGS, is_kept
from teikit.tei import TEI_NS, local_name
from teikit.transcript import declared_reading


@dataclass(frozen=True)
class Scope:
    """Where the walk is: the strongest break allowed, and whether ``lb`` is a new line."""

    cap: int = PARAGRAPH
    lines: bool = False
    apparatus: bool = False


def tei_name(element: etree._Element) -> str | None:
    """The local name of a TEI element, else ``None``."""
    tag = element.tag
    return local_name(element) if isinstance(tag, str) and tag.startswith(f"{{{TEI_NS}}}") \
        else None


def parent_name(element: etree._Element) -> str:
    parent = element.getparent()
    return (tei_name(parent) or "") if parent is not None else ""


def is_omitted(element: etree._Element, notes: Notes = "end", apparatus: bool = False
               ) -> bool:
    """Whether the reading policy leaves ``element`` out (with everything inside it)."""
    name = tei_name(element)
    if name is None:
        return not isinstance(element.tag, str)
    declared = declared_reading(element)
    if declared is not None:  # a convention the profile declared: shown as it asked
        return declared == "omit"
    if name == "del" and element.get("rend") == "erasure" and in_edition(element):
        return not policy.ERASURES_KEPT
    if name == "del" and is_restored(element):
        return False  # the deletion was cancelled: the text stands
    if name in policy.OMITTED or (name == "note" and notes == "omit"):
        return True
    if name == "ref" and element.get("type") == "noteAnchor":
        return True  # a footnote call: the note itself is read where it stands
    if name == "label" and parent_name(element) == "add":
        return True  # teikit's own label for an addition ("handwritten:")
    if name == "div" and element.get("type") in policy.PLACEHOLDER_DIVS:
        return all(tei_name(child) == "head" for child in element)
    parent = element.getparent()
    if parent is None:
        return False
    if tei_name(parent) == "choice":
        return element is not preferred_reading(parent)
    if tei_name(parent) in ("app", "rdgGrp") and not apparatus and name in READINGS:
        return not is_kept(element)  # the lemma, else the first reading (see .variants)
    return False


def in_edition(element: etree._Element) -> bool:
    """Whether ``element`` is inside an EpiDoc ``div type="edition"``."""
    return any(tei_name(a) == "div" and a.get("type") == "edition"
               for a in element.iterancestors())


def in_entry(element: etree._Element) -> bool:
    """Whether ``element`` is inside a dictionary's entry."""
    return any(tei_name(a) in policy.ENTRIES for a in element.iterancestors())


def preferred_reading(choice: etree._Element) -> etree._Element | None:
    """The reading of a ``choice`` the text keeps (see :data:`policy.PREFERRED`)."""
    children = [child for child in choice if tei_name(child)]
    return next((c for c in children if tei_name(c) in policy.PREFERRED),
                children[0] if children else None)


def layout(element: etree._Element, name: str) -> int:
    """The break around ``element``: :data:`PARAGRAPH`, :data:`LINE` or 0 (inline)."""
    if name in policy.IN_ENTRY_PHRASES and in_entry(element):
        return 0
    parent = parent_name(element)
    in_container = parent in policy.CONTAINERS
    if name in policy.IN_CONTAINERS_ONLY and not in_container:
        return 0
    if name in policy.BLOCKS:
        return PARAGRAPH
    if name in policy.LINES:
        return LINE
    return PARAGRAPH if in_container and name not in policy.PHRASES else 0


def inner_scope(element: etree._Element, name: str, scope: Scope) -> Scope:
    """The scope for ``element``'s content."""
    if name in policy.LINE_GROUPS:
        scope = replace(scope, cap=LINE)
    if name in policy.VERSE_OR_INSCRIPTION or (name == "div" and element.get("type") ==
                                               "edition"):
        scope = replace(scope, lines=True)
    if name == "listApp" or (name == "div" and element.get("type") == "apparatus"):
        scope = replace(scope, apparatus=True)
    return scope
