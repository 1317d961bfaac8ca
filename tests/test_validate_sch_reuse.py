"""ISO Schematron reuse: include (whole file or one element), extends of an external
schema, abstract patterns with parameters; local files only, cycles refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.diagnostics import ConfigError
from teikit.validator import iter_diagnostics, load_schema

DATA = Path(__file__).parent / "data" / "validate" / "sch-reuse"


def test_included_extended_and_abstract_rules_all_run() -> None:
    problems = list(iter_diagnostics(DATA / "letter.xml", [load_schema(DATA / "project.sch")]))
    assert sorted((p.code, p.line) for p in problems) == [
        ("closer-dated", 7), ("div-typed", 12), ("required-child", 9)]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
                    f'<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>{text}</schema>',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ('<include href="https://example.org/rules.sch"/>', "never fetches schemas"),
    ('<include href="missing.sch"/>', "no such file"),
    ('<include href="self.sch"/>', "include cycle"),
    ('<pattern is-a="nowhere"/>', "no abstract pattern 'nowhere'"),
])
def test_bad_reuse_is_a_configuration_error(tmp_path: Path, text: str, message: str) -> None:
    schema = write(tmp_path, "self.sch", text)
    with pytest.raises(ConfigError, match=message):
        list(iter_diagnostics(DATA / "letter.xml", [load_schema(schema)]))
