"""Parameter tables (a Parameter and a Type column, maybe Mandatory and Description) read
into rows, one Parameter each, before object fields are attached to their parents."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from docutils import nodes

from ... import model
from ...errors import fail
from .. import Lines, Page
from .doc_types import spec_type
from .plain_text import block_lines, block_text, plain_blocks
from .tables import Table, cell_line, cell_text, column, row_line

# "Table 3 lifecycle_hooks field description": x is one word, a parameter name
_FIELD_TABLE_TITLE = re.compile(r"^(?:table\s+\S+\s+)?(\S+)\s+fields?\s+descriptions?$", re.I)
# A name cell holding more than this is two rows run together (a lost row border).
_PARAMETER_NAME = re.compile(r"^[A-Za-z0-9_$@][\w.$@\[\]-]*$")


@dataclass
class ParameterRow:
    """A parameter table row, before its object fields are attached."""

    param: model.Parameter
    lines: Lines  # its description's prose
    refs: list[str]  # targets that its Type and Description cells point at
    children: list[ParameterRow] = field(default_factory=list)


@dataclass
class ParameterTable:
    table: Table
    rows: list[ParameterRow]
    describes: str | None  # x in "**x** field description"
    used: bool = False  # its rows went into the parameters


def parameter_tables(
    page: Page,
    tables: list[Table],
    location: model.Location,
    notes: list[str],
    uri_names: Collection[str] = (),
) -> list[ParameterTable]:
    """The parameter tables among `tables`, their rows at `location` (a table whose title
    says "header" lists headers); any other table is noted and skipped. `uri_names` are the
    URI's placeholders: a name cell that is one of them but for spaces is read as the URI
    spells it."""
    out: list[ParameterTable] = []
    for table in tables:
        table_location = "header" if "header" in table.title.lower() else location
        rows = _parameter_rows(page, table, table_location, uri_names, notes)
        if rows is None:
            notes.append(
                f"line {table.line}: table {table.title!r} has no Parameter and Type"
                " columns, not read"
            )
            continue
        match = _FIELD_TABLE_TITLE.match(table.title)
        out.append(ParameterTable(table, rows, match.group(1) if match else None))
    return out


def _parameter_rows(
    page: Page,
    table: Table,
    location: model.Location,
    uri_names: Collection[str],
    notes: list[str],
) -> list[ParameterRow] | None:
    """The rows of a parameter table, None for another kind of table. A row with an empty
    cell fails: it is a row with missing cells."""
    name_col = column(table.header, "parameter", "name", "field")
    type_col = column(table.header, "type", "data type", "parameter type")
    if name_col is None or type_col is None:
        return None
    required_col = column(table.header, "mandatory", "required")
    description_col = column(table.header, "description", "remark")
    rows: list[ParameterRow] = []
    for slots in table.rows:
        line = row_line(page, slots)
        name = cell_text(slots[name_col])
        if not name:
            raise fail(page.path, line, f"table {table.title!r}: row without a parameter name")
        if not _PARAMETER_NAME.match(name) and "".join(name.split()) in uri_names:
            # an escaped underscore followed by a space (`scaling\_ configuration \_id`)
            # renders with spaces; the URI line spells the name
            notes.append(
                f"line {line}: parameter name {name!r} read as {''.join(name.split())},"
                " as the URI spells it (a guess: the page renders it with spaces)"
            )
            name = "".join(name.split())
        if not _PARAMETER_NAME.match(name):
            raise fail(
                page.path,
                line,
                f"table {table.title!r}: {name!r} is not a parameter name (rows run together?)",
            )
        for index, title in enumerate(table.header):
            if not cell_text(slots[index]):
                raise fail(
                    page.path,
                    line,
                    f"table {table.title!r}: row {name!r} has an empty {title!r} cell"
                    " (missing cells?)",
                )
        doc_type = cell_text(slots[type_col])
        types = spec_type(doc_type)
        if types is None:
            raise fail(page.path, line, f"parameter {name}: unknown type {doc_type!r}")
        required = False
        if required_col is not None:
            required = _required(page, cell_text(slots[required_col]), line, name)
        description_entry = slots[description_col] if description_col is not None else None
        blocks = plain_blocks(page, description_entry.children) if description_entry else []
        name_line = cell_line(page, slots[name_col])
        param = model.Parameter(
            name=name,
            source=model.Source(page.path, name_line if name_line is not None else line),
            type=types[0],
            location=location,
            required=required,
            doc_type=doc_type,
            items=types[1],
            description=block_text(blocks),
        )
        refs = _refs(slots[type_col]) + _refs(description_entry)
        rows.append(ParameterRow(param, block_lines(blocks), refs))
    return rows


def _required(page: Page, text: str, line: int, name: str) -> bool:
    value = text.strip().lower()
    if value.startswith(("yes", "true", "mandatory", "required")) or value in ("m", "y"):
        return True
    if value.startswith(("no", "false", "optional")) or value in ("o", "n"):
        return False
    raise fail(page.path, line, f"parameter {name}: cannot read Mandatory value {text!r}")


def _refs(entry: nodes.entry | None) -> list[str]:
    """The normalised targets of the :ref: links in a cell."""
    if entry is None:
        return []
    return [
        nodes.fully_normalize_name(str(ref["reftarget"]))
        for ref in entry.findall(nodes.reference)
        if ref.get("reftarget")
    ]
