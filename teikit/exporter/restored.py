"""Deletions cancelled in the source: a ``del`` whose ``restore`` parent says the struck
text stands again (``<restore><del>back</del></restore>``, the marginal "stet").

Such text is part of the text: the reading text keeps it, and the page shows it in both
views, unstruck, its title saying it was deleted and restored.
"""

from __future__ import annotations

from lxml import etree

from teikit.tei import is_tei


def is_restored(deletion: etree._Element) -> bool:
    """Whether ``deletion`` (a ``del``) is cancelled by the ``restore`` it stands in."""
    parent = deletion.getparent()
    return parent is not None and is_tei(parent, "restore")
