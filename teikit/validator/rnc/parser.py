"""Recursive descent over a file's tokens: grammar content (``start``, definitions, ``div``,
``include``) and patterns, building RELAX NG elements bottom-up."""

from __future__ import annotations

from typing import Final

from teikit.validator.rnc.annotations import Anno, annotate, annotation_element, follow, leading
from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.datatypes import datatype
from teikit.validator.rnc.declarations import reference
from teikit.validator.rnc.lexer import KEYWORDS, Token, describe
from teikit.validator.rnc.nameclasses import name_class, named
from teikit.validator.rnc.tree import VALUE, Element, R, unwrap

_REPEAT: Final = {"?": "optional", "*": "zeroOrMore", "+": "oneOrMore"}
_COMBINE: Final = {",": "group", "|": "choice", "&": "interleave"}
ASSIGN: Final = {"=": None, "|=": "choice", "&=": "interleave"}
"""Definition operators and the ``combine`` method each stands for."""


def grammar_content(cur: Cursor, closing: str | None, *, override: bool) -> list[Element]:
    """Components up to ``closing`` (or the end); ``override``: those in an include's braces."""
    found: list[Element] = []
    while not (cur.peek().kind == "eof" or (closing is not None and cur.at(closing))):
        anno = leading(cur)
        token, after = cur.peek(), cur.peek(1)
        if cur.at_keyword("start"):
            cur.take()
            combine = _assign(cur)
            node = cur.locate(R("start", *pattern(cur), combine), token)
        elif cur.at_keyword("div"):
            cur.take()
            cur.expect("{")
            node = R("div", *grammar_content(cur, "}", override=override))
            cur.expect("}")
        elif cur.at_keyword("include") and not override:
            node = _include(cur)
        elif token.kind in ("name", "quoted") and after.kind == "op" and after.value in ASSIGN:
            name = cur.identifier()
            combine = _assign(cur)
            body = unwrap(pattern(cur))
            node = cur.locate(R("define", *body, {"name": name.value, **combine}), name)
        elif token.kind in ("name", "quoted", "cname") and token.value not in KEYWORDS \
                and cur.at("[", 1):
            if anno is not None and anno.attributes:
                raise cur.error(token, "annotation attributes must precede a definition")
            found.extend(anno.elements if anno else [])
            found.append(annotation_element(cur, foreign=True))
            continue
        else:
            what = "a definition or start" if override else \
                "a definition, start, div, include or annotation element"
            raise cur.error(token, f"expected {what}, found {describe(token)}")
        found.extend(annotate([node], anno))
    return found


def _assign(cur: Cursor) -> dict[str, str]:
    token = cur.take()
    if token.kind != "op" or token.value not in ASSIGN:
        raise cur.error(token, f"expected `=`, `|=` or `&=`, found {describe(token)}")
    method = ASSIGN[token.value]
    return {"combine": method} if method else {}


def _include(cur: Cursor) -> Element:
    cur.take()
    href, target, ns = reference(cur)
    overrides: list[Element] = []
    if cur.accept("{"):
        overrides = grammar_content(cur, "}", override=True)
        cur.expect("}")
    return cur.files.include(cur, href, target, ns, overrides)


# patterns

def pattern(cur: Cursor, anno: Anno | None = None) -> list[Element]:
    """A pattern: particles joined by one of ``,`` ``|`` ``&`` (never mixed), and the
    annotations following it."""
    nodes, bare_except = _particle(cur)
    operator = cur.peek()
    if operator.kind != "op" or operator.value not in _COMBINE:
        return annotate(nodes, anno)
    children = list(nodes)
    while not bare_except and cur.accept(operator.value):
        nodes, bare_except = _particle(cur)
        children.extend(nodes)
    if bare_except:
        raise cur.error(operator, "put a data pattern with `-` in parentheses to combine "
                                  f"it with `{operator.value}`")
    after = cur.peek()
    if after.kind == "op" and after.value in _COMBINE:
        raise cur.error(after, f"`{after.value}` after `{operator.value}`: use parentheses "
                               "to mix `,`, `|` and `&`")
    return annotate([R(_COMBINE[operator.value], *children)], anno)


def _particle(cur: Cursor) -> tuple[list[Element], bool]:
    """An operand with its followers and one ``?``, ``*`` or ``+``; and whether it is a
    data pattern with an exception (which may not be repeated or combined bare)."""
    nodes, bare_except = _operand(cur)
    nodes += follow(cur)
    token = cur.peek()
    if token.kind == "op" and token.value in _REPEAT:
        if bare_except:
            raise cur.error(token, "put a data pattern with `-` in parentheses "
                                   f"before `{token.value}`")
        cur.take()
        nodes = [R(_REPEAT[token.value], *unwrap(nodes)), *follow(cur)]
    return nodes, bare_except


def _operand(cur: Cursor) -> tuple[list[Element], bool]:
    """A primary or a parenthesized pattern, with its leading annotations."""
    anno = leading(cur)
    if cur.accept("("):
        nodes = pattern(cur, anno)
        cur.expect(")")
        return nodes, False
    node, bare_except = _primary(cur)
    return annotate([node], anno), bare_except


def _primary(cur: Cursor) -> tuple[Element, bool]:
    token = cur.take()
    if token.kind == "name" and token.value in KEYWORDS:
        return _keywordpattern(cur, token)
    if token.kind in ("name", "quoted"):
        return cur.locate(R("ref", {"name": token.value}), token), False
    if token.kind == "cname":
        prefix, local = token.value.split(":")
        library = cur.env.datatypes.get(prefix)
        if library is None:
            raise cur.error(token, f"undeclared datatypes prefix `{prefix}`")
        return _data(cur, token, library, local)
    if token.kind == "literal":
        cur.pos -= 1
        return R("value", cur.literal()), False
    raise cur.error(token, f"expected a pattern, found {describe(token)}")


def _keywordpattern(cur: Cursor, token: Token) -> tuple[Element, bool]:
    word = token.value
    if word in ("element", "attribute"):
        names = name_class(cur, attribute=word == "attribute")
        body = _braced(cur)
        return named(word, names, unwrap(body) if word == "element" else body), False
    if word in ("list", "mixed"):
        return R(word, *unwrap(_braced(cur))), False
    if word in ("empty", "text", "notAllowed"):
        return R(word), False
    if word in ("string", "token"):
        return _data(cur, token, "", word)
    if word == "parent":
        name = cur.identifier()
        return cur.locate(R("parentRef", {"name": name.value}), name), False
    if word == "external":
        return cur.files.external(cur, *reference(cur)), False
    if word == "grammar":
        cur.expect("{")
        node = cur.locate(R("grammar", *grammar_content(cur, "}", override=False)), token)
        cur.expect("}")
        return node, False
    raise cur.error(token, f"expected a pattern, found `{word}`")


def _braced(cur: Cursor) -> list[Element]:
    cur.expect("{")
    nodes = pattern(cur)
    cur.expect("}")
    return nodes


def _data(cur: Cursor, token: Token, library: str, name: str) -> tuple[Element, bool]:
    """A datatype and its ``-`` exception, if any (then True)."""
    node = datatype(cur, token, library, name)
    if node.tag == VALUE or not cur.accept("-"):
        return node, False
    excluded, _ = _operand(cur)
    node.append(R("except", *excluded))
    return node, True
