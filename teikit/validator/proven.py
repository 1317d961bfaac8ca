"""Valid without reading a document's vocabulary, when its batch's is known from before.

Pruning a grammar to the vocabulary of a batch (:mod:`prune`) needs every document's
element nesting and attribute use, read by a walk over every element in Python: a fifth
of the time a large batch of valid files takes. A grammar pruned *strictly* to any
vocabulary accepts no document the whole grammar rejects, whatever names the document has
(replacing a pattern by ``notAllowed`` only narrows what a grammar accepts). So when the
same files were checked before, unchanged (same paths, sizes and modification times),
their batch's vocabulary is taken from the cache, and each document is first checked
against the grammar pruned strictly to it: one it accepts is valid, and its walk is saved.
One it rejects is checked the usual way, against the batch's usual grammar, which says why
(or finds it valid after all: a file changed without its size or time changing, or an
XIncluded file changed). Verdicts never depend on what the cache holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.validator.cache import forget, store, stored
from teikit.validator.document import Document
from teikit.validator.vocabulary import Vocabulary

KIND: Final = "batch-vocabulary"
FORMAT: Final = "1"
"""Version of what is stored under KIND, part of its key."""
KEEP: Final = 4
"""Strictly pruned grammars kept compiled per schema (one per batch)."""


class Proofs:
    """Checks against a grammar pruned strictly to a vocabulary (compiled once for each)."""

    def __init__(self, pruned: Callable[[Vocabulary], etree._Element]) -> None:
        self._pruned = pruned
        self._compiled: list[tuple[Vocabulary, etree.RelaxNG | None]] = []

    def valid(self, document: Document, vocabulary: Vocabulary) -> bool:
        """True when ``document`` is shown valid against the whole grammar."""
        validator = self._validator(vocabulary)
        return validator is not None and bool(validator.validate(document.tree))

    def _validator(self, vocabulary: Vocabulary) -> etree.RelaxNG | None:
        for known, validator in self._compiled:
            if known is vocabulary or known == vocabulary:
                return validator
        try:
            found: etree.RelaxNG | None = etree.RelaxNG(self._pruned(vocabulary))
        except etree.RelaxNGParseError:  # never shown valid: checked the usual way
            found = None
        self._compiled = [*self._compiled[-(KEEP - 1):], (vocabulary, found)]
        return found


def _shown(path: Path) -> str:
    """A path as text for a key, whatever bytes its name has."""
    return os.fsencode(path).hex()


class BatchVocabulary:
    """The vocabulary of a batch of files, kept in the cache from one run to the next."""

    def __init__(self, paths: Sequence[Path], roots: Sequence[Path]) -> None:
        self._key: list[str] | None = [FORMAT, *map(_shown, roots)]
        for path in paths:
            try:
                status = path.stat()
            except OSError:
                self._key = None  # reported when it is loaded
                return
            self._key.append(f"{_shown(path.resolve())} {status.st_size} {status.st_mtime_ns}")

    def known(self) -> Vocabulary | None:
        """The vocabulary the same files had when last checked (None: not known)."""
        data = stored(KIND, self._key) if self._key is not None else None
        return Vocabulary.from_bytes(data) if data is not None else None

    def remember(self, vocabulary: Vocabulary) -> None:
        if self._key is not None:
            store(KIND, self._key, vocabulary.to_bytes())

    def check(self, documents: Sequence[Document], known: Vocabulary) -> None:
        """Forget ``known`` if a document whose vocabulary was read is not inside it."""
        if self._key is not None and any(
                d.read_names and not d.names() <= known for d in documents):
            forget(KIND, self._key)
