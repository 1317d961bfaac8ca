"""Every diagnostic code teikit emits, in one table: its severity, what it means, and
where it is documented. README.md's list of codes is made from :data:`CODES` (a test
keeps the two equal, and fails on any code emitted that is not here).

Schematron asserts and reports keep the ``id`` their schema gives them: those codes
belong to the schema, not to teikit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from teikit.diagnostics import Severity

ENCODE, VALIDATE, EXPORT = "#encode", "#validate", "#export"
RELIABILITY = "docs/reliability.md"


@dataclass(frozen=True)
class Code:
    """One diagnostic code."""

    code: str
    severity: Severity
    meaning: str
    docs: str


_TABLE: Final = (
    Code("TK000", Severity.ERROR, "a file cannot be read or decoded (missing, a folder, not "
         "valid in its encoding: line, column and byte)", RELIABILITY),
    Code("TK001", Severity.WARNING, "the transcript is empty", ENCODE),
    Code("TK002", Severity.WARNING, "no document structure recognised; encoded as paragraphs",
         ENCODE),
    Code("TK003", Severity.ERROR, "an output cannot be written (permissions, a full disk, a "
         "file where a folder should be); exit 2", RELIABILITY),
    Code("TK004", Severity.ERROR, "an output not written: it would replace an input, a file "
         "teikit did not write, or one changed since teikit wrote it (`--force`)", RELIABILITY),
    Code("TK005", Severity.WARNING, "no title found; the file name stands for it", ENCODE),
    Code("TK101", Severity.WARNING, "an unbalanced square bracket, kept as text", ENCODE),
    Code("TK102", Severity.WARNING, "brackets nested more than 100 deep, kept as text from "
         "there on", ENCODE),
    Code("TK103", Severity.WARNING, "a delimiter of a convention the profile declares, without "
         "its partner, kept as text", ENCODE),
    Code("TK110", Severity.WARNING, "an insertion glued inside a word (`deleg[ation]`)", ENCODE),
    Code("TK120", Severity.WARNING, "`[sic]` with no word before it", ENCODE),
    Code("TK121", Severity.WARNING, "`[?]` with no word before it", ENCODE),
    Code("TK130", Severity.WARNING, "a date that cannot be resolved, left untagged", ENCODE),
    Code("TK140", Severity.WARNING, "the transcript's language detected without certainty "
         "(say it with `--lang`)", ENCODE),
    Code("TK150", Severity.WARNING, "the transcript's own conventions statement names a sign "
         "the profile does not read as stated", ENCODE),
    Code("TK141", Severity.WARNING, "a record heading teikit does not know, kept in the back "
         "matter", ENCODE),
    Code("TK501", Severity.WARNING, "an `xml:id` used more than once", EXPORT),
    Code("TK502", Severity.WARNING, "an `xml:id` that is not an XML name", EXPORT),
    Code("TK503", Severity.WARNING, "a TEI without text", EXPORT),
    Code("TK504", Severity.INFO, "a teiCorpus rendered as one page", EXPORT),
    Code("TK505", Severity.WARNING, "elements in an unknown namespace", EXPORT),
    Code("TK506", Severity.WARNING, "the root is neither TEI nor teiCorpus", EXPORT),
    Code("TK507", Severity.WARNING, "an xi:include that could not be resolved", EXPORT),
    Code("TK510", Severity.ERROR, "not exported: the TEI does not validate", EXPORT),
    Code("TK511", Severity.ERROR, "not exported: nested too deeply to render", EXPORT),
    Code("TK520", Severity.ERROR, "not exported: the --xslt templates failed", EXPORT),
    Code("TK599", Severity.ERROR, "not exported: an internal error", EXPORT),
    Code("TK900", Severity.WARNING, "a block that would not read back exactly, kept as plain "
         "text", ENCODE),
    Code("TK901", Severity.ERROR, "internal error: the TEI would not give the transcript back "
         "(never expected)", ENCODE),
    Code("TK999", Severity.ERROR, "internal error: one file's work failed in a way teikit did "
         "not foresee (please report it); the batch goes on", RELIABILITY),
    Code("input", Severity.ERROR, "a document cannot be read", VALIDATE),
    Code("empty", Severity.ERROR, "a document is empty", VALIDATE),
    Code("xml-syntax", Severity.ERROR, "not well-formed XML (a DTD's entities, entity "
         "expansion and element depth past teikit's bounds included)", RELIABILITY),
    Code("xinclude", Severity.ERROR, "an `xi:include` that cannot be resolved or is not trusted",
         VALIDATE),
    Code("xml-model", Severity.ERROR, "a schema the document declares (`<?xml-model?>`) that "
         "cannot be used (a missing file, a URL not in the schema cache)", VALIDATE),
    Code("schema", Severity.ERROR, "a schema cannot be used for this document", VALIDATE),
    Code("rng", Severity.ERROR, "the document does not match its RELAX NG schema", VALIDATE),
    Code("rng-element", Severity.ERROR, "an element that is not allowed where it is", VALIDATE),
    Code("rng-missing", Severity.ERROR, "a required element is missing", VALIDATE),
    Code("rng-attribute", Severity.ERROR, "an attribute that is not allowed, or one missing",
         VALIDATE),
    Code("rng-value", Severity.ERROR, "a value the schema does not allow", VALIDATE),
    Code("rng-text", Severity.ERROR, "text where the schema allows none", VALIDATE),
    Code("dangling-pointer", Severity.ERROR, "a local pointer (`#id`, or a `prefixDef` prefix "
         "expanding to one) that names no `xml:id` of the document (`--check-pointers`)",
         VALIDATE),
    Code("duplicate-id", Severity.WARNING, "an `xml:id` used twice, named at both places (an "
         "error where the grammar counts IDs, as libxml2 and jing do for some)", VALIDATE),
    Code("rng-schema", Severity.ERROR, "a RELAX NG schema that is not correct RELAX NG, "
         "located in the schema (a configuration error: exit 2)", VALIDATE),
    Code("rnc-include", Severity.ERROR, "a compact-syntax schema includes a file that cannot "
         "be read", VALIDATE),
    Code("xsd", Severity.ERROR, "the document does not match its XSD", VALIDATE),
    Code("schematron-error", Severity.ERROR, "a Schematron rule could not be evaluated",
         VALIDATE),
    Code("schematron-ignored", Severity.WARNING, "a part of a Schematron schema that no rule "
         "can observe, ignored", VALIDATE),
)
CODES: Final[dict[str, Code]] = {entry.code: entry for entry in _TABLE}
"""Code → its entry, in the order of the table."""


def markdown_table() -> str:
    """The table as README.md shows it."""
    rows = ["| code | severity | meaning |", "|---|---|---|"]
    rows += [f"| {c.code} | {c.severity} | {c.meaning} ([docs]({c.docs})) |" for c in _TABLE]
    return "\n".join(rows) + "\n"
