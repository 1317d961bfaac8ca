"""Inputs for the command-line fuzz run: arbitrary bytes, and real TEI and transcripts
changed at random in the ways files get broken (truncated, spliced, re-encoded, nested,
given DTDs and entities).

Every generator takes a :class:`random.Random`, so that a case is reproduced by its seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEI_REAL = SHARED / "corpus" / "tei-real"
TRANSCRIPTS = SHARED / "corpus" / "transcripts-dev" / "transcripts"
SMALL = 64 * 1024
"""Real files larger than this are left out (each case must stay quick)."""

XML_PIECES = [
    b"<", b">", b"&", b"&amp;", b"&#0;", b"&#x110000;", b"]]>", b"<![CDATA[", b"<!--", b"-->",
    b"<?xml version='1.0'?>", b"<?xml-model href='x.rng'?>", b"<!DOCTYPE TEI [",
    b'<!ENTITY x SYSTEM "file:///etc/passwd">', b'<!ENTITY a "&b;&b;&b;&b;">', b"&x;",
    b'<!DOCTYPE TEI SYSTEM "local.dtd">', b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r\n",
    b'xml:id="a"', b' xmlns="http://www.tei-c.org/ns/1.0"', b"<hi>", b"</hi>",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../x.xml"/>',
    b"<text>", b"</text>", b"<body/>", b"<p>", b"</p>", b"<lb/>", b'<pb n="2"/>',
]
TEXT_PIECES = [
    "[", "]", "[North]", "[...]", "[sic]", "[?]", "[Page 2]", "[1]", "¹", "~~x~~", "<ab>",
    "a(bc)", "[---]", "[illegible]", "[Translator's note: x]", "[handwritten: y]",
    "[stamp: R]", "\x00", "\x07", "\ufeff", "\ufffe", "\r\n", "\r", "\n\n", "Dear Sir,",
    "Sincerely,", "SUBJECT: x", "Notes\n[1] note", "September 21, 1959", "- 2 -", "[" * 60,
    "]" * 60, "Associated Places", "Rights", "P.S. ",
]


def real_files(folder: Path, suffix: str) -> list[bytes]:
    """The small files of a shared corpus folder (none when ../shared is absent)."""
    if not folder.is_dir():
        return []
    return [path.read_bytes() for path in sorted(folder.rglob(f"*{suffix}"))
            if path.stat().st_size <= SMALL]


def arbitrary(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice([0, 1, 8, 64, 512, 4096]))


def mutate(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    """``data`` changed by one to eight random edits."""
    for _ in range(rng.randint(1, 8)):
        data = rng.choice(EDITS)(data, rng, pieces)
    return data


def _insert(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(pieces) + data[at:]


def _delete(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 64):]


def _flip(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]


def _truncate(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    return data[: rng.randint(0, len(data))]


def _repeat(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 200)]
    return data[:start] + chunk * rng.randint(2, 50) + data[start:]


def _nest(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    at, depth = rng.randint(0, len(data)), rng.choice([10, 300, 3000])
    opener, closer = rng.choice([(b"<hi>", b"</hi>"), (b"[", b"]"), (b"<", b">")])
    return data[:at] + opener * depth + closer * rng.randint(0, depth) + data[at:]


def _recode(data: bytes, rng: random.Random, pieces: Sequence[bytes]) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(["utf-16", "latin-1", "cp1252", "utf-8-sig"]), "replace")


Edit = Callable[[bytes, random.Random, Sequence[bytes]], bytes]
EDITS: list[Edit] = [_insert, _insert, _insert, _delete, _flip, _truncate, _repeat, _nest,
                     _recode]
