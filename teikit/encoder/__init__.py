"""Encode: plain transcript → document model → TEI P5 tree.

The stages, run in order by :mod:`teikit.encoder.run`: :mod:`source` decodes and splits
lines, :mod:`layout` finds the structure, the inline rules of the active :mod:`profiles`
profile encode the editorial conventions, :mod:`build` makes the ``<text>`` and
:mod:`header` the ``teiHeader``. The result carries the tree and every diagnostic,
located by line and column in the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.encoder.source import Transcript
from teikit.files import read_bytes
from teikit.tei import serialize

if TYPE_CHECKING:
    from teikit.encoder.layout import Explained
    from teikit.encoder.profiles import Profile


@dataclass
class EncodeResult:
    """The TEI tree of one transcript and what the encoder had to say about it."""

    tree: etree._ElementTree
    diagnostics: list[Diagnostic] = field(default_factory=list)
    layout: str = ""
    profile: str = ""
    explained: list[Explained] = field(default_factory=list)
    """Each line's role and the evidence that decided it (``teikit encode --explain``)."""

    def to_bytes(self) -> bytes:
        """The TEI document as UTF-8 bytes."""
        return serialize(self.tree)


def encode_transcript(transcript: Transcript, profile: Profile | None = None,
                      layout: str | None = None) -> EncodeResult:
    """Encode a decoded transcript (the run itself is in :mod:`teikit.encoder.run`)."""
    from teikit.encoder.run import encode_transcript as run

    return run(transcript, profile, layout)


def encode_text(text: str, *, name: str = "<input>", profile: Profile | None = None,
                layout: str | None = None) -> EncodeResult:
    """Encode a transcript given as a string."""
    return encode_bytes(text.encode("utf-8", errors="surrogatepass"), name=name,
                        profile=profile, layout=layout)


def encode_bytes(data: bytes, *, name: str = "<input>", profile: Profile | None = None,
                 layout: str | None = None, encoding: str = "utf-8") -> EncodeResult:
    """Encode a transcript given as bytes (decoded strictly; a BOM is remembered)."""
    from teikit.encoder.run import encode_decoded

    return encode_decoded(data, name, profile, layout, encoding)


def encode_file(path: Path, *, profile: Profile | None = None, layout: str | None = None,
                encoding: str = "utf-8") -> EncodeResult:
    """Encode the transcript in ``path``."""
    return encode_bytes(read_bytes(path), name=str(path), profile=profile, layout=layout,
                        encoding=encoding)


__all__ = ["EncodeResult", "encode_bytes", "encode_file", "encode_text", "encode_transcript"]
