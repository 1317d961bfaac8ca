"""What validation keeps in memory and on disk: compiled schemas keyed on their content
and bounded in number; the on-disk cache of the tests in a temporary folder."""

from __future__ import annotations

import sys
from pathlib import Path

import teikit
from teikit.validator.cache import cache_dir
from teikit.validator.engine import KEEP_SCHEMAS, Options, backends
from teikit.validator.schemas import load_schema

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="{root}"><text/></element></start>
</grammar>
"""


def test_a_schema_edited_while_a_process_runs_is_compiled_again(tmp_path: Path) -> None:
    schema, document = tmp_path / "s.rng", tmp_path / "d.xml"
    document.write_text("<letter>Dear Sir</letter>\n")
    schema.write_text(GRAMMAR.format(root="letter"))
    assert teikit.is_valid(document, [load_schema(schema)])
    schema.write_text(GRAMMAR.format(root="memo"))  # the same path, another grammar
    assert not teikit.is_valid(document, [load_schema(schema)])


def test_compiled_schemas_are_bounded(tmp_path: Path) -> None:
    engine = sys.modules["teikit.validator.engine"]
    for number in range(KEEP_SCHEMAS + 8):
        path = tmp_path / f"s{number}.rng"
        path.write_text(GRAMMAR.format(root=f"r{number}"))
        backends(load_schema(path), Options())
    assert len(engine._BACKENDS) <= KEEP_SCHEMAS


def test_the_tests_use_a_cache_of_their_own() -> None:
    """The suite never reads or writes the user's ~/.cache/teikit (conftest.py)."""
    folder = cache_dir()
    assert folder is not None and Path.home() / ".cache" not in folder.parents
