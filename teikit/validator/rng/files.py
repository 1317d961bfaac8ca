"""The files a schema is made of: the schema itself and those its ``include`` and
``externalRef`` elements name (spec section 4.5), local files only.

An ``href`` is resolved against the base URI of its element (``xml:base`` included). A
file is parsed once; a schema that includes itself, directly or not, is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from teikit import tei
from teikit.validator.rng.syntax import RngSyntaxError, check_element


class Files:
    def __init__(self) -> None:
        self._parsed: dict[Path, etree._Element] = {}
        self._open: list[Path] = []

    def root(self, path: Path, node: etree._Element | None = None) -> etree._Element:
        """The checked root element of the schema file ``path`` (read by ``node``)."""
        found = self._parsed.get(path)
        if found is None:
            try:
                found = tei.parse_file(path).getroot()
            except OSError as exc:
                raise _error(node, path, f"cannot be read ({exc.strerror or exc})") from None
            except etree.XMLSyntaxError as exc:
                raise _error(node, path, f"is not well-formed XML ({exc.msg})") from None
            check_element(found)
            self._parsed[path] = found
        return found

    @contextmanager
    def opened(self, node: etree._Element) -> Iterator[etree._Element]:
        """The root of the file ``node``'s ``href`` names, while it is being read."""
        path = self.target(node)
        if path in self._open:
            raise RngSyntaxError(node, f"{node.get('href')!r} includes itself")
        root = self.root(path, node)
        self._open.append(path)
        try:
            yield root
        finally:
            self._open.pop()

    @contextmanager
    def first(self, path: Path) -> Iterator[etree._Element]:
        """The root of the schema itself, while it is being read."""
        path = path.resolve()
        root = self.root(path)
        self._open.append(path)
        try:
            yield root
        finally:
            self._open.pop()

    def target(self, node: etree._Element) -> Path:
        href = node.get("href", "")
        base = node.base or ""
        resolved = urljoin(base, href) if base else href
        parsed = urlparse(resolved)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            raise RngSyntaxError(node, f"{href!r} is not a local file: teikit never fetches "
                                       "schemas")
        path = unquote(parsed.path) if parsed.scheme == "file" else resolved
        return Path(path).resolve()


def _error(node: etree._Element | None, path: Path, what: str) -> Exception:
    if node is None:
        from teikit.diagnostics import ConfigError

        return ConfigError(f"{path}: the schema {what}")
    return RngSyntaxError(node, f"{node.get('href')!r} ({path}) {what}")
