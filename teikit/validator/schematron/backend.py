"""ISO Schematron, run directly (no XSLT) as a validation backend.

Patterns, rules, assert and report with ``role``, ``flag`` and ``subject``, ``let`` at every
level, ``diagnostics``, ``properties``, ``name`` and ``value-of``, phases (``--phase``,
else the schema's ``defaultPhase``, else all patterns), with XPath 1.0 (``xslt``) or
XPath 2.0/3.1 (``xslt2``/``xslt3``, through elementpath). Abstract rules and patterns,
``include`` and ``extends`` (:mod:`teikit.validator.schematron.expand`) and the XSLT a
schema holds at its top level (:mod:`teikit.validator.schematron.xslt`) are supported; what
teikit cannot run is refused as a configuration error (:mod:`teikit.validator.schematron.read`).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Diagnostic
from teikit.validator.backend import Vocabulary
from teikit.validator.document import Document
from teikit.validator.schemas import Schema
from teikit.validator.schematron.read import read_rules
from teikit.validator.schematron.rules import Pattern, Phase, RuleSet, sch
from teikit.validator.schematron.run import Run

if TYPE_CHECKING:
    from teikit.validator.schematron.parts import Plan

ALL = "#ALL"
DEFAULT = "#DEFAULT"


def active(rules: RuleSet, phase: str | None) -> tuple[list[Pattern], Phase | None]:
    """The patterns ``phase`` runs (None: the schema's default phase, else all) and the
    phase itself (None for all patterns). A schema without phases runs all its patterns
    whatever the phase; one with phases but not ``phase`` is a ConfigError."""
    name = rules.default_phase if phase in {None, DEFAULT} else phase
    if name is None or name == ALL or not rules.phases:
        return list(rules.patterns), None
    found = rules.phases.get(name)
    if found is None:
        known = ", ".join(sorted(rules.phases)) or "none"
        raise ConfigError(f"{rules.source}: no phase {name!r} in the schema (its phases: "
                          f"{known}; {ALL} runs every pattern)")
    return [p for p in rules.patterns if p.id in found.active], found


class SchematronBackend:
    """Runs one ``.sch`` schema (or the rules embedded in a RELAX NG grammar)."""

    def __init__(self, schema: Schema, rules: RuleSet | None = None, *,
                 phase: str | None = None) -> None:
        self.schema = schema
        if rules is None:
            try:
                root = tei.parse_file(schema.path).getroot()
            except (etree.XMLSyntaxError, OSError) as exc:
                raise ConfigError(f"{schema.path}: the schema is not well-formed XML: "
                                  f"{exc}") from None
            if root.tag != sch("schema"):
                raise ConfigError(f"{schema.path}: not an ISO Schematron schema "
                                  f"(root element {root.tag})")
            rules = read_rules(root, str(schema.path))
        self.rules = rules
        self.patterns, self.phase = active(rules, phase)

    @cached_property
    def parts(self) -> Plan | None:
        """How a large document can be checked in parts (None: only whole)."""
        from teikit.validator.schematron.parts import plan  # large documents only

        return plan(self.rules, self.patterns, self.phase)

    def prepare(self, vocabulary: Vocabulary) -> None:
        return None

    def check(self, document: Document) -> list[Diagnostic]:
        return Run(self.rules, document, self.patterns, self.phase).run()
