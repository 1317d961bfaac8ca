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
from teikit.outcome import Outcome, guarded
from teikit.outputs import Plan, Source
from teikit.tei import with_depth_room

if TYPE_CHECKING:
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


def _deliver(outcome: Outcome, plan: Plan, source: Source, suffix: str, data: bytes) -> None:
    """Keep ``data`` for stdout, or write it where the plan says."""
    if plan.to_stdout:
        outcome.data = data
        return
    target = plan.target(source, suffix)
    plan.write(target, data)
    outcome.outputs.append(target)


def encode_files(plan: Plan, options: EncodeOptions) -> Iterator[Outcome]:
    """Encode every transcript of ``plan`` as TEI (``.xml``)."""
    from teikit.encoder import encode_file
    from teikit.encoder.profiles import DEFAULT, get, resolve, with_options

    chosen = resolve(options.profile, None) if options.profile else None
    lang = {"lang": options.lang} if options.lang else {}
    with_options(chosen or get(DEFAULT), "--lang", **lang)  # a bad tag stops the run at once
    for source in plan.sources:
        def work(outcome: Outcome, source: Source = source) -> None:
            found = chosen or resolve(None, source.path.parent)
            profile = with_options(found, "--lang", **lang) if lang else found
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
                _deliver(outcome, plan, source, ".xml", result.to_bytes())

        yield guarded(source.path, work)


def export_files(plan: Plan, options: ExportOptions) -> Iterator[Outcome]:
    """Export every TEI file of ``plan`` as :func:`teikit.exporter.export_file` does for
    one (validated first unless ``options`` say not)."""
    from teikit.exporter import SUFFIXES, check_view, export_file

    suffix = SUFFIXES[(options.to, check_view(options.to, options.view))]
    for source in plan.sources:
        def work(outcome: Outcome, source: Source = source) -> None:
            result = with_depth_room(partial(export_file, source.path, options))
            outcome.diagnostics.extend(result.diagnostics)
            outcome.unruled.update(result.unruled)
            if result.data is None:
                outcome.fail("invalid")
                return
            _deliver(outcome, plan, source, suffix, result.data)

        yield guarded(source.path, work)
