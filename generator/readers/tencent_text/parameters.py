"""Input Parameters rows -> request parameters, and the common parameters the page lists.

Every parameter of an API 3.0 request travels in the JSON body. The Common Params rows
(Action, Version, Region) are not parameters of the operation: Action and Version state its
identity ("The value used for this API: X"), the others are sent by the protocol.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import model
from ...errors import fail
from .. import Lines
from .document import Document, Row

# The Type cell of an ISO 8601 timestamp (also as the element type of an array).
_DATE_TIME = re.compile(r"\bTimestamp ISO8601$", re.IGNORECASE)
_API_VALUE = re.compile(r"The value used for this API:\s*(\S+?)\.?\s*$")

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


@dataclass
class Request:
    parameters: list[model.Parameter] = field(default_factory=list)
    texts: dict[str, Lines] = field(default_factory=dict)  # parameter -> its prose
    action: tuple[str, int] | None = None  # the Action common param's value, its line
    version: tuple[str, int] | None = None


def is_common(row: Row) -> bool:
    return re.match(r"^Common Param", row.prose.description(), re.IGNORECASE) is not None


def request(doc: Document, rows: list[Row]) -> Request:
    out = Request()
    for row in rows:
        if is_common(row):
            continue
        if any(p.name == row.name for p in out.parameters):
            raise fail(doc.page.path, row.line, f"parameter {row.name!r} is listed twice")
        out.parameters.append(parameter(doc, row))
        out.texts[row.name] = row.prose.lines()
    for row in rows:
        if not is_common(row):
            continue
        value = _API_VALUE.search(row.prose.description().split("\n")[0])
        if row.name == "Action" and value:
            out.action = value.group(1), row.line
        elif row.name == "Version" and value:
            out.version = value.group(1), row.line
        else:
            req = "required" if row.required else "optional"
            doc.notes.append(
                f"line {row.line}: common parameter {row.name} ({req}) is sent by the protocol"
            )
    return out


def parameter(doc: Document, row: Row) -> model.Parameter:
    spec_type, items = spec_type_of(doc, row.doc_type, row.line)
    return model.Parameter(
        name=row.name,
        source=doc.src(row.line),
        type=spec_type,
        location="body",
        required=bool(row.required),
        doc_type=row.doc_type,
        items=items,
        format="date-time" if _DATE_TIME.search(row.doc_type) else None,
        description=row.prose.description(),
    )


def spec_type_of(doc: Document, doc_type: str, line: int) -> tuple[model.SpecType, str | None]:
    """(spec type, element type) of a Type cell: `Array of X`, a scalar, or an object name."""
    array = re.match(r"^Array of (\S+)$", doc_type)
    if array:
        item, _ = spec_type_of(doc, array.group(1), line)
        return "array", item
    scalar = _SCALARS.get(doc_type.lower())
    if scalar:
        return scalar, None
    if re.match(r"^[A-Z][A-Za-z0-9_]*$", doc_type):
        return "object", None
    raise fail(doc.page.path, line, f"unknown parameter type {doc_type!r}")
