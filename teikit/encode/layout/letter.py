"""Letters, telegrams and the documents they enclose.

Recognises, line by line: a heading, an opener (dateline and salutation such as
``[To] All Provincial … Committees:`` or ``Dear Sir,``), paragraphs, a closer (closing
formula, signature, dateline), a postscript, page markers (``- 2 -``, ``[Page 2]``), and
memo fields (``SUBJECT: …``) and lists under ``SUBJECT`` / ``PARTICIPANTS``. The top
of a document as editions print it (source note, head, ``[Telegram]``, dateline with
``[Received …]``, ``No. 9.]``) is read by :mod:`opener`; the line shapes are in
:mod:`parts`. A closer ends a document; what follows it opens the next ``<div>`` (an
enclosure), whose first short line becomes its ``<head>``; addressee lines after the
signature are a postscript.

TEI: ``div[@type=letter]`` / ``div[@type=enclosure]`` with ``head``, ``opener/salute``,
``opener/dateline``, ``opener/seg``, ``note[@type=source]``, ``p`` (``p[@n]`` with a
``label`` when numbered), ``list[@type=subject]``, ``closer/salute``, ``closer/signed``,
``closer/dateline/date[@when]``, ``postscript/p``, ``pb`` + ``fw[@type=pageNum]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from teikit.encode.dates import DateOptions, ParsedDate
from teikit.encode.layout import finish, opener, parts
from teikit.encode.layout import lines as look
from teikit.encode.layout.divs import DivState as _Div
from teikit.encode.layout.units import Spec, Unit
from teikit.encode.source import BLANKS, Line


class LetterLayout:
    """Classifies body lines into units inside one or more ``div`` containers."""

    def __init__(self, lines: Sequence[Line], base: tuple[Spec, ...], dates: DateOptions):
        self.lines = lines
        self.base = base
        self.dates = dates
        self.divs: list[_Div] = []
        self.upcoming: int | None = None
        self.read_dates: dict[str, ParsedDate | None] = {}

    def text(self, index: int) -> str:
        return self.lines[index].text.strip(BLANKS)

    def run(self, indices: Sequence[int]) -> list[Unit]:
        """Units for the non-blank line ``indices`` (in order)."""
        for pos, index in enumerate(indices):
            following = [self.text(i) for i in indices[pos + 1 : pos + 3]]
            self.upcoming = indices[pos + 1] if pos + 1 < len(indices) else None
            self.step(index, following)
        finish.drop_empty_lists(self.divs, self.text)
        finish.keep_div_order(self.divs)
        finish.name_divs(self.divs, self.text)
        return [unit for div in self.divs for unit in div.units]

    def div(self, fresh: bool = False) -> _Div:
        if fresh or not self.divs or self.divs[-1].closed:
            self.divs.append(_Div(Spec("div")))
        return self.divs[-1]

    def dateline_date(self, text: str) -> ParsedDate | None:
        """:func:`lines.dateline_date`, read once per line (each line is asked about
        several times, as itself and as the line after another)."""
        if text not in self.read_dates:
            if len(self.read_dates) > 8:
                self.read_dates.clear()
            self.read_dates[text] = look.dateline_date(text, self.dates)
        return self.read_dates[text]

    def adjacent(self, index: int) -> bool:
        """Whether the next non-blank line comes right under line ``index``."""
        return self.upcoming == index + 1

    def add(self, div: _Div, tag: str, index: int, *inner: Spec, **attrs: str) -> None:
        path = (*self.base, div.spec, *inner)
        div.units.append(Unit(tag, index, index, path, dict(attrs)))

    def step(self, index: int, following: list[str]) -> None:
        text = self.text(index)
        current = self.divs[-1] if self.divs else None
        if (page := look.page_number(text)) is not None:
            number, style = page
            self.add(self.div() if current is None else current, "pb", index, n=number, rend=style)
            return
        if current is not None and self.postscript(current, index, text):
            return
        if current is not None and self.extends_signature(current, index, text, following):
            return
        if current is not None and current.has_p and parts.is_kind_label(text):
            current.closed = True
        div = self.div()
        if look.MEMO_FIELD.match(text) and not div.has_p and div.closer is None:
            self.add(div, "ab", index, type="memo-field")
            if look.LIST_FIELD.match(text):
                div.listing = Spec("list", {"type": "participants"})
                div.units[-1] = Unit("head", index, index, (*self.base, div.spec, div.listing))
            return
        if div.at_top() and opener.top(self, div, index, text, following):
            return
        if (kind := parts.list_head(text)) is not None:
            div.listing = Spec("list", {"type": kind})
            self.add(div, "head", index, div.listing)
            return
        if not div.has_p and div.closer is None and self.opening(div, index, text, following):
            return
        if self.listing(div, index, text):
            return
        if self.closing(div, index, text, following):
            return
        div.closer = None
        div.has_p = True
        self.paragraph(div, index, text, following)

    def paragraph(self, div: _Div, index: int, text: str, following: list[str]) -> None:
        """A paragraph; numbered (``p[@n]`` with its ``label``) when its label continues a
        sequence: ``1.`` or the next number; ``a.`` only when ``b.`` follows, then the next
        letter. A number that does not continue (a telegram's ``987.``) stays text."""
        found = parts.sequence_label(text)
        if found is not None:
            kind, label, length = found
            next_found = parts.sequence_label(following[0]) if following else None
            starts_letters = kind == "letter" and label in {"a", "A"} and (
                next_found is not None and next_found[1] == chr(ord(label) + 1))
            if parts.follows(div.labels.get(kind), label) and (
                    kind == "digit" or label not in {"a", "A"} or starts_letters):
                div.labels[kind] = label
                if kind == "digit":
                    div.labels.pop("letter", None)
                self.add(div, "p", index, n=label, _label=str(length))
                return
        self.add(div, "p", index)

    def postscript(self, div: _Div, index: int, text: str) -> bool:
        """After a closed letter: ``P.S.``, or the addressee written at the foot; a line
        right under a postscript line ending with a comma continues it."""
        last = div.last
        continues = (div.postscript is not None and last is not None
                     and last.last + 1 == index and self.text(last.last).endswith(","))
        after_closer = div.closed and (look.POSTSCRIPT.match(text) or parts.is_addressee(text))
        if not (after_closer or continues):
            return False
        div.postscript = div.postscript or Spec("postscript")
        self.add(div, "p", index, div.postscript)
        return True

    def listing(self, div: _Div, index: int, text: str) -> bool:
        """Lines under ``Participants:``: one item each, until a paragraph or a gap."""
        if div.listing is None:
            return False
        if not div.units or div.units[-1].path[-1] is not div.listing:
            div.listing = None  # something else came between: the list is over
            return False
        previous = div.units[-1].last
        blank_between = any(self.lines[i].is_blank for i in range(previous + 1, index))
        if (blank_between and div.units[-1].tag == "item") or look.is_paragraph(text):
            div.listing = None
            return False
        self.add(div, "item", index, div.listing)
        return True

    def extends_signature(self, div: _Div, index: int, text: str, following: list[str]) -> bool:
        """A title or office under a signature (``Secretary to the Board``) joins it."""
        last = div.units[-1] if div.units else None
        if last is None or last.tag != "signed" or last.last + 1 != index:
            return False
        next_text = following[0] if following else ""
        if not look.is_signature(text) or look.is_salute(next_text):
            return False
        if self.dateline_date(text) is not None:
            return False
        last.last = index
        div.closed = self.ends_div(following)
        return True

    def opening(self, div: _Div, index: int, text: str, following: list[str]) -> bool:
        """Head, opener dateline and salutation at the top of a div."""
        next_text = following[0] if following else ""
        if not div.units and look.is_short_title(text) and look.is_paragraph(next_text):
            self.add(div, "head", index)
            return True
        if look.is_salute(text):
            div.opener = div.opener or Spec("opener")
            self.add(div, "salute", index, div.opener)
            return True
        starts_opener = look.is_salute(next_text) or look.MEMO_FIELD.match(next_text)
        if div.opener is None and starts_opener and look.is_short_title(text):
            if self.dateline_date(text) is not None:
                div.opener = Spec("opener")
                self.add(div, "dateline", index, div.opener)
            else:
                self.add(div, "head", index)
            return True
        if div.opener is None and look.is_short_title(text) and look.ENCLOSURE.match(text):
            self.add(div, "head", index)
            return True
        return False

    def closing(self, div: _Div, index: int, text: str, following: list[str]) -> bool:
        """Closing formula, signature and dateline at the end of a div."""
        next_text = following[0] if following else ""
        in_closer = div.closer is not None
        date = self.dateline_date(text)
        if date is not None and (in_closer or (div.has_p and self.ends_div(following))):
            self.add(div, "dateline", index, self.closer(div))
            div.closed = self.ends_div(following)
            return True
        if self.continues_salute(div, index, text):
            return True
        if look.is_closing(text) and div.has_p:
            self.add(div, "salute", index, self.closer(div))
            return True
        next_is_date = self.dateline_date(next_text) is not None
        signs = look.is_signature(text) and (next_is_date or in_closer)
        signs = signs or (parts.is_name(text) and self.ends_letter(following))
        if div.has_p and parts.is_not_signed(text):
            self.add(div, "closer", index)
            div.closed = self.ends_div(following)
            return True
        if (div.has_p or in_closer) and (signs or look.SIGNATURE_MARK.match(text)):
            self.add(div, "signed", index, self.closer(div))
            div.closed = not next_is_date and self.ends_div(following)
            return True
        return False

    def continues_salute(self, div: _Div, index: int, text: str) -> bool:
        """A courtesy formula over several lines (``I have the honour to be,`` / ``Sir,`` /
        ``Your most obedient,`` / ``humble Servant,``): a short line ending with a comma,
        right under the closing salutation, joins it."""
        last = div.last
        if last is None or last.tag != "salute" or div.closer is None:
            return False
        if last.last + 1 != index or not text.endswith(",") or look.words(text) > 8:
            return False
        last.last = index
        return True

    def ends_div(self, following: list[str]) -> bool:
        """Whether the next line starts something new (end, heading, opener, postscript)."""
        if not following:
            return True
        first = following[0]
        second = following[1] if len(following) > 1 else ""
        return (
            look.is_short_title(first)
            or look.is_salute(first)
            or bool(look.POSTSCRIPT.match(first))
            or bool(look.ENCLOSURE.match(first))
            or look.is_salute(second)
            or parts.is_addressee(first)
            or parts.is_kind_label(first)
            or parts.is_source_note(first)
            or parts.is_label_head(first)
        )

    def ends_letter(self, following: list[str]) -> bool:
        """Whether nothing follows, or what follows belongs after a letter's end: an
        addressee, a postscript, an enclosure's label."""
        if not following:
            return True
        first = following[0]
        return (parts.is_addressee(first) or parts.is_kind_label(first)
                or parts.is_label_head(first) or bool(look.POSTSCRIPT.match(first))
                or bool(look.ENCLOSURE.match(first)))

    def closer(self, div: _Div) -> Spec:
        if div.closer is None:
            div.closer = Spec("closer")
        return div.closer
