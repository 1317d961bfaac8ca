"""The converter's entry points: compact-syntax text or a file to a checked RELAX NG tree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from teikit.validator.rnc.checks import check
from teikit.validator.rnc.cursor import Cursor, Env
from teikit.validator.rnc.files import Files
from teikit.validator.rnc.lexer import Source
from teikit.validator.rnc.simplify import flatten
from teikit.validator.rnc.toplevel import top
from teikit.validator.rnc.tree import Element

VERSION: Final = "1"
"""Changes whenever the converter's output does (it is part of on-disk cache keys)."""


def convert(text: str, filename: str = "<rnc>", *, base: Path | None = None) -> Element:
    """The RELAX NG XML tree equivalent to compact-syntax ``text``.

    ``include`` and ``external`` files are read relative to ``base`` (default: the working
    directory) and inlined. Raises :class:`RncError` with located diagnostics.
    """
    files = Files()
    root = top(Cursor(Source(text, filename), Env(""), files, base or Path.cwd()))
    check(root, files)
    return root


@dataclass(frozen=True)
class Converted:
    """A converted ``.rnc`` file and every file it was made from (itself first)."""

    grammar: Element
    sources: tuple[Path, ...]


def convert_file(path: str | Path, *, simplify: bool = True) -> Converted:
    """Convert the ``.rnc`` file at ``path`` (and the files it includes) for validation:
    divs spliced and combined definitions merged unless ``simplify`` is False."""
    files = Files()
    root = files.load(Path(path), "", None)
    check(root, files)
    return Converted(flatten(root) if simplify else root, tuple(files.sources))
