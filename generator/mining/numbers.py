"""Numbers and units as the pages write them."""

from __future__ import annotations

import re

from .text import Sentence

# "7,200" is seven thousand two hundred (a comma followed by exactly three digits); "1.5" a
# decimal. Used inside larger patterns, so no anchors and no groups.
NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?)"
SIGNED = rf"(?:-?{NUM})"
# Not part of a longer number, a date ("2014-08-28") or a version ("1.2.3").
NUM_START = r"(?<![A-Za-z0-9_.,\-/:])"
NUM_END = r"(?![A-Za-z0-9_]|[.,]\d|\s*[-~～]\s*\d)"

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
# A count: digits or an English number word.
COUNT = rf"(?:{NUM_START}\d+{NUM_END}|\b(?:{'|'.join(NUMBER_WORDS)})\b)"

# Units a number may carry. Only time units: other units (GB, %) are not normalised here.
_UNITS: dict[str, str] = {
    "millisecond": "milliseconds", "milliseconds": "milliseconds", "ms": "milliseconds",
    "毫秒": "milliseconds",
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds",
    "秒": "seconds", "秒钟": "seconds",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "分钟": "minutes",
    "hour": "hours", "hours": "hours", "小时": "hours",
    "day": "days", "days": "days", "天": "days",
}  # fmt: skip
UNIT = (
    r"(?:milliseconds?|ms|毫秒|seconds?|secs?|秒钟|秒|minutes?|mins?|分钟|hours?|小时|days?|天)"
    r"(?![A-Za-z])"
)
# A sentence saying which unit the value is in, wherever it stands in the description.
_UNIT_STATEMENTS = [
    re.compile(rf"\(\s*in\s+(?:the\s+unit\s+of\s+)?(?P<unit>{UNIT})\s*\)", re.IGNORECASE),
    re.compile(rf"\bin\s+(?:the\s+)?units?\s+of\s+(?P<unit>{UNIT})", re.IGNORECASE),
    re.compile(rf"(?:^|[\s,(])in\s+(?P<unit>{UNIT})(?=\s*[,.;)]|\s*$)", re.IGNORECASE),
    re.compile(rf"\bunit\s*(?:is|:)\s*(?P<unit>{UNIT})", re.IGNORECASE),
    re.compile(rf"单位\s*(?:[:：为是])?\s*(?:为)?\s*(?P<unit>{UNIT})"),
]


def parse_number(text: str) -> int | float | None:
    """'7,200' -> 7200, '1.5' -> 1.5, 'five' -> 5; anything else -> None."""
    text = text.strip()
    if text.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[text.lower()]
    plain = text.replace(",", "")
    if re.fullmatch(r"-?\d+", plain):
        return int(plain)
    if re.fullmatch(r"-?\d+\.\d+", plain):
        return float(plain)
    return None


def unit_name(word: str | None) -> str | None:
    """The unit's name in plural English ("秒" -> "seconds"), or None if it is not one."""
    if word is None:
        return None
    return _UNITS.get(word.strip().lower())


def stated_unit(found: list[Sentence]) -> str | None:
    """The one unit the description states for the value ("(in seconds)", "单位：秒").
    Two different units mean the text is about more than one thing: no unit."""
    units: set[str] = set()
    for sentence in found:
        for pattern in _UNIT_STATEMENTS:
            for match in pattern.finditer(sentence.text):
                unit = unit_name(match.group("unit"))
                if unit:
                    units.add(unit)
    return units.pop() if len(units) == 1 else None
