"""``xsl:key`` in Schematron: XSLT's ``key(name, value[, top])`` in both XPath engines.

An index per key name and document is built at the first lookup: every node the key's
``match`` pattern selects, filed under each string its ``use`` expression gives (a sequence
gives several). A lookup value is atomized the same way (a node by its string value, a
sequence value by value); keys compare as strings. The result is in document order without
duplicates; ``top`` keeps only the nodes inside that node (itself included). Several
``xsl:key`` elements with one name add up.

Compiled rules are shared by every document, so the indexes of the document being checked
are found through :data:`ACTIVE`, set by the Schematron run for its duration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.validator.schematron.context import context_selector
from teikit.validator.schematron.xpath import ElementPathCompiler, Engine, LxmlCompiler

Index = dict[str, list[tuple[int, Any]]]
"""Key value → (document position, node) pairs, in document order."""


@dataclass(frozen=True)
class KeyDef:
    """One ``xsl:key`` element."""

    name: str
    match: str
    use: str
    line: int


@dataclass
class Keys:
    """A schema's keys, compiled once for each engine that evaluates them."""

    defs: dict[str, list[KeyDef]]
    source: str
    xpath1: bool
    """The schema's query binding is XPath 1.0 (lxml is its only engine)."""
    lxml: dict[str, list[tuple[Any, Any]]] | None = None
    """(match, use) per name for lxml; None when some key needs XPath 2."""
    full: dict[str, list[tuple[Any, Any]]] = field(default_factory=dict)
    """(match, use) per name for elementpath, filled by :meth:`install`."""

    def compile_lxml(self, namespaces: dict[str, str]) -> None:
        """Compile for lxml (a ConfigError for an XPath 1.0 schema, else leaves
        :attr:`lxml` None when a key is not XPath 1.0)."""
        compiler = LxmlCompiler(namespaces, self.source,
                                None if self.xpath1 else _same_in_xpath1(namespaces),
                                extensions={(None, "key"): lxml_key})
        try:
            self.lxml = self._compiled(compiler.compile)
        except ConfigError:
            if self.xpath1:
                raise

    def install(self, compiler: ElementPathCompiler) -> None:
        """Register ``key()`` on the elementpath parser and compile the keys with it."""
        token = compiler.parser.external_function(_placeholder, name="key")
        token.nargs = (2, 3)
        token.label = "function"  # as built-in functions are: key(…)/step is a path
        setattr(token, "evaluate", _evaluate_key)  # noqa: B010 - replaces a method
        self.full = self._compiled(compiler.compile)

    def _compiled(self, compile: Callable[[str, str], Any]) -> dict[str, list[tuple[Any, Any]]]:
        return {name: [(compile(context_selector(d.match), f"xsl:key {name} (line {d.line}) "
                                "match"),
                        compile(d.use, f"xsl:key {name} (line {d.line}) use")) for d in defs]
                for name, defs in self.defs.items()}


def _same_in_xpath1(namespaces: dict[str, str]) -> Callable[[str], str]:
    """A rewrite of an XPath 2 key expression into XPath 1.0 that refuses (ConfigError)
    what might mean something else there (:mod:`teikit.validator.schematron.xpath1`)."""
    from elementpath import ElementPathError
    from elementpath.xpath2 import XPath2Parser

    from teikit.validator.schematron.xpath1 import translate

    parser = XPath2Parser(namespaces=namespaces)
    parser.external_function(_placeholder, name="key").nargs = (2, 3)

    def rewrite(text: str) -> str:
        try:
            found = translate(parser.parse(text), key=True)
        except ElementPathError:
            found = None
        if found is None:
            raise ConfigError(f"{text}: not the same in XPath 1.0")
        return found[0]

    return rewrite


def _placeholder(*args: Any) -> Any:  # pragma: no cover - evaluate is replaced
    raise NotImplementedError


class XsltRun:
    """What the XSLT features need while one document is checked: the schema-level
    variables and the key indexes, built when first used."""

    def __init__(self, keys: Keys | None, fast: Engine, full: Callable[[], Engine],
                 variables: Callable[[bool], dict[str, Any]]) -> None:
        """``variables(native)``: the schema's variables as values of lxml (``native``) or
        of elementpath."""
        self.keys, self.fast, self.full, self.variables = keys, fast, full, variables
        self._indexes: dict[tuple[str, bool], Index] = {}
        self._building: set[tuple[str, bool]] = set()

    def lookup(self, name: str, values: Iterable[str], top: Any, native: bool) -> list[Any]:
        """The nodes filed under any of ``values`` in key ``name`` (lxml nodes when
        ``native``, else elementpath's), inside ``top`` when it is not None."""
        index = self.index(name, native)
        found = {id(node): (position, node)
                 for value in values for position, node in index.get(value, ())}
        nodes = [node for _, node in sorted(found.values(), key=lambda pair: pair[0])]
        if top is None:
            return nodes
        return [node for node in nodes if _inside(node, top, native)]

    def index(self, name: str, native: bool) -> Index:
        key = (name, native)
        if key not in self._indexes:
            if key in self._building:
                raise ValueError(f"xsl:key {name!r} is defined in terms of itself")
            self._building.add(key)
            try:
                self._indexes[key] = self._build(name, native)
            finally:
                self._building.discard(key)
        return self._indexes[key]

    def _build(self, name: str, native: bool) -> Index:
        if self.keys is None or name not in self.keys.defs:
            raise ValueError(f"key({name!r}): the schema has no xsl:key of that name")
        compiled = self.keys.lxml if native else self.keys.full
        if compiled is None:  # the rule moves to elementpath, which can build this key
            raise etree.XPathEvalError(f"xsl:key {name!r} needs XPath 2")
        engine = self.fast if native else self.full()
        variables = self.variables(native)
        index: Index = {}
        for match, use in compiled[name]:
            nodes = engine.select(match, engine.root(), variables)
            order = _positions(nodes, native) if len(compiled[name]) > 1 else None
            for position, node in enumerate(nodes):
                place = order[position] if order else position
                for value in strings(engine.value(use, node, variables), native):
                    index.setdefault(value, []).append((place, node))
        return index


ACTIVE: ContextVar[XsltRun | None] = ContextVar("teikit_sch_xslt_run", default=None)
"""The run in progress on this thread (None outside a Schematron run)."""


def _positions(nodes: list[Any], native: bool) -> list[int]:
    """Document positions, for merging the matches of several keys of one name."""
    if not native:
        return [int(getattr(node, "position", index)) for index, node in enumerate(nodes)]
    if not nodes:
        return []
    order = {id(el): i for i, el in enumerate(nodes[0].getroottree().iter())}
    return [order.get(id(node), index) for index, node in enumerate(nodes)]


def _inside(node: Any, top: Any, native: bool) -> bool:
    current = node
    while current is not None:
        if current is top:
            return True
        current = current.getparent() if native else getattr(current, "parent", None)
    return False


def items(value: Any) -> list[Any]:
    """An XPath result as a list of items (a single item or None become a list)."""
    return value if isinstance(value, list) else [] if value is None else [value]


def strings(value: Any, native: bool) -> list[str]:
    """The key strings of an XPath value: one per item of a sequence."""
    return [string_of(item, native) for item in items(value)]


def string_of(item: Any, native: bool) -> str:
    """XPath's string value of one item (lxml's when ``native``, else elementpath's)."""
    if native and isinstance(item, etree._Element):
        return "".join(str(text) for text in item.itertext())
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (float, Decimal)) and _integral(item):
        return str(int(item))
    text = None if native else getattr(item, "string_value", None)
    return str(text if text is not None else item)


def _integral(number: float | Decimal) -> bool:
    try:
        return bool(number == int(number))
    except (ValueError, OverflowError):  # NaN, infinities
        return False


def lxml_key(context: Any, name: Any, value: Any, top: Any = None) -> list[Any]:
    """``key()`` as an lxml extension function (in no namespace, as in XSLT)."""
    run = ACTIVE.get()
    if run is None:
        raise etree.XPathEvalError("key() is only available while Schematron rules run")
    names = strings(name, True)
    tops = items(top)
    element = tops[0] if tops and isinstance(tops[0], etree._Element) else None
    if top is not None and element is None:
        return []
    return run.lookup(names[0] if names else "", strings(value, True), element, True)


def _evaluate_key(self: Any, context: Any = None) -> list[Any]:
    """``key()`` on elementpath's parser (``self`` is the function's token)."""
    if context is None:
        raise self.missing_context()
    run = ACTIVE.get()
    if run is None:
        raise self.error("XPDY0002", "key() is only available while Schematron rules run")
    args = [self[k].evaluate(context) for k in range(len(self))]
    names = strings(args[0], False)
    top = None
    if len(args) > 2:
        tops = items(args[2])
        if not tops:
            return []
        top = tops[0]
    return run.lookup(names[0] if names else "", strings(args[1], False), top, False)
