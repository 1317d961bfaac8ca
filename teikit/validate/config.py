"""Project settings: ``[tool.teikit]`` in ``pyproject.toml`` or a ``teikit.toml``.

Recognised keys (paths relative to the file that names them)::

    [tool.teikit]
    schemas = ["schemas/project.rng", "schemas/project.sch"]
    schema-cache = ".schema-cache"     # where http(s) xml-model URLs are looked up
    xinclude-roots = ["."]             # folders XInclude may read besides the document's
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from teikit.diagnostics import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Validation settings found for a project (all optional)."""

    schemas: tuple[Path, ...] = ()
    schema_cache: Path | None = None
    xinclude_roots: tuple[Path, ...] = ()
    source: Path | None = field(default=None, compare=False)


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table: object = data.get("tool", {}).get("teikit")
    if path.name == "teikit.toml" and table is None:
        table = data
    return cast("dict[str, Any]", table) if isinstance(table, dict) else None


def load_config(start: Path | None = None) -> Config:
    """The settings of the nearest ``teikit.toml`` or ``pyproject.toml`` with a
    ``[tool.teikit]`` table, looking from ``start`` (default: the working directory) up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in ("teikit.toml", "pyproject.toml"):
            path = candidate / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return _config(table, path)
    return Config()


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
