"""Batch validation: folders, failing closed, worker processes, project settings."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teikit.diagnostics import ConfigError, InputError
from teikit.validator import Config, batch, load_config, validate_paths

DATA = Path(__file__).parent / "data" / "validate"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("good.xml", "bad.xml", "not-well-formed.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("not XML, not picked up")
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "good.xml", tmp_path / "sub" / "again.tei")
    return tmp_path


def test_folder_is_expanded_and_every_file_reported(folder: Path) -> None:
    results = validate_paths([folder], [DATA / "letter.rng"])
    names = [r.path.relative_to(folder).as_posix() for r in results]
    assert names == ["bad.xml", "good.xml", "not-well-formed.xml", "sub/again.tei"]
    assert [r.valid for r in results] == [False, True, False, True]


def test_jobs_give_the_same_results_in_the_same_order(folder: Path) -> None:
    one = validate_paths([folder], [DATA / "letter.rng"])
    two = validate_paths([folder], [DATA / "letter.rng"], jobs=2)
    assert one == two


def test_zero_files_fail_closed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \.xml or \.tei files"):
        validate_paths([tmp_path], [DATA / "letter.rng"])


def test_missing_path_fails_closed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        validate_paths([tmp_path / "absent"], [DATA / "letter.rng"])


def test_bad_schema_fails_before_any_file(folder: Path) -> None:
    with pytest.raises(ConfigError, match="not correct"):
        validate_paths([folder], [DATA / "broken.rng"])


def test_project_settings_choose_the_schemas(folder: Path) -> None:
    shutil.copy(DATA / "letter.rng", folder / "letter.rng")
    (folder / "teikit.toml").write_text('schemas = ["letter.rng"]\n')
    config = load_config(folder)
    assert config.schemas == (folder / "letter.rng",)
    results = validate_paths([folder / "good.xml", folder / "bad.xml"], config=config)
    assert [r.valid for r in results] == [True, False]


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.teikit]\nschemas = ["s.rng"]\nschema-cache = "c"\n')
    assert load_config(tmp_path) == Config((tmp_path / "s.rng",), tmp_path / "c")


def test_bad_settings_are_config_errors(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text("schemas = 3\n")
    with pytest.raises(ConfigError, match="list of paths"):
        load_config(tmp_path)


@given(st.lists(st.integers(0, 40 * 1024 * 1024), max_size=300), st.integers(1, 8))
def test_chunks_take_every_file_once_largest_first_within_bounds(
    sizes: list[int], jobs: int,
) -> None:
    files = [Path(f"f{index}.xml") for index in range(len(sizes))]
    with patch.object(batch, "_size", lambda path: sizes[int(path.stem[1:])]):
        chunks = batch._chunks(files, jobs)
    order = [index for chunk in chunks for index in chunk]
    assert sorted(order) == list(range(len(sizes)))
    assert [sizes[i] for i in order] == sorted(sizes, reverse=True)
    for chunk in chunks:
        assert 1 <= len(chunk) <= batch.CHUNK
        # a chunk only outgrows CHUNK_BYTES by its last (the file that filled it)
        assert sum(sizes[i] for i in chunk[:-1]) < batch.CHUNK_BYTES


def test_results_come_back_in_input_order_whatever_the_chunks(folder: Path) -> None:
    (folder / "big.xml").write_bytes((DATA / "good.xml").read_bytes() + b"<!--" + b"x" * 50000
                                     + b"-->")
    given = [folder / "good.xml", folder / "big.xml", folder / "bad.xml"]
    for jobs in (1, 2):
        results = validate_paths(given, [DATA / "letter.rng"], jobs=jobs)
        assert [r.path for r in results] == given
