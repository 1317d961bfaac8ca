"""Named character entities that no DTD here declares, read without reading a DTD.

TEI P4 documents (and P5 ones converted from them) write characters as the entities of
the ISO and HTML sets, ``&AElig;`` or ``&mdash;``, declared in an external DTD, or in none
at all. teikit never reads a DTD or an external entity, so such a document is not
well-formed to it. To export it anyway, :func:`with_characters` rewrites each reference
to an entity the document does not declare itself (or declares as an external one, which
is never read): a name HTML gives a character (HTML's
names include the ISO sets') becomes that character's reference (``&#198;``), any other
name is kept as text (``&amp;foo;``, shown as ``&foo;``). Nothing is fetched or opened;
comments, CDATA sections and the DOCTYPE are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.entities import html5
from typing import Final

REFERENCE: Final = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|&([A-Za-z_][\w.\-]*);",
    re.S)
"""An entity reference, or what may hold text like one and is left alone."""
DECLARED: Final = re.compile(rb"<!ENTITY\s+([^\s%][^\s]*)\s+[\"']")
"""An internal entity the document declares (the parser reads those; never external ones,
which are rewritten as undeclared)."""
PREDEFINED: Final = frozenset({"amp", "lt", "gt", "quot", "apos"})
MAX_LISTED: Final = 5


@dataclass
class Rewritten:
    """The document's bytes with its undeclared entities rewritten, and which they were."""

    data: bytes
    read: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """``&AElig; (5×) read as Æ; &foo; (1×) kept as text`` (the first few of each)."""
        parts = [f"&{name}; ({count}×) read as {html5[name + ';']}"
                 for name, count in self.read.most_common(MAX_LISTED)]
        if len(self.read) > MAX_LISTED:
            parts.append(f"{len(self.read) - MAX_LISTED} more names read as HTML's characters")
        if self.kept:
            parts.append(", ".join(f"&{name}; ({count}×)" for name, count
                                   in self.kept.most_common(MAX_LISTED)) + " kept as text")
        return "; ".join(parts)


def with_characters(data: bytes) -> Rewritten | None:
    """``data`` with each reference to an entity it does not declare rewritten (see the
    module's docstring); ``None`` when it has none, or is not in an ASCII-compatible
    encoding (UTF-16: left to the parser's own message)."""
    if b"\x00" in data[:4]:
        return None
    declared = {match.decode("ascii", "replace") for match in DECLARED.findall(data)}
    done = Rewritten(b"")

    def rewrite(match: re.Match[bytes]) -> bytes:
        if match.group(1) is None:
            return match.group(0)
        name = match.group(1).decode("ascii", "replace")
        if name in PREDEFINED or name in declared:
            return match.group(0)
        character = html5.get(name + ";")
        if character is None:
            done.kept[name] += 1
            return b"&amp;" + match.group(1) + b";"
        done.read[name] += 1
        return "".join(f"&#{ord(c)};" for c in character).encode("ascii")

    done.data = REFERENCE.sub(rewrite, data)
    return done if done.read or done.kept else None
