"""RELAX NG (XML syntax) through libxml2, with grammars pruned per document vocabulary.

A large self-contained grammar (``tei_all.rng``) is not compiled whole: each document (or
batch) gets a copy pruned to the elements and attributes it contains (see :mod:`prune`),
which gives the same verdict and compiles in milliseconds instead of seconds. Compiled
grammars are kept per process and reused for any document whose vocabulary they cover.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Diagnostic, Severity, has_errors
from teikit.validator import rng
from teikit.validator.allowed import AllowedChildren
from teikit.validator.backend import Vocabulary
from teikit.validator.cache import cached
from teikit.validator.document import Document
from teikit.validator.messages import from_rng_log, readable_xpath
from teikit.validator.proven import Proofs
from teikit.validator.prune import prunable, prune
from teikit.validator.schemas import Schema
from teikit.validator.streamids import ids_are_xml_ids

if TYPE_CHECKING:
    from teikit.validator.recover import Recovery

PRUNE_ABOVE: Final = 64 * 1024
"""Grammars smaller than this many bytes compile fast enough whole."""
KEEP_PRUNED: Final = 32
"""Pruned grammars kept compiled per schema, the most recent (one per batch vocabulary)."""
PRUNING: Final = "6"
"""Version of :func:`prune`'s output, part of its cache key."""


def _compile(grammar: etree._Element | etree._ElementTree, schema: Schema) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(grammar)
    except etree.RelaxNGParseError as exc:
        first = exc.error_log[0] if exc.error_log else None
        where = f":{first.line}" if first is not None and first.line else ""
        raise ConfigError(f"{schema}{where}: the RELAX NG schema does not compile: "
                          f"{first.message if first is not None else exc}") from None


class RelaxNGBackend:
    """Validates documents against one ``.rng`` schema.

    The schema is first checked against the RELAX NG specification (:mod:`rng`): an
    incorrect one is a configuration error, whatever libxml2 thinks of it. Where libxml2
    cannot be trusted (``QName`` values) or cannot compile a correct schema, teikit's own
    validator (:mod:`rng.derive`) gives the verdicts instead.
    """

    def __init__(self, schema: Schema, *, pruning: bool = True) -> None:
        self.schema = schema
        self._grammar: etree._ElementTree | None = None
        self._allowed: AllowedChildren | None = None
        self._own = rng.checked(schema)
        self._may_prune = pruning
        self._pruning = self._own is None and pruning and (
            schema.path.stat().st_size > PRUNE_ABOVE) and cached(
            "rng-prunable", [schema.digest],
            lambda: b"1" if prunable(self.grammar.getroot()) else b"0") == b"1"
        self._compiled: list[tuple[Vocabulary | None, etree.RelaxNG]] = []
        self._recovery: Recovery | None = None
        self._unreadable = False
        self._proofs = Proofs(lambda vocabulary: self.pruned(vocabulary, strict=True))
        if self._own is None and not self._pruning:
            self._whole()

    def _whole(self) -> tuple[Vocabulary | None, etree.RelaxNG] | None:
        """The whole grammar compiled by libxml2; None (and teikit's own validator) when
        libxml2 cannot compile this correct schema."""
        try:
            validator = _compile(self.grammar, self.schema)
        except ConfigError:
            self._own = rng.Validator(rng.check(self.schema.path))
            return None
        self._compiled.append((None, validator))
        return None, validator

    @property
    def grammar(self) -> etree._ElementTree:
        """The whole schema, parsed on first need (a cached pruned copy may do)."""
        if self._grammar is None:
            try:
                self._grammar = tei.parse_file(self.schema.path)
            except (etree.XMLSyntaxError, OSError) as exc:
                raise ConfigError(f"{self.schema}: the schema is not well-formed XML: "
                                  f"{exc}") from None
        return self._grammar

    def prepare(self, vocabulary: Vocabulary) -> None:
        self._validator(vocabulary)

    def _validator(self, vocabulary: Vocabulary) -> etree.RelaxNG | None:
        found = self._covering(vocabulary)
        return None if found is None else found[1]

    def _covering(self, vocabulary: Vocabulary
                  ) -> tuple[Vocabulary | None, etree.RelaxNG] | None:
        """A compiled grammar for ``vocabulary``, and the vocabulary it was pruned to;
        None when teikit's own validator gives the verdicts."""
        if self._own is not None:
            return None
        for covered, validator in reversed(self._compiled):
            if covered is None or vocabulary <= covered:
                return covered, validator
        pruned = self.pruned(vocabulary)
        try:
            validator = _compile(pruned, self.schema)
        except ConfigError:  # the schema is correct: the pruned copy is at fault
            return self._whole()
        self._compiled.append((vocabulary, validator))
        del self._compiled[:-KEEP_PRUNED]
        return vocabulary, validator

    def pruned(self, vocabulary: Vocabulary, *, strict: bool = False) -> etree._Element:
        """The grammar pruned to ``vocabulary`` (from the cache when it was made before);
        ``strict``: with no stubs (see :func:`prune`)."""
        data = cached("rng-pruned", [PRUNING, "strict" if strict else "", self.schema.digest,
                                     *vocabulary.key()],
                      lambda: etree.tostring(prune(self.grammar.getroot(), vocabulary,
                                                   strict=strict)))
        return tei.parse_bytes(data, base_url=str(self.schema.path)).getroot()

    @property
    def streams(self) -> bool:
        """Whether libxml2 can check pruned copies of this grammar (see :mod:`stream`; a
        grammar too small to be pruned for a whole document is pruned for a stream too)
        and the only IDs it types are ``xml:id`` (:mod:`streamids`)."""
        return self._own is None and self._may_prune and (self._pruning or cached(
            "rng-prunable", [self.schema.digest],
            lambda: b"1" if prunable(self.grammar.getroot()) else b"0") == b"1") and cached(
            "rng-xml-ids", [self.schema.digest],
            lambda: b"1" if ids_are_xml_ids(self.grammar.getroot()) else b"0") == b"1"

    def check(self, document: Document) -> list[Diagnostic]:
        likely = document.likely_names  # see :mod:`proven`
        if (likely is not None and self._pruning and not document.read_names
                and self._proofs.valid(document, likely)):
            return []
        compiled = self._covering(document.names())
        if compiled is None:  # teikit's own verdict; the complete check names the faults
            found = self._check_own(document)
            return (self._every_fault(document, document.names(), ()) or found) if found else []
        covered, validator = compiled
        if validator.validate(document.tree):
            return []
        found = self._every_fault(document, covered or document.names(),
                                  validator.error_log) or from_rng_log(
            validator.error_log, document, self.allowed)
        if not has_errors(found):  # libxml2 said no without saying why: still invalid
            root = document.tree.getroot()
            found.append(document.diagnostic(
                root, Severity.ERROR, "rng", f"the document does not match {self.schema}",
                xpath=readable_xpath(root), source="relaxng"))
        return found

    def _every_fault(self, document: Document, vocabulary: Vocabulary,
                     log: Iterable[etree._LogEntry]) -> list[Diagnostic]:
        """Every fault, from the complete check (libxml2 stops inside an element at its
        first); empty when the grammar is one it does not read."""
        recovery = self.recovery()
        try:
            return [] if recovery is None else recovery.diagnose(document, vocabulary, log)
        except (ValueError, RecursionError):  # a pattern it cannot read: libxml2's words
            return []

    def recovery(self) -> Recovery | None:
        """The complete check against this grammar (:mod:`recover`), which finds every
        fault; None when the grammar is one it does not read."""
        if self._recovery is None:
            if self._unreadable or not (self._pruning or prunable(self.grammar.getroot())):
                self._unreadable = True
                return None
            from teikit.validator.recover import Recovery  # only invalid documents need it

            self._recovery = Recovery(self.grammar.getroot(), self.schema.digest)
        return self._recovery

    def _check_own(self, document: Document) -> list[Diagnostic]:
        assert self._own is not None
        fault = self._own.valid(document.tree)
        if fault is None:
            return []
        name = etree.QName(fault).localname
        return [document.diagnostic(
            fault, Severity.ERROR, "rng", f"element `{name}` does not match {self.schema} "
            "here (its name, attributes or content)", xpath=readable_xpath(fault),
            source="relaxng")]

    def allowed(self, namespace: str, name: str) -> list[str]:
        """Elements the whole grammar allows inside (namespace, name)."""
        if self._allowed is None:
            self._allowed = AllowedChildren(self.grammar.getroot())
        return self._allowed(namespace, name)
