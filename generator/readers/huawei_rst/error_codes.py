"""The "Error Codes" section's tables as model.ErrorCodes."""

from __future__ import annotations

from ... import model
from .. import Page
from .http_text import STATUS
from .tables import Table, cell_text, cell_text_at, column, row_line


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
