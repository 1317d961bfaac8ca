"""The sections of the benchmark suite (:mod:`suite`): each measures teikit and its
yardstick in the same run and returns rows of the table."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from measure import (
    SHARED,
    Row,
    best,
    child,
    copies,
    dev_transcripts,
    fresh,
    python,
    synthetic,
    teikit,
    transcripts_name,
)

MAKE_LARGE = ("import sys; from pathlib import Path; from large_tei import large_tei; "
              "large_tei(Path(sys.argv[2]), float(sys.argv[1]))")
ENCODE_IN_PROCESS = """
import sys, time
from pathlib import Path
from teikit.encoder import encode_bytes
from teikit.tei import parse_bytes
runs, docs = int(sys.argv[1]), [Path(p).read_bytes() for p in sys.argv[2:]]
outs = [encode_bytes(d).to_bytes() for d in docs]  # the lazily loaded tables, once
def fastest(action):
    times = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(times)
encode = fastest(lambda: [encode_bytes(d).to_bytes() for d in docs])
parse = fastest(lambda: [parse_bytes(o) for o in outs])
print(len(docs), sum(map(len, docs)), *encode, *parse)
"""
PARSE = """
import sys, time
from teikit.tei import parse_file
start = time.perf_counter()
for path in sys.argv[1:]:
    try:
        parse_file(path)
    except Exception:  # a file that is not well-formed costs its attempt, as in teikit
        pass
print(time.perf_counter() - start)
"""


def startup(runs: int) -> list[Row]:
    ours = best(runs, lambda: child(teikit("--version")))
    bare = best(runs, lambda: child(python("pass")))
    return [Row("teikit --version", f"{ours.wall * 1e3:.0f} ms ({ours.cpu * 1e3:.0f} ms CPU)",
                f"python -c pass: {bare.wall * 1e3:.0f} ms ({bare.cpu * 1e3:.0f} ms CPU)",
                f"{ours.wall / bare.wall:.1f}x", "<= 150 ms")]


def encode_in_process(runs: int) -> list[Row]:
    paths = dev_transcripts()
    found = child(python(ENCODE_IN_PROCESS, str(max(runs, 3)), *map(str, paths))).out.split()
    count, size = int(found[0]), int(found[1])
    wall, cpu, parse, _ = map(float, found[2:])
    return [
        Row(f"encode in process, {count} {transcripts_name()} ({size / count / 1e3:.1f} kB avg)",
            f"{count / wall:.0f} docs/s ({count / cpu:.0f}/CPU-s), {size / 1e6 / wall:.2f} MB/s",
            f"lxml parse of the TEI: {count / parse:.0f} docs/s", f"{wall / parse:.0f}x",
            ">= 2000 docs/s per core"),
    ]


def _parse_rate(folder: Path) -> tuple[float, int]:
    files = sorted(folder.rglob("*.xml"))
    return len(files) / float(child(python(PARSE, *map(str, files))).out), len(files)


def _by_jobs(runs: int, argv: Callable[[int], list[str]]) -> dict[int, float]:
    """The best wall time of ``argv(jobs)`` with 1 and 2 workers."""
    times = {}
    for jobs in (1, 2):
        command = argv(jobs)
        times[jobs] = best(runs, lambda command=command: child(command)).wall  # type: ignore[misc]
    return times


def cli_batches(work: Path, count: int, runs: int) -> list[Row]:
    """``teikit encode``, ``export`` and ``build`` on a folder, with 1 and 2 workers."""
    src = copies(dev_transcripts(), count, work / "batch")

    def encode(jobs: int) -> list[str]:
        out = fresh(work / f"tei{jobs}")
        return teikit("encode", str(src), "-o", str(out), "--jobs", str(jobs))

    def export(jobs: int) -> list[str]:
        out = fresh(work / f"html{jobs}")
        return teikit("export", str(work / "tei1"), "--to", "html", "-o", str(out), "-j", str(jobs))

    def build(jobs: int) -> list[str]:
        return teikit("build", str(src), "-o", str(fresh(work / f"build{jobs}")), "-j", str(jobs))

    times = _by_jobs(runs, encode)
    parse, _ = _parse_rate(work / "tei1")
    rows = [Row(f"CLI encode, {count} files, --jobs 1", f"{count / times[1]:.0f} docs/s",
                f"lxml parse of the outputs: {parse:.0f} docs/s",
                f"{parse * times[1] / count:.0f}x", ">= 1000 docs/s")]
    for name, argv in (("encode", encode), ("export --to html", export), ("build", build)):
        found = times if name == "encode" else _by_jobs(runs, argv)
        rows.append(Row(f"CLI {name}, {count} files, --jobs 2", f"{count / found[2]:.0f} docs/s",
                        f"--jobs 1: {count / found[1]:.0f} docs/s",
                        f"{found[1] / found[2]:.2f}x", ">= 1.7x on 2 cores"))
    return rows


def large_transcripts(work: Path, sizes: tuple[float, ...]) -> list[Row]:
    """One transcript of each size, encoded by the command line: time and peak memory."""
    rows, per_mb = [], []
    for megabytes in sizes:
        source = work / f"large{megabytes:g}.txt"
        source.write_bytes(synthetic(megabytes))
        mb = source.stat().st_size / 1e6
        done = child(teikit("encode", str(source), "-o", str(source.with_suffix(".xml"))))
        parse = child(python(PARSE, str(source.with_suffix(".xml"))))
        per_mb.append(done.cpu / mb)  # CPU time: what other work on the machine leaves alone
        target = ">= 5 MB/s, <= 10x" if megabytes >= 20 else ""
        rows.append(Row(
            f"encode one {mb:.0f} MB transcript (CLI)",
            f"{mb / done.wall:.2f} MB/s ({mb / done.cpu:.2f}/CPU-s), peak {done.peak:.0f} MB "
            f"= {done.peak / mb:.1f}x input",
            f"lxml parse of its TEI: {parse.wall:.1f} s, {parse.peak:.0f} MB",
            f"{done.wall / parse.wall:.0f}x", target))
        source.unlink()
    rows.append(Row(f"per-MB CPU cost, {sizes[0]:g} to {sizes[-1]:g} MB (largest/smallest)",
                    f"{max(per_mb) / min(per_mb):.2f}", "", "", "<= 1.5"))
    return rows


def _saxon(stylesheets: Path | None) -> list[str] | None:
    jar = SHARED / "tools" / "Saxon-HE.jar"
    if stylesheets is None or not (stylesheets / "html" / "html.xsl").is_file():
        return None
    return ["java", "-jar", str(jar)] if jar.is_file() and shutil.which("java") else None


def export_batch(work: Path, runs: int, stylesheets: Path | None) -> list[Row]:
    """The real corpus's HTML batch: teikit beside lxml parsing and the TEI Stylesheets."""
    from bench_export import CORPUS, documents, flat_copy

    if not CORPUS.is_dir():
        return [Row("export batch", "skipped: ../shared/corpus/tei-real is absent")]
    files = documents()
    folder = flat_copy(files, work / "real")
    rows = []
    done = best(runs, lambda: child(teikit("export", str(folder), "--to", "html",
                                           "--no-validate", "-o", str(fresh(work / "html")))))
    parse = child(python(PARSE, *map(str, files)))
    rows.append(Row(f"CLI export --to html, real corpus ({len(files)} files)",
                    f"{len(files) / done.wall:.0f} docs/s, peak {done.peak:.0f} MB",
                    f"lxml parse: {len(files) / float(parse.out):.0f} docs/s",
                    f"{done.wall / float(parse.out):.0f}x"))
    saxon = _saxon(stylesheets)
    if saxon is not None and stylesheets is not None:
        theirs = child([*saxon, f"-s:{folder}", f"-xsl:{stylesheets / 'html' / 'html.xsl'}",
                        f"-o:{fresh(work / 'saxon')}"])
        rows.append(Row("  the same batch", f"{done.wall:.1f} s, {done.peak:.0f} MB",
                        f"TEI Stylesheets on Saxon: {theirs.wall:.1f} s, {theirs.peak:.0f} MB",
                        f"{done.wall / theirs.wall:.2f}x"))
    return rows


LARGE_EXPORTS = ((["--to", "html"], "--to html (validated first)"),
                 (["--to", "text"], "--to text (validated first)"),
                 (["--to", "text", "--view", "reading"], "--to text --view reading (validated)"))
"""The exports of :func:`export_large`: their options and how a row names them."""


def export_large(work: Path, megabytes: float, stylesheets: Path | None) -> list[Row]:
    """One large TEI file exported to HTML, to text (the transcript) and to its reading
    text: time and peak memory. The file is made in a child process: a child's peak counts
    the memory its parent had when it was started, so a suite that had made it here would
    see its peak in every later figure."""
    source = work / "large.xml"
    child(python(MAKE_LARGE, str(megabytes), str(source)), cwd=Path(__file__).resolve().parent)
    mb = source.stat().st_size / 1e6
    parse = child(python(PARSE, str(source)))
    rows = []
    for options, named in LARGE_EXPORTS:
        output = work / f"large.{options[-1]}"
        done = child(teikit("export", str(source), *options, "-o", str(output)))
        rows.append(Row(
            f"export one {mb:.0f} MB TEI file {named}",
            f"{mb / done.wall:.2f} MB/s, peak {done.peak:.0f} MB = {done.peak / mb:.1f}x input",
            f"lxml parse: {parse.wall:.1f} s, {parse.peak:.0f} MB",
            f"{done.wall / parse.wall:.0f}x", "<= 10x input"))
    saxon = _saxon(stylesheets)
    if saxon is not None and stylesheets is not None and mb <= 50:
        theirs = child([*saxon, f"-s:{source}", f"-xsl:{stylesheets / 'html' / 'html.xsl'}",
                        f"-o:{work / 'large.saxon.html'}"])
        rows.append(Row("  the same file to HTML", "", f"TEI Stylesheets on Saxon: "
                        f"{theirs.wall:.1f} s, {theirs.peak:.0f} MB"))
    return rows


def validate_beside_jing(runs: int, count: int | None) -> list[Row]:
    from bench_validate import CORPUS, TEI_ALL, corpus_files, teikit_command

    if not TEI_ALL.exists() or shutil.which("jing") is None:
        return [Row("validate beside jing", "skipped: needs ../shared and jing")]
    files = corpus_files()[:count]
    jing = best(runs, lambda: child(["jing", str(TEI_ALL), *map(str, files)]))
    command = teikit_command(files, TEI_ALL, 2, False, cli=True)
    child(command)  # the schema cache, warmed
    ours = best(runs, lambda: child(command))
    return [Row(f"validate {len(files)} real files vs tei_all, --jobs 2 (grammar)",
                f"{ours.wall:.2f} s", f"jing: {jing.wall:.2f} s ({CORPUS.name})",
                f"{ours.wall / jing.wall:.2f}x", "<= 0.6x jing")]


def dask_beside_local(work: Path, count: int, validate_files: int | None) -> list[Row]:
    """``--executor dask`` on a LocalCluster of 2 workers beside ``--jobs 2``: encoding the
    batch of transcripts and validating the real corpus, with the same outputs."""
    try:
        from distributed import LocalCluster
    except ImportError:
        return [Row("Dask LocalCluster of 2 workers",
                    "skipped: the teikit[dask] extra is not installed")]
    src = work / "batch" if (work / "batch").is_dir() else copies(dev_transcripts(), count,
                                                                      work / "batch")
    count = len(list(src.glob("*.txt")))
    local = child(teikit("encode", str(src), "-o", str(fresh(work / "local")), "--jobs", "2"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        def on_dask() -> list[str]:
            return teikit("encode", str(src), "-o", str(fresh(work / "dask")),
                          "--executor", "dask", "--scheduler", address)

        child(on_dask())  # the workers import teikit once: a cluster outlives a batch
        dask = child(on_dask())
        same = _same_files(work / "local", work / "dask")
        rows = [Row(f"CLI encode, {count} files, Dask LocalCluster of 2 workers (warm)",
                    f"{count / dask.wall:.0f} docs/s (same files: {'yes' if same else 'NO'})",
                    f"--jobs 2: {count / local.wall:.0f} docs/s",
                    f"{local.wall / dask.wall:.2f}x")]
        return rows + _validate_on_dask(address, validate_files)


def _validate_on_dask(address: str, count: int | None) -> list[Row]:
    """The real corpus validated against tei_all on the cluster and by ``--jobs 2``: the
    same report, and the time of each."""
    from bench_validate import TEI_ALL, corpus_files, teikit_command

    if not TEI_ALL.exists():
        return [Row("validate on Dask", "skipped: needs ../shared (tei-real, tei_all)")]
    files = corpus_files()[:count]
    command = teikit_command(files, TEI_ALL, 2, False, cli=True)
    command[4:4] = ["--format", "json"]  # the report on stdout, to compare
    local = child(command)
    command[4:4] = ["--executor", "dask", "--scheduler", address]
    child(command)  # the schema, compiled once on each worker
    dask = child(command)
    same = "yes" if dask.out == local.out else "NO"
    return [Row(f"CLI validate, {len(files)} real files, Dask LocalCluster of 2 workers (warm)",
                f"{len(files) / dask.wall:.1f} docs/s (same report: {same})",
                f"--jobs 2: {len(files) / local.wall:.1f} docs/s",
                f"{local.wall / dask.wall:.2f}x")]


def _same_files(one: Path, other: Path) -> bool:
    def files(folder: Path) -> dict[Path, bytes]:
        return {p.relative_to(folder): p.read_bytes() for p in folder.glob("*.xml")}
    return files(one) == files(other)

