"""The answer a mock gives an operation outside its state model.

The engine models lifecycle hooks and their actions; every other operation of a whole service
is checked with the generated validators and answered with a body its response schema
accepts: the page's example response where it gives one (JSON, the protocol's envelope
unwrapped) that the schema accepts, else the smallest body the schema accepts, built here from
the response fields (required members only; an enum's first value, a stated default or
example, the lower bounds of lengths, ranges and item counts).

Members that carry the request id are left out: each protocol's wire module adds its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import jsonschema

from .. import model
from . import schema as js

# The largest string or list a minimal body builds from a stated lower bound; a page asking
# for more is answered with its bound all the same, so this only guards against a typo.
_MAX_BUILT = 4096


def example_answer(
    op: model.Operation, request_ids: set[str], cite: Callable[[model.Source], str]
) -> tuple[dict[str, object], str]:
    """(the answer's members, where they come from) for `op`; `request_ids` are the names of
    the members that carry the request id, `cite` formats a source."""
    fields = [p for p in op.response if p.name not in request_ids]
    schema = js.object_schema(fields, op.rules)
    validator = jsonschema.Draft202012Validator(schema)
    for example in op.examples:
        if example.kind != "response" or example.format != "json":
            continue
        try:
            document = json.loads(example.body)
        except ValueError:
            continue
        for candidate in _unwrapped(document):
            members = {k: v for k, v in candidate.items() if k not in request_ids}
            if validator.is_valid(members):
                return members, f"the page's example response at {cite(example.source)}"
    built = _minimal_object(schema)
    how = "the smallest body its response schema accepts"
    if not validator.is_valid(built):
        how += " (as near as a pattern allows: no example value fits it)"
    return built, f"{op.name} is outside the mock's state model: {how}"


def _unwrapped(document: object) -> list[dict[str, Any]]:
    """The document and the objects inside single-member wrappers (`{"Response": {..}}`),
    outermost first: one of them is the answer's members, whatever the envelope."""
    out: list[dict[str, Any]] = []
    while isinstance(document, dict):
        out.append(document)
        if len(document) > 2:
            break
        inner = [v for v in document.values() if isinstance(v, dict)]
        if len(inner) != 1:
            break
        document = inner[0]
    return out


def _minimal_object(schema: dict[str, Any]) -> dict[str, object]:
    props: dict[str, Any] = schema.get("properties", {})
    return {name: _minimal(props[name]) for name in schema.get("required", []) if name in props}


def minimal_value(schema: dict[str, Any]) -> object:
    """The smallest value `schema` accepts, as near as its keywords say (see the module)."""
    return _minimal(schema)


def _minimal(schema: dict[str, Any]) -> object:
    for choice in ("anyOf", "oneOf", "allOf"):
        options = schema.get(choice)
        if options:
            # the first alternative, with what the schema says besides (its type, members)
            rest = {k: v for k, v in schema.items() if k != choice}
            picked = options if choice == "allOf" else options[:1]
            for option in picked:
                required = [*rest.get("required", [])]
                required += [r for r in option.get("required", []) if r not in required]
                rest = {**rest, **option}
                if required:
                    rest["required"] = required
            return _minimal(rest)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        return _minimal_object(schema)
    if kind == "array":
        count = min(int(schema.get("minItems", 0)), _MAX_BUILT)
        item = schema.get("items", {})
        return [_minimal(item) for _ in range(count)]
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        value = low + 1 if "exclusiveMinimum" in schema and "minimum" not in schema else low
        high = schema.get("maximum")
        value = min(value, high) if high is not None and value > high else value
        return int(value) if kind == "integer" else value
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and isinstance(examples[0], str):
        return examples[0]
    return "x" * min(int(schema.get("minLength", 0)), _MAX_BUILT)
