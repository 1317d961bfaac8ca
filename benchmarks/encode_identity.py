"""Byte-identity of the encoder's output across a change that must not alter it.

Record every output first, change the code, then check::

    python benchmarks/encode_identity.py record /tmp/encoded.json
    python benchmarks/encode_identity.py check /tmp/encoded.json

``--corpus NAME=FOLDER`` (repeatable) adds a folder of your own transcripts (``*.txt``).

For every transcript of the corpora below, the snapshot keeps the TEI bytes, the
``teikit encode --explain`` text and the diagnostics; ``check`` exits 1 and shows the first
difference of every file that changed. Corpora missing on this machine (``../shared``, a
folder given with ``--corpus``) are left out and named, so a snapshot recorded without
them is checked without them.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import teikit  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA: dict[str, tuple[Path, str, str | None]] = {
    # name: (folder, glob, profile; None = the profile configured beside the file)
    "transcripts-dev": (SHARED / "corpus" / "transcripts-dev" / "transcripts", "*.txt", None),
    "tests-encode": (ROOT / "tests" / "data" / "encode", "**/*.txt", None),
    "tests-roles": (ROOT / "tests" / "data" / "roles", "*.txt", None),
    "samples": (ROOT / "samples", "*.txt", None),
    "frus-pairs": (SHARED / "corpus" / "frus" / "pairs", "*.txt", "frus"),
}


def transcripts() -> Iterator[tuple[str, Path, str | None]]:
    """(key, path, profile) of every transcript present, and a note for absent corpora."""
    for name, (folder, pattern, profile) in CORPORA.items():
        if not folder.is_dir():
            print(f"note: {name} is absent ({folder})", file=sys.stderr)
            continue
        for path in sorted(folder.glob(pattern)):
            yield f"{name}/{path.relative_to(folder)}", path, profile


def outputs(path: Path, profile: str | None) -> dict[str, str]:
    """What the encoder gives for one transcript: TEI, explanation, diagnostics."""
    result = teikit.encode(path, profile=profile)
    return {
        "tei": result.to_bytes().decode("utf-8"),
        "explain": teikit.explain(result),
        # the file's place on this machine left out: snapshots compare across checkouts
        "diagnostics": "\n".join(str(d).replace(str(path), path.name)
                                 for d in result.diagnostics),
    }


def snapshot() -> dict[str, dict[str, str]]:
    return {key: outputs(path, profile) for key, path, profile in transcripts()}


def first_difference(before: str, after: str) -> str:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return "\n".join(list(diff)[2:12])


def check(recorded: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> int:
    """Print every difference; the number of files that differ."""
    differing = 0
    for key in sorted(recorded.keys() | now.keys()):
        if key not in now or key not in recorded:
            print(f"{key}: {'missing now' if key not in now else 'new'}")
            differing += 1
            continue
        parts = [part for part in recorded[key] if recorded[key][part] != now[key][part]]
        if parts:
            differing += 1
            for part in parts:
                change = first_difference(recorded[key][part], now[key][part])
                print(f"{key}: {part} differs\n{change}")
    return differing


def digest(outputs_of: dict[str, dict[str, str]]) -> str:
    data = json.dumps(outputs_of, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["record", "check"])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=FOLDER",
                        help="also a folder of transcripts (*.txt); repeatable")
    args = parser.parse_args()
    for given in args.corpus:
        name, _, folder = given.partition("=")
        CORPORA[name] = (Path(folder), "*.txt", None)
    now = snapshot()
    if args.action == "record":
        args.snapshot.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(now)} transcripts (digest {digest(now)}) in {args.snapshot}")
        return 0
    recorded = json.loads(args.snapshot.read_text(encoding="utf-8"))
    differing = check(recorded, now)
    print(f"{len(now)} transcripts, {differing} differ (digest {digest(now)})")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
