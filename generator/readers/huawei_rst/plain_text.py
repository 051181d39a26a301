"""Body elements as plain text in the briefing's convention: markup removed (:ref:`x <y>`
is x), bullet items as "- item" lines, admonitions as "Note: ...". Every text line keeps
the page lines it came from, so that mining can cite them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docutils import nodes

from .. import Lines, Page
from .line_numbers import checked_line, node_line, paragraph_line


@dataclass
class TextLine:
    """One line of plain text (a paragraph or a bullet item) and the page lines it spans."""

    parts: Lines

    @property
    def text(self) -> str:
        return " ".join(part.strip() for _, part in self.parts if part.strip())


# Consecutive text lines that belong together: a paragraph, or the items of one list.
Block = list[TextLine]

_ADMONITIONS = {
    nodes.note: "Note",
    nodes.important: "Important",
    nodes.caution: "Caution",
    nodes.warning: "Warning",
    nodes.attention: "Attention",
    nodes.tip: "Tip",
    nodes.hint: "Hint",
    nodes.danger: "Danger",
    nodes.error: "Error",
}
# nodes that are markup, not text
_SKIPPED = (nodes.comment, nodes.target, nodes.system_message, nodes.substitution_definition)


def one_line(node: nodes.Node) -> str:
    """A node's text with its whitespace runs, line breaks included, as single spaces."""
    return " ".join(node.astext().split())


def plain_blocks(page: Page, children: Iterable[nodes.Node], depth: int = 0) -> list[Block]:
    """Plain-text blocks for a run of body elements; `depth` is the list nesting level."""
    out: list[Block] = []
    for child in children:
        out.extend(_element_blocks(page, child, depth))
    return out


def block_lines(blocks: list[Block]) -> Lines:
    """Blocks as (line, text) pairs, a blank "" entry between blocks."""
    out: Lines = []
    for block in blocks:
        if out and block:
            out.append((out[-1][0] + 1, ""))
        for text_line in block:
            out.extend(text_line.parts)
    return out


def block_text(blocks: list[Block]) -> str:
    """Blocks as one description: a block's lines joined by "\\n", blocks by a blank line."""
    return "\n\n".join("\n".join(t.text for t in block) for block in blocks if block)


def _element_blocks(page: Page, node: nodes.Node, depth: int) -> list[Block]:
    if isinstance(node, _SKIPPED):
        return []
    if isinstance(node, nodes.paragraph):
        return [[_paragraph_text(page, node)]]
    if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
        return [_list_block(page, node, depth)]
    if isinstance(node, nodes.Element) and isinstance(node, nodes.Admonition):
        return _admonition_blocks(page, node, depth)
    if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
        line = checked_line(page, node, node.astext().split("\n")[0])
        return [[TextLine([(line + i, text)]) for i, text in enumerate(node.astext().split("\n"))]]
    if isinstance(node, nodes.table):
        return [_table_block(node)]
    if isinstance(node, nodes.definition_list):
        return [_definition_list_block(page, node, depth)]
    if isinstance(node, nodes.Element) and node.children and not isinstance(node, nodes.Inline):
        # containers (block quotes, compound paragraphs, field lists, ...): their content
        return plain_blocks(page, node.children, depth)
    text = node.astext().strip()
    if not text:
        return []
    line = node_line(node) or 1
    return [[TextLine([(line + i, part) for i, part in enumerate(text.split("\n"))])]]


def _paragraph_text(page: Page, para: nodes.Element) -> TextLine:
    """A paragraph's plain text, one part per source line (so a sentence keeps its line)."""
    line = paragraph_line(page, para)
    plain = para.astext().split("\n")
    raw = para.rawsource.split("\n")
    if len(plain) == len(raw):
        return TextLine([(line + i, text.strip()) for i, text in enumerate(plain)])
    # Markup that swallowed a line break (an escaped newline): keep it on the first line.
    return TextLine([(line, " ".join(text.strip() for text in plain))])


def _prefixed(line: TextLine, first: str, rest: str) -> TextLine:
    """The line with `first` put before its first part and `rest` before the others."""
    parts = [(n, (first if i == 0 else rest) + text) for i, (n, text) in enumerate(line.parts)]
    return TextLine(parts)


def _list_block(page: Page, node: nodes.Element, depth: int) -> Block:
    indent = "  " * depth
    block: Block = []
    for number, item in enumerate(node.children, start=node.get("start", 1)):
        if not isinstance(item, nodes.list_item):
            continue
        marker = f"{number}. " if isinstance(node, nodes.enumerated_list) else "- "
        first = True
        for sub in item.children:
            if isinstance(sub, (nodes.bullet_list, nodes.enumerated_list)):
                block.extend(_list_block(page, sub, depth + 1))
                first = False
                continue
            for sub_block in _element_blocks(page, sub, depth + 1):
                for text_line in sub_block:
                    lead = indent + (marker if first else "  ")
                    block.append(_prefixed(text_line, lead, indent + "  "))
                    first = False
    return block


def _definition_list_block(page: Page, node: nodes.definition_list, depth: int) -> Block:
    """Each term on a line of its own, its definition indented below it."""
    block: Block = []
    for item in node.children:
        if not isinstance(item, nodes.definition_list_item):
            continue
        term = item.next_node(nodes.term)
        if term is not None:
            block.append(TextLine([(checked_line(page, term, term.rawsource), term.astext())]))
        for definition in item.children:
            if not isinstance(definition, nodes.definition):
                continue
            for sub in plain_blocks(page, definition.children, depth + 1):
                block.extend(_prefixed(t, "  ", "  ") for t in sub)
    return block


def _admonition_blocks(page: Page, node: nodes.Element, depth: int) -> list[Block]:
    label = next((name for kind, name in _ADMONITIONS.items() if isinstance(node, kind)), "Note")
    if isinstance(node, nodes.admonition) and isinstance(node.children[0], nodes.title):
        label = node.children[0].astext()
    body = [child for child in node.children if not isinstance(child, nodes.title)]
    blocks = plain_blocks(page, body, depth)
    line = checked_line(page, node, f".. {node.tagname}::")
    if not blocks:
        return [[TextLine([(line, f"{label}:")])]]
    head = blocks[0]
    if len(head) == 1 and not head[0].parts[0][1].startswith("- "):
        blocks[0] = [_prefixed(head[0], f"{label}: ", "")]
    else:  # a note that opens with a list: the label on the directive's own line
        blocks[0] = [TextLine([(line, f"{label}:")]), *head]
    return blocks


def _table_block(table: nodes.table) -> Block:
    """A table met where prose is expected (inside a cell): its rows as "a | b" lines."""
    block: Block = []
    for row in table.findall(nodes.row):
        cells = [one_line(entry) for entry in row.children]
        block.append(TextLine([(node_line(row) or 1, " | ".join(cells))]))
    return block
