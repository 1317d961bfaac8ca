"""The committed samples are what ``teikit build`` makes today, byte for byte.

Refresh them on purpose with ``teikit build samples -o samples/output`` and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import teikit
from teikit.ledger import RECORD, read_record

from conftest import SAMPLES

EXPECTED = SAMPLES / "output"


def test_build_regenerates_the_samples_byte_for_byte(tmp_path: Path) -> None:
    report = teikit.build(SAMPLES, tmp_path / "out")
    assert report.ok and report.count("valid") == len(list(SAMPLES.glob("*.txt")))
    made = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.name != RECORD}
    expected = {p.name: p.read_bytes() for p in EXPECTED.iterdir() if p.name != RECORD}
    assert sorted(made) == sorted(expected)
    assert read_record(tmp_path / "out") == read_record(EXPECTED)  # what teikit wrote
    for name, data in expected.items():
        assert made[name] == data, f"samples/output/{name} is out of date"


def test_samples_output_is_not_read_back_as_input(tmp_path: Path) -> None:
    copy = tmp_path / "samples"
    shutil.copytree(SAMPLES, copy)
    report = teikit.build(copy, tmp_path / "out")
    assert [o.source.name for o in report.outcomes] == sorted(p.name for p in SAMPLES.glob("*.txt"))


def test_seed_sample_is_the_users_reference_document() -> None:
    seed = (SAMPLES / "000_b27d2d1d726ed5ee.txt").read_text(encoding="utf-8")
    assert seed.startswith("September 21, 1959\n") and "HAPP@wilsoncenter.org." in seed
    assert (EXPECTED / "000_b27d2d1d726ed5ee.transcript.txt").read_text(encoding="utf-8") == seed
