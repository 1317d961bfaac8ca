"""Two XPath engines behind one small interface: lxml (XPath 1.0, for Schematron's
``xslt`` query binding) and elementpath (XPath 2.0/3.1, for ``xslt2``/``xslt3``).

A schema may add functions to both (:class:`Extensions`: Schematron's ``xsl:key`` and
``xsl:function``); schemas that add none compile exactly as before."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Final, Protocol

from lxml import etree

from teikit.diagnostics import ConfigError

XPATH1: Final = {"xslt", "xslt1", "xpath", "xpath1", "exslt"}
XPATH2: Final = {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}


class Engine(Protocol):
    """Evaluates compiled expressions over one document."""

    def wrap(self, node: Any) -> Any: ...
    def select(self, expr: Any, node: Any, variables: dict[str, Any]) -> list[Any]: ...
    def value(self, expr: Any, node: Any, variables: dict[str, Any]) -> Any: ...
    def boolean(self, expr: Any, node: Any, variables: dict[str, Any]) -> bool: ...
    def string(self, expr: Any, node: Any, variables: dict[str, Any]) -> str: ...
    def root(self) -> Any: ...


class Compiler(Protocol):
    def compile(self, expr: str, where: str) -> Any: ...
    def engine(self, tree: etree._ElementTree) -> Engine: ...


LxmlFunctions = dict[tuple[str | None, str], Callable[..., Any]]
"""lxml extension functions by (namespace or None, name)."""


class Extensions(Protocol):
    """Functions a schema adds to XPath."""

    def lxml_functions(self) -> LxmlFunctions: ...
    def install(self, compiler: ElementPathCompiler) -> None:
        """Register the functions on ``compiler.parser`` (ConfigError when they are wrong)."""


def compiler_for(binding: str, namespaces: dict[str, str], source: str,
                 extensions: Extensions | None = None) -> Compiler:
    """The compiler for a Schematron ``queryBinding`` (ConfigError when unsupported)."""
    binding = (binding or "xslt").strip().lower()
    if binding in XPATH1:
        functions = extensions.lxml_functions() if extensions else None
        return LxmlCompiler(namespaces, source, extensions=functions or None)
    if binding in XPATH2:
        return ElementPathCompiler(namespaces, source, binding, extensions)
    raise ConfigError(f"{source}: Schematron queryBinding {binding!r} is not supported "
                      "(supported: xslt, xslt2, xslt3)")


class LxmlCompiler:
    def __init__(self, namespaces: dict[str, str], source: str,
                 rewrite: Callable[[str], str] | None = None, *,
                 extensions: LxmlFunctions | None = None) -> None:
        self.namespaces = {k: v for k, v in namespaces.items() if k != "xml"}
        self.source = source
        self.rewrite = rewrite
        self.extensions = extensions

    def compile(self, expr: str, where: str) -> etree.XPath:
        try:
            return etree.XPath(self.rewrite(expr) if self.rewrite else expr,
                               namespaces=self.namespaces, extensions=self.extensions)
        except etree.XPathSyntaxError as exc:
            raise ConfigError(f"{self.source}: {where}: not an XPath 1.0 expression "
                              f"({exc}): {expr}") from None

    def engine(self, tree: etree._ElementTree) -> Engine:
        return LxmlEngine(tree)


class LxmlEngine:
    def __init__(self, tree: etree._ElementTree) -> None:
        self.tree = tree

    def root(self) -> Any:
        return self.tree

    def wrap(self, node: Any) -> Any:
        return node

    def value(self, expr: Any, node: Any, variables: dict[str, Any]) -> Any:
        return expr(node, **variables)

    def select(self, expr: Any, node: Any, variables: dict[str, Any]) -> list[Any]:
        found = expr(node, **variables)
        return found if isinstance(found, list) else []

    def boolean(self, expr: Any, node: Any, variables: dict[str, Any]) -> bool:
        found = expr(node, **variables)
        if isinstance(found, list):
            return bool(found)
        if isinstance(found, float):
            return found == found and found != 0.0  # NaN is false
        return bool(found)

    def string(self, expr: Any, node: Any, variables: dict[str, Any]) -> str:
        found = expr(node, **variables)
        if isinstance(found, list):
            if not found:
                return ""
            first = found[0]
            if isinstance(first, etree._Element):
                return "".join(str(text) for text in first.itertext())
            return str(first)
        if isinstance(found, bool):
            return "true" if found else "false"
        if isinstance(found, float) and found.is_integer():
            return str(int(found))
        return str(found)


class ElementPathCompiler:
    def __init__(self, namespaces: dict[str, str], source: str, binding: str,
                 extensions: Extensions | None = None) -> None:
        if binding in XPATH1:  # for the nodes lxml cannot take as a context (attributes)
            from elementpath.xpath1 import XPath1Parser as parser_class
        elif binding in {"xslt2", "xpath2"}:
            from elementpath.xpath2 import XPath2Parser as parser_class
        else:
            from elementpath.xpath3 import XPath3Parser as parser_class
        self.namespaces = dict(namespaces)
        self.parser = parser_class(namespaces=self.namespaces)
        self.source = source
        if extensions is not None:
            extensions.install(self)

    def compile(self, expr: str, where: str) -> Any:
        from elementpath import ElementPathError

        try:
            return self.parser.parse(expr)
        except ElementPathError as exc:
            raise ConfigError(f"{self.source}: {where}: not a valid XPath expression "
                              f"({exc}): {expr}") from None

    def engine(self, tree: etree._ElementTree) -> Engine:
        return ElementPathEngine(tree, self.namespaces)


class ElementPathEngine:
    def __init__(self, tree: etree._ElementTree, namespaces: dict[str, str]) -> None:
        self.tree, self.namespaces = tree, namespaces
        self._built: Any = None

    @property
    def context(self) -> Any:
        # Built on first use: elementpath mirrors the whole tree, which is costly, and
        # most documents never match a rule whose test needs XPath 2.
        if self._built is None:
            from elementpath import XPathContext

            self._built = XPathContext(self.tree, namespaces=self.namespaces)
        return self._built

    def root(self) -> Any:
        return self.context.root

    def wrap(self, node: Any) -> Any:
        """The elementpath node of an lxml element (or of an lxml attribute result)."""
        name = attribute_name(node)
        element = element_of(node)
        wrapped = self.context.get_context_item(element)
        if name is None:
            return wrapped
        return next((a for a in wrapped.attributes if a.name == name), wrapped)

    def _context(self, node: Any, variables: dict[str, Any]) -> Any:
        context = copy.copy(self.context)
        context.item = node
        context.variables = variables
        return context

    def value(self, expr: Any, node: Any, variables: dict[str, Any]) -> Any:
        return expr.evaluate(self._context(node, variables))

    def select(self, expr: Any, node: Any, variables: dict[str, Any]) -> list[Any]:
        return list(expr.select(self._context(node, variables)))

    def boolean(self, expr: Any, node: Any, variables: dict[str, Any]) -> bool:
        result = expr.evaluate(self._context(node, variables))
        return bool(expr.boolean_value(result))

    def string(self, expr: Any, node: Any, variables: dict[str, Any]) -> str:
        result = expr.evaluate(self._context(node, variables))
        if isinstance(result, list):
            result = result[0] if result else ""
        text = getattr(result, "string_value", None)
        return str(text if text is not None else result)


def element_of(node: Any) -> etree._Element | None:
    """The lxml element a selected node is (or belongs to, for attributes and text)."""
    if isinstance(node, etree._Element):
        return node
    getparent: Callable[[], Any] | None = getattr(node, "getparent", None)
    if getparent is not None:  # an lxml "smart string" (attribute or text result)
        found = getparent()
        return found if isinstance(found, etree._Element) else None
    elem = getattr(node, "elem", None)  # an elementpath element node
    if isinstance(elem, etree._Element):
        return elem
    parent = getattr(node, "parent", None)
    return element_of(parent) if parent is not None else None


def attribute_name(node: Any) -> str | None:
    """The name of an attribute node (lxml attribute result or elementpath AttributeNode)."""
    if getattr(node, "is_attribute", False):
        attrname = getattr(node, "attrname", "")
        return str(attrname) if attrname else None
    if any(cls.__name__ == "AttributeNode" for cls in type(node).__mro__):  # elementpath's
        return str(getattr(node, "name", "")) or None
    return None
