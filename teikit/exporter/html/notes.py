"""Notes and references, linked both ways.

A note inside running text (a translator's or editor's comment) is rendered twice: as a
footnote call in the reading view, keyed by the note's own ``@n`` (else a letter), whose
note sits in the "Notes to the text" list after the body, and as an inline aside, label
and all, in the editorial view. A note
that stands between blocks (the endnotes of a ``div type="notes"``) stays where it is and
gets a link back to every ``ref`` that points at it, and to the call placed where its own
``@target`` points (:func:`index_note_targets`).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from teikit.exporter.html.render import (
    Context,
    Footnote,
    Node,
    NoteCall,
    Shared,
    attrs,
    common,
    gen,
    make,
)
from teikit.exporter.notes import is_attached, note_key
from teikit.tei import TEI_NS, is_tei

BLOCK_CHILDREN = ("p", "ab", "list", "table", "lg", "div", "quote", "floatingText")


def has_blocks(element: etree._Element) -> bool:
    return any(is_tei(child, *BLOCK_CHILDREN) for child in element)


def backlinks(element: etree._Element, shared: Shared) -> list[Node]:
    """Links back to every pointer to ``element``."""
    out: list[Node] = []
    for n, ref_id in enumerate(shared.backrefs.get(element, []), start=1):
        label = "Back to the text" + (f" ({n})" if n > 1 else "")
        out.extend([" " if out else "", make("a", attrs("backlink gen", href=f"#{ref_id}",
                                                        aria_label=label), ["↩"])])
    return [node for node in out if node != ""]


def note(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("note")
    if not is_attached(element):
        return [standalone(element, ctx)]
    if ctx.copy:  # a note in a note's inline copy: its footnote is made once, from the
        return [aside(element, ctx)]  # outer footnote (twice would double at each level)
    key = note_key(element, ctx.shared.unnumbered)
    call_id = ctx.shared.unique_id(f"fnref-{key}")
    note_id = ctx.shared.html_ids.get(element) or ctx.shared.unique_id(f"fn-{key}")
    within = replace(ctx.inline(), in_footnote=True)
    ctx.shared.add_footnote(Footnote(key, call_id, note_id, within.children(element),
                                     numbered=bool((element.get("n") or "").strip())))
    call = make("a", attrs(href=f"#{note_id}", id=call_id, role="doc-noteref",
                           aria_label=f"Note {key}"), [key])
    sup = make("sup", attrs("fn-call rd-only gen"), [call])
    if ctx.in_footnote:  # the aside would show nowhere (the notes are the reading view's),
        return [sup]  # and each level would copy every note below it
    return [sup, aside(element, ctx)]


def aside(element: etree._Element, ctx: Context) -> etree._Element:
    """The editorial view's inline copy of a note, in brackets (its ids left out)."""
    kind = element.get("type")
    title = f"Note · {kind}" if kind else "Note"
    copy = replace(ctx.inline(), copy=True)
    return make("span", attrs(f"note-inline ed-only {kind or ''}".strip(), role="note",
                              title=title), [gen("[", "br"), *copy.children(element),
                                             gen("]", "br")])


def standalone(element: etree._Element, ctx: Context) -> etree._Element:
    if has_blocks(element):
        tag, content = "div", ctx.children(element)
    else:
        tag, content = ("span" if ctx.phrasing else "p"), ctx.inline().children(element)
    links = [] if ctx.copy else backlinks(element, ctx.shared)
    content.extend([" ", *links] if links else [])
    return make(tag, attrs("note endnote", role="doc-endnote", **common(element, ctx)), content)


def index_note_targets(text: etree._Element, shared: Shared) -> None:
    """Calls to the notes of ``text`` that stand apart (endnotes in a division of notes)
    placed where their ``@target`` points inside ``text`` (an ``anchor`` in the running
    text, a word, a line; ``#id``, or the bare id older TEI writes): keyed by the note's
    ``@n`` (else the target's, else ``*``), each call linked to its note and the note
    back to it. Run after the ids are indexed."""
    for note in text.iter(f"{{{TEI_NS}}}note"):
        if is_attached(note) or not note.get("target"):
            continue
        for token in (note.get("target") or "").split():
            # "#id", or a bare id that names an element (no URL: no ":", "/" or ".")
            bare = not any(mark in token for mark in ":/.#")
            target = shared.targets.get(token[1:] if token.startswith("#") else
                                        token if bare else "")
            if target is None or target is note or note in target.iterancestors() or \
                    text not in target.iterancestors():
                continue
            key = " ".join((note.get("n") or target.get("n") or "*").split())
            note_id = shared.html_ids.get(note) or shared.unique_id(f"note-{key}")
            shared.html_ids[note] = note_id
            call_id = shared.unique_id(f"noteref-{key}")
            shared.note_calls.setdefault(target, []).append(NoteCall(key, call_id, note_id))
            shared.backrefs.setdefault(note, []).append(call_id)


def footnote_item(fn: Footnote) -> etree._Element:
    """One note of the reading view's list: its key, its content, a link back."""
    return make("li", attrs(id=fn.note_id), [
        make("span", attrs("fn-key gen"), [f"{fn.key}."]), " ", *fn.content, " ",
        make("a", attrs("backlink gen", href=f"#{fn.call_id}",
                        aria_label=f"Back to note call {fn.key}"), ["↩"]),
    ])


NOTES_SLOT = "teikit-notes-slot"
"""The element that stands for the notes already serialized (:mod:`.stream`)."""


def footnotes_section(shared: Shared) -> etree._Element | None:
    """The reading view's list of notes, or None when the text has none (the notes already
    serialized, :attr:`Shared.footnotes_written`, stand first as one :data:`NOTES_SLOT`)."""
    if not shared.footnotes and not shared.footnotes_written:
        return None
    items = [make(NOTES_SLOT, {}, [])] if shared.footnotes_written else []
    items.extend(footnote_item(fn) for fn in shared.footnotes)
    heading = make("h2", attrs("gen", id="notes-to-text"), ["Notes to the text"])
    return make("section", attrs("footnotes rd-only", role="doc-endnotes",
                                 aria_labelledby="notes-to-text"), [heading, make("ol", {}, items)])
