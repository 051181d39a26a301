"""True page lines for doctree nodes.

docutils gives most nodes a line, but not always the right one: a section title gets its
underline's, and docutils versions differ in the lines they give the content of table cells.
So a node's line is checked against the page text: its first source line must stand there,
inside the node's region (for a table cell: its row's lines and its column's characters)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docutils import nodes

from .. import Page
from .table_source import border_above, column_slices, row_spans, table_span

# A list item's marker at the start of a line: "- ", "* ", "1. ", "2) ", "#. ", "(a) "
LIST_MARKER = re.compile(r"^(?:[-*+•]|\d+[.)]|#\.|\(\w+\))\s+")


def node_line(node: nodes.Node) -> int | None:
    """docutils' line for a node: its own, else its first descendant's, else an ancestor's."""
    if node.line:
        return int(node.line)
    if isinstance(node, nodes.Element):
        for child in node.findall(include_self=False):
            if child.line:
                return int(child.line)
    parent = node.parent
    while parent is not None:
        if parent.line:
            return int(parent.line)
        parent = parent.parent
    return None


def checked_line(page: Page, node: nodes.Node, raw: str) -> int:
    """The page line where `raw` (the node's first source line) stands.

    A node's first line starts a line of its region, after any list marker. docutils' line
    wins when it is such a line; else the one nearest to it, or the first when docutils' line
    lies outside the region; failing all that, a line merely holding the text."""
    hint = node_line(node) or 1
    probe = raw.strip()
    if not probe:
        return hint
    lines = page.lines
    region = _region(page, node)
    for starts in (True, False):
        if region.holds(lines, hint, probe, starts):
            return hint
        holding = [
            n for n in range(region.first, region.last + 1) if region.holds(lines, n, probe, starts)
        ]
        if holding and not region.first <= hint <= region.last:
            return holding[0]
        if holding:
            return min(holding, key=lambda number: (abs(number - hint), number))
    return hint


def paragraph_line(page: Page, node: nodes.Element) -> int:
    return checked_line(page, node, node.rawsource.split("\n")[0])


def title_line(page: Page, title: nodes.title) -> int:
    """docutils gives a section title the line of its underline; the title text stands
    above it."""
    hint = node_line(title) or 1
    probe = title.rawsource.strip() or title.astext().strip()
    lines = page.lines
    for index in (hint - 2, hint - 1, hint - 3, hint):
        if 0 <= index < len(lines) and probe and probe in lines[index]:
            return index + 1
    return hint


@dataclass(frozen=True)
class _Region:
    """Where a node's text can stand: page lines, and for a table cell its column."""

    first: int
    last: int
    column_start: int = 0
    column_end: int | None = None  # None: to the end of the line

    def holds(self, lines: list[str], number: int, text: str, starts: bool) -> bool:
        """Does line `number` hold `text` (at its start, after a list marker, if `starts`)?"""
        if not self.first <= number <= self.last:
            return False
        cell = lines[number - 1][self.column_start : self.column_end]
        if not starts:
            return text in cell
        cell = cell.strip()
        return cell.startswith(text) or LIST_MARKER.sub("", cell).startswith(text)


def _region(page: Page, node: nodes.Node) -> _Region:
    """A table cell's row lines and column characters; the whole page for any other node."""
    lines = page.lines
    entry: nodes.entry | None = None
    row: nodes.row | None = None
    table = node if isinstance(node, nodes.table) else node.parent
    while table is not None and not isinstance(table, nodes.table):
        if isinstance(table, nodes.entry) and entry is None:
            entry = table
        if isinstance(table, nodes.row) and row is None:
            row = table
        table = table.parent
    if table is None or not table.line or entry is None or row is None:
        return _Region(1, len(lines))
    first, last = table_span(lines, int(table.line))
    rows = [
        r
        for part in table.findall(nodes.tgroup)
        if part.parent is table
        for section in part.children
        if isinstance(section, (nodes.thead, nodes.tbody))
        for r in section.children
    ]
    spans = row_spans(lines, first, last)
    # the doctree's rows and the source's rows, matched by position when they agree
    if len(spans) == len(rows) and row in rows:
        first, last = spans[rows.index(row)]
    columns = column_slices(border_above(lines, first))
    index = 0
    for sibling in row.children:
        if sibling is entry:
            break
        if isinstance(sibling, nodes.entry):
            index += int(sibling.get("morecols", 0)) + 1
    across = int(entry.get("morecols", 0))
    if index + across < len(columns):
        return _Region(first, last, columns[index][0], columns[index + across][1])
    return _Region(first, last)
