"""The request parameter table -> Parameters (location query), plus the Action and Version
rows, which are not parameters: the RPC protocol puts them on the wire itself.

RPC flattens structure into dotted names the page does not explain: a `Name.N` row is a list
sent as Name.1, Name.2, ...; `Name.N.Key` a list of objects sent as Name.1.Key; `Name.Key` an
object sent as Name.Key. They become array/object parameters named `Name`, with a note each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import model
from ...errors import fail
from .. import Lines
from .columns import TableRow, is_required, parameter_rows
from .doc_types import doc_type
from .document import Table
from .plain_text import text_of
from .wire_names import is_wire_name

_SYSTEM_PARAMETERS = {"Action", "Version"}
# "取值：CreateLifecycleHook" in the description when the example cell is empty
_ACTION_IN_TEXT = re.compile(r"取值(?:为)?\s*[：:]\s*([A-Za-z][A-Za-z0-9]*)")
_DATE_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LIST_INDEX = re.compile(r"\.[Nn](?=\.|$)")


@dataclass
class SystemValue:
    value: str
    line: int


@dataclass
class RequestTable:
    parameters: list[model.Parameter] = field(default_factory=list)
    text: dict[str, Lines] = field(default_factory=dict)  # ReadResult.parameter_text
    action: SystemValue | None = None
    version: SystemValue | None = None
    notes: list[str] = field(default_factory=list)


def read_request_table(table: Table, path: str) -> RequestTable:
    out = RequestTable()
    seen: dict[str, int] = {}
    for row in parameter_rows(table, path, "request parameter"):
        if not row.name:
            raise fail(path, row.line, "request parameter row has no name")
        if row.name in _SYSTEM_PARAMETERS:
            value = SystemValue(_system_value(row), row.line)
            if row.name == "Action":
                out.action = value
            elif _DATE_VERSION.match(value.value):
                out.version = value
            continue
        if row.name in seen:
            raise fail(
                path,
                row.line,
                f"parameter {row.name} is listed twice (first at line {seen[row.name]})",
            )
        seen[row.name] = row.line
        _add_request_parameter(out, row, path)
    for param in out.parameters:
        _settle_container(param)
    return out


def _system_value(row: TableRow) -> str:
    if row.example:
        return row.example
    match = _ACTION_IN_TEXT.search(" ".join(text for _, text in row.description))
    return match.group(1) if match else ""


def _wire_path(name: str, path: str, line: int) -> list[tuple[str, bool]]:
    """ "Tags.N.Key" -> [("Tags", True), ("Key", False)]: each name with whether it is a list."""
    segments: list[tuple[str, bool]] = []
    for part in name.split("."):
        if part in ("N", "n") and segments:
            segments[-1] = (segments[-1][0], True)
        elif is_wire_name(part):
            segments.append((part, False))
        else:
            raise fail(path, line, f"parameter name {name!r} is not a wire name")
    return segments


def _add_request_parameter(out: RequestTable, row: TableRow, path: str) -> None:
    segments = _wire_path(row.name, path, row.line)
    siblings = out.parameters
    dotted: list[str] = []
    for depth, (name, is_list) in enumerate(segments):
        dotted.append(name)
        existing = next((p for p in siblings if p.name == name), None)
        if depth < len(segments) - 1:
            if existing is None:
                # A container only named through its members' rows ("Tags" of "Tags.N.Key").
                existing = model.Parameter(
                    name=name,
                    source=model.Source(path, row.line, "inferred"),
                    location="query",
                )
                siblings.append(existing)
            existing.type = "array" if is_list else "object"
            existing.items = "object" if is_list else None
            siblings = existing.fields
            continue
        param = existing or model.Parameter(
            name=name, source=model.Source(path, row.name_line), location="query"
        )
        if existing is None:
            siblings.append(param)
        _fill_parameter(out, param, row, ".".join(dotted), is_list, path)
    if "." in row.name:
        first = _LIST_INDEX.sub(".1", row.name)
        second = _LIST_INDEX.sub(".2", row.name)
        how = (
            f"sent as {first}, {second}, ..."
            if first != row.name
            else f"sent flattened as {row.name}"
        )
        out.notes.append(
            f"request parameter {'.'.join(dotted)}: the table names it {row.name!r} (line {row.line}); {how}"
        )


def _fill_parameter(
    out: RequestTable,
    param: model.Parameter,
    row: TableRow,
    dotted: str,
    is_list: bool,
    path: str,
) -> None:
    """What the row says about the parameter at the end of its wire path (`dotted`)."""
    typed = doc_type(row.type)
    param.source = model.Source(path, row.name_line)
    param.required = is_required(row, path)
    param.doc_type = typed.spelled
    param.example = row.example or None
    lines = row.description
    param.description = text_of(lines)
    if lines:
        out.text[dotted] = lines
    if is_list:
        # "Name.N": the type cell gives the element type (or says RepeatList/Array itself)
        param.type = "array"
        param.items = (
            param.items
            or typed.items
            or (typed.type if typed.type not in (None, "array") else "string")
        )
    elif typed.type is not None:
        param.type = typed.type
        param.items = typed.items
        if typed.type == "array" and typed.items is None:
            out.notes.append(
                f"request parameter {dotted} (line {row.line}): "
                f"{typed.spelled} of what the page does not say"
            )
    elif not param.fields:
        param.type = "string"
        what = (
            f"type {typed.spelled!r} is not one this reader knows"
            if typed.spelled
            else "no type given"
        )
        out.notes.append(f"request parameter {dotted} (line {row.line}): {what}; kept as string")


def _settle_container(param: model.Parameter) -> None:
    """A parameter with members is an object, or an array of objects."""
    for member in param.fields:
        _settle_container(member)
    if param.fields:
        if param.type == "array":
            param.items = "object"
        else:
            param.type = "object"
            param.items = None
