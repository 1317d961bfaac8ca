"""The ``teikit`` command: a thin layer over the library.

Each command parses its options, calls the API in :mod:`teikit`, prints data on stdout and
diagnostics on stderr, and exits 0 (all good), 1 (something invalid or failed) or 2
(usage or configuration error).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec

import typer

import teikit
from teikit.diagnostics import ConfigError, Diagnostic, Severity, TeikitError
from teikit.files import read_bytes
from teikit.xmlchars import shown

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="teikit",
    help="Plain transcripts → TEI P5 → validation → HTML and text.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@functools.cache
def console() -> Console:
    """rich on stderr, for a person at a terminal (imported only then: it costs start-up)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def say(text: str, style: str | None = None) -> None:
    """One line on stderr: coloured on a terminal, plain text for logs and CI."""
    text = shown(text)  # a file name's control characters and non-UTF-8 bytes, escaped
    if sys.stderr.isatty():
        console().print(text, style=style, markup=False)
    else:
        typer.echo(text, err=True)


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal (erased at the end); nothing for
    logs and CI."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(f"{label}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console(), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda checked, total: bar.update(task, completed=checked, total=total)


def fail(message: str, code: int = 1) -> NoReturn:
    say(f"teikit: {message}")
    raise typer.Exit(code)


def show(diagnostics: Iterable[Diagnostic]) -> None:
    """Each cause once (with a count of its repeats), coloured by severity."""
    from teikit.reporting import collapse  # it loads lxml, which --version does without

    for diagnostic in collapse(diagnostics, keep=1):
        say(str(diagnostic), STYLES.get(diagnostic.severity))


P = ParamSpec("P")


def guard(command: Callable[P, None]) -> Callable[P, None]:
    """No traceback, ever: a configuration or usage error is one line and exit 2; a
    failure teikit did not foresee is one line naming it and exit 1 (``TEIKIT_DEBUG=1``
    shows the traceback)."""
    @functools.wraps(command)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except TeikitError as exc:
            fail(str(exc), 2)
        except Exception as exc:
            if os.environ.get("TEIKIT_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (please report it; "
                 "TEIKIT_DEBUG=1 shows where)", 1)

    return guarded


def finish(outcomes: Iterable[teikit.Outcome]) -> int:
    """Print each file's diagnostics (and stdout data) in input order; the exit status."""
    worst = 0
    for outcome in outcomes:
        show(outcome.diagnostics)
        if outcome.data is not None:
            sys.stdout.buffer.write(outcome.data)
            sys.stdout.flush()
        worst = max(worst, outcome.exit_code)
    return worst


def plan(inputs: list[Path], suffixes: tuple[str, ...], what: str, output: Path | None,
         force: bool) -> teikit.Plan:
    """Expand the inputs; fail closed (exit 2) when nothing is found."""
    try:
        return teikit.plan(inputs, suffixes, what, output, force)
    except TeikitError as exc:
        fail(str(exc), 2)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"teikit {teikit.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
) -> None:
    """teikit turns plain transcripts of historical documents into TEI P5, validates TEI
    against schemas, and publishes it as HTML or plain text."""


class ExecutorKind(str, Enum):
    local = "local"
    dask = "dask"


Jobs = Annotated[int, typer.Option(
    "--jobs", "-j", min=0, help="Worker processes (0: one per CPU).")]
ExecutorChoice = Annotated[ExecutorKind, typer.Option(
    "--executor", help=("Where files are worked on: local (--jobs processes) or dask (the "
                        "workers of --scheduler; pip install 'teikit[dask]')."))]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://host:8786.")]


def executor(jobs: int, kind: ExecutorKind, scheduler: str | None) -> teikit.Executor:
    """The executor the options ask for; a usage error (exit 2) otherwise."""
    try:
        return teikit.executor(jobs, kind.value, scheduler)
    except TeikitError as exc:
        fail(str(exc), 2)


class Layout(str, Enum):
    record = "record"
    letter = "letter"
    plain = "plain"


class Target(str, Enum):
    html = "html"
    text = "text"


@app.command()
@guard
def encode(
    inputs: Annotated[list[Path], typer.Argument(
        metavar="INPUT", help="Transcripts (.txt) or folders of them.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=(
        "Output file (one input), folder, or - for stdout. Default: beside each input."))]
    = None,
    profile: Annotated[str | None, typer.Option(help=(
        "Profile name (documentary, frus, leiden, crowd) or a TOML profile file."))] = None,
    layout: Annotated[Layout | None, typer.Option(help="Force a layout.")] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of the transcripts.")] = "utf-8",
    lang: Annotated[str | None, typer.Option(help=(
        "Language of the transcripts, a tag such as en, de or sr-Latn (default: the "
        "profile's lang, else detected)."))] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as failures.")] = False,
    force: Annotated[bool, typer.Option(help="Replace files teikit did not write.")] = False,
    explain: Annotated[bool, typer.Option(help=(
        "Print each line's role and the evidence that decided it (TEI is written only "
        "with -o)."))] = False,
    jobs: Jobs = 1,
    executor_kind: ExecutorChoice = ExecutorKind.local,
    scheduler: Scheduler = None,
) -> None:
    """Encode transcripts as TEI.

    Examples:

      teikit encode letter.txt -o letter.xml

      teikit encode transcripts/ -o tei/ --profile frus

      teikit encode letter.txt -o - | less

      teikit encode --explain letter.txt

      teikit encode transcripts/ -o tei/ --jobs 0
    """
    runner = executor(jobs, executor_kind, scheduler)
    todo = plan(inputs, (".txt",), "transcripts (.txt)", output, force)
    if explain and output is not None and str(output) == "-":
        fail("--explain prints to stdout: give -o a file or a folder for the TEI", 2)
    options = teikit.EncodeOptions(profile, layout.value if layout else None, encoding, strict,
                                   lang, explain=explain,
                                   write=not explain or output is not None)
    raise typer.Exit(finish(teikit.encode_files(todo, options, runner)))


class Format(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"
    sarif = "sarif"


@app.command()
@guard
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="TEI files (.xml, .tei) or folders of them.")],
    schema: Annotated[list[Path] | None, typer.Option(
        "--schema", "-s", help=("A RELAX NG (.rng, .rnc), XSD (.xsd) or Schematron (.sch) "
                                "schema; repeat to combine. Default: the document's "
                                "<?xml-model?>, then [tool.teikit] schemas, then teikit's "
                                "own for TEI teikit wrote and tei_all (shipped) for any "
                                "other."))] = None,
    output_format: Annotated[Format, typer.Option(
        "--format", "-f", help="Report format (github adds a job summary in Actions).")]
    = Format.text,
    jobs: Jobs = 1,
    executor_kind: ExecutorChoice = ExecutorKind.local,
    scheduler: Scheduler = None,
    baseline: Annotated[Path | None, typer.Option(
        help="Known problems to ignore: fail only on new ones.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Record today's problems as the baseline and exit 0.")]
    = None,
    embedded: Annotated[bool, typer.Option(
        "--embedded-rules/--no-embedded-rules",
        help="Run the Schematron rules embedded in a RELAX NG schema (tei_all has them).")]
    = True,
    xinclude_root: Annotated[list[Path] | None, typer.Option(
        "--xinclude-root", metavar="DIR",
        help=("A folder XInclude may read from, besides each document's own folder and the "
              "folders named as PATH; repeatable."))] = None,
    phase: Annotated[str | None, typer.Option(
        "--phase", metavar="NAME",
        help=("The Schematron phase to run (#ALL: every pattern). Default: each schema's "
              "defaultPhase, else every pattern."))] = None,
    check_pointers: Annotated[bool | None, typer.Option(
        "--check-pointers/--no-check-pointers",
        help=("Report every local pointer (@target, @resp, @corresp, @ref … as '#id', or a "
              "prefixDef prefix that expands to one) that names no xml:id of the document "
              "or its XIncluded parts; nothing is fetched. Default: for the documents "
              "checked against teikit's own schemas."), show_default=False)] = None,
) -> None:
    """Validate TEI files against schemas; every problem as file:line:column.

    Exit status: 0 valid, 1 invalid, 2 usage or configuration error (no files matched,
    a schema that cannot be read or compiled).

    Examples:

      teikit validate tei/

      teikit validate tei/ --schema tei_all.rng --jobs 2

      teikit validate tei/ --schema project.rng --schema project.sch --format junit > report.xml

      teikit validate tei/ --format github --baseline .teikit-baseline.json

      teikit validate tei/ --check-pointers
    """
    import os

    from teikit import reporting
    from teikit.validator import Options, checked_against, validate_paths

    runner = executor(jobs, executor_kind, scheduler)
    try:
        with progress_bar("Validating") as progress:
            results = validate_paths(
                paths, list(schema or ()), jobs=jobs,
                executor=runner if executor_kind is ExecutorKind.dask else None,
                options=Options(embedded=embedded, xinclude_roots=tuple(xinclude_root or ()),
                                phase=phase, pointers=check_pointers),
                progress=progress)
        known = reporting.load_baseline(baseline) if baseline is not None else None
    except TeikitError as exc:
        fail(str(exc), 2)
    diagnostics = [d for result in results for d in result.diagnostics]
    files = [str(result.path) for result in results]
    unusable = sorted({d for result in results for d in result.schema_errors})
    if write_baseline is not None:
        reporting.write_baseline(write_baseline, diagnostics)
        say(f"teikit: recorded {len(diagnostics)} known problem(s) in {write_baseline}")
        raise typer.Exit(0)
    if known is not None:
        diagnostics = reporting.filter_new(diagnostics, known)
    report = reporting.FORMATTERS[output_format.value](diagnostics, files)
    sys.stdout.write(report)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format is Format.github and summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                summary.write(reporting.github_summary(diagnostics, files))
        except OSError as exc:
            fail(f"{summary_path}: cannot write the job summary ({exc.strerror or exc})", 2)
    invalid = len({d.in_document for d in diagnostics if d.severity is Severity.ERROR})
    unchecked = sum(1 for result in results if result.schema_errors)
    say(f"{len(files)} file{'' if len(files) == 1 else 's'} checked: "
              f"{len(files) - invalid - unchecked} valid, {invalid} invalid"
              + (f", {unchecked} not checked (a schema is not usable)" if unchecked else ""))
    for label, count in checked_against(results):
        say(f"  {count} against {label}")
    for problem in unusable:
        say(f"teikit: {problem}", STYLES[Severity.ERROR])
    raise typer.Exit(2 if unusable else reporting.exit_code(diagnostics))


class NotesPolicy(str, Enum):
    end = "end"
    omit = "omit"


@app.command()
@guard
def export(
    inputs: Annotated[list[Path], typer.Argument(
        metavar="INPUT", help="TEI files (.xml, .tei) or folders of them.")],
    to: Annotated[Target, typer.Option("--to", help="Output format.")],
    view: Annotated[str | None, typer.Option(help=(
        "html: reading (default) or editorial; text: transcript (default) or reading."))]
    = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=(
        "Output file (one input), folder, or - for stdout. Default: beside each input."))]
    = None,
    schema: Annotated[list[Path] | None, typer.Option(
        "--schema", "-s", help=("Validate against this schema (.rng, .rnc, .xsd, .sch); "
                                "repeat to combine. Default: as teikit validate chooses."))]
    = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help=(
        "Export without validating (no validation work at all)."))] = False,
    notes: Annotated[NotesPolicy, typer.Option(help=(
        "Reading text: notes at the end of the text, or omitted."))] = NotesPolicy.end,
    report: Annotated[bool, typer.Option("--report", help=(
        "List the elements rendered without a rule of their own, with counts."))] = False,
    css: Annotated[Path | None, typer.Option(help=(
        "html: your own CSS, inlined after teikit's (it wins)."))] = None,
    xslt: Annotated[Path | None, typer.Option(help=(
        "html: your own XSLT 1.0 templates; an element they match is rendered by them."))]
    = None,
    force: Annotated[bool, typer.Option(help="Replace files teikit did not write.")] = False,
    jobs: Jobs = 1,
    executor_kind: ExecutorChoice = ExecutorKind.local,
    scheduler: Scheduler = None,
) -> None:
    """Export TEI as HTML or plain text (validated first).

    A folder is exported file by file: a file that fails is reported and the others go
    on; the summary names the failures. Exit status: 0 all exported, 1 some not exported,
    2 usage or configuration error (or an output that cannot be written).

    Examples:

      teikit export letter.xml --to html -o letter.html

      teikit export letter.xml --to text --view transcript -o -

      teikit export tei/ --to text --view reading -o text/

      teikit export play.xml --to html --no-validate --report -o play.html

      teikit export letters/ --to html --css house.css --xslt house.xsl -o site/
    """
    runner = executor(jobs, executor_kind, scheduler)
    chosen = teikit.check_view(to.value, view)
    theme = load_theme(to, css, xslt)
    todo = plan(inputs, (".xml", ".tei"), "TEI files (.xml)", output, force)
    options = teikit.ExportOptions(
        to=to.value, view=chosen, validate=not no_validate, schemas=tuple(schema or ()),
        notes=notes.value, xinclude_roots=tuple(p for p in inputs if p.is_dir()), **theme)
    outcomes = list(teikit.export_files(todo, options, runner))
    code = finish(outcomes)
    if report:
        say(export_report(sum((o.unruled for o in outcomes), Counter())))
    failed = [str(o.source) for o in outcomes if o.status != "valid"]
    if failed:
        say(f"teikit: {len(failed)} of {len(outcomes)} file(s) not exported: "
            + ", ".join(failed))
    raise typer.Exit(code)


def load_theme(to: Target, css: Path | None, xslt: Path | None) -> dict[str, Any]:
    """The --css text and the compiled --xslt stylesheet, as ExportOptions fields."""
    if (css or xslt) and to is not Target.html:
        raise ConfigError("--css and --xslt style the HTML page: use them with --to html")
    theme: dict[str, Any] = {}
    if css is not None:
        try:
            theme["css"] = read_bytes(css).decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(f"{css}: the stylesheet is not UTF-8 text") from None
    if xslt is not None:
        from teikit.exporter.html.xslt import load_overrides

        theme["xslt"] = load_overrides(xslt)
    return theme


def export_report(unruled: Counter[str]) -> str:
    """The --report table: elements without a rule of their own, most frequent first."""
    if not unruled:
        return "teikit: every element met has a rule of its own"
    width = max(len(name) for name in unruled)
    rows = [f"  {name:<{width}}  {count:>7}" for name, count in unruled.most_common()]
    return "\n".join([f"teikit: {len(unruled)} element(s) rendered without a rule of their "
                      "own (as their content):", *rows])


@app.command()
@guard
def build(
    src: Annotated[Path, typer.Argument(
        metavar="SRC", help="Folder of transcripts (.txt), or one file.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")],
    profile: Annotated[str | None, typer.Option(help=(
        "Profile name or TOML profile file (default: teikit.toml / pyproject.toml near SRC, "
        "else documentary)."))] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary.")] = False,
    force: Annotated[bool, typer.Option(
        help="Replace files in OUTPUT that teikit did not write or that were changed.")]
    = False,
    jobs: Jobs = 1,
    executor_kind: ExecutorChoice = ExecutorKind.local,
    scheduler: Scheduler = None,
) -> None:
    """Run the whole pipeline: encode, validate, export HTML and both text views.

    For each transcript NAME.txt the output folder gets NAME.xml, NAME.html,
    NAME.transcript.txt and NAME.reading.txt (exports only for valid TEI).

    Examples:

      teikit build samples -o out

      teikit build transcripts/ -o site/ --profile frus --jobs 2
    """
    runner = executor(jobs, executor_kind, scheduler)

    def progress(outcome: teikit.Outcome, number: int, total: int) -> None:
        if not quiet:
            show(outcome.diagnostics)
            width = len(str(total))
            say(f"[{number:>{width}}/{total}] {outcome.status:<7} {outcome.source}")

    report = teikit.build(src, output, profile=profile, force=force, progress=progress,
                          executor=runner)
    total = len(report.outcomes)
    if total == 0:
        fail(f"no transcripts (.txt) found in {src}", 1)
    summary = (f"{total} file{'' if total == 1 else 's'}: {report.count('valid')} valid, "
               f"{report.count('invalid')} invalid, {report.count('failed')} failed")
    if report.count("refused"):
        summary += f", {report.count('refused')} refused"
    say(summary)
    raise typer.Exit(max(o.exit_code for o in report.outcomes))


def main() -> None:
    """Entry point of the ``teikit`` console script."""
    named = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    asked = [c for c in app.registered_commands if c.callback is not None and (
        c.name or c.callback.__name__.replace("_", "-")) == named]
    # typer reads the options of every command it is given at each start: give it only
    # the one asked for (teikit's own options take no value, so it is the first word)
    only = copy.copy(app)
    if asked:
        only.registered_commands = asked
    only(prog_name="teikit")
