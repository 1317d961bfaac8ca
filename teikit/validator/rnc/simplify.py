"""The part of RELAX NG simplification a converted grammar needs before it is pruned."""

from __future__ import annotations

from teikit.validator.rnc.tree import DEFINE, DIV, GRAMMAR, START, Element, R, is_rng


def flatten(root: Element) -> Element:
    """Splice ``div``s into their grammar and merge ``|=`` / ``&=`` definitions (RELAX NG
    simplification 4.7 and 4.17), so that a self-contained grammar can be pruned."""
    for grammar in list(root.iter(GRAMMAR)):
        _splice(grammar)
        for tag in (START, DEFINE):
            _merge(grammar, tag)
    return root


def _splice(parent: Element) -> None:
    for child in list(parent):
        if child.tag == DIV:
            _splice(child)
            index = parent.index(child)
            for offset, grandchild in enumerate(list(child)):
                parent.insert(index + offset, grandchild)
            parent.remove(child)


def _merge(grammar: Element, tag: str) -> None:
    named: dict[str, list[Element]] = {}
    for child in grammar:
        if child.tag == tag:
            named.setdefault(child.get("name", ""), []).append(child)
    for nodes in named.values():
        method = next((n.get("combine") for n in nodes if n.get("combine")), None)
        for node in nodes:
            if "combine" in node.attrib:
                del node.attrib["combine"]
        if method is None or len(nodes) == 1:
            continue
        bodies = [[c for c in n if is_rng(c)] for n in nodes]
        others = [c for n in nodes for c in n if not is_rng(c)]
        merged = R(method, *(b[0] if len(b) == 1 else R("group", *b) for b in bodies))
        for node in nodes[1:]:
            grammar.remove(node)
        nodes[0].extend([merged, *others])
