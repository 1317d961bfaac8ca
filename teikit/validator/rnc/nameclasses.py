"""Name classes: names, ``*``, ``prefix:*``, ``-`` exceptions, ``|`` choices and parentheses;
and the ``element`` or ``attribute`` they name."""

from __future__ import annotations

from teikit.validator.rnc.annotations import Anno, annotate, follow, leading
from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.lexer import describe
from teikit.validator.rnc.tree import NAME, Element, R


def name_class(cur: Cursor, *, attribute: bool, anno: Anno | None = None) -> list[Element]:
    """The name class of an ``element`` (or, with ``attribute``, of an ``attribute``)."""
    nodes, open_ = _simple_name_class(cur, attribute)
    if cur.at("-"):
        if not open_:
            raise cur.error(cur.peek(), "only `*` and `prefix:*` may have a `-` exception")
        cur.take()
        inner = leading(cur)
        if cur.accept("("):
            excluded = name_class(cur, attribute=attribute, anno=inner)
            cur.expect(")")
        else:
            excluded = annotate([_simple_name(cur, attribute)], inner)
        nodes[0].append(R("except", *excluded))
        nodes += follow(cur)
        if cur.at("|"):
            raise cur.error(cur.peek(), "put a name class with `-` in parentheses before `|`")
    elif cur.at("|"):
        children = list(nodes)
        while cur.accept("|"):
            more, open_ = _simple_name_class(cur, attribute)
            children.extend(more)
            if open_ and cur.at("-"):
                raise cur.error(cur.peek(), "put a name class with `-` in parentheses "
                                            "inside a `|` choice")
        nodes = [R("choice", *children)]
    return annotate(nodes, anno)


def _simple_name_class(cur: Cursor, attribute: bool) -> tuple[list[Element], bool]:
    """One name class without ``|`` or ``-``, and whether it is open (``*`` or ``p:*``)."""
    anno = leading(cur)
    if cur.accept("("):
        nodes = name_class(cur, attribute=attribute, anno=anno)
        cur.expect(")")
        return nodes + follow(cur), False
    node = _simple_name(cur, attribute)
    return annotate([node], anno) + follow(cur), node.tag != NAME


def _simple_name(cur: Cursor, attribute: bool) -> Element:
    token = cur.take()
    if token.kind in ("name", "quoted"):
        ns = "" if attribute else cur.env.default_ns
        return R("name", token.value, {"ns": ns})
    if token.kind == "cname":
        return R("name", token.value.split(":")[1], {"ns": cur.namespace(token)})
    if token.kind == "nsname":
        return R("nsName", {"ns": cur.namespace(token, token.value)})
    if token.kind == "op" and token.value == "*":
        return R("anyName")
    raise cur.error(token, f"expected a name, `*` or `prefix:*`, found {describe(token)}")


def named(kind: str, names: list[Element], content: list[Element]) -> Element:
    """``element`` or ``attribute``, with a ``name`` attribute when the name class is one
    plain name (an attribute's empty namespace is the default, an element's is not)."""
    first = names[0]
    if len(names) == 1 and first.tag == NAME and set(first.attrib) == {"ns"} and not len(first):
        ns = first.get("ns", "")
        attributes = {"name": first.text or "", **({"ns": ns} if ns or kind == "element" else {})}
        return R(kind, attributes, *content)
    return R(kind, *names, *content)
