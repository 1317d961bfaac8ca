"""Files checked again unchanged: the valid ones are proven so against the grammar pruned
strictly to their batch's vocabulary from the last run, without reading their own; and no
verdict or diagnostic ever depends on what the cache holds."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from teikit.validator import FileResult, Options, validate_paths
from teikit.validator import document as document_module
from teikit.validator.choice import TEI_ALL
from teikit.validator.proven import KIND
from teikit.validator.vocabulary import Vocabulary

TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
       "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
       "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>{body}</body>"
       "</text></TEI>")
PLAIN = "<p>aaaaaaaaaa</p><p>bbbbbbbbbbb</p>"
HIGHLIGHTED = "<p><hi>a</hi></p><p>bbbbbbbbbbb</p>"  # same size, a name the batch lacked
UNKNOWN = "<p><xx>a</xx></p><p>bbbbbbbbbbb</p>"  # same size, an element TEI does not have
WRONG = "<p>aaaaaaaaaa</p><lg>bbbbbbbbbbb</lg>"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TEIKIT_CACHE", raising=False)
    return tmp_path / "cache" / "teikit" / KIND


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose vocabulary is read by walking their elements."""
    walked: list[str] = []
    read: Callable[[etree._ElementTree], Vocabulary] = document_module.vocabulary_of

    def counting(tree: etree._ElementTree) -> Vocabulary:
        walked.append(str(tree.docinfo.URL))
        return read(tree)

    monkeypatch.setattr(document_module, "vocabulary_of", counting)
    return walked


def _files(folder: Path, bodies: dict[str, str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name, body in bodies.items():
        (folder / name).write_text(TEI.format(body=body), encoding="utf-8")
    return [folder / name for name in bodies]


def _rewrite_behind_the_cache(path: Path, body: str) -> None:
    """New content of the same size, with the old modification time."""
    before = path.stat()
    path.write_text(TEI.format(body=body), encoding="utf-8")
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _check(files: list[Path]) -> list[FileResult]:
    # the grammar alone (the embedded rules read every vocabulary for themselves)
    return validate_paths(files, [TEI_ALL], options=Options(embedded=False))


def test_a_second_run_reads_the_vocabulary_of_the_invalid_files_only(
        tmp_path: Path, cache: Path, walks: list[str]) -> None:
    files = _files(tmp_path / "tei", {"one.xml": PLAIN, "two.xml": PLAIN, "bad.xml": WRONG})
    first = _check(files)
    assert len(walks) == 3 and len(list(cache.glob("*.bin"))) == 1
    walks.clear()
    second = _check(files)
    assert second == first
    assert [r.valid for r in second] == [True, True, False]
    assert walks == [str(files[2])]


@pytest.mark.parametrize("body", [HIGHLIGHTED, UNKNOWN])
def test_a_file_changed_behind_the_cache_gets_the_verdict_of_a_fresh_run(
        tmp_path: Path, cache: Path, walks: list[str], body: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "tei", {"one.xml": PLAIN, "two.xml": PLAIN})
    _check(files)
    _rewrite_behind_the_cache(files[0], body)
    walks.clear()
    again = _check(files)
    assert walks == [str(files[0])]  # the other one is still proven valid unread
    assert list(cache.glob("*.bin")) == []  # what the cache held was wrong: forgotten
    monkeypatch.setenv("TEIKIT_CACHE", "off")
    assert again == _check(files)
    assert again[0].valid is (body == HIGHLIGHTED)


def test_without_the_cache_every_vocabulary_is_read(
        tmp_path: Path, cache: Path, walks: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", "off")
    files = _files(tmp_path / "tei", {"one.xml": PLAIN, "two.xml": PLAIN})
    _check(files)
    _check(files)
    assert len(walks) == 4 and not cache.exists()
