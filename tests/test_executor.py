"""Where the per-file work runs (``--jobs``, ``--executor``): results and messages come back
in input order and are the same, byte for byte, whatever the executor."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run

import teikit
from teikit.diagnostics import ConfigError
from teikit.executor import CHUNK, InProcess, Processes, can_fork, chunks, executor

from conftest import DATA, SAMPLES

forking = pytest.mark.skipif(not can_fork(), reason="processes cannot be forked here")


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=16))
def test_chunks_keep_every_item_in_order(count: int, workers: int) -> None:
    items = list(range(count))
    parts = chunks(items, workers)
    assert [item for part in parts for item in part] == items
    assert all(0 < len(part) <= CHUNK for part in parts)


def _tagged(job: str, item: int) -> tuple[str, int, int]:
    return job, item, os.getpid()


@forking
def test_processes_return_results_in_input_order_from_other_processes() -> None:
    found = list(Processes(2).map(_tagged, "job", list(range(200))))
    assert [(job, item) for job, item, _ in found] == [("job", n) for n in range(200)]
    assert {pid for _, _, pid in found} - {os.getpid()}, "no worker process was used"


def test_one_job_runs_in_this_process() -> None:
    assert isinstance(executor(1), InProcess)
    assert [pid for _, _, pid in Processes(1).map(_tagged, "", [1, 2])] == [os.getpid()] * 2


@pytest.mark.parametrize(("args", "message"), [
    ((1, "dask", None), "needs --scheduler"),
    ((1, "local", "tcp://127.0.0.1:1"), "--scheduler is for --executor dask"),
    ((1, "spark", None), "unknown executor"),
])
def test_executor_choices_that_cannot_work_are_configuration_errors(
        args: tuple[int, str, str | None], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        executor(*args)


def test_the_cli_refuses_dask_without_a_scheduler(tmp_path: Path) -> None:
    code, _, err = run("encode", SAMPLES, "-o", tmp_path, "--executor", "dask")
    assert code == 2 and "--scheduler" in err


def batch_folder(tmp_path: Path) -> Path:
    """Transcripts of every kind, with an undecodable one among them."""
    src = tmp_path / "in"
    src.mkdir()
    cases = sorted((DATA / "roles").glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    for number, case in enumerate(cases):
        shutil.copyfile(case, src / f"{number:02}_{case.name}")
    (src / "05_broken.txt").write_bytes(b"caf\xe9 au lait\n")
    return src


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@forking
@pytest.mark.parametrize("command", ["encode", "build"])
def test_jobs_give_the_same_files_and_messages_in_the_same_order(
        command: str, tmp_path: Path) -> None:
    src = batch_folder(tmp_path)
    found = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code, stdout, stderr = run(command, src, "-o", out, "--jobs", jobs)
        found.append((code, stdout, stderr.replace(str(out), "OUT"), files_of(out)))
    assert found[0][0] == found[1][0] == 1  # the broken transcript fails
    assert "05_broken.txt" in found[0][2]
    assert found[0] == found[1]


@forking
def test_export_with_jobs_gives_the_same_files_and_messages(tmp_path: Path) -> None:
    src = batch_folder(tmp_path)
    assert run("encode", src, "-o", tmp_path / "tei")[0] == 1
    (tmp_path / "tei" / "03_bad.xml").write_bytes(b"<TEI><unclosed></TEI>")
    found = []
    for jobs in ("1", "0"):
        out = tmp_path / f"html{jobs}"
        code, stdout, stderr = run("export", tmp_path / "tei", "--to", "html", "-o", out,
                                   "-j", jobs)
        found.append((code, stdout, stderr.replace(str(out), "OUT"), files_of(out)))
    assert found[0][0] == 1 and "03_bad.xml" in found[0][2]
    assert found[0] == found[1]


@forking
def test_outcomes_stream_back_in_input_order(tmp_path: Path) -> None:
    src = batch_folder(tmp_path)
    plan = teikit.plan([src], (".txt",), "transcripts", tmp_path / "out")
    outcomes = teikit.encode_files(plan, teikit.EncodeOptions(), executor(2))
    assert [o.source for o in outcomes] == [s.path for s in plan.sources]
