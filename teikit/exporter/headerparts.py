"""The parts of a TEI header that may be quoted in a text, as data for both renderers
(:mod:`teikit.exporter.html.rules.headerparts`, :mod:`teikit.exporter.text.policy`)."""

from __future__ import annotations

from typing import Final

GROUPS: Final = frozenset({
    "recordingStmt", "recording", "equipment", "broadcast", "textDesc", "particDesc",
    "settingDesc", "setting", "keywords", "correspDesc", "biblFull", "titleStmt",
    "publicationStmt", "editionStmt", "sourceDesc", "revisionDesc", "listChange",
    "unitDecl", "transcriptionDesc", "refsDecl", "listAnnotation", "annotation",
    "annotationBlock", "profileDesc", "encodingDesc", "projectDesc", "samplingDecl",
    "editorialDecl", "tagsDecl", "classDecl", "langUsage", "calendarDesc",
})
"""Parts that group others: blocks of their parts."""

STATEMENTS: Final = frozenset({
    "channel", "constitution", "derivation", "domain", "factuality", "interaction",
    "preparedness", "purpose", "locale", "activity", "funder", "sponsor", "principal",
    "classCode", "catRef", "schemaRef", "correspAction", "correspContext", "citeStructure",
    "citeData", "cRefPattern", "refState", "change", "licence", "unitDef", "conversion",
    "scriptStmt", "calendar", "language", "rendition",
    "tagUsage", "namespace", "normalization", "correction", "quotation", "hyphenation",
    "segmentation", "interpretation", "punctuation", "stdVals", "appInfo", "application",
})
"""Statements: a line each (holding paragraphs, blocks)."""
