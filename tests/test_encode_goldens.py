"""Whole transcripts → whole TEI documents, compared with golden files.

Every ``tests/data/encode/**/NAME.txt`` is encoded with the profile configured beside it
(``teikit.toml`` or ``pyproject.toml``) and compared with ``NAME.xml``. Regenerate the
goldens on purpose with ``TEIKIT_REGEN=1 pytest tests/test_encode_goldens.py`` and review
the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import teikit
from teikit.exporter.text import to_bytes

from conftest import DATA

CASES = sorted((DATA / "encode").rglob("*.txt"))
REGEN = os.environ.get("TEIKIT_REGEN") == "1"


def normalise(data: bytes) -> bytes:
    """Golden comparison ignores only the teikit version written in appInfo."""
    return re.sub(rb'(ident="teikit" version=")[^"]*(")', rb"\1\2", data)


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(DATA)) for p in CASES])
def test_encode_matches_golden(path: Path) -> None:
    result = teikit.encode(path)
    data = result.to_bytes()
    golden = path.with_suffix(".xml")
    if REGEN:
        golden.write_bytes(data)
    if not golden.exists():
        pytest.fail(f"{golden.name} is missing: make it with TEIKIT_REGEN=1 and review it")
    assert normalise(data) == normalise(golden.read_bytes())


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(DATA)) for p in CASES])
def test_transcript_view_gives_the_file_back(path: Path) -> None:
    result = teikit.encode(path)
    assert to_bytes(result.tree, "transcript") == path.read_bytes()


def test_profiles_come_from_the_configuration_beside_the_transcripts() -> None:
    assert teikit.encode(DATA / "encode" / "leiden" / "inscription.txt").profile == "leiden"
    assert teikit.encode(DATA / "encode" / "crowd" / "letter_home.txt").profile == "crowd"
    assert teikit.encode(DATA / "encode" / "conventions.txt").profile == "documentary"


def test_goldens_are_valid_tei(jing: str, tei_all: Path) -> None:
    """Every golden validates against the official tei_all with jing (one batch)."""
    import subprocess

    goldens = [str(path.with_suffix(".xml")) for path in CASES]
    run = subprocess.run([jing, str(tei_all), *goldens], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_goldens_are_valid_against_teikits_own_schema_with_jing(jing: str) -> None:
    """jing (the reference engine, no ../shared needed) accepts every golden too."""
    import subprocess

    from conftest import ROOT

    goldens = [str(path.with_suffix(".xml")) for path in CASES]
    schema = str(ROOT / "schemas" / "teikit.rng")
    run = subprocess.run([jing, schema, *goldens], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_missing_golden_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A golden that is not there is a failure, never written by the test itself."""
    (tmp_path / "new.txt").write_text("A [new] case.\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "REGEN", False)
    with pytest.raises(pytest.fail.Exception, match=r"new\.xml is missing"):
        test_encode_matches_golden(tmp_path / "new.txt")
    assert not (tmp_path / "new.xml").exists()


def test_goldens_are_valid_against_teikits_own_schemas() -> None:
    """RELAX NG (libxml2) and XSD (xmlschema) of schemas/ accept every golden."""
    import xmlschema
    from lxml import etree

    from conftest import ROOT

    grammar = etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "teikit.rng")))
    xsd = xmlschema.XMLSchema(str(ROOT / "schemas" / "teikit.xsd"))
    for path in CASES:
        tree = etree.parse(str(path.with_suffix(".xml")))
        assert grammar.validate(tree), (path, grammar.error_log)
        assert not list(xsd.iter_errors(tree.getroot())), path
