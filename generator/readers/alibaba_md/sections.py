"""Sections by kind, and the tables a section holds.

The three generations of the docs name the same sections differently (接口说明 / 描述,
返回数据 / 返回参数, ...); the kind is what the reader goes by.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ...errors import fail
from .document import Section, Table
from .row_joining import JoinedText

SectionKind = Literal[
    "description", "explorer", "request", "response", "examples", "errors", "other"
]

# Heading text (anchor removed) -> kind; a heading matches a key it starts with.
_SECTION_KINDS: list[tuple[str, SectionKind]] = [
    ("接口说明", "description"),
    ("功能描述", "description"),
    ("接口描述", "description"),
    ("描述", "description"),
    ("调试", "explorer"),
    ("请求参数", "request"),
    ("返回数据", "response"),
    ("返回参数", "response"),
    ("返回值", "response"),
    ("响应参数", "response"),
    ("示例", "examples"),
    ("请求示例", "examples"),
    ("返回示例", "examples"),
    ("错误码", "errors"),
]


def section_kind(title: str) -> SectionKind:
    for key, kind in _SECTION_KINDS:
        if title.startswith(key):
            return kind
    return "other"


def sections_by_kind(sections: Sequence[Section]) -> dict[SectionKind, list[Section]]:
    """The sections of each kind, in page order."""
    by_kind: dict[SectionKind, list[Section]] = {}
    for section in sections:
        by_kind.setdefault(section_kind(section.title), []).append(section)
    return by_kind


def tables_in(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


def check_tables_complete(
    section: Section, sections: Sequence[Section], joined: JoinedText, path: str
) -> None:
    """A table section whose '|' lines formed no table is a broken (truncated) table."""
    following = [s.line for s in sections if s.line > section.line]
    end = min(following) if following else 10**9
    for line in joined.stray_pipe_lines:
        if section.line < line < end:
            raise fail(
                path,
                line,
                f"'|' line in {section.title} forms no table: header row without a '|--|' delimiter row under it (truncated table?)",
            )
