"""The top of a document: source notes, head, kind label, dateline, despatch number.

Runs on each line while a division has no paragraph yet (see :mod:`parts` for what
each line looks like). TEI::

    <note type="source">File No. 861.00/1990</note>
    <head>The Ambassador in Russia (Francis) to the Secretary of State</head>
    <opener><seg type="label">[Telegram]</seg>
    <dateline><placeName>Vologda</placeName>, <date when="1918-05-16T19:00:00">May 16,
    1918, 7 p.m.</date>
    [Received May 24, 10.43 a.m.]</dateline>
    <seg type="reference">No. 9.]</seg></opener>

A ``[Received …]`` line right under the dateline joins it when it holds no full date of
its own (so the dateline's date stays the one tagged); otherwise it is a second
``dateline`` in the opener (``dateline`` has no @type in TEI). A place line ending in a comma
(``Department of State,``) joins the dateline under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.encode.dates import find_dates
from teikit.encode.layout import lines as look
from teikit.encode.layout import parts
from teikit.encode.layout.divs import DivState
from teikit.encode.layout.units import Spec

if TYPE_CHECKING:
    from teikit.encode.layout.letter import LetterLayout


def joins_dateline(layout: LetterLayout, div: DivState, index: int, text: str) -> bool:
    """``[Received …]`` or the date line under ``Department of State,``: extend the dateline."""
    last = div.last
    if last is None or last.tag != "dateline" or last.last + 1 != index:
        return False
    place_above = layout.text(last.last).endswith(",")
    dated = layout.dateline_date(text) is not None
    received = parts.is_received(text) and not find_dates(text, layout.dates)
    if (place_above and dated) or (received and not place_above):
        last.last = index
        return True
    return False


def is_dateline(layout: LetterLayout, text: str) -> bool:
    """A short line ending with a date of at least a month (``Vologda, May 16, 1918,
    7 p.m.``, ``May 1918.``; a year alone, as on a title page, is no dateline)."""
    if look.words(text) > 14 or len(text) > 120:
        return False
    date = layout.dateline_date(text)
    return date is not None and len(date.when or date.from_ or "") >= 7


def announces(layout: LetterLayout, following: list[str]) -> bool:
    """Whether the next lines are what follows a document's head: a dateline (perhaps
    under a place line such as ``Department of State,``), a kind label or a source note."""
    first = following[0] if following else ""
    second = following[1] if len(following) > 1 else ""
    place_line = first.endswith(",") and look.words(first) <= 6 and is_dateline(layout, second)
    return (is_dateline(layout, first) or parts.is_kind_label(first)
            or parts.is_source_note(first) or place_line)


def is_letterhead(layout: LetterLayout, div: DivState, text: str,
                  following: list[str]) -> bool:
    """A printed letterhead at the very top of a letter: short lines in capitals
    (``MINISTRY OF FOREIGN AFFAIRS``, ``VALMORA HARBOUR BOARD``) before the dateline or
    the salutation, or before another letterhead line → ``fw[@type=letterhead]``."""
    if any(unit.tag != "fw" for unit in div.units) or layout.divs[0] is not div:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    capitals = len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    if not capitals or look.words(text) > 10 or look.MEMO_FIELD.match(text):
        return False
    if look.TITLE_WORDS.match(text) or parts.is_kind_label(text):
        return False  # TELEGRAM, MEMORANDUM: the document's kind, a heading
    ahead = following[:2]
    return any(is_dateline(layout, line) or look.is_salute(line) for line in ahead) and not any(
        look.MEMO_FIELD.match(line) for line in ahead)


def opener(div: DivState) -> Spec:
    if div.opener is None:
        div.opener = Spec("opener")
    return div.opener


def top(layout: LetterLayout, div: DivState, index: int, text: str,
        following: list[str]) -> bool:
    """Classify a line at the top of ``div``; false when it is none of the top parts."""
    next_text = following[0] if following else ""
    if joins_dateline(layout, div, index, text):
        return True
    last = div.last
    if div.opener is not None and last is not None and last.tag in {"dateline", "seg"}:
        if parts.is_received(text):
            layout.add(div, "dateline", index, opener(div))
            return True
        if parts.is_reference(text):
            layout.add(div, "seg", index, opener(div), type="reference")
            return True
    if look.CLASSIFICATION.match(text):
        layout.add(div, "fw", index, type="classification")
        return True
    if look.COPY_NUMBER.match(text):
        layout.add(div, "fw", index, type="copy")
        return True
    if is_letterhead(layout, div, text, following):
        layout.add(div, "fw", index, type="letterhead")
        return True
    if parts.is_reference(text) and look.is_salute(next_text):
        layout.add(div, "seg", index, opener(div), type="reference")
        return True
    if parts.is_source_note(text):
        layout.add(div, "note", index, type="source", _label="0")
        return True
    if parts.is_kind_label(text):
        layout.add(div, "seg", index, opener(div), type="label")
        return True
    if is_head(layout, div, text, following):
        div.has_head, div.opener = True, None
        layout.add(div, "head", index)
        return True
    place_line = (text.endswith(",") and look.words(text) <= 6 and layout.adjacent(index)
                  and is_dateline(layout, next_text))
    if is_dateline(layout, text) or place_line:
        layout.add(div, "dateline", index, opener(div))
        return True
    return False


def is_head(layout: LetterLayout, div: DivState, text: str, following: list[str]) -> bool:
    """A document's head: the first short line, announcing a dateline, label or note, or
    a lone label (``A.``) opening an attachment; never after a dateline or salutation."""
    seen = any(unit.tag in {"dateline", "salute"} for unit in div.units)
    if div.has_head or seen or not parts.heading_words(text):
        return False
    if parts.is_label_head(text):
        return bool(layout.divs) and layout.divs[0] is not div
    if is_dateline(layout, text):
        return False
    return announces(layout, following)
