"""Which elements' ``xml:id`` a grammar types ``ID``: the repeats libxml2 and jing count.

libxml2 rejects a repeated value of an attribute typed ``ID`` from the XSD datatypes, and
jing does too in a grammar compatible with DTDs, as TEI's are. An ``xml:id`` that the
grammar reads as mere text (inside ``egXML``, whose examples match any element with any
attribute) is not an ID to either: its repeats are no grammar fault.
"""

from __future__ import annotations

from lxml import etree

from teikit.tei import XML_NS
from teikit.validator.recover.datatypes import XSD
from teikit.validator.recover.derive import element_info
from teikit.validator.recover.expect import value_leaves
from teikit.validator.recover.grammar import Grammar, Leaf
from teikit.validator.recover.patterns import ATTRIBUTE, DATA, NameClass, Pattern, reachable
from teikit.validator.vocabulary import Name, split_name

_XML_ID: Name = (XML_NS, "id")


class IdTyping:
    """Answers, per element, whether its ``xml:id`` is an ID (worked out once per name)."""

    def __init__(self, grammar: Grammar) -> None:
        self._grammar = grammar
        self._known: dict[Name, bool] = {}

    def __call__(self, element: etree._Element) -> bool:
        name = split_name(str(element.tag))
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = any(map(_types_xml_id, self._grammar.named_exactly(name)))
        return found


def _types_xml_id(element: Pattern) -> bool:
    """True when the element pattern takes an ``xml:id`` whose value is an XSD ``ID``."""
    content = element_info(element).content
    return any(_is_id(attribute) for attribute in reachable(content, {ATTRIBUTE}, in_order=False)
               if isinstance(attribute.info, NameClass) and _XML_ID in attribute.info)


def _is_id(attribute: Pattern) -> bool:
    return attribute.left is not None and any(
        leaf.kind == DATA and isinstance(leaf.info, Leaf) and leaf.info.datatype.library == XSD
        and leaf.info.datatype.name == "ID" for leaf in value_leaves(attribute.left))
