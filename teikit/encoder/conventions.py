"""Conventions a profile declares as data: delimiters, the TEI they become, how they read.

A profile file may add conventions of its own to the built-in rules (``[[conventions]]``
tables; ``[[profile.conventions]]`` in ``teikit.toml``, ``[[tool.teikit.profile.conventions]]``
in ``pyproject.toml``)::

    [[conventions]]
    name = "struck"                 # a code word: letters, digits, - and _
    open = "{"                      # text between the two delimiters…
    close = "}"
    element = "del"                 # …becomes this TEI element
    reading = "omit"                # omit | content | delimited (the reading view)
    description = "words struck through in the original"

    [[conventions]]
    name = "pencil"
    prefix = "pencil:"              # or a keyword inside square brackets: [pencil: …]
    element = "add"
    attributes = { place = "margin" }

Every mistake is a :class:`~teikit.diagnostics.ConfigError` naming the file, the line and
the key: an empty delimiter, an element teikit's schema does not allow there, an attribute
or value it does not allow on that element, delimiters that clash with each other or with a
rule of the profile (see :func:`check_clashes` in :mod:`teikit.encoder.inline.declared_rules`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teikit.diagnostics import ConfigError
from teikit.xmlchars import INVALID_XML

_PLACES = ("inline", "above", "below", "top", "bottom", "left", "right", "margin", "foot",
           "end")
_CERT = ("high", "medium", "low", "unknown")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_POINTER = re.compile(r"#[A-Za-z_][\w.-]*")
_COUNT = re.compile(r"[1-9][0-9]*")

Check = tuple[str, ...] | re.Pattern[str] | None
"""Allowed values of an attribute: a closed list, a pattern, or any text (``None``)."""
_EDITORIAL: dict[str, Check] = {"resp": _POINTER, "cert": _CERT, "n": None}

ELEMENTS: dict[str, dict[str, Check]] = {
    "add": {**_EDITORIAL, "place": _PLACES},
    "del": dict(_EDITORIAL),
    "supplied": {**_EDITORIAL,
                 "reason": ("clarification", "omitted", "lost", "illegible", "subaudible")},
    "unclear": dict(_EDITORIAL),
    "sic": dict(_EDITORIAL),
    "corr": dict(_EDITORIAL),
    "orig": {"n": None},
    "reg": dict(_EDITORIAL),
    "surplus": {**_EDITORIAL, "reason": ("repeated", "interpolated")},
    "gap": {**_EDITORIAL, "reason": ("editorial", "illegible", "lost", "redacted", "signature",
                                     "cancelled", "deleted", "irrelevant", "sampling"),
            "unit": ("char", "word", "line", "paragraph", "page"), "quantity": _COUNT,
            "extent": None},
    "note": {**_EDITORIAL, "type": _CODE, "place": _PLACES},
    "hi": {"n": None},
    "seg": {"type": _CODE, "n": None},
}
"""The TEI phrase-level elements a convention may become, and the attributes (with their
values) teikit's schema allows on each. ``@rend`` is teikit's own: it records the
delimiters for the transcript view."""

READINGS = ("omit", "content", "delimited")
_OMITTED_BY_DEFAULT = frozenset({"del", "surplus", "note", "gap"})
_KEYS = frozenset({"name", "open", "close", "prefix", "element", "attributes", "reading",
                   "description"})
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Convention:
    """One declared convention: ``open``…``close``, or ``[prefix …]``, → ``element``."""

    name: str
    element: str
    open: str = ""
    close: str = ""
    prefix: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    reading: str = "content"
    description: str = ""

    @property
    def sigil(self) -> str:
        """How the convention is written, for messages and the header (``{…}``)."""
        return f"[{self.prefix} …]" if self.prefix else f"{self.open}…{self.close}"


_READING_WORDS = {"omit": "left out of the reading text",
                  "content": "its words kept in the reading text",
                  "delimited": "kept with its delimiters in the reading text"}


def describe(conventions: Sequence[Convention]) -> list[str]:
    """A sentence per convention for the header's editorial declaration."""
    if not conventions:
        return []
    sentences = ["Conventions declared by the profile (@rend keeps each one's name and its "
                 "delimiters as hexadecimal code points, open:… close:…):"]
    for c in conventions:
        attributes = "".join(f' {key}="{value}"' for key, value in c.attributes.items())
        about = f" {c.description.rstrip('.')}." if c.description else ""
        sentences.append(f"{c.sigil} ({c.name}): {c.element}{attributes}, "
                         f"{_READING_WORDS[c.reading]}.{about}")
    return sentences


@dataclass(frozen=True)
class Where:
    """Where a convention came from, to locate errors: ``file:line``."""

    origin: str
    text: str | None
    index: int

    def error(self, key: str, problem: str) -> ConfigError:
        line = _line_of(self.text, self.index, key.split(".")[0])
        path, _, table = self.origin.partition(" [")  # "teikit.toml [profile]"
        at = f"{path}:{line}" if line else path
        within = f"[{table} " if table else ""
        return ConfigError(f"{at}: {within}conventions[{self.index + 1}] key {key!r}: "
                           f"{problem}")


def _line_of(text: str | None, index: int, key: str) -> int:
    """The line of ``key`` in the ``index``-th ``[[…conventions]]`` table of ``text``."""
    if text is None:
        return 0
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines)
               if re.match(r"\s*\[\[\s*(?:[\w.-]+\.)?conventions\s*\]\]", line)]
    if index >= len(headers):
        found = [n for n, line in enumerate(lines) if re.match(r"\s*conventions\s*=", line)]
        return found[0] + 1 if found else 0
    start = headers[index]
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[number]):
            return number + 1
    return start + 1


def origin_text(origin: str) -> str | None:
    """The TOML text a profile came from, when ``origin`` names a file (``path`` or
    ``path [profile]``), to locate errors by line."""
    path = Path(origin.split(" [", 1)[0])
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        return None


def parse(raw: object, origin: str) -> tuple[Convention, ...]:
    """The ``conventions`` of a profile table, checked one by one (not yet against the
    profile's rules: :func:`teikit.encoder.inline.declared_rules.check_clashes` does that)."""
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ConfigError(f"{origin}: 'conventions' must be an array of tables")
    text = origin_text(origin)
    found = tuple(_one(item, Where(origin, text, n)) for n, item in enumerate(raw))
    names = [c.name for c in found]
    for n, convention in enumerate(found):
        if names.index(convention.name) != n:
            raise Where(origin, text, n).error("name", f"{convention.name!r} is declared twice")
    return found


def _one(item: object, where: Where) -> Convention:
    if not isinstance(item, Mapping):
        raise where.error("conventions", "each convention must be a table")
    if unknown := sorted(set(item) - _KEYS):
        raise where.error(unknown[0], f"unknown key (known: {', '.join(sorted(_KEYS))})")
    name = _text(item, "name", where)
    if not NAME.fullmatch(name):
        raise where.error("name", f"{name!r} is not a name (letters, digits, - and _)")
    element = _text(item, "element", where)
    if element not in ELEMENTS:
        raise where.error("element", f"{element!r} is not a TEI element teikit writes for a "
                          f"convention (known: {', '.join(sorted(ELEMENTS))})")
    open_, close, prefix = _delimiters(item, where)
    default = "omit" if element in _OMITTED_BY_DEFAULT else "content"
    reading = _text(item, "reading", where, default)
    if reading not in READINGS:
        raise where.error("reading", f"must be one of {', '.join(READINGS)}, not {reading!r}")
    return Convention(name, element, open_, close, prefix,
                      _attributes(item.get("attributes", {}), element, where), reading,
                      _text(item, "description", where, ""))


def _text(item: Mapping[str, Any], key: str, where: Where, default: str | None = None) -> str:
    value = item.get(key, default)
    if value is None:
        raise where.error(key, "is required")
    if not isinstance(value, str):
        raise where.error(key, f"must be a string, not {type(value).__name__}")
    return value


def _delimiters(item: Mapping[str, Any], where: Where) -> tuple[str, str, str]:
    has_pair = "open" in item or "close" in item
    if has_pair == ("prefix" in item):
        raise where.error("open" if has_pair else "prefix",
                          "give either open and close, or a prefix (not both)")
    if "prefix" in item:
        prefix = _text(item, "prefix", where)
        _check_delimiter(prefix, "prefix", where)
        if prefix != prefix.strip():
            raise where.error("prefix", "must not start or end with a space")
        return "", "", prefix
    open_, close = _text(item, "open", where), _text(item, "close", where)
    for key, value in (("open", open_), ("close", close)):
        _check_delimiter(value, key, where)
        if "[" in value or "]" in value:
            raise where.error(key, f"{value!r} clashes with the square-bracket rules; for a "
                              "bracketed keyword declare a prefix (prefix = \"pencil:\")")
    return open_, close, ""


def _check_delimiter(value: str, key: str, where: Where) -> None:
    if not value.strip():
        raise where.error(key, "is empty")
    spaced = key != "prefix" and any(char.isspace() for char in value)
    if spaced or INVALID_XML.search(value) or "\n" in value:
        raise where.error(key, f"{value!r} holds a space or a control character")
    if len(value) > 40:
        raise where.error(key, "is longer than 40 characters")


def _attributes(raw: object, element: str, where: Where) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise where.error("attributes", "must be a table (attributes = { place = \"margin\" })")
    allowed = ELEMENTS[element]
    attributes: dict[str, str] = {}
    for key, value in raw.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise where.error(f"attributes.{key}", f"not allowed on {element} (allowed: {known})")
        if not isinstance(value, str):
            raise where.error(f"attributes.{key}", "must be a string")
        check = allowed[key]
        if (isinstance(check, tuple) and value not in check) or (
                isinstance(check, re.Pattern) and not check.fullmatch(value)):
            expected = ", ".join(check) if isinstance(check, tuple) else check.pattern
            raise where.error(f"attributes.{key}", f"{value!r} is not allowed (expected: "
                              f"{expected})")
        attributes[key] = value
    return attributes
