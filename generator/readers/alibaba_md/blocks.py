"""What a parsed page is made of: a title, intro blocks, and sections of blocks (tables,
code fences, prose, sub-headings). Every block keeps the page line it starts on."""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import model
from .. import Lines
from .plain_text import join_words, tidy


@dataclass
class Cell:
    lines: Lines  # rendered lines as they sit in the page (markup gone, not yet tidied)

    @property
    def line(self) -> int:
        """The line of the cell's first text (0 for an empty cell)."""
        for line, text in self.lines:
            if text.strip():
                return line
        return 0

    @property
    def text(self) -> str:
        """The cell as one value: its lines joined without paragraph breaks."""
        return join_words(" ".join(text.split()) for _, text in self.lines)

    @property
    def prose(self) -> Lines:
        """The cell as description lines (bullets, notes, paragraph breaks)."""
        return tidy(self.lines)


@dataclass
class Row:
    line: int
    cells: list[Cell]


@dataclass
class Table:
    line: int
    header: list[str]
    rows: list[Row]


@dataclass
class Fence:
    line: int  # the first line of `body`
    body: str


@dataclass
class Prose:
    lines: Lines


@dataclass
class Heading:
    level: int
    line: int
    text: str


Block = Table | Fence | Prose | Heading


@dataclass
class Section:
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    title: str | None
    title_line: int
    intro: list[Block]
    sections: list[Section]
    links: list[model.Link]
