"""The Schematron rules an ODD embeds in its generated RELAX NG (``tei_all.rng`` has ~100).

jing and libxml2 ignore them; teikit collects every ``sch:pattern`` (with the ``sch:ns``
declarations and ``sch:let`` variables around them, and any ``xsl:key`` and
``xsl:function`` they rely on) into one Schematron schema and runs it with XPath 3.1 (TEI's
ODD processors run them with XSLT 2/3; some use ``||``).
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError
from teikit.validator.cache import cached
from teikit.validator.schemas import Schema
from teikit.validator.schematron.backend import SchematronBackend
from teikit.validator.schematron.read import read_rules
from teikit.validator.schematron.rules import SCH, sch

_TOP_LEVEL = ("ns", "let", "pattern", "phase", "diagnostics", "properties")
_XSLT_TOP_LEVEL = ("key", "function")
_EXTRACTION = "3"
"""Version of :func:`_extract`'s output, part of its cache key."""


def embedded_rules(schema: Schema, phase: str | None = None) -> SchematronBackend | None:
    """A backend for the Schematron embedded in ``schema`` (an ``.rng``), or None if none;
    ``phase`` as for :class:`SchematronBackend`."""
    data = cached("sch-embedded", [_EXTRACTION, schema.digest], lambda: _extract(schema))
    if not data:
        return None
    root = tei.parse_bytes(data).getroot()
    rules = read_rules(root, f"{schema} (embedded Schematron)", lenient=True)
    return SchematronBackend(schema, rules, phase=phase)


def _extract(schema: Schema) -> bytes:
    """The embedded rules as one Schematron schema (empty when there are none)."""
    try:
        grammar = tei.parse_file(schema.path).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise ConfigError(f"{schema}: the schema is not well-formed XML: {exc}") from None
    xsl = f"{{{tei.XSL_NS}}}"
    tags = [*(sch(name) for name in _TOP_LEVEL), *(xsl + name for name in _XSLT_TOP_LEVEL)]
    found = [node for node in grammar.iter(*tags)
             if not any(isinstance(a.tag, str) and a.tag.startswith((f"{{{SCH}}}", xsl))
                        for a in node.iterancestors())]
    if not any(node.tag == sch("pattern") for node in found):
        return b""
    # the prefixes in scope (an xsl:function's name uses one that no copied tag does)
    prefixes = {prefix: uri for node in found for prefix, uri in node.nsmap.items() if prefix}
    root = etree.Element(sch("schema"), queryBinding="xslt3", nsmap={**prefixes, "sch": SCH})
    for node in found:
        root.append(deepcopy(node))
    return etree.tostring(root)
