"""The files one conversion reads: decoding, ``include`` (with overrides) and ``external``
resolved on disk (never over a network), the include stack, and where each node was written."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlparse

from teikit.diagnostics import Diagnostic, Severity
from teikit.validator.rnc.cursor import Cursor, Env
from teikit.validator.rnc.errors import RncError, rnc_error
from teikit.validator.rnc.lexer import Source, Token
from teikit.validator.rnc.toplevel import top
from teikit.validator.rnc.tree import GRAMMAR, Element, R, components, key


class Files:
    """The files one conversion reads: include stack, sources, and where nodes came from."""

    def __init__(self) -> None:
        self.sources: list[Path] = []
        self.stack: list[Path] = []
        self.where: dict[Element, tuple[Source, int]] = {}

    def load(self, path: Path, inherited: str, origin: tuple[Source, int] | None) -> Element:
        """The converted top of the file at ``path`` (errors located at ``origin``)."""
        def fail(message: str) -> RncError:
            if origin is None:
                return rnc_error([Diagnostic(str(path), 0, 0, Severity.ERROR, "rnc-include",
                                             message)])
            return origin[0].error(origin[1], message, "rnc-include")

        resolved = path.resolve()
        if resolved in self.stack:
            raise fail(f"{path} includes itself")
        try:
            data = resolved.read_bytes()
        except OSError as exc:
            raise fail(f"cannot read {path} ({exc.strerror or exc})") from None
        try:
            text = _decode(data)
        except UnicodeDecodeError as exc:
            raise fail(f"{path} is not UTF-8 or UTF-16 ({exc.reason} at byte {exc.start})") \
                from None
        if resolved not in self.sources:
            self.sources.append(resolved)
        self.stack.append(resolved)
        try:
            return top(Cursor(Source(text, str(path)), Env(inherited), self, path.parent))
        finally:
            self.stack.pop()

    def include(self, cur: Cursor, href: Token, target: str, ns: str,
                overrides: list[Element]) -> Element:
        """``include``: the other grammar's components in a ``div``, overridden ones
        replaced by those written in the include's braces."""
        grammar = self.external(cur, href, target, ns)
        if grammar.tag != GRAMMAR:
            raise cur.error(href, f"{target} is a pattern, not a grammar: use external to "
                                  "refer to it", "rnc-include")
        wanted = {key(node) for node in components(overrides)}
        found: set[str] = set()
        for node in list(components(list(grammar))):
            if key(node) in wanted:
                cast(Element, node.getparent()).remove(node)
                found.add(key(node))
        missing = sorted(wanted - found)
        if missing:
            raise cur.error(href, f"{target} has no {missing[0]} to override", "rnc-include")
        return R("div", *list(grammar), *overrides)

    def external(self, cur: Cursor, href: Token, target: str, ns: str) -> Element:
        """``external``: the other file's pattern (a grammar becomes a nested grammar)."""
        return self.load(_resolve(cur, href, target), ns, (cur.source, href.start))


def _resolve(cur: Cursor, href: Token, target: str) -> Path:
    parsed = urlparse(target)
    if len(parsed.scheme) > 1 and parsed.scheme != "file":
        raise cur.error(href, f"{target} is a URL; teikit never downloads schemas: save it "
                              "and refer to the file", "rnc-include")
    return cur.folder / unquote(parsed.path if parsed.scheme == "file" else target)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")
