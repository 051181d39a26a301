"""Error codes and HTTP statuses: the "Error Codes" section's tables as model.ErrorCodes, and
the "Returned Values" section: the success status ("Normal: 200") and the statuses of the
abnormal table (status, reason phrase, meaning)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes

from ... import model
from ...errors import fail
from .. import Page
from .http_text import STATUS
from .line_numbers import paragraph_line
from .plain_text import one_line
from .tables import Table, cell_text, cell_text_at, column, read_table, row_line

# "Normal", "Abnormal", "Normal: 204": a mode, and maybe its status on the same line
_STATUS_MODE = re.compile(r"^(normal|abnormal)\b\s*:?\s*(.*)$", re.I)


def returned_values(
    page: Page, sections: list[nodes.section], notes: list[str]
) -> tuple[tuple[int, int] | None, list[model.Status]]:
    """(success status, its line) from "Normal", and the statuses of the tables. Without a
    Normal entry, the first 2xx row of a status table is the success status."""
    success: tuple[int, int] | None = None
    statuses: list[model.Status] = []
    for section in sections:
        mode = ""
        for node in _paragraphs_and_tables(section):
            if isinstance(node, nodes.paragraph):
                text = one_line(node)
                head = _STATUS_MODE.match(text)
                if head:  # "Normal" / "Abnormal", the status may follow on the same line
                    mode, text = head[1].lower(), head[2]
                    if not text:
                        continue
                line = paragraph_line(page, node)
                if mode == "normal":
                    match = STATUS.match(text)
                    if not match:
                        raise fail(page.path, line, f"cannot read a status code in {text!r}")
                    if success is None:
                        success = (int(match[1]), line)
                else:
                    notes.append(f"line {line}: returned-values text not read: {text}")
                continue
            if isinstance(node, nodes.table):
                statuses.extend(_status_rows(page, read_table(page, node)))
    if success is None:
        for status in statuses:
            if 200 <= status.status < 300:
                success = (status.status, status.source.line)
                statuses.remove(status)
                break
    return success, statuses


def _paragraphs_and_tables(node: nodes.Element) -> Iterator[nodes.Element]:
    """Paragraphs and tables under a node in document order, not descending into tables
    (the bullets of "- Normal" / "- Abnormal" lists included)."""
    for child in node.children:
        if isinstance(child, (nodes.paragraph, nodes.table)):
            yield child
        elif isinstance(child, nodes.Element) and not isinstance(child, nodes.title):
            yield from _paragraphs_and_tables(child)


def _status_rows(page: Page, table: Table) -> list[model.Status]:
    value_col = column(table.header, "returned value", "return value", "status", "code") or 0
    meaning_col = column(table.header, "description", "meaning")
    out: list[model.Status] = []
    for slots in table.rows:
        line = row_line(page, slots)
        text = cell_text(slots[value_col])
        match = STATUS.match(text)
        if not match:
            raise fail(page.path, line, f"cannot read a status code in {text!r}")
        meaning = cell_text_at(slots, meaning_col)
        out.append(
            model.Status(
                int(match[1]),
                model.Source(page.path, line),
                match[2].strip() or None,
                meaning or None,
            )
        )
    return out


def error_codes(page: Page, tables: list[Table], notes: list[str]) -> list[model.ErrorCode]:
    out: list[model.ErrorCode] = []
    for table in tables:
        code_col = column(table.header, "error code")
        if code_col is None:
            notes.append(
                f"line {table.line}: table {table.title!r} has no Error Code column, not read"
            )
            continue
        status_col = column(table.header, "status code", "http status")
        message_col = column(table.header, "error message", "message")
        meaning_col = column(table.header, "description", "solution")
        for slots in table.rows:
            status = STATUS.match(cell_text_at(slots, status_col))
            out.append(
                model.ErrorCode(
                    code=cell_text(slots[code_col]),
                    source=model.Source(page.path, row_line(page, slots)),
                    status=int(status[1]) if status else None,
                    message=cell_text_at(slots, message_col) or None,
                    meaning=cell_text_at(slots, meaning_col) or None,
                )
            )
    return out
