"""The policy of ``teikit export`` for one file, as a library function.

1. Validate first, unless ``ExportOptions.validate`` is off (then no validation work at
   all). The schemas are the ones given, else the validator's own choice for the document
   (:func:`teikit.validator.iter_diagnostics` with no schemas: the document's
   ``xml-model``, the project's settings, then teikit's schema for TEI that teikit wrote
   and the official ``tei_all`` for any other).
   A document with errors is refused (``TK510``).
2. Load it safely (no DTD, no network; XInclude only from trusted folders); a file that is
   not well-formed XML gives one located error, but for one that names entities no DTD
   here declares: read with them rewritten (:mod:`teikit.exporter.entities`), a warning.
3. Report what the page works around (:mod:`teikit.exporter.problems`) and render it.

Nothing here raises for a bad document: every outcome is an :class:`ExportResult`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.diagnostics import ConfigError, Diagnostic, Severity, has_errors
from teikit.exporter.entities import with_characters
from teikit.exporter.formats import check_view, render
from teikit.exporter.options import ExportOptions, OverrideError, Rendered
from teikit.exporter.problems import inspect, problem
from teikit.tei import with_depth_room

if TYPE_CHECKING:
    from teikit.exporter.html.survey import Survey


@dataclass
class ExportResult:
    """What exporting one file gave: the bytes (``None`` when it was not exported), every
    diagnostic, and the elements rendered without a rule of their own."""

    source: Path
    data: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unruled: Counter[str] = field(default_factory=Counter)

    @property
    def exported(self) -> bool:
        return self.data is not None


def validation_problems(source: Path, options: ExportOptions) -> list[Diagnostic]:
    """The validator's verdict on ``source`` (its own schema choice unless schemas are
    given); a large file is shown valid as a stream when it can be, never read whole."""
    from teikit.validator import Options, iter_diagnostics
    from teikit.validator.batch import shown_valid_as_stream

    schemas = list(options.schemas) or None
    checking = Options(xinclude_roots=options.xinclude_roots)
    if shown_valid_as_stream(source, schemas, options=checking):
        return []
    return list(iter_diagnostics(source, schemas, options=checking))


def checked_against(source: Path, options: ExportOptions) -> str:
    """The schemas the validator chose for ``source``, and why (for a refusal message)."""
    from teikit.validator import schemas_for

    return schemas_for(source, list(options.schemas) or None).label


def load(source: Path, options: ExportOptions) -> tuple[etree._ElementTree | None,
                                                         list[Diagnostic]]:
    """``source`` parsed safely with its XIncludes; an unresolved include is a warning."""
    from teikit.validator.document import load_document

    document, problems = load_document(source, str(source),
                                       xinclude_roots=options.xinclude_roots)
    if document is None and problems and UNDEFINED.search(problems[0].message):
        return _with_characters(source, problems[0])
    found = [replace(d, severity=Severity.WARNING, code="TK507") if d.code == "xinclude"
             else d for d in problems]
    return (document.tree if document is not None else None), found


UNDEFINED = re.compile(r"Entity '[^']*' not defined")


def _with_characters(source: Path, refusal: Diagnostic
                     ) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """``source``, whose entities no DTD here declares, read with them rewritten
    (:mod:`teikit.exporter.entities`): the refusal becomes a warning saying how; or the
    refusal as it was, when the rewritten document is not well-formed either."""
    from teikit.validator.document import load_document

    try:
        rewritten = with_characters(source.read_bytes())
    except OSError:
        return None, [refusal]
    if rewritten is None:
        return None, [refusal]
    document, problems = load_document(rewritten.data, str(source))
    if document is None:
        return None, [refusal]
    said = replace(refusal, severity=Severity.WARNING, message=f"{refusal.message}; "
                   f"exported with its undeclared entities rewritten: {rewritten.summary()}")
    return document.tree, [said, *problems]


STREAM_FROM = 16_000_000
"""From this size (bytes) on, a file is read as a stream when what is asked of it allows
(the same bytes, without a whole tree): its HTML page is written part by part
(:mod:`teikit.exporter.html.stream`), and so is its reading text
(:mod:`teikit.exporter.text.reading_stream`) and the transcript view of TEI that teikit
wrote (:mod:`teikit.exporter.text.stream`)."""


def _streamed(source: Path, options: ExportOptions
              ) -> tuple[Survey, Callable[[], Rendered]] | None:
    """The first reading of a large file whose export can be read part by part, and the
    work that exports it; else ``None`` (a small file, a team's XSLT, or a document the
    stream cannot render)."""
    try:
        view = check_view(options.to, options.view)
    except ConfigError:  # reported as the whole tree's rendering reports it
        return None
    if options.xslt is not None:
        return None
    from teikit.exporter.html.survey import survey

    try:
        found = survey(source, str(source)) if source.stat().st_size >= STREAM_FROM else None
    except OSError:  # the whole tree's reading reports it
        return None
    if found is None or not found.readable:
        return None
    if (options.to, view) == ("text", "transcript"):
        from teikit.exporter.text.stream import transcript_streamed

        return (found, partial(transcript_streamed, source)) if found.transcript else None
    if options.to == "text":
        from teikit.exporter.text.reading_stream import reading_streamed

        return (found, partial(reading_streamed, source, options.notes, found.labels)) \
            if found.streamable else None
    from teikit.exporter.html.stream import render_streamed

    return (found, partial(render_streamed, source, found, replace(options, view=view))) \
        if found.streamable else None


def export_file(source: Path, options: ExportOptions | None = None) -> ExportResult:
    """Export one file as ``teikit export`` does (see the module's docstring)."""
    options = options or ExportOptions()
    result = ExportResult(source)
    if options.validate:
        result.diagnostics.extend(validation_problems(source, options))
        if has_errors(result.diagnostics):
            result.diagnostics.append(problem(
                "TK510", str(source), f"not exported: the TEI does not validate against "
                f"{checked_against(source, options)} (fix it, name its schema with --schema, "
                "or use --no-validate)"))
            return result
    streamed = _streamed(source, options)
    work: Callable[[], Rendered]
    if streamed is not None:  # a large file, read part by part: the same bytes
        result.diagnostics.extend(streamed[0].diagnostics)
        work = streamed[1]
    else:
        tree, loading = load(source, options)
        if not options.validate:  # else the validator has reported them already
            result.diagnostics.extend(loading)
        if tree is None:
            return result
        result.diagnostics.extend(inspect(tree, str(source)))
        work = partial(render, tree, options)
    try:  # deep documents get the room to recurse; RecursionError only beyond MAX_DEPTH
        rendered = with_depth_room(work)
    except OverrideError as exc:
        result.diagnostics.append(problem("TK520", str(source), f"not exported: {exc}"))
        return result
    except RecursionError:
        result.diagnostics.append(problem("TK511", str(source), "not exported: the document "
                                          "is nested too deeply to render"))
        return result
    except Exception as exc:  # one file's bug must not stop a batch: report it as data
        result.diagnostics.append(problem("TK599", str(source), "not exported: internal "
                                          f"error: {type(exc).__name__}: {exc}"))
        return result
    result.data, result.unruled = rendered.data, rendered.unruled
    return result
