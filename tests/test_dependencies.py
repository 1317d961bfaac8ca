"""The dependency floors pyproject.toml declares are the versions CI tests with
(.ci/lowest.txt), so that a floor nobody has run cannot stay declared."""

from __future__ import annotations

import re
import sys

from packaging.version import Version

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FLOOR = re.compile(r"^([A-Za-z0-9_.-]+)>=([^,;\s]+)(.*)$")
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^;\s]+)(.*)$")


def floors() -> dict[str, tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for requirement in project["dependencies"]:
        match = FLOOR.match(requirement.replace(" ", ""))
        assert match, f"{requirement}: every dependency declares its lowest version"
        found[match[1].lower()] = (match[2], match[3].split(";", 1)[1] if ";" in match[3] else "")
    return found


def pins() -> dict[str, tuple[str, str]]:
    found = {}
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].replace(" ", "")
        if line:
            match = PIN.match(line)
            assert match, line
            found[match[1].lower()] = (match[2], match[3].lstrip(";"))
    return found


def normal(found: dict[str, tuple[str, str]]) -> dict[str, tuple[Version, str]]:
    return {name: (Version(version), marker.replace('"', "'"))
            for name, (version, marker) in found.items()}


def test_ci_tests_every_declared_floor() -> None:
    assert normal(floors()) == normal(pins())


def test_ci_installs_the_floors() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c .ci/lowest.txt" in ci
