"""What teikit wrote: a record of each output's content, so that an editor's corrections
are never replaced.

Each folder teikit writes into gets a ``.teikit-written`` file in ``sha256sum`` format
(``<sha256>  <file name>`` a line, the last line of a name wins). An existing file may be
replaced only while its bytes still hash to what teikit recorded for it: a file edited
since, or one teikit has no record of, is left alone unless the user says ``--force``.
Lines are appended (one small write, so concurrent writers do not mix), and the record is
compacted when most of its lines are stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Final

RECORD: Final = ".teikit-written"
"""The record's file name in each output folder."""


class Ownership(Enum):
    """What teikit knows about an existing file it is asked to replace."""

    ABSENT = "absent"
    OWNED = "owned"
    """teikit wrote it and it is unchanged since."""
    CHANGED = "changed"
    """teikit wrote it, and it was changed since."""
    FOREIGN = "foreign"
    """teikit has no record of writing it."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(folder: Path) -> dict[str, str]:
    """File name → SHA-256 of what teikit last wrote there, for the files of ``folder``."""
    return _read_record(folder / RECORD)[0]


def _read_record(path: Path) -> tuple[dict[str, str], int]:
    """Name → digest from a record, and how many lines it has."""
    try:  # a name's bytes that are not UTF-8 stand as they are (as Python's file names do)
        text = path.read_bytes().decode("utf-8", "surrogateescape")
    except OSError:
        return {}, 0
    entries: dict[str, str] = {}
    lines = text.split("\n")  # only at line feeds: a name may hold any other character
    if lines[-1] == "":
        lines.pop()
    for line in lines:
        hexdigest, sep, name = line.removesuffix("\r").partition("  ")
        if sep and len(hexdigest) == 64:
            entries[name] = hexdigest
    return entries, len(lines)


def _line(name: str, hexdigest: str) -> bytes:
    return f"{hexdigest}  {name}\n".encode("utf-8", "surrogateescape")


@dataclass
class Ledger:
    """The records of the folders a run writes into, each read once per run."""

    _folders: dict[Path, dict[str, str]] = field(default_factory=dict)

    def _entries(self, folder: Path) -> dict[str, str]:
        if folder not in self._folders:
            entries, lines = _read_record(folder / RECORD)
            self._folders[folder] = entries
            if lines > 2 * len(entries) + 64:
                self._compact(folder)
        return self._folders[folder]

    def ownership(self, path: Path) -> Ownership:
        """Whether ``path`` may be replaced without losing anyone's work."""
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return Ownership.ABSENT
        except OSError:
            return Ownership.FOREIGN
        recorded = self._entries(path.parent).get(path.name)
        if recorded is None:
            return Ownership.FOREIGN
        return Ownership.OWNED if recorded == digest(data) else Ownership.CHANGED

    def remember(self, path: Path, data: bytes) -> None:
        """Record that teikit has just written ``data`` to ``path`` (best effort: a record
        that cannot be written only means the file counts as foreign next time)."""
        if "\n" in path.name or "\r" in path.name:
            return
        hexdigest = digest(data)
        entries = self._entries(path.parent)
        if entries.get(path.name) == hexdigest:
            return
        entries[path.name] = hexdigest
        with contextlib.suppress(OSError):
            fd = os.open(path.parent / RECORD, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, _line(path.name, hexdigest))
            finally:
                os.close(fd)

    def _compact(self, folder: Path) -> None:
        from teikit.files import write_atomic

        entries = self._folders[folder]
        data = b"".join(_line(name, entries[name]) for name in sorted(entries))
        with contextlib.suppress(OSError):
            write_atomic(folder / RECORD, data)
