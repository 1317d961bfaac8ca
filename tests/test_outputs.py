"""Output naming (teikit.outputs): however the inputs are named, no two of a run's inputs
ever get the same output file; a run that would do so is refused before anything is read."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teikit.diagnostics import InputError
from teikit.outputs import Plan, Source

NAMES = st.sampled_from(["a.txt", "a.xml", "a.tei", "b.txt", "A.txt", "a.b.txt"])
FOLDERS = st.sampled_from(["", "x", "y", "x/y"])
SOURCES = st.lists(st.tuples(FOLDERS, NAMES, st.sampled_from([None, "", "x"])), min_size=1,
                   max_size=6, unique_by=lambda s: (s[0], s[1]))


@given(SOURCES, st.sampled_from([".xml", ".html", ".reading.txt"]), st.booleans())
def test_outputs_of_different_inputs_never_coincide(
        sources: list[tuple[str, str, str | None]], suffix: str, folder_output: bool) -> None:
    root = Path("/data")
    found = []
    for folder, name, base in sources:
        named = None if base is None else root / base  # the folder named on the command line
        inside = named is not None and (root / folder).is_relative_to(named)
        found.append(Source(root / folder / name, named if inside else None))
    try:
        plan = Plan(found, Path("/out/") if folder_output else None)
    except InputError as error:
        assert "would both be written to" in str(error)
        return
    targets = [plan.target(source, suffix) for source in plan.sources]
    assert len(set(targets)) == len(targets)


def test_two_inputs_of_one_name_are_refused_naming_both() -> None:
    sources = [Source(Path("/d/a/x.txt")), Source(Path("/d/b/x.txt"))]
    with pytest.raises(InputError, match=r"/d/a/x\.txt and /d/b/x\.txt would both be written "
                                         r"to /out/x\.\*"):
        Plan(sources, Path("/out"))
    assert Plan(sources).target(sources[1], ".xml") == Path("/d/b/x.xml")  # beside: apart


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_named_as_output_is_written_into_and_never_replaced(tmp_path: Path) -> None:
    """``-o /dev/null``, ``-o /dev/stdout`` or a named pipe: the data goes into it, twice
    over, and the device or pipe stays what it was (replacing it atomically would put a
    plain file in its place), with no ownership record beside it."""
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def drain() -> None:
        # Held open for reading and writing across both writes: a reader that closed and
        # reopened the pipe between them could close it just after the second write began,
        # and the kernel would drop what that write had put in it.
        fd = os.open(pipe, os.O_RDWR)
        try:
            while len(b"".join(received)) < len(b"<first/><second/>"):
                received.append(os.read(fd, 64))
        finally:
            os.close(fd)

    def write() -> None:
        plan = Plan([Source(tmp_path / "in.txt")], pipe)
        for data in (b"<first/>", b"<second/>"):
            plan.write(pipe, data)

    threads = [threading.Thread(target=job, daemon=True) for job in (drain, write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in threads), "blocked on the pipe"
    assert b"".join(received) == b"<first/><second/>"
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]
