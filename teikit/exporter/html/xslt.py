"""A team's XSLT 1.0 templates, applied through lxml on top of the built-in rules.

Every element that one of the stylesheet's templates (in the default mode) matches is
rendered by that template instead of by teikit's rule; everything else keeps teikit's
rendering. Inside a template, ``<xsl:apply-templates/>`` hands the children back: those
the stylesheet does not match are rendered by teikit as usual. So a team can restyle one
element without rewriting the rest::

    <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:template match="tei:persName">
        <span class="person"><xsl:apply-templates/></span>
      </xsl:template>
    </xsl:stylesheet>

How: the matched elements are found by evaluating each template's pattern; one run of the
stylesheet (with two templates added: an entry point that applies the templates to each
matched element, and a lowest-priority template that leaves a placeholder for every other
element) gives each matched element's output, whose placeholders are then filled with
teikit's rendering. The stylesheet is read with teikit's safe parser; it may read local
files (``xsl:import``) but never the network, and never write.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.exporter.html.render import Context, Node, make
from teikit.exporter.options import OverrideError
from teikit.tei import XSL_NS, parse_file
from teikit.validator.schematron.context import split_outside

TK: Final = "https://teikit.dev/ns/xslt"
XHTML_NS: Final = "http://www.w3.org/1999/xhtml"
ACCESS: Final = etree.XSLTAccessControl(  # type: ignore[call-arg]  # lxml-stubs lag
    read_file=True, write_file=False, create_dir=False, read_network=False,
    write_network=False)


@dataclass(frozen=True)
class Pattern:
    xpath: etree.XPath
    source: str


def split_union(pattern: str) -> list[str]:
    """The alternatives of a pattern (``a | b[@x='|']`` → ``a``, ``b[@x='|']``)."""
    return [part.strip() for part in split_outside(pattern, "|") if part.strip()]


def as_xpath(alternative: str) -> str:
    """The XPath that selects what a pattern alternative matches."""
    if alternative.startswith("/") or re.match(r"(id|key)\s*\(", alternative):
        return alternative
    return f"//{alternative}"


def patterns(stylesheet: etree._ElementTree, path: Path) -> list[Pattern]:
    """The default-mode templates' patterns, compiled (a pattern that does not compile is a
    configuration error)."""
    found = []
    for template in stylesheet.getroot().iterchildren(f"{{{XSL_NS}}}template"):
        match = template.get("match")
        if not match or template.get("mode"):
            continue
        namespaces = {k: v for k, v in template.nsmap.items() if k}
        for alternative in split_union(match):
            try:
                found.append(Pattern(etree.XPath(as_xpath(alternative),
                                                 namespaces=namespaces), alternative))
            except etree.XPathSyntaxError as exc:
                raise ConfigError(f"{path}: template pattern {alternative!r}: {exc}") from None
    return found


def _driver(stylesheet: etree._ElementTree) -> etree._ElementTree:
    """The stylesheet with the entry point and the placeholder template added."""
    driver = copy.deepcopy(stylesheet)
    root = driver.getroot()
    entry = etree.SubElement(root, f"{{{XSL_NS}}}template", match="/", priority="1000",
                             nsmap={"tk": TK})
    out = etree.SubElement(entry, f"{{{TK}}}out")
    each = etree.SubElement(out, f"{{{XSL_NS}}}for-each", select="//*[@tk:o]")
    item = etree.SubElement(each, f"{{{TK}}}item", n="{@tk:o}")
    etree.SubElement(item, f"{{{XSL_NS}}}apply-templates", select=".")
    rest = etree.SubElement(root, f"{{{XSL_NS}}}template", match="*", priority="-1000",
                            nsmap={"tk": TK})
    etree.SubElement(rest, f"{{{TK}}}el", n="{@tk:n}")
    return driver


@dataclass(frozen=True)
class Applied:
    """The stylesheet's outputs for one document."""

    items: dict[etree._Element, etree._Element]
    """Each matched element → its output (a ``tk:item``, whose ``tk:el`` descendants stand
    for the elements teikit renders)."""
    originals: list[etree._Element]
    """The document's elements, by the number a ``tk:el`` names."""

    def nodes(self, output: etree._Element, ctx: Context) -> list[Node]:
        """``output``'s content as page nodes, with teikit's rendering for placeholders."""
        out: list[Node] = [output.text] if output.text else []
        for child in output:
            if child.tag == f"{{{TK}}}el":
                out.extend(ctx.render(self.originals[int(child.get("n", "0"))]))
            elif isinstance(child.tag, str):
                kept = {str(k): str(v) for k, v in child.attrib.items()
                        if not str(k).startswith(f"{{{TK}}}")}
                out.append(make(etree.QName(child).localname, kept, self.nodes(child, ctx)))
            if child.tail:
                out.append(child.tail)
        return out

    def renderers(self) -> dict[etree._Element, Callable[[Context], list[Node]]]:
        """Each matched element → what renders it (for ``Shared.overrides``)."""
        return {element: functools.partial(self.nodes, item)
                for element, item in self.items.items()}


@dataclass(frozen=True)
class Overrides:
    """A compiled ``--xslt`` stylesheet (see the module's docstring)."""

    path: Path
    transform: etree.XSLT
    patterns: tuple[Pattern, ...]

    def outputs(self, root: etree._Element) -> Applied:
        """The stylesheet's output for each element under ``root`` that it matches."""
        matched = {e for pattern in self.patterns for e in _elements(pattern.xpath(root))}
        if not matched:
            return Applied({}, [])
        originals = [e for e in root.iter() if isinstance(e.tag, str)]
        work = copy.deepcopy(root)
        for number, (original, element) in enumerate(
                zip(originals, (e for e in work.iter() if isinstance(e.tag, str)),
                    strict=True)):
            element.set(f"{{{TK}}}n", str(number))
            if original in matched:
                element.set(f"{{{TK}}}o", str(number))
        try:
            result = self.transform(work.getroottree())
        except etree.XSLTApplyError as exc:
            raise OverrideError(f"{self.path}: {exc}") from None
        out = result.getroot()
        items = out.iterchildren(f"{{{TK}}}item") if out is not None else iter(())
        return Applied({originals[int(item.get("n", "0"))]: item for item in items}, originals)


def _elements(found: object) -> list[etree._Element]:
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) \
        else []


def load_overrides(path: Path) -> Overrides:
    """Read and compile ``path`` (a configuration error when it cannot be used)."""
    try:
        stylesheet = parse_file(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the stylesheet ({exc.strerror or exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{path}: not well-formed XML: {exc}") from None
    if stylesheet.getroot().tag not in (f"{{{XSL_NS}}}stylesheet", f"{{{XSL_NS}}}transform"):
        raise ConfigError(f"{path}: not an XSLT stylesheet")
    found = patterns(stylesheet, path)
    try:
        transform = etree.XSLT(_driver(stylesheet), access_control=ACCESS)
    except etree.XSLTParseError as exc:
        raise ConfigError(f"{path}: the stylesheet does not compile: {exc}") from None
    return Overrides(path, transform, tuple(found))

