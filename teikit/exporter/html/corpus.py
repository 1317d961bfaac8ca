"""A ``teiCorpus`` as one page: a section per ``TEI``, headed by its title, its text's
headings one level down, and a contents list of the documents and their divisions."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from teikit.exporter.html.header import read_record
from teikit.exporter.html.render import Context, Node, attrs, common, gen, make
from teikit.exporter.html.source import source_sections
from teikit.exporter.sources import descriptions
from teikit.tei import TEI_NS


def member_title(member: etree._Element, number: int) -> str:
    return read_record(member).title or f"Document {number}"


def members(root: etree._Element, ctx: Context) -> list[Node]:
    """Every ``TEI`` of the corpus (nested corpora flattened), in order."""
    out: list[Node] = []
    inner = replace(ctx, heading_offset=ctx.heading_offset + 1)
    for number, member in enumerate(root.iter(f"{{{TEI_NS}}}TEI"), start=1):
        values = common(member, ctx)
        values.setdefault("id", ctx.shared.unique_id(f"document-{number}"))
        ctx.shared.div_ids[member] = values["id"]
        text = member.find(f"{{{TEI_NS}}}text")
        content: list[Node] = [make("h2", attrs("member-title gen"),
                                         [member_title(member, number)]),
                               *source_sections(descriptions(member), inner)]
        if text is not None:
            content.extend(inner.children(text))
        else:
            content.append(make("p", attrs("empty"), [gen("(This document has no text.)")]))
        out.extend(["\n", make("section", attrs("member", **values), content)])
    return out
