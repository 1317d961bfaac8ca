"""The on-disk cache of derived schemas: hits, misses, eviction, and turning it off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from teikit.validator import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("TEIKIT_CACHE", raising=False)
    return tmp_path / "teikit" / "test-kind"


def test_a_miss_makes_and_stores_a_hit_reads(folder: Path) -> None:
    made: list[str] = []

    def make() -> bytes:
        made.append("x")
        return b"derived"

    assert cache.cached("test-kind", ["a", "b"], make) == b"derived"
    assert cache.cached("test-kind", ["a", "b"], make) == b"derived"
    assert made == ["x"]
    assert len(list(folder.glob("*.bin"))) == 1


def test_only_the_most_recently_used_entries_are_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache, "KEEP", 3)
    for age, key in enumerate(["old", "middle", "young"]):
        cache.cached("test-kind", [key], lambda: b"entry")
        os.utime(folder / _name(key), (1_000_000 + age, 1_000_000 + age))
    # a hit makes the oldest entry the most recently used one ...
    assert cache.cached("test-kind", ["old"], lambda: b"missed") == b"entry"
    # ... so the next miss evicts "middle", the least recently used
    cache.cached("test-kind", ["new"], lambda: b"entry")
    assert {entry.name for entry in folder.glob("*.bin")} == {
        _name("old"), _name("young"), _name("new")}


def test_turned_off_nothing_is_written(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", "off")
    assert cache.cached("test-kind", ["a"], lambda: b"derived") == b"derived"
    assert not folder.exists()


def _name(key: str) -> str:
    return cache.key_of([key]) + ".bin"


def test_keys_include_teikits_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgraded teikit never reads what an older one derived."""
    today = cache.key_of(["schema", "digest"])
    monkeypatch.setattr(cache, "__version__", "0.0.0-older")
    assert cache.key_of(["schema", "digest"]) != today
