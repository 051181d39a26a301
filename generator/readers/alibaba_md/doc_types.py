"""What a table's type cell says: the page's spelling and the JSON type it means."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import model

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
        # RepeatList is the RPC docs' name for a list of strings (Name.1, Name.2, ...)
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
