"""Profiles load from a name, a TOML file, ``teikit.toml`` and ``[tool.teikit]``; bad
configuration is an error, never silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.diagnostics import ConfigError
from teikit.encoder import encode_text, profiles
from teikit.encoder.inline import RULE_NAMES


def test_builtin_profiles_exist() -> None:
    assert set(profiles.BUILTIN) >= {"documentary", "frus", "leiden", "crowd"}
    for profile in profiles.BUILTIN.values():
        assert profile.rules <= RULE_NAMES
        assert profile.description


def test_profile_file_switches_rules_and_options(tmp_path: Path) -> None:
    path = tmp_path / "edition.toml"
    path.write_text(
        'extends = "documentary"\nname = "edition"\nenable = ["correction"]\n'
        'disable = ["stamp"]\n[options]\nsupplied_reason = "omitted"\n', encoding="utf-8")
    profile = profiles.load_file(path)
    assert profile.name == "edition"
    assert "correction" in profile.rules and "stamp" not in profile.rules
    result = encode_text("the Indonesain [Indonesian] delegates and [North] Korea [stamp]",
                         profile=profile, layout="plain")
    xml = result.to_bytes().decode()
    choice = '<choice><sic>Indonesain</sic><corr rend="bracket-after">Indonesian</corr></choice>'
    assert choice in xml
    assert '<supplied reason="omitted" resp="#editor">North</supplied>' in xml
    assert '<supplied reason="omitted" resp="#editor">stamp</supplied>' in xml
    assert "Encoded with the edition profile" in xml


@pytest.mark.parametrize("text, message", [
    ('enable = ["nonsense"]\n', "unknown rule(s) nonsense"),
    ('disable = "stamp"\n', "must be a list"),
    ('[options]\nday_first = "yes"\n', "must be bool"),
    ('[options]\ncolour = 1\n', "unknown option 'colour'"),
    ('[options]\nquery_inside = "maybe"\n', "must be one of unclear, supplied, not 'maybe'"),
    ('extends = "nowhere"\n', "unknown profile 'nowhere'"),
    ('flavour = "x"\n', "unknown profile key(s): flavour"),
    ("this is not toml", "not valid TOML"),
])
def test_bad_profiles_are_configuration_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        profiles.load_file(path)


def test_teikit_toml_beside_transcripts(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text('profile = "frus"\n', encoding="utf-8")
    assert profiles.resolve(None, tmp_path).name == "frus"


def test_pyproject_tool_table_with_inline_profile(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.teikit.profile]\nextends = "leiden"\nname = "inscriptions"\n', encoding="utf-8")
    sub = tmp_path / "transcripts"
    sub.mkdir()
    assert profiles.resolve(None, sub).name == "inscriptions"


def test_explicit_choice_wins_over_configuration(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text('profile = "frus"\n', encoding="utf-8")
    assert profiles.resolve("crowd", tmp_path).name == "crowd"


def test_day_first_option_decides_ambiguous_dates() -> None:
    text = "Dear Sir,\nWe met.\nA. Person\n12/5/1948"
    european = encode_text(text).to_bytes()
    american = encode_text(text, profile=profiles.get("frus")).to_bytes()
    assert b'when="1948-05-12"' in european
    assert b'when="1948-12-05"' in american


def test_an_impossible_date_is_left_untagged_with_a_warning() -> None:
    result = encode_text("Dear Sir,\nWe met.\nA. Person\n31 June 1959")
    dates = [(d.code, d.line) for d in result.diagnostics if d.code.startswith("TK13")]
    assert dates == [("TK130", 4)]
    text = result.to_bytes().split(b"<text")[1]
    assert b"<dateline>31 June 1959</dateline>" in text and b"<date " not in text


def test_leiden_keeps_a_labelled_bracket_a_description_of_the_sheet() -> None:
    """Under Leiden, [abc] is a restoration; [stamp: …] and [handwritten: …] still describe
    marks on the sheet, never restored text."""
    text = ("[stamp: Harbour Office Zadar – received 4. V. 1951]\n"
            "Zadar, 2 May 1951\n"
            "The offic[er] of the schooner Marija asks for a new certif[icate].\n"
            "[handwritten: to the file. K.]\n")
    result = encode_text(text, profile=profiles.get("leiden"))
    xml = result.to_bytes().decode()
    assert "<stamp " in xml and 'hand="#hand-handwritten"' in xml
    supplied = xml.split("<supplied")[1:]
    assert [s.split(">", 1)[1].split("<", 1)[0] for s in supplied] == ["er", "icate"]
