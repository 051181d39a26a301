"""The page's own examples against the spec extracted from it, while extracting.

A page that shows `HeartbeatTimeout: 360` in its example request cannot also mean "30 to 300":
when a constraint rejects one of the page's examples, the constraint was misread (a list index
range taken for the value's range, "may contain" taken for "only"), so it is not emitted. The
operation keeps a note, and the caller gets a warning naming both lines.

Examples read: each parameter's example (its table row's line), and the request examples
(JSON bodies, HTTP requests with a JSON body or a query string, query strings), value by value,
at the line of the example that holds the value. Values the page masks (`asg-****`) or leaves
as placeholders (`{project_id}`, `<...>`) say nothing about the constraints and are skipped;
so is a value of another type than its parameter's (the type is the reader's business).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

from . import constraints, model


@dataclass(frozen=True)
class ExampleValue:
    path: str  # the parameter's dotted path (an element of a list: the list's path)
    value: object  # as the example gives it: text from a query, JSON otherwise
    file: str
    line: int


_MASKED = re.compile(r"\*{3,}|^\{[^}]*\}$|^<[^>]*>$")
# `X.member.1`, `X.1`: an element of list X on a flat wire
_LIST_ELEMENT = re.compile(r"\.(?:member\.)?[0-9]+(?=\.|$)")


def example_values(op: model.Operation) -> list[ExampleValue]:
    """Every value the operation's page gives as an example of a request parameter."""
    out: list[ExampleValue] = []
    for path, param in model.walk_parameters(op.parameters):
        if param.example is not None:
            out.append(ExampleValue(path, param.example, param.source.file, param.source.line))
    for example in op.examples:
        if example.kind == "request":
            out.extend(_request_values(example))
    return out


def _request_values(example: model.Example) -> list[ExampleValue]:
    body = example.body
    lines = body.splitlines()
    pairs: list[tuple[str, object]] = []
    if example.format == "json":
        pairs = _json_pairs(body)
    elif example.format == "http":
        head, _, rest = body.partition("\n\n")
        first = head.splitlines()[0] if head.strip() else ""
        pairs = _query_pairs(first.split(" ")[1] if " " in first else "") + _json_pairs(rest)
    elif example.format == "query":
        pairs = _query_pairs("".join(line.strip() for line in lines))
    out: list[ExampleValue] = []
    for path, value in pairs:
        name = path.rpartition(".")[2]
        index = next(
            (i for i, text in enumerate(lines) if f'"{name}"' in text or f"{name}=" in text), 0
        )
        out.append(ExampleValue(path, value, example.source.file, example.source.line + index))
    return out


def _json_pairs(text: str) -> list[tuple[str, object]]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    out: list[tuple[str, object]] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            if path:
                out.append((path, node))
            for item in node:
                walk(item, path)
        elif path:
            out.append((path, node))

    walk(data, "")
    return out


def _query_pairs(url: str) -> list[tuple[str, object]]:
    query = url.partition("?")[2]
    out: list[tuple[str, object]] = []
    for part in query.split("&"):
        key, eq, value = part.partition("=")
        if eq and key and not key.startswith("<"):
            out.append((_LIST_ELEMENT.sub("", unquote(key)), unquote(value)))
    return out


def _typed(param: model.Parameter, value: object) -> object | None:
    if isinstance(value, list):
        return value if param.type == "array" else None
    spec_type = param.items if param.type == "array" and param.items else param.type
    if spec_type in ("array", "object"):
        return None
    return constraints.typed(value, spec_type)


def _where(file: str, line: int, page: str) -> str:
    return f"line {line}" if file == page else f"{file}:{line}"


def check(op: model.Operation) -> list[str]:
    """Drop each constraint that rejects one of the page's examples (human corrections are
    kept); note it on the operation. Returns the warnings, `file:line: warning: ...`."""
    params = dict(model.walk_parameters(op.parameters))
    warnings: list[str] = []
    for example in example_values(op):
        param = params.get(example.path)
        if param is None or (isinstance(example.value, str) and _MASKED.search(example.value)):
            continue
        value = _typed(param, example.value)
        if value is None:
            continue
        for kind, reason in constraints.example_problems(param, value):
            trait = kind.value(param)
            source: model.Source = trait.source if kind.sourced else param.source
            if source.origin == "human":
                continue
            setattr(param, kind.field, None)
            page = op.source.file
            at = _where(example.file, example.line, page)
            words = f"{kind.name} of {example.path} rejects the page's example at {at}: {reason}"
            warnings.append(f"{source.file}:{source.line}: warning: {words}; not emitted")
            op.notes.append(f"line {source.line}: {words}; the {kind.name} is not emitted")
    return warnings
