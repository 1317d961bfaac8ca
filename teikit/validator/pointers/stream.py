"""The pointer check of a document checked in parts, never held whole
(:class:`teikit.validator.streamids.Ledger` gathers what it needs from the parts).

It only ever answers "every local pointer resolves" (and then the check of the whole
tree would report nothing): anything else, a pointer that leads nowhere or two
``prefixDef`` s of one prefix (whose order the parts do not keep), leaves the answer to the
check of the whole tree, which says where and why. It reads the values of every attribute
of a TEI element that holds a ``#`` or a ``:`` as pointers, not only those of the pointer
attributes (which the parts keep no trace of): a ``#x`` naming no ``xml:id`` in another
attribute only sends the file to the check of the whole tree, which tells them apart.
"""

from __future__ import annotations

from teikit.validator.pointers.check import local_target, prefix_defs_of
from teikit.validator.streamids import Ledger


def all_resolve(ledger: Ledger) -> bool:
    """True when every local pointer the ledger met (and every value of another attribute
    that reads as one) names an ``xml:id`` it met."""
    idents = [ident for ident, _, _ in ledger.prefix_defs]
    if len(set(idents)) < len(idents):
        return False
    prefixes = prefix_defs_of(ledger.prefix_defs)
    ids = ledger.values
    for value in ledger.pointers:
        for item in value.split():
            target = local_target(item, prefixes)
            if target is not None and target[0] not in ids:
                return False
    return True
