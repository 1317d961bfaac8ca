"""The one interface every schema language implements."""

from __future__ import annotations

from typing import Protocol

from teikit.diagnostics import Diagnostic
from teikit.validator.document import Document
from teikit.validator.schemas import Schema
from teikit.validator.vocabulary import Vocabulary

__all__ = ["Backend", "Vocabulary"]


class Backend(Protocol):
    """A compiled schema that reports every problem of a document."""

    schema: Schema

    def prepare(self, vocabulary: Vocabulary) -> None:
        """Get ready for documents using (a subset of) ``vocabulary``; may do nothing."""

    def check(self, document: Document) -> list[Diagnostic]:
        """All the problems of ``document`` against this schema."""
