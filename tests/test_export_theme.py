"""A team's own look: ``--css`` (inlined after teikit's stylesheet) and ``--xslt`` (XSLT
1.0 templates that render the elements they match, on top of teikit's rules)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

import teikit
from teikit.cli import app
from teikit.diagnostics import ConfigError
from teikit.exporter.html.xslt import load_overrides, split_union

from conftest import DATA

THEME = DATA / "export" / "theme"
THEMED = THEME / "themed.xml"
runner = CliRunner()


def export(*extra: str, tmp_path: Path) -> tuple[int, str, Path]:
    out = tmp_path / "themed.html"
    result = runner.invoke(app, ["export", str(THEMED), "--to", "html", "--no-validate",
                                 "-o", str(out), *extra])
    return result.exit_code, result.stderr, out


def test_css_is_inlined_after_teikits_and_cannot_end_the_style_element(tmp_path: Path) -> None:
    code, err, out = export("--css", str(THEME / "house.css"), tmp_path=tmp_path)
    assert code == 0, err
    page = lxml.html.parse(str(out)).getroot()
    styles = page.xpath("//style")
    assert len(styles) == 1
    css = styles[0].text_content()
    assert css.index(".house-name { font-variant: small-caps; }") > css.index(".speaker")
    assert "<\\/style>" in css and "</style>" not in css
    assert page.xpath("//article")  # the page after the style element is intact


def test_xslt_templates_render_what_they_match_and_hand_the_rest_back(tmp_path: Path) -> None:
    code, err, out = export("--xslt", str(THEME / "house.xsl"), tmp_path=tmp_path)
    assert code == 0, err
    page = lxml.html.parse(str(out)).getroot()
    person = page.xpath("//a[@class='person']")[0]
    assert person.get("href") == "https://example.org/people/kessel"
    assert person.xpath("i[@class='hi hi-italic']/text()") == ["Kessel"]  # teikit's own hi
    names = page.xpath("//span[@class='house-name']")
    assert [n.get("data-kind") for n in names] == ["placeName", "orgName"]
    assert names[0].xpath(".//span[@class='supplied']")  # teikit's supplied inside
    assert [h.text_content() for h in page.xpath("//h2[@class='house-head']")] == [
        "§ 1. Arrival", "§ 2. Departure"]
    assert page.xpath("//span[@class='persName']/text()") == ["someone"]  # no @ref: teikit
    assert not page.xpath("//*[@*[starts-with(name(), 'tk')]]")


@pytest.mark.parametrize(("stylesheet", "message"), [
    ("broken.xsl", "template pattern '*['"),
    ("themed.xml", "not an XSLT stylesheet"),
    ("missing.xsl", "cannot read the stylesheet"),
])
def test_an_unusable_stylesheet_is_a_configuration_error(tmp_path: Path, stylesheet: str,
                                                         message: str) -> None:
    code, err, out = export("--xslt", str(THEME / stylesheet), tmp_path=tmp_path)
    assert code == 2 and message in err
    assert not out.exists()


@pytest.mark.parametrize(("stylesheet", "message"), [
    ("fails.xsl", "no organisations here"),
    ("network.xsl", "read rights for http://127.0.0.1:9/x.xml denied"),
])
def test_a_stylesheet_failing_on_a_document_refuses_that_document(
        tmp_path: Path, stylesheet: str, message: str) -> None:
    code, err, out = export("--xslt", str(THEME / stylesheet), tmp_path=tmp_path)
    assert code == 1 and "TK520" in err and message in err
    assert not out.exists()


def test_css_and_xslt_are_for_the_page(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(THEMED), "--to", "text", "--no-validate",
                                 "--css", str(THEME / "house.css"), "-o", "-"])
    assert result.exit_code == 2 and "--to html" in result.stderr


def test_the_library_takes_the_same_theme() -> None:
    options = teikit.ExportOptions(validate=False, css="p { color: teal; }",
                                   xslt=load_overrides(THEME / "house.xsl"))
    result = teikit.export_file(THEMED, options)
    assert result.data is not None
    assert b"p { color: teal; }" in result.data and b'class="house-head"' in result.data


def test_pattern_alternatives_split_outside_predicates_and_strings() -> None:
    assert split_union("tei:a | tei:b[@x = 'p|q'] | tei:c[f(1 | 2)]") == [
        "tei:a", "tei:b[@x = 'p|q']", "tei:c[f(1 | 2)]"]


def test_a_non_xml_stylesheet_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xsl"
    bad.write_text("<xsl:stylesheet", encoding="utf-8")
    with pytest.raises(ConfigError, match="not well-formed"):
        load_overrides(bad)
