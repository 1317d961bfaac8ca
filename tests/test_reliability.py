"""The bad inputs users meet, and what teikit does with each: the table in
``docs/reliability.md`` is made from :data:`CASES` (``TEIKIT_REGEN=1`` rewrites it), and
every row is checked here as a user would run it, through the command line.

Each case builds its input in a fresh folder, runs one or more commands, and checks the
exit status, stderr, the files left behind, and that no traceback was printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_validate_stream_rules import large_file_is_read_in_parts
from typer.testing import CliRunner, Result

import teikit
from teikit.cli import app
from teikit.tei import MAX_DEPTH

from conftest import ROOT, SAMPLES

SEED = SAMPLES / "000_b27d2d1d726ed5ee.txt"
DOC = ROOT / "docs" / "reliability.md"
HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
          "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
          "<sourceDesc><p>{source}</p></sourceDesc></fileDesc></teiHeader>")


def tei(body: str, source: str = "s", prolog: str = "") -> bytes:
    head = HEADER.format(source=source)
    return f"{prolog}{head}<text><body><p>{body}</p></body></text></TEI>\n".encode()


def laughs() -> bytes:
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    return tei("&l9;", prolog=f"<!DOCTYPE TEI [{''.join(entities)}]>")


BROKEN: dict[str, bytes] = {
    "not well-formed": b"<TEI><p></TEI>",
    "empty": b"   \n",
    "0 bytes": b"",
    "binary": bytes(range(256)) * 4,
    "billion laughs": laughs(),
    f"deeper than {MAX_DEPTH} levels": tei("<hi>" * MAX_DEPTH + "</hi>" * MAX_DEPTH),
}


runner = CliRunner()


def run(*argv: object) -> Result:
    result = runner.invoke(app, [str(a) for a in argv])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result


@dataclass(frozen=True)
class Case:
    """A row of the table: the input, the command a user runs, and what happens."""

    input: str
    command: str
    outcome: str
    check: Callable[[Path], None]


def edited_tei_is_kept(folder: Path) -> None:
    shutil.copy(SEED, folder / "x.txt")
    assert run("encode", folder / "x.txt", "-o", folder / "x.xml").exit_code == 0
    edited = (folder / "x.xml").read_bytes().replace(b"Korea", b"Korea (corrected)")
    (folder / "x.xml").write_bytes(edited)
    again = run("encode", folder / "x.txt", "-o", folder / "x.xml")
    assert again.exit_code == 1
    assert "x.xml was changed since teikit wrote it; use --force" in again.stderr
    assert (folder / "x.xml").read_bytes() == edited
    assert run("encode", folder / "x.txt", "-o", folder / "x.xml", "--force").exit_code == 0
    assert (folder / "x.xml").read_bytes() != edited


def edited_build_output_is_kept(folder: Path) -> None:
    (folder / "src").mkdir()
    shutil.copy(SEED, folder / "src" / "x.txt")
    assert run("build", folder / "src", "-o", folder / "out").exit_code == 0
    target = folder / "out" / "x.xml"
    target.write_bytes(target.read_bytes() + b"<!-- checked -->\n")
    edited = target.read_bytes()
    again = run("build", folder / "src", "-o", folder / "out")
    assert again.exit_code == 1 and "x.xml was changed since teikit wrote it" in again.stderr
    assert target.read_bytes() == edited
    assert run("build", folder / "src", "-o", folder / "out", "--force").exit_code == 0


def text_export_replaces_its_own_output(folder: Path) -> None:
    shutil.copy(SEED, folder / "t.txt")
    assert run("encode", folder / "t.txt", "-o", folder / "t.xml").exit_code == 0
    for _ in range(2):
        again = run("export", folder / "t.xml", "--to", "text", "--view", "reading",
                    "-o", folder / "r.txt")
        assert again.exit_code == 0, again.stderr
    assert (folder / "r.txt").read_bytes().strip()


def broken_xml_is_one_located_line(folder: Path) -> None:
    for name, data in BROKEN.items():
        source = folder / "x.xml"
        source.write_bytes(data)
        result = run("export", source, "--to", "html", "-o", folder / "x.html", "--no-validate")
        assert result.exit_code == 1, name
        [line, summary] = result.stderr.splitlines()
        assert summary == f"teikit: 1 of 1 file(s) not exported: {source}"
        assert re.match(rf"{re.escape(str(source))}(:\d+:\d+)?: error ", line), (name, line)
        assert not (folder / "x.html").exists(), name


def dtds_are_never_read(folder: Path) -> None:
    (folder / "local.dtd").write_text('<!ENTITY y "from the DTD">')
    source = folder / "l.xml"
    source.write_bytes(tei("&y;", prolog='<!DOCTYPE TEI SYSTEM "local.dtd">'))
    checked = run("validate", source)
    exported = run("export", source, "--to", "text", "-o", "-", "--no-validate")
    assert (checked.exit_code, exported.exit_code) == (1, 0)
    [verdict] = [line for line in checked.stdout.splitlines() if "xml-syntax" in line]
    assert "Entity 'y' not defined (teikit never reads DTDs" in verdict
    warning = exported.stderr.splitlines()[0]  # the same place and words, as a warning
    assert warning.startswith(verdict.replace(": error ", ": warning "))
    assert "&y;" in exported.stdout and "from the DTD" not in exported.stdout
    xxe = folder / "x.xml"  # an external entity: never read, kept as text
    xxe.write_bytes(tei("&x;", prolog='<!DOCTYPE TEI [<!ENTITY x SYSTEM "local.dtd">]>'))
    read = run("export", xxe, "--to", "text", "-o", "-", "--no-validate")
    assert read.exit_code == 0 and "&x;" in read.stdout and "ENTITY" not in read.stdout
    assert run("validate", xxe).exit_code == 1
    inside = folder / "i.xml"  # an internal subset is part of the document: it is read
    inside.write_bytes(tei("&y;", source="&y;", prolog='<!DOCTYPE TEI [<!ENTITY y "why">]>'))
    assert run("export", inside, "--to", "text", "-o", "-", "--no-validate").exit_code == 0


def deep_tei_is_read(folder: Path) -> None:
    source = folder / "deep300.xml"
    source.write_bytes(tei("<hi>" * 300 + "x" + "</hi>" * 300))
    checked = run("validate", source)  # against tei_all, as jing does
    assert checked.exit_code == 0 and "1 valid, 0 invalid" in checked.stderr, checked.stderr
    result = run("export", source, "--to", "html", "-o", folder / "deep.html", "--no-validate")
    assert result.exit_code == 0, result.stderr
    too_deep = folder / "deeper.xml"
    too_deep.write_bytes(BROKEN[f"deeper than {MAX_DEPTH} levels"])
    refused = run("validate", too_deep)
    assert refused.exit_code == 1
    assert f"elements nested deeper than {MAX_DEPTH} levels" in refused.stdout


def nested_brackets_encode(folder: Path) -> None:
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_bytes(b"Caf\xe9 is not UTF-8\n")
    (folder / "in" / "nest.txt").write_text("[" * 250 + "x" + "]" * 250 + "\n")
    (folder / "in" / "z.txt").write_text("The [North] report.\n")
    result = run("encode", folder / "in", "-o", folder / "out")
    assert result.exit_code == 1
    assert "a.txt:1:4: error TK000 byte 0xe9" in result.stderr and "warning TK102" in result.stderr
    assert (folder / "out" / "nest.xml").is_file() and (folder / "out" / "z.xml").is_file()


def repeated_warnings_collapse(folder: Path) -> None:
    (folder / "br.txt").write_text("[[[[[[\n" * 5000)
    result = run("encode", folder / "br.txt", "-o", folder / "br.xml")
    assert result.exit_code == 0
    assert result.stderr.count("TK101") == 1
    assert "(and 29,999 more like it, to line 5000)" in result.stderr
    assert len(result.stderr) < 1000


def unwritable_output_is_one_line(folder: Path) -> None:
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "ro").write_text("a file where a folder should be")
    assert run("encode", folder / "seed.txt", "-o", folder / "x.xml").exit_code == 0
    for argv in (["encode", folder / "seed.txt"],
                 ["export", folder / "x.xml", "--to", "html"],
                 ["build", folder / "seed.txt"]):
        result = run(*argv, "-o", folder / "ro" / "out" / "x.out")
        assert result.exit_code == 2, (argv, result.stderr)
        [line] = [x for x in result.stderr.splitlines() if "cannot write" in x]
        assert str(folder / "ro") in line
    baseline = run("validate", folder / "x.xml", "--write-baseline", folder / "ro" / "b.json")
    assert baseline.exit_code == 2 and "ro/b.json: cannot write" in baseline.stderr


def same_names_never_share_an_output(folder: Path) -> None:
    for name, text in (("a", "First report.\n"), ("b", "Second report.\n")):
        (folder / name).mkdir()
        (folder / name / "x.txt").write_text(text)
    for argv in ([folder / "a" / "x.txt", folder / "b" / "x.txt"], [folder / "a", folder / "b"]):
        result = run("encode", *argv, "-o", folder / "out")
        assert result.exit_code == 2, result.stderr
        assert f"{folder / 'a' / 'x.txt'} and {folder / 'b' / 'x.txt'} would both" in result.stderr
        assert not (folder / "out").exists()
    (folder / "b" / "x.txt").write_text("[unclear] once\n")
    (folder / "x.xml").write_bytes(tei("x"))
    for argv in ([folder / "a", folder / "a" / "x.txt"], [folder / "a" / "x.txt"] * 2):
        once = run("encode", *argv, "-o", folder / "once")
        assert once.exit_code == 0 and once.stderr.count("x.txt:") == 1, once.stderr
        assert [p.name for p in (folder / "once").iterdir() if p.suffix] == ["x.xml"]
    exported = run("export", folder / "x.xml", folder / "a" / ".." / "x.xml", "--to", "text",
                   "-o", folder / "texts", "--no-validate")
    assert exported.exit_code == 0, exported.stderr


ODD_NAMES = (b"bad\xffname", b"ctl\x01name", b"caf\xc3\xa9 line\xe2\x80\xa8sep")


def odd_file_names_are_shown(folder: Path) -> None:
    """Names with a byte that is not UTF-8, a control character, a line separator."""
    source = folder / "in"
    source.mkdir()
    for name in ODD_NAMES:
        (source / os.fsdecode(name + b".txt")).write_bytes(b"The [North] report.\n")
    for _ in range(2):  # the second run replaces what the first wrote (it was recorded)
        assert run("encode", source, "-o", folder / "tei").exit_code == 0
    assert run("build", source, "-o", folder / "site").exit_code == 0
    assert run("export", folder / "tei", "--to", "html", "-o", folder / "html").exit_code == 0
    for output_format, parse, escaped in (("json", json.loads, "\\\\"),
                                          ("sarif", json.loads, "\\\\"),
                                          ("junit", teikit.tei.parse_bytes, "\\")):
        report = run("validate", folder / "tei", "--format", output_format)
        assert report.exit_code == 0, report.stderr
        parse(report.stdout_bytes)
        for name in ("bad", "xffname.xml"), ("ctl", "x01name.xml"):
            assert escaped.join(name) in report.stdout, (output_format, name)
    header = (folder / "tei" / os.fsdecode(b"ctl\x01name.xml")).read_text(encoding="utf-8")
    assert '<idno type="filename">ctl\ufffdname.txt</idno>' in header
    bad = folder / "tei" / os.fsdecode(b"bad\xffname.xml")
    bad.write_bytes(bad.read_bytes().replace(b"<text ", b'<text colour="red" ', 1))
    text = run("validate", folder / "tei")
    assert text.exit_code == 1 and "bad\\xffname.xml:" in text.stdout
    assert run("validate", folder / "tei", "--write-baseline", folder / "b.json").exit_code == 0
    assert run("validate", folder / "tei", "--baseline", folder / "b.json").exit_code == 0


def invalid_tei() -> bytes:
    """A TEI document teikit can export, made invalid by an attribute no schema allows."""
    data = (SAMPLES / "output" / "000_b27d2d1d726ed5ee.xml").read_bytes()
    return data.replace(b"<text ", b'<text colour="red" ', 1)


def no_validate_skips_validation(folder: Path) -> None:
    source = folder / "bad.xml"
    source.write_bytes(invalid_tei())
    refused = run("export", source, "--to", "text", "-o", folder / "bad.txt")
    assert refused.exit_code == 1 and not (folder / "bad.txt").exists()
    with pytest.MonkeyPatch.context() as patch:
        def never(*args: object, **kwargs: object) -> None:
            raise AssertionError("validation ran")

        patch.setattr(sys.modules["teikit.exporter.job"], "validation_problems", never)
        result = run("export", source, "--to", "text", "-o", folder / "bad.txt", "--no-validate")
    assert result.exit_code == 0 and result.stderr == ""


CASES = [
    Case("a TEI file teikit wrote, then corrected by an editor",
         "`teikit encode x.txt -o x.xml` again",
         'refused, exit 1: "x.xml was changed since teikit wrote it; use --force to replace '
         'it"; `--force` replaces it', edited_tei_is_kept),
    Case("the same, in a build's output folder", "`teikit build src -o out` again",
         "that file is refused (exit 1), the others are rebuilt", edited_build_output_is_kept),
    Case("a text export run twice", "`teikit export t.xml --to text -o r.txt` twice",
         "the second run replaces its own output", text_export_replaces_its_own_output),
    Case(f"not well-formed, empty, 0-byte, binary, billion laughs, deeper than "
         f"{MAX_DEPTH} levels", "`teikit export x.xml --to html -o x.html --no-validate`",
         "one line `x.xml:line:column: error xml-syntax …` (and the summary), exit 1, "
         "nothing written",
         broken_xml_is_one_located_line),
    Case("a document with a local DTD, an external entity (XXE), or an internal DTD subset",
         "`teikit validate l.xml`, `teikit export l.xml --to text -o -`",
         "the DTD and the external entity are never read: `validate` reports `Entity 'y' "
         "not defined` (exit 1), `export --no-validate` gives the same line as a warning and "
         "keeps `&y;` as text; an internal subset's entities are expanded",
         dtds_are_never_read),
    Case("300 nested `<hi>`",
         "`teikit validate deep300.xml`, `teikit export deep300.xml --to html`",
         f"valid (tei_all), and exported; documents are read to {MAX_DEPTH} levels "
         "(`MAX_DEPTH`), deeper ones are refused naming that bound", deep_tei_is_read),
    Case("250 nested `[` in a transcript, in a folder with a file that is not UTF-8",
         "`teikit encode in/ -o out/`",
         "encoded with warning TK102 (brackets nested past 100 levels stay text); the bad "
         "file is reported and the batch goes on", nested_brackets_encode),
    Case("`[[[[[[` × 5,000 lines", "`teikit encode br.txt -o br.xml`",
         "one warning per cause, with the count of its repeats", repeated_warnings_collapse),
    Case("an output folder that cannot be written",
         "`teikit encode|export|build … -o ro/…`, `teikit validate … --write-baseline ro/…`",
         "one line naming the path, exit 2", unwritable_output_is_one_line),
    Case("two inputs of the same name from different folders, or one input named twice",
         "`teikit encode a/x.txt b/x.txt -o out/`, `teikit encode a a/x.txt -o out/`",
         "refused before anything is written, exit 2, naming both inputs (the second would "
         "replace the first's output); a file named twice is read once",
         same_names_never_share_an_output),
    Case("file names with a byte that is not UTF-8, a control character or a line separator",
         "`teikit encode in/ -o tei/` (twice), `build`, `export`, `validate --format "
         "json` (and sarif, junit), `--write-baseline`",
         "every file is handled; reports name it with the odd bytes escaped (`bad\\xffname"
         ".xml`) and parse as JSON or XML; the header's `idno` shows U+FFFD in their place",
         odd_file_names_are_shown),
    Case("invalid TEI", "`teikit export bad.xml --to text` with and without `--no-validate`",
         "refused (exit 1) unless `--no-validate`, which skips validation entirely",
         no_validate_skips_validation),
    Case("a 175 MB TEI made by teikit, with faults of the grammar, broken rules, a repeated "
         "`xml:id` and a pointer that leads nowhere", "`teikit validate big.xml`",
         "never a crash; memory bounded: the file is read in parts, never whole, and every "
         "finding is reported as for a small file (code, message, line, column, XPath, "
         "order); peak memory below jing's (figures: `docs/scale.md`)",
         large_file_is_read_in_parts),
]


@pytest.mark.parametrize("case", CASES, ids=[c.input for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    case.check(tmp_path)


def table() -> str:
    rows = ["| input | command | what teikit does |", "|---|---|---|"]
    rows += [f"| {c.input} | {c.command} | {c.outcome} |" for c in CASES]
    return "\n".join(rows) + "\n"


BEGIN, END = "<!-- table: tests/test_reliability.py -->\n", "<!-- end of table -->\n"


def test_docs_table_is_made_from_these_cases() -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    if os.environ.get("TEIKIT_REGEN") == "1":
        DOC.write_text(text[:start] + table() + text[end:], encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
    assert text[start:text.index(END)] == table(), "TEIKIT_REGEN=1 rewrites the table"


def test_api_export_refuses_invalid_tei() -> None:
    tree = teikit.tei.parse_bytes(invalid_tei())
    with pytest.raises(teikit.ValidationError):
        teikit.export(tree, "text")
    assert teikit.export(tree, "text", validate=False)
