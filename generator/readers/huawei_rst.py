"""Reader for Huawei Cloud / Open Telekom Cloud API pages in reStructuredText (one page per
operation), as the OTC docs publish them:

    :original_name: as_06_0901.html                  page id (a field list at the top)
    Creating a Lifecycle Hook                        title (the operation name comes from it)
    =========================
    Function / URI / Request / Example Request /     sections, recognised by their titles
    Response / Example Response / Returned Values / Error Codes

The URI section holds the `METHOD /path/{param}` line and a table of URI parameters (path
parameters, and on GET pages also query parameters: a name that is no `{placeholder}` of the
path is a query parameter). Request and Response hold parameter tables in grid or simple
table syntax; a table titled "**x** field description", or one that a parameter's Type or
Description cell points at with :ref:, lists the fields of the object parameter x.

docutils parses the page (tables included); the Sphinx roles and directives the pages use are
registered so that docutils knows them. docutils reports nothing itself: its errors become
`file:line: error:` problems and its warnings become notes. Line numbers come from the doctree
and are checked against the page text: text in a table cell must stand in its own row and
column of the table's source (docutils versions differ in the lines they give cell content).
"""

from __future__ import annotations

import functools
import io
import json
import re
import textwrap
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive, Parser, directives, roles

from .. import model
from ..errors import fail
from . import Lines, Page, ReadOutput, ReadResult

FAMILY = "huawei-rst"

PROVIDER = "huawei"
PROTOCOL = "huawei-rest"
# The path prefix of a service's API names the service; the briefing's name for AS is "as".
_SERVICES = {"autoscaling-api": "as"}

_METHODS = "GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS"
_URI_LINE = re.compile(rf"^({_METHODS})\s+(/\S*)$")
_HTTP_REQUEST_LINE = re.compile(rf"^({_METHODS})\s+\S+")
_HTTP_STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)?\s+\d{3}\b")
_API_VERSION = re.compile(r"^v\d+(?:\.\d+)?$")
_STATUS = re.compile(r"^(\d{3})\b\s*(.*)$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(\"']|\s*$)", re.S)
_REF_TEXT = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
# "Table 3 lifecycle_hooks field description": x is one word, a parameter name
_FIELD_TABLE_TITLE = re.compile(r"^(?:table\s+\S+\s+)?(\S+)\s+fields?\s+descriptions?$", re.I)
_STATUS_MODE = re.compile(r"^(normal|abnormal)\b\s*:?\s*(.*)$", re.I)
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")
_RST_MARKUP = re.compile(r"^\.\. (?:[A-Za-z][\w-]*::|_[^:\n]+:)|:ref:`", re.M)
_NONE = re.compile(r"^none\.?$", re.I)
_PARAMETER_NAME = re.compile(r"^[A-Za-z0-9_$@][\w.$@\[\]-]*$")


# --- sniffing ----------------------------------------------------------------------------


def sniff(page: Page) -> bool:
    """An `:original_name:` field opening the page, or an RST page with a "URI" section that
    holds an HTTP method line."""
    lines = page.lines
    first = next((line for line in lines if line.strip()), "")
    if re.match(r"^:original_name:\s*\S", first):
        return True
    has_uri_section = any(
        line.strip() == "URI" and _UNDERLINE.match(nxt) is not None
        for line, nxt in zip(lines, lines[1:], strict=False)
    )
    has_method_line = any(_URI_LINE.match(line.strip()) for line in lines)
    return has_uri_section and has_method_line and _RST_MARKUP.search(page.text) is not None


# --- docutils set-up: the Sphinx markup the pages use ---------------------------------------


def _link_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Mapping[str, Any] | None = None,
    content: Sequence[str] | None = None,
) -> tuple[list[nodes.reference], list[nodes.reference]]:
    """:ref:`text <target>` (and :doc:, :numref:): a reference node that keeps the target
    in `reftarget`, so that no docutils transform tries to resolve it."""
    match = _REF_TEXT.match(text)
    if match and match.group(1).strip():
        label, target = match.group(1), match.group(2)
    else:
        label = target = match.group(2) if match else text
    node = nodes.reference(rawtext, utils.unescape(label), reftarget=utils.unescape(target).strip())
    return [node], []


def _text_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Mapping[str, Any] | None = None,
    content: Sequence[str] | None = None,
) -> tuple[list[nodes.inline], list[nodes.system_message]]:
    """Sphinx roles that only style their text (:guilabel:, :term:, ...): keep the text."""
    match = _REF_TEXT.match(text)
    shown = match.group(1) if match and match.group(1).strip() else text
    return [nodes.inline(rawtext, utils.unescape(shown))], []


class _CodeBlock(Directive):
    """Sphinx's `.. code-block:: [language]`: a literal block whose line is its first line
    of content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "caption": directives.unchanged,
        "dedent": directives.unchanged,
        "emphasize-lines": directives.unchanged,
        "force": directives.flag,
        "language": directives.unchanged,
        "lineno-start": directives.unchanged,
        "linenos": directives.flag,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        code = "\n".join(self.content)
        node = nodes.literal_block(code, code)
        node["language"] = self.arguments[0] if self.arguments else ""
        node.line = self.content_offset + 1  # content_offset is 0-based
        return [node]


class _Ignored(Directive):
    """Sphinx directives that carry no API facts (toctree, index, highlight)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        return []


@functools.cache
def _register_sphinx_markup() -> None:
    # docutils keeps roles and directives in module-level registries; registering is
    # idempotent, and these names are Sphinx's, which plain docutils does not define.
    for name in ("ref", "doc", "numref"):
        roles.register_local_role(name, _link_role)
    for name in (
        "term",
        "guilabel",
        "menuselection",
        "kbd",
        "command",
        "file",
        "samp",
        "abbr",
        "dfn",
        "option",
        "envvar",
        "program",
        "download",
    ):
        # types-docutils says a role returns reference nodes; any inline node will do
        roles.register_local_role(name, _text_role)  # type: ignore[arg-type]
    for name in ("code-block", "sourcecode"):
        directives.register_directive(name, _CodeBlock)
    for name in ("toctree", "index", "highlight"):
        directives.register_directive(name, _Ignored)


def _parse(page: Page) -> tuple[nodes.document, list[str]]:
    """The doctree, and docutils' warnings as notes. Errors (malformed tables, unknown
    directives, ...) fail at the line docutils names."""
    _register_sphinx_markup()
    settings = get_default_settings(Parser)
    settings.report_level = 5  # report nothing to stderr ...
    settings.halt_level = 5  # ... and never raise: the observer below collects everything
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False  # untrusted text: no `include`, no file tables
    settings.raw_enabled = False
    settings.syntax_highlight = "none"
    document = utils.new_document(page.path, settings)
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    Parser().parse(page.text, document)
    notes: list[str] = []
    for message in messages:
        level = int(message["level"])
        line = int(message.get("line") or 1)
        text = _message_text(message)
        if level >= 3:
            raise fail(page.path, line, f"reStructuredText: {text}")
        if level == 2:
            notes.append(f"line {line}: reStructuredText warning: {text}")
    return document, notes


def _message_text(message: nodes.system_message) -> str:
    first = message.children[0] if message.children else message
    return " ".join(first.astext().split())


# --- line numbers ------------------------------------------------------------------------


def _node_line(node: nodes.Node) -> int | None:
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


def _checked_line(page: Page, node: nodes.Node, raw: str) -> int:
    """The page line where `raw` (the node's first source line) stands.

    A node's first line starts a line of its region (for a table cell: its row's lines,
    its column's characters), after any list marker. docutils' line wins when it is such a
    line; else the one nearest to it, or the first when docutils' line lies outside the
    region; failing all that, a line merely holding the text. docutils versions differ in
    the lines they give the content of table cells: the page text decides."""
    hint = _node_line(node) or 1
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


_LIST_MARKER = re.compile(r"^(?:[-*+•]|\d+[.)]|#\.|\(\w+\))\s+")


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
        return cell.startswith(text) or _LIST_MARKER.sub("", cell).startswith(text)


def _region(page: Page, node: nodes.Node) -> _Region:
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
    first, last = _table_span(lines, int(table.line))
    rows = [
        r
        for part in table.findall(nodes.tgroup)
        if part.parent is table
        for section in part.children
        if isinstance(section, (nodes.thead, nodes.tbody))
        for r in section.children
    ]
    spans = _row_spans(lines, first, last)
    if len(spans) == len(rows) and row in rows:
        first, last = spans[rows.index(row)]
    columns = _column_slices(_border(lines, first))
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


def _border(lines: list[str], line: int) -> str:
    """The nearest table border line at or above `line`."""
    index = line - 1
    while index > 0 and not (
        lines[index].lstrip().startswith("+") or _SIMPLE_BORDER.match(lines[index])
    ):
        index -= 1
    return lines[index]


def _column_slices(border: str) -> list[tuple[int, int | None]]:
    """Character columns of a table's columns, from a `+---+---+` or `=== ===` border; the
    last column of a simple table runs to the end of the line."""
    if border.lstrip().startswith("+"):
        plus = [i for i, char in enumerate(border) if char == "+"]
        return [(a + 1, b) for a, b in zip(plus, plus[1:], strict=False)]
    runs: list[tuple[int, int | None]] = [m.span() for m in re.finditer(r"=+", border)]
    if runs:
        runs[-1] = (runs[-1][0], None)
    return runs


def _row_spans(lines: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """The line ranges of a table's rows, header rows first, read from its source: grid rows
    lie between `+---+` lines; a simple table row starts where its first column has text."""
    numbers = range(first, last + 1)
    if lines[first - 1].lstrip().startswith("+"):
        seps = [n for n in numbers if lines[n - 1].lstrip().startswith("+")]
        return [(a + 1, b - 1) for a, b in zip(seps, seps[1:], strict=False) if b - a > 1]
    column = re.search(r"=+", lines[first - 1])
    if column is None:
        return []
    borders = {n for n in numbers if _SIMPLE_BORDER.match(lines[n - 1])}
    starts = [
        n
        for n in numbers
        if n not in borders and lines[n - 1][column.start() : column.end()].strip()
    ]
    spans: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else last
        end = min([end, *(b - 1 for b in borders if b > start)])
        spans.append((start, end))
    return spans


_GRID_LINE = re.compile(r"^\s*[+|]")
_SIMPLE_BORDER = re.compile(r"^\s*=+(?:\s+=+)*\s*$")


def _table_span(lines: list[str], start: int) -> tuple[int, int]:
    """First and last line of the grid or simple table at or below line `start` (a
    `.. table::` line or the table's own first line)."""
    index = start - 1
    while index < len(lines) and not (
        lines[index].lstrip().startswith("+") or _SIMPLE_BORDER.match(lines[index])
    ):
        index += 1
    if index >= len(lines):
        return start, len(lines)
    first = index + 1
    if lines[index].lstrip().startswith("+"):  # grid: contiguous | and + lines
        while index + 1 < len(lines) and _GRID_LINE.match(lines[index + 1]):
            index += 1
        return first, index + 1
    # simple: ends at a border line followed by a blank line (or the end of the page)
    index += 1
    while index < len(lines):
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if _SIMPLE_BORDER.match(lines[index]) and not after.strip():
            return first, index + 1
        index += 1
    return first, len(lines)


def _paragraph_line(page: Page, node: nodes.Element) -> int:
    return _checked_line(page, node, node.rawsource.split("\n")[0])


def _title_line(page: Page, title: nodes.title) -> int:
    """docutils gives a section title the line of its underline; the title text stands
    above it."""
    hint = _node_line(title) or 1
    probe = title.rawsource.strip() or title.astext().strip()
    lines = page.lines
    for index in (hint - 2, hint - 1, hint - 3, hint):
        if 0 <= index < len(lines) and probe and probe in lines[index]:
            return index + 1
    return hint


# --- plain text --------------------------------------------------------------------------


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
_SKIPPED = (nodes.comment, nodes.target, nodes.system_message, nodes.substitution_definition)


def _paragraph_text(page: Page, para: nodes.Element) -> TextLine:
    """A paragraph's plain text, one part per source line (so a sentence keeps its line)."""
    line = _paragraph_line(page, para)
    plain = para.astext().split("\n")
    raw = para.rawsource.split("\n")
    if len(plain) == len(raw):
        return TextLine([(line + i, text.strip()) for i, text in enumerate(plain)])
    # Markup that swallowed a line break (an escaped newline): keep it on the first line.
    return TextLine([(line, " ".join(text.strip() for text in plain))])


def _prefixed(line: TextLine, first: str, rest: str) -> TextLine:
    parts = [(n, (first if i == 0 else rest) + text) for i, (n, text) in enumerate(line.parts)]
    return TextLine(parts)


def _blocks(page: Page, children: Iterable[nodes.Node], depth: int = 0) -> list[Block]:
    """Plain-text blocks for a run of body elements, in the briefing's convention: markup
    removed, bullet items as "- item" lines, admonitions as "Note: ..."."""
    out: list[Block] = []
    for child in children:
        out.extend(_element_blocks(page, child, depth))
    return out


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
        line = _checked_line(page, node, node.astext().split("\n")[0])
        return [[TextLine([(line + i, text)]) for i, text in enumerate(node.astext().split("\n"))]]
    if isinstance(node, nodes.table):
        return [_table_text_block(page, node)]
    if isinstance(node, nodes.definition_list):
        block: Block = []
        for item in node.children:
            if not isinstance(item, nodes.definition_list_item):
                continue
            term = item.next_node(nodes.term)
            if term is not None:
                block.append(TextLine([(_checked_line(page, term, term.rawsource), term.astext())]))
            for definition in item.children:
                if not isinstance(definition, nodes.definition):
                    continue
                for sub in _blocks(page, definition.children, depth + 1):
                    block.extend(_prefixed(t, "  ", "  ") for t in sub)
        return [block]
    if isinstance(node, nodes.Element) and node.children and not isinstance(node, nodes.Inline):
        # containers (block quotes, compound paragraphs, field lists, ...): their content
        return _blocks(page, node.children, depth)
    text = node.astext().strip()
    if not text:
        return []
    line = _node_line(node) or 1
    return [[TextLine([(line + i, part) for i, part in enumerate(text.split("\n"))])]]


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


def _admonition_blocks(page: Page, node: nodes.Element, depth: int) -> list[Block]:
    label = next((name for kind, name in _ADMONITIONS.items() if isinstance(node, kind)), "Note")
    if isinstance(node, nodes.admonition) and isinstance(node.children[0], nodes.title):
        label = node.children[0].astext()
    body = [child for child in node.children if not isinstance(child, nodes.title)]
    blocks = _blocks(page, body, depth)
    line = _checked_line(page, node, f".. {node.tagname}::")
    if not blocks:
        return [[TextLine([(line, f"{label}:")])]]
    head = blocks[0]
    if len(head) == 1 and not head[0].parts[0][1].startswith("- "):
        blocks[0] = [_prefixed(head[0], f"{label}: ", "")]
    else:  # a note that opens with a list: the label on the directive's own line
        blocks[0] = [TextLine([(line, f"{label}:")]), *head]
    return blocks


def _table_text_block(page: Page, table: nodes.table) -> Block:
    """A table met where prose is expected (inside a cell): its rows as "a | b" lines."""
    block: Block = []
    for row in table.findall(nodes.row):
        cells = [" ".join(entry.astext().split()) for entry in row.children]
        block.append(TextLine([(_node_line(row) or 1, " | ".join(cells))]))
    return block


def _lines(blocks: list[Block]) -> Lines:
    """Blocks as (line, text) pairs, a blank "" entry between blocks."""
    out: Lines = []
    for block in blocks:
        if out and block:
            out.append((out[-1][0] + 1, ""))
        for text_line in block:
            out.extend(text_line.parts)
    return out


def _plain(blocks: list[Block]) -> str:
    """Blocks as one description: a block's lines joined by "\\n", blocks by a blank line."""
    return "\n\n".join("\n".join(t.text for t in block) for block in blocks if block)


def _cell_text(entry: nodes.Element | None) -> str:
    return " ".join(entry.astext().split()) if entry is not None else ""


# --- tables ------------------------------------------------------------------------------


@dataclass
class Table:
    node: nodes.table
    title: str  # plain text, "" for an untitled table
    line: int  # the title's line, else the first cell's
    labels: list[str]  # normalised names of the `.. _label:` targets right above it
    header: list[str]  # lower-cased column titles
    rows: list[list[nodes.entry | None]]  # body rows, one slot per column (spans repeated)


def _table(page: Page, node: nodes.table) -> Table:
    title_node = node.next_node(nodes.title) if node.children else None
    if title_node is not None and title_node.parent is not node:
        title_node = None
    title = " ".join(title_node.astext().split()) if title_node is not None else ""
    group = node.next_node(nodes.tgroup)
    if group is None:
        raise fail(page.path, _node_line(node) or 1, "table without rows")
    columns = int(group.get("cols", 0))
    head = group.next_node(nodes.thead)
    body = group.next_node(nodes.tbody)
    head_rows = _grid(list(head.children) if head is not None else [], columns)
    body_rows = _grid(list(body.children) if body is not None else [], columns)
    if not head_rows and body_rows:  # a simple table without a header border
        head_rows, body_rows = body_rows[:1], body_rows[1:]
    header = [_cell_text(entry).lower() for entry in head_rows[-1]] if head_rows else []
    line = _node_line(title_node) if title_node is not None else None
    return Table(
        node=node,
        title=title,
        line=line or _node_line(node) or 1,
        labels=_labels_above(node),
        header=header,
        rows=body_rows,
    )


def _grid(rows: list[nodes.Node], columns: int) -> list[list[nodes.entry | None]]:
    """Rows as column slots; an entry spanning columns or rows fills every slot it covers."""
    out: list[list[nodes.entry | None]] = []
    carried: dict[int, tuple[nodes.entry, int]] = {}  # column -> (entry, rows still to fill)
    for row in rows:
        slots: list[nodes.entry | None] = [None] * columns
        for column, (entry, left) in list(carried.items()):
            slots[column] = entry
            if left > 1:
                carried[column] = (entry, left - 1)
            else:
                del carried[column]
        column = 0
        for cell in row.children:
            if not isinstance(cell, nodes.entry):
                continue
            while column < columns and slots[column] is not None:
                column += 1
            across = int(cell.get("morecols", 0)) + 1
            down = int(cell.get("morerows", 0))
            for offset in range(across):
                if column + offset < columns:
                    slots[column + offset] = cell
                    if down:
                        carried[column + offset] = (cell, down)
            column += across
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


def _column(header: list[str], *starts: str) -> int | None:
    for index, title in enumerate(header):
        if any(title.startswith(start) for start in starts):
            return index
    return None


def _row_line(page: Page, row: list[nodes.entry | None]) -> int:
    for entry in row:
        if entry is None:
            continue
        para = entry.next_node(nodes.paragraph)
        if para is not None:
            return _paragraph_line(page, para)
    for entry in row:
        if entry is not None and _node_line(entry):
            return _node_line(entry) or 1
    return 1


# --- parameters --------------------------------------------------------------------------


@dataclass
class _Row:
    """A parameter table row, before its object fields are attached."""

    param: model.Parameter
    lines: Lines
    refs: list[str]  # targets that its Type and Description cells point at
    children: list[_Row] = field(default_factory=list)


@dataclass
class _ParamTable:
    table: Table
    rows: list[_Row]
    describes: str | None  # x in "**x** field description"
    used: bool = False


_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "str": "string",
    "char": "string",
    "integer": "integer",
    "int": "integer",
    "int32": "integer",
    "int64": "integer",
    "long": "integer",
    "short": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "boolean": "boolean",
    "bool": "boolean",
}
_OBJECTS = ("object", "map", "dict", "json")


def _spec_type(doc_type: str) -> tuple[model.SpecType, str | None] | None:
    """JSON type and array item type for the page's spelling; None when it is unknown."""
    text = " ".join(doc_type.lower().replace("**", "").split())
    array = (
        re.fullmatch(r"(?:array|list)\s+of\s+(.+)", text)
        or re.fullmatch(r"(?:array|list)\s*<\s*(.+?)\s*>", text)
        or re.fullmatch(r"(.+?)\s*\[\s*\]", text)
    )
    if array:
        inner = array.group(1)
        element = _element_type(inner)
        return "array", element
    if text in _SCALARS:
        return _SCALARS[text], None
    if text.split(" ")[-1] in _OBJECTS or text.startswith("map") or text.startswith("dict"):
        return "object", None
    return None


def _element_type(inner: str) -> str:
    words = inner.split(" ")
    last = words[-1]
    if last in ("object", "objects") or inner.startswith(("map", "dict")):
        return "object"
    singular = last[:-1] if last.endswith("s") and last[:-1] in _SCALARS else last
    if len(words) == 1 and singular in _SCALARS:
        return _SCALARS[singular]
    # "Array of Tag": a named structure
    return "object"


def _required(page: Page, text: str, line: int, name: str) -> bool:
    value = text.strip().lower()
    if value.startswith(("yes", "true", "mandatory", "required")) or value in ("m", "y"):
        return True
    if value.startswith(("no", "false", "optional")) or value in ("o", "n"):
        return False
    raise fail(page.path, line, f"parameter {name}: cannot read Mandatory value {text!r}")


def _refs(entry: nodes.entry | None) -> list[str]:
    if entry is None:
        return []
    return [
        nodes.fully_normalize_name(str(ref["reftarget"]))
        for ref in entry.findall(nodes.reference)
        if ref.get("reftarget")
    ]


def _param_rows(page: Page, table: Table, location: model.Location) -> list[_Row] | None:
    """The rows of a parameter table (a Parameter and a Type column), None for another kind
    of table. A row with an empty cell fails: it is a row with missing cells."""
    name_col = _column(table.header, "parameter", "name", "field")
    type_col = _column(table.header, "type", "data type", "parameter type")
    if name_col is None or type_col is None:
        return None
    required_col = _column(table.header, "mandatory", "required")
    description_col = _column(table.header, "description", "remark")
    rows: list[_Row] = []
    for slots in table.rows:
        line = _row_line(page, slots)
        name = _cell_text(slots[name_col])
        if not name:
            raise fail(page.path, line, f"table {table.title!r}: row without a parameter name")
        if not _PARAMETER_NAME.match(name):
            raise fail(
                page.path,
                line,
                f"table {table.title!r}: {name!r} is not a parameter name (rows run together?)",
            )
        for index, title in enumerate(table.header):
            if not _cell_text(slots[index]):
                raise fail(
                    page.path,
                    line,
                    f"table {table.title!r}: row {name!r} has an empty {title!r} cell"
                    " (missing cells?)",
                )
        doc_type = _cell_text(slots[type_col])
        spec_type = _spec_type(doc_type)
        if spec_type is None:
            raise fail(page.path, line, f"parameter {name}: unknown type {doc_type!r}")
        required = False
        if required_col is not None:
            required = _required(page, _cell_text(slots[required_col]), line, name)
        description_entry = slots[description_col] if description_col is not None else None
        blocks = _blocks(page, description_entry.children) if description_entry else []
        name_entry = slots[name_col]
        name_para = name_entry.next_node(nodes.paragraph) if name_entry is not None else None
        name_line = _paragraph_line(page, name_para) if name_para is not None else line
        param = model.Parameter(
            name=name,
            source=model.Source(page.path, name_line),
            type=spec_type[0],
            location=location,
            required=required,
            doc_type=doc_type,
            items=spec_type[1],
            description=_plain(blocks),
        )
        rows.append(_Row(param, _lines(blocks), _refs(slots[type_col]) + _refs(description_entry)))
    return rows


def _holds_fields(param: model.Parameter) -> bool:
    return param.type == "object" or (param.type == "array" and param.items == "object")


def _assemble(tables: list[_ParamTable], notes: list[str]) -> list[_Row]:
    """Top-level rows with their object fields attached: a row whose Type or Description
    points (:ref:) at a table gets that table's rows; a "**x** field description" table that
    nobody points at goes to the object parameter named x."""
    by_label: dict[str, _ParamTable] = {}
    for table in tables:
        for label in table.table.labels:
            by_label.setdefault(label, table)
    nested_ids = {
        id(by_label[ref])
        for table in tables
        for row in table.rows
        if _holds_fields(row.param)
        for ref in row.refs
        if ref in by_label and by_label[ref] is not table
    }
    nested_ids |= {id(t) for t in tables if t.describes is not None}
    top: list[_Row] = []
    for table in tables:
        if id(table) not in nested_ids:
            table.used = True
            top.extend(table.rows)

    def fill(row: _Row, source: _ParamTable, depth: int) -> None:
        source.used = True
        # copies: one table may describe the fields of several parameters
        row.children = [replace(r, children=[]) for r in source.rows]
        for child in row.children:
            attach(child, depth + 1)

    def attach(row: _Row, depth: int) -> None:
        if depth > 8:
            notes.append(
                f"line {row.param.source.line}: fields of {row.param.name} nest too deep;"
                " not followed further"
            )
            return
        if _holds_fields(row.param):
            for ref in row.refs:
                target = by_label.get(ref)
                if target is not None and id(target) in nested_ids:
                    fill(row, target, depth)
                    return

    for row in top:
        attach(row, 0)
    # Tables linked by their title only; one may describe a field another one brought in.
    progress = True
    while progress:
        progress = False
        for table in tables:
            if table.used or table.describes is None:
                continue
            owner = _find_row(top, table.describes)
            if owner is not None:
                fill(owner, table, 0)
                progress = True
    for table in tables:
        if not table.used:
            notes.append(
                f"line {table.table.line}: table {table.table.title!r} describes fields of "
                f"{table.describes or 'an object'} that no parameter on this page links to"
            )
    return top


def _find_row(rows: list[_Row], name: str) -> _Row | None:
    for row in rows:
        if row.param.name == name and _holds_fields(row.param) and not row.children:
            return row
        found = _find_row(row.children, name)
        if found is not None:
            return found
    return None


def _materialise(
    rows: list[_Row], location: model.Location, prefix: str, text: dict[str, Lines]
) -> list[model.Parameter]:
    """Parameters from rows (fresh copies: one table may describe several parameters'
    fields), recording each one's prose under its dotted path."""
    out: list[model.Parameter] = []
    for row in rows:
        path = prefix + row.param.name
        param = replace(row.param, location=location, fields=[])
        text[path] = row.lines
        param.fields = _materialise(row.children, location, path + ".", text)
        out.append(param)
    return out


# --- sections ----------------------------------------------------------------------------

SectionKind = Literal[
    "function",
    "uri",
    "request",
    "response",
    "example_request",
    "example_response",
    "example",
    "status",
    "errors",
    "other",
]


def _section_kind(title: str) -> SectionKind | None:
    text = " ".join(title.lower().split())
    if "example" in text or "sample" in text:
        if "response" in text:
            return "example_response"
        return "example_request" if "request" in text else "example"
    if text in ("uri", "uris", "url", "request uri", "request url"):
        return "uri"
    if text.startswith("request"):
        return "request"
    if text.startswith("response"):
        return "response"
    if any(w in text for w in ("returned value", "return value", "status code", "return code")):
        return "status"
    if "error code" in text:
        return "errors"
    if text in (
        "function",
        "functions",
        "description",
        "api description",
        "overview",
        "function description",
        "introduction",
        "constraints",
        "precautions",
        "restrictions",
        "constraints and limitations",
    ):
        return "function"
    return None


@dataclass
class _Page:
    """What the sections of one page hold, gathered in document order."""

    function_blocks: list[Block] = field(default_factory=list)
    other_blocks: list[Block] = field(default_factory=list)  # operation prose elsewhere
    uri_lines: list[tuple[int, str, str]] = field(default_factory=list)  # line, method, path
    uri_section_line: int | None = None
    uri_tables: list[Table] = field(default_factory=list)
    request_tables: list[Table] = field(default_factory=list)
    response_tables: list[Table] = field(default_factory=list)
    request_none: bool = False
    examples: list[tuple[Literal["request", "response", "error"], nodes.Element, str]] = field(
        default_factory=list
    )
    status_sections: list[nodes.section] = field(default_factory=list)
    error_tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _walk_sections(
    page: Page, section: nodes.section, kind: SectionKind, out: _Page, is_title: bool = False
) -> None:
    """Sort a section's content by the section's kind. A subsection whose title says
    nothing takes its parent's kind, except below the page title, where it is "other"."""
    example_title = ""
    title_node = section.next_node(nodes.title)
    section_title = title_node.astext() if title_node is not None else ""
    if kind == "uri" and title_node is not None:
        out.uri_section_line = _title_line(page, title_node)
    if kind == "status":
        out.status_sections.append(section)  # read as a whole, subsections included
        return
    for child in section.children:
        if isinstance(child, nodes.title):
            continue
        if isinstance(child, nodes.section):
            sub_title = child.next_node(nodes.title)
            sub_kind = _section_kind(sub_title.astext() if sub_title is not None else "")
            _walk_sections(page, child, sub_kind or ("other" if is_title else kind), out)
            continue
        if kind == "uri" and isinstance(child, nodes.literal_block):
            match = _URI_LINE.match(child.astext().strip())
            if match:
                out.uri_lines.append((_checked_line(page, child, match[0]), match[1], match[2]))
                continue
        if isinstance(child, nodes.table):
            _place_table(page, _table(page, child), kind, out)
            continue
        if isinstance(child, (nodes.literal_block, nodes.doctest_block)):
            example_kind = _example_kind(kind)
            if example_kind is None:
                out.notes.append(
                    f"line {_node_line(child)}: code block outside the example"
                    " sections, not read"
                )
            else:
                out.examples.append((example_kind, child, example_title or section_title))
            continue
        if isinstance(child, nodes.paragraph):
            text = " ".join(child.astext().split())
            if kind == "uri":
                match = _URI_LINE.match(text)
                if match:
                    out.uri_lines.append((_paragraph_line(page, child), match[1], match[2]))
                    continue
            if _NONE.match(text):
                if kind == "request":
                    out.request_none = True
                continue
            if kind.startswith("example"):
                example_title = text  # the sentence that introduces the next example
                continue
        if kind == "function":
            out.function_blocks.extend(_blocks(page, [child]))
        elif kind in ("uri", "request", "other"):
            out.other_blocks.extend(_blocks(page, [child]))


def _example_kind(kind: SectionKind) -> Literal["request", "response", "error"] | None:
    if kind in ("example_request", "request"):
        return "request"
    if kind in ("example_response", "response", "example"):
        return "response"
    if kind in ("errors", "status"):
        return "error"
    return None


def _place_table(page: Page, table: Table, kind: SectionKind, out: _Page) -> None:
    if kind == "uri":
        out.uri_tables.append(table)
    elif kind == "request":
        out.request_tables.append(table)
    elif kind == "response":
        out.response_tables.append(table)
    elif kind == "errors":
        out.error_tables.append(table)
    else:
        out.notes.append(
            f"line {table.line}: table {table.title!r} in a section this reader" " does not read"
        )


# --- request, URI and response parameters --------------------------------------------------


def _param_tables(
    page: Page, tables: list[Table], location: model.Location, notes: list[str]
) -> list[_ParamTable]:
    out: list[_ParamTable] = []
    for table in tables:
        table_location = "header" if "header" in table.title.lower() else location
        rows = _param_rows(page, table, table_location)
        if rows is None:
            notes.append(
                f"line {table.line}: table {table.title!r} has no Parameter and Type"
                " columns, not read"
            )
            continue
        match = _FIELD_TABLE_TITLE.match(table.title)
        out.append(_ParamTable(table, rows, match.group(1) if match else None))
    return out


def _with_locations(
    rows: list[_Row], text: dict[str, Lines], prefix: str = ""
) -> list[model.Parameter]:
    """Materialise rows keeping each top-level row's own location (header tables)."""
    out: list[model.Parameter] = []
    for row in rows:
        out.extend(_materialise([row], row.param.location, prefix, text))
    return out


def _uri_parameters(
    page: Page, found: _Page, path: str, uri_line: int, text: dict[str, Lines], notes: list[str]
) -> list[model.Parameter]:
    """URI table rows: a `{name}` of the path is a path parameter, any other is a query
    parameter (GET pages list their query parameters there). Placeholders that no table
    describes still become (required, string) path parameters."""
    placeholders = re.findall(r"\{([^{}/]+)\}", path)
    tables = _param_tables(page, found.uri_tables, "query", notes)
    rows = _assemble(tables, notes)
    for row in rows:
        if row.param.name in placeholders:
            row.param.location = "path"
    params = _with_locations(rows, text)
    described = {p.name for p in params}
    for name in placeholders:
        if name not in described:
            params.append(
                model.Parameter(
                    name=name,
                    source=model.Source(page.path, uri_line),
                    location="path",
                    required=True,
                )
            )
            notes.append(f"line {uri_line}: path parameter {name} is not described in a table")
    return params


# --- examples ----------------------------------------------------------------------------


def _example_format(body: str) -> Literal["json", "xml", "text"]:
    try:
        json.loads(body)
    except ValueError:
        return "xml" if body.lstrip().startswith("<") else "text"
    return "json"


def _examples(
    page: Page, kind: Literal["request", "response", "error"], block: nodes.Element, title: str
) -> list[model.Example]:
    """A code block as examples: an HTTP request or status line (with any headers) is one
    example, the body after the blank line another."""
    code = block.astext()
    lines = code.split("\n")
    first = _checked_line(page, block, next((line for line in lines if line.strip()), ""))
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return []
    # the block's line is that of its first non-blank line
    base = first - start
    out: list[model.Example] = []
    head = lines[start].strip()
    body_from = start
    if _HTTP_REQUEST_LINE.match(head) or _HTTP_STATUS_LINE.match(head):
        end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
        http = "\n".join(line.rstrip() for line in lines[start:end])
        out.append(model.Example(kind, "http", http, model.Source(page.path, base + start), title))
        body_from = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
    if body_from < len(lines):
        body = textwrap.dedent("\n".join(lines[body_from:])).rstrip()
        out.append(
            model.Example(
                kind, _example_format(body), body, model.Source(page.path, base + body_from), title
            )
        )
    return out


def _example_values(
    params: list[model.Parameter], examples: list[model.Example], kind: str, path_template: str
) -> None:
    """Parameter.example from the page's own example: top-level body values, path values
    matched against the template, query values from the example URL."""
    body: Any = None
    url = ""
    for example in examples:
        if example.kind != kind:
            continue
        if example.format == "json" and body is None:
            body = json.loads(example.body)
        if example.format == "http" and not url:
            url = example.body.split("\n")[0].split(None, 1)[-1]
    path_values = _path_values(path_template, url) if url else {}
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) if url else {}
    for param in params:
        value: Any = None
        if param.location == "body" and isinstance(body, dict):
            value = body.get(param.name)
        elif param.location == "path":
            value = path_values.get(param.name)
        elif param.location == "query" and param.name in query:
            value = query[param.name][0]
        if value is None or isinstance(value, (dict, list)):
            continue
        param.example = value if isinstance(value, str) else json.dumps(value)


def _path_values(template: str, url: str) -> dict[str, str]:
    path = urllib.parse.urlsplit(url).path if "://" in url else url.split("?")[0]
    pattern = ""
    names: list[str] = []
    for piece in re.split(r"(\{[^{}/]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            names.append(piece[1:-1])
            pattern += r"([^/]+)"
        else:
            pattern += re.escape(piece)
    match = re.search(pattern + "$", path)
    if not match:
        return {}
    return {
        name: urllib.parse.unquote(value)
        for name, value in zip(names, match.groups(), strict=True)
        if not (value.startswith("{") and value.endswith("}"))  # a placeholder left as is
    }


# --- returned values ---------------------------------------------------------------------


def _flat(node: nodes.Element) -> Iterator[nodes.Element]:
    """Paragraphs and tables under a node in document order, not descending into tables."""
    for child in node.children:
        if isinstance(child, (nodes.paragraph, nodes.table)):
            yield child
        elif isinstance(child, nodes.Element) and not isinstance(child, nodes.title):
            yield from _flat(child)


def _returned_values(
    page: Page, sections: list[nodes.section], notes: list[str]
) -> tuple[tuple[int, int] | None, list[model.Status]]:
    """(success status, its line) from "Normal", and the statuses of the tables. Without a
    Normal entry, the first 2xx row of a status table is the success status."""
    success: tuple[int, int] | None = None
    statuses: list[model.Status] = []
    for section in sections:
        mode = ""
        for node in _flat(section):
            if isinstance(node, nodes.paragraph):
                text = " ".join(node.astext().split())
                head = _STATUS_MODE.match(text)
                if head:  # "Normal" / "Abnormal", the status may follow on the same line
                    mode, text = head[1].lower(), head[2]
                    if not text:
                        continue
                line = _paragraph_line(page, node)
                if mode == "normal":
                    match = _STATUS.match(text)
                    if not match:
                        raise fail(page.path, line, f"cannot read a status code in {text!r}")
                    if success is None:
                        success = (int(match[1]), line)
                else:
                    notes.append(f"line {line}: returned-values text not read: {text}")
                continue
            if isinstance(node, nodes.table):
                statuses.extend(_status_rows(page, _table(page, node)))
    if success is None:
        for status in statuses:
            if 200 <= status.status < 300:
                success = (status.status, status.source.line)
                statuses.remove(status)
                break
    return success, statuses


def _status_rows(page: Page, table: Table) -> list[model.Status]:
    value_col = _column(table.header, "returned value", "return value", "status", "code") or 0
    meaning_col = _column(table.header, "description", "meaning")
    out: list[model.Status] = []
    for slots in table.rows:
        line = _row_line(page, slots)
        text = _cell_text(slots[value_col])
        match = _STATUS.match(text)
        if not match:
            raise fail(page.path, line, f"cannot read a status code in {text!r}")
        meaning = _cell_text(slots[meaning_col]) if meaning_col is not None else ""
        out.append(
            model.Status(
                int(match[1]),
                model.Source(page.path, line),
                match[2].strip() or None,
                meaning or None,
            )
        )
    return out


def _error_codes(page: Page, tables: list[Table], notes: list[str]) -> list[model.ErrorCode]:
    out: list[model.ErrorCode] = []
    for table in tables:
        code_col = _column(table.header, "error code")
        if code_col is None:
            notes.append(
                f"line {table.line}: table {table.title!r} has no Error Code column," " not read"
            )
            continue
        status_col = _column(table.header, "status code", "http status")
        message_col = _column(table.header, "error message", "message")
        meaning_col = _column(table.header, "description", "solution")
        for slots in table.rows:
            line = _row_line(page, slots)
            status_text = _cell_text(slots[status_col]) if status_col is not None else ""
            status = _STATUS.match(status_text)
            out.append(
                model.ErrorCode(
                    code=_cell_text(slots[code_col]),
                    source=model.Source(page.path, line),
                    status=int(status[1]) if status else None,
                    message=(
                        (_cell_text(slots[message_col]) or None)
                        if message_col is not None
                        else None
                    ),
                    meaning=(
                        (_cell_text(slots[meaning_col]) or None)
                        if meaning_col is not None
                        else None
                    ),
                )
            )
    return out


# --- links -------------------------------------------------------------------------------


def _links(page: Page, document: nodes.document) -> list[model.Link]:
    out: list[model.Link] = []
    for ref in document.findall(nodes.reference):
        target = ref.get("reftarget")
        if not target:
            continue
        line = _node_line(ref) or 1
        holder = ref.parent
        while holder is not None and not isinstance(holder, (nodes.paragraph, nodes.title)):
            holder = holder.parent
        if holder is not None:
            raw_lines = holder.rawsource.split("\n")
            start = (
                _paragraph_line(page, holder)
                if isinstance(holder, nodes.paragraph)
                else _title_line(page, holder)
            )
            first_raw = ref.rawsource.split("\n")[0]
            offset = next((i for i, raw in enumerate(raw_lines) if first_raw in raw), 0)
            line = start + offset
        out.append(model.Link(ref.astext(), str(target), model.Source(page.path, line)))
    return out


# --- the operation name ------------------------------------------------------------------

_VERBS = {
    "activating": "Activate",
    "adding": "Add",
    "applying": "Apply",
    "associating": "Associate",
    "attaching": "Attach",
    "binding": "Bind",
    "canceling": "Cancel",
    "cancelling": "Cancel",
    "changing": "Change",
    "checking": "Check",
    "configuring": "Configure",
    "creating": "Create",
    "deactivating": "Deactivate",
    "deleting": "Delete",
    "detaching": "Detach",
    "disabling": "Disable",
    "disassociating": "Disassociate",
    "enabling": "Enable",
    "executing": "Execute",
    "exporting": "Export",
    "importing": "Import",
    "listing": "List",
    "managing": "Manage",
    "migrating": "Migrate",
    "modifying": "Update",
    "moving": "Move",
    "obtaining": "Show",
    "pausing": "Pause",
    "putting": "Put",
    "rebooting": "Reboot",
    "registering": "Register",
    "releasing": "Release",
    "removing": "Remove",
    "replacing": "Replace",
    "resizing": "Resize",
    "restoring": "Restore",
    "resuming": "Resume",
    "retrying": "Retry",
    "scaling": "Scale",
    "setting": "Set",
    "starting": "Start",
    "stopping": "Stop",
    "suspending": "Suspend",
    "tagging": "Tag",
    "unbinding": "Unbind",
    "updating": "Update",
    "upgrading": "Upgrade",
    "validating": "Validate",
    "verifying": "Verify",
    "viewing": "Show",
}
_ARTICLES = {"a", "an", "the"}


def operation_name(title: str) -> tuple[str, bool]:
    """The API's operation name from a page title ("Creating a Lifecycle Hook" ->
    CreateLifecycleHook; "Querying X" -> ListX, "Querying a X" -> ShowX), and whether the
    leading verb was known (False: the name is a plain PascalCase of the title)."""
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"\([^()]*\)", " ", title))
    out: list[str] = []
    known = False
    index = 0
    if words and words[0].lower() == "batch":
        out.append("Batch")
        index = 1
    verb_expected = True
    while index < len(words):
        word = words[index]
        lower = word.lower()
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        if verb_expected and lower == "calling" and following == "back":
            out.append("Callback")
            index += 2
            known, verb_expected = True, False
            continue
        if verb_expected and lower == "querying":
            rest = [w.lower() for w in words[index + 1 : index + 3]]
            detail = bool(rest) and rest[0] in ("details", "detail")
            show = detail or (bool(rest) and rest[0] in _ARTICLES)
            out.append("Show" if show else "List")
            index += 2 if detail else 1
            if detail and index < len(words) and words[index].lower() in ("about", "of", "on"):
                index += 1
            known, verb_expected = True, False
            continue
        if verb_expected and lower in _VERBS:
            out.append(_VERBS[lower])
            known, verb_expected = True, False
        elif lower in ("or", "and") and following in _VERBS:
            out.append(word.capitalize())
            verb_expected = True
        elif lower in _ARTICLES:
            pass
        else:
            out.append(word[0].upper() + word[1:])
            verb_expected = False
        index += 1
    return "".join(out), known


def _first_sentence(text: str) -> str:
    match = _FIRST_SENTENCE.match(text.strip())
    return " ".join((match.group(1) if match else text).split())


# --- reading -----------------------------------------------------------------------------


def _original_name(page: Page, document: nodes.document) -> tuple[str, int] | None:
    for field_node in document.findall(nodes.field):
        name = field_node.next_node(nodes.field_name)
        body = field_node.next_node(nodes.field_body)
        if name is not None and name.astext().strip() == "original_name" and body is not None:
            para = body.next_node(nodes.paragraph)
            line = _paragraph_line(page, para) if para is not None else _node_line(field_node) or 1
            return body.astext().strip(), line
    return None


def _read_sections(page: Page, document: nodes.document) -> tuple[str, int, _Page]:
    """The page title, its line, and the content of every section sorted by kind."""
    top = next((n for n in document.children if isinstance(n, nodes.section)), None)
    title_node = top.next_node(nodes.title) if top is not None else None
    if top is None or title_node is None:
        raise fail(page.path, 1, "no page title (an underlined section title) found")
    found = _Page()
    _walk_sections(page, top, "function", found, is_title=True)
    # Sections at the title's own level, if any: told apart by their titles too.
    for section in document.children[document.children.index(top) + 1 :]:
        if isinstance(section, nodes.section):
            sub_title = section.next_node(nodes.title)
            kind = _section_kind(sub_title.astext() if sub_title is not None else "") or "other"
            _walk_sections(page, section, kind, found)
    return " ".join(title_node.astext().split()), _title_line(page, title_node), found


def _uri(page: Page, found: _Page, title_line: int, notes: list[str]) -> tuple[int, str, str]:
    """(line, method, path template) of the URI line; a query string is dropped (its
    parameters are in the URI table)."""
    if not found.uri_lines:
        raise fail(
            page.path,
            found.uri_section_line or title_line,
            "no URI line (METHOD /path, e.g. 'GET /v1/{project_id}/groups') in the URI section",
        )
    for line, method, path in found.uri_lines[1:]:
        notes.append(f"line {line}: another URI line, not read: {method} {path}")
    line, method, uri = found.uri_lines[0]
    return line, method, uri.split("?", 1)[0]


def read(page: Page) -> ReadOutput:
    document, notes = _parse(page)
    title, title_line, found = _read_sections(page, document)
    notes.extend(found.notes)
    uri_line, method, path = _uri(page, found, title_line, notes)
    segments = [s for s in path.split("/") if s]

    name, known_verb = operation_name(title)
    if not name:
        raise fail(page.path, title_line, f"cannot derive an operation name from {title!r}")
    if not known_verb:
        notes.append(
            f"line {title_line}: the title names no known action; the operation name"
            f" {name} is the title in PascalCase"
        )
    provenance: dict[str, model.Source] = {
        "name": model.Source(page.path, title_line, "inferred", quote=title),
    }
    version = next((s for s in segments if _API_VERSION.match(s)), None)
    if version is not None:
        provenance["api_version"] = model.Source(page.path, uri_line)
    else:
        version = "v1"
        provenance["api_version"] = model.Source(page.path, uri_line, "inferred")
        notes.append(f"line {uri_line}: the path names no API version; v1 assumed")
    service = _SERVICES.get(segments[0], segments[0].removesuffix("-api")) if segments else ""
    provenance["method"] = model.Source(page.path, uri_line)
    provenance["path"] = model.Source(page.path, uri_line)

    original = _original_name(page, document)
    if original is not None:
        notes.append(f"line {original[1]}: original_name {original[0]}")

    # Parameters: URI table(s) first, then the request tables.
    parameter_text: dict[str, Lines] = {}
    params = _uri_parameters(page, found, path, uri_line, parameter_text, notes)
    request_location: model.Location = "body" if method in ("POST", "PUT", "PATCH") else "query"
    request_tables = _param_tables(page, found.request_tables, request_location, notes)
    params.extend(_with_locations(_assemble(request_tables, notes), parameter_text))
    if found.request_none and request_tables:
        notes.append("the Request section says None but also holds parameter tables")
    response_tables = _param_tables(page, found.response_tables, "body", notes)
    response = _with_locations(_assemble(response_tables, notes), {})

    examples: list[model.Example] = []
    for example_kind, block, example_title in found.examples:
        examples.extend(_examples(page, example_kind, block, example_title))
    _example_values(params, examples, "request", path)
    _example_values(response, examples, "response", path)

    success, statuses = _returned_values(page, found.status_sections, notes)
    if success is not None:
        provenance["success_status"] = model.Source(page.path, success[1])
    else:
        notes.append("no Returned Values section with a Normal status; 200 assumed")

    summary = ""
    first = next((block[0] for block in found.function_blocks if block), None)
    if first is not None:
        summary = _first_sentence(_LIST_MARKER.sub("", first.text))
        provenance["summary"] = model.Source(page.path, first.parts[0][0])

    operation = model.Operation(
        provider=PROVIDER,
        service=service,
        api_version=version,
        protocol=PROTOCOL,
        name=name,
        family=FAMILY,
        source=model.Source(page.path, 1),
        method=method,
        path=path,
        title=title,
        summary=summary,
        description=_plain(found.function_blocks),
        success_status=success[0] if success is not None else 200,
        parameters=params,
        response=response,
        errors=_error_codes(page, found.error_tables, notes),
        statuses=statuses,
        examples=examples,
        links=_links(page, document),
        notes=notes,
        provenance=provenance,
    )
    result = ReadResult(
        operation=operation,
        parameter_text=parameter_text,
        operation_text=_lines(found.function_blocks + found.other_blocks),
    )
    return ReadOutput(results=[result])
