"""Default values.

A default is read only when the page gives a literal: a number, a quoted string, a word such
as ABANDON or true that ends the clause. "默认值为LifecycleHookId的值" and "The default value of
LifecycleHookName is the value of LifecycleHookId" name another parameter: no default.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import model
from . import numbers
from .numbers import UNIT
from .text import Sentence, source, unscoped


@dataclass(frozen=True)
class Found:
    value: str  # as written, quotes removed
    quoted: bool
    unit: str | None  # a unit written after the value ("3600 seconds")
    line: int
    quote: str
    conditional: bool = False  # holds for some calls only: no default for all of them


_VALUE = (
    r"(?:\"(?P<dq>[^\"]*)\"|“(?P<cq>[^”]*)”|'(?P<sq>[^']*)'"
    r"|(?P<word>-?\d+(?:\.\d+)?(?!\d|\.\d)|[A-Za-z_][A-Za-z0-9_:\-]*(?:\.[A-Za-z0-9_:\-]+)*))"
)
# What may follow the value: an optional unit, then the end of the clause.
_AFTER = rf"(?:\s*(?P<unit>{UNIT}))?(?=\s*(?:$|[.。,，;；:：)）(（])|\s+(?:and|but|or)\b)"
# Words that can end a clause after "The default value is" without being a value.
_NOT_VALUES = {
    "a", "an", "the", "this", "that", "empty", "none", "null", "nil", "blank", "not",
    "unspecified", "specified", "determined", "based", "same", "current", "set", "used",
    "as", "follows", "below", "above", "shown",
}  # fmt: skip
_THIS = r"(?:this\s+(?:parameter|field|value))"


def _found(match: re.Match[str], sentence: Sentence) -> Found | None:
    quoted = next((match[g] for g in ("dq", "cq", "sq") if match[g] is not None), None)
    if quoted is not None:
        return Found(quoted, True, None, sentence.line_at(match.start()), match.group(0))
    word = match["word"]
    if word.lower() in _NOT_VALUES:
        return None
    unit = numbers.unit_name(match["unit"])
    return Found(word, False, unit, sentence.line_at(match.start()), match.group(0))


def _all(pattern: re.Pattern[str], sentence: Sentence) -> list[Found]:
    return [f for m in pattern.finditer(sentence.text) if (f := _found(m, sentence))]


_DEFAULT_IS = re.compile(
    rf"\b(?:the\s+)?default(?:\s+value)?(?P<this>\s+of\s+{_THIS})?\s+is\s+{_VALUE}{_AFTER}",
    re.IGNORECASE,
)


def default_is(sentence: Sentence) -> list[Found]:
    """'The default value is 3600', 'The default value is 3600 seconds (1 hour)', 'The
    default value of this parameter is ABANDON'. In a bullet item only the last form counts:
    other bullets may describe something else (a template's own parameters)."""
    out: list[Found] = []
    for m in _DEFAULT_IS.finditer(sentence.text):
        if sentence.bullet and not m["this"]:
            continue
        if found := _found(m, sentence):
            out.append(found)
    return out


_DEFAULT_LABEL = re.compile(rf"\bdefault(?:\s+value)?\s*[:：]\s*{_VALUE}{_AFTER}", re.IGNORECASE)


def default_label(sentence: Sentence) -> list[Found]:
    """'Default value: 300', 'default value: NORMAL.', '(default value: "")', 'Default: 20'."""
    return [] if sentence.bullet else _all(_DEFAULT_LABEL, sentence)


_DEFAULTS_TO = re.compile(rf"\bdefaults\s+to\s+{_VALUE}{_AFTER}", re.IGNORECASE)


def defaults_to(sentence: Sentence) -> list[Found]:
    """'If not specified, the value defaults to CONTINUE.'"""
    return [] if sentence.bullet else _all(_DEFAULTS_TO, sentence)


_BY_DEFAULT = [
    re.compile(rf"\b(?:is|are)\s+{_VALUE}(?:\s*(?P<unit>{UNIT}))?\s+by\s+default\b", re.IGNORECASE),
    re.compile(
        rf"\bby\s+default,?\s+(?:the\s+value|this\s+(?:parameter|field)|it)\s+is\s+"
        rf"{_VALUE}{_AFTER}",
        re.IGNORECASE,
    ),
]


def by_default(sentence: Sentence) -> list[Found]:
    """'The value ranges from 0 to 86400 and is 300 by default.', 'By default, the value is
    20.'"""
    if sentence.bullet:
        return []
    return [hit for pattern in _BY_DEFAULT for hit in _all(pattern, sentence)]


_DEFAULT_ZH = re.compile(rf"默认(?:值)?\s*(?:为|是|[:：])\s*{_VALUE}{_AFTER}")
# A default that holds for some calls only: "已停售的实例规格实例默认值是none，其他实例规格默认值是
# optimized", "仅当RemovalPolicy.1和RemovalPolicy.2均未设置取值时，...默认为...".
_ONLY_WHEN_ZH = re.compile(r"仅当|只有当|只有在|仅在|仅对|只对")
_SCOPED_CLAUSE_ZH = re.compile(r"实例|规格|其他|对于|针对|Windows|Linux", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[，,；;：:]")


def _conditional_zh(sentence: Sentence, start: int) -> bool:
    before = sentence.text[:start]
    clause = _CLAUSE_START.split(before)[-1]
    return bool(_ONLY_WHEN_ZH.search(before) or _SCOPED_CLAUSE_ZH.search(clause))


def default_zh(sentence: Sentence) -> list[Found]:
    """'默认值：600', '默认值：50。', '默认值为600', '默认为CONTINUE'. Not in bullet items, which on
    Alibaba pages list an OOS template's parameters ("默认为${regionId}"). A default under a
    condition ("其他实例规格默认值是optimized") is marked conditional."""
    if sentence.bullet:
        return []
    out: list[Found] = []
    for m in _DEFAULT_ZH.finditer(sentence.text):
        if _conditional_zh(sentence, m.start()):
            out.append(Found("", False, None, sentence.line_at(m.start()), m.group(0), True))
        elif found := _found(m, sentence):
            out.append(found)
    return out


# "(default)", "（默认值）" after a bullet's value: the enum miner reads past the same marker
DEFAULT_MARK = r"[（(]\s*(?:default(?:\s+value)?|默认值?)\s*[)）]"
_BULLET_DEFAULT = re.compile(
    r"^(?P<word>[A-Za-z0-9][A-Za-z0-9_:.\-]*?)\s*"
    r"(?:[:：]\s*\(?\s*(?:default(?:\s+value)?|默认值?)(?![A-Za-z])"
    rf"|{DEFAULT_MARK})",
    re.IGNORECASE,
)


def bullet_default(sentence: Sentence) -> list[Found]:
    """A value bullet marked as the default: '- CONTINUE: default value, means ...',
    '- CONTINUE（默认值）：...', '- CONTINUE (default): ...'."""
    if not (sentence.bullet and sentence.head):
        return []
    match = _BULLET_DEFAULT.match(sentence.text)
    if not match:
        return []
    return [Found(match["word"], False, None, sentence.line, match.group(0))]


RULES: list[Callable[[Sentence], list[Found]]] = [
    default_is,
    default_label,
    defaults_to,
    by_default,
    default_zh,
    bullet_default,
]


def coerce(value: str, quoted: bool, param_type: str) -> model.Scalar | None:
    """The value in the parameter's type, or None if it is not one."""
    if param_type == "string":
        return value
    if quoted:
        return None
    if param_type == "integer":
        return int(value) if re.fullmatch(r"-?\d+", value) else None
    if param_type == "number":
        parsed = numbers.parse_number(value)
        return parsed if parsed is not None and "," not in value else None
    if param_type == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def find_default(
    param: model.Parameter, found: list[Sentence], file: str, unit: str | None
) -> model.Default | None:
    """The default the description states. `unit` is the unit the value is in, if the page
    says so; a default written with another unit ("1 hour" for seconds) is not read."""
    if param.type not in ("string", "integer", "number", "boolean"):
        return None
    values: dict[model.Scalar, Found] = {}
    for sentence in unscoped(found):
        for rule in RULES:
            for hit in rule(sentence):
                if hit.conditional:
                    return None  # the default depends on something: none for every call
                if hit.unit is not None and hit.unit != unit:
                    return None  # a number in a unit we cannot tie to the wire value
                value = coerce(hit.value, hit.quoted, param.type)
                if value is None:
                    return None  # "the default is X" that does not fit the type: unsure
                values.setdefault(value, hit)
    if len(values) != 1:
        return None
    value, hit = next(iter(values.items()))
    return model.Default(source(file, hit.line, hit.quote), value)
