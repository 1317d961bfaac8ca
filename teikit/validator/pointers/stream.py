"""The pointer check of a document checked in parts, never held whole
(:class:`teikit.validator.streamids.Ledger` gathers what it needs from the parts).

It only ever answers "every local pointer resolves" (and then the check of the whole
tree would report nothing): anything else, a pointer that leads nowhere or two
``prefixDef`` s of one prefix (whose order the parts do not keep), leaves the answer to the
check of the whole tree, which says where and why.
"""

from __future__ import annotations

from teikit.validator.choice import TEI_ALL
from teikit.validator.pointers.check import local_target, prefix_defs_of
from teikit.validator.pointers.table import pointer_attributes
from teikit.validator.streamids import Ledger


def all_resolve(ledger: Ledger) -> bool:
    """True when every local pointer the ledger met names an ``xml:id`` it met."""
    idents = [ident for ident, _, _ in ledger.prefix_defs]
    if len(set(idents)) < len(idents):
        return False
    prefixes = prefix_defs_of(ledger.prefix_defs)
    table = pointer_attributes(TEI_ALL)
    ids = ledger.values
    for element, attribute, value in ledger.pointers:
        if (element, attribute) not in table:
            continue
        for item in value.split():
            target = local_target(item, prefixes)
            if target is not None and target[0] not in ids:
                return False
    return True
