"""Numeric ranges of integer and number parameters.

Each rule reads one phrase family and returns `Bounds`; `find_range` merges what the rules
found in one parameter's description ("最小值：1" + "最大值：50" make one range) and gives up
when two statements disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import model
from . import numbers
from .numbers import NUM_END, NUM_START, SIGNED, UNIT
from .text import Sentence, source, unscoped


@dataclass(frozen=True)
class Bounds:
    min: int | float | None
    max: int | float | None
    unit: str | None
    line: int
    quote: str


_LO = rf"{NUM_START}(?P<lo>{SIGNED})"
_HI = rf"(?P<hi>{SIGNED}){NUM_END}"
_SEP = r"\s*(?:-|~|～|–|—|to|至|到)\s*"
# A unit right after the upper bound: "7200 seconds", "86400 in the unit of second",
# "21600，单位：秒", "21600，单位为秒".
_TAIL = (
    rf"(?:\s*(?P<unit>{UNIT})"
    rf"|\s*[,，]?\s*(?:in\s+the\s+units?\s+of|in\s+units?\s+of|unit\s*:|单位\s*[：:为是]?)"
    rf"\s*(?P<unit2>{UNIT}))?"
)
# A count of characters or items is a length, not a value range.
_NOT_LENGTH = r"(?!\s*个?\s*(?:characters?|chars|bytes?|items?|elements?|字符|字节|个))"


def _bounds(match: re.Match[str], sentence: Sentence, lo: str | None, hi: str | None) -> Bounds:
    low = numbers.parse_number(lo) if lo is not None else None
    high = numbers.parse_number(hi) if hi is not None else None
    groups = match.groupdict()
    unit = numbers.unit_name(groups.get("unit") or groups.get("unit2"))
    return Bounds(low, high, unit, sentence.line_at(match.start()), match.group(0))


_FROM_TO = re.compile(
    r"\b(?:the\s+)?(?:rang(?:e|es|ing)(?:\s+is)?|values?\s+(?:is|are|can\s+be|must\s+be)"
    r"|(?:an?\s+)?(?:integer|number))"
    rf"\s+from\s+{_LO}\s+to\s+{_HI}{_NOT_LENGTH}{_TAIL}",
    re.IGNORECASE,
)


def ranges_from_to(sentence: Sentence) -> list[Bounds]:
    """'ranges from 60 to 86400 in the unit of second', 'The range is from 30 to 7200
    seconds', 'The value ranges from 1 to 100.', 'an integer from 0 to 200'."""
    return [_bounds(m, sentence, m["lo"], m["hi"]) for m in _FROM_TO.finditer(sentence.text)]


_LABEL = (
    r"(?:\b(?:valid\s+|value\s+|allowed\s+)?range(?:\s+of(?:\s+values?|\s+this\s+parameter)?)?"
    r"|取值范围|范围|有效值)"
    r"\s*(?:is|为|是)?\s*[:：]?\s*"
)
_LABELLED = re.compile(rf"{_LABEL}{_LO}{_SEP}{_HI}{_NOT_LENGTH}{_TAIL}", re.IGNORECASE)
_BRACKETED = re.compile(rf"{_LABEL}\[\s*{_LO}\s*[,，]\s*{_HI}\s*\]{_TAIL}", re.IGNORECASE)


# "DataDisk.N.Size ... N的取值范围：1~16": the range of the list index N, which bounds how
# many items the list has (lengths.list_size), never the value
_INDEX_LABEL = re.compile(r"\bN\s*的\s*(?:取值)?$")


def labelled_range(sentence: Sentence) -> list[Bounds]:
    """'Value range: 30-7200', 'Value range: 30 - 7,200 seconds.', '取值范围：30~21600，单位：秒',
    '取值范围：[1, 100]'. Square brackets are inclusive; parentheses (exclusive) are not read.
    'N的取值范围：1~16' is the list index's range, not the value's."""
    return [
        _bounds(m, sentence, m["lo"], m["hi"])
        for pattern in (_LABELLED, _BRACKETED)
        for m in pattern.finditer(sentence.text)
        if not _INDEX_LABEL.search(sentence.text[: m.start()])
    ]


_BETWEEN = re.compile(
    rf"\b(?:value|must\s+be|range)\b[^.;。]{{0,30}}?\bbetween\s+{_LO}\s+and\s+{_HI}"
    rf"{_NOT_LENGTH}{_TAIL}",
    re.IGNORECASE,
)


def between(sentence: Sentence) -> list[Bounds]:
    """'The value must be between 1 and 100.'"""
    return [_bounds(m, sentence, m["lo"], m["hi"]) for m in _BETWEEN.finditer(sentence.text)]


_SINGLE_BOUND = re.compile(
    r"(?P<which>\b(?:the\s+)?(?:max|min)(?:imum)?\s+(?:parameter\s+)?value"
    r"(?:\s+is|\s+of|\s*[:：])"
    r"|最大值|最小值|起始值)"
    rf"\s*(?:为|是|[:：])?\s*(?P<value>{SIGNED}){NUM_END}{_NOT_LENGTH}{_TAIL}",
    re.IGNORECASE,
)


def single_bound(sentence: Sentence) -> list[Bounds]:
    """'最大值：50', '最小值：1', '起始值：1' (a page-number start), 'Maximum value: 100.',
    'Minimum value of 0.', 'The maximum value is 100'."""
    out: list[Bounds] = []
    for m in _SINGLE_BOUND.finditer(sentence.text):
        which = m["which"].lower()
        is_max = "max" in which or "最大" in which
        out.append(
            _bounds(m, sentence, None, m["value"])
            if is_max
            else _bounds(m, sentence, m["value"], None)
        )
    return out


RULES: list[Callable[[Sentence], list[Bounds]]] = [
    ranges_from_to,
    labelled_range,
    between,
    single_bound,
]


def _fits(value: int | float | None, param_type: str) -> bool:
    return value is None or param_type == "number" or isinstance(value, int)


def find_range(param: model.Parameter, found: list[Sentence], file: str) -> model.Range | None:
    """The range the description states, or None when it states none or two that disagree."""
    # a list of numbers: the range bounds each element (LoadBalancerWeight.N)
    value_type = param.items if param.type == "array" else param.type
    if value_type not in ("integer", "number"):
        return None
    hits = [b for sentence in unscoped(found) for rule in RULES for b in rule(sentence)]
    if not hits:
        return None
    low: set[int | float] = {b.min for b in hits if b.min is not None}
    high: set[int | float] = {b.max for b in hits if b.max is not None}
    if len(low) > 1 or len(high) > 1:
        return None
    minimum = low.pop() if low else None
    maximum = high.pop() if high else None
    if not (_fits(minimum, value_type) and _fits(maximum, value_type)):
        return None
    if minimum is not None and maximum is not None and minimum > maximum:
        return None
    units = {b.unit for b in hits if b.unit}
    if len(units) > 1:
        return None
    unit = units.pop() if units else numbers.stated_unit(found)
    hits.sort(key=lambda b: b.line)
    quote = "; ".join(dict.fromkeys(b.quote for b in hits))
    return model.Range(source(file, hits[0].line, quote), minimum, maximum, unit)
