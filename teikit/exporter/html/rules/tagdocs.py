"""Technical documentation (TEI tagdocs): code, element and attribute names, and XML
examples.

``egXML`` (an example in the TEI Examples namespace) is shown as its XML source in a
``pre``; ``eg`` as preformatted text; ``gi`` as ``<name>``, ``att`` as ``@name``, ``tag``
as ``<tag>``, ``code``, ``ident`` and ``val`` in a code font.

The specifications of an ODD (``elementSpec``, ``classSpec`` …) are blocks headed by their
``@ident``; the references inside them (``memberOf``, ``classRef``, ``elementRef`` …), which
have no text, show the name they refer to.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import block, container, css_class
from teikit.tei import XML_NS

EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"


def marked(before: str, after: str) -> Renderer:
    """``code`` with generated marks around it (``<`` and ``>`` for ``gi``)."""
    def render(element: etree._Element, ctx: Context) -> list[Node]:
        content = ctx.inline().children(element)
        if before:
            content.insert(0, gen(before))
        if after:
            content.append(gen(after))
        return [make("code", attrs(css_class(element), **common(element, ctx)), content)]
    return render


def _name(element: etree._Element) -> str:
    """An element's or attribute's name as written in an example (no Examples namespace)."""
    qname = etree.QName(element)
    if qname.namespace in (EXAMPLES_NS, None):
        return qname.localname
    prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace and p), "")
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _attributes(element: etree._Element) -> str:
    parts = []
    for key, value in element.attrib.items():
        qname = etree.QName(key)
        name = f"xml:{qname.localname}" if qname.namespace == XML_NS else qname.localname
        quoted = str(value).replace("&", "&amp;").replace('"', "&quot;")
        parts.append(f' {name}="{quoted}"')
    return "".join(parts)


def example_source(element: etree._Element) -> list[Node]:
    """The content of an example as XML source: the markup as generated text (``span.gen
    .tag``), the example's own text as text."""
    out: list[Node] = [element.text] if element.text else []
    for child in element:
        if isinstance(child.tag, str):
            name = _name(child)
            if len(child) or child.text:
                out.append(gen(f"<{name}{_attributes(child)}>", "tag"))
                out.extend(example_source(child))
                out.append(gen(f"</{name}>", "tag"))
            else:
                out.append(gen(f"<{name}{_attributes(child)}/>", "tag"))
        if child.tail:
            out.append(child.tail)
    return out


def eg_xml(element: etree._Element, ctx: Context) -> list[Node]:
    """``egXML``: the example's XML source, preformatted."""
    source = make("code", {}, example_source(element))
    return [make("span" if ctx.phrasing else "pre", attrs("egXML"), [source])]


def eg(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("span" if ctx.phrasing else "pre", attrs(css_class(element),
                                                          **common(element, ctx)),
                 ctx.inline().children(element))]


SPECS = ("elementSpec", "classSpec", "macroSpec", "dataSpec", "moduleSpec", "schemaSpec",
         "constraintSpec", "attDef", "valItem", "specGrp", "paramSpec")
PARTS = ("remarks", "exemplum", "content", "classes", "attList", "valList", "datatype",
         "sequence", "alternate", "constraint", "specList", "listRef", "model",
         "modelSequence", "modelGrp", "paramList")
REFERENCES = ("memberOf", "classRef", "elementRef", "macroRef", "dataRef", "attRef",
              "moduleRef", "specGrpRef", "anyElement", "textNode", "empty", "equiv",
              "specDesc")
KEYS = ("key", "name", "ident", "target", "url", "class")
"""The attributes a reference names its target with, in order of preference."""


def spec(element: etree._Element, ctx: Context) -> list[Node]:
    """A specification: its ``@ident`` as a line of its own, then its content."""
    ident = element.get("ident")
    content = ctx.children(element)
    if ident:
        content.insert(0, make("span" if ctx.phrasing else "p", attrs("spec-ident gen"),
                               [make("code", {}, [ident])]))
    return block(element, ctx, "div", content=content)


def reference(element: etree._Element, ctx: Context) -> list[Node]:
    """A reference without text: the name it refers to, in a code font."""
    target = next((element.get(key) for key in KEYS if element.get(key)), "")
    content = ctx.inline().children(element)
    if target:
        content.insert(0, gen(target))
    return [make("code", attrs(css_class(element), **common(element, ctx)), content),
            " "]


RULES: Mapping[str, Renderer] = {
    "gi": marked("<", ">"), "tag": marked("<", ">"), "att": marked("@", ""),
    "val": marked("", ""), "code": marked("", ""), "ident": marked("", ""), "eg": eg,
    f"{{{EXAMPLES_NS}}}": eg_xml, "defaultVal": marked("", ""),
    **dict.fromkeys(SPECS, spec), **dict.fromkeys(PARTS, container("div")),
    **dict.fromkeys(REFERENCES, reference),
}
"""The tagdocs renderers (``egXML`` by its namespace)."""
