"""W3C XML Schema: xmlschema for ordinary schemas, libxml2 for very large ones.

Measured on ``tei_all.xsd`` (1 MB): xmlschema needs ~22 s to build it and ~0.8 s per
corpus document, libxml2 ~4.7 s and ~1 ms. Schemas above :data:`LARGE` bytes therefore go
to libxml2; the rest to xmlschema, whose messages are better.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final, cast

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.validator.backend import Vocabulary
from teikit.validator.document import Document
from teikit.validator.lines import line_of
from teikit.validator.messages import guidelines_url, readable_xpath
from teikit.validator.schemas import Schema

LARGE: Final = 256 * 1024


class XSDBackend:
    """Validates documents against one ``.xsd`` schema."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._lxml: etree.XMLSchema | None = None
        self._xmlschema: Any = None
        if schema.path.stat().st_size > LARGE:
            self._lxml = self._compile_lxml()
        else:
            self._xmlschema = self._compile_xmlschema()

    def _compile_lxml(self) -> etree.XMLSchema:
        try:
            return etree.XMLSchema(tei.parse_file(self.schema.path))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
            raise ConfigError(f"{self.schema.path}: the XSD does not compile: {exc}") from None

    def _compile_xmlschema(self) -> Any:
        import xmlschema

        try:
            return xmlschema.XMLSchema(str(self.schema.path.resolve()), defuse="always",
                                       allow="local")
        except (xmlschema.XMLSchemaException, etree.XMLSyntaxError, OSError) as exc:
            raise ConfigError(f"{self.schema.path}: the XSD does not compile: {exc}") from None

    def prepare(self, vocabulary: Vocabulary) -> None:
        return None

    def check(self, document: Document) -> list[Diagnostic]:
        if self._lxml is not None:
            return self._check_lxml(document, self._lxml)
        return [self._diagnostic(document, error) for error in
                self._xmlschema.iter_errors(document.tree)]

    def _check_lxml(self, document: Document, validator: etree.XMLSchema) -> list[Diagnostic]:
        if validator.validate(document.tree):
            return []
        found = []
        for entry in cast("Iterable[etree._LogEntry]", validator.error_log):
            node = node_at(document.tree, entry.path) if entry.path else None
            found.append(document.diagnostic(
                node, Severity.ERROR, "xsd", entry.message.replace("{" + tei.TEI_NS + "}", ""),
                line=entry.line, xpath=readable_xpath(node) if node is not None else None,
                source="xsd", url=guidelines_url(node)))
        return found

    def _diagnostic(self, document: Document, error: Any) -> Diagnostic:
        node = error.elem if isinstance(error.elem, etree._Element) else None
        reason = str(error.reason or error.message).replace("{" + tei.TEI_NS + "}", "")
        return document.diagnostic(
            node, Severity.ERROR, "xsd", reason.rstrip("."), line=line_of(error),
            xpath=readable_xpath(node) if node is not None else None, source="xsd",
            url=guidelines_url(node))


_STEP: Final = re.compile(
    r"(?:(?P<prefix>[^:/\[\]]+):)?(?P<name>[^:/\[\]]+)(?:\[(?P<index>\d+)\])?")


def node_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element at libxml2's error path (``/t:r/t:a[2]``, ``/*/*[3]``), found by walking
    the tree as libxml2 wrote the path: a step names the element by the prefix the document
    gives it (``*`` for one in a default namespace, which counts every element sibling).
    No XPath: the document's prefixes are not a namespace map (one prefix may stand for two
    namespaces in two places). None when the path does not lead to an element."""
    steps = path.strip("/").split("/") if path.startswith("/") else []
    current: etree._Element | None = None
    for text in steps:
        step = _STEP.fullmatch(text)
        if step is None:
            return None
        children = [tree.getroot()] if current is None else [
            child for child in current if isinstance(child.tag, str)]
        prefix, name = step.group("prefix"), step.group("name")
        if name != "*":
            children = [c for c in children if c.prefix == prefix
                        and etree.QName(c).localname == name
                        and (prefix is not None or etree.QName(c).namespace is None)]
        index = int(step.group("index") or 1)
        if index > len(children):
            return None
        current = children[index - 1]
    return current
