"""The request parameter table -> Parameters (location query), plus the Action and Version
rows, which are not parameters: the RPC protocol puts them on the wire itself.

RPC flattens structure into dotted names the page does not explain: a `Name.N` row is a list
sent as Name.1, Name.2, ...; `Name.N.Key` a list of objects sent as Name.1.Key; `Name.Key` an
object sent as Name.Key. They become array/object parameters named `Name`, with a note each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
# the elements' value range of a RepeatList: "该参数取值范围：1~100" (not "N的取值范围：1~20")
_VALUE_RANGE = re.compile(r"取值范围\s*[:：]?\s*-?\d+\s*[~～-]\s*-?\d+")
_INDEX_BEFORE = re.compile(r"N\s*的\s*$")
_INTEGER = re.compile(r"^-?\d+$")
# "RemovalPolicy.1": a list position where the name would say ".N"
_POSITION = re.compile(r"^[1-9][0-9]?$")
_POSITIONAL = re.compile(r"\.[1-9][0-9]?(?=\.|$)")


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
    # lists the table describes by position ("RemovalPolicy.1", "RemovalPolicy.2"):
    # dotted path -> (row name, row line) of each position
    positions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


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
    _position_notes(out)
    return out


def _system_value(row: TableRow) -> str:
    if row.example:
        return row.example
    match = _ACTION_IN_TEXT.search(" ".join(text for _, text in row.description))
    return match.group(1) if match else ""


@dataclass(frozen=True)
class _Segment:
    name: str
    is_list: bool = False
    position: int | None = None  # "RemovalPolicy.1": the row describes one position of a list


def _wire_path(name: str, path: str, line: int) -> list[_Segment]:
    """ "Tags.N.Key" -> [Tags (a list), Key]; "RemovalPolicy.1" -> [RemovalPolicy (a list,
    position 1)]."""
    segments: list[_Segment] = []
    for part in name.split("."):
        if part in ("N", "n") and segments:
            segments[-1] = replace(segments[-1], is_list=True)
        elif _POSITION.match(part) and segments:
            segments[-1] = replace(segments[-1], is_list=True, position=int(part))
        elif is_wire_name(part):
            segments.append(_Segment(part))
        else:
            raise fail(path, line, f"parameter name {name!r} is not a wire name")
    return segments


def _add_request_parameter(out: RequestTable, row: TableRow, path: str) -> None:
    segments = _wire_path(row.name, path, row.line)
    siblings = out.parameters
    dotted: list[str] = []
    for depth, segment in enumerate(segments):
        dotted.append(segment.name)
        existing = next((p for p in siblings if p.name == segment.name), None)
        if depth < len(segments) - 1:
            if existing is None:
                # A container only named through its members' rows ("Tags" of "Tags.N.Key").
                existing = model.Parameter(
                    name=segment.name,
                    source=model.Source(path, row.line, "inferred"),
                    location="query",
                )
                siblings.append(existing)
            existing.type = "array" if segment.is_list else "object"
            existing.items = "object" if segment.is_list else None
            siblings = existing.fields
            continue
        key = ".".join(dotted)
        if existing is not None and key in out.positions:
            # "RemovalPolicy.2" after "RemovalPolicy.1": one more position of the same list
            _add_position(out, existing, row, key, path)
            break
        param = existing or model.Parameter(
            name=segment.name, source=model.Source(path, row.name_line), location="query"
        )
        if existing is None:
            siblings.append(param)
        _fill_parameter(out, param, row, key, segment.is_list, path)
    if any(segment.position is not None for segment in segments):
        out.positions.setdefault(".".join(dotted), []).append((row.name, row.line))
    elif "." in row.name:
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


def _add_position(
    out: RequestTable, param: model.Parameter, row: TableRow, dotted: str, path: str
) -> None:
    """A further row of a list described position by position: its prose joins the list's
    (a paragraph of its own), and the list is required when any position is."""
    param.required = param.required or is_required(row, path)
    lines = row.description
    if not lines:
        return
    before = out.text.get(dotted, [])
    joined: Lines = [*before, (lines[0][0] - 1, ""), *lines] if before else list(lines)
    out.text[dotted] = joined
    param.description = text_of(joined)


def _position_notes(out: RequestTable) -> None:
    """How each list named by its positions ("RemovalPolicy.1") was read: as the list
    `Name.N`. A single position is a guess unless the row's prose names `Name.N` itself."""
    for dotted, rows in out.positions.items():
        named = ", ".join(f"{name!r} (line {line})" for name, line in rows)
        list_name = _POSITIONAL.sub(".N", rows[0][0])
        first = _POSITIONAL.sub(".1", rows[0][0])
        second = _POSITIONAL.sub(".2", rows[0][0])
        prose = " ".join(text for _, text in out.text.get(dotted, []))
        if len(rows) > 1:
            why = "the rows are positions of one list"
        elif list_name in prose:
            why = f"its description names {list_name}"
        else:
            why = f"a guess: only this position is described, and its description does not name {list_name}"
        out.notes.append(
            f"warning: request parameter {dotted}: the table names {named}; read as the list "
            f"{list_name} ({why}), sent as {first}, {second}, ..."
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
            or _stated_element_type(out, row, dotted, typed.spelled)
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


def _stated_element_type(
    out: RequestTable, row: TableRow, dotted: str, spelled: str | None
) -> model.SpecType | None:
    """A "RepeatList" says nothing of its elements; "该参数取值范围：1~100" with an integer
    example says they are integers (LoadBalancerWeight.N). The index range "N的取值范围" does
    not count."""
    if (spelled or "").lower() != "repeatlist" or not _INTEGER.match(row.example):
        return None
    prose = " ".join(text for _, text in row.description)
    stated = next(
        (m for m in _VALUE_RANGE.finditer(prose) if not _INDEX_BEFORE.search(prose[: m.start()])),
        None,
    )
    if stated is None:
        return None
    out.notes.append(
        f"request parameter {dotted} (line {row.line}): {spelled} of integers, as its value range "
        f"{stated.group(0)!r} and its example {row.example!r} say"
    )
    return "integer"


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


def add_example_only_parameters(
    out: RequestTable, pairs: list[tuple[str, str, int]], path: str
) -> None:
    """A parameter the request example sends and the table does not list is recorded, typed
    as the string the example shows (origin inferred, cited at the example's line). A name
    that differs from a table row's only in case is that row (the table spells the wire name)."""
    known = {name.lower() for name in _SYSTEM_PARAMETERS}
    for param in out.parameters:
        known.add(param.name.lower())
    for name, value, line in pairs:
        top = _POSITIONAL.sub("", name).split(".")[0]
        if top.lower() in known or not is_wire_name(top) or "." in _POSITIONAL.sub("", name):
            continue
        known.add(top.lower())
        out.parameters.append(
            model.Parameter(
                name=top,
                source=model.Source(path, line, "inferred", quote=f"{name}={value}"),
                location="query",
                example=value or None,
            )
        )
        out.notes.append(
            f"warning: request parameter {top}: only the request example sends it (line {line}); "
            "recorded as an optional string, the table does not list it"
        )
