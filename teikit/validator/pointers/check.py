"""Local pointers that lead nowhere: every ``#id`` a pointer attribute names must be the
``xml:id`` of an element of the document (XIncluded parts included).

Which attributes are pointers is read from ``tei_all`` (:mod:`table`): ``@resp``,
``@target``, ``@corresp``, ``@ref``, ``@who``, ``@hand``, ``@spanTo``, ``@sameAs`` … on the
elements that have them as pointers. Each whitespace-separated item is checked:

- ``#id`` must name an ``xml:id`` (``#xpath(…)`` and other XPointer schemes are left alone);
- ``prefix:value``, where the document declares ``prefix`` in a ``prefixDef``, is expanded
  as its ``matchPattern`` and ``replacementPattern`` say; an expansion to ``#id`` is checked
  as above, any other (another file, a URL) is left alone;
- anything else (``http://…``, ``other.xml#id``, an undeclared prefix) points outside the
  document and is never fetched.

Only elements in the TEI namespace are read: the examples inside ``egXML`` point to ids
of documents that are not there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import TEI_NS
from teikit.validator.document import Document
from teikit.validator.hints import hint
from teikit.validator.messages import guidelines_url, readable_xpath

_PREFIXED: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.S)
_SCHEME: Final = "("
"""A fragment with a parenthesis is an XPointer scheme (``#xpath(//p)``), not an id."""


@dataclass(frozen=True)
class PrefixDef:
    """One ``prefixDef``: how ``ident:value`` pointers expand."""

    ident: str
    match: re.Pattern[str]
    replacement: str

    def expand(self, value: str) -> str | None:
        """The expansion of ``value`` (after the prefix), or None if it does not match."""
        found = self.match.fullmatch(value)
        if found is None:
            return None
        groups = [found.group(0), *found.groups()]

        def group(reference: re.Match[str]) -> str:
            number = int(reference.group(1))
            return (groups[number] or "") if number < len(groups) else ""

        return re.sub(r"\$(\d)", group, self.replacement)


def prefix_defs(tree: etree._ElementTree) -> dict[str, list[PrefixDef]]:
    """The document's ``prefixDef`` declarations by prefix (unusable patterns skipped)."""
    return prefix_defs_of((element.get("ident"), element.get("matchPattern"),
                           element.get("replacementPattern"))
                          for element in tree.iter(f"{{{TEI_NS}}}prefixDef"))


def prefix_defs_of(declared: Iterable[tuple[str | None, str | None, str | None]]
                   ) -> dict[str, list[PrefixDef]]:
    """``prefixDef`` declarations, given as (ident, matchPattern, replacementPattern) in
    document order, by prefix (unusable patterns skipped)."""
    found: dict[str, list[PrefixDef]] = {}
    for ident, pattern, replacement in declared:
        if not ident or pattern is None:
            continue
        try:
            match = re.compile(pattern)
        except re.error:
            continue
        found.setdefault(ident, []).append(PrefixDef(ident, match, replacement or ""))
    return found


def local_target(item: str, prefixes: dict[str, list[PrefixDef]]) -> tuple[str, str] | None:
    """(the id ``item`` points to, how it was expanded) for a local pointer; None for a
    pointer outside the document."""
    expanded = item
    if not item.startswith("#"):
        prefixed = _PREFIXED.fullmatch(item)
        if prefixed is None or prefixed.group(1) not in prefixes:
            return None
        for definition in prefixes[prefixed.group(1)]:
            result = definition.expand(prefixed.group(2))
            if result is not None:
                expanded = result
                break
        else:
            return None
        if not expanded.startswith("#"):
            return None
    fragment = expanded[1:]
    if _SCHEME in fragment:
        return None
    return fragment, expanded if expanded != item else ""


def dangling(document: Document, pointers: frozenset[tuple[str, str]],
             ids: Collection[str] | None = None,
             prefixes: dict[str, list[PrefixDef]] | None = None) -> list[Diagnostic]:
    """An error for every local pointer in ``document`` that names no ``xml:id``. ``ids``
    and ``prefixes``: those of the whole document, when ``document`` holds only a part of
    it (:mod:`teikit.validator.pointers.stream`); by default its own."""
    if ids is None:
        ids = {" ".join(value.split()) for value in document.ids()}
    if prefixes is None:
        prefixes = prefix_defs(document.tree)
    found = []
    skip = len(TEI_NS) + 2
    for element in document.tree.iter(f"{{{TEI_NS}}}*"):
        keys = element.keys()
        if not keys:
            continue
        local = str(element.tag)[skip:]
        for key in keys:
            if (local, str(key)) not in pointers:
                continue
            for item in (element.get(key) or "").split():
                target = local_target(item, prefixes)
                if target is not None and target[0] not in ids:
                    found.append(_problem(document, element, str(key), item, target))
    return found


def _problem(document: Document, element: etree._Element, attribute: str, item: str,
             target: tuple[str, str]) -> Diagnostic:
    name = etree.QName(element).localname
    shown = "xml:" + attribute.split("}")[1] if attribute.startswith("{") else attribute
    via = f" (`{target[1]}` by its prefixDef)" if target[1] else ""
    missing = (f"no element has xml:id `{target[0]}`" if target[0]
               else "the id after `#` is empty")
    message = f"`@{shown}` on `{name}` points to `{item}`{via}, but {missing}"
    problem = document.diagnostic(element, Severity.ERROR, "dangling-pointer", message,
                                  xpath=readable_xpath(element), source="pointers",
                                  url=guidelines_url(element))
    return dataclasses.replace(problem, hint=hint("pointer", shown, name))
