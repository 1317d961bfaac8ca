"""Schemas a document declares itself with ``<?xml-model href=... schematypens=...?>``.

Local paths are resolved relative to the document. URLs are never fetched: an ``http(s)``
href is looked up in a local cache folder (by file name) and reported when absent.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Final
from urllib.parse import urlparse

from lxml import etree

from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.validator.lines import line_of
from teikit.validator.schemas import KINDS, Schema, load_schema

SCHEMATYPENS: Final = {
    "http://relaxng.org/ns/structure/1.0": ".rng",
    "http://purl.oclc.org/dsdl/schematron": ".sch",
    "http://www.w3.org/2001/XMLSchema": ".xsd",
}
_PSEUDO_ATTR: Final = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attributes(pi: etree._ProcessingInstruction) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _PSEUDO_ATTR.finditer(pi.text or "")}


def declared_schemas(tree: etree._ElementTree, filename: str, folder: Path | None,
                     url_cache: Path | None = None) -> tuple[list[Schema], list[Diagnostic]]:
    """The schemas named by the document's ``xml-model`` PIs, and problems with them.

    An RNG (or RNC) declared twice, once for grammar and once with the Schematron type
    (the usual TEI pair), is checked once: the grammar entry runs its embedded Schematron
    too, so the Schematron entry is dropped rather than run a second time.
    """
    found: list[Schema] = []
    problems: list[Diagnostic] = []
    root = tree.getroot()
    for node in root.itersiblings(preceding=True):
        if not isinstance(node, etree._ProcessingInstruction) or node.target != "xml-model":
            continue
        attrs = _attributes(node)
        href = attrs.get("href", "")
        try:
            schema = _schema(href, attrs.get("schematypens", ""), folder, url_cache)
        except ConfigError as exc:
            problems.append(Diagnostic(filename, line_of(node), 1, Severity.ERROR,
                                       "xml-model", str(exc)))
            continue
        if schema is not None and schema not in found:
            found.append(schema)
    grammars = {schema.path for schema in found if schema.kind == "rng"}
    found = [s for s in found if s.kind != "sch" or s.path not in grammars]
    return list(reversed(found)), problems


def _schema(href: str, typens: str, folder: Path | None, url_cache: Path | None
            ) -> Schema | None:
    if not href:
        raise ConfigError("xml-model without href")
    parsed = urlparse(href)
    if parsed.scheme in {"http", "https"}:
        name = Path(parsed.path).name
        cached = url_cache / name if url_cache is not None and name else None
        if cached is None or not cached.is_file():
            raise ConfigError(f"xml-model {href} is a URL; teikit never downloads schemas: "
                              "save it locally and use --schema (or put it in the schema cache)")
        path = cached
    elif parsed.scheme and parsed.scheme != "file":
        raise ConfigError(f"xml-model {href}: unsupported URL scheme {parsed.scheme}")
    else:
        path = (folder or Path.cwd()) / (parsed.path if parsed.scheme == "file" else href)
    suffix = SCHEMATYPENS.get(typens) or path.suffix.lower()
    if suffix not in KINDS:
        return None  # a schema type teikit does not know: not its business
    if typens == "http://purl.oclc.org/dsdl/schematron" and path.suffix.lower() in {
            ".rng", ".rnc"}:
        return replace(load_schema(path.resolve()), kind="sch")  # embedded rules
    return load_schema(path.resolve())
