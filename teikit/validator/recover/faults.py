"""What the complete check finds: one :class:`Fault` per problem, as data.

Faults name what is wrong in terms of the grammar (names, values, what was expected);
:mod:`wording` turns them into diagnostics. Kinds:

``unexpected``   a child element not allowed where it is (``expected``: what may come)
``unknown``      a child element the grammar has nowhere
``early``        a child element that may only come later (``required``: what is missing)
``incomplete``   an element that ends while ``required`` (or ``expected``) elements are due
``attribute``    an attribute not allowed on its element (``expected``: the allowed ones)
``missing-attribute``  required attributes (``required``) not given
``value``        an attribute value its datatype rejects (``problem`` says why)
``content``      character content its datatype rejects
``text``         text where the element takes none
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teikit.validator.recover.values import ValueProblem
from teikit.validator.vocabulary import Name


@dataclass(frozen=True)
class Fault:
    kind: str
    element: etree._Element
    """The element at fault (for ``text``, the element holding the text)."""
    attribute: Name | None = None
    value: str | None = None
    expected: tuple[Name, ...] = ()
    required: tuple[Name, ...] = ()
    text_allowed: bool = False
    problem: ValueProblem | None = field(default=None, compare=False)
    anchor: etree._Element | None = field(default=None, compare=False)
    """For ``text``: the node the text follows (the element itself: its first text)."""
