"""Project settings: the one reader of ``teikit.toml`` and ``[tool.teikit]``.

Every command finds its settings the same way: from a folder (made absolute first, so that
``../teikit.toml`` is found from any working directory) up to the root, the first folder
with a ``teikit.toml`` (the whole file, or its ``[tool.teikit]`` table) or a
``pyproject.toml`` that has a ``[tool.teikit]`` table. Its keys::

    profile = "leiden"                 # encode: a built-in name or a profile file
    [profile]                          # … or a profile inline (see teikit.encoder.profiles)
    schemas = ["schemas/project.rng"]  # validate: the project's schemas
    schema-cache = ".schema-cache"     # where http(s) xml-model URLs are looked up
    xinclude-roots = ["."]             # folders XInclude may read besides the document's

Paths are relative to the file that names them. A file that is not TOML, or a key teikit
does not know, is a :class:`~teikit.diagnostics.ConfigError` that says ``file:line:column``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from teikit.diagnostics import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILES: Final = ("teikit.toml", "pyproject.toml")
"""Looked for in this order in each folder."""
KEYS: Final = frozenset({"profile", "schemas", "schema-cache", "xinclude-roots"})
_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Settings:
    """The ``[tool.teikit]`` settings of a project and the file they come from."""

    table: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The folder that relative paths in the settings start from."""
        return self.path.parent if self.path is not None else None


def read_toml(path: Path, what: str = "settings") -> dict[str, Any]:
    """A TOML file as a table; unreadable or malformed files are located ConfigErrors."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read {what}: not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _WHERE.search(message)
        where = f":{found[1]}:{found[2]}" if found else ""
        reason = _WHERE.sub("", message).strip()
        raise ConfigError(f"{path}{where}: not valid TOML: {reason}") from None


def _table(path: Path) -> dict[str, Any] | None:
    data = read_toml(path)
    tool = data.get("tool")
    table = tool.get("teikit") if isinstance(tool, dict) else None
    if table is None and path.name == "teikit.toml":
        table = data
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.teikit] must be a table")
    if unknown := sorted(set(table) - KEYS):
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(KEYS))})")
    return table


def find_settings(start: Path | None = None) -> Settings:
    """The settings that apply in ``start`` (default: the working directory); empty
    settings when no folder up to the root has any."""
    folder = (start if start is not None else Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in FILES:
            path = candidate / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return Settings(table, path)
    return Settings()
