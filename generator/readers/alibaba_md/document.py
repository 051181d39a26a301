"""The page -> a Document: markdown-it-py parses the row-joined text into blocks.

What a parsed page is made of: a title, intro blocks, and sections of blocks (tables, code
fences, prose, sub-headings). Every block keeps the page line it starts on. Format only: what
a section or a table means is read elsewhere (sections, parameters, responses, ...).

The first level-1 heading is the title; level-1/2 headings open sections; deeper headings
stay inside their section as Heading blocks (the examples section labels its code that way).
A top-level list becomes one Prose block, its items as "- item" / "1. item" lines.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ... import model
from .. import Lines, Page
from .inline import render_inline
from .plain_text import join_words, tidy
from .row_joining import JoinedText, join_table_rows


@dataclass
class Cell:
    lines: Lines  # rendered lines as they sit in the page (markup gone, not yet tidied)

    @property
    def line(self) -> int:
        """The line of the cell's first text (0 for an empty cell)."""
        for line, text in self.lines:
            if text.strip():
                return line
        return 0

    @property
    def text(self) -> str:
        """The cell as one value: its lines joined without paragraph breaks."""
        return join_words(" ".join(text.split()) for _, text in self.lines)

    @property
    def prose(self) -> Lines:
        """The cell as description lines (bullets, notes, paragraph breaks)."""
        return tidy(self.lines)


@dataclass
class Row:
    line: int
    cells: list[Cell]


@dataclass
class Table:
    line: int
    header: list[str]
    rows: list[Row]


@dataclass
class Fence:
    line: int  # the first line of `body`
    body: str


@dataclass
class Prose:
    lines: Lines


@dataclass
class Heading:
    level: int
    line: int
    text: str


Block = Table | Fence | Prose | Heading


@dataclass
class Section:
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    title: str | None
    title_line: int
    intro: list[Block]
    sections: list[Section]
    links: list[model.Link]


# 2019-style headings end in an attribute block: "## 请求参数 {#parameters .section}"
_ANCHOR = re.compile(r"\s*\{\s*[#.][^{}]*\}\s*$")


def _fence_block(token: Token, line: int) -> Fence:
    """A code block, dedented, without blank lines around it; `line` is the line before its
    first body line (the opening fence)."""
    body_lines = token.content.split("\n")
    first = 0
    while first < len(body_lines) and not body_lines[first].strip():
        first += 1
    last = len(body_lines)
    while last > first and not body_lines[last - 1].strip():
        last -= 1
    body = textwrap.dedent("\n".join(body_lines[first:last]))
    return Fence(line=line + 1 + first, body=body)


def _table_block(
    tokens: Sequence[Token], start: int, joined: JoinedText, path: str, links: list[model.Link]
) -> tuple[Table, int]:
    """The table starting at tokens[start] (table_open), and the index after table_close."""
    rows: list[Row] = []
    index = start + 1
    row: Row | None = None
    carry = 0  # the line in effect: each cell starts where the previous one ended
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            assert token.map is not None
            carry = joined.line_of[token.map[0]]
            row = Row(line=carry, cells=[])
            rows.append(row)
        elif token.type == "inline" and row is not None:
            lines, carry = render_inline(token.children or [], carry, path, links)
            row.cells.append(Cell(lines))
        index += 1
    header, body = rows[0], rows[1:]
    table = Table(line=header.line, header=[cell.text for cell in header.cells], rows=body)
    return table, index + 1


def parse_document(page: Page) -> tuple[Document, JoinedText]:
    """The page's Document, and the row-joined text it was parsed from (whose stray '|'
    lines tell a truncated table)."""
    joined = join_table_rows(page.path, page.lines)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(joined.text)
    path = page.path
    links: list[model.Link] = []

    title: str | None = None
    title_line = 1
    intro: list[Block] = []
    sections: list[Section] = []

    def target() -> list[Block]:
        return sections[-1].blocks if sections else intro

    list_lines: Lines | None = None  # the top-level list being rendered, if any
    list_depth = 0
    ordinals: list[int] = []  # next number per open ordered list (0 for bullet lists)
    prefix = ""  # the item marker the next inline content starts with
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        line = joined.line_of[token.map[0]] if token.map else 0
        if kind == "heading_open":
            rendered, _ = render_inline(tokens[index + 1].children or [], line, path, links)
            text = _ANCHOR.sub("", " ".join(text for _, text in rendered)).strip()
            level = int(token.tag[1:])
            if level == 1 and title is None:
                title, title_line = text, line
            elif level <= 2:
                sections.append(Section(title=text, line=line))
            else:
                target().append(Heading(level=level, line=line, text=text))
            index += 3  # heading_open, inline, heading_close
            continue
        if kind == "table_open":
            table, index = _table_block(tokens, index, joined, path, links)
            target().append(table)
            continue
        if kind in ("fence", "code_block"):
            # a fence's map starts at the opening ``` line, an indented block's at its body
            target().append(_fence_block(token, line if kind == "fence" else line - 1))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                list_lines = []
            list_depth += 1
            ordinals.append(int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            ordinals.pop()
            if list_depth == 0 and list_lines is not None:
                target().append(Prose(tidy(list_lines)))
                list_lines = None
        elif kind == "list_item_open":
            if ordinals[-1]:
                prefix = f"{ordinals[-1]}. "
                ordinals[-1] += 1
            else:
                prefix = "- "
        elif kind == "inline":
            lines, _ = render_inline(token.children or [], line, path, links)
            if prefix and lines:
                lines[0] = (lines[0][0], prefix + lines[0][1].lstrip())
                prefix = ""
            if list_lines is not None:
                list_lines.extend(lines)
            else:
                target().append(Prose(tidy(lines)))
        index += 1
    doc = Document(title=title, title_line=title_line, intro=intro, sections=sections, links=links)
    return doc, joined
