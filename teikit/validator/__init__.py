"""Validate TEI against RELAX NG, XSD and Schematron (incl. rules embedded in an ODD's RNG).

    >>> from teikit.validator import iter_diagnostics, is_valid, validate_paths
    >>> for problem in iter_diagnostics("letter.xml", ["tei_all.rng"]):   # doctest: +SKIP
    ...     print(problem)

:func:`iter_diagnostics` is the engine (every problem, located); :func:`validate` raises
:class:`ValidationError` carrying all of them; :func:`is_valid` answers yes or no;
:func:`validate_paths` checks files and folders, in worker processes if asked;
:func:`schemas_for` says which schemas check a document, and why (:mod:`choice`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teikit.diagnostics import Diagnostic, TeikitError, has_errors
from teikit.validator.batch import FileResult, checked_against, validate_paths
from teikit.validator.choice import TEI_ALL, SchemaChoice, schemas_for, tei_all, written_by_teikit
from teikit.validator.config import Config, load_config
from teikit.validator.document import DocumentInput
from teikit.validator.engine import Options, iter_diagnostics
from teikit.validator.schemas import SCHEMA_DIR, Schema, default_schemas, load_schema

__all__ = [
    "SCHEMA_DIR",
    "TEI_ALL",
    "Config",
    "FileResult",
    "Options",
    "Schema",
    "SchemaChoice",
    "ValidationError",
    "checked_against",
    "default_schemas",
    "is_valid",
    "iter_diagnostics",
    "load_config",
    "load_schema",
    "schemas_for",
    "tei_all",
    "validate",
    "validate_paths",
    "written_by_teikit",
]


class ValidationError(TeikitError):
    """A document has errors; ``diagnostics`` holds every problem found (not just the first)."""


def validate(
    document: DocumentInput,
    schemas: Sequence[Schema | str | Path] | None = None,
    *,
    filename: str | None = None,
    options: Options | None = None,
) -> list[Diagnostic]:
    """Raise :class:`ValidationError` when ``document`` has errors; else return the
    warnings and notes found (often none)."""
    found = list(iter_diagnostics(document, schemas, filename=filename, options=options))
    if has_errors(found):
        errors = sum(1 for d in found if d.severity.name == "ERROR")
        raise ValidationError(f"{filename or document!s:.200}: {errors} error(s)", found)
    return found


def is_valid(
    document: DocumentInput,
    schemas: Sequence[Schema | str | Path] | None = None,
    *,
    options: Options | None = None,
) -> bool:
    """True when ``document`` has no errors against ``schemas`` (warnings allowed)."""
    return not has_errors(iter_diagnostics(document, schemas, options=options))
