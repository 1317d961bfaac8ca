"""The oracle: libxml2 answers "is this subtree valid?" so that the Python walk skips it.

It validates an element on its own against a copy of the grammar pruned to the documents'
vocabulary whose start is any of their elements (:func:`prune.prune_elements`). lxml
validates a subtree in place, without copying it, so asking costs about what checking that
subtree costs, and only elements on the way to a fault are asked.
"""

from __future__ import annotations

from lxml import etree

from teikit import tei
from teikit.validator.cache import cached
from teikit.validator.prune import prune_elements
from teikit.validator.vocabulary import Vocabulary

RECOVERY: str = "1"
"""Version of :func:`prune_elements`'s output, part of its cache key."""


class Oracle:
    """Whole-subtree validity for documents with (a part of) one vocabulary."""

    def __init__(self, grammar: etree._Element, digest: str, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._validator: etree.RelaxNG | None = None  # the walk checks every subtree
        try:  # a large vocabulary reaches deep into the grammar's definitions
            data = cached("rng-recovery", [RECOVERY, digest, *vocabulary.key()],
                          lambda: etree.tostring(tei.with_depth_room(
                              lambda: prune_elements(grammar, vocabulary))))
            self._validator = etree.RelaxNG(tei.parse_bytes(data).getroot())
        except (etree.RelaxNGParseError, RecursionError):
            pass

    def __call__(self, element: etree._Element) -> bool:
        return self._validator is not None and bool(self._validator.validate(element))
