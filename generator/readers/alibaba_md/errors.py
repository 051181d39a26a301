"""The 错误码 table -> ErrorCodes (HttpCode, 错误码, 错误信息, 描述)."""

from __future__ import annotations

from ... import model
from ...errors import fail
from .columns import table_columns
from .document import Table


def read_error_table(table: Table, path: str) -> list[model.ErrorCode]:
    columns = table_columns(table, path, "error", ("code",))
    out: list[model.ErrorCode] = []
    for row in table.rows:
        code_cell = columns.cell(row, "code")
        code = code_cell.text
        if not code:
            raise fail(path, row.line, "error table row has no error code")
        status_text = columns.cell(row, "status").text
        status: int | None = None
        if status_text:
            if not status_text.isdigit():
                raise fail(
                    path, row.line, f"error {code}: HttpCode {status_text!r} is not a number"
                )
            status = int(status_text)
        out.append(
            model.ErrorCode(
                code=code,
                source=model.Source(path, code_cell.line or row.line),
                status=status,
                message=columns.cell(row, "message").text or None,
                meaning=columns.cell(row, "description").text or None,
            )
        )
    return out
