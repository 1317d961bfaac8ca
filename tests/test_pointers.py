"""The pointer check (``--check-pointers``): every case in data/validate/pointers, true and
false positives, then XInclude, the command line and the table of pointer attributes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.validator import Options, iter_diagnostics
from teikit.validator.choice import TEI_ALL
from teikit.validator.pointers.table import pointer_attributes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "validate"
CASES = tomllib.loads((DATA / "pointers" / "cases.toml").read_text(encoding="utf-8"))["case"]
GRAMMAR = DATA / "tei-mini.rng"  # any schema: the pointer check does not depend on it
CHECK = Options(embedded=False, pointers=True)


def _dangling(path: Path, options: Options = CHECK) -> list[str]:
    return [f"{d.line} {d.message}" for d in iter_diagnostics(path, [GRAMMAR], options=options)
            if d.code == "dangling-pointer"]


@pytest.mark.parametrize("case", CASES, ids=[str(c["name"]) for c in CASES])
def test_dangling_pointers(case: dict[str, object], tmp_path: Path) -> None:
    document = tmp_path / "case.xml"
    document.write_text(str(case["xml"]), encoding="utf-8")
    assert _dangling(document) == case["expect"]
    assert _dangling(document, Options(embedded=False)) == []  # only when asked


def test_ids_in_included_parts_resolve(tmp_path: Path) -> None:
    (tmp_path / "people.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="ada"/></listPerson>',
        encoding="utf-8")
    document = tmp_path / "main.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<text><body><xi:include href="people.xml"/>\n<p><persName ref="#ada">A</persName>'
        '<persName ref="#bob">B</persName></p></body></text></TEI>', encoding="utf-8")
    assert _dangling(document) == [
        "2 `@ref` on `persName` points to `#bob`, but no element has xml:id `bob`"]


def test_the_command_line_asks_for_it(tmp_path: Path) -> None:
    document = tmp_path / "case.xml"
    document.write_text(str(CASES[0]["xml"]), encoding="utf-8")
    plain = CliRunner().invoke(app, ["validate", "--schema", str(GRAMMAR), str(document)])
    checked = CliRunner().invoke(app, ["validate", "--check-pointers", "--schema",
                                       str(GRAMMAR), str(document)])
    assert "dangling-pointer" not in plain.output
    assert checked.output.count("error dangling-pointer") == 4
    assert checked.exit_code == 1


def test_pointer_attributes_are_read_from_tei_all() -> None:
    table = pointer_attributes(TEI_ALL)
    assert {("supplied", "resp"), ("ref", "target"), ("span", "from"), ("l", "next"),
            ("persName", "ref"), ("handShift", "new")} <= table
    assert ("date", "from") not in table  # a date there, not a pointer
    assert ("p", "n") not in table


@pytest.mark.shared
def test_the_shared_corpora_have_the_dangling_pointers_counted(shared: Path) -> None:
    """The counts in the pointer check's record: tei-real (ISicily's @ana names taxonomy
    ids its XIncluded taxonomy no longer has; DraCor's Folger plays point @ana to #short,
    which nothing declares), FRUS (single documents cut from volumes, whose @rendition and
    @corresp point to the volume's header and front matter). No prefixed pointer is among
    them."""
    from teikit.validator import validate_paths

    real, frus = shared / "corpus" / "tei-real", shared / "corpus" / "frus"
    counts = {}
    for name, paths in (("tei-real", [real]), ("frus", [frus / "docs"])):
        results = validate_paths(paths, [GRAMMAR], jobs=2, options=Options(
            embedded=False, pointers=True, xinclude_roots=(real,)))
        found = [d for r in results for d in r.diagnostics if d.code == "dangling-pointer"]
        assert not any("prefixDef" in d.message for d in found)
        counts[name] = (len(found), len({d.in_document for d in found}))
    assert counts == {"tei-real": (4622, 260), "frus": (514, 60)}


def test_on_by_default_for_teikits_own_schemas() -> None:
    from teikit.validator import default_schemas

    document = DATA.parent / "invalid" / "sch-003-resp-unknown.xml"
    own = [d.code for d in iter_diagnostics(document, default_schemas())]
    assert "dangling-pointer" in own and "TEIKIT-SCH-003" in own
    off = [d.code for d in iter_diagnostics(document, default_schemas(),
                                            options=Options(pointers=False))]
    assert "dangling-pointer" not in off and "TEIKIT-SCH-003" in off
    other = [d.code for d in iter_diagnostics(document, [GRAMMAR])]
    assert "dangling-pointer" not in other
