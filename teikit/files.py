"""Reading inputs and writing outputs without ever losing a user's file.

Outputs are written atomically (a temporary file in the target folder, then a rename),
and an output that would overwrite one of the run's inputs is refused (see
:mod:`teikit.outputs` for which existing files may be replaced).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from teikit.diagnostics import InputError, OutputError, WriteError


def write_output(path: Path, data: bytes) -> None:
    """:func:`write_atomic`, with the operating system's refusal as one-line
    :class:`WriteError` naming the path."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


def is_special(path: Path) -> bool:
    """Whether ``path`` is a device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO):
    written into, never replaced, and holding nobody's work to lose."""
    return path.exists() and not path.is_file() and not path.is_dir()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Parent folders are created. The new file keeps the mode of the file it replaces. A
    device or a pipe is written into as it is: replacing it would put a plain file in
    its place (``-o /dev/null`` run as root would leave the system without one).
    """
    if is_special(path):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class InputSet:
    """The files a run reads, resolved once, so that checking an output against all of
    them costs O(1) (a set lookup by path and by device and inode)."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths: set[Path] = set()
        self.inodes: set[tuple[int, int]] = set()
        for path in paths:
            self.add(path)

    def add(self, path: Path) -> None:
        self.paths.add(path.resolve())
        with contextlib.suppress(OSError):
            info = path.stat()
            self.inodes.add((info.st_dev, info.st_ino))

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, Path):
            return False
        try:
            info = path.stat()
        except OSError:
            return path.resolve() in self.paths
        return (info.st_dev, info.st_ino) in self.inodes or path.resolve() in self.paths


def guard_output(output: Path, inputs: InputSet) -> None:
    """Refuse to write ``output`` when it is one of ``inputs`` or an existing folder."""
    if output in inputs:
        raise OutputError(f"{output}: refusing to overwrite the input file")
    if output.is_dir():
        raise OutputError(f"{output}: is a folder, expected a file name")


def read_bytes(path: Path) -> bytes:
    """Read a whole file, turning OS errors into one-line :class:`InputError`s."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def expand_inputs(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files named directly, and the files with one of ``suffixes`` inside named folders.

    Folders are walked recursively in sorted order; hidden files and folders are skipped.
    A path that does not exist raises :class:`InputError`.
    """
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if found.is_file() and found.suffix.lower() in suffixes:
                    yield found
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")
