"""No traceback on any input: feed ``teikit encode``, ``validate``, ``export`` and
``build`` arbitrary bytes and real files broken at random, and count what goes wrong.

    python benchmarks/fuzz_cli.py --cases 100000 --jobs 2

Each case runs one command in-process (as the ``teikit`` console script does) in a
scratch folder and checks that: no traceback is printed, the exit status is 0, 1 or 2,
every output left behind is complete (no temporary file, XML that parses, HTML that
ends), and the case ends within HANG seconds (a worker stuck longer is killed, the case
counted as a hang, and a new worker goes on). Cases are numbered; ``--seed`` and the
number reproduce one (``--only N``). The real files come from ``../shared`` when present.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection, wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import (
    TEI_REAL,
    TEXT_PIECES,
    TRANSCRIPTS,
    XML_PIECES,
    arbitrary,
    mutate,
    real_files,
)

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("encode", "validate", "export", "build")
HANG = 10.0
PROGRESS = 5000
"""A line on stderr every PROGRESS cases."""


@dataclass(frozen=True)
class Verdict:
    """What one case showed."""

    command: str
    exit_code: int
    traceback: bool = False
    internal: bool = False
    incomplete: bool = False
    seconds: float = 0.0

    @property
    def bad(self) -> bool:
        return self.traceback or self.incomplete or self.exit_code not in (0, 1, 2)


@cache
def corpora() -> tuple[list[bytes], list[bytes]]:
    """Real TEI and real transcripts: the shared corpora, else the repository's own."""
    tei = real_files(TEI_REAL, ".xml") or real_files(ROOT / "samples" / "output", ".xml")
    texts = real_files(TRANSCRIPTS, ".txt") or real_files(ROOT / "samples", ".txt")
    return tei + real_files(ROOT / "tests" / "data" / "validate", ".xml"), texts


def make_input(command: str, rng: random.Random) -> bytes:
    tei, texts = corpora()
    if rng.random() < 0.25:
        return arbitrary(rng)
    if command in ("encode", "build"):
        pieces = [p.encode("utf-8", "surrogatepass") for p in TEXT_PIECES]
        return mutate(rng.choice(texts), rng, pieces)
    return mutate(rng.choice(tei), rng, XML_PIECES)


def argv_for(command: str, rng: random.Random, folder: Path) -> list[str]:
    if command == "encode":
        return ["encode", str(folder / "in"), "-o", str(folder / "out")]
    if command == "build":
        return ["build", str(folder / "in"), "-o", str(folder / "out")]
    source = str(folder / "in" / "x.xml")
    if command == "validate":
        return ["validate", source, *rng.choice([[], [], ["--format", "json"]])]
    to = rng.choice([["--to", "html"], ["--to", "text"], ["--to", "text", "--view", "reading"]])
    return ["export", source, *to, "-o", str(folder / "out" / "x.out"),
            *rng.choice([[], ["--no-validate"]])]


def run_case(number: int, seed: int, scratch: Path) -> Verdict:
    """Run case ``number`` of the run seeded ``seed`` in ``scratch`` (emptied first)."""
    from typer.testing import CliRunner

    from teikit.cli import app

    rng = random.Random(seed * 1_000_003 + number)
    command = rng.choice(COMMANDS)
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "in").mkdir(parents=True)
    name = "x.xml" if command in ("validate", "export") else "x.txt"
    (scratch / "in" / name).write_bytes(make_input(command, rng))
    (scratch / "in" / "local.dtd").write_bytes(b'<!ENTITY y "from a DTD">')
    start = time.perf_counter()
    result = CliRunner().invoke(app, argv_for(command, rng, scratch))
    seconds = time.perf_counter() - start
    raised = result.exception is not None and not isinstance(result.exception, SystemExit)
    printed = result.stdout + result.stderr
    return Verdict(command, result.exit_code, raised or "Traceback" in printed,
                   "internal error" in printed, not outputs_complete(scratch / "out"), seconds)


def outputs_complete(folder: Path) -> bool:
    from lxml import etree

    from teikit.tei import parse_bytes

    for path in folder.rglob("*") if folder.is_dir() else ():
        if path.name.endswith(".tmp"):
            return False
        data = path.read_bytes()
        if path.suffix == ".xml":
            try:
                parse_bytes(data)
            except etree.XMLSyntaxError:
                return False
        if path.suffix == ".html" and not data.rstrip().endswith(b"</html>"):
            return False
    return True


def worker(numbers: list[int], seed: int, conn: Connection) -> None:
    with tempfile.TemporaryDirectory(prefix="teikit-fuzz-") as scratch:
        for number in numbers:
            conn.send(("start", number))
            conn.send(("done", number, run_case(number, seed, Path(scratch) / "case")))


def supervise(numbers: list[int], seed: int, jobs: int) -> dict[int, Verdict | None]:
    """Run the cases on ``jobs`` workers; a case running past HANG is a hang (None)."""
    context = multiprocessing.get_context("fork")
    results: dict[int, Verdict | None] = {}
    queues = [numbers[index::jobs] for index in range(jobs)]
    running: dict[Connection, tuple[multiprocessing.process.BaseProcess, list[int]]] = {}
    started: dict[Connection, tuple[int, float]] = {}

    def launch(todo: list[int]) -> None:
        if not todo:
            return
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=worker, args=(todo, seed, child), daemon=True)
        process.start()
        child.close()
        running[parent] = (process, todo)

    for queue in queues:
        launch(queue)
    while running:
        for conn in wait(list(running), timeout=1.0):
            try:
                message = conn.recv()
            except EOFError:
                process, todo = running.pop(conn)
                process.join()
                continue
            if message[0] == "start":
                started[conn] = (message[1], time.monotonic())
            else:
                results[message[1]] = message[2]
                if len(results) % PROGRESS == 0:
                    print(f"{len(results):,} cases", file=sys.stderr, flush=True)
        for conn, (number, since) in list(started.items()):
            if conn in running and number not in results and time.monotonic() - since > HANG:
                process, todo = running.pop(conn)
                process.kill()
                process.join()
                results[number] = None
                launch(todo[todo.index(number) + 1:])
    return results


def report(results: dict[int, Verdict | None], seconds: float) -> str:
    verdicts = [v for v in results.values() if v is not None]
    hangs = sorted(n for n, v in results.items() if v is None)
    bad = sorted(n for n, v in results.items() if v is not None and v.bad)
    internal = sorted(n for n, v in results.items() if v is not None and v.internal)
    lines = [f"cases        {len(results):,} in {seconds:,.0f} s",
             f"by command   {dict(sorted(Counter(v.command for v in verdicts).items()))}",
             f"exit codes   {dict(sorted(Counter(v.exit_code for v in verdicts).items()))}",
             f"tracebacks   {sum(v.traceback for v in verdicts)}",
             f"incomplete   {sum(v.incomplete for v in verdicts)}",
             f"hangs > {HANG:.0f} s  {len(hangs)} {hangs[:20]}",
             f"internal     {len(internal)} (one line 'internal error') {internal[:20]}",
             f"slowest      {max((v.seconds for v in verdicts), default=0):.2f} s",
             f"failing      {bad[:20]}"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", type=int, help="run this one case here and show it")
    args = parser.parse_args()
    if args.only is not None:
        with tempfile.TemporaryDirectory() as scratch:
            print(run_case(args.only, args.seed, Path(scratch) / "case"))
        return 0
    start = time.perf_counter()
    results = supervise(list(range(args.cases)), args.seed, args.jobs)
    print(report(results, time.perf_counter() - start))
    failed = any(v is None or v.bad for v in results.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
