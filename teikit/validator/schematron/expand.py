"""ISO Schematron's reuse mechanisms, resolved before the rules are read.

- ``<sch:include href="common.sch#rule-id"/>`` is replaced by the element it points to
  (the whole document's root, or the element with that ``id``);
- ``<sch:extends href="other.sch"/>`` pulls in the referenced schema's ``ns``, ``let``,
  ``phase``-less ``pattern``, ``diagnostics`` and top-level XSLT (``xsl:key``,
  ``xsl:function``…; inside a rule: the referenced rule's assertions);
- an abstract ``<sch:pattern abstract="true" id="p">`` is instantiated by every
  ``<sch:pattern is-a="p">``, each ``$name`` replaced by the value of its
  ``<sch:param name="name" value="…"/>`` in ``context``, ``test``, ``select``, ``path``,
  ``value`` and ``subject`` attributes, the longest names first.

Only local files are read (relative to the including schema; never a URL), and a file that
includes itself, directly or not, is a configuration error.
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError

SCH = tei.SCH_NS
XSL = tei.XSL_NS
EXPRESSIONS = ("context", "test", "select", "path", "value", "subject")
_TOP_LEVEL = ("ns", "let", "pattern", "diagnostics", "properties")


def sch(local: str) -> str:
    return f"{{{SCH}}}{local}"


def expand(root: etree._Element, source: Path | None) -> etree._Element:
    """A copy of the ``schema`` element ``root`` with includes, external ``extends`` and
    abstract patterns resolved (``root`` itself is left untouched)."""
    schema = deepcopy(root)
    _resolve_references(schema, source, (source.resolve(),) if source else ())
    _instantiate_patterns(schema, str(source or "<schema>"))
    return schema


def _load(href: str, source: Path | None, seen: tuple[Path, ...]) -> etree._Element:
    if re.match(r"^[a-z][a-z0-9+.-]*://", href, re.IGNORECASE):
        raise ConfigError(f"{source}: Schematron include of {href} refused: teikit never "
                          "fetches schemas over the network (save a local copy)")
    file_part, _, fragment = href.partition("#")
    base = source.parent if source else Path.cwd()
    path = (base / file_part).resolve() if file_part else (source or Path()).resolve()
    if file_part and path in seen:
        raise ConfigError(f"{source}: Schematron include cycle through {path}")
    try:
        target = tei.parse_file(path).getroot()
    except OSError:
        raise ConfigError(f"{source}: Schematron include {href}: no such file") from None
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{source}: Schematron include {href} is not XML: {exc}") from None
    _resolve_references(target, path, (*seen, path))
    if fragment:
        found = target.xpath("//*[@id=$id or @xml:id=$id]", id=fragment)
        if not isinstance(found, list) or not found:
            raise ConfigError(f"{source}: Schematron include {href}: no element {fragment!r}")
        return found[0]  # type: ignore[return-value]
    return target


def _resolve_references(root: etree._Element, source: Path | None,
                        seen: tuple[Path, ...]) -> None:
    for include in list(root.iter(sch("include"))):
        target = deepcopy(_load(include.get("href", ""), source, seen))
        target.tail = include.tail
        include.getparent().replace(include, target)  # type: ignore[union-attr]
    for extends in list(root.iter(sch("extends"))):
        href = extends.get("href")
        if href is None:
            continue  # extends rule="…": an abstract rule, handled by the rule reader
        target = _load(href, source, seen)
        parent = extends.getparent()
        assert parent is not None
        if parent.tag == sch("rule"):
            items = [deepcopy(child) for child in target if isinstance(child.tag, str)
                     and child.tag in {sch("assert"), sch("report"), sch("let")}]
        else:
            items = [deepcopy(child) for child in target if child.tag in
                     {sch(name) for name in _TOP_LEVEL}
                     or str(child.tag).startswith(f"{{{XSL}}}")]
        position = parent.index(extends)
        parent.remove(extends)
        for offset, item in enumerate(items):
            parent.insert(position + offset, item)


def _instantiate_patterns(schema: etree._Element, source: str) -> None:
    abstract = {p.get("id"): p for p in schema.iter(sch("pattern"))
                if p.get("abstract") == "true"}
    for instance in list(schema.iter(sch("pattern"))):
        name = instance.get("is-a")
        if name is None:
            continue
        model = abstract.get(name)
        if model is None:
            raise ConfigError(f"{source}: pattern is-a={name!r}: no abstract pattern {name!r}")
        params = {p.get("name", ""): p.get("value", "")
                  for p in instance.iterchildren(sch("param"))}
        copy = deepcopy(model)
        del copy.attrib["abstract"]
        copy.set("id", instance.get("id") or f"{name}-instance")
        for node in copy.iter():
            for attribute in EXPRESSIONS:
                value = node.get(attribute)
                if value is not None and "$" in value:
                    node.set(attribute, _substitute(value, params))
        copy.tail = instance.tail
        parent = instance.getparent()
        assert parent is not None
        parent.replace(instance, copy)
    for model in abstract.values():
        parent = model.getparent()
        if parent is not None:
            parent.remove(model)


def _substitute(expression: str, params: dict[str, str]) -> str:
    for name in sorted(params, key=len, reverse=True):
        pattern = re.compile(rf"\${re.escape(name)}(?![\w.-])")
        pieces = pattern.split(expression)  # split, not sub: the value is no regex template
        expression = params[name].join(pieces)
    return expression
