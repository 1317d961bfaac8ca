"""Shared test helpers: where the repository's data is, and the optional ../shared folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Shared machines are noisy: property tests check behaviour, never timing.
settings.register_profile("teikit", deadline=None, print_blob=True)
settings.load_profile("teikit")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei" / "schemas" / "tei_all.rng"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that use it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's clone has no shared data)")
    return SHARED


@pytest.fixture(scope="session")
def jing(shared: Path) -> str:
    """The jing command and the official tei_all.rng beside it."""
    found = shutil.which("jing")
    if found is None:
        pytest.skip("jing is not installed (Debian package 'jing')")
    if not TEI_ALL_RNG.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    return found
