"""Reading an ``xsl:function`` element into the steps teikit runs
(:mod:`teikit.validator.schematron.functions`).

A body may hold ``xsl:variable`` (``select`` or content, ``as``), ``xsl:sequence select``,
``xsl:value-of`` (``select`` or content, ``separator``), ``xsl:text`` and plain text,
``xsl:choose``/``xsl:when``/``xsl:otherwise`` and ``xsl:if``, after the ``xsl:param``
elements. Anything else (``xsl:for-each``, ``xsl:apply-templates``, a literal result
element…) is a :class:`ConfigError` naming it and its line: teikit never runs part of a
function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NoReturn

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError
from teikit.validator.lines import line_of

XSL: Final = tei.XSL_NS
XSD: Final = "http://www.w3.org/2001/XMLSchema"
SUPPORTED: Final = ("xsl:variable, xsl:sequence, xsl:value-of, xsl:text, xsl:choose "
                    "and xsl:if")
_ATOMIC: Final = re.compile(r"^\s*(?:([\w.-]+):)?([\w.-]+)\s*[?*+]?\s*$")
_NOT_CAST: Final = {"anyAtomicType", "untypedAtomic", "anyType", "anySimpleType", "QName",
                    "NOTATION"}


def xsl(local: str) -> str:
    """Clark name of an XSLT element."""
    return f"{{{XSL}}}{local}"


@dataclass(frozen=True)
class Variable:
    name: str
    select: str | None
    body: tuple[Step, ...]
    typed: bool
    """It has an ``as`` (content is then a sequence, not a temporary tree)."""
    cast: str | None


@dataclass(frozen=True)
class Sequence:
    select: str


@dataclass(frozen=True)
class ValueOf:
    select: str | None
    body: tuple[Step, ...]
    separator: str | None


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Choose:
    """``xsl:choose`` (an ``xsl:if`` is a choose of one branch); None tests otherwise."""

    branches: tuple[tuple[str | None, tuple[Step, ...]], ...]


Step = Variable | Sequence | ValueOf | Text | Choose


@dataclass(frozen=True)
class Function:
    uri: str
    local: str
    prefix: str
    name: str
    params: tuple[tuple[str, str | None], ...]
    """Each parameter's name and the atomic type its value is cast to (see ``cast``)."""
    cast: str | None
    """The local name of the XSD atomic type of ``as``, when ``as`` is one (else None)."""
    body: tuple[Step, ...]
    line: int


def atomic_cast(declared: str | None, element: etree._Element) -> str | None:
    """The XSD atomic type named by an ``as`` (``xs:boolean?`` → ``boolean``), else None."""
    match = _ATOMIC.match(declared or "")
    if match is None:
        return None
    prefix, local = match.groups()
    uri = element.nsmap.get(prefix) if prefix else None
    if uri != XSD and not (uri is None and prefix == "xs"):
        return None
    return None if local in _NOT_CAST else local


class _Reader:
    def __init__(self, source: str, name: str) -> None:
        self.source, self.name = source, name

    def fail(self, node: etree._Element, what: str, why: str = "is not supported"
             ) -> NoReturn:
        raise ConfigError(f"{self.source}: line {line_of(node)}: {what} in xsl:function "
                          f"{self.name} {why} (a function body may use {SUPPORTED})")

    def steps(self, parent: etree._Element, skip: int = 0) -> tuple[Step, ...]:
        """The steps of ``parent``'s content from its child number ``skip`` on."""
        found: list[Step] = []
        if skip == 0 and parent.text and parent.text.strip():
            found.append(Text(parent.text))
        for child in list(parent)[skip:]:
            if isinstance(child.tag, str):
                found.append(self.step(child))
            if child.tail and child.tail.strip():
                found.append(Text(child.tail))
        return tuple(found)

    def required(self, node: etree._Element, attribute: str) -> str:
        value = node.get(attribute)
        if value is None:
            self.fail(node, f"xsl:{etree.QName(node).localname} without @{attribute}",
                      "cannot run")
        return value

    def step(self, node: etree._Element) -> Step:
        qname = etree.QName(node)
        if qname.namespace != XSL:
            shown = f"{node.prefix}:{qname.localname}" if node.prefix else qname.localname
            self.fail(node, f"the literal result element <{shown}>")
        local, select = qname.localname, node.get("select")
        if local == "variable":
            return Variable(self.required(node, "name"), select, self.steps(node),
                            node.get("as") is not None, atomic_cast(node.get("as"), node))
        if local == "sequence":
            return Sequence(self.required(node, "select"))
        if local == "value-of":
            separator = node.get("separator")
            if separator is not None and "{" in separator:
                self.fail(node, "an xsl:value-of separator with {…}")
            return ValueOf(select, self.steps(node), separator)
        if local == "text":
            return Text(node.text or "")
        if local == "if":
            return Choose(((self.required(node, "test"), self.steps(node)),))
        if local == "choose":
            return self.choose(node)
        self.fail(node, f"xsl:{local}")

    def choose(self, node: etree._Element) -> Choose:
        branches: list[tuple[str | None, tuple[Step, ...]]] = []
        for child in node.iterchildren(etree.Element):
            local = etree.QName(child).localname if etree.QName(child).namespace == XSL else ""
            if local == "when":
                branches.append((self.required(child, "test"), self.steps(child)))
            elif local == "otherwise":
                branches.append((None, self.steps(child)))
            else:
                self.fail(child, f"<{child.tag}> inside xsl:choose")
        return Choose(tuple(branches))


def read_function(element: etree._Element, source: str) -> Function:
    """An ``xsl:function`` element as a :class:`Function` (ConfigError when teikit cannot
    run all of it)."""
    name = element.get("name", "")
    prefix, _, local = name.rpartition(":")
    uri = element.nsmap.get(prefix) if prefix else None
    if not prefix or uri is None:
        raise ConfigError(f"{source}: line {line_of(element)}: xsl:function {name!r} "
                          "needs a name with a declared namespace prefix")
    reader = _Reader(source, name)
    children = [c for c in element if isinstance(c.tag, str)]
    params = [c for c in children if c.tag == xsl("param")]
    if children[:len(params)] != params:
        reader.fail(params[-1], "xsl:param", "must come before the body")
    skip = list(element).index(params[-1]) + 1 if params else 0
    return Function(
        uri, local, prefix, name,
        tuple((reader.required(p, "name"), atomic_cast(p.get("as"), p)) for p in params),
        atomic_cast(element.get("as"), element), reader.steps(element, skip),
        line_of(element))
