"""Where the per-file work of a batch runs: in this process, in worker processes, or on a
Dask cluster.

The work of ``encode``, ``export``, ``build`` and ``validate`` on one file is a function of
the file's path and of the run's settings (a picklable *job*); what it returns comes back
to the calling process, which writes every output and prints every message. So an
executor only has to run ``work(job, item)`` somewhere and hand the results back **in
input order**, each as soon as it and all before it are done.

* :class:`InProcess` runs the items one after the other (``--jobs 1``).
* :class:`Processes` forks worker processes (``--jobs N``): the job is inherited, not
  sent; items go in chunks, so that a thousand small files cost a few dozen messages.
* :class:`Dask` sends chunks to the workers of a ``dask.distributed`` scheduler
  (``--executor dask --scheduler ADDRESS``; the ``teikit[dask]`` extra). The workers must
  see the input files at the same paths (a shared file system); outputs are written here.
  Paths are read from the calling process's working folder, as they are locally.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from teikit.diagnostics import ConfigError

J = TypeVar("J")
T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")
CHUNK = 32
"""Most items a worker is given at once."""
SPREAD = 4
"""Chunks per worker at least, so that workers given slow files do not hold up the end."""


class Executor(Protocol):
    """Runs ``work(job, item)`` for every item; the results in input order."""

    def map(self, work: Callable[[J, T], R], job: J, items: Sequence[T]) -> Iterator[R]: ...


def chunks(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    """``items`` cut into runs of at most :data:`CHUNK`, at least :data:`SPREAD` for each
    worker when there are enough items."""
    size = max(1, min(CHUNK, len(items) // (workers * SPREAD)))
    return [items[start : start + size] for start in range(0, len(items), size)]


def run_chunk(work: Callable[[J, T], R], job: J, chunk: Sequence[T]) -> list[R]:
    """What a worker does with one chunk."""
    return [work(job, item) for item in chunk]


_FOLDER = threading.Lock()
"""Held while a remote chunk runs in the working folder of the process that sent it."""


def run_chunk_in(folder: str, work: Callable[[J, T], R], job: J, chunk: Sequence[T]) -> list[R]:
    """:func:`run_chunk` in ``folder`` (the caller's working folder: the paths of a batch
    may be relative to it), where the worker has that folder. The work holds the GIL
    anyway, so one chunk at a time per worker process costs nothing."""
    with _FOLDER:
        if os.path.isdir(folder) and os.getcwd() != folder:
            os.chdir(folder)
        return run_chunk(work, job, chunk)


@dataclass(frozen=True)
class InProcess:
    """One item after the other, in this process."""

    def map(self, work: Callable[[J, T], R], job: J, items: Sequence[T]) -> Iterator[R]:
        return (work(job, item) for item in items)


_FORKED: tuple[Callable[[Any, Any], Any], Any] | None = None
"""The work and job of the current :class:`Processes` run, inherited by its workers."""


def _forked_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _FORKED is not None
    return run_chunk(_FORKED[0], _FORKED[1], chunk)


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class Processes:
    """``jobs`` forked worker processes (one per CPU for 0); in this process when one
    would do, or where processes cannot be forked."""

    jobs: int

    @property
    def workers(self) -> int:
        return self.jobs or os.cpu_count() or 1

    def map(self, work: Callable[[J, T], R], job: J, items: Sequence[T]) -> Iterator[R]:
        if self.workers == 1 or len(items) <= 1 or not can_fork():
            yield from InProcess().map(work, job, items)
            return
        import multiprocessing

        global _FORKED
        parts = chunks(items, self.workers)
        previous, _FORKED = _FORKED, (work, job)
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(min(self.workers, len(parts))) as pool:
                for done in pool.imap(_forked_chunk, parts):
                    yield from done
        finally:
            _FORKED = previous


@dataclass(frozen=True)
class Dask:
    """The workers of the ``dask.distributed`` scheduler at ``scheduler``
    (``tcp://host:8786``), at most ``window`` chunks in flight."""

    scheduler: str
    window: int = 64

    def map(self, work: Callable[[J, T], R], job: J, items: Sequence[T]) -> Iterator[R]:
        client, folder = _client(self.scheduler), os.getcwd()
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            pending: deque[Any] = deque()
            for part in chunks(items, workers):
                pending.append(client.submit(run_chunk_in, folder, work, job, part, pure=False))
                if len(pending) >= self.window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            client.close()


def _client(scheduler: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError("--executor dask needs Dask: pip install 'teikit[dask]'") from None
    connect: Callable[..., Any] = Client  # untyped
    try:
        return connect(scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None


def executor(jobs: int = 1, kind: str = "local", scheduler: str | None = None) -> Executor:
    """The executor a command's ``--jobs``, ``--executor`` and ``--scheduler`` ask for."""
    if kind not in EXECUTORS:
        raise ConfigError(f"unknown executor {kind!r} (known: {', '.join(EXECUTORS)})")
    if kind == "dask":
        if not scheduler:
            raise ConfigError("--executor dask needs --scheduler ADDRESS (tcp://host:8786)")
        return Dask(scheduler)
    if scheduler:
        raise ConfigError("--scheduler is for --executor dask")
    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
    return InProcess() if jobs == 1 else Processes(jobs)
