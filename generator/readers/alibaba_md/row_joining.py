"""The pre-pass: every pipe-table row onto one line, before markdown-it-py sees the page.

The pages put a cell's paragraphs on lines of their own, which GFM tables do not allow. The
pre-pass joins each row (from the line starting with '|' to the line that closes its last
cell) and puts a line marker before each joined continuation line, so every cell line still
cites the line it came from. It also checks each row's cell count against the header's: a
short or long row (an unescaped '|' in the text) is read as GFM renders it, missing cells
empty and extra ones left out, with a warning that says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...errors import fail
from .line_markers import has_marker_characters, mark

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}([ \t]|$)")


@dataclass
class JoinedText:
    """The page with each table row on one line; `line_of[i]` is the 1-based page line of
    joined line i (a joined row maps to its first line; the markers inside it carry the
    others)."""

    lines: list[str] = field(default_factory=list)
    line_of: list[int] = field(default_factory=list)
    # page lines that start with '|' but are not part of a table
    stray_pipe_lines: list[int] = field(default_factory=list)
    # rows read as the renderer shows them, not as they seem meant (Operation.notes)
    warnings: list[str] = field(default_factory=list)

    def add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.line_of.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _unescaped_pipes(text: str) -> int:
    """Cell separators as markdown-it counts them: a '|' right after a backslash is text."""
    return sum(1 for i, ch in enumerate(text) if ch == "|" and (i == 0 or text[i - 1] != "\\"))


def _starts_row(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith("|") and len(line) - len(stripped) <= 3


def _closes_row(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not stripped.endswith("\\|")


@dataclass(frozen=True)
class _GatheredRow:
    text: str  # the row on one line, markers before each continuation line
    last: int  # 0-based index of the line that closed it
    cells: int


@dataclass(frozen=True)
class _UnclosedRow:
    stop: int  # 0-based index where gathering stopped (a heading, or len(lines) at the end)


def _gather_row(lines: Sequence[str], start: int) -> _GatheredRow | _UnclosedRow:
    """A row runs from a line starting with '|' to the line that closes its last cell."""
    text = lines[start]
    index = start
    while not _closes_row(lines[index]):
        index += 1
        if index >= len(lines) or _ATX_HEADING.match(lines[index]):
            return _UnclosedRow(stop=index)
        text += mark(index + 1) + lines[index]
    return _GatheredRow(text=text, last=index, cells=_unescaped_pipes(text) - 1)


def _unclosed_message(lines: Sequence[str], unclosed: _UnclosedRow) -> str:
    where = (
        "the end of the file"
        if unclosed.stop >= len(lines)
        else f"the heading at line {unclosed.stop + 1}"
    )
    return f"table row is not closed: no '|' ends its last cell before {where} (truncated table?)"


def _cell_count_warning(line: int, cells: int, expected: int) -> str:
    how = (
        f"the cells after the {expected}th are left out (an unescaped '|' in the text?)"
        if cells > expected
        else "the missing cells are read as empty"
    )
    return (
        f"warning: line {line}: table row has {cells} cells, header has {expected}; read as "
        f"a Markdown renderer shows it: {how}"
    )


def _is_table_header(lines: Sequence[str], start: int, header: _GatheredRow) -> bool:
    """Whether the row gathered at `start` heads a table: a delimiter row follows it."""
    # a header's cells are names: each on its own '|' line at most, never prose
    if any(text.strip() and not _starts_row(text) for text in lines[start + 1 : header.last]):
        return False
    delimiter_at = header.last + 1
    return (
        delimiter_at < len(lines)
        and "|" in lines[delimiter_at]
        and bool(_DELIMITER_ROW.match(lines[delimiter_at]))
    )


def _join_table(
    path: str, lines: Sequence[str], start: int, header: _GatheredRow, out: JoinedText
) -> int:
    """Join the table whose header row was gathered at `start` into `out`; the index of the
    first line after the table."""
    expected = header.cells
    delimiter_at = header.last + 1
    delimiter_cells = _unescaped_pipes(lines[delimiter_at].strip()) - 1
    if delimiter_cells != expected:
        raise fail(
            path,
            delimiter_at + 1,
            f"table delimiter row has {delimiter_cells} cells, header has {expected}",
        )
    out.add(header.text, start + 1)
    out.add(lines[delimiter_at], delimiter_at + 1)
    index = delimiter_at + 1
    while index < len(lines) and _starts_row(lines[index]):
        row = _gather_row(lines, index)
        if isinstance(row, _UnclosedRow):
            raise fail(path, index + 1, _unclosed_message(lines, row))
        swallowed = any(_starts_row(text) for text in lines[index + 1 : row.last + 1])
        if row.cells > expected and swallowed:
            # the row swallowed the next one: its closing '|' is missing, and no reading of
            # it keeps both rows
            raise fail(
                path,
                index + 1,
                f"table row has {row.cells} cells, header has {expected} (the row runs on to "
                f"line {row.last + 1}: is its closing '|' missing?)",
            )
        if row.cells != expected:
            out.warnings.append(_cell_count_warning(index + 1, row.cells, expected))
        out.add(row.text, index + 1)
        index = row.last + 1
    if index < len(lines) and lines[index].strip():
        # GFM would read the next line as one more row; end the table here.
        out.add("", index)
    return index


def join_table_rows(path: str, lines: Sequence[str]) -> JoinedText:
    """Join each table row (header and body) onto one line; check every row's cell count
    against the header's. Code fences are left alone."""
    out = JoinedText()
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if has_marker_characters(line):
            raise fail(path, index + 1, "private-use character U+E000/U+E001 in the page")
        if fence is not None:
            out.add(line, index + 1)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        opened = _FENCE_OPEN.match(line)
        if opened:
            fence = opened.group(1)
            out.add(line, index + 1)
            index += 1
            continue
        if not _starts_row(line):
            out.add(line, index + 1)
            index += 1
            continue
        header = _gather_row(lines, index)
        if not isinstance(header, _GatheredRow) or not _is_table_header(lines, index, header):
            # Not a table (no delimiter row under it): the section readers decide whether a
            # table was expected here.
            out.stray_pipe_lines.append(index + 1)
            out.add(line, index + 1)
            index += 1
            continue
        index = _join_table(path, lines, index, header, out)
    return out
