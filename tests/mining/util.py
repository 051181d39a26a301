"""Helpers for the mining tests: prose with the real line numbers of the pages in sources/."""

from __future__ import annotations

import re
from pathlib import Path

from generator import model
from generator.readers import Lines

ROOT = Path(__file__).resolve().parents[2]


def _plain(line: str) -> str:
    """A page line as a reader hands it over: no escapes, no bold marks."""
    return re.sub(r"\\(.)", r"\1", line).replace("**", "").replace("`", "")


def page_lines(page: str, *items: str) -> Lines:
    """(line, text) pairs for phrases of sources/<page>, each found verbatim (markup aside) on
    a page line at or after the previous one. An item "- text" is a bullet item; "" a blank."""
    lines = (ROOT / "sources" / page).read_text(encoding="utf-8").split("\n")
    out: Lines = []
    at = 0
    for item in items:
        if item == "":
            out.append((at + 1, ""))
            continue
        phrase = item[2:] if item.startswith("- ") else item
        for number in range(at, len(lines)):
            if _plain(phrase) in _plain(lines[number]):
                at = number
                break
        else:
            raise AssertionError(f"{phrase!r} is not on {page} after line {at + 1}")
        out.append((at + 1, item))
    return out


def param(name: str, type_: model.SpecType = "string") -> model.Parameter:
    return model.Parameter(name, model.Source("test", 1), type=type_)


def lines(*texts: str, first: int = 10) -> Lines:
    """Made-up prose, one text a line, numbered from `first`."""
    return [(first + i, text) for i, text in enumerate(texts)]
