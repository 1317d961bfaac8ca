"""The lines of a large file the faults found in parts are worded from
(``teikit.validator.streamfaults._lines``): read in blocks, they are the file's lines,
the others left empty, as reading the file line by line gives them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from teikit.validator import streamfaults


def _line_by_line(path: Path, numbers: set[int]) -> bytes:
    kept: list[bytes] = []
    last = max(numbers, default=0)
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            if number > last:
                break
            kept.append(line.rstrip(b"\n") if number in numbers else b"")
    return b"\n".join(kept)


@pytest.mark.parametrize("seed", range(40))
def test_lines_read_in_blocks_are_the_files(seed: int, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of a few bytes: lines across blocks, blocks without a line break, a last
    line with and without one, numbers past the end, 0 (an unknown line)."""
    chance = random.Random(seed)
    monkeypatch.setattr(streamfaults, "_BLOCK", chance.choice([1, 2, 3, 7, 64]))
    lines = [b"x" * chance.randrange(0, 12) + b"\r" * chance.randrange(2)
             for _ in range(chance.randrange(0, 30))]
    data = b"\n".join(lines) + (b"\n" if chance.randrange(2) else b"")
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    count = len(lines) + 3
    numbers = set(chance.sample(range(count + 1), chance.randrange(0, count + 1)))
    assert streamfaults._lines(path, numbers) == _line_by_line(path, numbers)


def test_lines_of_a_large_block(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_bytes(b"".join(b"<p>%d</p>\n" % number for number in range(1, 300_000)))
    numbers = {1, 2, 150_000, 299_999}
    assert streamfaults._lines(path, numbers) == _line_by_line(path, numbers)
    assert streamfaults._lines(path, numbers).split(b"\n")[149_999] == b"<p>150000</p>"
