"""The pointer check: local pointers (``#id``) that name no element of the document."""

from __future__ import annotations

from teikit.diagnostics import Diagnostic
from teikit.validator.choice import TEI_ALL
from teikit.validator.document import Document
from teikit.validator.pointers.check import dangling
from teikit.validator.pointers.table import pointer_attributes

__all__ = ["dangling_pointers"]


def dangling_pointers(document: Document) -> list[Diagnostic]:
    """An error for every local pointer of ``document`` that resolves to no ``xml:id``
    (pointer attributes as the shipped ``tei_all`` types them)."""
    return dangling(document, pointer_attributes(TEI_ALL))
