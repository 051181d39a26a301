"""String lengths (characters or bytes) and list sizes (items).

A length needs a length word: a unit ("characters", "bytes", "个字符", "个字节") or the word
"length"/"长度" itself. "Custom parameters support a maximum of 20 entries" or "ECS 实例的等待
时间最长不能超过 6 小时" carry neither and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .. import model
from . import numbers
from .numbers import NUM_END, NUM_START
from .text import Sentence, source, unscoped

LengthUnit = Literal["characters", "bytes", "items"]


@dataclass(frozen=True)
class Found:
    min: int | None
    max: int | None
    unit: LengthUnit
    line: int
    quote: str


_N = rf"{NUM_START}\d+(?:,\d{{3}})*{NUM_END}"
_LO = rf"{NUM_START}(?P<lo>\d+(?:,\d{{3}})*)"
_HI = rf"(?P<hi>\d+(?:,\d{{3}})*){NUM_END}"
_SEP = r"\s*(?:-|~|～|–|to|and|至|到)\s*"
# "characters", "English or Chinese characters", "bytes"; Chinese "个字符", "个英文或中文字符".
_EN_UNIT = (
    r"(?:(?:english|chinese|unicode|ascii|utf-8|half-width|full-width|or|and)\s+){0,4}"
    r"(?P<unit>characters?|chars|bytes?)\b"
)
_ZH_UNIT = r"\s*个?(?:英文|中文|汉字|半角|全角|或|和|、){0,6}(?P<zunit>字符|字节)"
_NOT_A_COUNT_OF_THINGS = r"(?!\s*(?:KB|MB|GB|KiB|MiB|GiB|items?|elements?|entries|次|个))"


def _unit(word: str | None) -> LengthUnit:
    if word and (word.lower().startswith("byte") or word == "字节"):
        return "bytes"
    return "characters"


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    value = numbers.parse_number(text)
    return value if isinstance(value, int) else None


def _finds(
    pattern: re.Pattern[str], sentence: Sentence, kind: Literal["max", "min", "span", "exact"]
) -> list[Found]:
    out: list[Found] = []
    for m in pattern.finditer(sentence.text):
        groups = m.groupdict()
        unit = _unit(groups.get("unit") or groups.get("zunit"))
        line = sentence.line_at(m.start())
        if kind == "span":
            out.append(Found(_number(m["lo"]), _number(m["hi"]), unit, line, m.group(0)))
        else:
            n = _number(m["n"])
            low = n if kind in ("min", "exact") else None
            high = n if kind in ("max", "exact") else None
            out.append(Found(low, high, unit, line, m.group(0)))
    return out


_AT_MOST = re.compile(
    r"\b(?:(?:cannot|can't|can\s+not|must\s+not|may\s+not|should\s+not|does\s+not|do\s+not"
    r"|not\s+to)\s+exceed|(?:no|not)\s+more\s+than|up\s+to|at\s+most|(?:a\s+)?maximum\s+of)"
    rf"\s+(?P<n>{_N})\s*{_EN_UNIT}",
    re.IGNORECASE,
)


def at_most(sentence: Sentence) -> list[Found]:
    """'cannot exceed 32 characters', 'no more than 256 characters', 'a maximum of 64
    characters', 'up to 64 characters'."""
    return _finds(_AT_MOST, sentence, "max")


_MAXIMUM_LENGTH = re.compile(
    r"\b(?:max(?:imum)?\.?\s+)?length\s*(?:of|is|:|limit(?:\s+is|\s+of)?"
    r"|(?:cannot|can't|must\s+not|does\s+not|should\s+not)\s+exceed|is\s+up\s+to)\s*"
    # "length of 1 to 64 characters" is a span: left to `span`.
    rf"(?P<n>{_N})(?!\s+to\s+\d)(?:\s*{_EN_UNIT})?{_NOT_A_COUNT_OF_THINGS}",
    re.IGNORECASE,
)


def maximum_length(sentence: Sentence) -> list[Found]:
    """'with a maximum length of 128 bytes', 'maximum length of 1024 characters', 'maximum
    length cannot exceed 128', 'The length cannot exceed 64 characters'."""
    return _finds(_MAXIMUM_LENGTH, sentence, "max")


_SPANS = [
    re.compile(
        rf"(?:\blength|长度)\s*(?:is|must\s+be|:|：|为|是|在)?\s*{_LO}{_SEP}{_HI}"
        rf"(?:\s*{_EN_UNIT}|{_ZH_UNIT})?{_NOT_A_COUNT_OF_THINGS}",
        re.IGNORECASE,
    ),
    re.compile(rf"{_LO}{_SEP}{_HI}\s*{_EN_UNIT}", re.IGNORECASE),
    re.compile(rf"{_LO}\s*[~～\-到至]\s*{_HI}{_ZH_UNIT}"),
]


def span(sentence: Sentence) -> list[Found]:
    """'1 to 64 characters', 'between 1 and 64 characters', '长度为2~64个英文或中文字符',
    'Length: 1-64'."""
    hits: dict[tuple[int, int | None, int | None], Found] = {}
    for pattern in _SPANS:
        for hit in _finds(pattern, sentence, "span"):
            # The same words read by two patterns count once.
            hits.setdefault((hit.line, hit.min, hit.max), hit)
    return list(hits.values())


_AT_LEAST = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|minimum\s+length\s+(?:of|is))\s+"
    rf"(?P<n>{_N})\s*{_EN_UNIT}",
    re.IGNORECASE,
)
_AT_LEAST_ZH = re.compile(rf"(?:至少|最少|不少于|不能少于)\s*(?P<n>{_N}){_ZH_UNIT}")


def at_least(sentence: Sentence) -> list[Found]:
    """'at least 8 characters', '至少8个字符'."""
    return _finds(_AT_LEAST, sentence, "min") + _finds(_AT_LEAST_ZH, sentence, "min")


_EXACTLY = [
    re.compile(
        rf"\b(?:must\s+be|is)\s+(?:exactly\s+)?(?P<n>{_N})\s+{_EN_UNIT}\s+(?:long|in\s+length)",
        re.IGNORECASE,
    ),
    re.compile(rf"\bexactly\s+(?P<n>{_N})\s+{_EN_UNIT}", re.IGNORECASE),
]


def exactly(sentence: Sentence) -> list[Found]:
    """'must be exactly 36 characters', 'is 36 characters long'."""
    hits = {(h.line, h.min): h for p in _EXACTLY for h in _finds(p, sentence, "exact")}
    return list(hits.values())


_AT_MOST_ZH = [
    re.compile(
        rf"(?:不能超过|不可超过|不得超过|不超过|不要超过|最多|最长|至多|上限为)\s*(?P<n>{_N}){_ZH_UNIT}"
    ),
    re.compile(
        rf"长度(?:不能超过|不可超过|不得超过|不超过|上限为|最大为|最大值为|最多为)\s*(?P<n>{_N})"
        r"(?!\s*个?[\u4e00-\u9fff]{0,6}?(?:字符|字节))(?!\s*(?:KB|MB|GB|个))"
    ),
]


def at_most_zh(sentence: Sentence) -> list[Found]:
    """'参数长度不能超过4096个字符', '不能超过64个字符', '最多64个字符', '长度不超过64'."""
    return [hit for pattern in _AT_MOST_ZH for hit in _finds(pattern, sentence, "max")]


STRING_RULES: list[Callable[[Sentence], list[Found]]] = [
    at_most,
    maximum_length,
    span,
    at_least,
    exactly,
    at_most_zh,
]

_LIST_SIZES = [
    re.compile(
        r"\bthe\s+maximum\s+(?:quantity|number)(?:\s+of\s+[A-Za-z ]{1,30}?)?"
        rf"(?:\s+per\s+request)?\s+is\s+(?P<n>{_N})(?=\s*(?:[.,;]|$))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s+(?P<n>{_N})\s+"
        r"[A-Za-z][A-Za-z ]{0,30}?\s+can\s+be\s+(?:included|specified|passed|entered|provided)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:最多|至多)(?:支持|可以|可|能)?(?:输入|指定|传入|填写|设置)\s*(?P<n>{_N})\s*个"
        r"(?![\u4e00-\u9fff]{0,6}?(?:字符|字节))"
    ),
    re.compile(rf"\bN\s*的取值范围\s*[:：为是]?\s*\d+\s*[~～\-]\s*(?P<n>{_N})"),
    re.compile(
        rf"\bmaximum\s+length\s+(?:of|is)\s+(?:currently\s+)?(?P<n>{_N})(?=\s*(?:[.,;]|$))",
        re.IGNORECASE,
    ),
]


def list_size(sentence: Sentence) -> list[Found]:
    """For list parameters: 'The maximum quantity per request is 100.', 'Up to 10 filters can
    be included in a request', '最多支持输入10个', 'N的取值范围：1~10', 'with a maximum length of
    20', 'whose maximum length is currently 1'."""
    return [hit for pattern in _LIST_SIZES for hit in _finds(pattern, sentence, "max")]


def _merge(hits: list[Found], file: str) -> model.Length | None:
    if not hits:
        return None
    low = {h.min for h in hits if h.min is not None}
    high = {h.max for h in hits if h.max is not None}
    units = {h.unit for h in hits}
    if len(low) > 1 or len(high) > 1 or len(units) > 1:
        return None
    minimum = low.pop() if low else None
    maximum = high.pop() if high else None
    if minimum is not None and maximum is not None and minimum > maximum:
        return None
    hits = sorted(hits, key=lambda h: h.line)
    quote = "; ".join(dict.fromkeys(h.quote for h in hits))
    return model.Length(source(file, hits[0].line, quote), minimum, maximum, units.pop())


def find_length(param: model.Parameter, found: list[Sentence], file: str) -> model.Length | None:
    found = unscoped(found)
    if param.type == "string":
        hits = [h for s in found for rule in STRING_RULES for h in rule(s)]
    elif param.type == "array":
        hits = [Found(h.min, h.max, "items", h.line, h.quote) for s in found for h in list_size(s)]
    else:
        return None
    return _merge(hits, file)
