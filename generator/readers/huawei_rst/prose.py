"""The prose handed to mining and the operation's summary and description: the Function
section, and the prose of the URI, Request and untitled sections. Per-parameter prose is
gathered with the parameters (parameters.py), from their Description cells."""

from __future__ import annotations

import re

from .. import Lines
from .line_numbers import LIST_MARKER
from .plain_text import block_lines, block_text
from .sections import PageSections

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(\"']|\s*$)", re.S)


def operation_prose(found: PageSections) -> Lines:
    """What the page says of the operation as a whole, where quotas and rules are stated."""
    return block_lines(found.function_blocks + found.other_blocks)


def description(found: PageSections) -> str:
    return block_text(found.function_blocks)


def summary(found: PageSections) -> tuple[str, int] | None:
    """The first sentence of the Function section, and its line."""
    first = next((block[0] for block in found.function_blocks if block), None)
    if first is None:
        return None
    text = LIST_MARKER.sub("", first.text).strip()
    match = _FIRST_SENTENCE.match(text)
    return " ".join((match.group(1) if match else text).split()), first.parts[0][0]
