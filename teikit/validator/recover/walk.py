"""The complete check: every fault of a document, going on after each one as jing does.

Each element's children are matched against its content model one by one. A child that
does not fit is reported and then skipped: its siblings go on from the state before it,
and its own content is checked against its definitions, from where it would fit (jing's
"not allowed yet"), or against every definition the grammar has for its name (jing's
"not allowed here"). A child whose subtree the oracle (libxml2 on a pruned grammar) finds
valid is not walked at all, so the cost stays near the faults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from teikit.validator.recover.derive import Derivatives, element_info
from teikit.validator.recover.expect import (
    attributes,
    next_elements,
    required_attributes,
    required_elements,
    takes_text,
    value_leaves,
)
from teikit.validator.recover.faults import Fault
from teikit.validator.recover.grammar import Grammar
from teikit.validator.recover.patterns import NOT_ALLOWED, Pattern
from teikit.validator.recover.values import explain
from teikit.validator.vocabulary import Name, split_name

Oracle = Callable[[etree._Element], bool]
"""True when an element's whole subtree is valid against its definitions."""


@dataclass
class _Text:
    """Text between two elements (comments and processing instructions joined over)."""

    value: str
    anchor: etree._Element
    """The node the text follows: the parent (its first text) or the node before it."""


@dataclass
class _Frame:
    element: etree._Element | None
    state: Pattern
    items: Iterator[etree._Element | _Text]
    known: bool = True
    """False inside an element the grammar does not have: only its known descendants
    are checked, as jing does."""
    text: list[str] = field(default_factory=list)


def _items(element: etree._Element) -> Iterator[etree._Element | _Text]:
    pieces: list[str] = [element.text or ""]
    anchor: etree._Element = element
    for child in element:
        if isinstance(child.tag, str):
            if "".join(pieces).strip():
                yield _Text("".join(pieces), anchor)
            yield child
            pieces, anchor = [], child
        elif not "".join(pieces).strip():
            anchor = child  # a comment: the text that counts starts after it
            pieces = []
        pieces.append(child.tail or "")
    if "".join(pieces).strip():
        yield _Text("".join(pieces), anchor)


def _has_children(element: etree._Element) -> bool:
    return any(isinstance(child.tag, str) for child in element)


class Checker:
    """Finds every fault of documents against one grammar."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.derive = Derivatives(grammar.patterns)
        self._names: dict[str, Name] = {}
        self._contents: dict[frozenset[Pattern], Pattern] = {}

    def _name(self, clark: str) -> Name:
        found = self._names.get(clark)
        if found is None:
            found = self._names[clark] = split_name(clark)
        return found

    def _content(self, matched: frozenset[Pattern]) -> Pattern:
        """The content of an element that matched ``matched``: any of theirs."""
        found = self._contents.get(matched)
        if found is None:
            found = self._contents[matched] = self.grammar.patterns.choice(
                element_info(m).content for m in matched)
        return found

    def faults(self, root: etree._Element, oracle: Oracle | None = None,
               checked: Oracle | None = None) -> list[Fault]:
        """Every fault below ``root``. ``oracle``: whether a subtree is valid (then it is
        not walked); ``checked``: whether an element's attributes and content were found
        valid already (then only its place is checked)."""
        found: list[Fault] = []
        stack = [_Frame(None, self.grammar.start, iter([root]))]
        while stack:
            frame = stack[-1]
            item = next(frame.items, None)
            if item is None:
                stack.pop()
                self._end(frame, found)
            elif isinstance(item, _Text):
                self._text(frame, item, found)
            else:
                child = self._child(frame, item, found, oracle, checked)
                if child is not None:
                    stack.append(child)
        return found

    def _child(self, frame: _Frame, child: etree._Element, found: list[Fault],
               oracle: Oracle | None, checked: Oracle | None) -> _Frame | None:
        name = self._name(str(child.tag))
        matched = self._place(frame, child, name, found)
        if checked is not None and checked(child):
            return None
        if not matched:
            return _Frame(child, self.grammar.patterns.not_allowed,
                          self._known(child), known=False)
        if oracle is not None and self.grammar.named_exactly(name) <= matched and oracle(child):
            return None
        content = self._content(matched)
        state = self._attributes(child, content, found)
        if _has_children(child):
            return _Frame(child, state, _items(child))
        text = "".join([child.text or "", *(c.tail or "" for c in child)])
        return _Frame(child, state, iter(()), text=[text])

    def _known(self, element: etree._Element) -> Iterator[etree._Element | _Text]:
        return (c for c in element if isinstance(c.tag, str))

    def _place(self, frame: _Frame, child: etree._Element, name: Name,
               found: list[Fault]) -> frozenset[Pattern]:
        """Match ``child`` in its parent's state; report it when it does not fit. The
        element patterns it is to be checked against (none: the grammar has none)."""
        if not frame.known:
            return self.grammar.elements_named(name)
        state = frame.state
        residual, matched = self.derive.child(state, name)
        if matched:
            frame.state = residual
            return matched
        residual, matched = self.derive.skip(state, name)
        expected = next_elements(state)
        if matched:
            found.append(Fault("early", child, expected=expected,
                               required=required_elements(state),
                               text_allowed=takes_text(state)))
            frame.state = residual
            return matched
        matched = self.grammar.elements_named(name)
        found.append(Fault("unexpected" if matched else "unknown", child, expected=expected,
                           text_allowed=takes_text(state)))
        return matched

    def _attributes(self, element: etree._Element, state: Pattern,
                    found: list[Fault]) -> Pattern:
        for key, value in element.attrib.items():
            name = self._name(str(key))
            named = self.derive.attribute(state, name, None)
            if named.kind == NOT_ALLOWED:
                found.append(Fault("attribute", element, attribute=name,
                                   expected=attributes(state)))
                continue
            valued = self.derive.attribute(state, name, str(value))
            if valued.kind == NOT_ALLOWED:
                values = self.grammar.patterns.choice(self.derive.attribute_targets(state, name))
                found.append(Fault("value", element, attribute=name, value=str(value),
                                   problem=explain(self.derive, values, str(value))))
                valued = named
            state = valued
        closed = self.derive.close(state)
        if closed.kind != NOT_ALLOWED:
            return closed
        found.append(Fault("missing-attribute", element,
                           required=required_attributes(state),
                           expected=attributes(state)))
        return self.derive.forgive_attributes(state)

    def _text(self, frame: _Frame, text: _Text, found: list[Fault]) -> None:
        if not frame.known or frame.element is None:
            return
        residual = self.derive.text(frame.state, None)
        if residual.kind == NOT_ALLOWED:
            found.append(Fault("text", frame.element, value=text.value, anchor=text.anchor,
                               expected=next_elements(frame.state)))
        else:
            frame.state = residual

    def _end(self, frame: _Frame, found: list[Fault]) -> None:
        element, state = frame.element, frame.state
        if element is None or not frame.known:
            return
        if frame.text:  # no child elements: the text is matched whole, as a value
            value = frame.text[0]
            after = self.derive.text(state, value)
            if not value.strip():
                after = self.grammar.patterns.choice([state, after])
            typed = bool(value_leaves(state)) and not takes_text(state)
            if typed and not after.nullable:
                found.append(Fault("content", element, value=value,
                                   problem=explain(self.derive, state, value)))
                return
            if after.kind != NOT_ALLOWED:
                state = after
            elif value.strip():
                found.append(Fault("text", element, value=value, anchor=element,
                                   expected=next_elements(state)))
        if not state.nullable:
            found.append(Fault("incomplete", element, expected=next_elements(state),
                               required=required_elements(state),
                               text_allowed=takes_text(state)))
