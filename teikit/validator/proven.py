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

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
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
    """The vocabulary of a batch of files, and which of them had errors, kept in the cache
    from one run to the next (files that had errors are not offered a proof again)."""

    def __init__(self, paths: Sequence[Path], roots: Sequence[Path]) -> None:
        self._key: list[str] | None = [FORMAT, *map(_shown, roots)]
        self.vocabulary: Vocabulary | None = None
        """What the same files used when last checked (None: not known)."""
        self._failed: frozenset[int] = frozenset()
        for path in paths:
            try:
                status = path.stat()
            except OSError:
                self._key = None  # reported when it is loaded
                return
            self._key.append(f"{_shown(path.resolve())} {status.st_size} {status.st_mtime_ns}")
        data = stored(KIND, self._key)
        if data is not None:
            failed, _, names = data.partition(b"\n")
            with contextlib.suppress(ValueError, TypeError):
                self._failed = frozenset(int(index) for index in json.loads(failed))
                self.vocabulary = Vocabulary.from_bytes(names)

    def likely(self, index: int) -> Vocabulary | None:
        """The vocabulary the file at ``index`` probably has, if it may be proven valid."""
        return None if index in self._failed else self.vocabulary

    def done(self, documents: Sequence[Document], vocabulary: Vocabulary,
             failed: Iterable[int]) -> None:
        """Remember ``vocabulary`` and the files that ``failed`` this time; forget what
        was known if a document whose vocabulary was read is not inside it."""
        if self._key is None:
            return
        known = self.vocabulary
        if known is not None and any(d.read_names and not d.names() <= known
                                     for d in documents):
            forget(KIND, self._key)
        elif known is None or frozenset(failed) != self._failed:
            store(KIND, self._key,
                  json.dumps(sorted(failed)).encode() + b"\n" + vocabulary.to_bytes())
