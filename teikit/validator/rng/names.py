"""Name classes (spec sections 3, 4.10 and 4.16): ``name``, ``anyName``, ``nsName`` and
``choice``, each ``except`` folded into a choice.

An ``except`` of an ``anyName`` may not hold an ``anyName``; one of an ``nsName`` holds
neither. In an attribute's name class no name is ``xmlns`` or in the xmlns namespace.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from teikit.validator.rng import patterns as p
from teikit.validator.rng.patterns import balanced
from teikit.validator.rng.scopes import Env
from teikit.validator.rng.syntax import (
    RngSyntaxError,
    check_element,
    children,
    local,
    resolve_qname,
)

_XMLNS: Final = "http://www.w3.org/2000/xmlns"


def name_class(node: etree._Element, env: Env, *, attribute: bool,
               forbidden: frozenset[str] = frozenset()) -> p.NameClass:
    """The name class ``node`` (in ``env``); ``attribute`` when it names an attribute,
    ``forbidden`` the name classes an enclosing ``except`` rules out."""
    check_element(node)
    kind = local(node)
    inner = env.inside(node)
    if kind in forbidden:
        raise RngSyntaxError(node, f"<{kind}> is not allowed inside this <except>")
    if kind == "name":
        ns, name = resolve_qname(node, (node.text or "").strip(" \t\r\n"), inner.ns)
        if attribute and (ns == _XMLNS or (ns == "" and name == "xmlns")):
            raise RngSyntaxError(node, "an attribute cannot be named xmlns or be in the xmlns "
                                       "namespace")
        return p.Name(ns, name, where=node)
    if kind in {"anyName", "nsName"}:
        if kind == "nsName" and attribute and inner.ns == _XMLNS:
            raise RngSyntaxError(node, "an attribute cannot be in the xmlns namespace")
        more = forbidden | ({"anyName"} if kind == "anyName" else {"anyName", "nsName"})
        exception = _exception(node, inner, attribute, more)
        if kind == "anyName":
            return p.AnyName(exception, where=node)
        return p.NsName(inner.ns, exception, where=node)
    if kind == "choice":
        return _choice(children(node), node, inner, attribute, forbidden)
    raise RngSyntaxError(node, f"<{kind}> is not a name class")


def _exception(node: etree._Element, env: Env, attribute: bool,
               forbidden: frozenset[str]) -> p.NameClass | None:
    found = children(node)
    if not found:
        return None
    if len(found) > 1 or local(found[0]) != "except":
        raise RngSyntaxError(node, f"<{local(node)}> holds one <except> at most")
    check_element(found[0])
    return _choice(children(found[0]), found[0], env.inside(found[0]), attribute, forbidden)


def _choice(nodes: list[etree._Element], parent: etree._Element, env: Env, attribute: bool,
            forbidden: frozenset[str]) -> p.NameClass:
    if not nodes:
        raise RngSyntaxError(parent, f"<{local(parent)}> needs at least one name class")
    classes = [name_class(node, env, attribute=attribute, forbidden=forbidden)
               for node in nodes]
    return balanced(classes, lambda a, b: p.NameChoice(a, b, where=parent))
