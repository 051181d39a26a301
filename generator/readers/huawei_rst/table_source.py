"""A table's shape read from the page text itself: where the table, its rows and its columns
stand. docutils gives cell content no reliable line or column; the source does."""

from __future__ import annotations

import re

# any line of a grid table: a `+---+` rule or a `| cell |` line
_GRID_LINE = re.compile(r"^\s*[+|]")
# `=====  ======`: a simple table's top, header and bottom border
_SIMPLE_BORDER = re.compile(r"^\s*=+(?:\s+=+)*\s*$")


def _is_grid_rule(line: str) -> bool:
    """A grid table's `+---+` (or `+===+`) line."""
    return line.lstrip().startswith("+")


def _is_table_border(line: str) -> bool:
    return _is_grid_rule(line) or _SIMPLE_BORDER.match(line) is not None


def table_span(lines: list[str], start: int) -> tuple[int, int]:
    """First and last line of the grid or simple table at or below line `start` (a
    `.. table::` line or the table's own first line)."""
    index = start - 1
    while index < len(lines) and not _is_table_border(lines[index]):
        index += 1
    if index >= len(lines):
        return start, len(lines)
    first = index + 1
    if _is_grid_rule(lines[index]):  # grid: contiguous | and + lines
        while index + 1 < len(lines) and _GRID_LINE.match(lines[index + 1]):
            index += 1
        return first, index + 1
    # simple: ends at a border line followed by a blank line (or the end of the page)
    index += 1
    while index < len(lines):
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if _SIMPLE_BORDER.match(lines[index]) and not after.strip():
            return first, index + 1
        index += 1
    return first, len(lines)


def row_spans(lines: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """The line ranges of a table's rows, header rows first, read from its source: grid rows
    lie between `+---+` lines; a simple table row starts where its first column has text."""
    numbers = range(first, last + 1)
    if _is_grid_rule(lines[first - 1]):
        rules = [n for n in numbers if _is_grid_rule(lines[n - 1])]
        return [(a + 1, b - 1) for a, b in zip(rules, rules[1:], strict=False) if b - a > 1]
    column = re.search(r"=+", lines[first - 1])
    if column is None:
        return []
    borders = {n for n in numbers if _SIMPLE_BORDER.match(lines[n - 1])}
    starts = [
        n
        for n in numbers
        if n not in borders and lines[n - 1][column.start() : column.end()].strip()
    ]
    spans: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else last
        end = min([end, *(b - 1 for b in borders if b > start)])
        spans.append((start, end))
    return spans


def border_above(lines: list[str], line: int) -> str:
    """The nearest table border line at or above `line`."""
    index = line - 1
    while index > 0 and not _is_table_border(lines[index]):
        index -= 1
    return lines[index]


def column_slices(border: str) -> list[tuple[int, int | None]]:
    """Character columns of a table's columns, from a `+---+---+` or `=== ===` border; the
    last column of a simple table runs to the end of the line."""
    if _is_grid_rule(border):
        plus = [i for i, char in enumerate(border) if char == "+"]
        return [(a + 1, b) for a, b in zip(plus, plus[1:], strict=False)]
    runs: list[tuple[int, int | None]] = [m.span() for m in re.finditer(r"=+", border)]
    if runs:
        runs[-1] = (runs[-1][0], None)
    return runs
