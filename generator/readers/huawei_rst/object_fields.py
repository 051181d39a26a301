"""Object parameters get their fields: the rows of the table that describes them, linked by
a :ref: in the parameter's Type or Description cell, or by a "**x** field description"
title naming the parameter x."""

from __future__ import annotations

from dataclasses import replace

from ... import model
from .. import Lines
from .parameter_tables import ParameterRow, ParameterTable

# Tables may point at each other in a loop; no real page nests objects this deep.
_MAX_DEPTH = 8


def attach_fields(tables: list[ParameterTable], notes: list[str]) -> list[ParameterRow]:
    """Top-level rows with their object fields attached: a row whose Type or Description
    points (:ref:) at a table gets that table's rows; a "**x** field description" table that
    nobody points at goes to the object parameter named x."""
    by_label: dict[str, ParameterTable] = {}
    for table in tables:
        for label in table.table.labels:
            by_label.setdefault(label, table)
    nested_ids = {
        id(by_label[ref])
        for table in tables
        for row in table.rows
        if _holds_fields(row.param)
        for ref in row.refs
        if ref in by_label and by_label[ref] is not table
    }
    nested_ids |= {id(t) for t in tables if t.describes is not None}
    top: list[ParameterRow] = []
    for table in tables:
        if id(table) not in nested_ids:
            table.used = True
            top.extend(table.rows)

    def fill(row: ParameterRow, source: ParameterTable, depth: int) -> None:
        source.used = True
        # copies: one table may describe the fields of several parameters
        row.children = [replace(r, children=[]) for r in source.rows]
        for child in row.children:
            attach(child, depth + 1)

    def attach(row: ParameterRow, depth: int) -> None:
        if depth > _MAX_DEPTH:
            notes.append(
                f"line {row.param.source.line}: fields of {row.param.name} nest too deep;"
                " not followed further"
            )
            return
        if _holds_fields(row.param):
            for ref in row.refs:
                target = by_label.get(ref)
                if target is not None and id(target) in nested_ids:
                    fill(row, target, depth)
                    return

    for row in top:
        attach(row, 0)
    # Tables linked by their title only; one may describe a field another one brought in.
    progress = True
    while progress:
        progress = False
        for table in tables:
            if table.used or table.describes is None:
                continue
            owner = _field_less_row(top, table.describes)
            if owner is not None:
                fill(owner, table, 0)
                progress = True
    for table in tables:
        if not table.used:
            notes.append(
                f"line {table.table.line}: table {table.table.title!r} describes fields of "
                f"{table.describes or 'an object'} that no parameter on this page links to"
            )
    return top


def to_parameters(rows: list[ParameterRow], text: dict[str, Lines]) -> list[model.Parameter]:
    """Parameters from top-level rows, recording each one's prose under its dotted path. A
    top-level row keeps its own location (a header table's rows are headers); fields take
    their parent's."""
    return [_parameter(row, row.param.location, row.param.name, text) for row in rows]


def _parameter(
    row: ParameterRow, location: model.Location, path: str, text: dict[str, Lines]
) -> model.Parameter:
    # a fresh copy: one table may describe several parameters' fields
    text[path] = row.lines
    param = replace(row.param, location=location, fields=[])
    param.fields = [
        _parameter(child, location, f"{path}.{child.param.name}", text) for child in row.children
    ]
    return param


def _holds_fields(param: model.Parameter) -> bool:
    return param.type == "object" or (param.type == "array" and param.items == "object")


def _field_less_row(rows: list[ParameterRow], name: str) -> ParameterRow | None:
    """The first object parameter called `name`, at any depth, whose fields are unknown."""
    for row in rows:
        if row.param.name == name and _holds_fields(row.param) and not row.children:
            return row
        found = _field_less_row(row.children, name)
        if found is not None:
            return found
    return None
