"""Inline markdown-it tokens -> (line, text) pieces, following the page lines.

A paragraph's lines advance at each softbreak; a joined table row's lines advance at each
line marker the pre-pass left in its text. Web links met on the way are collected (their
text stays in the prose, their target goes to Operation.links).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ... import model
from .. import Lines
from .line_markers import split_at_markers


def render_inline(
    children: Sequence[Token], line: int, path: str, links: list[model.Link]
) -> tuple[Lines, int]:
    """(line, text) pieces of the inline content starting on `line`, and the line in effect
    at its end (the next cell of a joined row starts there). http(s) links are appended to
    `links`, cited at the line they close on."""
    pieces: list[tuple[int, list[str]]] = [(line, [])]
    link_text: list[str] | None = None
    href = ""
    for child in children:
        if child.type in ("text", "code_inline"):
            for position, part in enumerate(split_at_markers(child.content)):
                if position % 2:
                    line = int(part)
                    pieces.append((line, []))
                else:
                    pieces[-1][1].append(part)
                    if link_text is not None:
                        link_text.append(part)
        elif child.type in ("softbreak", "hardbreak"):
            line += 1
            pieces.append((line, []))
        elif child.type == "image":
            pieces[-1][1].append(child.content)
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            link_text = []
        elif child.type == "link_close":
            if link_text is not None and href.startswith(("http://", "https://")):
                text = "".join(link_text).strip()
                links.append(model.Link(text, href, model.Source(path, line)))
            link_text = None
    return [(at, "".join(parts)) for at, parts in pieces], line
