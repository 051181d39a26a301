"""A docutils table as the reader uses it: its title, the `.. _label:` targets above it, its
lower-cased header, and its body rows as one slot per column."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from ...errors import fail
from .. import Page
from .line_numbers import node_line, paragraph_line
from .plain_text import one_line

# A body row: one slot per column; a cell spanning columns or rows fills every slot it covers.
Row = list[nodes.entry | None]


@dataclass
class Table:
    node: nodes.table
    title: str  # plain text, "" for an untitled table
    line: int  # the title's line, else the first cell's
    labels: list[str]  # normalised names of the `.. _label:` targets right above it
    header: list[str]  # lower-cased column titles
    rows: list[Row]  # body rows


def read_table(page: Page, node: nodes.table) -> Table:
    title_node = node.next_node(nodes.title) if node.children else None
    if title_node is not None and title_node.parent is not node:
        title_node = None  # the title of a table nested in a cell
    title = one_line(title_node) if title_node is not None else ""
    group = node.next_node(nodes.tgroup)
    if group is None:
        raise fail(page.path, node_line(node) or 1, "table without rows")
    columns = int(group.get("cols", 0))
    head = group.next_node(nodes.thead)
    body = group.next_node(nodes.tbody)
    head_rows = _slot_rows(list(head.children) if head is not None else [], columns)
    body_rows = _slot_rows(list(body.children) if body is not None else [], columns)
    if not head_rows and body_rows:  # a simple table without a header border
        head_rows, body_rows = body_rows[:1], body_rows[1:]
    header = [cell_text(entry).lower() for entry in head_rows[-1]] if head_rows else []
    line = node_line(title_node) if title_node is not None else None
    return Table(
        node=node,
        title=title,
        line=line or node_line(node) or 1,
        labels=_labels_above(node),
        header=header,
        rows=body_rows,
    )


def column(header: list[str], *starts: str) -> int | None:
    """The first column whose title starts with one of `starts`."""
    for index, title in enumerate(header):
        if any(title.startswith(start) for start in starts):
            return index
    return None


def cell_text(entry: nodes.Element | None) -> str:
    return one_line(entry) if entry is not None else ""


def cell_text_at(row: Row, index: int | None) -> str:
    """The text in column `index`; "" for a column the table does not have (None)."""
    return cell_text(row[index]) if index is not None else ""


def cell_line(page: Page, entry: nodes.entry | None) -> int | None:
    """The line of a cell's first paragraph; None for an empty cell."""
    para = entry.next_node(nodes.paragraph) if entry is not None else None
    return paragraph_line(page, para) if para is not None else None


def row_line(page: Page, row: Row) -> int:
    """The line of the row's first paragraph, in whichever column it stands."""
    for entry in row:
        line = cell_line(page, entry)
        if line is not None:
            return line
    for entry in row:
        if entry is not None and node_line(entry):
            return node_line(entry) or 1
    return 1


def _slot_rows(rows: list[nodes.Node], columns: int) -> list[Row]:
    """Rows as column slots; an entry spanning columns or rows fills every slot it covers."""
    out: list[Row] = []
    carried: dict[int, tuple[nodes.entry, int]] = {}  # column -> (entry, rows still to fill)
    for row in rows:
        slots: Row = [None] * columns
        for index, (entry, left) in list(carried.items()):
            slots[index] = entry
            if left > 1:
                carried[index] = (entry, left - 1)
            else:
                del carried[index]
        index = 0
        for cell in row.children:
            if not isinstance(cell, nodes.entry):
                continue
            while index < columns and slots[index] is not None:
                index += 1
            across = int(cell.get("morecols", 0)) + 1
            down = int(cell.get("morerows", 0))
            for offset in range(across):
                if index + offset < columns:
                    slots[index + offset] = cell
                    if down:
                        carried[index + offset] = (cell, down)
            index += across
        out.append(slots)
    return out


def _labels_above(node: nodes.Element) -> list[str]:
    """The `.. _label:` targets that stand right above a node (no transform moves them)."""
    labels: list[str] = []
    parent = node.parent
    if parent is None:
        return labels
    index = parent.index(node) - 1
    while index >= 0:
        sibling = parent[index]
        if isinstance(sibling, nodes.target):
            labels.extend(sibling.get("names", []))
        elif not isinstance(sibling, (nodes.comment, nodes.system_message)):
            break
        index -= 1
    return labels
