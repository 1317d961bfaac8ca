"""The teiHeader declares what the document points to and what it is: every @resp resolves
to a respStmt, the language is on TEI and in langUsage, the file and the record have idno,
the record's authors, subjects, related documents and principal date are where TEI puts
them, and teikit's own record is in a namespace the project can stand behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.encoder import encode_text, profiles
from teikit.encoder.declare import declare
from teikit.encoder.header import tei_header
from teikit.encoder.model import Metadata
from teikit.encoder.names import catalogue_name
from teikit.encoder.source import decode
from teikit.tei import NSMAP, TEIKIT_NS, E, tei, xml

from conftest import DATA, ROOT

GRAMMAR = etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "teikit.rng")))
NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEXT = "The harbour master reported that the new quay at Valmora was finished."


def document(meta: Metadata, text: str = TEXT, body: etree._Element | None = None,
             profile: profiles.Profile | None = None) -> etree._Element:
    """A whole TEI document: the header teikit makes for ``meta``, a one-paragraph text."""
    chosen = profile or profiles.get("documentary")
    transcript = decode(text.encode(), "valmora-harbour.txt", "utf-8")
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.append(tei_header(meta, transcript, chosen, "record", uses_hand=False))
    content = E.text(E.body(body if body is not None else E.p(text)))
    content.set(xml("space"), "preserve")
    root.append(content)
    declare(root, transcript, chosen)
    assert GRAMMAR.validate(root.getroottree()), GRAMMAR.error_log
    return root


def values(root: etree._Element, path: str) -> list[str]:
    found = root.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [" ".join("".join(f.itertext()).split()) if isinstance(f, etree._Element)
            else str(f) for f in found]


def test_authors_are_in_the_title_statement_as_the_record_gives_them() -> None:
    root = document(Metadata(title="Report", authors=["Ostrowski, Jan Piotr",
                                                      "Ministry of Shipping",
                                                      "Kovač, Ana, 1920–1991"]))
    assert values(root, "//t:titleStmt/t:author") == [
        "Ostrowski, Jan Piotr", "Ministry of Shipping", "Kovač, Ana, 1920–1991"]
    assert values(root, "//t:author/t:persName/t:surname") == ["Ostrowski", "Kovač"]
    assert values(root, "//t:author/t:persName/t:forename") == ["Jan Piotr", "Ana"]


@pytest.mark.parametrize(("text", "parts"), [
    ("Ostrowski, Jan", ("Ostrowski", "Jan")),
    ("de la Vega, María José", ("de la Vega", "María José")),
    ("O’Brien, T. J.", ("O’Brien", "T. J.")),
    ("Embassy of Hungary, Hanoi", None),
    ("Ministry of Foreign Affairs", None),
    ("Kovalenko", None),
    ("Smith, John, Jones, Mary", None),
])
def test_catalogue_names(text: str, parts: tuple[str, str] | None) -> None:
    name = catalogue_name(text)
    if parts is None:
        assert name is None
        return
    assert name is not None and "".join(name.itertext()) == text
    assert (name[0].text, name[1].text) == parts


def test_identifiers_the_file_name_and_the_record_id() -> None:
    root = document(Metadata(title="Report", publisher="An Archive", rights=["Free to use."],
                             document_info=["Record ID 400118", "Original language: Polish"]))
    assert values(root, "//t:publicationStmt/t:idno[@type='filename']") == [
        "valmora-harbour.txt"]
    assert values(root, "//t:publicationStmt/t:idno[@type='record']") == ["400118"]


def test_an_unpublished_transcript_still_has_its_identifier() -> None:
    root = document(Metadata())
    assert values(root, "//t:publicationStmt/t:authority") != []
    assert values(root, "//t:publicationStmt/t:idno") == ["valmora-harbour.txt"]


def test_subjects_and_related_documents() -> None:
    root = document(Metadata(title="Report", topics=["Ports"],
                             subjects=["Harbours", "Shipbuilding"],
                             related=["March 2, 1958", "Letter on the Dredging Contract",
                                      "Minutes of the Port Board"]))
    assert values(root, "//t:keywords[@n='subjects-discussed']/t:term") == [
        "Harbours", "Shipbuilding"]
    assert values(root, "//t:keywords[not(@n)]/t:term") == ["Ports"]
    related = "//t:sourceDesc/t:listBibl[@type='related']/t:bibl"
    assert values(root, f"{related}/t:title") == ["Letter on the Dredging Contract",
                                                 "Minutes of the Port Board"]
    assert values(root, f"{related}/t:date/@when") == ["1958-03-02"]


@pytest.mark.parametrize(("meta", "attributes"), [
    (Metadata(date_text="2 March 1958", date_when="1958-03-02"), {"when": "1958-03-02"}),
    (Metadata(date_text="1–4 March 1958", date_from="1958-03-01", date_to="1958-03-04"),
     {"from": "1958-03-01", "to": "1958-03-04"}),
    (Metadata(date_when="1958-03-02"), {"when": "1958-03-02"}),
])
def test_the_principal_date_of_any_layout(meta: Metadata, attributes: dict[str, str]) -> None:
    root = document(meta)
    date = root.find(f".//{tei('creation')}/{tei('date')}")
    assert date is not None and dict(date.attrib) == attributes


def test_every_resp_pointer_resolves_to_a_resp_statement() -> None:
    body = E.p("the ", E.supplied("new", resp="#editor", reason="clarification"), " quay ",
               E.note("a tidal berth", type="translator", place="inline", resp="#translator"))
    root = document(Metadata(), body=body)
    ids = values(root, "//t:titleStmt/t:respStmt/@xml:id")
    assert ids == ["editor", "translator"]
    pointers = {p[1:] for p in values(root, "//t:text//@resp")}
    assert pointers <= set(values(root, "//@xml:id"))


def test_the_profile_names_the_people(tmp_path: Path) -> None:
    path = tmp_path / "edition.toml"
    path.write_text('[people]\neditor = ["A. Example", "B. Example"]\n'
                    'proofreader = "C. Example"\n', encoding="utf-8")
    profile = profiles.load_file(path)
    body = E.p(E.supplied("new", resp="#editor", reason="clarification"))
    root = document(Metadata(), body=body, profile=profile)
    assert values(root, "//t:respStmt[@xml:id='editor']/t:name") == ["A. Example",
                                                                    "B. Example"]
    assert values(root, "//t:respStmt[@xml:id='proofreader']/t:name") == ["C. Example"]


@pytest.mark.parametrize(("toml", "message"), [
    ("[people]\neditor = 3\n", "must be a name or a list of names"),
    ("[people]\n'1st' = \"A\"\n", "cannot be an xml:id"),
    ("people = \"A\"\n", "must be a table"),
    ('[options]\nlang = "english please"\n', "must be a language tag"),
])
def test_bad_people_and_language_are_configuration_errors(tmp_path: Path, toml: str,
                                                          message: str) -> None:
    from teikit.diagnostics import ConfigError

    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        profiles.load_file(path)


def test_declaring_twice_changes_nothing() -> None:
    root = document(Metadata(), body=E.p(E.supplied("x", resp="#editor")))
    before = etree.tostring(root)
    transcript = decode(TEXT.encode(), "valmora-harbour.txt", "utf-8")
    assert declare(root, transcript, profiles.get("documentary")) == []
    assert etree.tostring(root) == before


def test_language_is_declared_on_tei_and_in_lang_usage() -> None:
    root = encode_text("Die Delegation ist gestern Abend in Genf angekommen, und die "
                       "Gespräche mit den Vertretern der Regierung werden morgen früh "
                       "beginnen. Das ist nicht einfach, aber wir haben es auch nicht "
                       "anders erwartet.").tree.getroot()
    assert root.get(xml("lang")) == "de"
    assert values(root, "//t:langUsage/t:language/@ident") == ["de"]
    assert values(root, "//t:langUsage/t:language") == ["German"]


# A list of harbour names and figures: long enough to need a language, too few words to show it.
LISTING = " ".join(f"Valmora-{n} Kestrel {n}.{n} Ostrava Pier-{n}" for n in range(12))


def test_unsure_detection_warns_and_an_explicit_language_wins() -> None:
    listing = encode_text(LISTING, layout="plain")
    assert [(d.code, d.line) for d in listing.diagnostics] == [("TK140", 1)]
    assert "without certainty" in listing.diagnostics[0].message
    chosen = profiles.with_options(profiles.get("documentary"), "test", lang="pl")
    told = encode_text(LISTING, profile=chosen, layout="plain")
    assert told.tree.getroot().get(xml("lang")) == "pl" and told.diagnostics == []


def test_a_short_transcript_gets_the_likeliest_language_quietly() -> None:
    short = encode_text("Valmora, 2 March 1958")
    assert short.diagnostics == [] and short.tree.getroot().get(xml("lang")) == "en"


def test_other_scripts_are_listed_as_further_languages() -> None:
    text = (TEXT + " The consul wrote the date in Greek as 12 Μαΐου 1952 and signed it "
            "as the consul of the kingdom, with the seal of the consulate on the page.")
    root = encode_text(text).tree.getroot()
    assert values(root, "//t:langUsage/t:language/@ident") == ["en", "el"]


def test_teikit_s_record_is_in_a_urn_namespace() -> None:
    assert TEIKIT_NS == "urn:teikit:source"
    root = encode_text(TEXT).tree.getroot()
    assert root.find(f".//{tei('xenoData')}/{{urn:teikit:source}}source") is not None


def test_lang_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Valmora, 2 March 1958", encoding="utf-8")
    run = CliRunner().invoke(app, ["encode", str(source), "-o", "-", "--lang", "pl"])
    assert run.exit_code == 0, run.output
    assert 'xml:lang="pl"' in run.stdout
    bad = CliRunner().invoke(app, ["encode", str(source), "-o", "-", "--lang", "not a tag"])
    assert bad.exit_code == 2


def test_every_golden_and_sample_declares_its_pointers_and_language() -> None:
    outputs = [*sorted((DATA / "encode").rglob("*.xml")),
               *sorted((ROOT / "samples" / "output").glob("*.xml"))]
    assert outputs
    for path in outputs:
        root = etree.parse(str(path)).getroot()
        assert root.get(xml("lang")), path
        ids = set(values(root, "//@xml:id"))
        for pointer in values(root, "//t:text//@resp"):
            assert pointer[1:] in ids, (path, pointer)
        assert values(root, "//t:publicationStmt/t:idno[@type='filename']"), path
