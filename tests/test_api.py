"""The public API in ``teikit/__init__.py``: the verbs and the values they return."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import teikit
from teikit.diagnostics import Severity

from conftest import SAMPLES

SEED = SAMPLES / "000_b27d2d1d726ed5ee.txt"


def test_the_verbs_and_the_packages_have_different_names(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """teikit.validate(...) is a verb, teikit.validator the package that implements it:
    dotted access to a package's modules works, and so does patching them by name."""
    for name in ("teikit.validator.engine", "teikit.encoder.run", "teikit.exporter.job"):
        importlib.import_module(name)
    assert callable(teikit.validate) and callable(teikit.encode) and callable(teikit.export)
    assert teikit.validator.engine.iter_diagnostics is not None
    monkeypatch.setattr("teikit.validator.cache.KEEP", 1)
    assert teikit.validator.cache.KEEP == 1


def test_encode_a_path_or_a_string() -> None:
    from_path = teikit.encode(SEED)
    from_text = teikit.encode(SEED.read_text(encoding="utf-8"), name=SEED.name)
    assert from_path.to_bytes() == from_text.to_bytes()
    assert from_path.layout == "record" and from_path.profile == "documentary"


def test_validate_is_valid_and_iter_diagnostics_agree() -> None:
    tree = teikit.encode(SEED).tree
    assert list(teikit.iter_diagnostics(tree)) == []
    assert teikit.is_valid(tree)
    assert teikit.validate(tree) == []


def test_validation_error_carries_every_diagnostic() -> None:
    broken = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
              b'<text><body><unknown/></body></text></TEI>')
    with pytest.raises(teikit.ValidationError) as caught:
        teikit.validate(broken, filename="broken.xml")
    problems = caught.value.diagnostics
    assert len(problems) >= 2
    assert all(p.file == "broken.xml" and p.line == 1 for p in problems)
    assert any(p.severity is Severity.ERROR for p in problems)
    assert not teikit.is_valid(broken)


def test_export_both_formats_and_views(tmp_path: Path) -> None:
    tree = teikit.encode(SEED).tree
    assert teikit.export(tree, to="text", view="transcript") == SEED.read_bytes()
    reading = teikit.export(tree, to="text", view="reading").decode()
    assert "North Korea" in reading
    for view in ("reading", "editorial"):
        assert teikit.export(tree, to="html", view=view).startswith(b"<!DOCTYPE html>")
    path = tmp_path / "seed.xml"
    path.write_bytes(teikit.encode(SEED).to_bytes())
    assert teikit.export(path, to="text", view="transcript") == SEED.read_bytes()


def test_bad_export_choices_are_configuration_errors() -> None:
    tree = teikit.encode(SEED).tree
    with pytest.raises(teikit.ConfigError):
        teikit.export(tree, to="pdf")
    with pytest.raises(teikit.ConfigError):
        teikit.export(tree, to="text", view="editorial")


def test_build_report(tmp_path: Path) -> None:
    report = teikit.build(SAMPLES, tmp_path / "out")
    assert report.ok and all(isinstance(o, teikit.Outcome) for o in report.outcomes)
