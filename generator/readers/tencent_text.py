"""Tencent Cloud API 3.0 doc pages, as the text of the web page (copied from a browser).

A page reads top to bottom: the title (the Action), "1. API Description" (request domain,
prose, the rate limit), "2. Input Parameters" (rows `Name Yes|No Type Description`),
"3. Output Parameters" (rows `Name Type Description`), "4. Example" (HTTP request with a
JSON body, JSON response), "5. Developer Resources", "6. Error Code" (rows `Code Description`).

The copied text is a flattened HTML table: a row is one line, its description runs on over the
following lines (bullets "  • x", stray "  • ." left from `</li>.`, plain lines) until the next
row starts. After the first bullet list the browser indents every later line by four spaces,
so lines are read stripped. Object-typed parameters (NotificationTarget) have no field table on
the page: their fields are inferred from the examples' JSON and marked "inferred".
"""

from __future__ import annotations

import json
import re
import textwrap
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .. import model
from ..errors import fail
from . import Lines, Page, ReadOutput, ReadResult

FAMILY = "tencent-text"

# --- helpers shared with tencent_model ----------------------------------------------------


class Prose:
    """A description and its (line, text) pairs in the plain-text convention: a text line is a
    paragraph (a "" entry before it, "\\n\\n" in the description), a bullet is a "- item"
    line that stays with what precedes it, a block (a JSON sample) is verbatim text for the
    description only: mining must not read the numbers in a sample."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, str]] = []  # (line, "text" | "bullet" | "block", text)

    def text(self, line: int, text: str) -> None:
        self.items.append((line, "text", text))

    def bullet(self, line: int, text: str) -> None:
        self.items.append((line, "bullet", "- " + text))

    def block(self, line: int, text: str) -> None:
        self.items.append((line, "block", text))

    def lines(self, with_blocks: bool = False) -> Lines:
        out: Lines = []
        for line, kind, text in self.items:
            if kind == "block" and not with_blocks:
                continue
            if out and kind != "bullet":
                out.append((line, ""))
            out.append((line, text))
        return out

    def description(self) -> str:
        return "\n".join(text for _, text in self.lines(with_blocks=True))


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]')
JsonPath = tuple[str | int, ...]


class JsonPositions:
    """Where each object key of a JSON text is: path -> 1-based line. `json.loads` loses
    positions; this walks the same text's tokens (strings and punctuation only; numbers and
    literals do not change the structure). Call it on text that `json.loads` accepted."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._first = first_line
        self.offsets: dict[JsonPath, int] = {}
        path: list[str | int] = []
        # one frame per open container: [is_object, current key or index, expecting a key]
        stack: list[list[Any]] = []
        for match in _JSON_TOKEN.finditer(text):
            token = match.group()
            char = token[0]
            if char == '"':
                if stack and stack[-1][0] and stack[-1][2]:
                    key = json.loads(token) if "\\" in token else token[1:-1]
                    stack[-1][1] = key
                    stack[-1][2] = False
                    self.offsets[(*path, key)] = match.start()
            elif char in "{[":
                if stack:
                    path.append(stack[-1][1])
                stack.append([char == "{", 0 if char == "[" else None, char == "{"])
            elif char in "}]":
                if stack:
                    stack.pop()
                if stack and path:
                    path.pop()
            elif char == "," and stack:
                if stack[-1][0]:
                    stack[-1][2] = True
                else:
                    stack[-1][1] += 1

    def line_of_offset(self, offset: int) -> int:
        return bisect_right(self._newlines, offset - 1) + self._first

    def line(self, path: JsonPath) -> int | None:
        offset = self.offsets.get(path)
        return None if offset is None else self.line_of_offset(offset)


def json_type(value: Any) -> model.SpecType | None:
    """The spec type of a JSON value; None for null (the value says nothing about the type)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return None


def example_text(value: Any) -> str:
    """A JSON value as Parameter.example: strings as they are, the rest as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --- page structure -------------------------------------------------------------------------

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
_DOMAIN = re.compile(r"^Domain name for API request:\s*(\S+?)\.?\s*$")
_API_VALUE = re.compile(r"The value used for this API:\s*(\S+?)\.?\s*$")
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
_HTTP_START = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(\S+)\s+HTTP/[\d.]+$")

# The page's scalar type names; any other capitalised name is an object type.
_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "integer": "integer",
    "int": "integer",
    "int64": "integer",
    "uint64": "integer",
    "boolean": "boolean",
    "bool": "boolean",
    "float": "number",
    "double": "number",
    "timestamp": "string",
    "timestamp iso8601": "string",
    "date": "string",
    "binary": "string",
}


def sniff(page: Page) -> bool:
    head = page.text.lstrip()[:1]
    if head in ("{", "["):  # the API model and its examples are JSON, not pages
        return False
    text = page.text
    if "Domain name for API request" in text:
        return True
    return "Input Parameters" in text and ("tencentcloudapi.com" in text or "Common Params" in text)


@dataclass
class _Row:
    name: str
    line: int
    doc_type: str
    required: bool | None  # None for output rows
    prose: Prose = field(default_factory=Prose)


@dataclass
class _ExampleBlock:
    title: str | None
    kind: str  # "input" | "output"
    line: int  # first line of the block
    text: str  # dedented


class _Reader:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.lines = page.lines
        self.notes: list[str] = []

    def src(
        self, line: int, origin: model.Origin = "stated", quote: str | None = None
    ) -> model.Source:
        return model.Source(self.page.path, line, origin, quote)

    def stripped(self, index: int) -> str:
        return self.lines[index].strip()

    # -- structure ---------------------------------------------------------------------------

    def sections(self) -> dict[str, tuple[int, int]]:
        """Section key -> (index of its heading, index past its last line)."""
        heads: list[tuple[str, int]] = []
        for index, raw in enumerate(self.lines):
            match = _SECTION.match(raw.strip())
            if match:
                key = _SECTION_KEYS[re.sub(r"\s+", " ", match.group(2).lower())]
                heads.append((key, index))
        out: dict[str, tuple[int, int]] = {}
        for pos, (key, index) in enumerate(heads):
            end = heads[pos + 1][1] if pos + 1 < len(heads) else len(self.lines)
            if key in out:
                self.notes.append(
                    f"line {index + 1}: a second '{self.stripped(index)}' section, not read"
                )
                continue
            out[key] = (index, end)
        return out

    def title(self) -> tuple[str, int] | None:
        for index, raw in enumerate(self.lines):
            if raw.strip().startswith("Last updated:"):
                for back in range(index - 1, -1, -1):
                    if self.stripped(back):
                        return self.stripped(back), back + 1
        for index, raw in enumerate(self.lines):
            text = raw.strip()
            if text and text.lower() != "tencent cloud":
                return text, index + 1
        return None

    # -- 1. API Description ----------------------------------------------------------------

    def description(self, span: tuple[int, int]) -> tuple[Prose, str | None, int]:
        prose = Prose()
        endpoint: str | None = None
        endpoint_line = 0
        index, end = span[0] + 1, span[1]
        while index < end:
            text = self.stripped(index)
            line = index + 1
            index += 1
            if not text or _EXPLORER.match(text):
                continue
            domain = _DOMAIN.match(text)
            if domain:
                endpoint, endpoint_line = domain.group(1), line
                continue
            bullet = _BULLET.match(text)
            if bullet:
                if bullet.group(1).strip(" .") != "":
                    prose.bullet(line, bullet.group(1).strip())
                continue
            if text in ("{", "[") or text.startswith(('{"', '["')):
                # a JSON sample (the notification message): keep it whole, out of mining's way
                first = index - 1
                depth = _depth(text)
                while depth > 0 and index < end:
                    depth += _depth(self.lines[index])
                    index += 1
                body = textwrap.dedent("\n".join(self.lines[first:index])).strip("\n")
                prose.block(first + 1, body)
                continue
            prose.text(line, text)
        return prose, endpoint, endpoint_line

    # -- 2./3. parameter tables ----------------------------------------------------------------

    def rows(self, span: tuple[int, int], output: bool) -> tuple[list[_Row], list[int]]:
        """Rows of a parameter table and the lines of text that preceded the first row."""
        header = _OUTPUT_HEADER if output else _INPUT_HEADER
        start = span[0] + 1
        for index in range(span[0] + 1, span[1]):
            if header.match(self.stripped(index)):
                start = index + 1
                break
        rows: list[_Row] = []
        stray: list[int] = []
        for index in range(start, span[1]):
            text = self.stripped(index)
            line = index + 1
            if not text:
                continue
            bullet = _BULLET.match(text)
            if bullet:
                item = bullet.group(1).strip()
                if rows and item.strip(" .") != "":
                    rows[-1].prose.bullet(line, item)
                elif not rows and item.strip(" .") != "":
                    stray.append(line)
                continue
            row = self.output_row(text, line) if output else self.input_row(text, line)
            if row is not None:
                rows.append(row)
            elif rows:
                rows[-1].prose.text(line, text)
            elif not (header.match(text) or _INPUT_INTRO.match(text)):
                stray.append(line)
        return rows, stray

    def input_row(self, text: str, line: int) -> _Row | None:
        match = _INPUT_ROW.match(text)
        if match is None:
            bad = _BAD_INPUT_ROW.match(text)
            if bad and bad.group("req").lower() not in ("yes", "no"):
                raise fail(
                    self.page.path,
                    line,
                    f"parameter row {bad.group('name')!r}: Required column is "
                    f"{bad.group('req')!r}, expected Yes or No",
                )
            return None
        row = _Row(match["name"], line, match["type"], match["req"].lower() == "yes")
        if match["desc"]:
            row.prose.text(line, match["desc"].strip())
        return row

    def output_row(self, text: str, line: int) -> _Row | None:
        match = _OUTPUT_ROW.match(text)
        if match is None:
            return None
        row = _Row(match["name"], line, match["type"], None)
        if match["desc"]:
            row.prose.text(line, match["desc"].strip())
        return row

    def parameter(self, row: _Row) -> model.Parameter:
        spec_type, items = self.spec_type(row.doc_type, row.line)
        return model.Parameter(
            name=row.name,
            source=self.src(row.line),
            type=spec_type,
            location="body",
            required=bool(row.required),
            doc_type=row.doc_type,
            items=items,
            description=row.prose.description(),
        )

    def spec_type(self, doc_type: str, line: int) -> tuple[model.SpecType, str | None]:
        array = re.match(r"^Array of (\S+)$", doc_type)
        if array:
            item, _ = self.spec_type(array.group(1), line)
            return "array", item
        scalar = _SCALARS.get(doc_type.lower())
        if scalar:
            return scalar, None
        if re.match(r"^[A-Z][A-Za-z0-9_]*$", doc_type):
            return "object", None
        raise fail(self.page.path, line, f"unknown parameter type {doc_type!r}")

    # -- 4. Example ------------------------------------------------------------------------------

    def example_blocks(self, span: tuple[int, int]) -> list[_ExampleBlock]:
        marks: list[tuple[int, str]] = []  # (index, "title" | "input" | "output")
        titles: dict[int, str | None] = {}
        for index in range(span[0] + 1, span[1]):
            text = self.stripped(index)
            heading = _EXAMPLE_TITLE.match(text)
            if heading:
                marks.append((index, "title"))
                titles[index] = heading.group("title").strip() or None
            elif text in ("Input Example", "Output Example"):
                marks.append((index, "input" if text.startswith("Input") else "output"))
        blocks: list[_ExampleBlock] = []
        title: str | None = None
        for pos, (index, kind) in enumerate(marks):
            if kind == "title":
                title = titles[index]
                continue
            end = marks[pos + 1][0] if pos + 1 < len(marks) else span[1]
            raw = self.lines[index + 1 : end]
            first = 0
            while first < len(raw) and not raw[first].strip():
                first += 1
            body = textwrap.dedent("\n".join(raw[first:])).strip("\n")
            if body:
                blocks.append(_ExampleBlock(title, kind, index + 2 + first, body))
            else:
                self.notes.append(f"line {index + 1}: '{kind.title()} Example' without a body")
        return blocks

    def examples(
        self, blocks: list[_ExampleBlock], action: str | None
    ) -> tuple[
        list[model.Example], list[tuple[Any, JsonPositions]], list[tuple[Any, JsonPositions]]
    ]:
        """Examples, plus the parsed request and response JSON with key positions."""
        examples: list[model.Example] = []
        requests: list[tuple[Any, JsonPositions]] = []
        responses: list[tuple[Any, JsonPositions]] = []
        for block in blocks:
            if block.kind == "input":
                examples.extend(self.request_example(block, action, requests))
            else:
                parsed = self.parse_json(block.text, block.line, "response example")
                kind: Any = "response"
                if parsed is not None:
                    value, positions = parsed
                    body = value.get("Response") if isinstance(value, dict) else None
                    if isinstance(body, dict) and "Error" in body:
                        kind = "error"
                    elif isinstance(body, dict):
                        responses.append(parsed)
                examples.append(
                    model.Example(
                        kind,
                        "json" if parsed else "text",
                        block.text,
                        self.src(block.line),
                        block.title,
                    )
                )
        return examples, requests, responses

    def request_example(
        self, block: _ExampleBlock, action: str | None, requests: list[tuple[Any, JsonPositions]]
    ) -> list[model.Example]:
        lines = block.text.split("\n")
        if _HTTP_START.match(lines[0]):
            out = [model.Example("request", "http", block.text, self.src(block.line), block.title)]
            blank = next((i for i, text in enumerate(lines) if not text.strip()), len(lines))
            for text in lines[1:blank]:
                name, _, value = text.partition(":")
                if name.strip().lower() == "x-tc-action" and action and value.strip() != action:
                    self.notes.append(
                        f"line {block.line + lines.index(text)}: example X-TC-Action "
                        f"{value.strip()!r} differs from the Action {action!r}"
                    )
            rest = lines[blank + 1 :]
            skip = next((i for i, text in enumerate(rest) if text.strip()), len(rest))
            body = "\n".join(rest[skip:]).strip("\n")
            if body:
                body_line = block.line + blank + 1 + skip
                parsed = self.parse_json(body, body_line, "request example body")
                if parsed is not None:
                    requests.append(parsed)
                    out.append(
                        model.Example("request", "json", body, self.src(body_line), block.title)
                    )
            return out
        if re.match(r"^https?://", lines[0]):
            return [
                model.Example("request", "query", block.text, self.src(block.line), block.title)
            ]
        return [model.Example("request", "text", block.text, self.src(block.line), block.title)]

    def parse_json(self, text: str, line: int, what: str) -> tuple[Any, JsonPositions] | None:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            self.notes.append(
                f"line {line + err.lineno - 1}: {what} is not valid JSON ({err.msg}); "
                "nothing inferred from it"
            )
            return None
        return value, JsonPositions(text, line)

    # -- fields of object types, from the examples ---------------------------------------------

    def infer(
        self,
        params: list[model.Parameter],
        samples: list[tuple[Any, JsonPositions]],
        response: bool,
    ) -> None:
        by_name = {p.name: p for p in params}
        for value, positions in samples:
            root: JsonPath = ()
            if response:
                value = value["Response"]
                root = ("Response",)
            if not isinstance(value, dict):
                continue
            for key, item in value.items():
                param = by_name.get(key)
                line = positions.line((*root, key)) or 0
                if param is None:
                    if not (response and key in ("Error", "RequestId")):
                        what = "Output" if response else "Input"
                        self.notes.append(
                            f"line {line}: example key {key!r} is not in the {what} Parameters table"
                        )
                    continue
                if param.example is None and item is not None:
                    param.example = example_text(item)
                self.merge(param, item, (*root, key), positions)

    def merge(
        self, param: model.Parameter, value: Any, path: JsonPath, positions: JsonPositions
    ) -> None:
        """Add the members `value` shows to an object (or array of objects) parameter."""
        if param.type == "object" and isinstance(value, dict):
            self.merge_fields(param, value, path, positions)
        elif param.type == "array" and isinstance(value, list):
            for index, element in enumerate(value):
                kind = json_type(element)
                if param.items is None and kind is not None:
                    param.items = kind
                if isinstance(element, dict) and param.items == "object":
                    self.merge_fields(param, element, (*path, index), positions)

    def merge_fields(
        self,
        param: model.Parameter,
        value: dict[str, Any],
        path: JsonPath,
        positions: JsonPositions,
    ) -> None:
        for key, item in value.items():
            line = positions.line((*path, key)) or param.source.line
            kind = json_type(item)
            existing = next((f for f in param.fields if f.name == key), None)
            if existing is None:
                if kind is None:
                    self.notes.append(
                        f"line {line}: {param.name}.{key} is null in the example; its type is unknown"
                    )
                    continue
                existing = model.Parameter(
                    name=key,
                    source=self.src(line, "inferred", self.lines[line - 1].strip()),
                    type=kind,
                    location="body",
                    example=None if kind in ("object", "array") else example_text(item),
                )
                param.fields.append(existing)
            elif kind is not None and kind != existing.type:
                self.notes.append(
                    f"line {line}: {param.name}.{key} is {kind} here but {existing.type} at "
                    f"line {existing.source.line}; kept {existing.type}"
                )
                continue
            self.merge(existing, item, (*path, key), positions)

    # -- 6. Error Code -------------------------------------------------------------------------

    def errors(self, span: tuple[int, int]) -> list[model.ErrorCode]:
        start = None
        for index in range(span[0] + 1, span[1]):
            if _ERROR_HEADER.match(self.stripped(index)):
                start = index + 1
                break
        if start is None:
            if any(
                self.stripped(i) and not _ERROR_INTRO.match(self.stripped(i))
                for i in range(span[0] + 1, span[1])
            ):
                self.notes.append(
                    f"line {span[0] + 1}: error section without an 'Error Code Description' table header; not read"
                )
            return []
        errors: list[model.ErrorCode] = []
        for index in range(start, span[1]):
            text = self.stripped(index)
            if _FEEDBACK.match(text):
                break
            if not text:
                continue
            row = _ERROR_ROW.match(text)
            if row:
                errors.append(
                    model.ErrorCode(
                        code=row["code"],
                        source=self.src(index + 1),
                        status=None,
                        meaning=row["desc"].strip(),
                    )
                )
            elif errors:
                # a description running on over a second line
                errors[-1].meaning = f"{errors[-1].meaning} {text}".strip()
            else:
                self.notes.append(f"line {index + 1}: text in the error table not read: {text!r}")
        return errors

    # -- the whole page --------------------------------------------------------------------------

    def read(self) -> ReadResult:
        path = self.page.path
        sections = self.sections()
        if "input" not in sections:
            raise fail(
                path,
                max(len(self.lines), 1),
                "no '2. Input Parameters' section: not a complete Tencent Cloud API page (truncated?)",
            )
        title = self.title()

        prose, endpoint, endpoint_line = (
            self.description(sections["description"])
            if "description" in sections
            else (Prose(), None, 0)
        )

        input_rows, stray = self.rows(sections["input"], output=False)
        if not input_rows:
            raise fail(
                path, sections["input"][0] + 1, "the Input Parameters section has no parameter rows"
            )
        for line in stray:
            self.notes.append(f"line {line}: text before the first parameter row, not read")

        action: str | None = None
        version: str | None = None
        provenance: dict[str, model.Source] = {}
        params: list[model.Parameter] = []
        parameter_text: dict[str, Lines] = {}
        for row in input_rows:
            description = row.prose.description()
            if re.match(r"^Common Param", description, re.IGNORECASE):
                value = _API_VALUE.search(description.split("\n")[0])
                if row.name == "Action" and value:
                    action = value.group(1)
                    provenance["action"] = provenance["name"] = self.src(row.line)
                elif row.name == "Version" and value:
                    version = value.group(1)
                    provenance["api_version"] = self.src(row.line)
                else:
                    req = "required" if row.required else "optional"
                    self.notes.append(
                        f"line {row.line}: common parameter {row.name} ({req}) is sent by the protocol"
                    )
                continue
            if any(p.name == row.name for p in params):
                raise fail(path, row.line, f"parameter {row.name!r} is listed twice")
            params.append(self.parameter(row))
            parameter_text[row.name] = row.prose.lines()
        if version is None:
            raise fail(
                path, sections["input"][0] + 1, "no Version row (Common Params) in Input Parameters"
            )

        name = action
        if name is None:
            if title is None:
                raise fail(
                    path,
                    sections["input"][0] + 1,
                    "no Action row and no title to name the operation",
                )
            name = title[0]
            provenance["name"] = self.src(title[1], "inferred", title[0])
            self.notes.append(f"line {title[1]}: no Action row; the name is the page title")
        elif title and title[0] != action:
            self.notes.append(
                f"line {title[1]}: title {title[0]!r} differs from the Action {action!r}"
            )

        response: list[model.Parameter] = []
        if "output" in sections:
            output_rows, stray = self.rows(sections["output"], output=True)
            for line in stray:
                self.notes.append(f"line {line}: text before the first output row, not read")
            response = [self.parameter(row) for row in output_rows]
        else:
            self.notes.append("no '3. Output Parameters' section")

        examples: list[model.Example] = []
        if "examples" in sections:
            examples, requests, responses = self.examples(
                self.example_blocks(sections["examples"]), action
            )
            self.infer(params, requests, response=False)
            self.infer(response, responses, response=True)
            for first in examples:
                if first.format == "http":
                    start = _HTTP_START.match(first.body.split("\n")[0])
                    if start:
                        provenance["method"] = self.src(
                            first.source.line, "inferred", start.group(0)
                        )
                        provenance["path"] = provenance["method"]
                    break
        for param in params + response:
            if (
                param.type == "object"
                and not param.fields
                or param.items == "object"
                and not param.fields
            ):
                self.notes.append(
                    f"line {param.source.line}: {param.name} ({param.doc_type}) has no field table "
                    "and no example shows its fields"
                )

        errors = self.errors(sections["errors"]) if "errors" in sections else []

        summary = ""
        visible = prose.lines()
        first_text = next(
            ((line, text) for line, text in visible if text and not text.startswith("- ")), None
        )
        if first_text:
            summary = first_text[1]
            provenance["summary"] = self.src(first_text[0])
        if endpoint:
            provenance["endpoint"] = self.src(endpoint_line)

        operation = model.Operation(
            provider="tencent",
            service="as",
            api_version=version,
            protocol="tencent-json",
            name=name,
            family=FAMILY,
            source=self.src(1),
            method="POST",
            path="/",
            action=name,
            title=title[0] if title else None,
            summary=summary,
            description=prose.description(),
            endpoint=endpoint,
            parameters=params,
            response=response,
            errors=errors,
            examples=examples,
            notes=self.notes,
            provenance=dict(sorted(provenance.items())),
        )
        # nested fields are inferred from examples and have no prose of their own
        return ReadResult(
            operation=operation, parameter_text=parameter_text, operation_text=visible
        )


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


def read(page: Page) -> ReadOutput:
    return ReadOutput(results=[_Reader(page).read()])
