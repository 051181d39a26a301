"""JSON types for the pages' spelling of a parameter's type ("String", "Integer",
"Array of lifecycle_hooks objects", "List<String>", "Map<String,String>")."""

from __future__ import annotations

import re

from ... import model

_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "str": "string",
    "char": "string",
    "integer": "integer",
    "int": "integer",
    "int32": "integer",
    "int64": "integer",
    "long": "integer",
    "short": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "boolean": "boolean",
    "bool": "boolean",
}
_OBJECTS = ("object", "map", "dict", "json")


def spec_type(doc_type: str) -> tuple[model.SpecType, str | None] | None:
    """JSON type and array item type for the page's spelling; None when it is unknown."""
    text = " ".join(doc_type.lower().replace("**", "").split())
    array = (
        re.fullmatch(r"(?:array|list)\s+of\s+(.+)", text)
        or re.fullmatch(r"(?:array|list)\s*<\s*(.+?)\s*>", text)
        or re.fullmatch(r"(.+?)\s*\[\s*\]", text)
    )
    if array:
        return "array", _element_type(array.group(1))
    if text in _SCALARS:
        return _SCALARS[text], None
    if text.split(" ")[-1] in _OBJECTS or text.startswith("map") or text.startswith("dict"):
        return "object", None
    return None


def _element_type(inner: str) -> str:
    """An array's item type: "strings" and "string" alike; any named structure is an object."""
    words = inner.split(" ")
    last = words[-1]
    if last in ("object", "objects") or inner.startswith(("map", "dict")):
        return "object"
    singular = last[:-1] if last.endswith("s") and last[:-1] in _SCALARS else last
    if len(words) == 1 and singular in _SCALARS:
        return _SCALARS[singular]
    # "Array of Tag": a named structure
    return "object"
