"""Prose as the mining rules see it: blocks (paragraphs, bullet items) and sentences, each
knowing the page line every part of its text came from.

Readers hand over plain text lines (see `generator.readers.Lines`). A sentence may wrap over
several lines (a table cell, a long paragraph), so consecutive non-blank lines are joined into
one paragraph block; a bullet item ("- item") is a block of its own. A fact found anywhere in a
block is cited at the line where the matched words start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model
from ..readers import Lines

BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
# Markup a reader may have left behind: bold/code marks, Markdown escapes, HTML list tags.
_MARKUP = re.compile(r"\*\*|`|</?li>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\_*`{}\[\]()#+\-.!$|~<>])")
_LEADING_LI = re.compile(r"^\s*<li>\s*", re.IGNORECASE)
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Sentence ends: ". " (not inside "(.)" or "1.5"), or a CJK full stop, question or exclamation mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")
# Where an example starts: what follows illustrates, it does not constrain ("for example, if
# the maximum value is 100, the valid values are [1,80]").
# "for instance" only with its comma: "for instance backend service" is no example.
_EXAMPLE = re.compile(r"\b(?:for\s+example|for\s+instance,|e\.g\.)|例如|比如|举例", re.IGNORECASE)
QUOTE_MAX = 120
# A block that holds for one platform only, as English pages open it ("For Windows, ...",
# "For Linux OSs, ...") or as Chinese ones label it ("Windows实例：主机名长度为2~15，...",
# "其他类型实例（Linux等）：...", "For Windows instances: ...").
_PLATFORM_SCOPE = re.compile(
    r"^\s*(?:for|on|in)\s+(?:the\s+)?(?P<platform>windows|linux)\b[^,.]*,"
    r"|^[^：:。，,]{0,24}?(?P<labelled>Windows|Linux|Unix|macOS)[^：:。]{0,16}[：:]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Block:
    """A paragraph or a bullet item, its text cleaned and joined."""

    text: str
    bullet: bool
    starts: tuple[tuple[int, int], ...]  # (offset in text, page line) where each line begins

    @property
    def line(self) -> int:
        return self.starts[0][1]

    def line_at(self, offset: int) -> int:
        found = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            found = line
        return found


@dataclass(frozen=True)
class Sentence:
    text: str
    block: Block
    offset: int  # where the sentence starts in its block's text
    head: bool  # the first sentence of its block (for a bullet: the one holding the value)

    @property
    def bullet(self) -> bool:
        return self.block.bullet

    @property
    def line(self) -> int:
        return self.block.line_at(self.offset)

    def line_at(self, offset: int) -> int:
        return self.block.line_at(self.offset + offset)


def platform_scope(sentence: Sentence) -> str | None:
    """The platform a sentence's block is scoped to ("Windows"), None when unscoped."""
    match = _PLATFORM_SCOPE.match(sentence.block.text)
    return (match["platform"] or match["labelled"]).capitalize() if match else None


def clean(text: str) -> str:
    """Drop the markup a reader may have left (`**x**`, `` `x` ``, `\\_`, `<li>`)."""
    text = _LEADING_LI.sub("- ", text)
    text = _MARKUP.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def _joiner(left: str, right: str) -> str:
    if left and right and _CJK.match(left[-1]) and _CJK.match(right[0]):
        return ""
    return " "


def _is_junk(text: str) -> bool:
    """A bullet holding nothing but punctuation ("- ." on Tencent pages)."""
    return not re.search(r"\w", text)


def blocks(lines: Lines) -> list[Block]:
    out: list[Block] = []
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if not para:
            return
        text = ""
        starts: list[tuple[int, int]] = []
        for line, part in para:
            if text:
                text += _joiner(text, part)
            starts.append((len(text), line))
            text += part
        out.append(Block(text, False, tuple(starts)))
        para.clear()

    for first_line, raw in lines:
        for i, physical in enumerate(raw.split("\n")):
            line = first_line + i
            text = clean(physical).strip()
            if not text:
                flush()
                continue
            bullet = BULLET.match(text)
            if bullet:
                flush()
                item = text[bullet.end() :].strip()
                if not _is_junk(item):
                    out.append(Block(item, True, ((0, line),)))
                continue
            para.append((line, text))
    flush()
    return out


def sentences(parts: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for block in parts:
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(block.text)] + [len(block.text)]:
            piece = block.text[start:end]
            example = _EXAMPLE.search(piece)
            if example:
                piece = piece[: example.start()]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(stripped, block, start + lead, head=start == 0))
            start = end
    return out


def unscoped(found: list[Sentence]) -> list[Sentence]:
    """The sentences that hold for every value: those of a block scoped to one platform
    ("Windows实例：...") are left out, so that no constraint of one platform is read as one of
    all of them."""
    return [s for s in found if platform_scope(s) is None]


def read(lines: Lines) -> list[Sentence]:
    return sentences(blocks(lines))


def shorten(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_MAX else quote[: QUOTE_MAX - 1].rstrip() + "…"


def source(file: str, line: int, quote: str) -> model.Source:
    return model.Source(file, line, "stated", shorten(quote))
