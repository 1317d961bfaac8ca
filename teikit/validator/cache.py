"""An on-disk cache of derived schemas, keyed by content hash.

Lives in ``$XDG_CACHE_HOME/teikit`` (``~/.cache/teikit``); ``TEIKIT_CACHE=off`` disables it.
Keys include teikit's version.
A cache that cannot be written is silently skipped: it only ever saves time. Each kind
keeps its KEEP most recently used entries (a hit marks its entry used).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Final

from teikit._version import __version__
from teikit.files import write_atomic


def cache_dir() -> Path | None:
    """Where derived schemas are kept, or None when caching is off."""
    if os.environ.get("TEIKIT_CACHE", "").lower() in {"0", "off", "no", "false"}:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit"


KEEP: Final = 256
"""Entries kept per kind (pruned grammars are a few hundred kilobytes each)."""


def key_of(key_parts: list[str]) -> str:
    """The name of an entry: a hash of teikit's version and ``key_parts`` (an upgrade never
    reads what an older teikit derived)."""
    return hashlib.sha256("\0".join([__version__, *key_parts]).encode()).hexdigest()


def cached(kind: str, key_parts: list[str], make: Callable[[], bytes]) -> bytes:
    """The bytes stored under ``key_parts``, made (and stored) on a miss."""
    data = stored(kind, key_parts)
    if data is None:
        data = make()
        store(kind, key_parts, data)
    return data


def _entry(kind: str, key_parts: list[str]) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / kind / f"{key_of(key_parts)}.bin"


def stored(kind: str, key_parts: list[str]) -> bytes | None:
    """The bytes stored under ``key_parts`` (None: none, or caching is off)."""
    path = _entry(kind, key_parts)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: the last to be evicted
    return data


def store(kind: str, key_parts: list[str], data: bytes) -> None:
    """Keep ``data`` under ``key_parts`` (nothing when caching is off or impossible)."""
    path = _entry(kind, key_parts)
    if path is not None:
        with contextlib.suppress(OSError):
            write_atomic(path, data)
            _evict(path.parent)


def forget(kind: str, key_parts: list[str]) -> None:
    """Drop what is stored under ``key_parts``."""
    path = _entry(kind, key_parts)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _evict(folder: Path) -> None:
    """Remove all but the KEEP most recently used entries of ``folder``."""
    entries = [entry for entry in os.scandir(folder) if entry.name.endswith(".bin")]
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
    for entry in entries[KEEP:]:
        with contextlib.suppress(OSError):
            os.remove(entry.path)
