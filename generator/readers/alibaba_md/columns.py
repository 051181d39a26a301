"""Reading a table through its columns, whatever the page calls them (名称 / 参数名 / Name,
是否必选 / 必填, ...) and wherever they sit."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import fail
from .. import Lines
from .document import Cell, Row, Table

# column -> the header names that mean it (lower-cased); the first is the one error
# messages name
_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("名称", "参数名", "参数名称", "参数", "name"),
    "type": ("类型", "type"),
    "required": ("是否必选", "是否必需", "是否必填", "必选", "必填", "required"),
    "example": ("示例值", "示例", "example"),
    "description": ("描述", "说明", "description"),
    "status": ("httpcode", "http code", "http状态码", "状态码"),
    "code": ("错误码", "errorcode", "error code", "code"),
    "message": ("错误信息", "错误消息", "errormessage", "error message", "message"),
}
_YES = {"是", "必选", "必填", "yes", "true", "y", "required"}
_NO = {"否", "可选", "no", "false", "n", "optional", ""}


@dataclass(frozen=True)
class Columns:
    """Where each known column sits in one table."""

    index: dict[str, int]

    def __contains__(self, column: str) -> bool:
        return column in self.index

    def cell(self, row: Row, column: str) -> Cell:
        """The row's cell in `column`; an empty cell when the table has no such column."""
        return row.cells[self.index[column]] if column in self.index else Cell([])


def table_columns(table: Table, path: str, what: str, needed: tuple[str, ...]) -> Columns:
    """The table's columns; `needed` ones missing fail, naming the table as `what`."""
    found: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        key = heading.strip().lower()
        for column, names in _COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
                break
    for column in needed:
        if column not in found:
            raise fail(
                path,
                table.line,
                f"{what} table has no {_COLUMNS[column][0]} column "
                f"(header: {' | '.join(table.header)})",
            )
    return Columns(found)


@dataclass
class TableRow:
    """A parameter or field row read through its table's columns."""

    line: int
    name: str
    name_line: int
    type: str
    required: str
    example: str
    description: Lines


def parameter_rows(table: Table, path: str, what: str) -> list[TableRow]:
    """The rows of a request or response table; it must have a name and a type column."""
    columns = table_columns(table, path, what, ("name", "type"))
    out: list[TableRow] = []
    for row in table.rows:
        name_cell = columns.cell(row, "name")
        out.append(
            TableRow(
                line=row.line,
                name=name_cell.text,
                name_line=name_cell.line or row.line,
                type=columns.cell(row, "type").text,
                required=columns.cell(row, "required").text,
                example=columns.cell(row, "example").text,
                description=columns.cell(row, "description").prose,
            )
        )
    return out


def is_required(row: TableRow, path: str) -> bool:
    """The required column as a flag; a word that is neither yes nor no fails."""
    word = row.required.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise fail(
        path, row.line, f"parameter {row.name}: required column says {row.required!r}, not 是 or 否"
    )
