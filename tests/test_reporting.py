"""Report formats, exit codes and baselines (pure functions over diagnostics)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.reporting import (
    FORMATTERS,
    exit_code,
    filter_new,
    format_github,
    format_junit,
    format_sarif,
    format_text,
    github_summary,
    load_baseline,
    write_baseline,
)
from teikit.xmlchars import shown

ERROR = Diagnostic("a.xml", 3, 5, Severity.ERROR, "rng-element",
                   "element `x` is not allowed here inside `p`", xpath="/TEI/text[1]/p[1]/x[1]",
                   url="https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-p.html")
WARNING = Diagnostic("b.xml", 1, 1, Severity.WARNING, "p-numbered-zero", "50%: a, b\nc")
FILES = ["a.xml", "b.xml", "c.xml"]


def test_exit_code_comes_from_the_worst_severity_never_a_count() -> None:
    assert exit_code([]) == 0
    assert exit_code([WARNING] * 300) == 0
    assert exit_code([ERROR]) == 1
    assert exit_code([ERROR] * 256) == 1


def test_text_is_file_line_column_severity_code_message() -> None:
    assert format_text([ERROR]) == (
        "a.xml:3:5: error rng-element element `x` is not allowed here inside `p`\n")


def test_github_commands_escape_data_and_properties() -> None:
    out = format_github([ERROR, WARNING]).splitlines()
    assert out[0] == ("::error file=a.xml,line=3,col=5,title=rng-element::"
                      "element `x` is not allowed here inside `p`")
    assert out[1] == "::warning file=b.xml,line=1,col=1,title=p-numbered-zero::50%25: a, b%0Ac"


def test_github_summary_is_markdown_with_counts() -> None:
    summary = github_summary([ERROR, WARNING], FILES)
    assert summary.startswith("## teikit validate: failed")
    assert "3 file(s) checked, 1 invalid; 1 error(s), 1 warning(s)." in summary
    assert "| `a.xml:3:5` | error | `rng-element` |" in summary


def test_junit_has_a_case_per_file_and_failures_for_errors() -> None:
    suites = etree.fromstring(format_junit([ERROR, WARNING], FILES).encode())
    suite = suites[0]
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    cases = {case.get("name"): case for case in suite}
    assert cases["a.xml"].find("failure") is not None
    assert cases["b.xml"].find("failure") is None


def test_sarif_2_1_0_results_and_rules() -> None:
    report = json.loads(format_sarif([ERROR, WARNING], FILES))
    assert report["version"] == "2.1.0"
    run = report["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["rng-element", "p-numbered-zero"]
    first = run["results"][0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == ERROR.xpath


def test_every_format_handles_no_problems() -> None:
    for name, formatter in FORMATTERS.items():
        assert isinstance(formatter([], FILES), str), name
    assert json.loads(FORMATTERS["json"]([], FILES))["errors"] == 0


def test_baseline_ignores_line_moves_and_catches_new_problems(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [ERROR, WARNING])
    moved = Diagnostic("a.xml", 40, 5, Severity.ERROR, "rng-element", ERROR.message,
                       xpath=ERROR.xpath)
    new = Diagnostic("a.xml", 41, 1, Severity.ERROR, "rng-value", "value 'x' is not a valid date")
    assert filter_new([moved, WARNING, new], load_baseline(path)) == [new]


def test_baseline_counts_repeated_problems(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [ERROR])
    assert filter_new([ERROR, ERROR], load_baseline(path)) == [ERROR]


# File names are bytes: any character but "/" and NUL, and bytes that are not UTF-8, which
# Python keeps as lone surrogates (os.fsdecode).
NAMES = st.binary(min_size=1, max_size=12).map(
    lambda raw: os.fsdecode(raw.replace(b"/", b"_").replace(b"\0", b"_")))


@given(NAMES, st.text(max_size=20))
def test_every_format_carries_any_file_name(name: str, message: str) -> None:
    found = [Diagnostic(name, 1, 2, Severity.ERROR, "x", message), ERROR]
    for output_format, formatter in FORMATTERS.items():
        report = formatter(found, [name, "a.xml"])
        report.encode("utf-8")  # strict: a terminal or a file in any UTF-8 locale takes it
        if output_format in {"json", "sarif"}:
            json.loads(report)
        elif output_format == "junit":
            etree.fromstring(report.encode())
    assert not UNSAFE.search(shown(name))
    if name.isprintable():
        assert shown(name) == name


UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""What no report may hold: C0 controls but tab and line ends, DEL, lone surrogates."""


def test_shown_escapes_control_characters_and_bytes_that_are_not_utf8() -> None:
    assert shown(os.fsdecode(b"bad\xffname\x01.xml")) == "bad\\xffname\\x01.xml"
    assert shown("caf\u00e9 \u2028 ok.xml") == "caf\u00e9 \u2028 ok.xml"


@given(NAMES)
def test_a_baseline_keeps_any_file_name(tmp_path_factory: pytest.TempPathFactory,
                                        name: str) -> None:
    path = tmp_path_factory.mktemp("baseline") / "b.json"
    write_baseline(path, [Diagnostic(name, 1, 2, Severity.ERROR, "x", "m")])
    assert filter_new([Diagnostic(name, 9, 9, Severity.ERROR, "x", "m")],
                      load_baseline(path)) == []
