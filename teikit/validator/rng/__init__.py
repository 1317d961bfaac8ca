"""RELAX NG as its specification defines it (OASIS, 3 December 2001), in pure Python.

libxml2 validates documents against RELAX NG far faster than Python could, but it accepts
some schemas the specification calls incorrect, and compares ``QName`` values as strings.
teikit therefore reads every schema itself first: the syntax of section 3, the
simplification of section 4 with its constraints (names, namespaces, references,
datatype libraries and their parameters and values, checked by xmlschema's datatypes)
and the restrictions of section 7. An incorrect schema is a configuration error located
in the schema (``file:line:column``), never a verdict on a document.

For the few grammars libxml2 gets wrong at validation time (those that use ``QName`` or
``NOTATION``), and for any grammar it cannot compile, :mod:`derive` validates documents
itself, by derivatives of the simplified grammar (James Clark's algorithm).

The modules, in the order a schema flows through them: ``files`` (the schema and what it
includes), ``syntax`` (section 3), ``scopes`` (grammars, ``include``, ``combine``),
``names`` (name classes), ``types`` (datatypes), ``read`` (section 4, into the values of
``patterns``), ``restrictions`` (section 7) and ``derive`` (validation).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.validator.cache import cached
from teikit.validator.lines import line_of, start_columns
from teikit.validator.rng.derive import Validator
from teikit.validator.rng.read import Grammar, read
from teikit.validator.rng.restrictions import Restrictions
from teikit.validator.rng.syntax import RngSyntaxError
from teikit.validator.schemas import Schema

VERSION = "1"
_OTHER_FILES: Final = re.compile(rb"<(?:[\w.-]+:)?(?:include|externalRef)[\s/>]")
"""An ``include`` or ``externalRef`` element (TEI also has attributes named include)."""
"""Version of the checks: part of the key of a cached verdict."""

__all__ = ["VERSION", "Grammar", "Validator", "check", "checked"]


def checked(schema: Schema) -> Validator | None:
    """Check ``schema`` (ConfigError when it is not correct RELAX NG); return a validator
    when libxml2 cannot be trusted to validate against it, else None.

    The verdict on a schema that includes no other file is kept in the cache, under the
    hash of its content, so that a large schema (``tei_all``) is read once per machine.
    """
    path = schema.path

    def verdict() -> bytes:
        return b"names" if check(path).uses_names else b"ok"

    alone = _OTHER_FILES.search(path.read_bytes()) is None
    found = cached("rng-correct", [VERSION, schema.digest], verdict) if alone else verdict()
    return Validator(check(path)) if found == b"names" else None


def check(path: Path) -> Grammar:
    """The simplified grammar of the RELAX NG schema at ``path``.

    Raises :class:`ConfigError` whose diagnostics locate each place where the schema
    breaks the specification (or where it cannot be read).
    """
    try:
        grammar = read(path)
    except RngSyntaxError as exc:
        raise _error(path, [(exc.node, str(exc))]) from None
    problems = Restrictions(grammar).check()
    if problems:
        raise _error(path, problems)
    return grammar


def _error(path: Path, problems: list[tuple[etree._Element | None, str]]) -> ConfigError:
    found = sorted({_diagnostic(path, node, message) for node, message in problems})
    shown = "\n".join(f"{d.location}: {d.message}" for d in found[:10])
    more = f"\n… and {len(found) - 10} more" if len(found) > 10 else ""
    return ConfigError(f"the RELAX NG schema is not correct:\n{shown}{more}", found)


def _diagnostic(path: Path, node: etree._Element | None, message: str) -> Diagnostic:
    if node is None:
        return Diagnostic(str(path), 0, 0, Severity.ERROR, "rng-schema", message)
    url = node.getroottree().docinfo.URL
    file = url if url else str(path)
    line = line_of(node)
    return Diagnostic(file, line, _column(file, line, node), Severity.ERROR, "rng-schema",
                      message)


def _column(file: str, line: int, node: etree._Element) -> int:
    """1-based column of ``node``'s start tag on its line (0 when not found)."""
    lines = _lines(file)
    if not line or line > len(lines) or not isinstance(node.tag, str):
        return 0
    return start_columns(lines[line - 1], node).get(node, 0)


@cache
def _lines(file: str) -> list[str]:
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
