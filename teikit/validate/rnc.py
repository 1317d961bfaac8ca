"""RELAX NG compact syntax (``.rnc``) converted to the equivalent RELAX NG XML tree.

The whole OASIS compact syntax (Committee Specification, 21 November 2002) is read:
``namespace`` / ``default namespace`` / ``datatypes`` declarations (``xml`` and ``xsd``
predeclared, ``inherit``), definitions with ``=``, ``|=`` and ``&=``, ``start``, ``div``,
``include`` with overrides, ``external``, nested ``grammar`` and ``parent``, every pattern
and name class, datatype parameters and ``-`` exceptions, literals in four quotings joined
with ``~``, ``\\x{..}`` escapes, ``\\``-escaped identifiers, ``#`` comments and ``##``
documentation, ``[ ... ]`` annotations, ``>>`` following annotations and grammar-level
annotation elements. Annotations are kept as foreign elements and attributes, so the
Schematron an ODD embeds (``[ sch:pattern [ ... ] ]``) still reaches teikit's rule runner.

    >>> grammar = convert('default namespace = "urn:x"\\nstart = element doc { text }')
    >>> etree.tostring(grammar[0][0])
    b'<element xmlns="http://relaxng.org/ns/structure/1.0" name="doc" ns="urn:x"><text/></element>'

Problems come back as :class:`RncError` (a :class:`~teikit.diagnostics.ConfigError`) whose
diagnostics say ``file:line:column``; the converter never fetches anything from a network.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple, Protocol, cast
from urllib.parse import unquote, urlparse

from lxml import etree
from lxml.builder import ElementMaker

from teikit.diagnostics import ConfigError, Diagnostic, Severity

RNG: Final = "http://relaxng.org/ns/structure/1.0"
ANNOTATIONS: Final = "http://relaxng.org/ns/compatibility/annotations/1.0"
XSD_DATATYPES: Final = "http://www.w3.org/2001/XMLSchema-datatypes"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
VERSION: Final = "1"
"""Changes whenever the converter's output does (it is part of on-disk cache keys)."""

KEYWORDS: Final = frozenset((
    "attribute", "default", "datatypes", "div", "element", "empty", "external", "grammar",
    "include", "inherit", "list", "mixed", "namespace", "notAllowed", "parent", "start",
    "string", "text", "token"))

Element = etree._Element


class _Builder(Protocol):
    def __call__(self, tag: str, *children: Any) -> Element: ...


_R: Final = cast(_Builder, ElementMaker(namespace=RNG, nsmap={None: RNG}))
"""RELAX NG elements: ``_R("ref", {"name": "p"})`` makes ``<ref name="p"/>``."""


def _rng(local: str) -> str:
    return f"{{{RNG}}}{local}"


_GRAMMAR, _DIV, _DEFINE, _START = (_rng(n) for n in ("grammar", "div", "define", "start"))
_REF, _PARENT_REF, _GROUP, _NAME = (_rng(n) for n in ("ref", "parentRef", "group", "name"))
_TEXTUAL: Final = {_rng("value"), _rng("param"), _NAME}
"""Elements whose content is a string: their annotation elements follow them instead."""
_XSD_TYPES: Final = frozenset((
    "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "NMTOKENS",
    "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "QName", "NOTATION", "anyURI", "boolean",
    "base64Binary", "hexBinary", "float", "double", "decimal", "integer", "nonPositiveInteger",
    "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger", "unsignedLong",
    "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger", "duration", "dateTime",
    "time", "date", "gYearMonth", "gYear", "gMonthDay", "gDay", "gMonth"))
_XSD_FACETS: Final = frozenset((
    "length", "minLength", "maxLength", "pattern", "enumeration", "whiteSpace", "maxInclusive",
    "maxExclusive", "minInclusive", "minExclusive", "totalDigits", "fractionDigits"))
_DATATYPES: Final = {
    "": (frozenset(("string", "token")), frozenset[str](), "the built-in library (string, token)"),
    XSD_DATATYPES: (_XSD_TYPES, _XSD_FACETS, "XML Schema"),
}
"""The libraries libxml2 provides: their types, parameters, and how to name them."""
_REPEAT: Final = {"?": "optional", "*": "zeroOrMore", "+": "oneOrMore"}
_COMBINE: Final = {",": "group", "|": "choice", "&": "interleave"}
_ASSIGN: Final = {"=": None, "|=": "choice", "&=": "interleave"}
_IMPLICIT_GROUP: Final = {_rng(n) for n in ("element", "define", "optional", "zeroOrMore",
                                             "oneOrMore", "list", "mixed")}


class RncError(ConfigError):
    """A compact-syntax schema that cannot be converted; ``diagnostics`` locate the problems."""


def _error(problems: list[Diagnostic]) -> RncError:
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return RncError(f"{first.location}: {first.message}{more}", problems)


# --- lexical structure ---------------------------------------------------------------------

_NEWLINE: Final = re.compile(r"\r\n?|\n")
_ESCAPE: Final = re.compile(r"\\x+\{([0-9A-Fa-f]{1,8})\}")
_SPACE: Final = re.compile(r"[ \t\r\n]+")
_LINE_END: Final = re.compile(r"[\r\n]")
_NC: Final = r"[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*"
_TOKEN: Final = re.compile(
    rf"(?P<nsname>{_NC}):\*|(?P<cname>{_NC}:{_NC})|(?P<name>{_NC})|\\(?P<quoted>{_NC})"
    r"|(?P<op>[|&]=|>>|[=,|&?*+\-~{}()\[\]])")
_QUOTE_STOP: Final = {q: re.compile(f"[{q}\r\n]") for q in "\"'"}


class Token(NamedTuple):
    """One token: ``kind`` is name, quoted, cname, nsname, literal, op, doc or eof."""

    kind: str
    value: str
    start: int
    """Offset in the decoded text (see :meth:`Source.location`)."""


def _is_xml_char(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


class Source:
    """One file's text with ``\\x{..}`` escapes decoded (the spec does so before anything
    else), and the way back from a decoded offset to the original line and column."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self._lines = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._marks: list[tuple[int, int]] = []  # (decoded, original) just after each escape
        self.escaped: set[int] = set()  # decoded offsets of newlines written as escapes
        parts: list[str] = []
        last = size = 0
        for match in _ESCAPE.finditer(text):
            code = int(match.group(1), 16)
            if not _is_xml_char(code):
                raise self._error_at(match.start(), f"\\x{{{match.group(1)}}} is not an XML "
                                                    "character")
            parts.append(text[last:match.start()])
            size += match.start() - last
            if chr(code) in "\r\n":
                self.escaped.add(size)
            parts.append(chr(code))
            size += 1
            last = match.end()
            self._marks.append((size, last))
        parts.append(text[last:])
        self.text = "".join(parts)
        self._decoded = [mark[0] for mark in self._marks]

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original text of decoded ``offset``."""
        index = bisect.bisect_right(self._decoded, offset) - 1
        original = offset if index < 0 else self._marks[index][1] + offset - self._marks[index][0]
        return self._where(original)

    def _where(self, original: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, original)
        return line, original - self._lines[line - 1] + 1

    def _error_at(self, original: int, message: str) -> RncError:
        line, column = self._where(original)
        return _error([Diagnostic(self.name, line, column, Severity.ERROR, "rnc-syntax",
                                  message)])

    def error(self, offset: int, message: str, code: str = "rnc-syntax") -> RncError:
        """An :class:`RncError` located at decoded ``offset``."""
        return _error([self.diagnostic(offset, message, code)])

    def diagnostic(self, offset: int, message: str, code: str) -> Diagnostic:
        line, column = self.location(offset)
        return Diagnostic(self.name, line, column, Severity.ERROR, code, message)


def tokenize(source: Source) -> list[Token]:
    """Every token of ``source`` (``#`` comments dropped, ``##`` lines kept), then ``eof``."""
    text, found, i = source.text, [], 0
    while True:
        space = _SPACE.match(text, i)
        i = space.end() if space else i
        if i >= len(text):
            found.append(Token("eof", "", len(text)))
            return found
        char = text[i]
        if char == "#":
            end = _line_end(source, i)
            if text.startswith("##", i):
                line = text[i:end].lstrip("#")
                found.append(Token("doc", line[1:] if line.startswith(" ") else line, i))
            i = end
        elif char in "\"'":
            token, i = _literal(source, i)
            found.append(token)
        else:
            match = _TOKEN.match(text, i)
            if match is None or match.lastgroup is None:
                raise source.error(i, f"unexpected character {char!r}")
            found.append(Token(match.lastgroup, match.group(match.lastgroup), i))
            i = match.end()


def _line_end(source: Source, start: int) -> int:
    match = _LINE_END.search(source.text, start)
    while match is not None and match.start() in source.escaped:
        match = _LINE_END.search(source.text, match.end())
    return match.start() if match else len(source.text)


def _literal(source: Source, start: int) -> tuple[Token, int]:
    text, quote = source.text, source.text[start]
    if text.startswith(quote * 3, start):
        end = text.find(quote * 3, start + 3)
        if end < 0:
            raise source.error(start, f"unterminated literal (no closing {quote * 3})")
        return Token("literal", text[start + 3:end], start), end + 3
    position = start + 1
    while True:
        stop = _QUOTE_STOP[quote].search(text, position)
        if stop is None or (stop.group() != quote and stop.start() not in source.escaped):
            raise source.error(start, f"unterminated literal (no closing {quote} on this line; "
                                      "use ~ to continue on the next, or triple quotes)")
        if stop.group() == quote:
            return Token("literal", text[start + 1:stop.start()], start), stop.end()
        position = stop.end()


# --- the parser --------------------------------------------------------------------------------

@dataclass
class _Env:
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


@dataclass
class _Anno:
    """Leading annotations: ``##`` documentation and ``[ attributes elements ]``."""

    attributes: dict[str, str]
    elements: list[Element]


def _annotate(nodes: list[Element], anno: _Anno | None) -> list[Element]:
    """``nodes`` (a pattern and its followers) with ``anno`` put on the pattern."""
    if anno is None:
        return nodes
    node = nodes[0]
    for key, value in anno.attributes.items():
        node.set(key, value)
    if node.tag in _TEXTUAL:  # libxml2 refuses elements inside value, param and name
        return [node, *anno.elements, *nodes[1:]]
    for index, element in enumerate(anno.elements):
        node.insert(index, element)
    return nodes


def _unwrap(nodes: list[Element]) -> list[Element]:
    """A plain ``group`` as the content of an implicit group is replaced by its children."""
    first = nodes[0]
    if first.tag == _GROUP and not first.attrib:
        return [*first, *nodes[1:]]
    return nodes


class _Parser:
    """Recursive descent over one file's tokens, building RELAX NG elements bottom-up."""

    def __init__(self, source: Source, env: _Env, files: _Files, folder: Path) -> None:
        self.source, self.env, self.files, self.folder = source, env, files, folder
        self.tokens: list[Token] = []
        self.docs: dict[int, list[str]] = {}  # documentation lines before tokens[i]
        for token in tokenize(source):
            if token.kind == "doc":
                self.docs.setdefault(len(self.tokens), []).append(token.value)
            else:
                self.tokens.append(token)
        self.pos = 0

    # tokens

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
            raise self.error(token, f"expected `{op}`, found {_describe(token)}")

    def error(self, token: Token, message: str) -> RncError:
        return self.source.error(token.start, message)

    def locate(self, node: Element, token: Token) -> Element:
        self.files.where[node] = (self.source, token.start)
        return node

    def literal(self) -> str:
        token = self.take()
        if token.kind != "literal":
            raise self.error(token, f"expected a string literal, found {_describe(token)}")
        parts = [token.value]
        while self.accept("~"):
            parts.append(self.literal_segment())
        return "".join(parts)

    def literal_segment(self) -> str:
        token = self.take()
        if token.kind != "literal":
            raise self.error(token, f"expected a string literal after `~`, found "
                                    f"{_describe(token)}")
        return token.value

    def identifier(self, keywords: bool = False) -> Token:
        token = self.take()
        if token.kind == "quoted" or (token.kind == "name" and (
                keywords or token.value not in KEYWORDS)):
            return token
        hint = f" (write \\{token.value} for a name that is a keyword)" \
            if token.kind == "name" else ""
        raise self.error(token, f"expected a name, found {_describe(token)}{hint}")

    # top level and declarations

    def top(self) -> Element:
        self.declarations()
        if self.starts_grammar():
            node = _R("grammar", *self.grammar_content(None, override=False))
        else:
            node = self.inner_pattern(None)[0]  # annotations following the whole file: dropped
        token = self.peek()
        if token.kind != "eof":
            raise self.error(token, f"expected the end of the file, found {_describe(token)}")
        root = etree.Element(node.tag, {str(k): str(v) for k, v in node.attrib.items()},
                             nsmap=self.env.nsmap())
        root.text = node.text
        root.extend(list(node))
        self.files.where[root] = self.files.where.get(node, (self.source, 0))
        return root

    def declarations(self) -> None:
        while self.at_keyword("namespace", "default", "datatypes"):
            keyword = self.take()
            if keyword.value == "datatypes":
                library = self.identifier(keywords=True)
                self.expect("=")
                self.env.datatypes[library.value] = self.literal()
                continue
            is_default = keyword.value == "default"
            if is_default and not self.at_keyword("namespace"):
                raise self.error(self.peek(), "expected `namespace` after `default`")
            if is_default:
                self.take()
            prefix: Token | None = None
            if not (is_default and self.at("=")):
                prefix = self.identifier(keywords=True)
            self.expect("=")
            if self.at_keyword("inherit"):
                self.take()
                uri = self.env.inherited
            else:
                uri = self.literal()
            if is_default:
                if self.env.default is not None:
                    raise self.error(keyword, "the default namespace is declared twice")
                self.env.default = uri
            if prefix is not None:
                self.bind(prefix, uri)

    def bind(self, prefix: Token, uri: str) -> None:
        name = prefix.value
        if name == "xmlns" or (name == "xml" and uri != XML_NS):
            raise self.error(prefix, f"the prefix {name} cannot be declared")
        if name in self.env.declared and self.env.prefixes[name] != uri:
            raise self.error(prefix, f"the prefix {name} is declared twice")
        self.env.declared.add(name)
        self.env.prefixes[name] = uri

    def starts_grammar(self) -> bool:
        """True when the file is a grammar (definitions) rather than a single pattern."""
        ahead = depth = 0
        while self.at("[", ahead) or depth:  # skip leading annotations
            token = self.peek(ahead)
            if token.kind == "eof":
                break
            depth += {"[": 1, "]": -1}.get(token.value, 0) if token.kind == "op" else 0
            ahead += 1
        token, after = self.peek(ahead), self.peek(ahead + 1)
        if token.kind == "eof" or self.at_keyword("start", "div", "include", ahead=ahead):
            return True
        named = token.kind == "quoted" or (token.kind == "name" and token.value not in KEYWORDS)
        if named and after.kind == "op" and after.value in _ASSIGN:
            return True
        return (named or token.kind == "cname") and self.at("[", ahead + 1)

    # grammars

    def grammar_content(self, closing: str | None, *, override: bool) -> list[Element]:
        found: list[Element] = []
        while not (self.peek().kind == "eof" or (closing is not None and self.at(closing))):
            anno = self.annotations()
            token, after = self.peek(), self.peek(1)
            if self.at_keyword("start"):
                self.take()
                combine = self.assign()
                node = self.locate(_R("start", *self.inner_pattern(None), combine), token)
            elif self.at_keyword("div"):
                self.take()
                self.expect("{")
                node = _R("div", *self.grammar_content("}", override=override))
                self.expect("}")
            elif self.at_keyword("include") and not override:
                node = self.include()
            elif token.kind in ("name", "quoted") and after.kind == "op" \
                    and after.value in _ASSIGN:
                name = self.identifier()
                combine = self.assign()
                body = _unwrap(self.inner_pattern(None))
                node = self.locate(_R("define", *body, {"name": name.value, **combine}), name)
            elif token.kind in ("name", "quoted", "cname") and token.value not in KEYWORDS \
                    and self.at("[", 1):
                if anno is not None and anno.attributes:
                    raise self.error(token, "annotation attributes must precede a definition")
                found.extend(anno.elements if anno else [])
                found.append(self.annotation_element(foreign=True))
                continue
            else:
                what = "a definition or start" if override else \
                    "a definition, start, div, include or annotation element"
                raise self.error(token, f"expected {what}, found {_describe(token)}")
            found.extend(_annotate([node], anno))
        return found

    def assign(self) -> dict[str, str]:
        token = self.take()
        if token.kind != "op" or token.value not in _ASSIGN:
            raise self.error(token, f"expected `=`, `|=` or `&=`, found {_describe(token)}")
        method = _ASSIGN[token.value]
        return {"combine": method} if method else {}

    def include(self) -> Element:
        self.take()
        href = self.peek()
        target = self.literal()
        ns = self.inherit()
        overrides: list[Element] = []
        if self.accept("{"):
            overrides = self.grammar_content("}", override=True)
            self.expect("}")
        return self.files.include(self, href, target, ns, overrides)

    def inherit(self) -> str:
        """The namespace an included or external file inherits (``inherit = prefix``)."""
        if not self.at_keyword("inherit"):
            return self.env.default_ns
        self.take()
        self.expect("=")
        return self.namespace(self.identifier(keywords=True))

    def namespace(self, prefix: Token, name: str | None = None) -> str:
        name = prefix.value.split(":")[0] if name is None else name
        uri = self.env.prefixes.get(name)
        if uri is None:
            raise self.error(prefix, f"undeclared namespace prefix `{name}`")
        return uri

    # patterns

    def inner_pattern(self, anno: _Anno | None) -> list[Element]:
        """A pattern: particles joined by one of ``,`` ``|`` ``&`` (never mixed)."""
        nodes, bare_except = self.particle()
        operator = self.peek()
        if operator.kind != "op" or operator.value not in _COMBINE:
            return _annotate(nodes, anno)
        children = list(nodes)
        while not bare_except and self.accept(operator.value):
            nodes, bare_except = self.particle()
            children.extend(nodes)
        if bare_except:
            raise self.error(operator, "put a data pattern with `-` in parentheses to combine "
                                       f"it with `{operator.value}`")
        after = self.peek()
        if after.kind == "op" and after.value in _COMBINE:
            raise self.error(after, f"`{after.value}` after `{operator.value}`: use parentheses "
                                    "to mix `,`, `|` and `&`")
        return _annotate([_R(_COMBINE[operator.value], *children)], anno)

    def particle(self) -> tuple[list[Element], bool]:
        """A primary with its annotations and one ``?``, ``*`` or ``+``; and whether it is a
        data pattern with an exception (which may not be repeated or combined bare)."""
        anno = self.annotations()
        bare_except = False
        if self.accept("("):
            nodes = self.inner_pattern(anno)
            self.expect(")")
        else:
            node, bare_except = self.primary()
            nodes = _annotate([node], anno)
        nodes += self.follow()
        token = self.peek()
        if token.kind == "op" and token.value in _REPEAT:
            if bare_except:
                raise self.error(token, "put a data pattern with `-` in parentheses "
                                        f"before `{token.value}`")
            self.take()
            nodes = [_R(_REPEAT[token.value], *_unwrap(nodes)), *self.follow()]
        return nodes, bare_except

    def primary(self) -> tuple[Element, bool]:
        token = self.take()
        if token.kind == "name" and token.value in KEYWORDS:
            return self.keyword_pattern(token)
        if token.kind in ("name", "quoted"):
            return self.locate(_R("ref", {"name": token.value}), token), False
        if token.kind == "cname":
            prefix, local = token.value.split(":")
            library = self.env.datatypes.get(prefix)
            if library is None:
                raise self.error(token, f"undeclared datatypes prefix `{prefix}`")
            return self.datatype(token, library, local)
        if token.kind == "literal":
            self.pos -= 1
            return _R("value", self.literal()), False
        raise self.error(token, f"expected a pattern, found {_describe(token)}")

    def keyword_pattern(self, token: Token) -> tuple[Element, bool]:
        word = token.value
        if word in ("element", "attribute"):
            names = self.name_class(attribute=word == "attribute")
            body = self.braced()
            return _named(word, names, _unwrap(body) if word == "element" else body), False
        if word in ("list", "mixed"):
            return _R(word, *_unwrap(self.braced())), False
        if word in ("empty", "text", "notAllowed"):
            return _R(word), False
        if word in ("string", "token"):
            return self.datatype(token, "", word)
        if word == "parent":
            name = self.identifier()
            return self.locate(_R("parentRef", {"name": name.value}), name), False
        if word == "external":
            href = self.peek()
            target = self.literal()
            return self.files.external(self, href, target, self.inherit()), False
        if word == "grammar":
            self.expect("{")
            node = self.locate(_R("grammar", *self.grammar_content("}", override=False)), token)
            self.expect("}")
            return node, False
        raise self.error(token, f"expected a pattern, found `{word}`")

    def braced(self) -> list[Element]:
        self.expect("{")
        nodes = self.inner_pattern(None)
        self.expect("}")
        return nodes

    def datatype(self, token: Token, library: str, name: str) -> tuple[Element, bool]:
        known = _DATATYPES.get(library)
        if known is not None and name not in known[0]:
            raise self.source.error(token.start, f"{token.value} is not a datatype of "
                                                 f"{known[2]}", "rnc-datatype")
        attributes = {"type": name, **({"datatypeLibrary": library} if library else {})}
        if self.peek().kind == "literal":
            if name in ("QName", "NOTATION"):  # the value's prefixes need a default namespace
                attributes["ns"] = self.env.default_ns
            return _R("value", self.literal(), attributes), False
        params = self.params(known[1] if known else None) if self.at("{") else []
        node = _R("data", *params, attributes)
        if not self.accept("-"):
            return node, False
        anno = self.annotations()
        if self.accept("("):
            excluded = self.inner_pattern(anno)
            self.expect(")")
        else:
            excluded = _annotate([self.primary()[0]], anno)
        node.append(_R("except", *excluded))
        return node, True

    def params(self, facets: frozenset[str] | None) -> list[Element]:
        self.expect("{")
        found: list[Element] = []
        while not self.accept("}"):
            anno = self.annotations()
            name = self.identifier(keywords=True)
            if facets is not None and name.value not in facets:
                raise self.source.error(name.start, f"{name.value} is not a parameter of this "
                                                    "datatype library", "rnc-datatype")
            self.expect("=")
            found.extend(_annotate([_R("param", self.literal(), {"name": name.value})], anno))
        return found

    # name classes

    def name_class(self, *, attribute: bool, anno: _Anno | None = None) -> list[Element]:
        """Names, ``*``, ``prefix:*``, ``-`` exceptions, ``|`` choices and parentheses."""
        nodes, open_ = self.simple_name_class(attribute)
        if self.at("-"):
            if not open_:
                raise self.error(self.peek(), "only `*` and `prefix:*` may have a `-` exception")
            self.take()
            inner = self.annotations()
            if self.accept("("):
                excluded = self.name_class(attribute=attribute, anno=inner)
                self.expect(")")
            else:
                excluded = _annotate([self.simple_name(attribute)], inner)
            nodes[0].append(_R("except", *excluded))
            nodes += self.follow()
            if self.at("|"):
                raise self.error(self.peek(), "put a name class with `-` in parentheses "
                                              "before `|`")
        elif self.at("|"):
            children = list(nodes)
            while self.accept("|"):
                more, open_ = self.simple_name_class(attribute)
                children.extend(more)
                if open_ and self.at("-"):
                    raise self.error(self.peek(), "put a name class with `-` in parentheses "
                                                  "inside a `|` choice")
            nodes = [_R("choice", *children)]
        return _annotate(nodes, anno)

    def simple_name_class(self, attribute: bool) -> tuple[list[Element], bool]:
        anno = self.annotations()
        if self.accept("("):
            nodes = self.name_class(attribute=attribute, anno=anno)
            self.expect(")")
            return nodes + self.follow(), False
        node = self.simple_name(attribute)
        return _annotate([node], anno) + self.follow(), node.tag != _NAME

    def simple_name(self, attribute: bool) -> Element:
        token = self.take()
        if token.kind in ("name", "quoted"):
            ns = "" if attribute else self.env.default_ns
            return _R("name", token.value, {"ns": ns})
        if token.kind == "cname":
            return _R("name", token.value.split(":")[1], {"ns": self.namespace(token)})
        if token.kind == "nsname":
            return _R("nsName", {"ns": self.namespace(token, token.value)})
        if token.kind == "op" and token.value == "*":
            return _R("anyName")
        raise self.error(token, f"expected a name, `*` or `prefix:*`, found {_describe(token)}")

    # annotations

    def annotations(self) -> _Anno | None:
        lines = self.docs.pop(self.pos, None)
        elements = [_documentation(lines)] if lines else []
        attributes: dict[str, str] = {}
        if self.accept("["):
            while self.at("=", 1):
                token = self.take()
                name = self.annotation_name(token, foreign=True, attribute=True)
                self.take()
                if name in attributes:
                    raise self.error(token, f"duplicate annotation attribute {token.value}")
                attributes[name] = self.literal()
            while not self.accept("]"):
                elements.append(self.annotation_element(foreign=True))
        return _Anno(attributes, elements) if elements or attributes else None

    def follow(self) -> list[Element]:
        """``>> annotation`` elements, which follow the pattern they are written after."""
        found: list[Element] = []
        while self.accept(">>"):
            found.append(self.annotation_element(foreign=True))
        return found

    def annotation_element(self, *, foreign: bool) -> Element:
        token = self.take()
        node = etree.Element(self.annotation_name(token, foreign=foreign, attribute=False))
        self.expect("[")
        while self.at("=", 1):
            name = self.take()
            self.take()
            node.set(self.annotation_name(name, foreign=False, attribute=True), self.literal())
        while not self.accept("]"):
            if self.peek().kind == "literal":
                text = self.literal()
                if len(node):
                    node[-1].tail = (node[-1].tail or "") + text
                else:
                    node.text = (node.text or "") + text
            else:
                node.append(self.annotation_element(foreign=False))
        return node

    def annotation_name(self, token: Token, *, foreign: bool, attribute: bool) -> str:
        """The Clark name of an annotation element or attribute written as ``token``."""
        if token.kind in ("name", "quoted"):
            if foreign and attribute:
                raise self.error(token, f"annotation attribute {token.value} needs a "
                                        "namespace prefix")
            return token.value
        if token.kind != "cname":
            raise self.error(token, f"expected an annotation name, found {_describe(token)}")
        prefix, local = token.value.split(":")
        uri = self.namespace(token)
        if prefix == "xmlns" or (foreign and uri == RNG):
            raise self.error(token, f"{token.value} cannot be an annotation")
        return f"{{{uri}}}{local}" if uri else local


def _describe(token: Token) -> str:
    if token.kind == "eof":
        return "the end of the file"
    if token.kind == "literal":
        return "a string literal"
    prefix, suffix = {"quoted": ("\\", ""), "nsname": ("", ":*")}.get(token.kind, ("", ""))
    return f"`{prefix}{token.value}{suffix}`"


def _documentation(lines: list[str]) -> Element:
    node = etree.Element(f"{{{ANNOTATIONS}}}documentation", nsmap={"a": ANNOTATIONS})
    node.text = "\n".join(lines)
    return node


def _named(kind: str, names: list[Element], content: list[Element]) -> Element:
    """``element`` or ``attribute``, with a ``name`` attribute when the name class is one
    plain name (an attribute's empty namespace is the default, an element's is not)."""
    first = names[0]
    if len(names) == 1 and first.tag == _NAME and set(first.attrib) == {"ns"} and not len(first):
        ns = first.get("ns", "")
        attributes = {"name": first.text or "", **({"ns": ns} if ns or kind == "element" else {})}
        return _R(kind, attributes, *content)
    return _R(kind, *names, *content)


# --- files, includes and the checks of a whole schema -------------------------------------

class _Files:
    """The files one conversion reads: include stack, sources, and where nodes came from."""

    def __init__(self) -> None:
        self.sources: list[Path] = []
        self.stack: list[Path] = []
        self.where: dict[Element, tuple[Source, int]] = {}

    def load(self, path: Path, inherited: str, origin: tuple[Source, int] | None) -> Element:
        """The converted top of the file at ``path`` (errors located at ``origin``)."""
        def fail(message: str) -> RncError:
            if origin is None:
                return _error([Diagnostic(str(path), 0, 0, Severity.ERROR, "rnc-include",
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
            return _Parser(Source(text, str(path)), _Env(inherited), self, path.parent).top()
        finally:
            self.stack.pop()

    def resolve(self, parser: _Parser, href: Token, target: str) -> Path:
        parsed = urlparse(target)
        if len(parsed.scheme) > 1 and parsed.scheme != "file":
            raise parser.source.error(href.start, f"{target} is a URL; teikit never downloads "
                                                  "schemas: save it and refer to the file",
                                      "rnc-include")
        return parser.folder / unquote(parsed.path if parsed.scheme == "file" else target)

    def include(self, parser: _Parser, href: Token, target: str, ns: str,
                overrides: list[Element]) -> Element:
        """``include``: the other grammar's components in a ``div``, overridden ones
        replaced by those written in the include's braces."""
        grammar = self.load(self.resolve(parser, href, target), ns, (parser.source, href.start))
        if grammar.tag != _GRAMMAR:
            raise parser.source.error(href.start, f"{target} is a pattern, not a grammar: "
                                                  "use external to refer to it", "rnc-include")
        wanted = {_key(node) for node in _components(overrides)}
        found: set[str] = set()
        for node in list(_components(list(grammar))):
            if _key(node) in wanted:
                cast(Element, node.getparent()).remove(node)
                found.add(_key(node))
        missing = sorted(wanted - found)
        if missing:
            raise parser.source.error(href.start, f"{target} has no {missing[0]} to override",
                                      "rnc-include")
        return _R("div", *list(grammar), *overrides)

    def external(self, parser: _Parser, href: Token, target: str, ns: str) -> Element:
        """``external``: the other file's pattern (a grammar becomes a nested grammar)."""
        return self.load(self.resolve(parser, href, target), ns, (parser.source, href.start))


def _components(nodes: list[Element]) -> Iterator[Element]:
    """``start`` and ``define`` elements among ``nodes``, looking inside ``div``s."""
    for node in nodes:
        if node.tag == _DIV:
            yield from _components(list(node))
        elif node.tag in (_START, _DEFINE):
            yield node


def _key(node: Element) -> str:
    return "start" if node.tag == _START else f"definition of {node.get('name')}"


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _scope(node: Element) -> Iterator[Element]:
    """RELAX NG descendants of ``node`` outside nested grammars (annotations skipped)."""
    for child in node:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{RNG}}}"):
            yield child
            if child.tag != _GRAMMAR:
                yield from _scope(child)


def _check(root: Element, files: _Files) -> None:
    """References, definitions and starts that libxml2 would refuse, located in the .rnc."""
    problems: list[Diagnostic] = []

    def report(node: Element, message: str) -> None:
        source, offset = files.where.get(node) or files.where[root]
        problems.append(source.diagnostic(offset, message, "rnc-grammar"))

    grammars = list(root.iter(_GRAMMAR))
    defined = {id(g): {d.get("name") for d in _scope(g) if d.tag == _DEFINE} for g in grammars}
    if root.tag != _GRAMMAR:
        for node in _scope(root):
            if node.tag in (_REF, _PARENT_REF):
                report(node, f"reference to {node.get('name')} outside a grammar")
    for grammar in grammars:
        nodes = list(_scope(grammar))
        _check_definitions(grammar, nodes, report)
        outer = next((a for a in grammar.iterancestors(_GRAMMAR)), None)
        for node in nodes:
            name = node.get("name")
            if node.tag == _REF and name not in defined[id(grammar)]:
                report(node, f"no definition of {name}")
            elif node.tag == _PARENT_REF and (outer is None or name not in defined[id(outer)]):
                report(node, f"the parent grammar has no definition of {name}"
                       if outer is not None else f"parent {name} outside a nested grammar")
    if problems:
        raise _error(sorted(problems))


def _check_definitions(grammar: Element, nodes: list[Element],
                       report: Callable[[Element, str], None]) -> None:
    seen: dict[str, list[Element]] = {}
    for node in nodes:
        if node.tag in (_DEFINE, _START):
            seen.setdefault(_key(node), []).append(node)
    if "start" not in seen:
        report(grammar, "the grammar has no start")
    for name, found in seen.items():
        methods = {node.get("combine") for node in found} - {None}
        plain = [node for node in found if node.get("combine") is None]
        if len(plain) > 1:
            report(plain[1], f"{name} is given twice (combine them with |= or &=)")
        elif len(methods) > 1:
            report(found[-1], f"{name} is combined with both |= and &=")


# --- simplification for validation and the public API ----------------------------------------

def flatten(root: Element) -> Element:
    """Splice ``div``s into their grammar and merge ``|=`` / ``&=`` definitions (RELAX NG
    simplification 4.7 and 4.17), so that a self-contained grammar can be pruned."""
    for grammar in list(root.iter(_GRAMMAR)):
        _splice(grammar)
        for tag in (_START, _DEFINE):
            _merge(grammar, tag)
    return root


def _splice(parent: Element) -> None:
    for child in list(parent):
        if child.tag == _DIV:
            _splice(child)
            index = parent.index(child)
            for offset, grandchild in enumerate(list(child)):
                parent.insert(index + offset, grandchild)
            parent.remove(child)


def _merge(grammar: Element, tag: str) -> None:
    named: dict[str, list[Element]] = {}
    for child in grammar:
        if child.tag == tag:
            named.setdefault(child.get("name", ""), []).append(child)
    for nodes in named.values():
        method = next((n.get("combine") for n in nodes if n.get("combine")), None)
        for node in nodes:
            if "combine" in node.attrib:
                del node.attrib["combine"]
        if method is None or len(nodes) == 1:
            continue
        bodies = [[c for c in n if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]
                  for n in nodes]
        others = [c for n in nodes for c in n if not (isinstance(c.tag, str)
                                                     and c.tag.startswith(f"{{{RNG}}}"))]
        merged = _R(method, *(b[0] if len(b) == 1 else _R("group", *b) for b in bodies))
        for node in nodes[1:]:
            grammar.remove(node)
        nodes[0].extend([merged, *others])


def convert(text: str, filename: str = "<rnc>", *, base: Path | None = None) -> Element:
    """The RELAX NG XML tree equivalent to compact-syntax ``text``.

    ``include`` and ``external`` files are read relative to ``base`` (default: the working
    directory) and inlined. Raises :class:`RncError` with located diagnostics.
    """
    files = _Files()
    root = _Parser(Source(text, filename), _Env(""), files, base or Path.cwd()).top()
    _check(root, files)
    return root


@dataclass(frozen=True)
class Converted:
    """A converted ``.rnc`` file and every file it was made from (itself first)."""

    grammar: Element
    sources: tuple[Path, ...]


def convert_file(path: str | Path, *, simplify: bool = True) -> Converted:
    """Convert the ``.rnc`` file at ``path`` (and the files it includes) for validation:
    divs spliced and combined definitions merged unless ``simplify`` is False."""
    files = _Files()
    root = files.load(Path(path), "", None)
    _check(root, files)
    return Converted(flatten(root) if simplify else root, tuple(files.sources))
