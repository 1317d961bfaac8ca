"""Where schemas come from and what kind each one is.

teikit's own schemas ship inside the package (the wheel maps the repository's top-level
``schemas/`` folder to ``teikit/schemas/``); :data:`SCHEMA_DIR` is the one place that knows
where to find them, in an installed package or in a source checkout.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from teikit.diagnostics import ConfigError

SchemaKind = Literal["rng", "xsd", "sch"]

_PACKAGED: Final = Path(__file__).resolve().parents[1] / "schemas"
_CHECKOUT: Final = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_DIR: Final = _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT
"""teikit's own schemas: ``teikit/schemas`` when installed, else the checkout's ``schemas/``."""

KINDS: Final[dict[str, SchemaKind]] = {".rng": "rng", ".xsd": "xsd", ".sch": "sch"}


@dataclass(frozen=True)
class Schema:
    """A schema file and the language it is written in (``rng``, ``xsd`` or ``sch``)."""

    kind: SchemaKind
    path: Path
    digest: str = field(default="", compare=False)
    """SHA-256 of the file's bytes: the key of on-disk caches derived from it."""

    def __str__(self) -> str:
        return str(self.path)


def load_schema(path: str | Path) -> Schema:
    """Identify and check a schema file; compilation happens on first use.

    Raises :class:`ConfigError` for a missing or unreadable file and for an unsupported
    kind (``.rnc`` needs a converter teikit does not ship: convert it with trang first).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".rnc":
        raise ConfigError(
            f"{path}: the compact RELAX NG syntax (.rnc) is not supported; "
            "convert it to .rng (for example with trang) and point teikit at that"
        )
    kind = KINDS.get(suffix)
    if kind is None:
        raise ConfigError(f"{path}: unknown schema type {suffix or '(no suffix)'}; "
                          "expected .rng, .xsd or .sch")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: schema not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read schema ({exc.strerror or exc})") from None
    if not data.strip():
        raise ConfigError(f"{path}: schema file is empty")
    return Schema(kind, path, hashlib.sha256(data).hexdigest())


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
