"""The pointer check of a document checked in parts, never held whole
(:class:`teikit.validator.streamids.Ledger` gathers what it needs from the parts).

The ledger keeps the values of every attribute of a TEI element that holds a ``#`` or a
``:`` (not only those of the pointer attributes, which the parts keep no trace of), each
distinct value once, and the document's ``xml:id`` values. At the end
:func:`unresolved` says which values hold an item that names no ``xml:id``: when there is
one, the document is read once more for its faults (:mod:`teikit.validator.streamfaults`),
the parts holding such a value are kept whole where they stand, and :func:`located`
reports each pointer that leads nowhere on what is left, as the check of the whole tree
does (a value in another attribute that reads as a pointer is no pointer there either).
Two ``prefixDef`` s of one prefix (whose order the parts do not keep) leave the answer to
the check of the whole tree.
"""

from __future__ import annotations

from teikit.diagnostics import Diagnostic
from teikit.validator.choice import TEI_ALL
from teikit.validator.document import Document
from teikit.validator.pointers.check import dangling, local_target, prefix_defs_of
from teikit.validator.pointers.table import pointer_attributes
from teikit.validator.streamids import Ledger


def all_resolve(ledger: Ledger) -> bool:
    """True when every local pointer the ledger met (and every value of another attribute
    that reads as one) names an ``xml:id`` it met."""
    return unresolved(ledger) == set()


def unresolved(ledger: Ledger) -> set[str] | None:
    """The values the ledger met that hold an item naming no ``xml:id`` it met (empty: every
    pointer resolves); None when they cannot be told in parts (a prefix defined twice)."""
    idents = [ident for ident, _, _ in ledger.prefix_defs]
    if len(set(idents)) < len(idents):
        return None
    prefixes = prefix_defs_of(ledger.prefix_defs)
    ids = ledger.values
    return {value for value in ledger.pointers
            if any((target := local_target(item, prefixes)) is not None
                   and target[0] not in ids for item in value.split())}


def located(document: Document, ledger: Ledger) -> list[Diagnostic]:
    """The pointers that lead nowhere, as the check of the whole tree reports them, in
    ``document``: what is left of the whole when the parts holding none were freed
    (the ids and prefixes are the whole document's, from ``ledger``)."""
    return dangling(document, pointer_attributes(TEI_ALL), ledger.values,
                    prefix_defs_of(ledger.prefix_defs))
