"""Example blocks -> model.Example (HTTP requests, their JSON bodies, JSON responses and
errors), the parsed JSON bodies for example_fields, and parameters' example values."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ... import model
from ..tencent_common import JsonPositions, example_text, is_error_body, response_body
from .document import Document, ExampleBlock

HTTP_START = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(\S+)\s+HTTP/[\d.]+$")

Sample = tuple[Any, JsonPositions]  # a parsed JSON body and where its keys are


@dataclass
class Examples:
    examples: list[model.Example] = field(default_factory=list)
    requests: list[Sample] = field(default_factory=list)  # request bodies
    responses: list[Sample] = field(default_factory=list)  # successful response bodies


def examples(doc: Document, blocks: list[ExampleBlock], action: str | None) -> Examples:
    out = Examples()
    for block in blocks:
        if block.kind == "input":
            out.examples.extend(_request(doc, block, action, out.requests))
            continue
        parsed = _parse_json(doc, block.text, block.line, "response example")
        kind: Any = "response"
        if parsed is not None:
            body = response_body(parsed[0])
            if body is not None and is_error_body(body):
                kind = "error"
            elif body is not None:
                out.responses.append(parsed)
        out.examples.append(
            model.Example(
                kind, "json" if parsed else "text", block.text, doc.src(block.line), block.title
            )
        )
    return out


def _request(
    doc: Document, block: ExampleBlock, action: str | None, requests: list[Sample]
) -> list[model.Example]:
    lines = block.text.split("\n")
    if HTTP_START.match(lines[0]):
        out = [model.Example("request", "http", block.text, doc.src(block.line), block.title)]
        blank = next((i for i, text in enumerate(lines) if not text.strip()), len(lines))
        for text in lines[1:blank]:
            name, _, value = text.partition(":")
            if name.strip().lower() == "x-tc-action" and action and value.strip() != action:
                doc.notes.append(
                    f"line {block.line + lines.index(text)}: example X-TC-Action "
                    f"{value.strip()!r} differs from the Action {action!r}"
                )
        rest = lines[blank + 1 :]
        skip = next((i for i, text in enumerate(rest) if text.strip()), len(rest))
        body = "\n".join(rest[skip:]).strip("\n")
        if body:
            body_line = block.line + blank + 1 + skip
            parsed = _parse_json(doc, body, body_line, "request example body")
            if parsed is not None:
                requests.append(parsed)
                out.append(model.Example("request", "json", body, doc.src(body_line), block.title))
        return out
    if re.match(r"^https?://", lines[0]):
        return [model.Example("request", "query", block.text, doc.src(block.line), block.title)]
    return [model.Example("request", "text", block.text, doc.src(block.line), block.title)]


def _parse_json(doc: Document, text: str, line: int, what: str) -> Sample | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        doc.notes.append(
            f"line {line + err.lineno - 1}: {what} is not valid JSON ({err.msg}); "
            "nothing inferred from it"
        )
        return None
    return value, JsonPositions(text, line)


def example_values(params: list[model.Parameter], samples: list[Sample], response: bool) -> None:
    """Each top-level parameter's example: its first non-null value in the samples."""
    by_name = {p.name: p for p in params}
    for value, _ in samples:
        if response:
            value = value["Response"]
        if not isinstance(value, dict):
            continue
        for key, item in value.items():
            param = by_name.get(key)
            if param is not None and param.example is None and item is not None:
                param.example = example_text(item)
