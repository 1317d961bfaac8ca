"""The validation engine on small fixtures: every case in data/validate/cases.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from teikit.diagnostics import ConfigError, Severity
from teikit.validator import (
    ValidationError,
    is_valid,
    iter_diagnostics,
    load_schema,
    validate,
)
from teikit.validator.document import load_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "validate"
CASES = tomllib.loads((DATA / "cases.toml").read_text(encoding="utf-8"))["case"]


def _case_id(case: dict[str, object]) -> str:
    return f"{case['doc']}-{'+'.join(case.get('schemas', []))}"  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case(case: dict[str, object]) -> None:
    schemas = [DATA / str(name) for name in case.get("schemas", [])]  # type: ignore[attr-defined]
    found = list(iter_diagnostics(DATA / str(case["doc"]), schemas or None))
    assert [f"{d.line} {d.code}" for d in found] == case["expect"]
    for problem in found:
        assert problem.file.endswith(str(case["doc"]))
        assert problem.message


def test_plain_language_message_names_element_and_parent() -> None:
    found = list(iter_diagnostics(DATA / "bad.xml", [DATA / "letter.rng"]))
    assert found[-1].message == (
        "element `signed` is not allowed here inside `letter`, nor anywhere in this schema; "
        "allowed there: `p`")
    assert found[-1].xpath == "/letter/signed[1]"
    assert found[-1].column == 3


def test_schematron_message_renders_value_of_name_and_diagnostics() -> None:
    found = list(iter_diagnostics(DATA / "rules-fail.xml", [DATA / "letter-xpath1.sch"]))
    assert [d.message for d in found] == [
        "The date 2150-01-01 is in the future.",
        "Paragraph p is numbered 0.",
        "A paragraph is empty. Write some text or remove it.",
    ]
    assert found[1].severity is Severity.WARNING
    assert found[2].xpath == "/letter/p[2]"


def test_validate_raises_with_every_diagnostic() -> None:
    with pytest.raises(ValidationError) as raised:
        validate(DATA / "bad.xml", [DATA / "letter.rng"])
    assert len(raised.value.diagnostics) == 3


def test_is_valid_and_warnings_do_not_fail() -> None:
    assert is_valid(DATA / "good.xml", [DATA / "letter.rng"])
    assert not is_valid(DATA / "bad.xml", [DATA / "letter.rng"])
    assert validate(DATA / "good.xml", [DATA / "letter.rng"]) == []


def test_bytes_and_trees_are_accepted() -> None:
    data = (DATA / "bad.xml").read_bytes()
    found = list(iter_diagnostics(data, [DATA / "letter.rng"], filename="memo.xml"))
    assert [d.file for d in found] == ["memo.xml"] * 3
    document, _ = load_document(DATA / "good.xml")
    assert document is not None
    assert is_valid(document.tree, [DATA / "letter.rng"])


def test_empty_and_missing_input_are_located_errors() -> None:
    assert [d.code for d in iter_diagnostics(b"  ", [DATA / "letter.rng"])] == ["empty"]
    missing = list(iter_diagnostics(DATA / "nope.xml", [DATA / "letter.rng"]))
    assert [d.code for d in missing] == ["input"]


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ("unsupported-binding.sch", "queryBinding 'xquery' is not supported"),
        ("broken.rng", r"broken\.rng:3:10: no define 'missing'"),
        ("missing.rng", "schema not found"),
        ("missing.rnc", "schema not found"),
        ("letter.dtd", "unknown schema type"),
        ("good.xml", "unknown schema type"),
    ],
)
def test_unusable_schemas_raise_config_error(schema: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        list(iter_diagnostics(DATA / "good.xml", [load_schema(DATA / schema)]))


def test_external_entities_are_never_resolved() -> None:
    found = list(iter_diagnostics(DATA / "entity.xml", [DATA / "letter.rng"]))
    assert all("localhost" not in d.message for d in found)
    assert found[0].code == "xml-syntax"


def test_xinclude_outside_trusted_folders_is_not_read() -> None:
    document, problems = load_document(DATA / "xinclude" / "outside.xml")
    assert document is not None
    text = "".join(document.tree.getroot().itertext())
    assert "Fallback." in text
    assert [p.code for p in problems] == ["xinclude", "xinclude"]
