"""Validating a document by derivatives of a simplified grammar (James Clark, "An algorithm
for RELAX NG validation", 2002).

Used where libxml2 cannot be trusted: grammars that use ``QName`` or ``NOTATION`` (libxml2
compares them as strings) and grammars libxml2 cannot compile. The derivative of a pattern
by each start tag, attribute, text and end tag is the pattern the rest must match; the
document is valid when what is left at its end can match nothing more (is nullable).
Derivatives are memoised by pattern, which compare by structure.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Final

from lxml import etree

from teikit.validator.rng import patterns as p
from teikit.validator.rng.read import Grammar
from teikit.validator.rng.types import Context

_WHITESPACE: Final = " \t\r\n"


def nullable(pattern: p.Pattern) -> bool:
    if isinstance(pattern, (p.Empty, p.Text)):
        return True
    if isinstance(pattern, (p.Group, p.Interleave)):
        return nullable(pattern.first) and nullable(pattern.second)
    if isinstance(pattern, p.Choice):
        return nullable(pattern.first) or nullable(pattern.second)
    if isinstance(pattern, p.OneOrMore):
        return nullable(pattern.content)
    return False


def after(first: p.Pattern, second: p.Pattern) -> p.Pattern:
    if isinstance(first, p.NotAllowed) or isinstance(second, p.NotAllowed):
        return p.NOT_ALLOWED
    return p.After(first, second)


def apply_after(change: Callable[[p.Pattern], p.Pattern], pattern: p.Pattern) -> p.Pattern:
    if isinstance(pattern, p.After):
        return after(pattern.first, change(pattern.second))
    if isinstance(pattern, p.Choice):
        return p.choice(apply_after(change, pattern.first), apply_after(change, pattern.second))
    return p.NOT_ALLOWED


class Validator:
    """Validates documents against one simplified grammar."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.start_tag = lru_cache(maxsize=65536)(self._start_tag)
        self.close_tag = lru_cache(maxsize=65536)(self._close_tag)

    def valid(self, tree: etree._ElementTree) -> etree._Element | None:
        """None when ``tree`` is valid, else the first element where it is not."""
        root = tree.getroot()
        found, fault = self.element(self.grammar.start, root)
        if fault is not None:
            return fault
        return None if nullable(found) else root

    def element(self, pattern: p.Pattern, node: etree._Element
                ) -> tuple[p.Pattern, etree._Element | None]:
        """The derivative of ``pattern`` by the element ``node``, and where it failed."""
        qname = etree.QName(node)
        name = (qname.namespace or "", qname.localname)
        context = _context(node)
        current = self.start_tag(pattern, name)
        if isinstance(current, p.NotAllowed):
            return current, node
        for key, value in node.attrib.items():
            attribute = etree.QName(key)
            current = self.attribute(current, (attribute.namespace or "", attribute.localname),
                                     str(value), context)
        current = self.close_tag(current)
        if isinstance(current, p.NotAllowed):
            return current, node
        current, fault = self.content(current, node, context)
        if fault is not None:
            return current, fault
        current = self.end_tag(current)
        return current, node if isinstance(current, p.NotAllowed) else None

    def content(self, pattern: p.Pattern, node: etree._Element, context: Context
                ) -> tuple[p.Pattern, etree._Element | None]:
        items = _children(node)
        if not any(isinstance(item, etree._Element) for item in items):
            text = "".join(items)  # type: ignore[arg-type]
            derived = self.text(pattern, text, context)
            return (p.choice(pattern, derived) if not text.strip(_WHITESPACE) else derived), (
                node if isinstance(derived, p.NotAllowed) and text.strip(_WHITESPACE) else None)
        for item in items:
            if isinstance(item, etree._Element):
                pattern, fault = self.element(pattern, item)
                if fault is not None:
                    return pattern, fault
            elif item.strip(_WHITESPACE):
                pattern = self.text(pattern, item, context)
                if isinstance(pattern, p.NotAllowed):
                    return pattern, node
        return pattern, None

    def _start_tag(self, pattern: p.Pattern, name: tuple[str, str]) -> p.Pattern:
        if isinstance(pattern, p.Choice):
            return p.choice(self.start_tag(pattern.first, name),
                            self.start_tag(pattern.second, name))
        if isinstance(pattern, p.Ref):
            name_class, content = self.grammar.elements[pattern.index]
            return after(content, p.EMPTY) if p.contains(name_class, *name) else p.NOT_ALLOWED
        if isinstance(pattern, p.Interleave):
            first, second = pattern.first, pattern.second
            return p.choice(
                apply_after(lambda rest: p.interleave(rest, second), self.start_tag(first, name)),
                apply_after(lambda rest: p.interleave(first, rest), self.start_tag(second, name)))
        if isinstance(pattern, p.OneOrMore):
            again = p.choice(pattern, p.EMPTY)
            return apply_after(lambda rest: p.group(rest, again),
                               self.start_tag(pattern.content, name))
        if isinstance(pattern, p.Group):
            second = pattern.second
            found = apply_after(lambda rest: p.group(rest, second),
                                self.start_tag(pattern.first, name))
            return p.choice(found, self.start_tag(second, name)) if nullable(
                pattern.first) else found
        if isinstance(pattern, p.After):
            rest = pattern.second
            return apply_after(lambda inner: after(inner, rest),
                               self.start_tag(pattern.first, name))
        return p.NOT_ALLOWED

    def attribute(self, pattern: p.Pattern, name: tuple[str, str], value: str,
                  context: Context) -> p.Pattern:
        def derive(current: p.Pattern) -> p.Pattern:
            return self.attribute(current, name, value, context)

        shared = _through(pattern, derive)
        if shared is not None:
            return shared
        if isinstance(pattern, p.Group):
            return p.choice(p.group(derive(pattern.first), pattern.second),
                            p.group(pattern.first, derive(pattern.second)))
        if isinstance(pattern, p.Attribute) and p.contains(pattern.name_class, *name):
            return p.EMPTY if self.value_matches(pattern.content, value, context) else \
                p.NOT_ALLOWED
        return p.NOT_ALLOWED

    def value_matches(self, pattern: p.Pattern, value: str, context: Context) -> bool:
        return (nullable(pattern) and not value.strip(_WHITESPACE)) or nullable(
            self.text(pattern, value, context))

    def _close_tag(self, pattern: p.Pattern) -> p.Pattern:
        if isinstance(pattern, p.After):
            return after(self.close_tag(pattern.first), pattern.second)
        if isinstance(pattern, p.Choice):
            return p.choice(self.close_tag(pattern.first), self.close_tag(pattern.second))
        if isinstance(pattern, p.Group):
            return p.group(self.close_tag(pattern.first), self.close_tag(pattern.second))
        if isinstance(pattern, p.Interleave):
            return p.interleave(self.close_tag(pattern.first), self.close_tag(pattern.second))
        if isinstance(pattern, p.OneOrMore):
            return p.one_or_more(self.close_tag(pattern.content))
        if isinstance(pattern, p.Attribute):
            return p.NOT_ALLOWED
        return pattern

    def end_tag(self, pattern: p.Pattern) -> p.Pattern:
        if isinstance(pattern, p.Choice):
            return p.choice(self.end_tag(pattern.first), self.end_tag(pattern.second))
        if isinstance(pattern, p.After):
            return pattern.second if nullable(pattern.first) else p.NOT_ALLOWED
        return p.NOT_ALLOWED

    def text(self, pattern: p.Pattern, text: str, context: Context) -> p.Pattern:
        def derive(current: p.Pattern) -> p.Pattern:
            return self.text(current, text, context)

        shared = _through(pattern, derive)
        if shared is not None:
            return shared
        if isinstance(pattern, p.Group):
            found = p.group(derive(pattern.first), pattern.second)
            return p.choice(found, derive(pattern.second)) if nullable(pattern.first) else found
        if isinstance(pattern, p.Text):
            return pattern
        return p.EMPTY if self.datum(pattern, text, context) else p.NOT_ALLOWED

    def datum(self, pattern: p.Pattern, text: str, context: Context) -> bool:
        types = self.grammar.types
        if isinstance(pattern, p.Value):
            return types.equal(pattern.datatype, text, context, pattern.text, pattern.context)
        if isinstance(pattern, p.Data):
            return types.allows(pattern.datatype, text, context) and (
                pattern.exception is None or not nullable(
                    self.text(pattern.exception, text, context)))
        if isinstance(pattern, p.List):
            current = pattern.content
            for word in text.split():
                current = self.text(current, word, context)
            return nullable(current)
        return False


def _through(pattern: p.Pattern, derive: Callable[[p.Pattern], p.Pattern]
             ) -> p.Pattern | None:
    """The derivative of a choice, interleave, after or oneOrMore, made of its parts'
    (``derive``), the same for an attribute as for text; None for other patterns."""
    if isinstance(pattern, p.Choice):
        return p.choice(derive(pattern.first), derive(pattern.second))
    if isinstance(pattern, p.Interleave):
        return p.choice(p.interleave(derive(pattern.first), pattern.second),
                        p.interleave(pattern.first, derive(pattern.second)))
    if isinstance(pattern, p.After):
        return after(derive(pattern.first), pattern.second)
    if isinstance(pattern, p.OneOrMore):
        return p.group(derive(pattern.content), p.choice(pattern, p.EMPTY))
    return None


def _context(node: etree._Element) -> Context:
    return tuple(sorted((prefix or "", uri) for prefix, uri in node.nsmap.items()))


def _children(node: etree._Element) -> list[str | etree._Element]:
    """Text and child elements, adjacent text merged (comments and PIs are not content)."""
    found: list[str | etree._Element] = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            found.append(child)
            found.append(child.tail or "")
        else:
            found[-1] = f"{found[-1]}{child.tail or ''}"
    merged: list[str | etree._Element] = []
    for item in found:
        if isinstance(item, str) and merged and isinstance(merged[-1], str):
            merged[-1] += item
        elif item != "":
            merged.append(item)
    return merged
