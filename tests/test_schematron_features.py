"""The ISO Schematron features real schemas use, each run with XPath 1 (``xslt``) and
XPath 2/3 (``xslt2``, ``xslt3``): the cases are data in data/schematron/features.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.diagnostics import ConfigError
from teikit.validator import Options, iter_diagnostics, load_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "schematron"
CASES = tomllib.loads((DATA / "features.toml").read_text(encoding="utf-8"))["case"]
BINDINGS = ("xslt", "xslt2", "xslt3")


def _write(folder: Path, case: dict[str, str], binding: str) -> tuple[Path, Path]:
    schema = folder / "rules.sch"
    schema.write_text(
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}" '
        f'{case.get("attributes", "")}>{case["schema"]}</schema>', encoding="utf-8")
    doc = folder / "doc.xml"
    doc.write_text(case["doc"], encoding="utf-8")
    return schema, doc


@pytest.mark.parametrize("binding", BINDINGS)
@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_feature(case: dict[str, object], binding: str, tmp_path: Path) -> None:
    schema, doc = _write(tmp_path, case, binding)  # type: ignore[arg-type]
    options = Options(phase=case.get("phase"))  # type: ignore[arg-type]
    if "error" in case:
        with pytest.raises(ConfigError) as raised:
            list(iter_diagnostics(doc, [load_schema(schema)], options=options))
        assert str(case["error"]) in str(raised.value)
        return
    found = [f"{d.line} {d.severity} {d.code} {d.message} {d.xpath}"
             for d in iter_diagnostics(doc, [load_schema(schema)], options=options)]
    assert found == case["expect"]


def test_the_shortest_attribute_context_case_exits_0(tmp_path: Path) -> None:
    """``context="*/@source"`` on ``<r><a source="x"/></r>``: nothing to report."""
    [case] = [c for c in CASES if c["name"] == "attribute context, nothing to report"]
    schema, doc = _write(tmp_path, case, "xslt2")
    run = CliRunner().invoke(app, ["validate", "--schema", str(schema), str(doc)])
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("case", [c for c in CASES if "error" in c], ids=lambda c: c["name"])
def test_what_teikit_cannot_run_is_exit_2_before_any_document(case: dict[str, str],
                                                              tmp_path: Path) -> None:
    schema, doc = _write(tmp_path, case, "xslt2")
    argv = ["validate", "--schema", str(schema), str(doc)]
    run = CliRunner().invoke(app, [*argv, "--phase", case["phase"]] if "phase" in case else argv)
    assert run.exit_code == 2, run.output
    assert case["error"] in run.stderr
