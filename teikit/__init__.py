"""teikit: plain transcripts of historical documents → TEI P5 → validation → HTML and text.

The public API is this small set of verbs and the values they return::

    import teikit
    result = teikit.encode(Path("letter.txt"))          # EncodeResult: .tree, .diagnostics
    print(teikit.explain(result))                          # each line's role, and why
    problems = list(teikit.iter_diagnostics(result.tree))  # schema problems, located
    html = teikit.export(result.tree, to="html")           # bytes
    text = teikit.export(result.tree, to="text", view="transcript")  # the transcript back

The verbs are implemented by the packages :mod:`teikit.encoder`, :mod:`teikit.validator`
and :mod:`teikit.exporter` (named apart from the verbs, so that both can be reached).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from teikit._version import __version__
from teikit.diagnostics import (
    ConfigError,
    Diagnostic,
    InputError,
    OutputError,
    Severity,
    TeikitError,
)
from teikit.executor import Executor, executor

if TYPE_CHECKING:
    from lxml import etree

    from teikit.batch import EncodeOptions, encode_files, export_files
    from teikit.encoder import EncodeResult, encode_bytes, encode_file
    from teikit.encoder import encode_text as encode_text
    from teikit.encoder.profiles import Profile
    from teikit.exporter import ExportOptions, ExportResult, check_view, export_file
    from teikit.outcome import Outcome
    from teikit.outputs import Plan, plan
    from teikit.pipeline import BuildReport
    from teikit.tei import parse_file, read_tree
    from teikit.validator import (
        Schema,
        SchemaChoice,
        ValidationError,
        default_schemas,
        load_schema,
        schemas_for,
    )

    Document = etree._ElementTree | Path | bytes

_LAZY: Final = {
    "teikit.batch": ("EncodeOptions", "encode_files", "export_files"),
    "teikit.encoder": ("EncodeResult", "encode_bytes", "encode_file", "encode_text"),
    "teikit.encoder.profiles": ("Profile",),
    "teikit.exporter": ("ExportOptions", "ExportResult", "check_view", "export_file"),
    "teikit.outcome": ("Outcome",),
    "teikit.outputs": ("Plan", "plan"),
    "teikit.pipeline": ("BuildReport",),
    "teikit.tei": ("parse_file", "read_tree"),
    "teikit.validator": ("Schema", "SchemaChoice", "ValidationError", "default_schemas",
                         "load_schema", "schemas_for"),
}
"""Where each name of the API that is not defined here lives. They are imported on first
use (PEP 562), so that ``teikit --version`` or a validation does not pay for loading the
encoder and the exporters."""
_HOME: Final = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'teikit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found here from now on
    return value




def _profile(profile: str | Profile | None, near: Path | None) -> Profile:
    from teikit.encoder.profiles import Profile, resolve

    if isinstance(profile, Profile):
        return profile
    return resolve(profile, near)


def encode(source: str | Path, *, profile: str | Profile | None = None,
           layout: str | None = None, encoding: str = "utf-8",
           name: str | None = None, lang: str | None = None) -> EncodeResult:
    """Encode a transcript as TEI: a :class:`~pathlib.Path` is read from disk (with the
    profile configured beside it), a ``str`` is the transcript text itself. ``lang`` (a
    language tag such as ``en``) overrides the profile's and the detected language."""
    from teikit.encoder import encode_file, encode_text
    from teikit.encoder.profiles import with_options

    chosen = _profile(profile, source.parent if isinstance(source, Path) else None)
    if lang:
        chosen = with_options(chosen, "--lang", lang=lang)
    if isinstance(source, Path):
        return encode_file(source, profile=chosen, layout=layout, encoding=encoding)
    return encode_text(source, name=name or "<input>", profile=chosen, layout=layout)


def explain(result: EncodeResult) -> str:
    """Each line of an encoded transcript with its role and the evidence that decided it
    (what ``teikit encode --explain`` prints)."""
    from teikit.encoder.explain import explain as _explain

    return _explain(result.explained, result.layout)


def iter_diagnostics(document: Document, schemas: Sequence[Schema] | None = None, *,
                     filename: str | None = None) -> Iterator[Diagnostic]:
    """Every problem of ``document`` against ``schemas``; by default the ones it declares,
    else the project's, else teikit's own for TEI teikit wrote and ``tei_all`` for any other
    (:func:`schemas_for` says which)."""
    from teikit.validator import iter_diagnostics as _iter_diagnostics

    return _iter_diagnostics(document, schemas, filename=filename)


def validate(document: Document, schemas: Sequence[Schema] | None = None, *,
             filename: str | None = None) -> list[Diagnostic]:
    """Raise :class:`ValidationError` (with every diagnostic) unless ``document`` is valid;
    otherwise return the warnings found (often none)."""
    from teikit.validator import validate as _validate

    return _validate(document, schemas, filename=filename)


def is_valid(document: Document, schemas: Sequence[Schema] | None = None) -> bool:
    """Whether ``document`` is valid against ``schemas`` (chosen as :func:`iter_diagnostics`
    does by default)."""
    from teikit.validator import is_valid as _is_valid

    return _is_valid(document, schemas)


def export(document: etree._ElementTree | Path, to: str = "html",
           view: str | None = None, *, validate: bool = True,
           schemas: Sequence[Schema] | None = None) -> bytes:
    """``document`` as ``html`` (views ``reading``, ``editorial``) or ``text`` (views
    ``reading``, ``transcript``).

    TEI that does not validate (against ``schemas``; by default those the document
    declares, else teikit's own) is refused with :class:`ValidationError`, unless
    ``validate=False``. A file that cannot be parsed raises :class:`InputError`.
    """
    from teikit.exporter import export as _export
    from teikit.tei import read_tree, with_depth_room
    from teikit.validator import validate as _validate

    tree = read_tree(document) if isinstance(document, Path) else document
    if validate:
        _validate(document if isinstance(document, Path) else tree, schemas)
    return with_depth_room(lambda: _export(tree, to, view))


def _validate_bytes(data: bytes, filename: str) -> list[Diagnostic]:
    return list(iter_diagnostics(data, None, filename=filename))


def build(src: Path, out: Path, *, profile: str | None = None, force: bool = False,
          progress: Callable[[Outcome, int, int], None] | None = None,
          executor: Executor | None = None) -> BuildReport:
    """Encode, validate and export every transcript under ``src`` into ``out``;
    ``progress(outcome, number, total)`` is called after each file, in input order. Files
    in ``out`` that teikit did not write, or that were changed since, are kept unless
    ``force``. The per-file work runs on ``executor`` (:func:`executor`; default: in this
    process)."""
    from teikit.pipeline import build as _build

    return _build(src, out, profile=profile, force=force, validate=_validate_bytes,
                  progress=progress, executor=executor)


__all__ = [
    "BuildReport", "ConfigError", "Diagnostic", "EncodeOptions", "EncodeResult", "Executor",
    "ExportOptions", "ExportResult", "InputError", "Outcome", "OutputError", "Plan",
    "Profile", "Schema", "SchemaChoice", "Severity", "TeikitError", "ValidationError",
    "__version__", "build", "check_view", "default_schemas", "encode", "encode_bytes",
    "encode_file", "encode_files", "executor", "explain", "export", "export_file", "export_files",
    "is_valid", "iter_diagnostics", "load_schema", "parse_file", "plan", "read_tree",
    "schemas_for",
    "validate",
]
