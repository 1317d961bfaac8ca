"""Where a problem found in a part of a large document stands in the whole document.

A part (:mod:`teikit.validator.schematron.parts`) holds complete siblings moved out of the
stream's tree under copies of their ancestors; what is left at the end (*the rest*) lost
them. A problem found on a node of either keeps its line (lxml's, from the file), but its
XPath and column must be the whole tree's:

- the XPath counts, at each step, the same-named siblings before the node; those moved
  out to earlier parts are counted by :class:`Places` (runs of siblings are moved out in
  document order, so a sibling still in the tree follows those moved before the first run
  moved after it);
- the column is that of the n-th ``<name`` on the node's line, n counted among the nodes
  whose start tags end there (:func:`teikit.validator.lines.start_columns`). A part holds
  every node of its lines but its first and its last; in its place in the stream's tree
  stands an element holding a copy of each of its nodes on those two lines
  (:meth:`Places.stand_in`), so that what is left at the end holds every node of those
  lines (and of every line no part holds whole). A column on a part's first or last
  line is counted there, at the end, on the copy of the node.

The lines are read forwards from the file as the parts come (:class:`Lines`).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Final, cast

from lxml import etree

from teikit.validator.lines import line_of, start_columns
from teikit.validator.split import SPLIT

Key = tuple[etree._Element, object]
STAND_IN: Final = f"{{{SPLIT}}}moved"
"""What stands where a part was moved from (:meth:`Places.stand_in`)."""


def column(node: etree._Element, text: str) -> int:
    """The column of ``node``'s start tag on its line, ``text``, counted among the nodes
    of its tree (0 when not found)."""
    return start_columns(text, node).get(node, 0)


def _between(first: etree._Element, member: etree._Element) -> int:
    """The siblings named as ``member`` from ``first`` to it (cut ones: not members)."""
    count = 0
    if member is not first:
        for sibling in first.itersiblings(member.tag):
            if sibling is member:
                break
            count += 1
    return count


class Places:
    """The siblings moved out of the stream's tree, and the lines parts begin and end on."""

    def __init__(self) -> None:
        self._moved: dict[Key, int] = {}
        """Siblings moved out, by their parent and name."""
        self._before: dict[etree._Element, int] = {}
        """For a node still in the tree when same-named siblings were moved past it: how
        many had been moved before it stood there."""
        self.parents: dict[etree._Element, etree._Element] = {}
        """The real parent of each member of the part being checked (its parent there is
        a copy)."""
        self.lines: dict[object, int] = {}
        """The lines of the copies of :meth:`stand_in` (as :func:`teikit.validator.lines.
        assigned` takes them)."""
        self._anchors: dict[Key, tuple[etree._Element, int]] = {}
        """For a parent and a name: what stood before the last run moved out of it, and
        how many siblings of that name stood there up to it."""
        self.held: set[etree._Element] = set()
        """The elements :meth:`stand_in` made (a rule's problem there is none)."""

    def moving(self, members: list[etree._Element]) -> dict[etree._Element, int]:
        """Note that ``members`` (siblings, still in the tree) are moved out; their
        positions among their same-named siblings (1-based), as the whole tree has them."""
        parent = members[0].getparent()
        assert parent is not None
        positions: dict[etree._Element, int] = {}
        previous: dict[object, etree._Element] = {}  # the last member of each name
        first = members[0]
        standing = {tag: self._standing_before(first, tag) for tag in {m.tag for m in members}}
        for member in members:  # counted once, not again among each member's siblings
            before = previous.get(member.tag)
            previous[member.tag] = member
            if before is None:
                moved = self._before.get(member, self._moved.get((parent, member.tag), 0))
                positions[member] = moved + standing[member.tag] + _between(
                    first, member) + 1
                continue
            between = 0  # same-named siblings that are no members (a cut one)
            for sibling in before.itersiblings(member.tag):
                if sibling is member:
                    break
                between += 1
            positions[member] = positions[before] + between + 1
        for member in members:
            key = (parent, member.tag)
            self._moved[key] = self._moved.get(key, 0) + 1
        return positions

    def _standing_before(self, first: etree._Element, tag: object) -> int:
        """How many siblings named ``tag`` stand before ``first`` in the tree, each noted
        in :attr:`_before` with the siblings of its name moved out so far (if not noted
        yet). Counted back to what stood before the last run of this parent and name
        (runs leave in document order, and what stands before one stays), not over all
        of a wide element's earlier children again: that grew with the file."""
        parent = first.getparent()
        assert parent is not None
        key = (parent, tag)
        anchor = self._anchors.get(key)
        moved = self._moved.get(key, 0)
        count = 0
        for sibling in first.itersiblings(preceding=True):
            if anchor is not None and sibling is anchor[0]:
                count += anchor[1]  # those before it noted then
                break
            if sibling.tag == tag:
                count += 1
                self._before.setdefault(sibling, moved)
        standing = first.getprevious()
        if standing is not None:
            self._anchors[key] = (standing, count)
        return count

    def position(self, node: etree._Element) -> int:
        """``node``'s 1-based position among its same-named siblings in the whole tree (it
        is in the stream's tree, or what is left of it)."""
        parent = node.getparent()
        if parent is None:
            return 1
        moved = self._before.get(node)
        if moved is None:
            moved = self._moved.get((parent, node.tag), 0)
        return moved + sum(1 for _ in node.itersiblings(node.tag, preceding=True)) + 1

    def xpath(self, node: etree._Element, members: dict[etree._Element, int] | None = None
              ) -> str:
        """``node``'s readable XPath in the whole tree (:func:`teikit.validator.messages.
        readable_xpath`); ``members``: the positions of a part's members, whose parent
        there is a copy (the real one stands in the stream's tree: :attr:`parents`)."""
        steps: list[str] = []
        current: etree._Element | None = node
        inside = members is not None
        while current is not None and isinstance(current.tag, str):
            name = etree.QName(current).localname
            if members is not None and current in members:
                steps.append(f"{name}[{members[current]}]")
                current = self.parents.get(current)
                inside = False  # the member's real parent, in the stream's tree
                continue
            parent = current.getparent()
            if parent is None:
                steps.append(name)
            elif inside:  # inside a member: nothing was moved from there
                before = sum(1 for _ in current.itersiblings(current.tag, preceding=True))
                steps.append(f"{name}[{before + 1}]")
            else:
                steps.append(f"{name}[{self.position(current)}]")
            current = parent
        return "/" + "/".join(reversed(steps))

    def stand_in(self, members: list[etree._Element], first: int, last: int
                 ) -> dict[etree._Element, etree._Element]:
        """Put in place of ``members`` (siblings, still in the tree) an element that holds
        a *copy* of each of their nodes whose start tag ends on their ``first`` or
        ``last`` line (name only, in document order): the nodes of the whole document on
        those lines are then all in the tree, and the columns there are counted as the
        whole tree counts them. The copies, by the node each stands for."""
        stand_in = etree.Element(STAND_IN)
        members[0].addprevious(stand_in)
        self.held.add(stand_in)
        self.lines[stand_in] = first  # no name of the document's: counted for none
        copies: dict[etree._Element, etree._Element] = {}
        for member in _on_lines(members, first, last):
            for node in member.iter(etree.Element):
                line = line_of(node)
                if line in (first, last):
                    copy = etree.SubElement(stand_in, node.tag,
                                            nsmap=cast("dict[str, str]", node.nsmap))
                    copies[node] = copy
                    self.lines[copy] = line
                    self.held.add(copy)
        return copies


def _on_lines(members: list[etree._Element], first: int, last: int
              ) -> list[etree._Element]:
    """The ``members`` (siblings, in document order) that may hold a node on their
    ``first`` or their ``last`` line, in document order: lines only grow in document
    order, so those that begin on the first line and those whose last element is on the
    last (the others hold neither, and their nodes are not walked)."""
    head: list[etree._Element] = []
    for member in members:
        if line_of(member) != first:
            break
        head.append(member)
    tail: list[etree._Element] = []
    for member in reversed(members[len(head):]):
        if line_of(_last_element(member)) != last:
            break
        tail.append(member)
    return head + tail[::-1]


def _last_element(element: etree._Element) -> etree._Element:
    """The last element of ``element``'s subtree in document order."""
    while (child := next(element.iterchildren(etree.Element, reversed=True), None)
           ) is not None:
        element = child
    return element


class Lines:
    """Lines of a file, read forwards; those from :meth:`keep_from`'s line on are kept
    (a part's problems come pattern by pattern, not line by line). An earlier line not
    kept is read again from the start."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: BinaryIO | None = None
        self._number = 0
        self._kept: dict[int, bytes] = {}
        self._from = 0

    def keep_from(self, number: int) -> None:
        """Keep the lines from ``number`` on (and forget those before)."""
        self._from = number
        self._kept = {n: line for n, line in self._kept.items() if n >= number}

    def __call__(self, number: int) -> str:
        line = self._kept.get(number)
        if line is None:
            if self._file is None or number <= self._number:
                self.close()
                self._file, self._number = self._path.open("rb"), 0
            line = b""
            while self._number < number:
                line = self._file.readline()
                self._number += 1
                if self._number >= self._from:
                    self._kept[self._number] = line
                if not line:
                    break
        return line.rstrip(b"\n").decode("utf-8", "replace")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
