"""The members of object parameters (and arrays of objects), inferred from the examples' JSON:
the page has no field table for them. Each inferred field cites its example line."""

from __future__ import annotations

from typing import Any

from ... import model
from ..tencent_common import JsonPath, JsonPositions, example_text, json_type
from .document import Document
from .examples import Sample


def infer(
    doc: Document, params: list[model.Parameter], samples: list[Sample], response: bool
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
                    doc.notes.append(
                        f"line {line}: example key {key!r} is not in the {what} Parameters table"
                    )
                continue
            _merge(doc, param, item, (*root, key), positions)


def _merge(
    doc: Document, param: model.Parameter, value: Any, path: JsonPath, positions: JsonPositions
) -> None:
    """Add the members `value` shows to an object (or array of objects) parameter."""
    if param.type == "object" and isinstance(value, dict):
        _merge_fields(doc, param, value, path, positions)
    elif param.type == "array" and isinstance(value, list):
        for index, element in enumerate(value):
            kind = json_type(element)
            if param.items is None and kind is not None:
                param.items = kind
            if isinstance(element, dict) and param.items == "object":
                _merge_fields(doc, param, element, (*path, index), positions)


def _merge_fields(
    doc: Document,
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
                doc.notes.append(
                    f"line {line}: {param.name}.{key} is null in the example; its type is unknown"
                )
                continue
            existing = model.Parameter(
                name=key,
                source=doc.src(line, "inferred", doc.lines[line - 1].strip()),
                type=kind,
                location="body",
                example=None if kind in ("object", "array") else example_text(item),
            )
            param.fields.append(existing)
        elif kind is not None and kind != existing.type:
            doc.notes.append(
                f"line {line}: {param.name}.{key} is {kind} here but {existing.type} at "
                f"line {existing.source.line}; kept {existing.type}"
            )
            continue
        _merge(doc, existing, item, (*path, key), positions)


def unexpanded(doc: Document, params: list[model.Parameter]) -> None:
    """Note each object parameter whose fields neither a table nor an example shows."""
    for param in params:
        if (param.type == "object" or param.items == "object") and not param.fields:
            doc.notes.append(
                f"line {param.source.line}: {param.name} ({param.doc_type}) has no field table "
                "and no example shows its fields"
            )
