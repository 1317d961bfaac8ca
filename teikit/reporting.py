"""Reports for people and for CI systems: small pure functions over diagnostics.

Every formatter takes the diagnostics and the files that were checked (so that reports can
list clean files too) and returns the report as text; :data:`FORMATTERS` maps the
``--format`` names to them. Nothing here prints, reads the environment or exits: the CLI
writes the text, and writes :func:`github_summary` to ``$GITHUB_STEP_SUMMARY`` when set.

Baselines record today's known problems so that CI fails only on new ones. A problem is
keyed by file, code, message and XPath (never the line: editing above it must not make an
old problem look new); a key recorded *n* times excuses *n* occurrences.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from lxml import etree
from lxml.builder import ElementMaker

from teikit._version import __version__
from teikit.diagnostics import ConfigError, Diagnostic, Severity, worst
from teikit.files import write_output
from teikit.xmlchars import shown

Formatter = Callable[[Sequence[Diagnostic], Sequence[str]], str]
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI: Final = "https://github.com/teikit/teikit"


def exit_code(diagnostics: Iterable[Diagnostic]) -> int:
    """0 when there is no error (warnings allowed), 1 otherwise; never a count."""
    return 1 if worst(diagnostics) is Severity.ERROR else 0


def collapse(diagnostics: Iterable[Diagnostic], keep: int = 3) -> list[Diagnostic]:
    """For people: the first ``keep`` diagnostics of each cause (file, code, message), the
    last of them saying how many more there were and down to which line."""
    groups: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault((d.file, d.code, d.message), []).append(d)
    shown: list[Diagnostic] = []
    for group in groups.values():
        if len(group) <= keep:
            shown.extend(group)
            continue
        rest, last = len(group) - keep, max(d.line for d in group)
        shown.extend(group[:keep - 1])
        shown.append(replace(group[keep - 1], message=(
            f"{group[keep - 1].message} (and {rest:,} more like it, to line {last})")))
    return sorted(shown, key=lambda d: (d.file, d.line, d.column))


def format_text(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """One line per problem: ``file:line:column: severity code message``."""
    return "".join(f"{d}\n" for d in diagnostics)


def _as_dict(d: Diagnostic) -> dict[str, Any]:
    return {"file": d.file, "line": d.line, "column": d.column, "severity": str(d.severity),
            "code": d.code, "message": d.message, "xpath": d.xpath, "source": d.source,
            "url": d.url, **({"hint": d.hint} if d.hint else {}),
            **({"document": d.document, "included_line": d.included_line}
               if d.document else {})}


def format_json(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """``{"files": [...], "diagnostics": [...], "errors": n, "warnings": n}``."""
    counts = Counter(d.severity for d in diagnostics)
    report = {"files": list(files), "diagnostics": [_as_dict(d) for d in diagnostics],
              "errors": counts[Severity.ERROR], "warnings": counts[Severity.WARNING]}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def format_junit(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """JUnit XML (GitLab, Jenkins): one test case per file, failing when it has errors."""
    by_file: dict[str, list[Diagnostic]] = {name: [] for name in files}
    for d in diagnostics:
        by_file.setdefault(d.in_document, []).append(d)
    maker = ElementMaker()
    cases = []
    for name, found in by_file.items():
        errors = [d for d in found if d.severity is Severity.ERROR]
        case = maker.testcase(name=name, classname="teikit.validate")
        if errors:
            case.append(maker.failure("".join(f"{d}\n" for d in found),
                                      message=f"{len(errors)} error(s)", type="invalid"))
        cases.append(case)
    failures = sum(1 for case in cases if len(case))
    suite = maker.testsuite(*cases, name="teikit validate", tests=str(len(cases)),
                            failures=str(failures), errors="0")
    return etree.tostring(maker.testsuites(suite), encoding="unicode", pretty_print=True)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning",
                        Severity.INFO: "notice"}


def format_github(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.file)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column or 1}"]
        props.append(f"title={_escape_property(d.code or 'teikit')}")
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::"
                     f"{_escape_data(d.full_message)}")
    return "".join(f"{line}\n" for line in lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def github_summary(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """A Markdown job summary: counts, then a table of the problems (first 200)."""
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    bad_files = len({d.in_document for d in diagnostics if d.severity is Severity.ERROR})
    verdict = "failed" if errors else "passed"
    out = [f"## teikit validate: {verdict}", "",
           f"{len(files)} file(s) checked, {bad_files} invalid; "
           f"{errors} error(s), {warnings} warning(s).", ""]
    if diagnostics:
        out += ["| location | severity | code | message |", "| --- | --- | --- | --- |"]
        out += [f"| `{_cell(d.location)}` | {d.severity} | `{_cell(d.code)}` "
                f"| {_cell(d.full_message)} |" for d in diagnostics[:200]]
        if len(diagnostics) > 200:
            out.append(f"\n… and {len(diagnostics) - 200} more.")
    return "\n".join(out) + "\n"


_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning",
                       Severity.INFO: "note"}


def _sarif_result(d: Diagnostic) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": Path(d.file).as_posix()}}
    if d.line:
        physical["region"] = {"startLine": d.line, "startColumn": d.column or 1}
    location: dict[str, Any] = {"physicalLocation": physical}
    if d.xpath:
        location["logicalLocations"] = [{"fullyQualifiedName": d.xpath, "kind": "element"}]
    result: dict[str, Any] = {"ruleId": d.code or "teikit", "level": _SARIF_LEVEL[d.severity],
                              "message": {"text": f"{d.message} (hint: {d.hint})" if d.hint
                                          else d.message}, "locations": [location]}
    if d.hint:
        result["properties"] = {"hint": d.hint}
    if d.document:
        result["relatedLocations"] = [{
            "physicalLocation": {"artifactLocation": {"uri": Path(d.document).as_posix()},
                                 "region": {"startLine": d.included_line or 1}},
            "message": {"text": "the xi:include that brings this content in"}}]
    return result


def format_sarif(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """SARIF 2.1.0 (GitHub code scanning)."""
    rules = {}
    for d in diagnostics:
        code = d.code or "teikit"
        if code not in rules:
            rules[code] = {"id": code, **({"helpUri": d.url} if d.url else {})}
    run = {
        "tool": {"driver": {"name": "teikit", "version": __version__, "informationUri": INFO_URI,
                            "rules": list(rules.values())}},
        "artifacts": [{"location": {"uri": Path(f).as_posix()}} for f in files],
        "results": [_sarif_result(d) for d in diagnostics],
    }
    report = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _shown(d: Diagnostic) -> Diagnostic:
    def text(value: str | None) -> str | None:
        return None if value is None else shown(value)

    return replace(d, file=shown(d.file), message=shown(d.message), source=text(d.source),
                   document=text(d.document), hint=text(d.hint), xpath=text(d.xpath))


def readable(formatter: Formatter) -> Formatter:
    """``formatter`` given diagnostics whose texts any output can carry (file names with
    control characters or bytes that are not UTF-8 shown escaped, see :func:`shown`)."""
    def run(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
        return formatter([_shown(d) for d in diagnostics], [shown(name) for name in files])

    return run


FORMATTERS: Final[dict[str, Formatter]] = {name: readable(formatter) for name, formatter in {
    "text": format_text, "json": format_json, "junit": format_junit,
    "github": format_github, "sarif": format_sarif,
}.items()}
"""``--format`` name → formatter."""


BaselineKey = tuple[str, str, str, str]


def baseline_key(d: Diagnostic) -> BaselineKey:
    """What identifies a known problem across edits: file, code, message, XPath."""
    return (Path(d.file).as_posix(), d.code, d.message, d.xpath or "")


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> None:
    """Record ``diagnostics`` as the accepted, known problems."""
    keys = Counter(baseline_key(d) for d in diagnostics)
    entries = [{"file": file, "code": code, "message": message, "xpath": xpath or None,
                "count": n} for (file, code, message, xpath), n in sorted(keys.items())]
    data = {"teikit-baseline": 1, "problems": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        encoded = text.encode()
    except UnicodeEncodeError:  # a file name's bytes that are not UTF-8: kept as \udcff
        encoded = (json.dumps(data, indent=2) + "\n").encode()
    write_output(path, encoded)


def load_baseline(path: Path) -> Counter[BaselineKey]:
    """The known problems recorded in ``path`` (ConfigError when unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter({(e["file"], e["code"], e["message"], e.get("xpath") or ""):
                        int(e.get("count", 1)) for e in data["problems"]})
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a teikit baseline ({exc})") from None


def filter_new(diagnostics: Iterable[Diagnostic],
               baseline: Counter[BaselineKey]) -> list[Diagnostic]:
    """The diagnostics not excused by ``baseline`` (each recorded key excuses its count)."""
    left = Counter(baseline)
    fresh = []
    for d in diagnostics:
        key = baseline_key(d)
        if left[key] > 0:
            left[key] -= 1
        else:
            fresh.append(d)
    return fresh
