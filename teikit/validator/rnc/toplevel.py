"""A whole file: its declarations, then a grammar's content or the one pattern it is."""

from __future__ import annotations

from lxml import etree

from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.declarations import declarations
from teikit.validator.rnc.lexer import KEYWORDS, describe
from teikit.validator.rnc.parser import ASSIGN, grammar_content, pattern
from teikit.validator.rnc.tree import Element, R


def top(cur: Cursor) -> Element:
    """The whole file: a ``grammar``, or the pattern it is, declaring its prefixes."""
    declarations(cur)
    if _starts_grammar(cur):
        node = R("grammar", *grammar_content(cur, None, override=False))
    else:
        node = pattern(cur)[0]  # annotations following the whole file: dropped
    token = cur.peek()
    if token.kind != "eof":
        raise cur.error(token, f"expected the end of the file, found {describe(token)}")
    root = etree.Element(node.tag, {str(k): str(v) for k, v in node.attrib.items()},
                         nsmap=cur.env.nsmap())
    root.text = node.text
    root.extend(list(node))
    cur.files.where[root] = cur.files.where.get(node, (cur.source, 0))
    return root


def _starts_grammar(cur: Cursor) -> bool:
    """True when the file is a grammar (definitions) rather than a single pattern."""
    ahead = depth = 0
    while cur.at("[", ahead) or depth:  # skip leading annotations
        token = cur.peek(ahead)
        if token.kind == "eof":
            break
        depth += {"[": 1, "]": -1}.get(token.value, 0) if token.kind == "op" else 0
        ahead += 1
    token, after = cur.peek(ahead), cur.peek(ahead + 1)
    if token.kind == "eof" or cur.at_keyword("start", "div", "include", ahead=ahead):
        return True
    named = token.kind == "quoted" or (token.kind == "name" and token.value not in KEYWORDS)
    if named and after.kind == "op" and after.value in ASSIGN:
        return True
    return (named or token.kind == "cname") and cur.at("[", ahead + 1)
