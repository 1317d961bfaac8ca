"""Every file of ``../shared/corpus/tei-real`` and FRUS exports to HTML and to both text
views without a traceback (skipped without ``../shared``).

Each file goes through :func:`teikit.export_file` as ``teikit export --no-validate`` runs
it: the one file that is not well-formed XML gives one located error, every other file
gives its bytes, and no file meets an internal error (``TK599``) or the depth guard. Each
page's outline opens with one ``h1`` and skips no level, and its ids are unique.
"""

from __future__ import annotations

import itertools
from copy import deepcopy
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from test_export_text import CORPUS, expected_words, load

import teikit
from teikit.tei import TEI_NS

NOT_WELL_FORMED = {"testrend.xml"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def assert_sound_page(data: bytes) -> None:
    """One ``h1`` opens the outline, no level is skipped, and every id is unique."""
    page = lxml.html.document_fromstring(data)
    levels = [int(h.tag[1]) for h in page.iter(HEADINGS)]
    assert levels[0] == 1 and levels.count(1) == 1, levels[:10]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
VIEWS = (("html", "reading"), ("text", "reading"), ("text", "transcript"))


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("source", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_document_exports_in_every_view(source: Path) -> None:
    for to, view in VIEWS:
        options = teikit.ExportOptions(to=to, view=view, validate=False)
        result = teikit.export_file(source, options)
        codes = [d.code for d in result.diagnostics if d.severity is teikit.Severity.ERROR]
        if source.name in NOT_WELL_FORMED:
            assert codes == ["xml-syntax"] and result.data is None
            assert result.diagnostics[0].line > 0
            continue
        assert codes == [], [str(d) for d in result.diagnostics]
        assert result.data is not None
        if to == "html":
            assert_sound_page(result.data)
        if not result.data:  # only a text view of a document whose text has no words
            words = expected_words(tei_only(load(source)) if view == "transcript" else
                                   load(source))
            assert to == "text" and not words, f"{to}/{view}: empty"


def tei_only(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of ``tree`` without elements of other vocabularies (the transcript is that of
    the TEI: a Schematron rule in an ODD's specification is not part of it)."""
    copy = deepcopy(tree)
    for element in list(copy.getroot().iter()):
        if isinstance(element.tag, str) and not element.tag.startswith(f"{{{TEI_NS}}}"):
            parent = element.getparent()
            if parent is not None:  # its tail is the TEI's: kept where the element was
                previous = element.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + " " + (element.tail or "")
                else:
                    parent.text = (parent.text or "") + " " + (element.tail or "")
                parent.remove(element)
    return copy


@pytest.mark.shared
@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
def test_a_real_folder_goes_on_past_its_broken_file(tmp_path: Path) -> None:
    """The TEI Stylesheets' tests (one not well-formed file among them), as one command."""
    from typer.testing import CliRunner

    from teikit.cli import app

    folder = next(p for p in CORPUS if p.name == "testrend.xml").parents[1]
    sources = sorted(p for p in folder.rglob("*") if p.suffix in (".xml", ".tei"))
    result = CliRunner().invoke(app, ["export", str(folder), "--to", "html", "--no-validate",
                                      "-o", str(tmp_path)])
    assert result.exit_code == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    made = sorted(tmp_path.rglob("*.html"))
    assert len(made) == len(sources) - 1
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"teikit: 1 of {len(sources)} file(s) not exported")
    assert summary.endswith("testrend.xml")
