"""teikit's modules import one another without a cycle: a module's top-level imports
(those that run when it is loaded) never lead back to it, so that any module can be
imported first and each can be read without the ones that use it."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "teikit"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The teikit modules ``name`` imports at its top level (a name taken from a package
    counts as the package, unless it is one of its modules)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            assert not node.level, f"{name} imports relatively; teikit's imports are absolute"
            base = node.module or ""
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.add(f"{base}.{alias.name}")
                elif base in MODULES:
                    found.add(base)
    return found - {name}


def test_the_modules_import_one_another_without_a_cycle() -> None:
    graph = {name: imported(name, path) for name, path in MODULES.items()}
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        pytest.fail(f"modules that import one another: {' -> '.join(error.args[1])}")


def test_a_cycle_would_be_found() -> None:
    graph = {name: imported(name, path) for name, path in MODULES.items()}
    assert graph["teikit.cli"] >= {"teikit", "teikit.diagnostics"}
    assert "teikit.encoder.names" in graph["teikit.encoder.header"]  # a module of a package
    looped = graph | {"teikit.diagnostics": graph["teikit.diagnostics"] | {"teikit.cli"}}
    with pytest.raises(CycleError):
        TopologicalSorter(looped).prepare()
