"""How to export: one options value for every format, and what a rendering returns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from teikit.diagnostics import TeikitError

if TYPE_CHECKING:
    from teikit.exporter.html.xslt import Overrides

Notes = Literal["end", "omit"]


@dataclass(frozen=True)
class ExportOptions:
    """Everything an export can be asked to do (every field has the usual default)."""

    to: str = "html"
    """``html`` or ``text``."""
    view: str | None = None
    """The format's view (``reading``/``editorial`` for HTML, ``transcript``/``reading``
    for text); ``None`` is the format's first view."""
    validate: bool = True
    """Validate first and refuse a document with errors (``False`` does no validation)."""
    schemas: tuple[Path, ...] = ()
    """Schemas to validate against; empty: the library's choice for each document."""
    notes: Notes = "end"
    """Reading text: notes listed at the end of the text, or left out."""
    source_name: str | None = None
    """The transcript named in the page's colophon (default: the header's record)."""
    xinclude_roots: tuple[Path, ...] = ()
    """Folders besides each document's own from which XInclude may read."""
    css: str = ""
    """A team's own CSS, added to the page after teikit's (``--css``)."""
    xslt: Overrides | None = None
    """A team's own XSLT templates, applied on top of teikit's rules (``--xslt``; see
    :func:`teikit.exporter.html.xslt.load_overrides`)."""


class OverrideError(TeikitError):
    """A team's XSLT templates failed on a document (the message says why)."""


@dataclass
class Rendered:
    """One rendering: the bytes, and the elements rendered without a rule of their own."""

    data: bytes
    unruled: Counter[str] = field(default_factory=Counter)
