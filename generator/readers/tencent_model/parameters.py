"""An object's members -> model.Parameter: scalar types, lists with their element type, nested
objects expanded (a type that contains itself is not expanded again). Every member is in the
JSON body; `required` (request) or `output_required` (response) says whether it must be there."""

from __future__ import annotations

from typing import Any

from ... import model
from ...errors import fail
from .. import Lines
from ..tencent_common import example_text
from .document import Document
from .prose import document_prose

_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "int": "integer",
    "int64": "integer",
    "uint64": "integer",
    "float": "number",
    "double": "number",
    "bool": "boolean",
    "datetime_iso": "string",
    "datetime": "string",
    "date": "string",
    "binary": "string",
}
# Member types that are ISO 8601 timestamps: the parameter's `format`.
_DATE_TIME = ("datetime_iso", "datetime")


def members(
    doc: Document,
    action: dict[str, Any],
    key: str,
    op: str,
    action_line: int,
    usage: str,
    notes: list[str],
    texts: dict[str, Lines],
) -> list[model.Parameter]:
    """The members of the action's `key` ("input" | "output") object; request prose into
    `texts`, keyed by dotted path."""
    object_name = action.get(key)
    if not isinstance(object_name, str) or object_name not in doc.objects:
        raise fail(
            doc.page.path,
            doc.line(("actions", op, key), action_line),
            f"action {op}: its {key} object {object_name!r} is not defined in objects",
        )
    return _fields(doc, object_name, usage, (object_name,), "", notes, texts)


def request(
    doc: Document,
    action: dict[str, Any],
    op: str,
    action_line: int,
    notes: list[str],
    texts: dict[str, Lines],
) -> list[model.Parameter]:
    return members(doc, action, "input", op, action_line, "request", notes, texts)


def _fields(
    doc: Document,
    object_name: str,
    usage: str,
    stack: tuple[str, ...],
    prefix: str,
    notes: list[str],
    texts: dict[str, Lines],
) -> list[model.Parameter]:
    obj = doc.objects[object_name]
    object_line = doc.line(("objects", object_name))
    found = obj.get("members") if isinstance(obj, dict) else None
    if not isinstance(found, list):
        raise fail(doc.page.path, object_line, f"object {object_name}: no members list")
    out: list[model.Parameter] = []
    for index, member in enumerate(found):
        where = ("objects", object_name, "members", index)
        line = doc.line((*where, "name"), object_line)
        if not isinstance(member, dict) or not isinstance(member.get("name"), str):
            raise fail(
                doc.page.path,
                doc.line(where, object_line),
                f"object {object_name}: member {index} has no name",
            )
        name = member["name"]
        path = prefix + name
        if member.get("disabled"):
            notes.append(f"{path}: disabled (deprecated) in the model, left out")
            continue
        spec_type, items, target = _member_type(doc, member, object_name, line)
        required_key = "required" if usage == "request" else "output_required"
        doc_line = doc.line((*where, "document"), line)
        prose = document_prose(str(member.get("document") or ""), doc_line)
        example = member.get("example")
        param = model.Parameter(
            name=name,
            source=doc.src(line),
            type=spec_type,
            location="body",
            required=bool(member.get(required_key)),
            doc_type=(
                f"Array of {member['member']}"
                if spec_type == "array"
                else str(member.get("member"))
            ),
            items=items,
            format="date-time" if member.get("member") in _DATE_TIME else None,
            nullable=True if member.get("value_allowed_null") is True else None,
            description=prose.description(),
            example=None if example in (None, "") else example_text(example),
        )
        if usage == "request":
            texts[path] = prose.lines()
        if target is not None:
            if target in stack:
                notes.append(
                    f"{path}: {target} contains itself; the nested {target} is not expanded"
                )
            else:
                param.fields = _fields(
                    doc, target, usage, (*stack, target), path + ".", notes, texts
                )
        out.append(param)
    return out


def _member_type(
    doc: Document, member: dict[str, Any], object_name: str, line: int
) -> tuple[model.SpecType, str | None, str | None]:
    """(spec type, item type, object to expand) of a member."""
    kind = member.get("type")
    element = member.get("member")
    if not isinstance(element, str):
        raise fail(doc.page.path, line, f"{object_name}.{member['name']}: no member type")
    if kind in ("list", "array"):
        if element in _SCALARS:
            return "array", _SCALARS[element], None
        _known(doc, element, object_name, member, line)
        return "array", "object", element
    if kind == "object":
        _known(doc, element, object_name, member, line)
        return "object", None, element
    if isinstance(kind, str) and kind in _SCALARS:
        if element in doc.objects:
            return "object", None, element
        return _SCALARS[kind], None, None
    raise fail(doc.page.path, line, f"{object_name}.{member['name']}: unknown type {kind!r}")


def _known(
    doc: Document, element: str, object_name: str, member: dict[str, Any], line: int
) -> None:
    if element not in doc.objects:
        raise fail(
            doc.page.path,
            line,
            f"{object_name}.{member['name']}: type {element!r} is not defined in objects",
        )
