"""Character sets of string parameters, as one anchored regular expression.

Only precise sentences are read: every item of the list ("letters", "digits", "underscores
(_)", "中文", "短划线（-）") must be a known character class or name a single character, or the
sentence is left alone. What the rules produce works in Python `re` and in ECMA-262 (JSON
Schema `pattern`, with or without the u flag): character classes, `\\uXXXX` and `\\xXX`
escapes, anchors ^ $, and one negative lookahead; nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .. import model
from .text import Sentence, shorten, source, unscoped

CJK = r"\u4e00-\u9fa5"
ASCII = r"\x00-\x7F"
LETTERS = ["A-Z", "a-z"]

# Words that name a class of characters, lowercased.
_CLASSES: dict[str, list[str]] = {
    "letters": LETTERS, "letter": LETTERS, "english letters": LETTERS, "english": LETTERS,
    "alphabets": LETTERS, "alphabetic characters": LETTERS, "english characters": LETTERS,
    "uppercase and lowercase letters": LETTERS, "upper and lower case letters": LETTERS,
    "upper- and lowercase letters": LETTERS, "case-sensitive letters": LETTERS,
    "uppercase letters": ["A-Z"], "uppercase letter": ["A-Z"], "capital letters": ["A-Z"],
    "lowercase letters": ["a-z"], "lowercase letter": ["a-z"],
    "digits": ["0-9"], "digit": ["0-9"], "numbers": ["0-9"], "number": ["0-9"],
    "numerals": ["0-9"], "numeric characters": ["0-9"],
    "chinese characters": [CJK], "chinese character": [CJK], "chinese": [CJK],
    "ascii characters": [ASCII], "ascii": [ASCII],
    "数字": ["0-9"], "字母": LETTERS, "英文字母": LETTERS, "大小写字母": LETTERS,
    "大小写英文字母": LETTERS, "英文": LETTERS, "英文字符": LETTERS, "大写字母": ["A-Z"],
    "大写英文字母": ["A-Z"], "小写字母": ["a-z"], "小写英文字母": ["a-z"], "中文": [CJK],
    "汉字": [CJK], "中文字符": [CJK], "ascii字符": [ASCII],
}  # fmt: skip
# Words that name one character, when the page does not show it in parentheses.
_CHARS: dict[str, str] = {
    "underscores": "_", "underscore": "_", "hyphens": "-", "hyphen": "-", "dashes": "-",
    "dash": "-", "periods": ".", "period": ".", "dots": ".", "dot": ".",
    "decimal points": ".", "decimal point": ".", "full stops": ".", "spaces": " ",
    "space": " ", "colons": ":", "colon": ":", "slashes": "/", "forward slashes": "/",
    "at signs": "@", "commas": ",", "plus signs": "+", "equal signs": "=",
    "下划线": "_", "短划线": "-", "中划线": "-", "连字符": "-", "短横线": "-", "横线": "-",
    "英文句号": ".", "半角句号": ".", "句号": ".", "点号": ".", "小数点": ".", "英文冒号": ":",
    "冒号": ":", "斜线": "/", "正斜线": "/", "空格": " ", "英文逗号": ",",
}  # fmt: skip
# "underscores (_)", "短划线（-）", 'hyphens ("-")'.
_IN_PARENS = re.compile(
    r"^(?P<name>[^()（）]*?)\s*[(（]\s*(?P<q>[\"“])?(?P<char>[^()（）\s])(?(q)[\"”])\s*[)）]$"
)
_SEPARATOR = re.compile(
    r"\s*,\s*(?:and|or)\s+|\s*,\s*|\s+and\s+|\s+or\s+|\s*[、，]\s*|以及|和|或|及"
)
_EN_END = re.compile(
    r"\s+(?:with|but|which|that|in\s+length|and\s+(?:cannot|can't|must|can|is|should|has|may"
    r"|does|starts?|begins?|ends?)|(?:must|should|can)\s+(?:not\s+)?(?:start|begin))\b"
    r"|[;.!?]"
    r"|,\s*(?:and\s+)?(?:cannot|can't|must|can|should|is|with|which|but|it)\b"
    r"|,\s*(?:the\s+)?(?:max(?:imum)?|min(?:imum)?|length)\b"
    r"|\s+\((?:e\.g|for\s+example)",
    re.IGNORECASE,
)
_ZH_END = re.compile(r"[，。；;,]|开头|组成|且|并且|的组合")

Kind = Literal["allowed", "first", "forbidden"]


@dataclass
class Found:
    kind: Kind
    atoms: list[str]  # "0-9", "A-Z", CJK, ASCII, or one literal character
    line: int
    quote: str
    at: int  # where the words start in their block: orders two statements on one line


@dataclass
class Charset:
    allowed: list[str] | None = None
    first: list[str] | None = None
    forbidden: list[str] = field(default_factory=list)


def _split(text: str) -> list[str]:
    """Items of a list, not splitting inside parentheses ("commas (,)")."""
    items: list[str] = []
    depth = start = i = 0
    while i < len(text):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = _SEPARATOR.match(text, i)
            if sep and sep.end() > i:
                items.append(text[start:i])
                start = i = sep.end()
                continue
        i += 1
    items.append(text[start:])
    return [item.strip() for item in items if item.strip()]


# A list of character classes is short; a longer stretch of text is no such list.
_LIST_MAX = 300


def _until(text: str, end: re.Pattern[str]) -> str | None:
    """`text` up to the first `end` outside parentheses: where the list of items stops. None
    when the list runs on for more than _LIST_MAX characters."""
    depth = 0
    for i, ch in enumerate(text[: _LIST_MAX + 1]):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and end.match(text, i):
            return text[:i]
    return text if len(text) <= _LIST_MAX else None


def _atoms(item: str) -> list[str] | None:
    """What one list item allows, or None if it is not a character class we know."""
    item = re.sub(r"^(?:a|an|the|only)\s+", "", item.strip(), flags=re.IGNORECASE)
    item = re.sub(r"^(?:the\s+)", "", item, flags=re.IGNORECASE)
    key = item.lower()
    if key in _CLASSES:
        return list(_CLASSES[key])
    if key in _CHARS:
        return [_CHARS[key]]
    shown = _IN_PARENS.match(item)
    if shown:
        name = shown["name"].strip().lower()
        char = shown["char"]
        if name in _CLASSES:  # "digits (0-9)" style explanations are not characters
            return None
        if not char.isalnum() and (not name or re.fullmatch(r"[a-z\- ]+|[\u4e00-\u9fff]+", name)):
            return [char]
    return None


def _items(text: str) -> list[str] | None:
    out: list[str] = []
    parts = _split(text)
    if not parts:
        return None
    for part in parts:
        atoms = _atoms(part)
        if atoms is None:
            return None
        out.extend(a for a in atoms if a not in out)
    return out


def _raw_chars(text: str) -> list[str] | None:
    """'<>&'()' or '< > & ' ( )': the characters themselves. A final '.' ends the sentence."""
    text = text.strip().rstrip("。")
    if text.endswith(".") and len(text) > 1:
        text = text[:-1]
    chars = [c for c in text if not c.isspace()] if " " not in text else text.split()
    if not chars or any(len(c) != 1 or c.isalnum() for c in chars):
        return None
    return list(dict.fromkeys(chars))


def _negated(sentence: Sentence, start: int) -> bool:
    before = sentence.text[max(0, start - 12) : start].lower()
    return bool(re.search(r"\bnot\s*$|n't\s*$|cannot\s*$|不能$|不可$|不得$|禁止$", before))


def _list_after(
    sentence: Sentence,
    trigger: re.Pattern[str],
    kind: Kind,
    end: re.Pattern[str],
    suffix: str | None = None,
) -> list[Found]:
    """The list of items after each `trigger` match, up to `end`; with `suffix`, only lists
    that the suffix closes ("以...开头", "由...组成")."""
    out: list[Found] = []
    for m in trigger.finditer(sentence.text):
        if kind != "forbidden" and _negated(sentence, m.start()):
            continue
        listed = _until(sentence.text[m.end() :], end)
        if listed is None:
            continue
        after = sentence.text[m.end() + len(listed) :].lstrip()
        if suffix is not None and not after.startswith(suffix):
            continue
        atoms = _items(listed)
        if atoms:
            quote = sentence.text[m.start() : m.end() + len(listed)].rstrip() + (suffix or "")
            at = sentence.offset + m.start()
            out.append(Found(kind, atoms, sentence.line_at(m.start()), quote, at))
    return out


_ALLOWED_EN = re.compile(
    r"\b(?:contains?\s+only|(?:can|may)\s+(?:only\s+)?contain(?:\s+only)?"
    r"|must\s+(?:only\s+)?contain\s+only|consists?\s+(?:only\s+)?of|(?:is|are)\s+composed\s+of"
    r"|only\s+supports?|supports?\s+only|allowed\s+characters\s*(?:are|include|:))\s+",
    re.IGNORECASE,
)


def allowed_en(sentence: Sentence) -> list[Found]:
    """'contains only letters, digits, underscores (_), and hyphens (-)', 'can contain Chinese
    characters, letters, numbers, underscores (_), hyphens (-), and periods (.)', 'only
    supports chinese, english, digits, underscore (_), hyphen (-), decimal point (.)'."""
    return _list_after(sentence, _ALLOWED_EN, "allowed", _EN_END)


_FIRST_EN = re.compile(r"\b(?:start|begin)s?\s+with\s+", re.IGNORECASE)


def first_en(sentence: Sentence) -> list[Found]:
    """'must start with a letter', 'begins with a letter or digit'."""
    return _list_after(sentence, _FIRST_EN, "first", _EN_END)


_NEGATION = r"\b(?:cannot|can't|can\s+not|must\s+not|may\s+not|should\s+not|does\s+not|do\s+not)"
_FORBIDDEN_RAW_EN = re.compile(
    rf"{_NEGATION}\s+(?:contain|include)\s+(?:the\s+)?following(?:\s+special)?\s+characters?"
    r"\s*[:：]\s*(?P<chars>.+)$",
    re.IGNORECASE,
)
_FORBIDDEN_EN = re.compile(rf"{_NEGATION}\s+(?:contain|include)\s+", re.IGNORECASE)


def forbidden_en(sentence: Sentence) -> list[Found]:
    """'cannot contain the following characters: <>&'()', 'cannot contain spaces'."""
    out: list[Found] = []
    for m in _FORBIDDEN_RAW_EN.finditer(sentence.text):
        chars = _raw_chars(m["chars"])
        if chars:
            at = sentence.offset + m.start()
            out.append(Found("forbidden", chars, sentence.line_at(m.start()), m.group(0), at))
    if out:
        return out
    return _list_after(sentence, _FORBIDDEN_EN, "forbidden", _EN_END)


# "可包含" (may contain) lists what may appear, not all that may: only a restricting word
# ("只能", "仅") makes the list the allowed characters.
_CONTAINS_ZH = re.compile(
    r"(?:只能包含|仅能包含|仅包含|只包含|只可包含|仅可包含|只可以包含|仅可以包含"
    r"|仅支持|只支持|只允许|仅允许)"
)
_CONSISTS_ZH = re.compile(r"(?:只能|仅)?由")


def allowed_zh(sentence: Sentence) -> list[Found]:
    """'只能包含数字、下划线（_）、短划线（-）和英文句号（.）', '只支持ASCII字符', '由字母、数字组成'.
    '可包含...' alone is not read: it does not say the list is exhaustive."""
    return _list_after(sentence, _CONTAINS_ZH, "allowed", _ZH_END) + _list_after(
        sentence, _CONSISTS_ZH, "allowed", _ZH_END, suffix="组成"
    )


_FIRST_ZH = re.compile(r"(?:必须|需|需要|只能)?以")


def first_zh(sentence: Sentence) -> list[Found]:
    """'以数字、大小写字母或中文开头'."""
    return _list_after(sentence, _FIRST_ZH, "first", _ZH_END, suffix="开头")


_FORBIDDEN_RAW_ZH = re.compile(
    r"不(?:能|可|得|允许)包含(?:以下|如下)?(?:特殊)?字符\s*[:：]\s*(?P<chars>[^，。；]+)"
)
_FORBIDDEN_ZH = re.compile(r"不(?:能|可|得|允许)包含")


def forbidden_zh(sentence: Sentence) -> list[Found]:
    """'不能包含以下字符：<>&'()', '不能包含空格'."""
    out: list[Found] = []
    for m in _FORBIDDEN_RAW_ZH.finditer(sentence.text):
        chars = _raw_chars(m["chars"])
        if chars:
            at = sentence.offset + m.start()
            out.append(Found("forbidden", chars, sentence.line_at(m.start()), m.group(0), at))
    if out:
        return out
    return _list_after(sentence, _FORBIDDEN_ZH, "forbidden", _ZH_END)


RULES: list[Callable[[Sentence], list[Found]]] = [
    allowed_en,
    first_en,
    forbidden_en,
    allowed_zh,
    first_zh,
    forbidden_zh,
]


def _literal(char: str) -> str:
    if char in "\\]^[":
        return "\\" + char
    if ord(char) > 0x7E or ord(char) < 0x20:
        return f"\\u{ord(char):04x}"
    return char


def _class(atoms: list[str], negate: bool = False) -> str:
    """A character class; a literal '-' goes last, where both engines read it literally."""
    body = "".join(a if len(a) > 1 else _literal(a) for a in atoms if a != "-")
    if "-" in atoms:
        body += "-"
    return "[" + ("^" if negate else "") + body + "]"


def _without(atoms: list[str], forbidden: list[str]) -> list[str]:
    return [a for a in atoms if a not in forbidden]


def regex(charset: Charset) -> str | None:
    forbidden = charset.forbidden
    # A forbidden character that a range would let through ("<" inside ASCII) needs a lookahead.
    first = _without(charset.first, forbidden) if charset.first else None
    guard = ""
    if charset.allowed is not None:
        rest = list(first or [])
        rest += [a for a in charset.allowed if a not in rest]
        rest = _without(rest, forbidden)
        ranges = [a for a in rest if len(a) > 1]
        inside = [c for c in forbidden if len(c) == 1 and ranges and re.match(_class(ranges), c)]
        if inside:
            guard = r"(?![\s\S]*" + _class(inside) + ")"
        head = _class(first) if first else ""
        return f"^{guard}{head}{_class(rest)}*$" if rest else None
    if first:
        tail = _class(forbidden, negate=True) if forbidden else r"[\s\S]"
        return f"^{_class(first)}{tail}*$"
    if forbidden:
        return f"^{_class(forbidden, negate=True)}*$"
    return None


def find_pattern(param: model.Parameter, found: list[Sentence], file: str) -> model.Pattern | None:
    if param.type != "string":
        return None
    # a platform's own character set ("For Windows, ... contains only letters and digits")
    # is no pattern for every value: the description keeps it, with its condition
    hits = [hit for sentence in unscoped(found) for rule in RULES for hit in rule(sentence)]
    if not hits:
        return None
    charset = Charset()
    for kind in ("allowed", "first"):
        sets = [hit.atoms for hit in hits if hit.kind == kind]
        # Two statements of what is allowed that differ: read neither (a looser pattern is
        # incomplete; a wrong one rejects good values).
        if sets and all(s == sets[0] for s in sets):
            setattr(charset, kind, sets[0])
    for hit in hits:
        if hit.kind == "forbidden":
            charset.forbidden += [a for a in hit.atoms if a not in charset.forbidden]
    pattern = regex(charset)
    if pattern is None:
        return None
    hits.sort(key=lambda h: (h.line, h.at))
    description = " ".join(dict.fromkeys(shorten(h.quote) for h in hits))
    return model.Pattern(source(file, hits[0].line, description), pattern, description)
