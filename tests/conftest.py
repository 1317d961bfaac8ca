"""Shared test helpers: where the repository's data is, and the optional ../shared folder."""

from __future__ import annotations

import importlib
import inspect
import os
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import click.testing
import pytest
from hypothesis import settings

# The suite's derived schemas go to a cache of its own, never the user's ~/.cache/teikit
# (set before anything runs, so that the commands the tests start inherit it).
_CACHE = tempfile.TemporaryDirectory(prefix="teikit-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE.name
os.environ.pop("TEIKIT_CACHE", None)

# click before 8.2 (which the lowest typer teikit allows asks for) mixes stderr into the
# output of CliRunner unless told not to; the tests read the two apart.
if "mix_stderr" in inspect.signature(click.testing.CliRunner.__init__).parameters:
    _init = click.testing.CliRunner.__init__

    def _apart(self: click.testing.CliRunner, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("mix_stderr", False)
        _init(self, *args, **kwargs)

    click.testing.CliRunner.__init__ = _apart  # type: ignore[method-assign]

# Shared machines are noisy: property tests check behaviour, never timing.
settings.register_profile("teikit", deadline=None, print_blob=True)
settings.load_profile("teikit")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# The official tei_all.rng, as teikit ships it (schemas/tei/README.md says which release).
TEI_ALL_RNG = ROOT / "schemas" / "tei" / "tei_all.rng"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that use it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's clone has no shared data)")
    return SHARED


IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
"""CI installs every tool the tests use (.ci/run): there a missing tool fails the run."""


def missing_tool(reason: str) -> NoReturn:
    """Skip a test whose tool is absent on this machine; in CI, fail it instead."""
    if IN_CI:
        pytest.fail(f"{reason}, but CI installs it (.ci/run): a skip would hide the test")
    pytest.skip(reason, allow_module_level=True)


def needed_module(name: str, install: str) -> ModuleType:
    """Import a module the tests need but teikit does not: skip without it, except in CI."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing_tool(f"{name} is not installed ({install})")


CHROMIUM = (os.environ.get("TEIKIT_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser") or shutil.which("google-chrome"))


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless browser the HTML tests open pages in (``TEIKIT_CHROMIUM`` names one)."""
    if CHROMIUM is None:
        missing_tool("chromium is not installed (Debian packages 'chromium fonts-liberation')")
    return CHROMIUM


@pytest.fixture(scope="session")
def jing() -> str:
    """The jing command (the reference RELAX NG validator)."""
    found = shutil.which("jing")
    if found is None:
        missing_tool("jing is not installed (Debian package 'jing')")
    return found


@pytest.fixture(scope="session")
def tei_all() -> Path:
    """The official tei_all.rng that teikit ships: the jing tests that check against it
    need jing only, never ../shared."""
    assert TEI_ALL_RNG.is_file(), f"{TEI_ALL_RNG} is part of the repository"
    return TEI_ALL_RNG
