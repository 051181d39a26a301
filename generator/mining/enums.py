"""Enumerations: the values a parameter may take.

Three shapes: a bullet list introduced by a cue ("Options:", "valid values:", "取值范围："), a
bullet list whose items are all CONSTANT_CASE values, and an inline list ("valid values: NORMAL
and EXTENSION", "This parameter can be either CONTINUE or ABANDON"). A bullet list whose items
are not single values (sentences, "消息服务MNS队列，参数取值格式：...") is not an enum, and neither
is an uncued list of camelCase names (an OOS template's `regionId`, `instanceIds`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model
from .defaults import DEFAULT_MARK, coerce
from .text import Block, Sentence, source

# A value as written: a word, possibly with ':', '.', '-' inside ("autoscaling:EC2_INSTANCE_
# LAUNCHING", "v1.2"), never ending in punctuation.
_TOKEN = r"[A-Za-z0-9](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_])?"
_CONSTANT = re.compile(r"(?:[a-z][a-z0-9]*:)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
# A bullet item holding a value: "ABANDON", "INSTANCE_LAUNCHING: the hook ...",
# "SCALE_OUT：伸缩组弹性扩张活动", "CMQ_QUEUE, specifies ...", "NO (default): ...".
_BULLET_VALUE = re.compile(
    rf"^(?P<value>{_TOKEN})(?:\s*{DEFAULT_MARK})?\s*(?:(?:[:：]|[,，]|\.(?=\s)|\s[-–—])\s*(?P<text>.*))?$",
    re.DOTALL,
)
# The end of the paragraph that introduces a list of values.
_CUE = re.compile(
    r"(?P<cue>(?:\b(?:valid|possible|allowed|optional|enumeration|enumerated)\s+values?"
    r"(?:\s+(?:are|is|include|includes))?(?:\s+as\s+follows)?"
    r"|\bthe\s+valid\s+values\s+are|\boptions(?:\s+are(?:\s+as\s+follows)?)?|\bvalue\s+options"
    r"|\bthe\s+value\s+can\s+be|\bvalues?\s+(?:are|is)\s+as\s+follows|\bvalue\s+ranges?"
    r"|取值范围|取值|可选值|枚举值|有效值|取值如下|取值说明)\s*[:：]\s*[.。]?)$",
    re.IGNORECASE,
)
# One way only to read each separator: an ambiguous one ("\s*,\s*" then "\s*") makes a long
# list backtrack exponentially.
_LIST_SEP = r"\s*(?:,(?:\s*(?:and|or)(?=\s))?|、|，|\||/|或|和|(?<=\s)(?:and|or)(?=\s))\s*"
_ITEM = rf"(?:\"{_TOKEN}\"|'{_TOKEN}'|{_TOKEN})"
_LIST = rf"(?P<list>{_ITEM}(?:{_LIST_SEP}{_ITEM}){{1,99}})"
_LIST_END = r"(?=\s*(?:$|[.;。；(（]))"
# A cue paragraph that opens with a condition ("For a user who has enabled ..., valid values
# include:", "如果...，取值："): its list holds for that case only, never for every value.
_CONDITIONAL_CUE = re.compile(
    r"^(?:if|when|unless|in\s+case|for\s+(?:a|an|the)?\s*[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:who|that|which|with|where)\b|如果|若|当|对于)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    values: list[tuple[str, str | None]]  # (value as written, its description)
    line: int
    quote: str


def _split_list(text: str) -> list[str]:
    return [item.strip("\"'") for item in re.split(_LIST_SEP, text) if item.strip()]


_NOTE = re.compile(r"^(?:Note|说明|注意)\s*[:：]")


def _item(block: Block) -> tuple[str, str | None] | None:
    """The value a list item holds: a bullet "- VALUE[: text]", or a paragraph
    "CONSTANT_VALUE: text" (some pages list values as paragraphs under the cue)."""
    match = _BULLET_VALUE.match(block.text)
    if not match:
        return None
    text = (match["text"] or "").strip() or None
    if not block.bullet and not (text and _CONSTANT.fullmatch(match["value"])):
        return None
    return match["value"], text


def _leading_bullets(parts: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in parts:
        if not block.bullet:
            break
        out.append(block)
    return out


def cued_list(parts: list[Block]) -> list[Candidate]:
    """'Options:' / 'valid values:.' / '取值范围：' / 'The valid values are:' ending a paragraph,
    then the items holding values: '- INSTANCE_TERMINATING: ...', '- SCALE_OUT：...',
    '- autoscaling:EC2_INSTANCE_LAUNCHING', 'KEEP_CHARGING: keep charging after shutdown.'.
    The list ends at the first item that holds no value; a value after that makes the list
    something else (no enum). A note between two items ("说明：仅在...时生效", rendered
    "Note: ...") belongs to the item before it: the list goes on after it."""
    out: list[Candidate] = []
    for i, block in enumerate(parts):
        cue = None if block.bullet else _CUE.search(block.text)
        if cue is None or _CONDITIONAL_CUE.match(_cue_sentence(block.text, cue.start())):
            continue
        values: list[tuple[str, str | None]] = []
        rest = parts[i + 1 :]
        for j, later in enumerate(rest):
            if values and not later.bullet and _NOTE.match(later.text):
                continue
            item = _item(later)
            if item is None:
                if later.bullet and any(_item(b) for b in _leading_bullets(rest[j + 1 :])):
                    values = []
                break
            values.append(item)
        if values:
            out.append(Candidate(values, block.line_at(cue.start()), cue["cue"]))
    return out


def _cue_sentence(text: str, end: int) -> str:
    """The sentence of a paragraph that the cue at `end` closes."""
    starts = [m.end() for m in re.finditer(r"[.。;；]\s+|[。；]", text[:end])]
    return text[starts[-1] if starts else 0 : end].strip()


def constant_bullets(parts: list[Block]) -> list[Candidate]:
    """Without a cue: two or more bullet items that are all CONSTANT_CASE values
    ('- ABANDON', '- CONTINUE'), followed by nothing or by bullets that hold no value."""
    out: list[Candidate] = []
    for i, block in enumerate(parts):
        if not block.bullet or (i > 0 and parts[i - 1].bullet):
            continue
        if i > 0 and _CUE.search(parts[i - 1].text):
            continue  # read by cued_list
        run = _leading_bullets(parts[i:])
        items = [_item(b) for b in run]
        count = next((k for k, item in enumerate(items) if item is None), len(items))
        values = [item for item in items[:count] if item is not None]
        if any(items[count:]) or len(values) < 2:
            continue
        if all(_CONSTANT.fullmatch(v) for v, _ in values):
            out.append(Candidate(values, run[0].line, run[0].text))
    return out


_INLINE = re.compile(
    r"(?:\b(?:valid|possible|allowed|optional|enumeration)\s+values?|\boptions|\bvalue\s+range"
    r"|取值范围|取值|可选值|枚举值)"
    rf"\s*(?:are|is|include|includes)?\s*[:：]?\s*{_LIST}{_LIST_END}",
    re.IGNORECASE,
)


def inline_list(sentences: list[Sentence]) -> list[Candidate]:
    """'valid values: NORMAL and EXTENSION.', 'valid values include CMQ_QUEUE, CMQ_TOPIC,
    TDMQ_CMQ_QUEUE, TDMQ_CMQ_TOPIC.', '取值：A、B'."""
    out: list[Candidate] = []
    for sentence in sentences:
        if sentence.bullet:
            continue
        for m in _INLINE.finditer(sentence.text):
            values: list[tuple[str, str | None]] = [(v, None) for v in _split_list(m["list"])]
            out.append(Candidate(values, sentence.line_at(m.start()), m.group(0)))
    return out


_EITHER_OR = re.compile(
    rf"\b(?:can|must|should)\s+be\s+(?:either\s+|one\s+of\s+)?{_LIST}{_LIST_END}",
    re.IGNORECASE,
)


def either_or(sentences: list[Sentence]) -> list[Candidate]:
    """'This parameter can be either CONTINUE or ABANDON.' Without a cue only CONSTANT_CASE
    words count: 'can be either an SQS queue or an SNS topic' is no enum."""
    out: list[Candidate] = []
    for sentence in sentences:
        if sentence.bullet:
            continue
        for m in _EITHER_OR.finditer(sentence.text):
            items = _split_list(m["list"])
            if all(_CONSTANT.fullmatch(v) for v in items):
                values: list[tuple[str, str | None]] = [(v, None) for v in items]
                out.append(Candidate(values, sentence.line_at(m.start()), m.group(0)))
    return out


_ONLY_VALUE = re.compile(
    rf"\bthe\s+only\s+(?:valid|allowed|possible|supported)\s+value\s+is\s+(?P<value>{_ITEM}){_LIST_END}",
    re.IGNORECASE,
)


def only_value(sentences: list[Sentence]) -> list[Candidate]:
    """'The only valid value is Rolling.'"""
    out: list[Candidate] = []
    for sentence in sentences:
        for m in _ONLY_VALUE.finditer(sentence.text):
            value = m["value"].strip("\"'")
            out.append(Candidate([(value, None)], sentence.line_at(m.start()), m.group(0)))
    return out


# A value with its gloss in brackets: "NONE (default, no async retry)", "EC2 (default)".
_GLOSSED = rf"{_ITEM}\s*\([^()]*\)"
_GLOSSED_LIST = re.compile(
    r"\b(?:the\s+)?(?:valid|possible|allowed)\s+values?\s+(?:are|is|include)\s*[:：]?\s*"
    rf"(?P<list>{_GLOSSED}(?:{_LIST_SEP}(?:{_GLOSSED}|{_ITEM})){{1,99}}|{_ITEM}(?:{_LIST_SEP}"
    rf"(?:{_GLOSSED}|{_ITEM})){{0,98}}{_LIST_SEP}{_GLOSSED}){_LIST_END}",
    re.IGNORECASE,
)
_GLOSSED_ITEM = re.compile(rf"(?P<value>{_ITEM})\s*(?:\((?P<gloss>[^()]*)\))?", re.DOTALL)


def glossed_list(sentences: list[Sentence]) -> list[Candidate]:
    """'Valid values are NONE (default, no async retry) and RETRY_WITH_GROUP_CONFIGURATION
    (increase desired capacity ...).', 'The valid values are EC2 (default) and ELB.'"""
    out: list[Candidate] = []
    for sentence in sentences:
        if sentence.bullet:
            continue
        for m in _GLOSSED_LIST.finditer(sentence.text):
            masked = re.sub(r"\([^()]*\)", _mask_gloss, m["list"])
            values: list[tuple[str, str | None]] = []
            for piece in _split_list(masked):
                item = _GLOSSED_ITEM.fullmatch(piece)
                if item is None:
                    break
                gloss = item["gloss"]
                values.append((item["value"].strip("\"'"), _unmask(gloss) if gloss else None))
            else:
                out.append(Candidate(values, sentence.line_at(m.start()), m.group(0)))
    return out


_MASKS = ((",", "\x00"), (" and ", "\x01"), (" or ", "\x02"), ("/", "\x03"), (" ", "\x04"))


def _mask_gloss(match: re.Match[str]) -> str:
    # a gloss may hold separators ("default, no retry"): hide them from the item split
    text = match.group(0)
    for plain, mask in _MASKS:
        text = text.replace(plain, mask)
    return text


def _unmask(text: str) -> str:
    for plain, mask in _MASKS:
        text = text.replace(mask, plain)
    return text


# "one or more health check types ... EC2, EBS, ELB": a multi-value string, not one value
_MULTI_VALUE = re.compile(r"\bcomma[- ]separated\b|\bone\s+or\s+more\b", re.IGNORECASE)


def is_multi_value(sentences: list[Sentence]) -> bool:
    return any(_MULTI_VALUE.search(s.text) for s in sentences)


def _merge(candidates: list[Candidate]) -> Candidate | None:
    """One set of values, with the descriptions any candidate gives. Different sets: None."""
    if not candidates:
        return None
    first = min(candidates, key=lambda c: c.line)
    names = {v for v, _ in first.values}
    if any({v for v, _ in c.values} != names for c in candidates):
        return None
    texts: dict[str, str] = {}
    for candidate in candidates:
        for value, text in candidate.values:
            if text and value not in texts:
                texts[value] = text
    bullets = [c for c in candidates if any(t for _, t in c.values)]
    order = (bullets[0] if bullets else first).values
    return Candidate([(v, texts.get(v)) for v, _ in order], first.line, first.quote)


def find_enum(
    param: model.Parameter, parts: list[Block], found: list[Sentence], file: str
) -> model.Enum | None:
    if param.type not in ("string", "integer", "number"):
        return None
    # In order of precedence for the source: a cue beats a bare list of constants.
    if param.type == "string" and is_multi_value(found):
        return None
    merged = _merge(
        cued_list(parts)
        + inline_list(found)
        + either_or(found)
        + only_value(found)
        + glossed_list(found)
        + constant_bullets(parts)
    )
    if merged is None:
        return None
    values: list[model.EnumValue] = []
    for raw, text in merged.values:
        value = coerce(raw, False, param.type)
        if value is None:
            return None
        if all(v.value != value for v in values):
            values.append(model.EnumValue(value, text))
    return model.Enum(source(file, merged.line, merged.quote), values)
