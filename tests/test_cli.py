"""The ``teikit`` command, exercised as a user would through Typer's CliRunner: exit
codes, outputs, and the bad inputs that must fail cleanly without touching user files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import teikit
from teikit.cli import app

from conftest import SAMPLES

SEED = SAMPLES / "000_b27d2d1d726ed5ee.txt"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    return copy


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"teikit {teikit.__version__}"


@pytest.mark.parametrize("command", ["encode", "validate", "export", "build"])
def test_every_command_has_help_with_examples(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Examples" in out and f"teikit {command}" in out


def test_encode_one_file_to_a_named_file(seed: Path, tmp_path: Path) -> None:
    target = tmp_path / "seed.xml"
    code, _, err = run("encode", seed, "-o", target)
    assert code == 0, err
    assert target.read_bytes() == teikit.encode(seed).to_bytes()


def test_encode_to_stdout(seed: Path) -> None:
    code, out, _ = run("encode", seed, "-o", "-")
    assert code == 0 and out.startswith("<?xml") and "<supplied" in out


def test_encode_a_folder_into_a_folder(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Dear Sir,\nThe [North] report.\n", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("Plain text.\n", encoding="utf-8")
    (src / "notes.md").write_text("not a transcript", encoding="utf-8")
    code, _, err = run("encode", src, "-o", tmp_path / "out")
    assert code == 0, err
    assert (tmp_path / "out" / "a.xml").is_file()
    assert (tmp_path / "out" / "sub" / "b.xml").is_file()
    assert not (tmp_path / "out" / "notes.xml").exists()


def test_encode_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_text("an unbalanced [ bracket\n", encoding="utf-8")
    code, _, err = run("encode", source, "-o", tmp_path / "odd.xml")
    assert code == 0 and "odd.txt:1:15: warning TK101" in err
    code, _, _ = run("encode", source, "-o", tmp_path / "odd2.xml", "--strict")
    assert code == 1


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("encode", tmp_path / "nope.txt", "-o", tmp_path / "x.xml")
    assert code == 2 and "nope.txt: no such file or folder" in err


def test_folder_without_transcripts_fails_closed(tmp_path: Path) -> None:
    code, _, err = run("encode", tmp_path, "-o", tmp_path / "out")
    assert code == 2 and "no transcripts" in err


def test_non_utf8_transcript_names_the_position(tmp_path: Path) -> None:
    source = tmp_path / "legacy.txt"
    source.write_bytes("Caf\u00e9 [North]\n".encode("cp1252"))
    code, _, err = run("encode", source, "-o", tmp_path / "legacy.xml")
    assert code == 1 and "legacy.txt:1:4: error TK000 byte 0xe9" in err and "--encoding" in err
    assert not (tmp_path / "legacy.xml").exists()
    code, _, err = run("encode", source, "-o", tmp_path / "legacy.xml", "--encoding", "cp1252")
    assert code == 0, err


def test_output_that_is_the_input_is_refused(seed: Path) -> None:
    before = seed.read_bytes()
    code, _, err = run("encode", seed, "-o", seed)
    assert code == 1 and "refusing to overwrite the input" in err
    assert seed.read_bytes() == before


def test_a_users_file_is_not_replaced_without_force(seed: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.xml"
    mine.write_text("<my-hand-edited-tei/>", encoding="utf-8")
    code, _, err = run("encode", seed, "-o", mine)
    assert code == 1 and "use --force" in err
    assert mine.read_text(encoding="utf-8") == "<my-hand-edited-tei/>"
    code, _, _ = run("encode", seed, "-o", mine, "--force")
    assert code == 0 and "<TEI" in mine.read_text(encoding="utf-8")


def test_teikit_output_is_regenerated_in_place(seed: Path, tmp_path: Path) -> None:
    target = tmp_path / "seed.xml"
    assert run("encode", seed, "-o", target)[0] == 0
    assert run("encode", seed, "-o", target)[0] == 0


def test_unknown_profile_is_a_configuration_error(seed: Path, tmp_path: Path) -> None:
    code, _, err = run("encode", seed, "-o", tmp_path / "x.xml", "--profile", "nonsense")
    assert code == 2 and "unknown profile 'nonsense'" in err


def test_export_text_transcript_gives_the_seed_back(seed: Path, tmp_path: Path) -> None:
    tei = tmp_path / "seed.xml"
    assert run("encode", seed, "-o", tei)[0] == 0
    code, _, err = run("export", tei, "--to", "text", "--view", "transcript", "-o",
                         tmp_path / "back.txt")
    assert code == 0, err
    assert (tmp_path / "back.txt").read_bytes() == seed.read_bytes()


def test_export_html(seed: Path, tmp_path: Path) -> None:
    tei = tmp_path / "seed.xml"
    assert run("encode", seed, "-o", tei)[0] == 0
    code, _, err = run("export", tei, "--to", "html", "-o", tmp_path / "seed.html")
    assert code == 0, err
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Kim Il Sung" in page


def test_export_refuses_invalid_tei(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>',
                   encoding="utf-8")
    code, _, err = run("export", bad, "--to", "text", "-o", tmp_path / "bad.txt")
    assert code == 1 and "does not validate" in err and "bad.xml:1:" in err
    assert not (tmp_path / "bad.txt").exists()


def test_export_view_must_fit_the_format(seed: Path, tmp_path: Path) -> None:
    code, _, err = run("export", seed, "--to", "text", "--view", "editorial")
    assert code == 2 and "--to text has the views transcript, reading" in err


def test_validate_exit_codes(seed: Path, tmp_path: Path) -> None:
    tei = tmp_path / "seed.xml"
    assert run("encode", seed, "-o", tei)[0] == 0
    assert run("validate", tei)[0] == 0
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    code, out, err = run("validate", tei, bad)
    assert code == 1 and "bad.xml:1:" in out + err
    assert run("validate", tmp_path / "missing.xml")[0] == 2


def test_build_runs_the_whole_pipeline(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(SEED, src / "seed.txt")
    (src / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    (src / "memo.txt").write_text("SUBJECT: Roads\n\nThe [new] road is open.\n",
                                  encoding="utf-8")
    code, _, err = run("build", src, "-o", tmp_path / "out")
    assert code == 1
    assert "3 files: 2 valid, 0 invalid, 1 failed" in err
    assert "broken.txt" in err
    out = tmp_path / "out"
    for suffix in (".xml", ".html", ".transcript.txt", ".reading.txt"):
        assert (out / f"seed{suffix}").is_file()
    assert (out / "seed.transcript.txt").read_bytes() == SEED.read_bytes()


def test_build_refuses_to_write_into_its_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    code, _, err = run("build", tmp_path, "-o", tmp_path)
    assert code == 2 and "must not be the input folder" in err


def test_build_does_not_read_its_own_output_back(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(SEED, src / "seed.txt")
    assert run("build", src, "-o", src / "out")[0] == 0
    code, _, err = run("build", src, "-o", src / "out")
    assert code == 0 and "1 file: 1 valid" in err


def test_python_dash_m_teikit() -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "teikit", "--version"], capture_output=True,
                         text=True, cwd=SAMPLES.parent)
    assert run.returncode == 0 and run.stdout.strip() == f"teikit {teikit.__version__}"


def test_a_bad_profile_file_is_a_configuration_error(seed: Path, tmp_path: Path) -> None:
    profile = tmp_path / "mine.toml"
    profile.write_text('enable = ["no-such-rule"]\n', encoding="utf-8")
    code, _, err = run("encode", seed, "-o", tmp_path / "x.xml", "--profile", profile)
    assert code == 2 and "unknown rule(s) no-such-rule" in err
    assert not (tmp_path / "x.xml").exists()


def test_an_empty_transcript_gives_valid_tei_and_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("encode", empty, "-o", tmp_path / "empty.xml")
    assert code == 0 and "empty.txt:1:1: warning TK001" in err
    assert teikit.is_valid(tmp_path / "empty.xml")
    assert teikit.export(tmp_path / "empty.xml", to="text", view="transcript") == b""


def _path_calls(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    """How many times a command resolves or stats a path (the per-file checks)."""
    calls = 0
    resolve, stat = Path.resolve, Path.stat

    def counted_resolve(self: Path, strict: bool = False) -> Path:
        nonlocal calls
        calls += 1
        return resolve(self, strict)

    def counted_stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        nonlocal calls
        calls += 1
        return stat(self, follow_symlinks=follow_symlinks)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "resolve", counted_resolve)
        patch.setattr(Path, "stat", counted_stat)
        code, _, err = run(*argv)
    assert code == 0, err
    return calls


@pytest.mark.parametrize("command", ["encode", "export", "build"])
def test_batch_checks_cost_the_same_for_every_file(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear batches: path checks per file do not grow with the batch (they were
    quadratic: every output was checked against every input)."""
    per_file = []
    for size in (8, 32):
        src = tmp_path / f"in{size}"
        src.mkdir()
        for number in range(size):
            (src / f"t{number:03}.txt").write_text(f"Report {number}: the [North] talks.\n")
        if command == "export":
            assert run("encode", src, "-o", tmp_path / f"tei{size}")[0] == 0
            argv = ["export", str(tmp_path / f"tei{size}"), "--to", "text", "--no-validate",
                    "-o", str(tmp_path / f"out{size}")]
        else:
            argv = [command, str(src), "-o", str(tmp_path / f"out{size}")]
        per_file.append(_path_calls(monkeypatch, argv) / size)
    assert per_file[1] <= per_file[0] * 1.25, per_file


@pytest.mark.parametrize(("argv", "built"), [
    (["validate", "--help"], ["validate"]),
    (["encode", "--help"], ["encode"]),
    (["--help"], ["encode", "validate", "export", "build"]),
    (["bogus"], ["encode", "validate", "export", "build"]),
])
def test_the_entry_point_reads_the_options_of_the_command_asked_for_only(
        argv: list[str], built: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    import typer.main

    from teikit.cli import main

    read: list[str] = []
    make = typer.main.get_command_from_info

    def reading(command_info: typer.models.CommandInfo, **options: Any) -> Any:
        assert command_info.callback is not None
        read.append(command_info.callback.__name__)
        return make(command_info=command_info, **options)

    monkeypatch.setattr(typer.main, "get_command_from_info", reading)
    monkeypatch.setattr(sys, "argv", ["teikit", *argv])
    with pytest.raises(SystemExit) as exited:
        main()
    assert read == built
    assert exited.value.code == (2 if argv == ["bogus"] else 0)
    shown = capsys.readouterr()
    assert ("Usage: teikit" in shown.out + shown.err) and len(app.registered_commands) == 4
