"""Validating one large TEI file made by teikit: time and peak memory beside jing's, in the
same run, on the same file.

Run from the repository root (needs the Debian ``jing``)::

    python benchmarks/bench_validate_large.py                   # 175 MB, 3 rounds
    python benchmarks/bench_validate_large.py --size 40 --runs 5
    python benchmarks/bench_validate_large.py --baseline /tmp/old  # beside another teikit
    python benchmarks/bench_validate_large.py --faults          # five faults in the file
    python benchmarks/bench_validate_large.py --findings rules  # or duplicate-id, pointer

``--findings`` puts other findings than the grammar's in three places of the file (near
its start, in the middle, near its end): ``rules`` breaks rules of teikit's and of
tei_all's (an emptied ``supplied``, a ``date`` with ``@when`` and ``@to``), ``duplicate-id``
repeats the ``xml:id`` of the header's ``respStmt``, ``pointer`` makes a ``@resp`` point to
no id (which teikit's rules and its pointer check both report).

``--baseline DIR`` runs the teikit commands a second time with the ``teikit`` package of
``DIR`` (say, ``git archive`` of an older commit, unpacked), for before-and-after figures
from the same run (each teikit command runs in the folder of its package).

The file is the largest development transcript encoded by teikit, its body repeated
(:mod:`large_tei`; without ``../shared``, the repository's test transcripts). It is
checked as a user would: ``teikit validate big.xml`` (teikit's own schemas, chosen for a
file teikit wrote, with their rules and the pointer check) and ``--schema tei_all.rng``
with and without the embedded rules; jing checks it against ``tei_all.rng`` and against
``teikit.rng``. Each command runs in a process of its own, the tools in turn, round after
round, and the median of the rounds is printed (a shared machine: read the CPU figures and
the ratios; the load average is printed too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import ENV, ROOT, Run

TEI_ALL = ROOT / "schemas" / "tei" / "tei_all.rng"
TEIKIT_RNG = ROOT / "schemas" / "teikit.rng"


Command = tuple[list[str], Path]
"""A command and the folder it runs in (``python -m teikit`` imports teikit from there)."""


def commands(path: Path, baseline: Path | None = None) -> dict[str, Command]:
    found = {"jing tei_all.rng": (["jing", str(TEI_ALL), str(path)], ROOT),
             "jing teikit.rng": (["jing", str(TEIKIT_RNG), str(path)], ROOT)}
    teikit = [sys.executable, "-m", "teikit", "validate"]
    for name, folder in [("teikit", ROOT), *([("baseline", baseline)] if baseline else [])]:
        found |= {f"{name} (own schemas)": ([*teikit, str(path)], folder),
                  f"{name} tei_all grammar": ([*teikit, "--schema", str(TEI_ALL),
                                               "--no-embedded-rules", str(path)], folder),
                  f"{name} tei_all + rules": ([*teikit, "--schema", str(TEI_ALL), str(path)],
                                              folder)}
    return found


def timed(command: Command) -> tuple[Run, int]:
    """Wall and CPU seconds, peak memory and exit status of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command[0], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=command[1], env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    return (Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                usage.ru_maxrss / 1024), os.waitstatus_to_exitcode(status))


def _make(megabytes: float, path: Path, faults: bool, findings: str | None = None) -> None:
    """Make the file in a process of its own (a forked command's peak memory counts the
    memory of the process it was forked from)."""
    code = ("import sys; from pathlib import Path; from large_tei import large_tei; "
            "large_tei(Path(sys.argv[2]), float(sys.argv[1]), sys.argv[3] == 'faults'); "
            "from bench_validate_large import _findings; "
            "sys.argv[4] and _findings(Path(sys.argv[2]), sys.argv[4])")
    subprocess.run([sys.executable, "-c", code, str(megabytes), str(path),
                    "faults" if faults else "valid", findings or ""], check=True,
                   cwd=Path(__file__).resolve().parent, env=ENV)


FINDINGS = {
    "rules": [(b'<supplied reason="clarification" resp="#editor">the</supplied>',
               b'<supplied reason="clarification" resp="#editor"/>the'),
              (b'<date when="', b'<date to="1999" when="')],
    "duplicate-id": [(b"<p>", b'<p xml:id="editor">')],
    "pointer": [(b'resp="#editor"', b'resp="#nobody"')],
}
"""What ``--findings`` changes: each (first, then) in turn at each of the places."""


def _findings(path: Path, kind: str) -> None:
    """Put the findings ``kind`` names near the start, in the middle and near the end of
    the file at ``path``."""
    data = bytearray(path.read_bytes())
    for share in (0.1, 0.5, 0.9):
        for before, after in FINDINGS[kind]:
            at = data.find(before, int(len(data) * share))
            at = data.rfind(before) if at < 0 else at
            if at < 0:
                continue  # the file has fewer of them than places
            data[at:at + len(before)] = after
    path.write_bytes(bytes(data))


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=175, help="MB (default 175)")
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--only", nargs="+", help="run only the commands named so (prefixes)")
    parser.add_argument("--baseline", type=Path, help="a folder holding another teikit package")
    parser.add_argument("--faults", action="store_true",
                        help="five grammar faults in the file (near its start, deep "
                             "inside, near its end)")
    parser.add_argument("--findings", choices=sorted(FINDINGS),
                        help="findings other than the grammar's in three places of the file")
    args = parser.parse_args()
    if shutil.which("jing") is None:
        sys.exit("jing is not installed (Debian package 'jing')")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xml"
        _make(args.size, path, args.faults, args.findings)
        chosen = {name: command for name, command in commands(path, args.baseline).items()
                  if not args.only or any(name.startswith(o) for o in args.only)}
        print(f"file: {path.stat().st_size / 1e6:.1f} MB; load average before: {_load()}")
        runs: dict[str, list[tuple[Run, int]]] = {name: [] for name in chosen}
        for _ in range(args.runs):
            for name, command in chosen.items():
                runs[name].append(timed(command))
        print(f"load average after: {_load()}")
        print(f"{'command':<26} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}   (median of "
              f"{args.runs})")
        medians = {name: tuple(statistics.median(getattr(r, field) for r, _ in found)
                               for field in ("wall", "cpu", "peak"))
                   for name, found in runs.items()}
        for name, (wall, cpu, peak) in medians.items():
            said = "valid" if all(status == 0 for _, status in runs[name]) else "NOT VALID"
            print(f"{name:<26} {wall:8.2f} {cpu:8.2f} {peak:8.0f}  {said}")
        base = medians.get("jing tei_all.rng")
        if base:
            print()
            for name, (wall, cpu, peak) in medians.items():
                print(f"{name:<26} beside jing tei_all.rng: CPU {cpu / base[1]:.2f}x, "
                      f"wall {wall / base[0]:.2f}x, memory {peak / base[2]:.2f}x")


if __name__ == "__main__":
    main()
