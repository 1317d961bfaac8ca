"""Which schemas check a document, and why.

In this order:

1. the schemas asked for (``--schema``, or the ``schemas`` argument of the API);
2. else the ones the document declares (``<?xml-model?>``);
3. else the project's (``schemas = [...]`` under ``[tool.teikit]``);
4. else teikit's own schemas for a document teikit wrote (its ``teiHeader`` names the
   application ``teikit`` in ``encodingDesc/appInfo``), and the official ``tei_all``
   (TEI P5, shipped with teikit, its embedded Schematron included) for any other.

:func:`schemas_for` answers for any document; :class:`SchemaChoice` says what was chosen
and why, in words a summary can show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, Literal

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.tei import TEI_NS
from teikit.validator.config import Config, load_config
from teikit.validator.document import Document, DocumentInput, load_document
from teikit.validator.schemas import SCHEMA_DIR, Schema, default_schemas, load_schema
from teikit.validator.xmlmodel import declared_schemas

TEI_ALL: Final = SCHEMA_DIR / "tei" / "tei_all.rng"
"""The official ``tei_all`` RELAX NG of the TEI Consortium, unmodified (licence and version
in ``schemas/tei/``)."""
_WRITER: Final = (f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}encodingDesc/{{{TEI_NS}}}appInfo/"
                  f"{{{TEI_NS}}}application[@ident='teikit']")
_EDITION: Final = re.compile(rb"TEI Edition: P5 Version(?:\s|\xc2\xa0)+([0-9]+(?:\.[0-9]+)*)")

Reason = Literal["given", "declared", "settings", "teikit", "tei_all"]
_WHY: Final[dict[Reason, str]] = {
    "given": "as given",
    "declared": "declared by the document",
    "settings": "the project's settings",
    "teikit": "teikit's own: written by teikit",
    "tei_all": "no schema declared",
}


@dataclass(frozen=True)
class SchemaChoice:
    """The schemas that check a document, why they were chosen, and any problem met while
    reading the document's own declarations (an ``xml-model`` that names no file)."""

    schemas: tuple[Schema, ...]
    reason: Reason
    problems: tuple[Diagnostic, ...] = ()

    @property
    def label(self) -> str:
        """``tei_all.rng (TEI P5 4.12.0, shipped with teikit; no schema declared)``."""
        if self.reason == "tei_all":
            return f"tei_all.rng (TEI P5 {tei_all_version()}, shipped with teikit; " \
                   f"{_WHY['tei_all']})"
        names = " + ".join(_shown(schema) for schema in self.schemas) or "no schema"
        return f"{names} ({_WHY[self.reason]})"


def _shown(schema: Schema) -> str:
    path = schema.source or schema.path
    if path.parent == SCHEMA_DIR:
        return path.name
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


@cache
def tei_all_version() -> str:
    """The TEI edition of the shipped ``tei_all`` (read from its header comment)."""
    with TEI_ALL.open("rb") as stream:
        found = _EDITION.search(stream.read(4096))
    return found.group(1).decode() if found else "(unknown edition)"


def tei_all() -> Schema:
    """The shipped ``tei_all.rng`` (ConfigError when the installation lacks it)."""
    return load_schema(TEI_ALL)


def written_by_teikit(tree: etree._ElementTree) -> bool:
    """True when the TEI header names teikit as the application that wrote the document."""
    root = tree.getroot()
    return root.tag == f"{{{TEI_NS}}}TEI" and root.find(_WRITER) is not None


def configured_schemas(config: Config) -> list[Schema]:
    """The schemas a project's settings name (ConfigError when one is unusable)."""
    return [load_schema(path) for path in config.schemas]


def choose(document: Document, schemas: Sequence[Schema] | None, config: Config | None
           ) -> SchemaChoice:
    """The schemas for a loaded ``document`` (see the module's docstring for the order)."""
    if schemas:
        return SchemaChoice(tuple(schemas), "given")
    if config is None:
        config = load_config(document.folder)
    declared, problems = declared_schemas(document.tree, document.filename, document.folder,
                                          config.schema_cache)
    if declared or problems:
        return SchemaChoice(tuple(declared), "declared", tuple(problems))
    if config.schemas:
        return SchemaChoice(tuple(configured_schemas(config)), "settings")
    if written_by_teikit(document.tree):
        return SchemaChoice(tuple(default_schemas()), "teikit")
    return SchemaChoice((tei_all(),), "tei_all")


def schemas_for(document: DocumentInput, schemas: Sequence[Schema | str | Path] | None = None,
                *, config: Config | None = None) -> SchemaChoice:
    """The schemas that check ``document`` (a path, bytes or an lxml tree) and why.

    ``schemas`` given are used as they are; without ``config`` the settings of the project
    the document belongs to apply. A document that cannot be parsed gets the default for
    documents teikit did not write, with the problem in ``problems``.
    """
    given = [s if isinstance(s, Schema) else load_schema(s) for s in schemas or ()]
    if given:
        return SchemaChoice(tuple(given), "given")
    if config is None and isinstance(document, (str, Path)):
        config = load_config(Path(document).parent)
    loaded, problems = load_document(document)
    if loaded is not None:
        return choose(loaded, None, config)
    if config is not None and config.schemas:
        return SchemaChoice(tuple(configured_schemas(config)), "settings", tuple(problems))
    return SchemaChoice((tei_all(),), "tei_all", tuple(problems))
