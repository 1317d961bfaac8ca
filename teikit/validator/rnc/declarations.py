"""The preamble of a file (``namespace``, ``default namespace``, ``datatypes``) and the
``inherit =`` of ``include`` and ``external``."""

from __future__ import annotations

from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.lexer import Token
from teikit.validator.rnc.tree import XML_NS


def declarations(cur: Cursor) -> None:
    """Read the declarations at the start of the file into ``cur.env``."""
    while cur.at_keyword("namespace", "default", "datatypes"):
        keyword = cur.take()
        if keyword.value == "datatypes":
            library = cur.identifier(keywords=True)
            cur.expect("=")
            cur.env.datatypes[library.value] = cur.literal()
            continue
        is_default = keyword.value == "default"
        if is_default and not cur.at_keyword("namespace"):
            raise cur.error(cur.peek(), "expected `namespace` after `default`")
        if is_default:
            cur.take()
        prefix: Token | None = None
        if not (is_default and cur.at("=")):
            prefix = cur.identifier(keywords=True)
        cur.expect("=")
        if cur.at_keyword("inherit"):
            cur.take()
            uri = cur.env.inherited
        else:
            uri = cur.literal()
        if is_default:
            if cur.env.default is not None:
                raise cur.error(keyword, "the default namespace is declared twice")
            cur.env.default = uri
        if prefix is not None:
            _bind(cur, prefix, uri)


def _bind(cur: Cursor, prefix: Token, uri: str) -> None:
    name = prefix.value
    if name == "xmlns" or (name == "xml" and uri != XML_NS):
        raise cur.error(prefix, f"the prefix {name} cannot be declared")
    if name in cur.env.declared and cur.env.prefixes[name] != uri:
        raise cur.error(prefix, f"the prefix {name} is declared twice")
    cur.env.declared.add(name)
    cur.env.prefixes[name] = uri


def reference(cur: Cursor) -> tuple[Token, str, str]:
    """The ``"href" [inherit = prefix]`` of ``include`` and ``external``: the literal's first
    token (errors about the file are located there), the target, and the namespace the other
    file inherits."""
    href = cur.peek()
    target = cur.literal()
    if not cur.at_keyword("inherit"):
        return href, target, cur.env.default_ns
    cur.take()
    cur.expect("=")
    return href, target, cur.namespace(cur.identifier(keywords=True))
