"""Page text -> the parts of a Tencent API page, each with its 1-based page line.

Format only: where the sections are, the title, the lines of the description, the rows of the
parameter and error tables (a row's description continues over the lines that follow it), the
example blocks. What a row means is the other modules' business.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ...errors import fail
from .. import Page
from ..tencent_common import PageDocument, Prose

_SECTION = re.compile(
    r"^(\d+)\.\s+(API Description|Input Parameters|Output Parameters|Examples?|"
    r"Developer Resources|Error Codes?)\s*$",
    re.IGNORECASE,
)
_SECTION_KEYS = {
    "api description": "description",
    "input parameters": "input",
    "output parameters": "output",
    "example": "examples",
    "examples": "examples",
    "developer resources": "resources",
    "error code": "errors",
    "error codes": "errors",
}
_BULLET = re.compile(r"^[•·●▪◦]\s*(.*)$")
_EXPLORER = re.compile(r"^(We recommend you to use API Explorer|Try it|API Explorer provides\b.*)$")
_INPUT_HEADER = re.compile(r"^Parameter Name\s+Required\s+Type\s+Description$")
_OUTPUT_HEADER = re.compile(r"^Parameter Name\s+Type\s+Description$")
_ERROR_HEADER = re.compile(r"^Error Code\s+Description$")
_INPUT_INTRO = re.compile(r"^The following request parameter list\b")
_ERROR_INTRO = re.compile(r"^The following only lists the error codes\b")
_FEEDBACK = re.compile(r"^Was this page helpful\?")

_TYPE = r"Array of \S+|Timestamp ISO8601|\S+"
_INPUT_ROW = re.compile(
    rf"^(?P<name>[A-Za-z][A-Za-z0-9_.]*)\s+(?P<req>Yes|No)\s+(?P<type>{_TYPE})(?:\s+(?P<desc>.*))?$",
    re.IGNORECASE,
)
# A line shaped like an input row whose Required column is something else: a broken table,
# not prose (prose does not put a bare type name third).
# Case-sensitive on purpose: "the value String ..." is prose, "Limit Maybe Integer" is a row.
_BAD_INPUT_ROW = re.compile(
    r"^(?P<name>[A-Z][A-Za-z0-9_.]*)\s+"
    r"(?P<req>[A-Z][A-Za-z]*|required|optional|true|false|yes|no|y|n|-)"
    r"\s+(?:String|Integer|Boolean|Float|Double|Int64|Uint64|Timestamp|Array of \S+)(?:\s|$)"
)
_OUTPUT_ROW = re.compile(
    r"^(?P<name>[A-Z][A-Za-z0-9_.]*)\s+(?P<type>Array of [A-Za-z]\w*|Timestamp ISO8601|[A-Z]\w*)"
    r"(?:\s+(?P<desc>.*))?$"
)
_ERROR_ROW = re.compile(r"^(?P<code>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)*)\s+(?P<desc>\S.*)$")
_EXAMPLE_TITLE = re.compile(r"^Example\s*(\d+)\b\s*(?P<title>.*)$")

Span = tuple[int, int]  # index of a section's heading, index past its last line


@dataclass
class Row:
    """A parameter table row: its cells and the prose of its description."""

    name: str
    line: int
    doc_type: str
    required: bool | None  # None for output rows
    prose: Prose = field(default_factory=Prose)


@dataclass
class DescriptionLine:
    line: int
    kind: str  # "text" | "bullet" | "block" (a JSON sample, verbatim)
    text: str


@dataclass
class ExampleBlock:
    title: str | None
    kind: str  # "input" | "output"
    line: int  # first line of the block
    text: str  # dedented


@dataclass
class ErrorRow:
    code: str
    line: int
    description: str  # with the lines it runs on over


class Document(PageDocument):
    """The page's lines and the notes gathered while reading them (in reading order)."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.lines = page.lines
        self.notes: list[str] = []

    def stripped(self, index: int) -> str:
        return self.lines[index].strip()


def sections(doc: Document) -> dict[str, Span]:
    """Section key -> its span; a repeated section is noted and not read."""
    heads: list[tuple[str, int]] = []
    for index, raw in enumerate(doc.lines):
        match = _SECTION.match(raw.strip())
        if match:
            key = _SECTION_KEYS[re.sub(r"\s+", " ", match.group(2).lower())]
            heads.append((key, index))
    out: dict[str, Span] = {}
    for pos, (key, index) in enumerate(heads):
        end = heads[pos + 1][1] if pos + 1 < len(heads) else len(doc.lines)
        if key in out:
            doc.notes.append(
                f"line {index + 1}: a second '{doc.stripped(index)}' section, not read"
            )
            continue
        out[key] = (index, end)
    return out


def title(doc: Document) -> tuple[str, int] | None:
    """The line above "Last updated:", else the first line that is not the site's name."""
    for index, raw in enumerate(doc.lines):
        if raw.strip().startswith("Last updated:"):
            for back in range(index - 1, -1, -1):
                if doc.stripped(back):
                    return doc.stripped(back), back + 1
    for index, raw in enumerate(doc.lines):
        text = raw.strip()
        if text and text.lower() != "tencent cloud":
            return text, index + 1
    return None


def description_lines(doc: Document, span: Span) -> list[DescriptionLine]:
    """The lines of "1. API Description": text, bullets and JSON samples (kept whole)."""
    out: list[DescriptionLine] = []
    index, end = span[0] + 1, span[1]
    while index < end:
        text = doc.stripped(index)
        line = index + 1
        index += 1
        if not text or _EXPLORER.match(text):
            continue
        bullet = _BULLET.match(text)
        if bullet:
            if bullet.group(1).strip(" .") != "":
                out.append(DescriptionLine(line, "bullet", bullet.group(1).strip()))
            continue
        if text in ("{", "[") or text.startswith(('{"', '["')):
            first = index - 1
            depth = _depth(text)
            while depth > 0 and index < end:
                depth += _depth(doc.lines[index])
                index += 1
            body = textwrap.dedent("\n".join(doc.lines[first:index])).strip("\n")
            out.append(DescriptionLine(first + 1, "block", body))
            continue
        out.append(DescriptionLine(line, "text", text))
    return out


def rows(doc: Document, span: Span, output: bool) -> tuple[list[Row], list[int]]:
    """Rows of a parameter table and the lines of text that preceded the first row."""
    header = _OUTPUT_HEADER if output else _INPUT_HEADER
    start = span[0] + 1
    for index in range(span[0] + 1, span[1]):
        if header.match(doc.stripped(index)):
            start = index + 1
            break
    found: list[Row] = []
    stray: list[int] = []
    for index in range(start, span[1]):
        text = doc.stripped(index)
        line = index + 1
        if not text:
            continue
        bullet = _BULLET.match(text)
        if bullet:
            item = bullet.group(1).strip()
            if found and item.strip(" .") != "":
                found[-1].prose.bullet(line, item)
            elif not found and item.strip(" .") != "":
                stray.append(line)
            continue
        row = _output_row(text, line) if output else _input_row(doc, text, line)
        if row is not None:
            found.append(row)
        elif found:
            found[-1].prose.text(line, text)
        elif not (header.match(text) or _INPUT_INTRO.match(text)):
            stray.append(line)
    return found, stray


def _input_row(doc: Document, text: str, line: int) -> Row | None:
    match = _INPUT_ROW.match(text)
    if match is None:
        bad = _BAD_INPUT_ROW.match(text)
        if bad and bad.group("req").lower() not in ("yes", "no"):
            raise fail(
                doc.page.path,
                line,
                f"parameter row {bad.group('name')!r}: Required column is "
                f"{bad.group('req')!r}, expected Yes or No",
            )
        return None
    row = Row(match["name"], line, match["type"], match["req"].lower() == "yes")
    if match["desc"]:
        row.prose.text(line, match["desc"].strip())
    return row


def _output_row(text: str, line: int) -> Row | None:
    match = _OUTPUT_ROW.match(text)
    if match is None:
        return None
    row = Row(match["name"], line, match["type"], None)
    if match["desc"]:
        row.prose.text(line, match["desc"].strip())
    return row


def example_blocks(doc: Document, span: Span) -> list[ExampleBlock]:
    """The "Input Example" / "Output Example" blocks, each under its "Example N" title."""
    marks: list[tuple[int, str]] = []  # (index, "title" | "input" | "output")
    titles: dict[int, str | None] = {}
    for index in range(span[0] + 1, span[1]):
        text = doc.stripped(index)
        heading = _EXAMPLE_TITLE.match(text)
        if heading:
            marks.append((index, "title"))
            titles[index] = heading.group("title").strip() or None
        elif text in ("Input Example", "Output Example"):
            marks.append((index, "input" if text.startswith("Input") else "output"))
    blocks: list[ExampleBlock] = []
    current: str | None = None
    for pos, (index, kind) in enumerate(marks):
        if kind == "title":
            current = titles[index]
            continue
        end = marks[pos + 1][0] if pos + 1 < len(marks) else span[1]
        raw = doc.lines[index + 1 : end]
        first = 0
        while first < len(raw) and not raw[first].strip():
            first += 1
        body = textwrap.dedent("\n".join(raw[first:])).strip("\n")
        if body:
            blocks.append(ExampleBlock(current, kind, index + 2 + first, body))
        else:
            doc.notes.append(f"line {index + 1}: '{kind.title()} Example' without a body")
    return blocks


def error_rows(doc: Document, span: Span) -> list[ErrorRow]:
    """Rows of the "Error Code Description" table, up to the page's feedback footer."""
    start = None
    for index in range(span[0] + 1, span[1]):
        if _ERROR_HEADER.match(doc.stripped(index)):
            start = index + 1
            break
    if start is None:
        if any(
            doc.stripped(i) and not _ERROR_INTRO.match(doc.stripped(i))
            for i in range(span[0] + 1, span[1])
        ):
            doc.notes.append(
                f"line {span[0] + 1}: error section without an 'Error Code Description' table header; not read"
            )
        return []
    found: list[ErrorRow] = []
    for index in range(start, span[1]):
        text = doc.stripped(index)
        if _FEEDBACK.match(text):
            break
        if not text:
            continue
        row = _ERROR_ROW.match(text)
        if row:
            found.append(ErrorRow(row["code"], index + 1, row["desc"].strip()))
        elif found:
            # a description running on over a second line
            found[-1].description = f"{found[-1].description} {text}".strip()
        else:
            doc.notes.append(f"line {index + 1}: text in the error table not read: {text!r}")
    return found


def _depth(text: str) -> int:
    """Net count of JSON brackets opened on a line, ignoring those inside strings."""
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth
