"""Which elements a RELAX NG grammar allows inside an element, for readable messages.

libxml2 says "Did not expect element date there"; teikit adds what *is* allowed inside the
parent, read from the whole grammar (not the pruned copy that did the validating). The
list is the parent's content model flattened to element names, not position-aware: it
answers "what may go in here at all".
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from teikit.validator.prune import RNG, element_name, rng_children

_ELEMENT: Final = f"{{{RNG}}}element"
_REF: Final = f"{{{RNG}}}ref"
_ATTRIBUTE: Final = f"{{{RNG}}}attribute"


class AllowedChildren:
    """Answers "which elements may appear inside element (ns, name)" for one grammar."""

    def __init__(self, grammar: etree._Element) -> None:
        self.defines: dict[str, list[etree._Element]] = {}
        self.parents: dict[tuple[str, str], list[etree._Element]] = {}
        for define in grammar.iter(f"{{{RNG}}}define"):
            self.defines.setdefault(define.get("name", ""), []).append(define)
        for element in grammar.iter(_ELEMENT):
            name = element_name(element)
            if name is not None:
                self.parents.setdefault(name, []).append(element)
        self._cache: dict[tuple[str, str], list[str]] = {}

    def __call__(self, namespace: str, name: str) -> list[str]:
        """Local names of the elements allowed inside (namespace, name), sorted."""
        key = (namespace, name)
        if key not in self._cache:
            found: set[str] = set()
            seen: set[str] = set()
            for element in self.parents.get(key, []):
                self._walk(element, found, seen)
            self._cache[key] = sorted(found)
        return self._cache[key]

    def _walk(self, node: etree._Element, found: set[str], seen: set[str]) -> None:
        for child in rng_children(node):
            if child.tag == _ELEMENT:
                name = element_name(child)
                found.add(name[1] if name else "(any element)")
            elif child.tag == _REF:
                ref = child.get("name", "")
                if ref not in seen:
                    seen.add(ref)
                    for define in self.defines.get(ref, []):
                        self._walk(define, found, seen)
            elif child.tag != _ATTRIBUTE:
                self._walk(child, found, seen)


def allowed_phrase(names: list[str], limit: int = 12) -> str:
    """``; allowed inside `p`: `a`, `b` … and 40 more`` (empty when nothing is known)."""
    if not names:
        return ""
    shown = ", ".join(f"`{n}`" for n in names[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return f"{shown}{more}"
