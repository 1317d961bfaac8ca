"""Nothing is lost: the transcript view of the TEI gives every input back byte for byte,
and the encoder never crashes and always writes well-formed XML, whatever the input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.encoder import encode_bytes, encode_text, profiles
from teikit.exporter.text import to_bytes, to_text
from teikit.tei import parse_bytes

from conftest import DATA, ROOT, SAMPLES

EDITORIAL = [
    "[", "]", "[North]", "[...]", "[. . .]", "[…]", "[sic]", "[sic!]", " [?]", "[word?]",
    "[Page 2]", "[p. 3]", "[1]", "[2]", "¹", "[0.85, 1.15]", "[Translator's note: x]",
    "[Editor’s note: y]", "[handwritten: z]", "[stamp: R]", "[stamp]", "[seal]",
    "[2 words illegible]", "[illegible]", "[name not declassified]", "[redacted]",
    "[signature]", "[[x]]", "[a [b] c]", "~~x~~", "<ab>", "a(bc)", "[---]",
]
STRUCTURE = [
    "\n", "\r\n", "\r", "\n\n", " ", "\t", "Dear Sir,", "Sincerely,", "John Smith",
    "21 September 1959", "September 21, 1959", "Moscow, 9 MAR 66", "- 2 -", "[To] All:",
    "SUBJECT: x", "Participants:", "1. ", "Notes", "\n[1] note", "Rights", "Source",
    "Associated Places", "P.S. ", "This document was made possible with support from X",
]
AWKWARD = ["\x00", "\x07", "\x1f", "\ufeff", "\ufffe", "é", "’", "&", "<", ">", "]]>", "\u2028"]
PIECE = st.one_of(
    st.sampled_from(EDITORIAL + STRUCTURE + AWKWARD),
    st.text(max_size=6),
)
TRANSCRIPT = st.lists(PIECE, max_size=40).map("".join)
PROFILE = st.sampled_from(sorted(profiles.BUILTIN))


TEIKIT_RNG = etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "teikit.rng")))


@settings(max_examples=400, suppress_health_check=list(HealthCheck), deadline=None)
@given(text=TRANSCRIPT, profile=PROFILE)
def test_transcript_view_gives_any_text_back(text: str, profile: str) -> None:
    result = encode_text(text, profile=profiles.get(profile))
    tree = parse_bytes(result.to_bytes())
    assert to_text(tree, "transcript") == text
    to_text(tree, "reading")
    assert TEIKIT_RNG.validate(tree), TEIKIT_RNG.error_log


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(text=TRANSCRIPT, newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_bytes_round_trip_keeps_line_endings_and_bom(text: str, newline: str,
                                                      bom: bool) -> None:
    body = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)
    data = (b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8", "surrogatepass")
    result = encode_bytes(data)
    assert to_bytes(parse_bytes(result.to_bytes()), "transcript") == data


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.binary(max_size=200))
def test_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    from teikit.diagnostics import InputError

    try:
        result = encode_bytes(data)
    except InputError as exc:
        assert "not valid utf-8" in str(exc)
        return
    assert to_bytes(parse_bytes(result.to_bytes()), "transcript") == data


def every_transcript() -> list[Path]:
    found = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "encode").rglob("*.txt"))
    return [path for path in found if ".transcript." not in path.name
            and ".reading." not in path.name]


@pytest.mark.parametrize("path", every_transcript(),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_transcript_round_trips(path: Path) -> None:
    data = path.read_bytes()
    for name in profiles.BUILTIN:
        result = encode_bytes(data, name=path.name, profile=profiles.get(name))
        assert to_bytes(parse_bytes(result.to_bytes()), "transcript") == data


def calls_to_encode(text: str) -> int:
    """Function calls (Python and C) made to encode ``text``: a count, not a time."""
    import sys

    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        encode_text(text)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit", [
    "[North] Korea [sic] and [ unbalanced ",       # one long line
    "Dear Sir, the [North] report [Page 2]\n",      # many short lines
    "[a [b [c] d] e] ~~x~~ [1] ¹ [...]\n\n",         # nesting and paragraphs
])
def test_encoding_work_grows_linearly_with_the_input(unit: str) -> None:
    """Four times the text costs four times the calls (within 10 %), not sixteen."""
    small, large = calls_to_encode(unit * 200), calls_to_encode(unit * 800)
    assert large <= 4.4 * small, (small, large)


def test_a_very_long_line_gives_every_bracket_back() -> None:
    line = "[North] Korea [sic] and [ unbalanced " * 20000
    result = encode_text(line)
    assert to_text(result.tree, "transcript") == line
    assert sum(1 for d in result.diagnostics if d.code == "TK101") == 20000


def test_brackets_nested_past_the_bound_stay_text_with_one_warning() -> None:
    from teikit.encoder.inline.engine import MAX_NESTING

    text = "[" * 250 + "x" + "]" * 250 + "\n"
    result = encode_text(text)
    assert to_text(result.tree, "transcript") == text
    [warning] = [d for d in result.diagnostics if d.code == "TK102"]
    assert (warning.line, warning.column) == (1, MAX_NESTING + 1)
    depth = max(len(list(e.iterancestors())) for e in result.tree.iter())
    assert depth < MAX_NESTING + 20


@pytest.mark.parametrize("code", ["U+110000", "U+zz", "U+"])
def test_a_control_character_naming_no_character_keeps_its_text(code: str) -> None:
    """A teikit-made TEI edited by hand to a code that names no character: the transcript
    view keeps the element's text instead of failing."""
    tree = encode_text("A bell\x07 rang.\n").tree
    [g] = tree.getroot().iter("{http://www.tei-c.org/ns/1.0}g")
    g.set("n", code)
    assert to_text(tree, "transcript") == "A bell␇ rang.\n"
