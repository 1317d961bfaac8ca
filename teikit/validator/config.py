"""Validation settings, read from the project's settings (:mod:`teikit.settings`).

The keys validation uses (paths relative to the file that names them)::

    [tool.teikit]
    schemas = ["schemas/project.rng", "schemas/project.sch"]
    schema-cache = ".schema-cache"     # where http(s) xml-model URLs are looked up
    xinclude-roots = ["."]             # folders XInclude may read besides the document's
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teikit.diagnostics import ConfigError
from teikit.settings import find_settings


@dataclass(frozen=True)
class Config:
    """Validation settings found for a project (all optional)."""

    schemas: tuple[Path, ...] = ()
    schema_cache: Path | None = None
    xinclude_roots: tuple[Path, ...] = ()
    source: Path | None = field(default=None, compare=False)


def load_config(start: Path | None = None) -> Config:
    """The validation settings of the project ``start`` (default: the working directory)
    belongs to (see :mod:`teikit.settings`)."""
    found = find_settings(start)
    if found.path is None:
        return Config()
    return _config(found.table, found.path)


def _paths(table: dict[str, Any], key: str, path: Path) -> tuple[Path, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of paths")
    return tuple(path.parent / v for v in value)


def _config(table: dict[str, Any], path: Path) -> Config:
    cache = table.get("schema-cache")
    if cache is not None and not isinstance(cache, str):
        raise ConfigError(f"{path}: 'schema-cache' must be a path")
    return Config(_paths(table, "schemas", path), path.parent / cache if cache else None,
                  _paths(table, "xinclude-roots", path), path)
