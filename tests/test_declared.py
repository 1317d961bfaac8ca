"""A transcript's own statement of its conventions: the signs it names, what it says they
mean, and which of them a profile does not honour (varied wordings, all fictional)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.encoder import profiles
from teikit.encoder.inline.declared import (
    check_statement,
    read_statement,
    statement_warnings,
    unhonoured,
)

from conftest import DATA


@pytest.mark.parametrize(("statement", "expected"), [
    ("Words struck through in the original are printed in braces; angle brackets enclose "
     "words added in pencil.", [("{…}", "deleted"), ("<…>", "added")]),
    ("Curly brackets mark the typist's deletions, pointed brackets her insertions above the "
     "line.", [("{…}", "deleted"), ("<…>", "added")]),
    ("Text between double tildes was crossed out by the clerk.", [("~~…~~", "deleted")]),
    ("The letter is given in the Leiden system.", [("Leiden", "system")]),
    ("Transcribed after the Leiden conventions, with EpiDoc sigla.",
     [("Leiden", "system"), ("Leiden", "system")]),
    ("A question mark in square brackets follows a doubtful reading.", [("[?]", "uncertain")]),
    ("Doubtful readings are written [word?]; [...] marks passages the editor left out.",
     [("[…?]", "uncertain"), ("[...]", "omitted")]),
    ("Square brackets mark text lost through damage and restored by the editor.",
     [("[…]", "lost")]),
    ("Editorial insertions are in square brackets.", [("[…]", "supplied")]),
    ("Deletions are shown {thus} and additions <thus>.",
     [("{…}", "deleted"), ("<…>", "added")]),
    ("Words underlined in the original stand between double vertical bars.",
     [("||…||", "emphasis")]),
    ("Abbreviations are expanded in round brackets.", [("(…)", "expansion")]),
    ("Passages erased by the author are set in double square brackets.",
     [("[[…]]", "deleted")]),
    ("Angle brackets enclose words.", [("<…>", "")]),
    ("The minutes were typed on two sheets.", []),
])
def test_the_signs_a_statement_names(statement: str, expected: list[tuple[str, str]]) -> None:
    found = read_statement(statement)
    assert [(s.sigil, s.meaning) for s in found] == expected
    for sigil in found:
        assert 0 <= sigil.start < sigil.end <= len(statement)


def test_positions_point_at_the_sign_s_name() -> None:
    statement = "Note: words crossed out are in braces."
    (sigil,) = read_statement(statement)
    assert statement[sigil.start : sigil.end] == "braces"


BRACES_AND_ANGLES = ("Words struck through are printed in braces, and angle brackets "
                     "enclose pencil additions.")


@pytest.mark.parametrize(("statement", "profile", "sigils"), [
    (BRACES_AND_ANGLES, "documentary", ["{…}", "<…>"]),
    (BRACES_AND_ANGLES, "leiden", ["{…}", "<…>"]),  # Leiden reads <…> as omitted letters
    ("Struck words are between double tildes.", "crowd", []),
    ("Struck words are between double tildes.", "documentary", ["~~…~~"]),
    ("The text follows the Leiden system.", "leiden", []),
    ("The text follows the Leiden system.", "documentary", ["Leiden"]),
    ("Square brackets mark text lost through damage.", "documentary", ["[…]"]),
    ("Square brackets mark text lost through damage.", "leiden", []),
    ("Square brackets enclose words supplied by the translator.", "documentary", []),
    ("Square brackets enclose words supplied by the translator.", "frus", ["[…]"]),
    ("A question mark in brackets follows an uncertain word.", "documentary", []),
])
def test_what_a_profile_does_not_honour(statement: str, profile: str,
                                        sigils: list[str]) -> None:
    found = check_statement(statement, profiles.get(profile))
    assert [u.sigil.sigil for u in found] == sigils
    assert all(u.sigil.sigil.split("…")[0] in u.message for u in found)


def test_a_declared_convention_honours_the_sign(tmp_path: Path) -> None:
    memo = profiles.load_file(DATA / "conventions" / "memo.toml")
    assert unhonoured(read_statement(BRACES_AND_ANGLES), memo) == []
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[conventions]]\nname = "b"\nopen = "{"\nclose = "}"\n'
                     'element = "add"\n', encoding="utf-8")
    (found,) = check_statement("Braces enclose deleted words.", profiles.load_file(wrong))
    assert "reads as added" in found.message


def test_warnings_name_the_sign_and_where_its_name_stands() -> None:
    statement = "Note on the text: struck words are in braces;\nangle brackets mark additions."
    found = statement_warnings(statement, profiles.get("documentary"), "memo.txt", 3, 5)
    assert [(d.code, d.line, d.column) for d in found] == [("TK150", 3, 43), ("TK150", 4, 1)]
    assert "{…}" in found[0].message and "<…>" in found[1].message
