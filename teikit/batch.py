"""``encode`` and ``export`` over many files, with the policies every caller gets: export
validates first (:func:`teikit.exporter.export_file`), outputs replace only what teikit wrote
(:mod:`teikit.outputs`), and one bad file never stops the others.

Each file gives an :class:`~teikit.outcome.Outcome`: its status (``valid``, ``invalid``,
``refused`` or ``failed``), its diagnostics, and what was written. A configuration error
(a profile or schema that cannot be used) stops the run: it would fail every file alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from teikit.diagnostics import Severity, has_errors
from teikit.executor import Executor, InProcess
from teikit.outcome import Outcome, guarded
from teikit.outputs import Plan, Source
from teikit.tei import with_depth_room

if TYPE_CHECKING:
    from teikit.encoder.profiles import Profile
    from teikit.exporter import ExportOptions


@dataclass(frozen=True)
class EncodeOptions:
    """How ``teikit encode`` reads transcripts."""

    profile: str | None = None
    layout: str | None = None
    encoding: str = "utf-8"
    strict: bool = False
    """Warnings count as failures."""
    lang: str | None = None
    """The transcripts' language (a tag such as ``en``), over the profile's and detection."""
    explain: bool = False
    """Each file's lines with their roles and evidence go to stdout (``--explain``)."""
    write: bool = True
    """Write the TEI (``--explain`` alone only explains)."""


Write = tuple[str, bytes, int]
"""One output a worker made: its suffix, its bytes, and how many diagnostics the file had
when it was made (a write refused here ends the file's story at that point, as it would
have in a single process)."""


def _deliver(outcome: Outcome, plan: Plan, source: Source, suffix: str, data: bytes) -> None:
    """Keep ``data`` for stdout, or write it where the plan says."""
    if plan.to_stdout:
        outcome.data = data
        return
    target = plan.target(source, suffix)
    plan.write(target, data)
    outcome.outputs.append(target)


def deliver(outcome: Outcome, plan: Plan, source: Source, writes: list[Write]) -> Outcome:
    """Write what a worker made for ``source``, in this process (where the plan and its
    record of written files live); the first refused or failed write ends the file."""
    for suffix, data, known in writes:
        done = guarded(source.path, partial(_deliver, plan=plan, source=source,
                                            suffix=suffix, data=data))
        outcome.outputs.extend(done.outputs)
        if done.data is not None:
            outcome.data = done.data
        if done.status != "valid":
            del outcome.diagnostics[known:]  # what the worker found later never happened
            outcome.diagnostics.extend(done.diagnostics)
            outcome.fail(done.status, done.exit_code)
            break
    return outcome


def made(outcome: Outcome, suffix: str, data: bytes) -> Write:
    """An output to write, made when ``outcome`` is as it is now."""
    return suffix, data, len(outcome.diagnostics)


@dataclass(frozen=True)
class _EncodeJob:
    options: EncodeOptions
    chosen: Profile | None
    """The profile named by ``--profile`` (None: the one configured beside each file)."""


def encode_one(job: _EncodeJob, source: Source) -> tuple[Outcome, list[Write]]:
    """Encode one transcript: its outcome, and the TEI to write (``.xml``)."""
    from teikit.encoder import encode_file
    from teikit.encoder.profiles import resolve, with_options

    options, writes = job.options, list[Write]()

    def work(outcome: Outcome) -> None:
        found = job.chosen or resolve(None, source.path.parent)
        profile = with_options(found, "--lang", lang=options.lang) if options.lang else found
        result = encode_file(source.path, profile=profile, layout=options.layout,
                             encoding=options.encoding)
        outcome.diagnostics.extend(result.diagnostics)
        warned = any(d.severity >= Severity.WARNING for d in result.diagnostics)
        if has_errors(result.diagnostics) or (options.strict and warned):
            outcome.fail("invalid")
        if options.explain:
            from teikit.encoder.explain import explain

            outcome.data = explain(result.explained, result.layout).encode("utf-8")
        if options.write:
            writes.append(made(outcome, ".xml", result.to_bytes()))

    return guarded(source.path, work), writes


def encode_files(plan: Plan, options: EncodeOptions,
                 executor: Executor | None = None) -> Iterator[Outcome]:
    """Encode every transcript of ``plan`` as TEI (``.xml``), on ``executor`` (default:
    in this process); outcomes in input order."""
    from teikit.encoder.profiles import DEFAULT, get, resolve, with_options

    chosen = resolve(options.profile, None) if options.profile else None
    lang = {"lang": options.lang} if options.lang else {}
    with_options(chosen or get(DEFAULT), "--lang", **lang)  # a bad tag stops the run at once
    done = (executor or InProcess()).map(encode_one, _EncodeJob(options, chosen), plan.sources)
    for source, (outcome, writes) in zip(plan.sources, done, strict=True):
        yield deliver(outcome, plan, source, writes)


@dataclass(frozen=True)
class _ExportJob:
    options: ExportOptions
    suffix: str


def export_one(job: _ExportJob, source: Source) -> tuple[Outcome, list[Write]]:
    """Export one TEI file as :func:`teikit.exporter.export_file` does: its outcome and the
    output to write."""
    from teikit.exporter import export_file

    writes: list[Write] = []

    def work(outcome: Outcome) -> None:
        result = with_depth_room(partial(export_file, source.path, job.options))
        outcome.diagnostics.extend(result.diagnostics)
        outcome.unruled.update(result.unruled)
        if result.data is None:
            outcome.fail("invalid")
            return
        writes.append(made(outcome, job.suffix, result.data))

    return guarded(source.path, work), writes


def export_files(plan: Plan, options: ExportOptions,
                 executor: Executor | None = None) -> Iterator[Outcome]:
    """Export every TEI file of ``plan`` as :func:`teikit.exporter.export_file` does for
    one (validated first unless ``options`` say not), on ``executor``; outcomes in input
    order."""
    from teikit.exporter import SUFFIXES, check_view

    job = _ExportJob(options, SUFFIXES[(options.to, check_view(options.to, options.view))])
    done = (executor or InProcess()).map(export_one, job, plan.sources)
    for source, (outcome, writes) in zip(plan.sources, done, strict=True):
        yield deliver(outcome, plan, source, writes)
