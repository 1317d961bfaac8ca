"""Editorial profiles as data: which inline rules run, with which options.

A profile is chosen by name (``documentary``, ``frus``, ``leiden``, ``crowd``) or read
from TOML (a profile file, ``[tool.teikit]`` in ``pyproject.toml``, or ``teikit.toml``)::

    extends = "documentary"         # start from a built-in profile
    name = "my-edition"
    enable = ["correction"]         # rules to add
    disable = ["stamp"]             # rules to remove
    [options]
    supplied_reason = "omitted"
    day_first = false
    [people]                        # who the @resp pointers name (see responsibility.py)
    editor = "A. Example"
    [[conventions]]                 # conventions of the profile's own (see conventions.py)
    name = "struck"
    open = "{"
    close = "}"
    element = "del"

Unknown rule names, unknown options and values of the wrong type are configuration
errors, never silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from teikit.diagnostics import ConfigError
from teikit.encoder import conventions, responsibility
from teikit.encoder.conventions import Convention
from teikit.encoder.language import TAG
from teikit.settings import find_settings, read_toml

OPTIONS: dict[str, type] = {
    "supplied_reason": str,
    "resp": str,
    "omission_reason": str,
    "word_internal_ok": bool,
    "correction_similarity": float,
    "day_first": bool,
    "century_pivot": int,
    "query_inside": str,
    "lang": str,
}
"""Every option a profile may set, with its type."""

CHOICES: dict[str, tuple[str, ...]] = {
    "query_inside": ("unclear", "supplied"),
}
"""Options whose value is one of a few words."""

_COMMON = frozenset({"citations", "footnotes", "literal", "pages"})
_DOCUMENTARY = _COMMON | {
    "omission", "illegible", "redaction", "marks", "remarks", "sic", "uncertain", "notes",
    "handwritten", "stamp", "supplied", "superscript",
}


@dataclass(frozen=True)
class Profile:
    """A named set of rules and options, and the sentence that describes it."""

    name: str
    description: str
    rules: frozenset[str]
    options: Mapping[str, object] = field(default_factory=dict)
    people: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Who holds each responsibility the TEI points to (``editor`` → names), from the
    profile's ``[people]`` table (see :mod:`teikit.encoder.responsibility`)."""

    def option(self, name: str, default: Any) -> Any:
        return self.options.get(name, default)

    @property
    def conventions(self) -> tuple[Convention, ...]:
        """The conventions the profile declares (kept with the options, which the inline
        engine reads: see :mod:`teikit.encoder.inline.declared_rules`)."""
        found = self.options.get("conventions", ())
        return found if isinstance(found, tuple) else ()


BUILTIN: dict[str, Profile] = {
    "documentary": Profile(
        "documentary",
        "Translated documentary records: words in square brackets were added by the "
        "translator or editor and are encoded as supplied; bracketed keywords mark "
        "omissions, illegible or withheld text, [sic], uncertain readings, notes, "
        "handwriting, stamps and page breaks.",
        frozenset(_DOCUMENTARY),
        {"supplied_reason": "clarification", "resp": "#editor", "omission_reason": "editorial"},
    ),
    "frus": Profile(
        "frus",
        "Foreign Relations of the United States practice: square brackets are printed in "
        "the edition and are kept as literal text; page markers become page breaks.",
        frozenset({"pages", "citations", "footnotes", "superscript", "glued"}),
        {"day_first": False},
    ),
    "leiden": Profile(
        "leiden",
        "Leiden conventions (EpiDoc): [abc] is text lost and restored by the editor, "
        "[abc?] a doubtful restoration, <abc> letters omitted by the writer, a(bc) an "
        "expanded abbreviation, [---] a lacuna of unknown extent; a bracket that opens "
        "with its label ([stamp: …], [handwritten: …], [Editor's note: …]) describes the "
        "sheet, as in the documentary profile.",
        frozenset(_COMMON | {"lacuna", "omission", "illegible", "remarks", "uncertain",
                             "supplied", "omitted", "expansion", "stamp", "handwritten",
                             "notes"}),
        {"supplied_reason": "lost", "omission_reason": "lost", "word_internal_ok": True,
         "query_inside": "supplied"},
    ),
    "crowd": Profile(
        "crowd",
        "Crowd transcription: ~~text~~ is struck through in the source; square brackets "
        "are the transcribers' insertions and keywords as in the documentary profile.",
        frozenset(_DOCUMENTARY | {"strike"}),
        {"supplied_reason": "clarification", "resp": "#transcriber",
         "omission_reason": "editorial"},
    ),
}
DEFAULT = "documentary"


def get(name: str) -> Profile:
    """A built-in profile by name."""
    try:
        return BUILTIN[name]
    except KeyError:
        known = ", ".join(sorted(BUILTIN))
        raise ConfigError(f"unknown profile {name!r} (known: {known})") from None


def from_mapping(data: Mapping[str, Any], origin: str) -> Profile:
    """A profile from parsed TOML; ``origin`` names where it came from, for errors."""
    allowed = {"extends", "name", "description", "enable", "disable", "options", "profile",
               "conventions", "people"}
    if unknown := set(data) - allowed:
        raise ConfigError(f"{origin}: unknown profile key(s): {', '.join(sorted(unknown))}")
    base = get(str(data.get("extends") or data.get("profile") or DEFAULT))
    enable, disable = _names(data, "enable", origin), _names(data, "disable", origin)
    options = dict(base.options)
    raw_options = data.get("options", {})
    if not isinstance(raw_options, Mapping):
        raise ConfigError(f"{origin}: 'options' must be a table")
    for key, value in raw_options.items():
        options[key] = _check_option(key, value, origin)
    name = str(data.get("name") or base.name)
    description = str(data.get("description") or base.description)
    rules = (base.rules | enable) - disable
    if "conventions" in data:
        options["conventions"] = _conventions(data["conventions"], rules, origin)
    people = responsibility.people(data["people"], origin) if "people" in data else base.people
    return replace(base, name=name, description=description, rules=rules, options=options,
                   people=people)


def with_options(profile: Profile, origin: str, **options: object) -> Profile:
    """``profile`` with ``options`` set (checked as a profile file's would be; ``origin``
    names where they came from, such as ``--lang``)."""
    checked = {key: _check_option(key, value, origin) for key, value in options.items()}
    return replace(profile, options={**profile.options, **checked})


def _conventions(raw: object, rules: frozenset[str], origin: str) -> tuple[Convention, ...]:
    from teikit.encoder.inline.declared_rules import check_clashes

    found = conventions.parse(raw, origin)
    check_clashes(found, rules, origin)
    return found


def _names(data: Mapping[str, Any], key: str, origin: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{origin}: '{key}' must be a list of rule names")
    from teikit.encoder.inline import RULE_NAMES  # the rule modules load only when needed

    if unknown := set(value) - RULE_NAMES:
        known = ", ".join(sorted(RULE_NAMES))
        raise ConfigError(f"{origin}: unknown rule(s) {', '.join(sorted(unknown))} "
                          f"(known: {known})")
    return frozenset(value)


def _check_option(key: str, value: object, origin: str) -> object:
    expected = OPTIONS.get(key)
    if expected is None:
        raise ConfigError(f"{origin}: unknown option {key!r} (known: {', '.join(OPTIONS)})")
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"{origin}: option {key!r} must be {expected.__name__}, "
                          f"not {type(value).__name__}")
    if key in CHOICES and value not in CHOICES[key]:
        raise ConfigError(f"{origin}: option {key!r} must be one of "
                          f"{', '.join(CHOICES[key])}, not {value!r}")
    if key == "lang" and not TAG.fullmatch(str(value)):
        raise ConfigError(f"{origin}: option 'lang' must be a language tag such as en or "
                          f"sr-Latn, not {value!r}")
    return value


def load_file(path: Path) -> Profile:
    """A profile from a TOML file of the user's own."""
    return from_mapping(read_toml(path, "profile"), str(path))


def discover(folder: Path) -> Profile | None:
    """The profile the project's settings (:mod:`teikit.settings`) name for transcripts
    in ``folder``, if any."""
    found = find_settings(folder)
    section = found.table.get("profile")
    if found.path is None or section is None:
        return None
    if isinstance(section, str):
        candidate = found.path.parent / section
        return load_file(candidate) if candidate.suffix == ".toml" else get(section)
    if isinstance(section, Mapping):
        return from_mapping(section, f"{found.path} [profile]")
    raise ConfigError(f"{found.path}: 'profile' must be a name, a file or a table")


def resolve(choice: str | None, folder: Path | None) -> Profile:
    """``--profile`` (a name or a TOML file), else configuration found near ``folder``."""
    if choice:
        path = Path(choice)
        return load_file(path) if path.suffix == ".toml" else get(choice)
    found = discover(folder) if folder is not None else None
    return found or get(DEFAULT)
