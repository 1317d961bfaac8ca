"""The checks of a whole converted schema: references, definitions and starts that libxml2
would refuse, each located where it was written in the ``.rnc``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from teikit.diagnostics import Diagnostic
from teikit.validator.rnc.errors import rnc_error
from teikit.validator.rnc.files import Files
from teikit.validator.rnc.tree import DEFINE, GRAMMAR, PARENT_REF, REF, START, Element, is_rng, key


def check(root: Element, files: Files) -> None:
    """Raise an :class:`~teikit.validator.rnc.errors.RncError` listing every problem found."""
    problems: list[Diagnostic] = []

    def report(node: Element, message: str) -> None:
        source, offset = files.where.get(node) or files.where[root]
        problems.append(source.diagnostic(offset, message, "rnc-grammar"))

    grammars = list(root.iter(GRAMMAR))
    defined = {id(g): {d.get("name") for d in _scope(g) if d.tag == DEFINE} for g in grammars}
    if root.tag != GRAMMAR:
        for node in _scope(root):
            if node.tag in (REF, PARENT_REF):
                report(node, f"reference to {node.get('name')} outside a grammar")
    for grammar in grammars:
        nodes = list(_scope(grammar))
        _check_definitions(grammar, nodes, report)
        outer = next((a for a in grammar.iterancestors(GRAMMAR)), None)
        for node in nodes:
            name = node.get("name")
            if node.tag == REF and name not in defined[id(grammar)]:
                report(node, f"no definition of {name}")
            elif node.tag == PARENT_REF and (outer is None or name not in defined[id(outer)]):
                report(node, f"the parent grammar has no definition of {name}"
                       if outer is not None else f"parent {name} outside a nested grammar")
    if problems:
        raise rnc_error(sorted(problems))


def _scope(node: Element) -> Iterator[Element]:
    """RELAX NG descendants of ``node`` outside nested grammars (annotations skipped)."""
    for child in node:
        if is_rng(child):
            yield child
            if child.tag != GRAMMAR:
                yield from _scope(child)


def _check_definitions(grammar: Element, nodes: list[Element],
                       report: Callable[[Element, str], None]) -> None:
    seen: dict[str, list[Element]] = {}
    for node in nodes:
        if node.tag in (DEFINE, START):
            seen.setdefault(key(node), []).append(node)
    if "start" not in seen:
        report(grammar, "the grammar has no start")
    for name, found in seen.items():
        methods = {node.get("combine") for node in found} - {None}
        plain = [node for node in found if node.get("combine") is None]
        if len(plain) > 1:
            report(plain[1], f"{name} is given twice (combine them with |= or &=)")
        elif len(methods) > 1:
            report(found[-1], f"{name} is combined with both |= and &=")
