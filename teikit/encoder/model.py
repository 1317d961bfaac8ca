"""The document model between the transcript and the TEI tree.

Layout rules turn lines into a tree of :class:`Container` and :class:`Block` nodes, with
the transcript's own separators (line ends, blank lines, indentation) kept as
:class:`Sep` nodes between them. Inline rules then turn each block's text into
:class:`Inline` nodes. Every node knows the character offset where it starts in the
transcript, so diagnostics can name a line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

Node = Union["Inline", str]
"""Inline content: text or an element."""


@dataclass(slots=True)
class Inline:
    """A TEI phrase-level element with its attributes and content."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    offset: int = 0


@dataclass(slots=True)
class Block:
    """A block of text from one or more consecutive lines (a paragraph, a head, a salute…).

    ``text`` is the block's source text without the surrounding horizontal whitespace;
    ``offset`` is where it starts in the transcript. ``content`` is filled by the inline
    rules; ``tag`` and ``attrs`` are the TEI element that will hold it.
    """

    tag: str
    text: str
    offset: int
    attrs: dict[str, str] = field(default_factory=dict)
    content: list[Node] = field(default_factory=list)
    inline: bool = True
    """Whether inline rules run over this block (false for verbatim metadata text)."""


@dataclass(slots=True)
class Sep:
    """Whitespace of the transcript between blocks, kept verbatim."""

    text: str


@dataclass(slots=True)
class Container:
    """A structural element (``div``, ``opener``, ``closer``, ``front``…) and its children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Container | Block | Sep] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    """Someone or some organization the record associates with the document."""

    name: str
    kind: str = "person"


@dataclass(slots=True)
class Metadata:
    """What the record says about the document, destined for the ``teiHeader``."""

    title: str | None = None
    date_text: str | None = None
    date_when: str | None = None
    funders: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    document_info: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)
    rights: list[str] = field(default_factory=list)
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    """Lines under ``Author(s):``, as given (catalogue form ``Surname, Forename``)."""
    subjects: list[str] = field(default_factory=list)
    """Lines under ``Subjects Discussed``."""
    related: list[str] = field(default_factory=list)
    """Lines under ``Related Documents`` (dates and titles of other records)."""
    date_from: str | None = None
    date_to: str | None = None
    """The principal date when it is a range (a diary's first entry ``12–14 June 1957``)."""
