"""The reading policy as data: what the reading text omits, and how elements are laid out.

The reading text walks the whole ``text`` element. It leaves out only what
:data:`OMITTED` names, the readings a ``choice`` or ``app`` does not prefer, and (with the
``omit`` notes option) notes; everything else is text. Layout comes from these tables:

:data:`BLOCKS`
    a paragraph of their own (blank lines around).
:data:`LINES`
    a line of their own.
:data:`CONTAINERS`
    hold blocks: any child of theirs not named here is a paragraph of its own, so the
    text of an element nobody listed is never glued to its neighbours.
:data:`PHRASES`
    inline elements: text among text.

An element in none of these tables is read as a phrase (or, as the child of a container,
a paragraph) and counted for ``teikit export --report``.
"""

from __future__ import annotations

from typing import Final

from teikit.exporter import documentary
from teikit.exporter.headerparts import GROUPS, STATEMENTS

ERASURES_KEPT: Final = True
"""In an EpiDoc edition, text erased in antiquity (``del rend="erasure"``) is part of the
inscription's text and is kept."""

FEATURE_SYSTEM: Final = frozenset({
    "f", "fsDecl", "fDecl", "fDescr", "fsDescr", "fsConstraints", "fsdLink", "vRange",
    "vDefault", "vAlt", "vMerge", "vColl", "vNot", "vLabel", "binary", "symbol", "numeric",
    "string", "default", "cond", "bicond", "if", "then", "iff",
})
"""The parts of feature structures and of their declarations: like ``fs`` itself, an
analysis of the text, none of its words (met alone in a manual's examples)."""

NOT_TEXT: Final = frozenset({
    "index", "interp", "interpGrp", "certainty", "precision", "respons", "link", "linkGrp",
    "join", "joinGrp", "alt", "altGrp", "span", "spanGrp", "timeline", "anchor",
    "milestone", "gb", "cb", "addSpan", "fs", "fLib", "fvLib", "fsdDecl", "damageSpan",
    "delSpan", "lacunaStart", "lacunaEnd", "witStart", "witEnd", "substJoin", "listTranspose",
    "shift", *FEATURE_SYSTEM,
})
"""Annotations and markers that carry no words of the text (an index entry, a link, an
interpretation, a feature structure or its parts and declarations, the start of an
addition, a deletion or damage spanning elements, where a lacuna or a witness starts or
ends, how parts of the text are joined or transposed, a change in a speaker's voice):
neither the reading text nor the page shows them."""

OMITTED: Final = NOT_TEXT | frozenset({
    "del", "surplus", "fw", "pb", "witDetail", "graphic", "binaryObject", "media",
    "teiHeader", "facsimile", "standOff", "divGen", "equiv",
})
"""Elements whose content is not part of the reading text: :data:`NOT_TEXT`, deletions
and superfluous text, running heads, page breaks, images, metadata, and the place of a
generated division (an index, a table of contents)."""

PLACEHOLDER_DIVS: Final = frozenset({"metadata"})
"""``div`` types that, holding only a ``head``, are placeholders for header facts (teikit
writes them in the back) and are left out."""

PREFERRED: Final = ("corr", "reg", "expan")
"""In a ``choice``, the readings the reading text keeps; their alternatives (``sic``,
``orig``, ``abbr`` …) are omitted. A ``choice`` with none of them keeps its first child."""

LEMMA: Final = "lem"
"""In an ``app``, the reading kept; the variants (``rdg``, ``rdgGrp``) are omitted."""

GAP_MARK: Final = "…"
"""What a ``gap`` reads as (its ``desc`` is the editors' description, not text)."""

MS_PARTS: Final = frozenset({
    "msContents", "msItem", "msItemStruct", "msPart", "msFrag", "physDesc", "objectDesc",
    "supportDesc", "layoutDesc", "handDesc", "scriptDesc", "typeDesc", "decoDesc",
    "bindingDesc", "sealDesc", "history", "additional", "adminInfo", "recordHist",
    "custodialHist", "accMat",
})
"""A manuscript description's parts: each holds lines (:data:`MS_LINES`) or paragraphs."""

MS_LINES: Final = frozenset({
    "msIdentifier", "incipit", "explicit", "rubric", "finalRubric", "colophon", "textLang",
    "summary", "origin", "provenance", "acquisition", "support", "collation", "foliation",
    "condition", "layout", "handNote", "scriptNote", "typeNote", "decoNote", "binding",
    "seal", "custEvent", "surrogates", "filiation", "musicNotation", "source", "additions",
    "availability",
})
"""What a manuscript description says, a line each."""


NETS: Final = frozenset({"forest", "listForest", "tree", "graph"})
"""Trees and graphs (TEI nets): blocks of lines, one per node (:data:`NODES`)."""
NODES: Final = frozenset({"eTree", "triangle", "eLeaf", "root", "iNode", "leaf", "node",
                          "arc"})
CHARACTERS: Final = frozenset({"charDecl"})
HEADER_GROUPS: Final = GROUPS
"""Parts of a header quoted in a text that group others (:mod:`..html.rules.headerparts`):
blocks of their parts; its statements (:data:`HEADER_STATEMENTS`) lines."""
HEADER_STATEMENTS: Final = STATEMENTS
"""Declarations of characters: a block of lines, one per character (:data:`DECLARED`)."""
DECLARED: Final = frozenset({"char", "glyph"})

BLOCKS: Final = frozenset({
    "p", "ab", "head", "opener", "closer", "postscript", "trailer", "byline", "docAuthor",
    "docDate", "docImprint", "docTitle", "epigraph", "argument", "sp", "lg", "table", "row",
    "list", "listBibl", "castList", "castGroup", "figure", "quote", "floatingText",
    "titlePage", "listApp", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7",
    "front", "body", "back", "group", "text", "set", "performance", "prologue", "epilogue",
    "salute", "signed", "dateline", "address", "cit", "egXML", "eg", "msDesc", "listPerson",
    "listPlace", "listOrg", "listEvent", "spGrp", "entry", "entryFree", "superEntry",
    "schemaSpec", "elementSpec", "attList", "valList", "classes", "content", "specList",
    "specGrp", "listWit", "imprimatur", "docEdition", "post", "listObject", "listNym",
    "listRelation", "notatedMusic", *NETS, *CHARACTERS, *HEADER_GROUPS,
    *documentary.BLOCKS,
}) | MS_PARTS

LINES: Final = frozenset({
    "l", "item", "label", "cell", "castItem", "roleDesc", "bibl", "biblStruct",
    "app", "titlePart", "figDesc", "stage", "addrLine", "speaker", "person", "place",
    "event", "org", "move", "view", "camera", "sound", "caption", "tech", "sense", "re",
    "hom", "birth", "death", "floruit", "residence", "occupation", "education", "faith",
    "nationality", "langKnowledge", "socecStatus", "state", "trait", "location", "sex", "age",
    "population", "memberOf", "eventName", "attDef", "valItem", "classSpec", "macroSpec",
    "dataSpec", "constraintSpec", "exemplum", "remarks", "specDesc", "relation", "terrain",
    "climate", "geogFeat", "persPronouns", "witness", "headLabel", "headItem", "street",
    "postCode", "postBox", "gender", "persona", "personGrp", "object", "nym",
    "objectIdentifier", *NODES, *DECLARED, *HEADER_STATEMENTS, *documentary.LINES,
}) | MS_LINES

CONTAINERS: Final = frozenset({
    "text", "front", "back", "body", "group", "div", "div1", "div2", "div3", "div4", "div5",
    "div6", "div7", "floatingText", "sp", "spGrp", "lg", "listBibl", "castList",
    "castGroup", "titlePage", "opener", "closer", "list", "table", "row", "figure",
    "listApp", "app", "argument", "epigraph", "postscript", "msDesc", "set", "performance",
    "prologue", "epilogue", "address", "listPerson", "listPlace", "listOrg", "listEvent",
    "cit", "listWit", "post", "listObject", "listNym", "listRelation", *NETS, *CHARACTERS,
    *HEADER_GROUPS, *documentary.BLOCKS,
}) | MS_PARTS

PHRASES: Final = frozenset({
    "hi", "emph", "foreign", "title", "term", "gloss", "mentioned", "soCalled", "q", "said",
    "name", "persName", "placeName", "orgName", "geogName", "rs", "roleName", "addName",
    "forename", "surname", "genName", "nameLink", "settlement", "region", "country",
    "district", "bloc", "date", "time", "num", "measure", "measureGrp", "unit", "seg", "w",
    "pc", "c", "s", "cl", "phr", "m", "ref", "ptr", "abbr", "expan", "ex", "am", "sic",
    "corr", "orig", "reg", "choice", "supplied", "unclear", "add", "subst", "restore",
    "damage", "secl", "mod", "redo", "undo", "retrace", "handShift", "metamark", "stamp",
    "space", "gap", "g", "lb", "note", "author", "editor", "publisher", "pubPlace",
    "citedRange", "biblScope", "idno", "edition", "extent", "role", "actor", "code", "gi",
    "att", "val", "tag", "ident", "formula", "desc", "lem", "rdg", "rdgGrp", "wit", "lang",
    "material", "objectType", "dimensions", "height", "width", "depth", "locus",
    "origDate", "origPlace", "repository", "institution", "collection", "affiliation",
    "email", "listRef", "similarPhrases", "form", "orth",
    "pron", "hyph", "syll", "stress", "gramGrp", "gram", "pos", "gen", "number", "case",
    "per", "tns", "mood", "iType", "subc", "colloc", "def", "usg", "lbl", "xr", "oRef",
    "pRef", "etym", "dictScrap", "geo", "msName", "altIdentifier", "dim", "analytic", "monogr",
    "imprint", "series", "respStmt", "resp", "caesura", "moduleRef", "classRef",
    "elementRef", "macroRef", "dataRef", "textNode", "alternate", "datatype", "defaultVal",
    "constraint", "specGrpRef", "secFol", "watermark", "offset", "ruby", "rb", "rt",
    "rhyme", "distinct", "ellipsis", "meeting", "noteGrp", "objectName", "langKnown",
    "relatedItem", "catchwords", "signatures", "heraldry", "locusGrp", "mapping", "charName",
    "glyphName", "charProp", "unicodeName", "localName", "value", "localProp", "unicodeProp",
    "unihanProp",
})
"""Inline elements the reading text knows (rendered as their text)."""

IN_CONTAINERS_ONLY: Final = frozenset({
    "stage", "quote", "cit", "figure", "label", "bibl", "move", "biblStruct", "floatingText",
    "docAuthor", "docDate", "docImprint", "byline", "witness", "camera", "sound", "view",
    "tech", "caption", "street", "postCode", "postBox", "imprimatur", "docEdition",
    "notatedMusic", *NODES, *DECLARED,
})
"""Blocks or lines only as the child of a container; inside a paragraph or a verse line
they are phrases (a stage direction within a line, a quotation within a sentence)."""

LINE_GROUPS: Final = frozenset({
    "sp", "castItem", "item", "cell", "speaker", "stage", "bibl", "app", "opener", "closer",
    "list", "address", "docTitle", "byline", "cit", "entry", "entryFree", "superEntry",
    "table", *NETS, *CHARACTERS,
})
"""Inside these, blocks are lines: a speech, a letter's closing formulae, a list, a table
(its heading and rows, :mod:`.tables`)."""

VERSE_OR_INSCRIPTION: Final = frozenset({"l", "lg"})
"""Inside these (and inside an EpiDoc ``div type="edition"``) a line break is a new line;
elsewhere it is a space."""

ENTRIES: Final = frozenset({"entry", "entryFree", "superEntry"})
"""A dictionary's entries: inside them, :data:`IN_ENTRY_PHRASES` are phrases."""

SPACED_LINES: Final = NODES | DECLARED
"""Lines whose parts are read with a space between them (a node's label and its branches,
a character's name, mappings and properties)."""

IN_ENTRY_PHRASES: Final = frozenset({"cit", "quote"})
"""A translation or an example in a dictionary's entry: words of its sense's line."""

SPACED_GROUPS: Final = frozenset({"gramGrp", "form", "etym", "msIdentifier", "biblStruct",
                                  "analytic", "monogr", "imprint", "respStmt", "altIdentifier"})
"""Groups whose parts are read with a space between them, which the source may leave out
(a dictionary's grammar and forms, a manuscript's identifier, a structured reference's
authors, titles and imprint)."""

