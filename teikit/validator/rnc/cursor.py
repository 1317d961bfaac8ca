"""The parser's state: one file's tokens with a position, the namespace and datatype
declarations in force, and the small steps every rule takes (peek, take, expect, literals,
identifiers, prefixes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from teikit.validator.rnc.errors import RncError
from teikit.validator.rnc.lexer import KEYWORDS, Source, Token, describe, tokenize
from teikit.validator.rnc.tree import RNG, XML_NS, XSD_DATATYPES, Element

if TYPE_CHECKING:
    from teikit.validator.rnc.files import Files


@dataclass
class Env:
    """Namespace and datatype declarations in force in one file."""

    inherited: str
    default: str | None = None
    prefixes: dict[str, str] = field(default_factory=lambda: {"xml": XML_NS})
    datatypes: dict[str, str] = field(default_factory=lambda: {"xsd": XSD_DATATYPES})
    declared: set[str] = field(default_factory=set)

    @property
    def default_ns(self) -> str:
        return self.inherited if self.default is None else self.default

    def nsmap(self) -> dict[str, str]:
        """Declarations for the output's root (lxml maps the default namespace under None;
        its stubs do not say so)."""
        found: dict[Any, str] = {None: RNG}
        found.update((p, u) for p, u in self.prefixes.items()
                     if p != "xml" and u not in ("", RNG))
        return cast("dict[str, str]", found)


class Cursor:
    """One file's tokens (``##`` lines set aside by the token they precede) and a position."""

    def __init__(self, source: Source, env: Env, files: Files, folder: Path) -> None:
        self.source, self.env, self.files, self.folder = source, env, files, folder
        self.tokens: list[Token] = []
        self.docs: dict[int, list[str]] = {}  # documentation lines before tokens[i]
        for token in tokenize(source):
            if token.kind == "doc":
                self.docs.setdefault(len(self.tokens), []).append(token.value)
            else:
                self.tokens.append(token)
        self.pos = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    def take(self) -> Token:
        token = self.peek()
        self.pos = min(self.pos + 1, len(self.tokens) - 1)
        return token

    def at(self, op: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "op" and token.value == op

    def at_keyword(self, *words: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "name" and token.value in words

    def accept(self, op: str) -> bool:
        if self.at(op):
            self.take()
            return True
        return False

    def expect(self, op: str) -> None:
        token = self.take()
        if token.kind != "op" or token.value != op:
            raise self.error(token, f"expected `{op}`, found {describe(token)}")

    def error(self, token: Token, message: str, code: str = "rnc-syntax") -> RncError:
        return self.source.error(token.start, message, code)

    def locate(self, node: Element, token: Token) -> Element:
        """``node``, recorded as written at ``token`` (for the checks of the whole schema)."""
        self.files.where[node] = (self.source, token.start)
        return node

    def literal(self) -> str:
        """A literal and the ``~`` segments joined to it."""
        parts = [self._literal_part("")]
        while self.accept("~"):
            parts.append(self._literal_part(" after `~`"))
        return "".join(parts)

    def _literal_part(self, context: str) -> str:
        token = self.take()
        if token.kind != "literal":
            raise self.error(token, f"expected a string literal{context}, found "
                                    f"{describe(token)}")
        return token.value

    def identifier(self, keywords: bool = False) -> Token:
        token = self.take()
        if token.kind == "quoted" or (token.kind == "name" and (
                keywords or token.value not in KEYWORDS)):
            return token
        hint = f" (write \\{token.value} for a name that is a keyword)" \
            if token.kind == "name" else ""
        raise self.error(token, f"expected a name, found {describe(token)}{hint}")

    def namespace(self, prefix: Token, name: str | None = None) -> str:
        """The URI bound to the prefix of ``prefix`` (or to ``name``)."""
        name = prefix.value.split(":")[0] if name is None else name
        uri = self.env.prefixes.get(name)
        if uri is None:
            raise self.error(prefix, f"undeclared namespace prefix `{name}`")
        return uri
