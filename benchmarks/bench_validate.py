"""Validation speed: teikit and jing side by side, in the same run, on the same files.

Run from the repository root (needs ../shared and the Debian ``jing``)::

    python benchmarks/bench_validate.py            # 5 runs per case
    python benchmarks/bench_validate.py --runs 9
    python benchmarks/bench_validate.py --cases 2   # only the real corpus

Cases (wall time of a whole command, process start included, median of the runs; the
CPU time of the command and of all its processes beside it, which a busy machine moves far
less, and the machine's load average before and after each case):

1. one small TEI file against ``tei_all.rng``            target: teikit <= 0.35 x jing
   (and ``teikit --version``, the command line's start-up: <= 0.15 s)
2. the 428-file real corpus against ``tei_all.rng``       target: teikit --jobs 2 <= 0.6 x jing
   (grammar only, like jing; then again with the embedded Schematron, which jing skips)
3. teikit-made TEI against teikit's own schemas           target: >= 200 files/s

teikit runs through its command line when ``teikit validate`` exists, else through a
``python -c`` call of the same API. Its schema cache (pruned grammars) is warmed by the
first run; the "cold" line measures one run with the cache turned off.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "tei" / "schemas" / "tei_all.rng"
CORPUS = SHARED / "corpus" / "tei-real"
SMALL = ROOT / "tests" / "data" / "validate" / "tei-letter.xml"
VERSION_TARGET = 0.15
"""Seconds ``teikit --version`` may take (the command line's own start-up)."""
NOT_WELL_FORMED = {"tei-stylesheets-tests/Test/testrend.xml"}  # makes jing abort its batch

API = """
import sys
from teikit.validator import Options, validate_paths
from teikit.reporting import exit_code
from pathlib import Path
args = sys.argv[1:]
jobs = int(args.pop(0)); embedded = args.pop(0) == "1"; schema = args.pop(0)
roots = tuple(Path(r) for r in args.pop(0).split("|") if r)
results = validate_paths(args, [schema] if schema else None, jobs=jobs,
                         options=Options(embedded=embedded, xinclude_roots=roots))
sys.exit(exit_code([d for r in results for d in r.diagnostics]))
"""


def _has_cli() -> bool:
    probe = subprocess.run([sys.executable, "-m", "teikit", "validate", "--help"],
                           capture_output=True, cwd=ROOT, check=False)
    return probe.returncode == 0 and b"--jobs" in probe.stdout


def teikit_command(files: list[Path], schema: Path | None, jobs: int, embedded: bool,
                   cli: bool) -> list[str]:
    # jing (Xerces) reads the corpus's includes from sibling folders: trust the corpus too
    roots = [CORPUS] if any(CORPUS in f.parents for f in files) else []
    if cli:
        command = [sys.executable, "-m", "teikit", "validate", "--jobs", str(jobs)]
        command += ["--schema", str(schema)] if schema else []
        command += [] if embedded else ["--no-embedded-rules"]
        command += [arg for root in roots for arg in ("--xinclude-root", str(root))]
        return command + [str(f) for f in files]
    return [sys.executable, "-c", API, str(jobs), "1" if embedded else "0",
            str(schema or ""), "|".join(map(str, roots)), *map(str, files)]


# Python's bytecode cache as an installed package has it (pip compiles it at install):
# some machines set PYTHONDONTWRITEBYTECODE, which would recompile teikit on every run.
INSTALLED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Times(list[float]):
    """Wall seconds of each run, with the CPU seconds of each (``cpu``)."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []


def wall(command: list[str], runs: int, env: dict[str, str] | None = None) -> Times:
    times = Times()
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=ROOT, env=env or INSTALLED)
        _, _, usage = os.wait4(process.pid, 0)  # the command and the processes it waited for
        times.append(time.perf_counter() - start)
        times.cpu.append(usage.ru_utime + usage.ru_stime)
    return times


def line(label: str, times: Times, reference: Times | None = None,
         target: float | None = None) -> None:
    median, cpu = statistics.median(times), statistics.median(times.cpu)
    text = (f"  {label:<46} median {median:7.3f} s, CPU {cpu:7.3f} s  "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)}; load {_load()})")
    if reference:
        ratio = median / statistics.median(reference)
        by_cpu = cpu / statistics.median(reference.cpu)
        verdict = "" if target is None else ("  meets" if ratio <= target else "  MISSES")
        text += (f"  = {ratio:.2f} x jing, CPU {by_cpu:.2f} x"
                 f"{'' if target is None else f' (target {target})'}{verdict}")
    print(text, flush=True)


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def corpus_files() -> list[Path]:
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as handle:
        return [CORPUS / r["path"] for r in csv.DictReader(handle)
                if r["role"] == "test" and r["path"] not in NOT_WELL_FORMED]


def teikit_made(folder: Path, count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    import teikit

    sources = sorted((ROOT / "samples").glob("*.txt"))
    payloads = [teikit.encode(source).to_bytes() for source in sources]
    files = []
    for index in range(count):
        path = folder / f"doc{index:04d}.xml"
        path.write_bytes(payloads[index % len(payloads)])
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default="123", help="which cases to run (digits, e.g. 12)")
    arguments = parser.parse_args()
    runs, cases = arguments.runs, arguments.cases
    if not TEI_ALL.exists() or shutil.which("jing") is None:
        sys.exit("needs ../shared and jing (apt-get install jing)")
    cli = _has_cli()
    cold = {**INSTALLED, "TEIKIT_CACHE": "off"}
    print(f"teikit via {'its CLI' if cli else 'python -c (API)'}; {runs} runs per case; "
          f"{os.cpu_count()} CPUs\n")

    if "1" in cases:
        small(runs, cli, cold)
    if "2" in cases:
        corpus(runs, cli, cold)
    if "3" in cases:
        made(runs, cli)


def small(runs: int, cli: bool, cold: dict[str, str]) -> None:
    print(f"1. one small file ({SMALL.name}, {SMALL.stat().st_size} bytes) vs tei_all.rng")
    jing = wall(["jing", str(TEI_ALL), str(SMALL)], runs)
    line("jing", jing)
    command = teikit_command([SMALL], TEI_ALL, 1, True, cli)
    wall(command, 1)  # warm the schema cache
    line("teikit (embedded Schematron too)", wall(command, runs), jing, 0.35)
    line("teikit, cache off (cold)", wall(command, max(1, runs // 2), cold), jing)
    if cli:  # what the command line's own start-up (typer, teikit's other stages) costs
        api = teikit_command([SMALL], TEI_ALL, 1, True, cli=False)
        line("teikit library call (python -c), same work", wall(api, runs), jing, 0.35)
        version = wall([sys.executable, "-m", "teikit", "--version"], runs)
        line("teikit --version", version)
        verdict = "meets" if statistics.median(version) <= VERSION_TARGET else "MISSES"
        print(f"  {'':<46} (target <= {VERSION_TARGET} s)  {verdict}")


def corpus(runs: int, cli: bool, cold: dict[str, str]) -> None:
    files = corpus_files()
    print(f"\n2. real corpus: {len(files)} files vs tei_all.rng (jing and teikit in turn, "
          "so that a change of load falls on both)")
    grammar = {jobs: teikit_command(files, TEI_ALL, jobs, False, cli) for jobs in (1, 2)}
    for command in grammar.values():
        wall(command, 1)
    jing, timed = Times(), {jobs: Times() for jobs in grammar}
    for _ in range(runs):
        for times, command in ((jing, ["jing", str(TEI_ALL), *map(str, files)]),
                               *((timed[jobs], grammar[jobs]) for jobs in grammar)):
            once = wall(command, 1)
            times.extend(once)
            times.cpu.extend(once.cpu)
    line("jing (one JVM, all files)", jing)
    reference = jing
    for jobs, times in timed.items():
        line(f"teikit --jobs {jobs}, grammar only", times, reference, 0.6 if jobs == 2 else None)
    if cli:
        api = teikit_command(files, TEI_ALL, 2, False, cli=False)
        line("teikit --jobs 2 library call (python -c)", wall(api, runs), reference, 0.6)
    line("teikit --jobs 2, cache off (cold)",
         wall(teikit_command(files, TEI_ALL, 2, False, cli), max(1, runs // 2), cold), reference)
    line("teikit --jobs 2 + embedded Schematron",
         wall(teikit_command(files, TEI_ALL, 2, True, cli), runs), reference)


def made(runs: int, cli: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = teikit_made(Path(tmp), 400)
        print(f"\n3. teikit-made TEI: {len(files)} files vs teikit's own schemas (rng + sch)")
        for jobs in (1, 2):
            times = wall(teikit_command([Path(tmp)], None, jobs, True, cli), runs)
            rate = len(files) / statistics.median(times)
            line(f"teikit --jobs {jobs}", times)
            verdict = "meets" if rate >= 200 else "MISSES"
            print(f"  {'':<46} = {rate:.0f} files/s (target 200)  {verdict}")


if __name__ == "__main__":
    main()
