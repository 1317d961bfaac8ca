"""Validating many files: folders expanded, every file reported, worker processes.

Fails closed: a path that does not exist or a run that matches no file raises
:class:`~teikit.diagnostics.InputError`; an unusable schema raises ``ConfigError`` before
any file is read. A bad file never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from teikit.diagnostics import ConfigError, Diagnostic, InputError, Severity, has_errors
from teikit.executor import Executor
from teikit.files import expand_inputs
from teikit.validator.choice import SchemaChoice, choose, configured_schemas
from teikit.validator.config import Config, load_config
from teikit.validator.document import Document, load_document
from teikit.validator.engine import Options, backends, check_document, checks_pointers
from teikit.validator.proven import BatchVocabulary
from teikit.validator.schemas import Schema, load_schema
from teikit.validator.stream import STREAM_ABOVE, read_head
from teikit.validator.vocabulary import Vocabulary

SUFFIXES: Final = (".xml", ".tei")
CHUNK: Final = 128
"""Files loaded together: their joint vocabulary gets one pruned grammar."""
CHUNK_BYTES: Final = 16 * 1024 * 1024
CHUNK_MIN_BYTES: Final = 1024 * 1024
"""Each chunk costs a pruned grammar (a few tens of milliseconds when not cached)."""
SHARES: Final = 4
"""A chunk holds about 1/SHARES of a worker's share of the work left."""


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file."""

    path: Path
    diagnostics: tuple[Diagnostic, ...] = ()
    choice: SchemaChoice | None = field(default=None, compare=False)
    """The schemas the file was checked against, and why (None when it could not be read)."""
    schema_errors: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """Why a schema chosen for the file cannot be used (located in the schema): the file
    was not checked, and the run is a configuration error."""

    @property
    def schemas(self) -> tuple[Path, ...]:
        """The files of the schemas it was checked against."""
        return tuple(s.source or s.path for s in self.choice.schemas) if self.choice else ()

    @property
    def valid(self) -> bool:
        return not has_errors(self.diagnostics) and not self.schema_errors


@dataclass(frozen=True)
class _Job:
    schemas: tuple[Schema, ...]
    config: Config
    options: Options


def _load(path: Path, job: _Job) -> tuple[Document | None, list[Diagnostic]]:
    return load_document(path, str(path), xinclude_roots=job.options.xinclude_roots)


def _streamed(path: Path, job: _Job) -> FileResult | None:
    """A large file checked against the grammars and rules given, read as a stream
    (never whole: :mod:`teikit.validator.stream`,
    :mod:`teikit.validator.schematron.parts`), its pointers too when they are checked
    (:mod:`teikit.validator.pointers.stream`): found valid, or with what is wrong found
    part by part (the grammars' faults, :mod:`teikit.validator.streamfaults`, with the
    repeated ``xml:id`` s and the pointers that lead nowhere; the rules' problems) and
    reported as the check of the whole tree reports it; None when it must be checked
    the usual way."""
    if _size(path) < STREAM_ABOVE:
        return None
    from teikit.validator.pointers.stream import all_resolve
    from teikit.validator.relaxng import RelaxNGBackend
    from teikit.validator.schematron import SchematronBackend
    from teikit.validator.schematron.alongside import Alongside
    from teikit.validator.schematron.parts import findings_in_parts
    from teikit.validator.streamfaults import checked_in_parts
    from teikit.validator.streamids import Ledger

    try:
        choice = SchemaChoice(job.schemas, "given") if job.schemas else _chosen(path, job)
        if choice is None or not choice.schemas:
            return None
        pointers = checks_pointers(choice.schemas, job.options)
        found = [backend for schema in choice.schemas
                 for backend in backends(schema, job.options)]
    except ConfigError:
        return None  # the usual reading reports it
    grammars = [backend for backend in found if isinstance(backend, RelaxNGBackend)]
    plans = [backend.parts for backend in found if isinstance(backend, SchematronBackend)]
    if len(grammars) + len(plans) < len(found) or None in plans:
        return None  # a schema that needs the tree
    gather = {path: query for plan in plans if plan is not None
              for path, query in plan.gather.items()}
    ledger = Ledger(gather, pointers=pointers, note_repeats=True)
    if (gather or pointers) and not grammars:
        return None  # the whole document is read for them as its grammar is checked
    riding = next((b for b in found if isinstance(b, SchematronBackend)
                   and Alongside.usable(b.parts)), None)
    rider = None if riding is None or riding.parts is None or not grammars else Alongside(
        path, riding.parts, str(path))
    reports: dict[int, list[Diagnostic]] = {}
    try:
        for grammar in grammars:
            shown = checked_in_parts(path, grammar, ledger, rider)
            if shown is None:
                return None  # checked the usual way, which says why
            reports[id(grammar)] = shown
            if rider is not None and rider.findings is not None and riding is not None:
                reports[id(riding)] = rider.findings  # read with the grammar
    finally:
        if rider is not None:
            rider.stop()
    if ledger.headers > 1 and not job.schemas:
        return None  # chosen from the first header: the second may choose otherwise
    for backend in found:
        if (isinstance(backend, SchematronBackend) and backend.parts is not None
                and id(backend) not in reports):
            said = findings_in_parts(path, backend.parts, ledger.gathered(), str(path))
            if said is None:
                return None  # checked the usual way, which says why
            reports[id(backend)] = said
    if pointers and ledger.dangling is None and not all_resolve(ledger):
        return None
    found_all = [d for backend in found for d in reports.get(id(backend), ())]
    found_all.extend(ledger.dangling or ())
    errors = {(d.file, d.line) for d in found_all if d.code == "duplicate-id"}
    warned = [d for d in ledger.warnings if (d.file, d.line) not in errors]
    return FileResult(path, (*warned, *found_all), choice)


def shown_valid_as_stream(path: Path, schemas: Sequence[Schema | str | Path] | None = None,
                          *, options: Options | None = None) -> bool:
    """Whether the file at ``path`` is shown valid, against ``schemas`` or those chosen for
    it as :func:`validate_paths` chooses them, with nothing to report, without being read
    whole (only a file of :data:`~teikit.validator.stream.STREAM_ABOVE` bytes or more can
    be). False says only that it must be checked the usual way
    (:func:`~teikit.validator.iter_diagnostics`), which then says why, or finds it valid."""
    if _size(path) < STREAM_ABOVE:
        return False
    try:
        config = load_config(path.parent)
        given = tuple(s if isinstance(s, Schema) else load_schema(s) for s in schemas or ())
    except ConfigError:
        return False  # the usual way reports it
    options = options or Options()
    roots = {path.resolve().parent, *options.xinclude_roots, *config.xinclude_roots}
    job = _Job(given, config, replace(options, xinclude_roots=tuple(sorted(roots))))
    found = _streamed(path, job)
    return found is not None and not found.diagnostics


def _chosen(path: Path, job: _Job) -> SchemaChoice | None:
    """The schemas chosen for the document at ``path`` (:func:`choose`), from what comes
    before its root's second child: the ``xml-model`` declarations and the TEI header that
    names its writer. None when that cannot be read, or the declarations have problems
    (the usual reading reports them). A document the rest of which would change the choice
    (a second teiHeader) is not valid against the schema chosen, so it is checked the
    usual way."""
    head = read_head(path)
    if head is None:
        return None
    choice = choose(Document(head, str(path), path.resolve().parent), None, job.config)
    return None if choice.problems else choice


def _check_chunk(paths: Sequence[Path], job: _Job) -> list[FileResult]:
    streamed = {path: found for path in paths if (found := _streamed(path, job)) is not None}
    checked = {result.path: result for result in _check_loaded(
        [path for path in paths if path not in streamed], job)}
    return [streamed.get(path) or checked[path] for path in paths]


def _reads_names(schemas: Sequence[Schema], options: Options) -> bool:
    """Whether the check against ``schemas`` reads a document's vocabulary anyway (a
    Schematron run does, to pick the rules that can fire)."""
    from teikit.validator.schematron import SchematronBackend

    return any(isinstance(backend, SchematronBackend)
               for schema in schemas for backend in backends(schema, options))


def _check_loaded(paths: Sequence[Path], job: _Job) -> list[FileResult]:
    loaded = [(path, *_load(path, job)) for path in paths]
    documents = [document for _, document, _ in loaded if document]
    batch = BatchVocabulary(paths, job.options.xinclude_roots)  # see :mod:`proven`
    vocabulary = batch.vocabulary or Vocabulary.union(d.names() for d in documents)
    prepared: set[Schema] = set()
    results = []
    for index, (path, document, problems) in enumerate(loaded):
        choice: SchemaChoice | None = None
        unusable: tuple[Diagnostic, ...] = ()
        if document is not None:
            try:
                choice = choose(document, job.schemas, job.config)
                problems = problems + list(choice.problems)
                for schema in set(choice.schemas) - prepared:  # one pruned grammar a chunk
                    for backend in backends(schema, job.options):
                        backend.prepare(vocabulary)
                    prepared.add(schema)
                if not _reads_names(choice.schemas, job.options):
                    document.likely_names = batch.likely(index)  # may be proven valid
                problems = problems + check_document(document, choice.schemas, job.options)
            except ConfigError as exc:
                unusable = exc.diagnostics or (Diagnostic(
                    str(path), 0, 0, Severity.ERROR, "schema", str(exc)),)
        results.append(FileResult(path, tuple(problems), choice, unusable))
    batch.done(documents, vocabulary, [i for i, r in enumerate(results) if not r.valid])
    return results


def checked_against(results: Iterable[FileResult]) -> list[tuple[str, int]]:
    """Each set of schemas the files were checked against (with why it was chosen), and
    how many files it checked, the most used first."""
    labels: dict[tuple[tuple[Schema, ...], str], str] = {}  # a label resolves paths
    counts: dict[str, int] = {}
    for result in results:
        if result.choice is not None:
            key = (result.choice.schemas, result.choice.reason)
            label = labels.get(key) or labels.setdefault(key, result.choice.label)
            counts[label] = counts.get(label, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when it is loaded


def _chunks(files: list[Path], jobs: int) -> list[list[int]]:
    """The files (as indexes) in the order to check them: largest first, in chunks that
    shrink as the work left does (see SHARES), so that the workers finish together, down to
    CHUNK_MIN_BYTES; never more than CHUNK files or CHUNK_BYTES (what a worker holds in
    memory at once)."""
    sizes = [_size(path) for path in files]
    left = sum(sizes)
    chunks: list[list[int]] = [[]]
    held = 0
    for index in sorted(range(len(files)), key=lambda i: -sizes[i]):
        chunks[-1].append(index)
        held += sizes[index]
        target = min(CHUNK_BYTES, max(CHUNK_MIN_BYTES, left // (jobs * SHARES)))
        if held >= target or len(chunks[-1]) == CHUNK:
            chunks.append([])
            left -= held
            held = 0
    return [chunk for chunk in chunks if chunk]


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _check_job_chunk(job: _Job, paths: Sequence[Path]) -> list[FileResult]:
    return _check_chunk(paths, job)


_JOB: _Job | None = None


def _work(paths: list[Path]) -> list[FileResult]:
    assert _JOB is not None
    return _check_chunk(paths, _JOB)


def validate_paths(
    paths: Iterable[str | Path],
    schemas: Sequence[Schema | str | Path] | None = None,
    *,
    jobs: int = 1,
    config: Config | None = None,
    options: Options | None = None,
    progress: Callable[[int, int], None] | None = None,
    executor: Executor | None = None,
) -> list[FileResult]:
    """Validate every ``.xml``/``.tei`` file named or inside the named folders.

    ``jobs`` > 1 uses that many worker processes (forked after the schemas are compiled);
    ``jobs`` = 0 means one per CPU. Results come back in input order. Without ``config``,
    the settings of the project the first file belongs to apply. XInclude may read from
    the named folders (and a named file's folder) besides each document's own.
    ``progress(checked, total)`` is called as files are checked (a chunk at a time).
    ``executor`` (a Dask cluster, see :mod:`teikit.executor`) runs the chunks instead.
    """
    given = [Path(p) for p in paths]
    files = list(expand_inputs(given, SUFFIXES))
    if not files:
        named = ", ".join(map(str, given)) or "(nothing)"
        raise InputError(f"no .xml or .tei files found in {named}")
    if config is None:  # the project the (first) input belongs to
        config = load_config(files[0].parent)
    explicit = [s if isinstance(s, Schema) else load_schema(s) for s in schemas or ()]
    chosen = explicit or configured_schemas(config)
    options = options or Options()
    roots = {*(p.resolve() if p.is_dir() else p.resolve().parent for p in given),
             *options.xinclude_roots, *config.xinclude_roots}
    options = replace(options, xinclude_roots=tuple(sorted(roots)))
    for schema in chosen:  # compile before forking (and fail before reading any file)
        backends(schema, options)
    job = _Job(tuple(explicit), config, options)
    jobs = jobs or os.cpu_count() or 1
    chunks = _chunks(files, jobs)
    work = [[files[index] for index in chunk] for chunk in chunks]
    tell = progress or (lambda checked, total: None)
    tell(0, len(files))
    done: list[list[FileResult]] = []
    if executor is not None:
        for checked in executor.map(_check_job_chunk, job, work):
            done.append(checked)
            tell(sum(map(len, done)), len(files))
    elif jobs == 1 or len(chunks) == 1 or not _can_fork():
        for paths in work:
            done.append(_check_chunk(paths, job))
            tell(sum(map(len, done)), len(files))
    else:
        import multiprocessing  # only workers need it

        global _JOB
        _JOB = job
        try:
            with multiprocessing.get_context("fork").Pool(min(jobs, len(chunks))) as pool:
                for checked in pool.imap(_work, work):
                    done.append(checked)
                    tell(sum(map(len, done)), len(files))
        finally:
            _JOB = None
    results: list[FileResult | None] = [None] * len(files)
    for chunk, checked in zip(chunks, done, strict=True):
        for index, result in zip(chunk, checked, strict=True):
            results[index] = result
    return [result for result in results if result is not None]
