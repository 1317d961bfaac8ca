"""Writing direction from ``xml:lang``: text in Arabic, Hebrew, Persian, Syriac … runs
right to left, and the page must say so (``dir="rtl"``) or the browser sets it left to
right, its full stops and brackets at the wrong ends.

A language tag's script subtag decides when it has one (``ar-Latn``, a transliteration,
runs left to right; ``ota-Arab`` right to left); otherwise its language does. An element
gets a ``dir`` only where its direction differs from the one it inherits (an English
phrase inside Arabic text is ``ltr`` again).
"""

from __future__ import annotations

from typing import Final, Literal

from lxml import etree

from teikit.tei import xml

Direction = Literal["ltr", "rtl"]

RTL_SCRIPTS: Final = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Samr", "Mand",
                                "Adlm", "Rohg", "Yezi", "Phnx", "Armi", "Nbat", "Palm"})
RTL_LANGUAGES: Final = frozenset({"ar", "arc", "azb", "ckb", "dv", "fa", "he", "iw", "jrb",
                                  "ota", "prs", "ps", "sam", "sd", "syr", "ug", "ur", "yi"})
XML_LANG: Final = xml("lang")


def direction(lang: str) -> Direction:
    """The writing direction of a language tag (``ar`` → ``rtl``, ``ar-Latn`` → ``ltr``)."""
    subtags = lang.replace("_", "-").split("-")
    script = next((s.title() for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0].lower() in RTL_LANGUAGES else "ltr"


def inherited(element: etree._Element) -> Direction:
    """The direction ``element`` inherits: that of its nearest ancestor with a language."""
    for ancestor in element.iterancestors():
        lang = ancestor.get(XML_LANG)
        if lang:
            return direction(lang)
    return "ltr"


def dir_attribute(element: etree._Element, lang: str) -> Direction | None:
    """``dir`` for ``element`` with language ``lang``: its direction where it differs from
    the inherited one, else ``None``."""
    own = direction(lang)
    return own if own != inherited(element) else None
