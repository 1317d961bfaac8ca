"""``--executor dask``: the per-file work on a ``dask.distributed`` cluster (here a
``LocalCluster`` of two worker processes) gives the same files, messages and verdicts as
the local run. Skipped where the ``teikit[dask]`` extra is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run
from test_executor import batch_folder, files_of

from teikit.validator import validate_paths

from conftest import DATA, SAMPLES, needed_module

distributed = needed_module("distributed", "pip install 'teikit[dask]'")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _runs(command: list[str], tmp_path: Path, scheduler: str) -> list[tuple[object, ...]]:
    found = []
    for name, extra in (("local", ["--jobs", "2"]),
                        ("dask", ["--executor", "dask", "--scheduler", scheduler])):
        out = tmp_path / name
        code, stdout, stderr = run(*command, "-o", out, *extra)
        found.append((code, stdout, stderr.replace(str(out), "OUT"), files_of(out)))
    return found


@pytest.mark.parametrize("command", ["encode", "build"])
def test_dask_gives_the_same_files_and_messages_as_local(
        command: str, tmp_path: Path, scheduler: str) -> None:
    local, dask = _runs([command, str(batch_folder(tmp_path))], tmp_path, scheduler)
    assert local[0] == 1 and "05_broken.txt" in str(local[2])
    assert dask == local


def test_relative_paths_are_read_from_the_callers_folder(
        tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers started elsewhere: ``encode src -o out`` reads ``src`` where it is typed."""
    batch_folder(tmp_path).rename(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    local, dask = _runs(["encode", "src"], Path("."), scheduler)
    assert len(local[3]) > 3 and "no such file" not in str(local[2])  # type: ignore[arg-type]
    assert dask == local


def test_dask_exports_as_local_does(tmp_path: Path, scheduler: str) -> None:
    assert run("encode", SAMPLES, "-o", tmp_path / "tei")[0] == 0
    local, dask = _runs(["export", str(tmp_path / "tei"), "--to", "text"], tmp_path, scheduler)
    assert local[0] == 0 and local[3]
    assert dask == local


def test_an_unreachable_scheduler_is_a_configuration_error(tmp_path: Path) -> None:
    code, _, err = run("encode", SAMPLES, "-o", tmp_path, "--executor", "dask",
                       "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot reach the Dask scheduler" in err


def _verdicts(folder: Path, **how: object) -> list[tuple[str, bool, tuple[str, ...]]]:
    return [(str(r.path), r.valid, tuple(str(d) for d in r.diagnostics))
            for r in validate_paths([folder], **how)]  # type: ignore[arg-type]


def test_validate_on_dask_gives_the_local_verdicts(scheduler: str) -> None:
    from teikit.executor import Dask

    folder = DATA / "encode"
    assert _verdicts(folder, executor=Dask(scheduler)) == _verdicts(folder, jobs=2)


@pytest.mark.shared
def test_the_real_corpus_on_dask_gives_the_local_verdicts(shared: Path, scheduler: str) -> None:
    """Every file of the real TEI corpus, validated on the cluster and locally."""
    from teikit.executor import Dask

    folder = shared / "corpus" / "tei-real"
    local = _verdicts(folder, jobs=2)
    assert len(local) > 100 and any(valid for _, valid, _ in local)
    assert _verdicts(folder, executor=Dask(scheduler)) == local


@pytest.mark.shared
def test_the_development_transcripts_encode_alike_on_dask(
        shared: Path, tmp_path: Path, scheduler: str) -> None:
    folder = shared / "corpus" / "transcripts-dev" / "transcripts"
    local, dask = _runs(["encode", str(folder)], tmp_path, scheduler)
    assert len(local[3]) > 40  # type: ignore[arg-type]
    assert dask == local
