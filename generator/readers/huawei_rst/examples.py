"""Example requests and responses: the code blocks of the example sections as
model.Examples, and parameters' example values taken from them."""

from __future__ import annotations

import json
import re
import textwrap
import urllib.parse
from typing import Any, Literal

from docutils import nodes

from ... import model
from .. import Page
from .http_text import REQUEST_LINE, RESPONSE_LINE
from .line_numbers import checked_line

ExampleKind = Literal["request", "response", "error"]


def page_examples(
    page: Page, blocks: list[tuple[ExampleKind, nodes.Element, str]]
) -> list[model.Example]:
    """The examples of the page's example code blocks (kind, block, title), in page order."""
    out: list[model.Example] = []
    for kind, block, title in blocks:
        out.extend(code_block_examples(page, kind, block, title))
    return out


def code_block_examples(
    page: Page, kind: ExampleKind, block: nodes.Element, title: str
) -> list[model.Example]:
    """A code block as examples: an HTTP request or status line (with any headers) is one
    example, the body after the blank line another."""
    code = block.astext()
    lines = code.split("\n")
    first = checked_line(page, block, next((line for line in lines if line.strip()), ""))
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return []
    # the block's line is that of its first non-blank line
    base = first - start
    out: list[model.Example] = []
    head = lines[start].strip()
    body_from = start
    if REQUEST_LINE.match(head) or RESPONSE_LINE.match(head):
        end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
        http = "\n".join(line.rstrip() for line in lines[start:end])
        out.append(model.Example(kind, "http", http, model.Source(page.path, base + start), title))
        body_from = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
    if body_from < len(lines):
        body = textwrap.dedent("\n".join(lines[body_from:])).rstrip()
        out.append(
            model.Example(
                kind, _body_format(body), body, model.Source(page.path, base + body_from), title
            )
        )
    return out


def set_example_values(
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
        param.example = _example_text(value)


def set_nullable(params: list[model.Parameter], examples: list[model.Example], kind: str) -> None:
    """Parameter.nullable where the page's own JSON example of that kind shows the field as
    null, at any depth (object fields and the objects of arrays)."""
    for example in examples:
        if example.kind == kind and example.format == "json":
            _mark_nulls(params, json.loads(example.body))


def _mark_nulls(params: list[model.Parameter], value: Any) -> None:
    if isinstance(value, list):
        for item in value:
            _mark_nulls(params, item)
        return
    if not isinstance(value, dict):
        return
    for param in params:
        if param.name not in value or param.location != "body":
            continue
        if value[param.name] is None:
            param.nullable = True
        elif param.fields:
            _mark_nulls(param.fields, value[param.name])


def add_example_only_fields(
    page: Page, params: list[model.Parameter], examples: list[model.Example], notes: list[str]
) -> None:
    """Body fields that only the page's JSON example request shows (no table lists them)
    become parameters, inferred from the example at the line where the field stands: a
    request the page itself gives must not be rejected as holding an unknown field."""
    for example in examples:
        if example.kind == "request" and example.format == "json":
            body = json.loads(example.body)
            if isinstance(body, dict):
                _add_unlisted(page, params, body, example.source.line, "", notes)
            return


def _add_unlisted(
    page: Page,
    params: list[model.Parameter],
    body: dict[str, Any],
    start: int,
    prefix: str,
    notes: list[str],
) -> None:
    by_name = {p.name: p for p in params if p.location == "body"}
    for key, value in body.items():
        known = by_name.get(key)
        member = value[0] if isinstance(value, list) and value else value
        if known is not None:
            if known.fields and isinstance(member, dict):
                _add_unlisted(page, known.fields, member, start, f"{prefix}{key}.", notes)
            continue
        line = _key_line(page, key, start)
        spec_type, items = _json_type(value)
        params.append(
            model.Parameter(
                name=key,
                source=model.Source(page.path, line, "inferred", quote=f'"{key}"'),
                type=spec_type,
                location="body",
                items=items,
                example=None if isinstance(value, (dict, list)) else _example_text(value),
            )
        )
        notes.append(
            f"line {line}: {prefix}{key} is only in the example request; recorded as an"
            f" optional {spec_type} (no table lists it)"
        )


def _example_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _key_line(page: Page, key: str, start: int) -> int:
    """The first page line at or after `start` that holds `"key":`."""
    quoted = re.compile(rf'"{re.escape(key)}"\s*:')
    for number, text in enumerate(page.lines[start - 1 :], start):
        if quoted.search(text):
            return number
    return start


def _json_type(value: Any) -> tuple[model.SpecType, str | None]:
    if isinstance(value, bool):
        return "boolean", None
    if isinstance(value, int):
        return "integer", None
    if isinstance(value, float):
        return "number", None
    if isinstance(value, dict):
        return "object", None
    if isinstance(value, list):
        return "array", (_json_type(value[0])[0] if value else None)
    return "string", None


def _body_format(body: str) -> Literal["json", "xml", "text"]:
    try:
        json.loads(body)
    except ValueError:
        return "xml" if body.lstrip().startswith("<") else "text"
    return "json"


def _path_values(template: str, url: str) -> dict[str, str]:
    """The example URL's values for the template's `{placeholders}`."""
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
