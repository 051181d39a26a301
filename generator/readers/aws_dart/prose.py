"""The prose handed to mining: the operation's description and each argument's
"Parameter x : ..." section, as plain-text `Lines` with their page lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import Lines, Page
from .errors import MAY_THROW_LINE

_PARAMETER = re.compile(r"^Parameter\s+([A-Za-z_$][\w$]*)\s*:\s?(.*)$")
_BULLET = re.compile(r"^[•◦▪‣*-]\s+(.*)$")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(\"']|\s*$)")


@dataclass
class Prose:
    description: Lines = field(default_factory=list)
    sections: dict[str, Lines] = field(default_factory=dict)  # Dart argument -> its prose
    stray: list[str] = field(default_factory=list)  # notes: prose for unknown arguments


def read_prose(page: Page, start: int, end: int, aliases: dict[str, str]) -> Prose:
    """Description and per-argument prose (keyed by Dart argument name, `aliases` maps the
    names a "Parameter x :" line may use to it) of page lines start..end-1; "May throw"
    lines (the errors) end a block."""
    lines = page.lines
    prose = Prose()
    current: str | None = None  # the argument whose prose is being read
    block_start = start
    block_first: str | None = None

    def close(upto: int) -> None:
        text = prose_lines(lines, block_start, upto, block_first)
        if current is not None and current not in aliases:
            if text:
                prose.stray.append(
                    f"prose for '{current}', which the signature does not have (line {block_start})"
                )
            return
        target = (
            prose.description
            if current is None
            else prose.sections.setdefault(aliases[current], [])
        )
        if target and text:
            target.append((block_start, ""))  # a May throw line split it
        target.extend(text)

    for number in range(start, end):
        raw = lines[number - 1]
        header = _PARAMETER.match(raw.strip())
        if header:
            close(number)
            current, block_start, block_first = header.group(1), number, header.group(2)
        elif MAY_THROW_LINE.match(raw):
            close(number)
            block_start, block_first = number + 1, None
    close(end)
    return prose


def summary(text: Lines) -> tuple[int, str] | None:
    """(line, first sentence) of the first prose line."""
    first = next(((n, t) for n, t in text if t), None)
    if first is None:
        return None
    sentence = _FIRST_SENTENCE.match(first[1])
    return first[0], sentence.group(1) if sentence else first[1]


def prose_lines(lines: list[str], start: int, end: int, first_text: str | None = None) -> Lines:
    """Plain-text (line, text) pairs of page lines start..end-1 (1-based).

    Bullets become "- item" lines, numbered items stay "1. item", a blank "" entry separates
    paragraphs (also where text follows a list without a blank line). `first_text` replaces
    the first line's text (the prose after "Parameter x :").
    """
    out: Lines = []
    after_item = False
    for number in range(start, end):
        raw = lines[number - 1]
        text = first_text if (number == start and first_text is not None) else raw.strip()
        text = text.strip()
        if not text:
            if out and out[-1][1] != "":
                out.append((number, ""))
            after_item = False
            continue
        bullet = _BULLET.match(text)
        numbered = _NUMBERED.match(text)
        if bullet:
            text, is_item = "- " + bullet.group(1).strip(), True
        elif numbered:
            text, is_item = f"{numbered.group(1)}. {numbered.group(2).strip()}", True
        else:
            is_item = False
            if after_item:
                out.append((number, ""))
        out.append((number, text))
        after_item = is_item
    while out and out[-1][1] == "":
        out.pop()
    return out


def plain_text(lines: Lines) -> str:
    """Paragraphs joined by a blank line, list items one per line, wrapped lines joined."""
    paragraphs: list[list[str]] = [[]]
    for _, text in lines:
        if text == "":
            paragraphs.append([])
            continue
        current = paragraphs[-1]
        is_item = text.startswith("- ") or _NUMBERED.match(text) is not None
        if (
            current
            and not is_item
            and not (current[-1].startswith("- ") or _NUMBERED.match(current[-1]))
        ):
            current[-1] = f"{current[-1]} {text}"
        else:
            current.append(text)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)
