"""Alibaba Cloud ESS API reference pages (Chinese Markdown) -> one Operation per page.

Three generations of the same docs are this family: the current style (plain headings:
接口说明 / 调试 / 请求参数 / 返回数据 / 示例 / 错误码), the 2019 style (the same headings with
`{#... .section}` anchors) and the early-2019 style (描述 / 返回参数).

Their pipe tables put a cell's paragraphs on lines of their own, which GFM tables do not
allow, so a pre-pass joins every table row onto one line before markdown-it-py parses the page.
Each joined continuation line is preceded by a marker carrying its original line number, so
every cell line still cites the line it came from.

RPC conventions the page does not state: POST to "/", every parameter in the query. A
`Name.N` row is a list sent as Name.1, Name.2, ...; `Name.N.Key` a list of objects sent as
Name.1.Key; `Name.Key` an object sent as Name.Key. The reader models them as array/object
parameters named `Name` and says so in Operation.notes.
"""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import model
from ..errors import fail
from . import Lines, Page, ReadOutput, ReadResult

FAMILY = "alibaba-md"
PROVIDER = "alibaba"
DEFAULT_SERVICE = "ess"
# ESS has had one RPC version for its whole life; pages that do not state it mean this one.
DEFAULT_VERSION = "2014-08-28"
PROTOCOL = "alibaba-rpc"

# --- sniffing -----------------------------------------------------------------------------

_SECTION_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]+(请求参数|返回数据|返回参数|错误码|接口说明)", re.M
)
_PIPE_ROW = re.compile(r"^ {0,3}\|.*\|[ \t]*$", re.M)
_EXPLORER_LINK = re.compile(r"https?://api\.aliyun\.com/#/?\??product=\w+")
_H1 = re.compile(r"^# \S", re.M)


def sniff(page: Page) -> bool:
    """A Markdown page with a Chinese API-reference section and a pipe table, or with an
    OpenAPI Explorer link under a '# Title'."""
    text = page.text
    if _SECTION_HEADING.search(text) and _PIPE_ROW.search(text):
        return True
    return bool(_EXPLORER_LINK.search(text) and _H1.search(text))


# --- pre-pass: one table row per line -----------------------------------------------------

_MARK_OPEN = "\ue000"
_MARK_CLOSE = "\ue001"
_MARK = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}([ \t]|$)")


def _mark(line: int) -> str:
    return f"{_MARK_OPEN}{line}{_MARK_CLOSE}"


@dataclass
class JoinedText:
    """The page with each table row on one line; `line_of[i]` is the 1-based page line of
    joined line i (a joined row maps to its first line; the markers inside it carry the
    others)."""

    lines: list[str] = field(default_factory=list)
    line_of: list[int] = field(default_factory=list)
    # page lines that start with '|' but are not part of a table
    stray_pipe_lines: list[int] = field(default_factory=list)

    def add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.line_of.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _unescaped_pipes(text: str) -> int:
    """Cell separators as markdown-it counts them: a '|' right after a backslash is text."""
    return sum(1 for i, ch in enumerate(text) if ch == "|" and (i == 0 or text[i - 1] != "\\"))


def _starts_row(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith("|") and len(line) - len(stripped) <= 3


def _closes_row(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not stripped.endswith("\\|")


@dataclass(frozen=True)
class _GatheredRow:
    text: str  # the row on one line, markers before each continuation line
    last: int  # 0-based index of the line that closed it
    cells: int


@dataclass(frozen=True)
class _UnclosedRow:
    stop: int  # 0-based index where gathering stopped (a heading, or len(lines) at the end)


def _gather_row(lines: Sequence[str], start: int) -> _GatheredRow | _UnclosedRow:
    """A row runs from a line starting with '|' to the line that closes its last cell."""
    text = lines[start]
    index = start
    while not _closes_row(lines[index]):
        index += 1
        if index >= len(lines) or _ATX_HEADING.match(lines[index]):
            return _UnclosedRow(stop=index)
        text += _mark(index + 1) + lines[index]
    return _GatheredRow(text=text, last=index, cells=_unescaped_pipes(text) - 1)


def _unclosed_message(lines: Sequence[str], unclosed: _UnclosedRow) -> str:
    where = (
        "the end of the file"
        if unclosed.stop >= len(lines)
        else f"the heading at line {unclosed.stop + 1}"
    )
    return f"table row is not closed: no '|' ends its last cell before {where} (truncated table?)"


def join_table_rows(path: str, lines: Sequence[str]) -> JoinedText:
    """Join each table row (header and body) onto one line; check every row's cell count
    against the header's. Code fences are left alone."""
    out = JoinedText()
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if _MARK_OPEN in line or _MARK_CLOSE in line:
            raise fail(path, index + 1, "private-use character U+E000/U+E001 in the page")
        if fence is not None:
            out.add(line, index + 1)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        opened = _FENCE_OPEN.match(line)
        if opened:
            fence = opened.group(1)
            out.add(line, index + 1)
            index += 1
            continue
        if not _starts_row(line):
            out.add(line, index + 1)
            index += 1
            continue
        header = _gather_row(lines, index)
        delimiter_at = header.last + 1 if isinstance(header, _GatheredRow) else -1
        if (
            not isinstance(header, _GatheredRow)
            # a header's cells are names: each on its own '|' line at most, never prose
            or any(
                text.strip() and not _starts_row(text) for text in lines[index + 1 : header.last]
            )
            or delimiter_at >= len(lines)
            or "|" not in lines[delimiter_at]
            or not _DELIMITER_ROW.match(lines[delimiter_at])
        ):
            # Not a table (no delimiter row under it): the section readers decide whether a
            # table was expected here.
            out.stray_pipe_lines.append(index + 1)
            out.add(line, index + 1)
            index += 1
            continue
        expected = header.cells
        delimiter_cells = _unescaped_pipes(lines[delimiter_at].strip()) - 1
        if delimiter_cells != expected:
            raise fail(
                path,
                delimiter_at + 1,
                f"table delimiter row has {delimiter_cells} cells, header has {expected}",
            )
        out.add(header.text, index + 1)
        out.add(lines[delimiter_at], delimiter_at + 1)
        index = delimiter_at + 1
        while index < len(lines) and _starts_row(lines[index]):
            row = _gather_row(lines, index)
            if isinstance(row, _UnclosedRow):
                raise fail(path, index + 1, _unclosed_message(lines, row))
            if row.cells != expected:
                message = f"table row has {row.cells} cells, header has {expected}"
                if row.cells > expected and row.last > index:
                    message += (
                        f" (the row runs on to line {row.last + 1}: is its closing '|' missing?)"
                    )
                raise fail(path, index + 1, message)
            out.add(row.text, index + 1)
            index = row.last + 1
        if index < len(lines) and lines[index].strip():
            # GFM would read the next line as one more row; end the table here.
            out.add("", index)
    return out


# --- markdown -> blocks ---------------------------------------------------------------------


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
        return _join_words(" ".join(text.split()) for _, text in self.lines)

    @property
    def prose(self) -> Lines:
        """The cell as description lines (bullets, notes, paragraph breaks)."""
        return _tidy(self.lines)


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


_ANCHOR = re.compile(r"\s*\{\s*[#.][^{}]*\}\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)
_BULLET = re.compile(r"^[-*+•]\s+")
_ORDERED = re.compile(r"^(\d{1,3})[.)]\s+")
_NOTE = re.compile(r"^(说明|注意|警告|Note)\s*[：:]\s*")
_WIRE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def _join_words(parts: Iterable[str]) -> str:
    """Join text pieces: a space between two ASCII ends ("is" "not"), nothing next to CJK."""
    out = ""
    for part in parts:
        piece = part.strip()
        if not piece:
            continue
        if out and out[-1].isascii() and piece[0].isascii():
            out += " "
        out += piece
    return out


def _plain_line(text: str) -> str:
    """One rendered line in the plain-text convention: bullets as "- item", notes as
    "Note: ..."."""
    text = " ".join(text.split())
    bullet = _BULLET.match(text)
    if bullet:
        return "- " + text[bullet.end() :]
    ordered = _ORDERED.match(text)
    if ordered:
        return f"{ordered.group(1)}. " + text[ordered.end() :]
    note = _NOTE.match(text)
    if note:
        return "Note: " + text[note.end() :]
    return text


def _tidy(lines: Lines) -> Lines:
    """Plain lines: one "" between paragraphs, none at either end."""
    out: Lines = []
    for line, raw in lines:
        for piece in _BR.split(raw):
            text = _plain_line(piece)
            if text or (out and out[-1][1]):
                out.append((line, text))
    while out and not out[-1][1]:
        out.pop()
    return out


def text_of(lines: Lines) -> str:
    """Lines as a description: paragraphs joined by a blank line, bullets one a line."""
    paragraphs: list[list[str]] = [[]]
    for _, text in lines:
        if not text:
            paragraphs.append([])
            continue
        current = paragraphs[-1]
        starts_line = _BULLET.match(text) or _ORDERED.match(text) or text.startswith("Note: ")
        if current and not starts_line:
            current[-1] = _join_words([current[-1], text])
        else:
            current.append(text)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


class _Renderer:
    """Renders inline tokens to plain lines, tracking page lines through softbreaks and the
    pre-pass markers, and collects the page's web links."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.links: list[model.Link] = []

    def inline(self, children: Sequence[Token], line: int) -> tuple[Lines, int]:
        """(line, text) pieces of the inline content starting on `line`, and the line in
        effect at its end (the next cell of a joined row starts there)."""
        pieces: list[tuple[int, list[str]]] = [(line, [])]
        link_text: list[str] | None = None
        href = ""
        for child in children:
            if child.type in ("text", "code_inline"):
                parts = _MARK.split(child.content)
                for position, part in enumerate(parts):
                    if position % 2:
                        line = int(part)
                        pieces.append((line, []))
                    else:
                        pieces[-1][1].append(part)
                        if link_text is not None:
                            link_text.append(part)
            elif child.type in ("softbreak", "hardbreak"):
                line += 1
                pieces.append((line, []))
            elif child.type == "image":
                pieces[-1][1].append(child.content)
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                link_text = []
            elif child.type == "link_close":
                if link_text is not None and href.startswith(("http://", "https://")):
                    text = "".join(link_text).strip()
                    self.links.append(model.Link(text, href, model.Source(self.path, line)))
                link_text = None
        return [(at, "".join(parts)) for at, parts in pieces], line


def _heading_text(children: Sequence[Token], renderer: _Renderer, line: int) -> str:
    lines, _ = renderer.inline(children, line)
    return _ANCHOR.sub("", " ".join(text for _, text in lines)).strip()


def _fence_block(token: Token, line: int) -> Fence:
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
    tokens: Sequence[Token], start: int, joined: JoinedText, renderer: _Renderer
) -> tuple[Table, int]:
    """The table starting at tokens[start] (table_open), and the index after table_close."""
    rows: list[Row] = []
    index = start + 1
    row: Row | None = None
    carry = 0
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            assert token.map is not None
            carry = joined.line_of[token.map[0]]
            row = Row(line=carry, cells=[])
            rows.append(row)
        elif token.type == "inline" and row is not None:
            lines, carry = renderer.inline(token.children or [], carry)
            row.cells.append(Cell(lines))
        index += 1
    header, body = rows[0], rows[1:]
    table = Table(line=header.line, header=[cell.text for cell in header.cells], rows=body)
    return table, index + 1


def parse_document(page: Page) -> tuple[Document, JoinedText]:
    joined = join_table_rows(page.path, page.lines)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(joined.text)
    renderer = _Renderer(page.path)

    title: str | None = None
    title_line = 1
    intro: list[Block] = []
    sections: list[Section] = []

    def target() -> list[Block]:
        return sections[-1].blocks if sections else intro

    list_lines: Lines | None = None  # the top-level list being rendered, if any
    list_depth = 0
    ordinals: list[int] = []  # next number per open ordered list (0 for bullet lists)
    prefix = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        line = joined.line_of[token.map[0]] if token.map else 0
        if kind == "heading_open":
            text = _heading_text(tokens[index + 1].children or [], renderer, line)
            level = int(token.tag[1:])
            if level == 1 and title is None:
                title, title_line = text, line
            elif level <= 2:
                sections.append(Section(title=text, line=line))
            else:
                target().append(Heading(level=level, line=line, text=text))
            index += 3
            continue
        if kind == "table_open":
            table, index = _table_block(tokens, index, joined, renderer)
            target().append(table)
            continue
        if kind in ("fence", "code_block"):
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
                target().append(Prose(_tidy(list_lines)))
                list_lines = None
        elif kind == "list_item_open":
            if ordinals[-1]:
                prefix = f"{ordinals[-1]}. "
                ordinals[-1] += 1
            else:
                prefix = "- "
        elif kind == "inline":
            lines, _ = renderer.inline(token.children or [], line)
            if prefix and lines:
                lines[0] = (lines[0][0], prefix + lines[0][1].lstrip())
                prefix = ""
            if list_lines is not None:
                list_lines.extend(lines)
            else:
                target().append(Prose(_tidy(lines)))
        index += 1
    doc = Document(
        title=title, title_line=title_line, intro=intro, sections=sections, links=renderer.links
    )
    return doc, joined


# --- section kinds --------------------------------------------------------------------------

SectionKind = Literal[
    "description", "explorer", "request", "response", "examples", "errors", "other"
]

# Heading text (anchor removed) -> kind; a heading matches a key it starts with.
_SECTION_KINDS: list[tuple[str, SectionKind]] = [
    ("接口说明", "description"),
    ("功能描述", "description"),
    ("接口描述", "description"),
    ("描述", "description"),
    ("调试", "explorer"),
    ("请求参数", "request"),
    ("返回数据", "response"),
    ("返回参数", "response"),
    ("返回值", "response"),
    ("响应参数", "response"),
    ("示例", "examples"),
    ("请求示例", "examples"),
    ("返回示例", "examples"),
    ("错误码", "errors"),
]


def section_kind(title: str) -> SectionKind:
    for key, kind in _SECTION_KINDS:
        if title.startswith(key):
            return kind
    return "other"


# --- types ------------------------------------------------------------------------------------

_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "integer": "integer",
    "int": "integer",
    "long": "integer",
    "boolean": "boolean",
    "bool": "boolean",
    "float": "number",
    "double": "number",
    "number": "number",
}
_ARRAYS = {"repeatlist", "array", "list"}
_OBJECTS = {"object", "struct", "map"}
_ARRAY_OF = re.compile(r"^(?:array|list)\s*(?:of\s+|<)\s*(\w+)\s*>?$", re.I)


@dataclass(frozen=True)
class DocType:
    """What a type cell says: `type` None for an empty cell or an unknown word."""

    spelled: str | None
    type: model.SpecType | None
    items: model.SpecType | None = None
    element: str | None = None  # "Array of ScalingGroup" -> "ScalingGroup"


def doc_type(spelled: str) -> DocType:
    word = spelled.strip()
    if not word:
        return DocType(None, None)
    lowered = word.lower()
    if lowered in _SCALARS:
        return DocType(word, _SCALARS[lowered])
    if lowered in _ARRAYS:
        return DocType(word, "array", "string" if lowered == "repeatlist" else None)
    if lowered in _OBJECTS:
        return DocType(word, "object")
    match = _ARRAY_OF.match(word)
    if match:
        inner = match.group(1)
        if inner.lower() in _SCALARS:
            return DocType(word, "array", _SCALARS[inner.lower()])
        return DocType(word, "array", "object", element=inner)
    return DocType(word, None)


# --- tables -------------------------------------------------------------------------------------

_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("名称", "参数名", "参数名称", "参数", "name"),
    "type": ("类型", "type"),
    "required": ("是否必选", "是否必需", "是否必填", "必选", "必填", "required"),
    "example": ("示例值", "示例", "example"),
    "description": ("描述", "说明", "description"),
    "status": ("httpcode", "http code", "http状态码", "状态码"),
    "code": ("错误码", "errorcode", "error code", "code"),
    "message": ("错误信息", "错误消息", "errormessage", "error message", "message"),
}
_YES = {"是", "必选", "必填", "yes", "true", "y", "required"}
_NO = {"否", "可选", "no", "false", "n", "optional", ""}


def _columns(table: Table) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        key = heading.strip().lower()
        for column, names in _COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
                break
    return found


@dataclass
class TableRow:
    """A row read through its table's columns."""

    line: int
    name: str
    name_line: int
    type: str
    required: str
    example: str
    description: Lines


def _table_rows(table: Table, path: str, what: str) -> list[TableRow]:
    columns = _columns(table)
    for needed in ("name", "type"):
        if needed not in columns:
            heading = _COLUMNS[needed][0]
            raise fail(
                path,
                table.line,
                f"{what} table has no {heading} column (header: {' | '.join(table.header)})",
            )

    def cell(row: Row, column: str) -> Cell:
        return row.cells[columns[column]] if column in columns else Cell([])

    out: list[TableRow] = []
    for row in table.rows:
        name_cell = cell(row, "name")
        out.append(
            TableRow(
                line=row.line,
                name=name_cell.text,
                name_line=name_cell.line or row.line,
                type=cell(row, "type").text,
                required=cell(row, "required").text,
                example=cell(row, "example").text,
                description=cell(row, "description").prose,
            )
        )
    return out


def _required(row: TableRow, path: str) -> bool:
    word = row.required.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise fail(
        path, row.line, f"parameter {row.name}: required column says {row.required!r}, not 是 or 否"
    )


# --- request parameters -------------------------------------------------------------------------

# Parameters the RPC protocol itself puts on the wire.
_SYSTEM_PARAMETERS = {"Action", "Version"}
_ACTION_IN_TEXT = re.compile(r"取值(?:为)?\s*[：:]\s*([A-Za-z][A-Za-z0-9]*)")
_DATE_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LIST_INDEX = re.compile(r"\.[Nn](?=\.|$)")


@dataclass
class SystemValue:
    value: str
    line: int


@dataclass
class RequestTable:
    parameters: list[model.Parameter] = field(default_factory=list)
    text: dict[str, Lines] = field(default_factory=dict)
    action: SystemValue | None = None
    version: SystemValue | None = None
    notes: list[str] = field(default_factory=list)


def _wire_path(name: str, path: str, line: int) -> list[tuple[str, bool]]:
    """ "Tags.N.Key" -> [("Tags", True), ("Key", False)]: each name with whether it is a list."""
    segments: list[tuple[str, bool]] = []
    for part in name.split("."):
        if part in ("N", "n") and segments:
            segments[-1] = (segments[-1][0], True)
        elif _WIRE_NAME.match(part):
            segments.append((part, False))
        else:
            raise fail(path, line, f"parameter name {name!r} is not a wire name")
    return segments


def _system_value(row: TableRow) -> str:
    if row.example:
        return row.example
    match = _ACTION_IN_TEXT.search(" ".join(text for _, text in row.description))
    return match.group(1) if match else ""


def read_request_table(table: Table, path: str) -> RequestTable:
    out = RequestTable()
    seen: dict[str, int] = {}
    for row in _table_rows(table, path, "request parameter"):
        if not row.name:
            raise fail(path, row.line, "request parameter row has no name")
        if row.name in _SYSTEM_PARAMETERS:
            value = SystemValue(_system_value(row), row.line)
            if row.name == "Action":
                out.action = value
            elif _DATE_VERSION.match(value.value):
                out.version = value
            continue
        if row.name in seen:
            raise fail(
                path,
                row.line,
                f"parameter {row.name} is listed twice (first at line {seen[row.name]})",
            )
        seen[row.name] = row.line
        _add_request_parameter(out, row, path)
    for param in out.parameters:
        _settle_container(param)
    return out


def _add_request_parameter(out: RequestTable, row: TableRow, path: str) -> None:
    segments = _wire_path(row.name, path, row.line)
    siblings = out.parameters
    dotted: list[str] = []
    for depth, (name, is_list) in enumerate(segments):
        dotted.append(name)
        existing = next((p for p in siblings if p.name == name), None)
        if depth < len(segments) - 1:
            if existing is None:
                # A container only named through its members' rows ("Tags" of "Tags.N.Key").
                existing = model.Parameter(
                    name=name,
                    source=model.Source(path, row.line, "inferred"),
                    location="query",
                )
                siblings.append(existing)
            existing.type = "array" if is_list else "object"
            existing.items = "object" if is_list else None
            siblings = existing.fields
            continue
        typed = doc_type(row.type)
        param = existing or model.Parameter(
            name=name, source=model.Source(path, row.name_line), location="query"
        )
        if existing is None:
            siblings.append(param)
        param.source = model.Source(path, row.name_line)
        param.required = _required(row, path)
        param.doc_type = typed.spelled
        param.example = row.example or None
        lines = row.description
        param.description = text_of(lines)
        if lines:
            out.text[".".join(dotted)] = lines
        if is_list:
            param.type = "array"
            param.items = (
                param.items
                or typed.items
                or (typed.type if typed.type not in (None, "array") else "string")
            )
        elif typed.type is not None:
            param.type = typed.type
            param.items = typed.items
            if typed.type == "array" and typed.items is None:
                out.notes.append(
                    f"request parameter {'.'.join(dotted)} (line {row.line}): "
                    f"{typed.spelled} of what the page does not say"
                )
        elif not param.fields:
            param.type = "string"
            what = (
                f"type {typed.spelled!r} is not one this reader knows"
                if typed.spelled
                else "no type given"
            )
            out.notes.append(
                f"request parameter {'.'.join(dotted)} (line {row.line}): {what}; kept as string"
            )
    if "." in row.name:
        first = _LIST_INDEX.sub(".1", row.name)
        second = _LIST_INDEX.sub(".2", row.name)
        how = (
            f"sent as {first}, {second}, ..."
            if first != row.name
            else f"sent flattened as {row.name}"
        )
        out.notes.append(
            f"request parameter {'.'.join(dotted)}: the table names it {row.name!r} (line {row.line}); {how}"
        )


def _settle_container(param: model.Parameter) -> None:
    """A parameter with members is an object, or an array of objects."""
    for member in param.fields:
        _settle_container(member)
    if param.fields:
        if param.type == "array":
            param.items = "object"
        else:
            param.type = "object"
            param.items = None


# --- response fields ----------------------------------------------------------------------------

# Fields that sit at the top of Alibaba RPC responses: they end a container's members when
# the page's example cannot tell.
_TOP_LEVEL_FIELDS = {
    "RequestId",
    "PageNumber",
    "PageSize",
    "TotalCount",
    "NextToken",
    "MaxResults",
    "Code",
    "Message",
    "Success",
}


@dataclass
class Shape:
    """The structure of an example response: which keys sit where."""

    kind: Literal["object", "array", "scalar"]
    members: dict[str, Shape] = field(default_factory=dict)
    item: Shape | None = None


def _json_shape(value: object) -> Shape:
    if isinstance(value, dict):
        return Shape("object", {str(k): _json_shape(v) for k, v in value.items()})
    if isinstance(value, list):
        merged = Shape("object")
        scalar = True
        for element in value:
            shape = _json_shape(element)
            if shape.kind != "scalar":
                scalar = False
                merged.members.update(shape.members)
        return Shape("array", item=Shape("scalar") if scalar else merged)
    return Shape("scalar")


def _xml_shape(element: ElementTree.Element) -> Shape:
    children = list(element)
    if not children:
        return Shape("scalar")
    members: dict[str, Shape] = {}
    counts: dict[str, int] = {}
    for child in children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
        members[child.tag] = _xml_shape(child)
    for tag, count in counts.items():
        if count > 1:
            members[tag] = Shape("array", item=members[tag])
    return Shape("object", members)


def example_shape(examples: Sequence[model.Example]) -> Shape | None:
    """The top-level object of the first response example that parses (JSON before XML)."""
    for wanted in ("json", "xml"):
        for example in examples:
            if example.kind != "response" or example.format != wanted:
                continue
            if wanted == "json":
                try:
                    value = json.loads(example.body)
                except ValueError:
                    continue
                shape = _json_shape(value)
            else:
                if "<!DOCTYPE" in example.body or "<!ENTITY" in example.body:
                    continue  # no entity expansion from doc text
                try:
                    root = ElementTree.fromstring(example.body)
                except ElementTree.ParseError:
                    continue
                shape = _xml_shape(root)
            if shape.kind == "object":
                return shape
    return None


@dataclass
class _Frame:
    """An open container in the response table: rows after it may be its members."""

    param: model.Parameter
    members: dict[str, Shape] | None  # None: the example does not say
    wrapper_of: str | None = None  # the element key when `param` is a list wrapper


def read_response_table(
    table: Table, path: str, shape: Shape | None, example_line: dict[str, int]
) -> tuple[list[model.Parameter], list[str]]:
    """Response fields, nested the way the example response nests them.

    The tables are flat: a container row (empty type, or a list/object type) is followed by
    its members, then by the next top-level field. Which rows are members is read from the
    example; a field placed that way gets origin "inferred". With no example to go by, the
    members run until a top-level-style field (RequestId, PageNumber, ...)."""
    rows = _table_rows(table, path, "response")
    notes: list[str] = []
    top: list[model.Parameter] = []
    stack: list[_Frame] = []
    root_members = shape.members if shape is not None else None
    by_table_order = False

    # Some pages draw the nesting with tree characters; the example says it anyway.
    names = [re.sub(r"^[\s└├│─\-]+", "", row.name) for row in rows]
    for position, (row, name) in enumerate(zip(rows, names, strict=True)):
        if not _WIRE_NAME.match(name):
            raise fail(path, row.line, f"response field name {row.name!r} is not a wire name")
        typed = doc_type(row.type)
        param = model.Parameter(
            name=name,
            source=model.Source(path, row.name_line),
            type=typed.type or "string",
            location="body",
            doc_type=typed.spelled,
            items=typed.items,
            description=text_of(row.description),
            example=row.example or None,
        )

        # The innermost open container the example puts the field in; else the top level if
        # the example has it there; else table order.
        depth: int | None = None
        field_shape: Shape | None = None
        for level in range(len(stack) - 1, -1, -1):
            members = stack[level].members
            if members is not None and name in members:
                depth, field_shape = level, members[name]
                break
        if depth is None and root_members is not None and name in root_members:
            depth, field_shape = -1, root_members[name]
        if depth is None:
            depth = -1
            if stack and name not in _TOP_LEVEL_FIELDS:
                depth = len(stack) - 1
                by_table_order = True
                if shape is not None:
                    notes.append(
                        f"response field {name} (line {row.line}) is not in the example; "
                        f"placed in {stack[-1].param.name} by table order"
                    )
        del stack[depth + 1 :]

        if depth >= 0:
            frame = stack[depth]
            param.source = model.Source(path, row.name_line, "inferred")
            frame.param.fields.append(param)
            if frame.wrapper_of == name and (field_shape is None or field_shape.kind != "array"):
                # The element of a list wrapper is a list, even when the example shows one item.
                field_shape = Shape("array", item=field_shape or Shape("object"))
        else:
            top.append(param)

        if field_shape is not None and field_shape.kind == "array" and param.type != "array":
            param.items = typed.type or (
                "object" if field_shape.item and field_shape.item.kind == "object" else "string"
            )
            param.type = "array"

        container = typed.type in (None, "object") or (
            typed.type == "array" and typed.items in (None, "object")
        )
        shaped = field_shape is not None and field_shape.kind != "scalar"
        if container or (shaped and typed.type == "array"):
            next_name = names[position + 1] if position + 1 < len(names) else None
            opened = _open_container(
                param, typed, field_shape, next_name, path, example_line, notes
            )
            if opened is not None:
                stack.append(opened)
    if by_table_order and shape is None:
        notes.append(
            "response: no example response to read nesting from; members placed by table order"
        )
    return top, notes


def _is_plural_of(name: str, key: str) -> bool:
    plurals = {key + "s", key + "es", key + "List", key + "Set"}
    if key.endswith("y"):
        plurals.add(key[:-1] + "ies")
    return name in plurals


def _list_wrapper_key(name: str, shape: Shape) -> str | None:
    """Alibaba's XML-born JSON wraps a list in an object named for the plural:
    {"LifecycleHooks": {"LifecycleHook": [...]}}. The element key, if `shape` is that."""
    if shape.kind != "object" or len(shape.members) != 1:
        return None
    (key,) = shape.members
    return key if _is_plural_of(name, key) else None


def _open_container(
    param: model.Parameter,
    typed: DocType,
    shape: Shape | None,
    next_name: str | None,
    path: str,
    example_line: dict[str, int],
    notes: list[str],
) -> _Frame | None:
    """Settle a container row's type from the example's shape; return the frame its member
    rows go into (None for a list of scalars, which has no member rows)."""
    members_known = shape is not None
    if shape is None and typed.element is not None and _is_plural_of(param.name, typed.element):
        # "ScalingGroups: Array of ScalingGroup" and no example: 2014 JSON wraps such lists.
        shape = Shape("object", {typed.element: Shape("array", item=Shape("object"))})
    if shape is None or shape.kind == "scalar":
        if param.type == "array":
            param.items = param.items or "object"
            return _Frame(param, None) if param.items == "object" else None
        param.type, param.items = "object", None
        return _Frame(param, None)
    if shape.kind == "array":
        param.type = "array"
        element = shape.item
        if element is None or element.kind != "object":
            param.items = param.items if param.items not in (None, "object") else "string"
            return None
        param.items = "object"
        return _Frame(param, element.members if members_known else None)
    key = _list_wrapper_key(param.name, shape)
    if key is None:
        param.type, param.items = "object", None
        return _Frame(param, shape.members if members_known else None)

    # A list wrapper: {"LifecycleHooks": {"LifecycleHook": [...]}}.
    wrapped = f'{{"{param.name}": {{"{key}": [...]}}}}'
    if typed.type == "array":
        notes.append(
            f"response field {param.name}: the page says {param.doc_type}; the example wraps the list as {wrapped}"
        )
    element_type = typed.items if typed.items not in (None, "object") else None
    param.type, param.items = "object", None
    element = shape.members[key]
    if next_name == key:
        # The table lists the element row itself: it is placed (and opened) next.
        return _Frame(param, {key: element}, wrapper_of=key)
    item = element.item if element.kind == "array" else element
    is_objects = item is None or item.kind == "object"
    synthesized = model.Parameter(
        name=key,
        source=model.Source(path, example_line.get(key, param.source.line), "inferred"),
        type="array",
        location="body",
        items="object" if is_objects else (element_type or "string"),
    )
    param.fields.append(synthesized)
    notes.append(
        f"response field {param.name}.{key}: not in the table; the example wraps the list as {wrapped}"
    )
    if not is_objects:
        return None
    return _Frame(synthesized, item.members if members_known and item is not None else None)


def _example_key_lines(examples: Sequence[model.Example]) -> dict[str, int]:
    """Page line of each key's first mention in the response examples (JSON, then XML)."""
    found: dict[str, int] = {}
    ordered = sorted(examples, key=lambda e: (e.kind != "response", e.format != "json"))
    for example in ordered:
        if example.kind != "response":
            continue
        for offset, text in enumerate(example.body.split("\n")):
            for key in re.findall(r'"([A-Za-z_][\w\-]*)"\s*:|<([A-Za-z_][\w\-]*)>', text):
                name = key[0] or key[1]
                found.setdefault(name, example.source.line + offset)
    return found


# --- errors ---------------------------------------------------------------------------------------


def read_error_table(table: Table, path: str) -> list[model.ErrorCode]:
    columns = _columns(table)
    if "code" not in columns:
        raise fail(
            path,
            table.line,
            f"error table has no 错误码 column (header: {' | '.join(table.header)})",
        )
    out: list[model.ErrorCode] = []
    for row in table.rows:

        def text(column: str, row: Row = row) -> str:
            return row.cells[columns[column]].text if column in columns else ""

        code_cell = row.cells[columns["code"]]
        code = code_cell.text
        if not code:
            raise fail(path, row.line, "error table row has no error code")
        status_text = text("status")
        status: int | None = None
        if status_text:
            if not status_text.isdigit():
                raise fail(
                    path, row.line, f"error {code}: HttpCode {status_text!r} is not a number"
                )
            status = int(status_text)
        out.append(
            model.ErrorCode(
                code=code,
                source=model.Source(path, code_cell.line or row.line),
                status=status,
                message=text("message") or None,
                meaning=text("description") or None,
            )
        )
    return out


# --- examples -------------------------------------------------------------------------------------


def _example_format(label: str, body: str) -> Literal["json", "xml", "query", "http", "text"]:
    head = body.lstrip()
    if re.match(r"^https?://", head) or re.match(r"^[/?][^\n]*Action=", head):
        return "query"
    if re.match(r"^(GET|POST|PUT|DELETE|PATCH) \S+ HTTP/", head):
        return "http"
    if "JSON" in label.upper() and head.startswith(("{", "[")):
        return "json"
    if "XML" in label.upper() and head.startswith("<"):
        return "xml"
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<"):
        return "xml"
    return "text"


def read_examples(blocks: Sequence[Block], path: str) -> list[model.Example]:
    out: list[model.Example] = []
    kind: Literal["request", "response", "error"] | None = None
    kind_label = ""
    format_label = ""
    for block in blocks:
        label = ""
        if isinstance(block, Prose):
            label = _join_words(text for _, text in block.lines)
        elif isinstance(block, Heading):
            label = block.text
        if label:
            if "请求" in label:
                kind, kind_label, format_label = "request", label, ""
            elif any(word in label for word in ("异常", "错误", "失败")):
                kind, kind_label, format_label = "error", label, ""
            elif "返回" in label or "响应" in label:
                kind, kind_label, format_label = "response", label, ""
            elif "格式" in label or label.upper() in ("XML", "JSON"):
                format_label = label
            continue
        if not isinstance(block, Fence) or not block.body.strip():
            continue
        fmt = _example_format(format_label, block.body)
        this_kind = kind or ("request" if fmt == "query" else "response")
        title = " / ".join(part for part in (kind_label, format_label) if part) or None
        out.append(
            model.Example(
                kind=this_kind,
                format=fmt,
                body=block.body,
                source=model.Source(path, block.line),
                title=title,
            )
        )
    return out


# --- the page -------------------------------------------------------------------------------------


def _prose_lines(blocks: Sequence[Block]) -> Lines:
    """Prose blocks as one Lines list with a "" entry between blocks."""
    out: Lines = []
    for block in blocks:
        if isinstance(block, Heading):
            lines: Lines = [(block.line, block.text)]
        elif isinstance(block, Prose):
            lines = block.lines
        else:
            continue
        if not lines:
            continue
        if out:
            out.append((lines[0][0] - 1, ""))
        out.extend(lines)
    return out


def _tables(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


def _check_tables_complete(
    section: Section, sections: Sequence[Section], joined: JoinedText, path: str
) -> None:
    """A table section whose '|' lines formed no table is a broken (truncated) table."""
    following = [s.line for s in sections if s.line > section.line]
    end = min(following) if following else 10**9
    for line in joined.stray_pipe_lines:
        if section.line < line < end:
            raise fail(
                path,
                line,
                f"'|' line in {section.title} forms no table: header row without a '|--|' delimiter row under it (truncated table?)",
            )


def read(page: Page) -> ReadOutput:
    doc, joined = parse_document(page)
    path = page.path
    notes: list[str] = []
    by_kind: dict[SectionKind, list[Section]] = {}
    for section in doc.sections:
        by_kind.setdefault(section_kind(section.title), []).append(section)

    # summary: the first paragraph under the title
    summary_lines: Lines = []
    intro_rest: list[Block] = []
    for block in doc.intro:
        if not summary_lines and isinstance(block, Prose) and block.lines:
            summary_lines = block.lines
        else:
            intro_rest.append(block)

    description_blocks: list[Block] = list(intro_rest)
    for section in by_kind.get("description", []):
        description_blocks.extend(section.blocks)
    other_blocks: list[Block] = []
    for section in by_kind.get("other", []):
        other_blocks.extend(section.blocks)
        for table in _tables(section):
            notes.append(f"table under '{section.title}' (line {table.line}) not modelled")
    description_lines = _prose_lines(description_blocks)
    operation_text = _prose_lines([Prose(summary_lines), *description_blocks, *other_blocks])

    table_kinds: tuple[SectionKind, ...] = ("request", "response", "errors")
    for kind in table_kinds:
        for section in by_kind.get(kind, []):
            _check_tables_complete(section, doc.sections, joined, path)

    # request parameters
    request = RequestTable()
    for section in by_kind.get("request", []):
        tables = _tables(section)
        for table in tables[1:]:
            notes.append(f"extra table under '{section.title}' (line {table.line}) not modelled")
        if tables and not request.parameters and request.action is None:
            request = read_request_table(tables[0], path)
    notes.extend(request.notes)

    # examples first: the response table's nesting is read from them
    examples: list[model.Example] = []
    for section in by_kind.get("examples", []):
        examples.extend(read_examples(section.blocks, path))

    response: list[model.Parameter] = []
    shape = example_shape(examples)
    key_lines = _example_key_lines(examples)
    for section in by_kind.get("response", []):
        tables = _tables(section)
        for table in tables[1:]:
            notes.append(f"extra table under '{section.title}' (line {table.line}) not modelled")
        if tables and not response:
            response, response_notes = read_response_table(tables[0], path, shape, key_lines)
            notes.extend(response_notes)

    errors: list[model.ErrorCode] = []
    for section in by_kind.get("errors", []):
        for table in _tables(section):
            errors.extend(read_error_table(table, path))

    provenance: dict[str, model.Source] = {}
    request_url = next((e for e in examples if e.kind == "request" and e.format == "query"), None)
    action = _operation_name(doc, request, request_url, path, provenance)
    service, version = _service_and_version(page, doc, request, provenance)
    endpoint = _endpoint(request_url, path, provenance)

    summary = text_of(summary_lines)
    if summary_lines:
        provenance["summary"] = model.Source(path, summary_lines[0][0])

    links: list[model.Link] = []
    for found in doc.links:
        if all((found.text, found.target) != (seen.text, seen.target) for seen in links):
            links.append(found)

    operation = model.Operation(
        provider=PROVIDER,
        service=service,
        api_version=version,
        protocol=PROTOCOL,
        name=action,
        family=FAMILY,
        source=model.Source(path, 1),
        method="POST",
        path="/",
        action=action,
        title=doc.title,
        summary=summary,
        description=text_of(description_lines),
        endpoint=endpoint,
        parameters=request.parameters,
        response=response,
        errors=errors,
        examples=examples,
        links=links,
        notes=notes,
        provenance=dict(sorted(provenance.items())),
    )
    result = ReadResult(
        operation=operation, parameter_text=request.text, operation_text=operation_text
    )
    return ReadOutput(results=[result])


def _operation_name(
    doc: Document,
    request: RequestTable,
    request_url: model.Example | None,
    path: str,
    provenance: dict[str, model.Source],
) -> str:
    """The Action row's value; else the request example's Action=; else an API-name title."""
    if request.action is not None and request.action.value:
        provenance["action"] = provenance["name"] = model.Source(path, request.action.line)
        return request.action.value
    in_url = (
        re.search(r"[?&]Action=([A-Za-z][A-Za-z0-9]*)", request_url.body) if request_url else None
    )
    if in_url is not None and request_url is not None:
        quote = in_url.group(0).lstrip("?&")
        source = model.Source(path, request_url.source.line, "inferred", quote=quote)
        provenance["action"] = provenance["name"] = source
        return in_url.group(1)
    if doc.title and _WIRE_NAME.match(doc.title):
        source = model.Source(path, doc.title_line, "inferred", quote=doc.title)
        provenance["action"] = provenance["name"] = source
        return doc.title
    raise fail(
        path,
        doc.title_line,
        "cannot tell the operation: no Action row, no Action= in a request example, "
        "no API name as title",
    )


def _service_and_version(
    page: Page, doc: Document, request: RequestTable, provenance: dict[str, model.Source]
) -> tuple[str, str]:
    """From the OpenAPI Explorer link (`product=Ess`, `version=2014-08-28`); else a Version
    row; else ESS's one version, marked inferred."""
    service = DEFAULT_SERVICE
    explorer_line: int | None = None
    for number, text in enumerate(page.lines, start=1):
        link = re.search(r"https?://api\.aliyun\.com/#[^)\s\]]*", text)
        if link is None:
            continue
        explorer_line = explorer_line or number
        product = re.search(r"product=(\w+)", link.group(0))
        if product:
            service = product.group(1).lower()
        stated = re.search(r"version=(\d{4}-\d{2}-\d{2})", link.group(0))
        if stated:
            provenance["api_version"] = model.Source(page.path, number, quote=stated.group(0))
            return service, stated.group(1)
    if request.version is not None:
        provenance["api_version"] = model.Source(page.path, request.version.line)
        return service, request.version.value
    line = explorer_line or doc.title_line
    provenance["api_version"] = model.Source(page.path, line, "inferred")
    return service, DEFAULT_VERSION


def _endpoint(
    request_url: model.Example | None, path: str, provenance: dict[str, model.Source]
) -> str | None:
    """The host of the request example's URL."""
    if request_url is None:
        return None
    first = request_url.body.strip().split("\n")[0]
    host = urlsplit(first).hostname if first.startswith(("http://", "https://")) else None
    if host:
        provenance["endpoint"] = model.Source(path, request_url.source.line, "inferred", quote=host)
    return host
