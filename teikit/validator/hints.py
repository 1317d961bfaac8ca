"""A way on from common grammar faults: short hints, kept as data in one table.

A hint is chosen by the kind of fault (see :mod:`teikit.validator.recover.faults`), the
name at fault (an element, or for attribute faults an attribute) and its context (the
parent element, or the element carrying the attribute). ``*`` matches any name; the most
specific row wins (name and context, then name alone, then context alone).
"""

from __future__ import annotations

from typing import Final

HINTS: Final[dict[tuple[str, str, str], str]] = {
    # elements out of place
    ("unexpected", "p", "lg"):
        "verse groups hold `l` lines; use `l`, or close the `lg` first",
    ("unexpected", "l", "p"):
        "a verse line cannot sit in a paragraph: use `lb` for a line break, or put the "
        "verse in an `lg` outside the `p`",
    ("unexpected", "p", "p"): "paragraphs do not nest: close the first `p` before the next",
    ("unexpected", "div", "p"): "a division cannot sit in a paragraph: close the `p` first",
    ("unexpected", "lg", "p"):
        "a verse group cannot sit in a paragraph: close the `p` first, or use `q` or `quote` "
        "around the verse",
    ("unexpected", "speaker", "*"):
        "`speaker` belongs at the start of a speech: wrap it and what is said in `sp`",
    ("unexpected", "item", "*"): "`item` belongs inside a `list`",
    ("unexpected", "cell", "*"): "`cell` belongs inside a `row` of a `table`",
    ("unexpected", "row", "*"): "`row` belongs inside a `table`",
    ("unexpected", "*", "teiHeader"):
        "the header holds `fileDesc`, then optionally `encodingDesc`, `profileDesc`, "
        "`xenoData` and `revisionDesc`",
    ("unexpected", "*", "textDesc"):
        "`textDesc` takes the eight TEI situational parameters (`channel`, `constitution`, "
        "`derivation`, `domain`, `factuality`, `interaction`, `preparedness`, `purpose`); "
        "elements of another vocabulary need a customised schema",
    ("early", "text", "TEI"):
        "a TEI document starts with a `teiHeader` (a `fileDesc` with `titleStmt`, "
        "`publicationStmt` and `sourceDesc`)",
    ("early", "head", "*"): "`head` must come first in its parent",
    ("unknown", "*", "*"): "check the spelling: TEI has no element of that name",
    ("foreign", "*", "*"):
        "this element is not in the TEI namespace (http://www.tei-c.org/ns/1.0): check its "
        "xmlns, or use a schema that allows this vocabulary here",
    # missing parts
    ("incomplete", "TEI", "*"): "a TEI document needs a `teiHeader` and a `text`",
    ("incomplete", "titleStmt", "*"): "give the work a `title`",
    ("incomplete", "fileDesc", "*"):
        "`fileDesc` needs `titleStmt`, `publicationStmt` and `sourceDesc`, in that order",
    ("incomplete", "publicationStmt", "*"):
        "say who publishes or distributes the text (`publisher`, `distributor`, "
        "`authority`), or write a `p`",
    ("incomplete", "sourceDesc", "*"):
        "describe the source in a `p`, `bibl`, `biblStruct` or `msDesc`",
    ("incomplete", "choice", "*"): "`choice` holds two or more alternatives (`sic` and "
        "`corr`, `abbr` and `expan`, `orig` and `reg`)",
    ("incomplete", "list", "*"): "a `list` needs at least one `item`",
    ("incomplete", "table", "*"): "a `table` needs at least one `row`",
    ("incomplete", "sp", "*"): "a speech needs what is said: `p`, `l`, `ab` or `lg`",
    # attributes
    ("attribute", "id", "*"): "TEI identifiers are written `xml:id`",
    ("attribute", "lang", "*"): "the language of content is given with `xml:lang`",
    ("attribute", "space", "*"): "whitespace handling is given with `xml:space`",
    ("attribute", "base", "*"): "a base URI is given with `xml:base`",
    ("attribute", "*", "*"):
        "check the spelling; an attribute of another vocabulary needs a customised schema",
    # values
    ("value", "when", "*"):
        "dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD); for an uncertain date use "
        "`notBefore` and `notAfter`",
    ("value", "notBefore", "*"): "dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
    ("value", "notAfter", "*"): "dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
    ("value", "from", "*"): "dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
    ("value", "to", "*"): "dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
    ("value", "target", "*"):
        "a pointer is a URI: `#id` for an element of this document; separate several "
        "with spaces",
    ("value", "ref", "*"): "a pointer is a URI: `#id` for an element of this document",
    ("value", "corresp", "*"): "a pointer is a URI: `#id` for an element of this document",
    ("value", "resp", "*"): "`resp` points to who is responsible: `#id` of a `respStmt`, "
                            "`person` or `org`",
    ("value", "id", "*"):
        "an identifier starts with a letter or `_` and has no spaces or colons",
    ("value", "lang", "*"): "a language is a BCP 47 tag such as `en`, `grc` or `de-AT`",
    # pointers
    ("pointer", "resp", "*"):
        "declare who is responsible: a `respStmt`, `person` or `org` with that xml:id",
    ("pointer", "hand", "*"): "declare the hand: a `handNote` with that xml:id",
    ("pointer", "*", "*"):
        "check the id's spelling, or give the element it means that xml:id",
    # text
    ("text", "*", "body"): "text in the body belongs in a paragraph: wrap it in `p`",
    ("text", "*", "div"): "text in a division belongs in a paragraph: wrap it in `p`",
    ("text", "*", "lg"): "text in a verse group belongs in lines: wrap each in `l`",
    ("text", "*", "list"): "text in a list belongs in its items: wrap it in `item`",
    ("text", "*", "sp"): "what is said belongs in `p`, `l` or `ab` inside the `sp`",
    ("text", "*", "table"): "text in a table belongs in a `cell` of a `row`",
    ("text", "*", "choice"):
        "the alternatives of a `choice` are elements (`sic`/`corr`, `abbr`/`expan` …)",
}


def hint(kind: str, name: str, context: str) -> str | None:
    """The hint for a fault of ``kind`` on ``name`` in ``context`` (None if none)."""
    for key in ((kind, name, context), (kind, name, "*"), (kind, "*", context),
                (kind, "*", "*")):
        found = HINTS.get(key)
        if found is not None:
            return found
    return None
