"""Rendered text -> the plain-text convention of ReadResult: bullets as "- item", numbered
items as "1. item", notes as "Note: ...", one "" between paragraphs.

Lines here are already free of Markdown markup (markdown-it removed it, escapes included);
what is left is the pages' own conventions: <br> inside table cells, '•' bullets, 说明/注意
notes, and Chinese text that must not get spaces where a line was wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import Lines

_BR = re.compile(r"<br\s*/?>", re.I)
_BULLET = re.compile(r"^[-*+•]\s+")
_ORDERED = re.compile(r"^(\d{1,3})[.)]\s+")
_NOTE = re.compile(r"^(说明|注意|警告|Note)\s*[：:]\s*")


def join_words(parts: Iterable[str]) -> str:
    """Join text pieces: a space between two ASCII ends ("is" "not"), nothing next to CJK."""
    out = ""
    for part in parts:
        piece = part.strip()
        if not piece:
            continue
        if out and out[-1].isascii() and piece[0].isascii():
            out += " "
        out += piece
    return out


def _plain_line(text: str) -> str:
    """One rendered line in the plain-text convention."""
    text = " ".join(text.split())
    bullet = _BULLET.match(text)
    if bullet:
        return "- " + text[bullet.end() :]
    ordered = _ORDERED.match(text)
    if ordered:
        return f"{ordered.group(1)}. " + text[ordered.end() :]
    note = _NOTE.match(text)
    if note:
        return "Note: " + text[note.end() :]
    return text


def tidy(lines: Lines) -> Lines:
    """Plain lines: <br> split into lines, one "" between paragraphs, none at either end."""
    out: Lines = []
    for line, raw in lines:
        for piece in _BR.split(raw):
            text = _plain_line(piece)
            if text or (out and out[-1][1]):
                out.append((line, text))
    while out and not out[-1][1]:
        out.pop()
    return out


def text_of(lines: Lines) -> str:
    """Lines as a description: paragraphs joined by a blank line, bullets one a line."""
    paragraphs: list[list[str]] = [[]]
    for _, text in lines:
        if not text:
            paragraphs.append([])
            continue
        current = paragraphs[-1]
        starts_line = _BULLET.match(text) or _ORDERED.match(text) or text.startswith("Note: ")
        if current and not starts_line:
            current[-1] = join_words([current[-1], text])
        else:
            current.append(text)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)
