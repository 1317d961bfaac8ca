"""A large file's page, written part by part (:mod:`teikit.exporter.html.stream`), is the
page of its whole tree, byte for byte, with the same diagnostics; and so is the reading
text (:mod:`teikit.exporter.text.reading_stream`), and the transcript view of TEI that
teikit wrote (:mod:`teikit.exporter.text.stream`), read part by part.

Each document here is exported twice through :func:`teikit.exporter.export_file`: once
with the stream forced (``STREAM_FROM`` of 0) and once with the whole tree. The documents
are small, so this runs fast; ``tests/data/export/stream`` holds cases made for the stream's
joints (comments between the body's children, footnotes numbered across parts, ids given
across parts, a title ``h1`` inside a part, the table of contents, registers
before and after the text), and every other TEI file of the repository is checked too.
"""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

from teikit.exporter import ExportOptions, export_file, job
from teikit.exporter.html.survey import survey
from teikit.exporter.options import Notes
from teikit.exporter.text import reading_stream
from teikit.tei import TEI_NS, parse_file, serialize

DATA = Path(__file__).parent / "data"
STREAM = DATA / "export" / "stream"
REPOSITORY_TEI = sorted(
    path for folder in ("html", "valid", "export-foreign", "export/robust", "text",
                        "export/stream", "export/theme")
    for path in (DATA / folder).glob("*.xml"))
TEIKIT_TEI = sorted(path for folder in (DATA / "encode", DATA / "encode" / "edition",
                                        DATA / "encode" / "leiden", DATA.parent.parent / "samples"
                                        / "output")
                    for path in folder.glob("*.xml"))
"""TEI that teikit wrote (the encoder's goldens, the samples): their transcript streams."""
POINTER_TO_BODY = sorted((DATA / "export" / "text-stream").glob("*.xml"))
"""Documents with a ``ptr`` to the ``body`` or to the ``text``: their page and their reading
text stream, the pointer labelled as the survey found."""


def _both_ways(path: Path, view: str, monkeypatch: pytest.MonkeyPatch, to: str = "html",
               notes: Notes = "end") -> tuple[job.ExportResult, job.ExportResult]:
    options = ExportOptions(to=to, view=view, validate=False, notes=notes)
    monkeypatch.setattr(job, "STREAM_FROM", 0)
    streamed = export_file(path, options)
    monkeypatch.setattr(job, "STREAM_FROM", 1 << 62)
    return streamed, export_file(path, options)


@pytest.mark.parametrize("view", ["reading", "editorial"])
@pytest.mark.parametrize("path", REPOSITORY_TEI + POINTER_TO_BODY,
                         ids=lambda p: str(p.relative_to(DATA)))
def test_streamed_page_is_the_whole_trees(path: Path, view: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    streamed, whole = _both_ways(path, view, monkeypatch)
    assert streamed.data == whole.data
    assert streamed.diagnostics == whole.diagnostics
    assert streamed.unruled == whole.unruled


@pytest.mark.parametrize("path", TEIKIT_TEI, ids=lambda p: p.name)
def test_streamed_transcript_is_the_whole_trees(path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert survey(path, str(path)).transcript
    streamed, whole = _both_ways(path, "transcript", monkeypatch, "text")
    assert streamed.data == whole.data
    assert streamed.diagnostics == whole.diagnostics


def _never_whole(path: Path, notes: Notes) -> None:
    raise AssertionError(f"{path} was read again whole")


@pytest.mark.parametrize("notes", ["end", "omit"])
@pytest.mark.parametrize("path", REPOSITORY_TEI + TEIKIT_TEI + POINTER_TO_BODY,
                         ids=lambda p: str(p.relative_to(DATA.parent.parent)))
def test_streamed_reading_text_is_the_whole_trees(path: Path, notes: Notes,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the survey lets the reading text stream, it streams to the end (never read
    again whole) and gives the whole tree's bytes, diagnostics and unruled elements."""
    monkeypatch.setattr(reading_stream, "_whole", _never_whole)
    streamed, whole = _both_ways(path, "reading", monkeypatch, "text", notes)
    assert streamed.data == whole.data
    assert streamed.diagnostics == whole.diagnostics
    assert streamed.unruled == whole.unruled


def test_reading_text_the_survey_refuses_is_read_whole(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """A reference from a part of the body to a later one: the whole tree is read."""
    def refused(path: Path, notes: Notes) -> None:
        raise AssertionError("streamed what the survey refused")

    monkeypatch.setattr(reading_stream, "reading_streamed", refused)
    streamed, whole = _both_ways(STREAM / "forward.xml", "reading", monkeypatch, "text")
    assert streamed.data == whole.data is not None
    assert b"Then Third." in whole.data


def test_a_pointer_to_the_body_streams_with_the_surveys_label(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``ptr`` to the ``body`` is labelled by its heading, which a part may have let
    go: the reading text says what the survey found it says, and is not read again whole
    (it was, before the survey's labels were used)."""
    path = DATA / "export" / "text-stream" / "pointer-to-body.xml"
    assert survey(path, str(path)).streamable
    monkeypatch.setattr(reading_stream, "_whole", _never_whole)
    streamed, whole = _both_ways(path, "reading", monkeypatch, "text")
    assert streamed == whole
    assert whole.data is not None and b"as said in The letters, a letter" in whole.data


def test_a_pointer_to_the_body_without_labels_reads_the_whole_tree(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the survey's labels, the walk meets the pointer and reads the file again
    whole, to the same text."""
    path = DATA / "export" / "text-stream" / "pointer-before-heading.xml"
    read_whole: list[Path] = []
    whole_tree = reading_stream._whole

    def counted(source: Path, notes: Notes) -> tuple[str, Counter[str]]:
        read_whole.append(source)
        return whole_tree(source, notes)

    monkeypatch.setattr(reading_stream, "_whole", counted)
    streamed = reading_stream.reading_streamed(path)
    _, whole = _both_ways(path, "reading", monkeypatch, "text")
    assert read_whole == [path]
    assert streamed.data == whole.data


@pytest.mark.parametrize(("name", "labels"), [
    ("pointer-to-body.xml", ["The letters", "link", "link"]),
    ("pointer-before-heading.xml", ["The letters themselves", "The edition", "link"])])
def test_survey_keeps_what_a_pointer_to_the_body_says(name: str, labels: list[str]) -> None:
    """The page written part by part has let go of the ``body``'s heading (or not read it
    yet) where a ``ptr`` to the ``body`` is rendered: the survey keeps its label (and those
    of the ``text`` and the ``TEI``), and the page streams."""
    path = DATA / "export" / "text-stream" / name
    found = survey(path, str(path))
    assert found.streamable
    assert found.labels == labels


def test_only_teikits_transcripts_stream() -> None:
    """TEI that teikit did not write has no transcript to give back: its text view is read
    from the whole tree (:mod:`teikit.exporter.text.standing`)."""
    path = STREAM / "letters.xml"
    assert not survey(path, str(path)).transcript


def test_most_repository_documents_stream() -> None:
    """The comparison above is not vacuous: most of the documents are written in parts."""
    streamable = [path for path in REPOSITORY_TEI if survey(path, str(path)).streamable]
    assert len(streamable) >= len(REPOSITORY_TEI) // 2
    assert {p.name for p in STREAM.glob("*.xml")} - {p.name for p in streamable} == {
        "forward.xml"}


@pytest.mark.parametrize(("name", "streamable"), [
    ("letters.xml", True), ("titled.xml", True), ("two-titles.xml", True),
    ("forward.xml", False)])
def test_survey_says_what_can_stream(name: str, streamable: bool) -> None:
    """A reference from a part of the body to what comes after it (an endnote in the
    ``back``, a register after the ``text``, a later division) needs the whole tree."""
    path = STREAM / name
    assert survey(path, str(path)).streamable is streamable


def test_survey_finds_the_exports_diagnostics() -> None:
    path = STREAM / "letters.xml"
    found = survey(path, str(path)).diagnostics
    assert [(d.code, d.line) for d in found] == [("TK505", 27)]


@pytest.mark.slow
def test_real_corpus_streams_to_the_same_pages(shared: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((shared / "corpus" / "tei-real").rglob("*.xml"))
    paths += sorted((shared / "corpus" / "frus").rglob("*.xml"))
    for path in paths:
        for to, view in (("html", "reading"), ("text", "transcript"), ("text", "reading")):
            streamed, whole = _both_ways(path, view, monkeypatch, to)
            assert (streamed.data, streamed.diagnostics) == (whole.data, whole.diagnostics), \
                (path, to)


def _repeated(tmp_path: Path, times: int = 80) -> Path:
    """A sample teikit wrote, its body's divisions repeated (their ids, and the pointers to
    them, numbered in each copy): a file the validator's stream can show valid."""
    tree = parse_file(DATA.parent.parent / "samples" / "output" / "memorandum_harbour_talks.xml")
    body = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    parts = list(body)
    ids = {str(i) for part in parts for i in part.xpath(".//@xml:id")}
    for number in range(times):
        for part in parts:
            made = copy.deepcopy(part)
            for node in made.iter():
                for name, value in [(str(n), str(v)) for n, v in node.attrib.items()]:
                    if value in ids or (value.startswith("#") and value[1:] in ids):
                        node.set(name, f"{value}-{number}")
            body.append(made)
    path = tmp_path / "repeated.xml"
    path.write_bytes(serialize(tree))
    return path


@pytest.mark.parametrize("name", ["repeated", "invalid/schema-div-inside-p.xml",
                                  "invalid/schema-gap-with-text.xml",
                                  "invalid/sch-004-when-with-range.xml",
                                  "validate/rules-fail.xml"])
def test_validation_before_a_large_export_is_the_usual_verdict(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large file is validated as a stream only when that finds it valid with nothing to
    report; any other is checked the usual way, so the export reports the same."""
    from teikit.validator import batch, iter_diagnostics

    path = _repeated(tmp_path) if name == "repeated" else DATA / name
    usual = list(iter_diagnostics(path))
    assert (usual == []) is (name == "repeated")
    monkeypatch.setattr(batch, "STREAM_ABOVE", 0)
    assert batch.shown_valid_as_stream(path) is (name == "repeated")
    streamed = export_file(path, ExportOptions(to="html"))
    monkeypatch.setattr(batch, "STREAM_ABOVE", 1 << 62)
    assert streamed == export_file(path, ExportOptions(to="html"))
