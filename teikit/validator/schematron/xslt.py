"""The XSLT a Schematron schema holds at its top level (children of ``sch:schema``).

Run by teikit:

- ``xsl:key name match use`` → ``key(name, value[, top])`` in rule expressions, with every
  query binding (:mod:`teikit.validator.schematron.keys`);
- ``xsl:function`` with ``xsl:param`` and a body teikit can run
  (:mod:`teikit.validator.schematron.body`) → callable from rules with ``xslt2``/``xslt3``; XSLT 1.0
  has no functions, so with ``xslt`` it is a configuration error;
- ``xsl:variable``/``xsl:param`` with ``select`` → schema-level variables, like ``sch:let``.

Ignored with a warning, because no Schematron expression can observe them: ``xsl:template``
(rules cannot call templates), ``xsl:output``, ``xsl:character-map``,
``xsl:attribute-set``, ``xsl:namespace-alias``, ``xsl:preserve-space`` and ``xsl:mode``.
Any other top-level XSLT element (``xsl:include``, ``xsl:import``, ``xsl:strip-space``,
``xsl:decimal-format``, ``xsl:import-schema``…) could change verdicts: it is a
configuration error naming it and its line. A schema without XSLT pays nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.validator.lines import line_of
from teikit.validator.schematron.body import XSL, Function, read_function, xsl
from teikit.validator.schematron.keys import KeyDef, Keys, lxml_key
from teikit.validator.schematron.xpath import ElementPathCompiler, LxmlFunctions

_IGNORED: Final = {
    "template": "Schematron rules cannot call templates",
    "output": "it only shapes XSLT output",
    "character-map": "it only shapes XSLT output",
    "attribute-set": "it only shapes XSLT output",
    "namespace-alias": "it only shapes XSLT output",
    "preserve-space": "whitespace is kept anyway",
    "mode": "Schematron rules cannot call templates",
}
VARIABLES: Final = (xsl("variable"), xsl("param"))


@dataclass
class Xslt:
    """What a schema's XSLT adds to XPath (an
    :class:`~teikit.validator.schematron.xpath.Extensions`)."""

    keys: Keys | None = None
    functions: list[Function] = field(default_factory=list)
    namespaces: dict[str, str] = field(default_factory=dict)
    """Prefixes declared on the XSLT elements (expressions may use them too)."""
    ignored: list[str] = field(default_factory=list)
    """Why each ignored element is ignored, for a warning."""
    xpath2_calls: re.Pattern[str] | None = None
    """Calls of functions lxml does not have (see :meth:`needs_xpath2`)."""

    def lxml_functions(self) -> LxmlFunctions:
        if self.keys is None or self.keys.lxml is None:
            return {}
        return {(None, "key"): lxml_key}

    def install(self, compiler: ElementPathCompiler) -> None:
        from teikit.validator.schematron.functions import Functions

        if self.keys is not None:
            self.keys.install(compiler)
        if self.functions:
            Functions(self.functions, compiler)

    def needs_xpath2(self, text: str) -> bool:
        """``text`` calls a function only elementpath has (an ``xsl:function``, or ``key()``
        when a key is not XPath 1.0)."""
        return self.xpath2_calls is not None and self.xpath2_calls.search(text) is not None


def has_xslt(root: etree._Element) -> bool:
    """Whether the ``schema`` element ``root`` has XSLT children."""
    return any(isinstance(child.tag, str) and child.tag.startswith(f"{{{XSL}}}")
               for child in root)


def read_xslt(root: etree._Element, source: str, xpath1: bool,
              namespaces: dict[str, str]) -> Xslt:
    """The XSLT children of ``root`` (ConfigError for what teikit cannot run)."""
    xslt = Xslt()
    keys: dict[str, list[KeyDef]] = {}
    for node in root.iterchildren(etree.Element):
        qname = etree.QName(node)
        if qname.namespace != XSL:
            continue
        where = f"{source}: line {line_of(node)}: xsl:{qname.localname}"
        xslt.namespaces.update({p: uri for p, uri in node.nsmap.items() if p})
        if qname.localname == "key":
            keys.setdefault(node.get("name", ""), []).append(_key(node, where))
        elif qname.localname == "function":
            if xpath1:
                raise ConfigError(f"{where} needs queryBinding=\"xslt2\" or \"xslt3\" "
                                  "(XSLT 1.0 has no functions)")
            xslt.functions.append(read_function(node, source))
        elif node.tag in VARIABLES:
            if node.get("select") is None and (len(node) or (node.text or "").strip()):
                raise ConfigError(f"{where} with content is not supported: give it a select")
        elif qname.localname in _IGNORED:
            xslt.ignored.append(f"{where} is ignored: {_IGNORED[qname.localname]}")
        else:
            raise ConfigError(f"{where} is not supported: teikit runs Schematron without "
                              "XSLT and only understands xsl:key, xsl:function and "
                              "top-level xsl:variable/xsl:param (with select)")
    xslt.namespaces = {p: uri for p, uri in xslt.namespaces.items() if p not in namespaces}
    if keys:
        xslt.keys = Keys(keys, source, xpath1)
        xslt.keys.compile_lxml({**xslt.namespaces, **namespaces})
    names = sorted({re.escape(f.local) for f in xslt.functions})
    pattern = [rf"(?<![\w.-])[\w.-]+:(?:{'|'.join(names)})\s*\("] if names else []
    if xslt.keys is not None and xslt.keys.lxml is None:
        pattern.append(r"(?<![\w.:-])key\s*\(")
    xslt.xpath2_calls = re.compile("|".join(pattern)) if pattern else None
    return xslt


def _key(node: etree._Element, where: str) -> KeyDef:
    if not node.get("name") or not node.get("match"):
        raise ConfigError(f"{where} needs name and match")
    if node.get("use") is None:
        raise ConfigError(f"{where} without use (content instead) is not supported")
    if (node.get("composite") or "no").strip() in {"yes", "true", "1"}:
        raise ConfigError(f"{where} composite=\"yes\" is not supported")
    return KeyDef(node.get("name", ""), node.get("match", ""), node.get("use", ""),
                  line_of(node))
