"""The prose handed to mining: the operation-level Lines (summary, description, and the
sections no table reader takes), cited at their page lines.

Per-parameter prose is each request row's description cell (parameters.py keys it by the
parameter's dotted path); what a rendered line looks like is plain_text's convention.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import Lines
from .document import Block, Heading, Prose, Section


@dataclass(frozen=True)
class OperationProse:
    summary: Lines  # the first paragraph under the title
    description: Lines  # the rest of the intro and the 接口说明 / 描述 sections
    operation_text: Lines  # all of the above plus the sections of no known kind


def operation_prose(
    intro: Sequence[Block], description: Sequence[Section], other: Sequence[Section]
) -> OperationProse:
    """The operation's prose from the page's intro, its description sections and its
    sections of no known kind."""
    summary, intro_rest = _summary_and_rest(intro)
    description_blocks: list[Block] = list(intro_rest)
    for section in description:
        description_blocks.extend(section.blocks)
    other_blocks = [block for section in other for block in section.blocks]
    return OperationProse(
        summary=summary,
        description=prose_lines(description_blocks),
        operation_text=prose_lines([Prose(summary), *description_blocks, *other_blocks]),
    )


def _summary_and_rest(intro: Sequence[Block]) -> tuple[Lines, list[Block]]:
    """The summary is the first paragraph under the title; the rest of the intro is
    description."""
    summary_lines: Lines = []
    rest: list[Block] = []
    for block in intro:
        if not summary_lines and isinstance(block, Prose) and block.lines:
            summary_lines = block.lines
        else:
            rest.append(block)
    return summary_lines, rest


def prose_lines(blocks: Sequence[Block]) -> Lines:
    """The prose and sub-headings of `blocks` as one Lines list, a "" entry between blocks
    (tables and code are left out)."""
    out: Lines = []
    for block in blocks:
        if isinstance(block, Heading):
            lines: Lines = [(block.line, block.text)]
        elif isinstance(block, Prose):
            lines = block.lines
        else:
            continue
        if not lines:
            continue
        if out:
            out.append((lines[0][0] - 1, ""))
        out.extend(lines)
    return out
