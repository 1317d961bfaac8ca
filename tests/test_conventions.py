"""Conventions a profile declares as data: delimiters → TEI element, round trip, reading
view, and configuration errors that name the file, the line and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_inline_cases import paragraph_content, read_cases

from teikit.diagnostics import ConfigError
from teikit.encoder import encode_text, profiles
from teikit.exporter.text import to_text
from teikit.tei import tei

from conftest import DATA, ROOT

HERE = DATA / "conventions"
MEMO = profiles.load_file(HERE / "memo.toml")
CASES = read_cases(HERE / "cases.txt")
GRAMMAR = etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "teikit.rng")))


def encoded(text: str, profile: profiles.Profile = MEMO) -> etree._ElementTree:
    return encode_text(text, profile=profile, layout="plain").tree


@pytest.mark.parametrize("case", CASES, ids=[f"{c.where} {c.title}" for c in CASES])
def test_declared_convention(case: object) -> None:
    tree = encoded(case.source)  # type: ignore[attr-defined]
    paragraph = tree.find(f".//{tei('body')}/{tei('p')}")
    assert paragraph is not None
    assert paragraph_content(paragraph) == case.expected  # type: ignore[attr-defined]
    assert to_text(tree, "transcript") == case.source  # type: ignore[attr-defined]
    assert GRAMMAR.validate(tree), GRAMMAR.error_log


def test_the_profile_file_declares_its_conventions() -> None:
    assert [c.name for c in MEMO.conventions] == ["struck", "pencil", "spaced", "doubtful",
                                                 "blue"]
    assert MEMO.conventions[0].reading == "omit" and MEMO.conventions[1].reading == "content"


def test_the_reading_view_shows_each_convention_as_declared() -> None:
    tree = encoded("The ferry {will not} sails, the <new> ⟨harbour⟩ pier "
                   "[blue pencil: ask] ||Kestrel||.")
    assert to_text(tree, "reading") == "The ferry sails, the new ⟨harbour⟩ pier Kestrel.\n"


def test_an_unclosed_delimiter_is_warned_about_with_its_position() -> None:
    result = encode_text("first\nthe {open pier and || here", profile=MEMO, layout="plain")
    found = [(d.code, d.line, d.column) for d in result.diagnostics]
    assert found == [("TK103", 2, 5), ("TK103", 2, 20)]


def test_the_default_run_keeps_braces_and_angle_brackets_as_escaped_text() -> None:
    text = "words {struck} and <pencilled> or ⟨spaced⟩ & ||barred|| stay"
    result = encode_text(text, layout="plain")
    xml = result.to_bytes().decode()
    assert ("words {struck} and &lt;pencilled&gt; or ⟨spaced⟩ &amp; ||barred|| stay</p>"
            in xml)
    assert to_text(result.tree, "transcript") == text
    assert result.diagnostics == []


def test_the_header_describes_the_declared_conventions() -> None:
    header = etree.tostring(encoded("a {b} c").getroot().find(tei("teiHeader")),
                            encoding="unicode")
    assert "{…} (struck): del, left out of the reading text" in header
    assert "words struck through in the original" in header


ALPHABET = st.sampled_from(["{", "}", "<", ">", "⟨", "⟩", "||", "|", "[", "]", " ", "a", "b",
                            "[blue pencil: ", "[North]", "\n", "~~", "[...]", "&"])


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_any_mix_of_delimiters_gives_the_transcript_back(text: str) -> None:
    result = encode_text(text, profile=MEMO, layout="plain")
    assert to_text(result.tree, "transcript") == text
    assert not [d for d in result.diagnostics if d.code in {"TK900", "TK901"}]


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text('name = "mine"\n\n' + body, encoding="utf-8")
    return path


PAIR = '[[conventions]]\nname = "struck"\nopen = "{"\nclose = "}"\nelement = "del"\n'


@pytest.mark.parametrize(("body", "line", "key", "message"), [
    ('[[conventions]]\nname = "x"\nopen = ""\nclose = "}"\nelement = "del"\n', 5, "open",
     "is empty"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nclose = "}"\nelement = "blink"\n', 7,
     "element", "'blink' is not a TEI element"),
    (PAIR + '\n[[conventions]]\nname = "curly"\nopen = "{"\nclose = "}"\nelement = "add"\n',
     11, "open", "clashes with convention 'struck'"),
    (PAIR + '\n[[conventions]]\nname = "double"\nopen = "{{"\nclose = "}}"\n'
     'element = "add"\n', 11, "open", "clashes with convention 'struck'"),
    ('extends = "crowd"\n[[conventions]]\nname = "x"\nopen = "~~"\nclose = "~~"\n'
     'element = "del"\n', 6, "open", "clashes with the built-in rule 'strike'"),
    ('extends = "leiden"\n[[conventions]]\nname = "x"\nopen = "<"\nclose = ">"\n'
     'element = "add"\n', 6, "open", "clashes with the built-in rule 'omitted'"),
    ('[[conventions]]\nname = "x"\nprefix = "stamp:"\nelement = "note"\n', 5, "prefix",
     "clashes with the built-in rule 'stamp'"),
    ('[[conventions]]\nname = "x"\nprefix = "handwritten:"\nelement = "add"\n', 5, "prefix",
     "clashes with the built-in rule 'handwritten'"),
    ('[[conventions]]\nname = "x"\nopen = "[["\nclose = "]]"\nelement = "del"\n', 5, "open",
     "clashes with the square-bracket rules"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nclose = "}"\nelement = "supplied"\n'
     'attributes = { reason = "whim" }\n', 8, "attributes.reason", "'whim' is not allowed"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nclose = "}"\nelement = "del"\n'
     'attributes = { rend = "red" }\n', 8, "attributes.rend", "not allowed on del"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nclose = "}"\nelement = "del"\n'
     'reading = "hide"\n', 8, "reading", "must be one of omit, content, delimited"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nelement = "del"\n', 3, "close", "is required"),
    ('[[conventions]]\nname = "x"\nopen = "{"\nclose = "}"\nprefix = "p:"\n'
     'element = "del"\n', 5, "open", "either open and close, or a prefix"),
    ('[[conventions]]\nname = "x"\nopen = "q"\nclose = "q"\nelement = "del"\n', 5, "open",
     "must start with a mark"),
    (PAIR + PAIR.replace("{", "(").replace("}", ")"), 9, "name", "'struck' is declared twice"),
])
def test_bad_conventions_name_file_line_and_key(tmp_path: Path, body: str, line: int,
                                                key: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as raised:
        profiles.load_file(path)
    text = str(raised.value)
    assert text.startswith(f"{path}:{line}: conventions[")
    assert f"key {key!r}" in text and message in text


def test_a_clash_depends_on_the_rules_the_profile_enables(tmp_path: Path) -> None:
    body = '[[conventions]]\nname = "x"\nopen = "~~"\nclose = "~~"\nelement = "del"\n'
    with pytest.raises(ConfigError):
        profiles.load_file(write(tmp_path, 'extends = "crowd"\n' + body))
    profile = profiles.load_file(write(tmp_path, 'extends = "documentary"\n' + body))
    assert to_text(encoded("a ~~b~~ c", profile), "reading") == "a c\n"


def test_conventions_in_teikit_toml(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text(
        '[profile]\nextends = "documentary"\n\n[[profile.conventions]]\nname = "struck"\n'
        'open = "{"\nclose = "}"\nelement = "del"\n', encoding="utf-8")
    profile = profiles.resolve(None, tmp_path)
    assert [c.sigil for c in profile.conventions] == ["{…}"]


def test_the_readme_example_profile_works(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.DOTALL)
    example = next(block for block in blocks if "[[conventions]]" in block)
    path = tmp_path / "typist.toml"
    path.write_text(example, encoding="utf-8")
    profile = profiles.load_file(path)
    tree = encoded("we {never} met [pencil: on Tuesday]", profile)
    assert to_text(tree, "transcript") == "we {never} met [pencil: on Tuesday]"
    assert to_text(tree, "reading") == "we met on Tuesday\n"


def test_errors_in_teikit_toml_name_its_line(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text(
        '[profile]\nextends = "crowd"\n\n[[profile.conventions]]\nname = "x"\nopen = "~~"\n'
        'close = "~~"\nelement = "del"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        profiles.resolve(None, tmp_path)
    assert str(raised.value).startswith(
        f"{tmp_path / 'teikit.toml'}:6: [profile] conventions[1] key 'open': ~~…~~ clashes")
