"""Where schemas come from and what kind each one is.

teikit's own schemas ship inside the package (the wheel maps the repository's top-level
``schemas/`` folder to ``teikit/schemas/``); :data:`SCHEMA_DIR` is the one place that knows
where to find them, in an installed package or in a source checkout.

A compact-syntax ``.rnc`` schema is converted to RELAX NG XML (:mod:`teikit.validator.rnc`)
when it is loaded; the ``.rng`` is kept in the cache folder under the hash of its content,
with a note of the files it was made from, and is used again while they are unchanged.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from teikit._version import __version__
from teikit.diagnostics import ConfigError
from teikit.files import write_atomic
from teikit.validator.cache import cache_dir

SchemaKind = Literal["rng", "xsd", "sch"]

_PACKAGED: Final = Path(__file__).resolve().parents[1] / "schemas"
_CHECKOUT: Final = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_DIR: Final = _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT
"""teikit's own schemas: ``teikit/schemas`` when installed, else the checkout's ``schemas/``."""

KINDS: Final[dict[str, SchemaKind]] = {
    ".rng": "rng", ".rnc": "rng", ".xsd": "xsd", ".sch": "sch"}
"""Schema kinds by file suffix (a ``.rnc`` is validated through its RELAX NG XML form)."""


@dataclass(frozen=True)
class Schema:
    """A schema file and the language it is written in (``rng``, ``xsd`` or ``sch``)."""

    kind: SchemaKind
    path: Path
    digest: str = field(default="", compare=False)
    """SHA-256 of the file's bytes: the key of on-disk caches derived from it."""
    source: Path | None = field(default=None, compare=False)
    """The ``.rnc`` file that ``path`` (its conversion to ``.rng``) was made from."""

    def __str__(self) -> str:
        return str(self.source or self.path)


def load_schema(path: str | Path) -> Schema:
    """Identify and check a schema file; compilation happens on first use.

    Raises :class:`ConfigError` for a missing or unreadable file and for an unsupported
    kind. A ``.rnc`` is converted here, so that its syntax errors come first (as an
    :class:`~teikit.validator.rnc.RncError` locating each one).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        raise ConfigError(f"{path}: unknown schema type {suffix or '(no suffix)'}; "
                          "expected .rng, .rnc, .xsd or .sch")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: schema not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read schema ({exc.strerror or exc})") from None
    if not data.strip():
        raise ConfigError(f"{path}: schema file is empty")
    if suffix == ".rnc":
        return _compact(path, data)
    return Schema(kind, path, hashlib.sha256(data).hexdigest())


_CONVERTED: dict[str, tuple[Schema, dict[str, str]]] = {}
"""Conversions made or found in this process, by :func:`_compact`'s key."""


def _compact(path: Path, data: bytes) -> Schema:
    """The ``.rng`` conversion of the ``.rnc`` at ``path`` (whose bytes are ``data``)."""
    from lxml import etree

    from teikit.validator import rnc  # loaded only when a compact schema is used

    key = hashlib.sha256(b"\0".join([__version__.encode(), rnc.VERSION.encode(),
                                      str(path.resolve()).encode(), data])).hexdigest()
    folder = _conversions()
    known = _CONVERTED.get(key) or _recorded(folder / f"{key}.json", path)
    if known is not None and _unchanged(known[1]) and known[0].path.is_file():
        _CONVERTED[key] = known
        return known[0]
    converted = rnc.convert_file(path)
    grammar = etree.tostring(converted.grammar, xml_declaration=True, encoding="UTF-8")
    digest = hashlib.sha256(grammar).hexdigest()
    sources = {str(p): _digest(p) for p in converted.sources}
    try:
        target = _store(folder, digest, grammar)
        write_atomic(folder / f"{key}.json", json.dumps({"rng": digest, "sources": sources})
                     .encode())
    except OSError:
        target = _store(_scratch(), digest, grammar)
    _CONVERTED[key] = (Schema("rng", target, digest, source=path), sources)
    return _CONVERTED[key][0]


def _conversions() -> Path:
    folder = cache_dir()
    return folder / "rnc" if folder is not None else _scratch()


def _store(folder: Path, digest: str, grammar: bytes) -> Path:
    target = folder / f"{digest}.rng"
    if not target.is_file():
        write_atomic(target, grammar)
    return target


def _recorded(note: Path, path: Path) -> tuple[Schema, dict[str, str]] | None:
    """A conversion noted in the cache folder (None when absent or unreadable)."""
    try:
        record = json.loads(note.read_text(encoding="utf-8"))
        digest, sources = str(record["rng"]), dict(record["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Schema("rng", note.parent / f"{digest}.rng", digest, source=path), sources


def _unchanged(sources: dict[str, str]) -> bool:
    return all(_digest(Path(name)) == digest for name, digest in sources.items())


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


_SCRATCH: list[Path] = []


def _scratch() -> Path:
    """A private folder for conversions when the cache is off or cannot be written."""
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="teikit-rnc-")))
        atexit.register(shutil.rmtree, _SCRATCH[0], ignore_errors=True)
    return _SCRATCH[0]


def default_schemas() -> list[Schema]:
    """teikit's own schemas: the RELAX NG grammar (else the XSD) plus the Schematron rules.

    Raises :class:`ConfigError` when the installation has no schemas (a broken install).
    """
    candidates = [SCHEMA_DIR / name for name in ("teikit.rng", "teikit.xsd")]
    grammar = next((path for path in candidates if path.is_file()), None)
    if grammar is None:
        raise ConfigError(f"{SCHEMA_DIR}: teikit's own schemas are missing (broken installation?)")
    found = [load_schema(grammar)]
    rules = SCHEMA_DIR / "teikit.sch"
    if rules.is_file():
        found.append(load_schema(rules))
    return found
