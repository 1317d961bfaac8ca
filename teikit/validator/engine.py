"""The engine: every problem a document has against the schemas chosen for it
(:mod:`teikit.validator.choice`)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from teikit.diagnostics import Diagnostic
from teikit.validator.backend import Backend
from teikit.validator.choice import choose
from teikit.validator.config import Config, load_config
from teikit.validator.document import Document, DocumentInput, load_document
from teikit.validator.ids import repeated_ids
from teikit.validator.schemas import SCHEMA_DIR, Schema, load_schema


@dataclass(frozen=True)
class Options:
    """How to validate (every field has the safe, complete default)."""

    embedded: bool = True
    """Run the Schematron rules embedded in a RELAX NG schema (as ``tei_all.rng`` has)."""
    xinclude_roots: tuple[Path, ...] = ()
    """Folders besides the document's own from which XInclude may read files (a project's
    ``xinclude-roots`` setting adds more)."""
    pruning: bool = True
    """Prune large grammars to the documents' vocabulary (same verdicts, far faster)."""
    phase: str | None = None
    """The Schematron phase to run (``#ALL``: every pattern); None: each schema's
    ``defaultPhase``, else every pattern. A schema that has phases but not this one is a
    configuration error; one without phases runs every pattern."""
    pointers: bool | None = None
    """Check that every local pointer (``#id``, or a ``prefixDef`` prefix expanding to one)
    names an ``xml:id`` of the document (see :mod:`teikit.validator.pointers`); None: for
    the documents checked against teikit's own schemas."""


KEEP_SCHEMAS: Final = 16
"""Compiled schemas kept per process, the most recently used (each may hold megabytes)."""
_BACKENDS: OrderedDict[tuple[Schema, str, bool, bool, str | None], list[Backend]] = (
    OrderedDict())


def backends(schema: Schema, options: Options) -> list[Backend]:
    """The compiled backends of ``schema``, compiled once per process for each content of
    the file (a schema edited while a process runs is compiled again)."""
    key = (schema, schema.digest, options.embedded, options.pruning, options.phase)
    found = _BACKENDS.get(key)
    if found is None:
        found = _BACKENDS[key] = _compile(schema, options)
        while len(_BACKENDS) > KEEP_SCHEMAS:
            _BACKENDS.popitem(last=False)
    _BACKENDS.move_to_end(key)
    return found


def _compile(schema: Schema, options: Options) -> list[Backend]:
    from teikit.validator.schematron.embedded import embedded_rules

    if schema.kind == "rng":
        from teikit.validator.relaxng import RelaxNGBackend

        found: list[Backend] = [RelaxNGBackend(schema, pruning=options.pruning)]
        rules = embedded_rules(schema, options.phase) if options.embedded else None
        return [*found, rules] if rules is not None else found
    if schema.kind == "xsd":
        from teikit.validator.xsd import XSDBackend

        return [XSDBackend(schema)]
    if schema.path.suffix.lower() == ".rng":  # an xml-model asking for the embedded rules
        rules = embedded_rules(schema, options.phase) if options.embedded else None
        return [rules] if rules is not None else []
    from teikit.validator.schematron.backend import SchematronBackend

    return [SchematronBackend(schema, phase=options.phase)]


def _own(schema: Schema) -> bool:
    """True for teikit's own schemas (``teikit.rng``, ``.xsd``, ``.sch``)."""
    return schema.path.stem == "teikit" and schema.path.parent.resolve() == SCHEMA_DIR.resolve()


def checks_pointers(schemas: Sequence[Schema], options: Options) -> bool:
    """Whether the local pointers of a document checked against ``schemas`` are checked
    (asked for, or for teikit's own schemas)."""
    return bool(options.pointers or (options.pointers is None and any(map(_own, schemas))))


def check_document(document: Document, schemas: Sequence[Schema], options: Options
                   ) -> list[Diagnostic]:
    """Every problem of a loaded document against ``schemas``, its repeated xml:ids
    (warnings, unless a grammar counted them as errors) and its pointers that lead nowhere
    (if asked, and for teikit's own schemas)."""
    found: list[Diagnostic] = []
    for schema in schemas:
        for backend in backends(schema, options):
            found.extend(backend.check(document))
    if checks_pointers(schemas, options):
        from teikit.validator.pointers import dangling_pointers

        found.extend(dangling_pointers(document))
    errors = {(d.file, d.line) for d in found if d.code == "duplicate-id"}
    return [d for d in repeated_ids(document) if (d.file, d.line) not in errors] + found


def iter_diagnostics(
    document: DocumentInput,
    schemas: Sequence[Schema | str | Path] | None = None,
    *,
    filename: str | None = None,
    config: Config | None = None,
    options: Options | None = None,
) -> Iterator[Diagnostic]:
    """Every problem of ``document`` (a path, bytes or lxml tree), in document order per
    schema. Raises :class:`~teikit.diagnostics.ConfigError` when a schema is unusable."""
    options = options or Options()
    chosen_input = [s if isinstance(s, Schema) else load_schema(s) for s in schemas or ()]
    if config is None and isinstance(document, (str, Path)):
        config = load_config(Path(document).parent)
    roots = (*options.xinclude_roots, *(config.xinclude_roots if config else ()))
    document_, problems = load_document(document, filename, xinclude_roots=roots)
    yield from problems
    if document_ is None:
        return
    choice = choose(document_, chosen_input, config)
    yield from choice.problems
    yield from check_document(document_, choice.schemas, options)
