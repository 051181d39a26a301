"""What Tencent Cloud's two doc families (the web page text and the API model JSON) read alike.

Both hold prose in the same plain-text convention (`Prose`), JSON whose key positions must be
cited (`JsonPositions`), example values as JSON, and the API 3.0 response envelope
`{"Response": {...}}`, where an error answer carries `Response.Error`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from typing import Any

from .. import model
from . import Lines, Page


class PageDocument:
    """A read page whose facts cite its lines."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def src(
        self, line: int, origin: model.Origin = "stated", quote: str | None = None
    ) -> model.Source:
        return model.Source(self.page.path, line, origin, quote)


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


def first_paragraph(lines: Lines) -> tuple[int, str] | None:
    """The first text line that is not a bullet: the operation's summary."""
    return next(((line, text) for line, text in lines if text and not text.startswith("- ")), None)


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


def response_body(value: Any) -> dict[str, Any] | None:
    """The inside of the API 3.0 envelope `{"Response": {...}}`, None when it is not one."""
    body = value.get("Response") if isinstance(value, dict) else None
    return body if isinstance(body, dict) else None


def is_error_body(body: dict[str, Any]) -> bool:
    """An error answer: HTTP 200 all the same, with `Response.Error` {Code, Message}."""
    return "Error" in body
