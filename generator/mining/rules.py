"""Rules across parameters: mutual exclusion, dependency, either-or, required on create.

Read from every top-level parameter's description ("this parameter" is the one being read) and
from the operation's prose. Every name a rule mentions must be a parameter of the operation,
matched case-insensitively and ignoring underscores ("instance_id" is InstanceId, "DefaultResult"
is DefaultResult); a sentence naming anything else is left alone. Statements of the same rule
from several descriptions (Tencent states each exclusion twice) become one rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import model
from ..readers import Lines
from . import text
from .text import Sentence

# A name starts a word: matching from inside one would repeat the work for every letter.
_NAME = r"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*"
_THIS = r"(?:this\s+(?:parameter|field)|本参数|该参数|此参数)"
_ITEM = rf"(?:{_THIS}|(?:the\s+)?(?:parameters?\s+)?{_NAME}(?:\s+parameters?)?)"
_SEP = r"(?:\s*,\s*(?:and|or)\s+|\s*,\s*|\s+and\s+|\s+or\s+|\s*[、，]\s*|\s*(?:和|与|及|或)\s*)"
# At most eight names: a rule never lists more, and a bound keeps matching linear on long text.
_LIST = rf"{_ITEM}(?:{_SEP}{_ITEM}){{0,7}}"
_AT_ONCE = r"(?:at\s+the\s+same\s+time|simultaneously|together)"
_NEGATED = r"(?:cannot|can't|can\s+not|must\s+not|may\s+not|should\s+not)"
_ZH_SET = r"(?:指定|设置|使用|传入|存在|配置|填写)"


@dataclass(frozen=True)
class Statement:
    kind: model.RuleKind
    parameters: tuple[str, ...]
    requires: tuple[str, ...]
    line: int
    quote: str
    sentence: str


class Names:
    """The operation's top-level parameters, found the way prose writes them."""

    def __init__(self, params: list[model.Parameter]) -> None:
        self.order = {p.name: i for i, p in enumerate(params)}
        self._by_key: dict[str, str | None] = {}
        for p in params:
            key = self.key(p.name)
            self._by_key[key] = None if key in self._by_key else p.name

    @staticmethod
    def key(word: str) -> str:
        return word.replace("_", "").lower()

    def resolve(self, item: str, this: str | None) -> str | None:
        item = item.strip()
        if re.fullmatch(_THIS, item, re.IGNORECASE):
            return this
        item = re.sub(r"^(?:the\s+)?(?:parameters?\s+)?|\s+parameters?$", "", item, flags=re.I)
        return self._by_key.get(self.key(item))

    def resolve_all(self, listed: str, this: str | None) -> list[str] | None:
        """Every item of a list, or None if one is not a parameter (or two are the same)."""
        out: list[str] = []
        for item in re.split(_SEP, listed):
            name = self.resolve(item, this)
            if name is None or name in out:
                return None
            out.append(name)
        return out

    def sort(self, names: set[str] | list[str]) -> list[str]:
        """In the order the page lists the parameters."""
        return sorted(names, key=lambda n: (self.order.get(n, len(self.order)), n))

    def positions(self, names: list[str]) -> list[int]:
        return [self.order.get(n, len(self.order)) for n in names]


# A phrase family: (sentence, the parameter being read or None, the names) -> statements.
StatementRule = Callable[[Sentence, str | None, Names], list[Statement]]


def _statement(
    kind: model.RuleKind,
    parameters: list[str],
    sentence: Sentence,
    match: re.Match[str],
    requires: list[str] | None = None,
) -> Statement:
    return Statement(
        kind,
        tuple(parameters),
        tuple(requires or ()),
        sentence.line_at(match.start()),
        match.group(0),
        sentence.text,
    )


def _pairs(
    listed: list[str], other: str, sentence: Sentence, match: re.Match[str]
) -> list[Statement]:
    return [
        _statement("mutually_exclusive", [name, other], sentence, match)
        for name in listed
        if name != other
    ]


def _subject(subject: str | None, this: str | None, names: Names) -> str | None:
    """The parameter a clause is about: "it" and an omitted subject are the one being read."""
    if not subject or subject.lower() == "it":
        return this
    return names.resolve(subject, this)


_MUTEX = [
    re.compile(
        rf"(?P<list>{_LIST})\s+(?:are|is)\s+mutually\s+exclusive"
        rf"(?:\s+with\s+(?P<other>{_ITEM}))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?P<list>{_LIST})\s+{_NEGATED}\s+be\s+(?:specified|set|used|passed|configured|provided)"
        rf"\s+{_AT_ONCE}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:you\s+)?{_NEGATED}\s+(?:specify|set|use|pass)\s+(?P<list>{_LIST})\s+{_AT_ONCE}",
        re.IGNORECASE,
    ),
    re.compile(rf"(?P<list>{_LIST})(?:参数)?(?:不能|不可|不允许|不可以)同时{_ZH_SET}"),
    re.compile(rf"(?P<list>{_LIST})(?:参数)?(?:之间)?互斥"),
]


def mutually_exclusive(sentence: Sentence, this: str | None, names: Names) -> list[Statement]:
    """'NotificationTarget and LifecycleCommand cannot be specified at the same time',
    'you cannot specify LoadBalancerIds and ForwardLoadBalancers at the same time',
    'NotificationMetadata and LifecycleCommand are mutually exclusive', 'NotificationTarget and
    NotificationMetadata are mutually exclusive with this parameter' (each with this one: the
    two named may well go together), 'X和Y不能同时指定', 'X与Y互斥'. A list of three or more
    without 'with ...' is ambiguous (all pairs, or the first ones against the last?): skipped."""
    out: list[Statement] = []
    for pattern in _MUTEX:
        for m in pattern.finditer(sentence.text):
            listed = names.resolve_all(m["list"], this)
            if listed is None:
                continue
            other = m.groupdict().get("other")
            if other:
                with_name = names.resolve(other, this)
                if with_name is not None:
                    out += _pairs(listed, with_name, sentence, m)
            elif len(listed) == 2:
                out.append(_statement("mutually_exclusive", listed, sentence, m))
    return out


_BOTH = re.compile(
    rf"\b(?:does\s+not\s+support|do\s+not\s+support|{_NEGATED})\s+"
    r"(?:specify(?:ing)?|set(?:ting)?|us(?:e|ing)|pass(?:ing)?)\s+both\s+"
    rf"(?P<a>{_ITEM})\s+and\s+(?P<b>{_ITEM})",
    re.IGNORECASE,
)
_NOT_WITH = [
    re.compile(
        rf"\b(?P<subject>it|{_THIS}|{_NAME})\s+{_NEGATED}\s+be\s+(?:specified|set|used|passed)"
        rf"\s+(?:together\s+)?with\s+(?P<list>{_LIST})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?P<subject>{_THIS})?(?:不能|不可|不允许)与(?P<list>{_LIST})(?:参数)?同时{_ZH_SET}"
    ),
]


def excluded_with_this(sentence: Sentence, this: str | None, names: Names) -> list[Statement]:
    """'This parameter does not support specifying both LifecycleHookIds and Filters at the
    same time.', 'It cannot be specified with LifecycleHookIds at the same time.',
    '不能与X同时指定'."""
    out: list[Statement] = []
    for m in _BOTH.finditer(sentence.text):
        a, b = names.resolve(m["a"], this), names.resolve(m["b"], this)
        if a and b and a != b:
            out.append(_statement("mutually_exclusive", [a, b], sentence, m))
    for pattern in _NOT_WITH:
        for m in pattern.finditer(sentence.text):
            name = _subject(m["subject"], this, names)
            listed = names.resolve_all(m["list"], this)
            if name and listed:
                out += _pairs(listed, name, sentence, m)
    return out


_REQUIRES = [
    re.compile(rf"(?:必须|须|需要|需)同时(?:指定|设置|传入|配置)(?:参数)?\s*(?P<list>{_LIST})"),
    re.compile(
        rf"\b(?P<subject>it|{_THIS}|{_NAME})\s+(?:must|should)\s+(?:also\s+)?be\s+"
        rf"(?:specified|used|set|provided)\s+(?:together\s+)?with\s+(?P<list>{_LIST})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\bif\s+you\s+(?:specify|set)\s+(?P<subject>{_ITEM}),\s+you\s+must\s+also\s+"
        rf"(?:specify|set)\s+(?P<list>{_LIST})",
        re.IGNORECASE,
    ),
]


def requires(sentence: Sentence, this: str | None, names: Names) -> list[Statement]:
    """'必须同时指定NotificationArn' (in NotificationMetadata), 'This parameter must be
    specified together with X', 'If you specify this parameter, you must also specify X'."""
    out: list[Statement] = []
    for pattern in _REQUIRES:
        for m in pattern.finditer(sentence.text):
            name = _subject(m.groupdict().get("subject"), this, names)
            listed = names.resolve_all(m["list"], this)
            if name and listed and name not in listed:
                out.append(_statement("requires", [name], sentence, m, listed))
    return out


# "this parameter is required unless/if not X": one of this and X.
_UNLESS = [
    re.compile(
        r"\b(?:this\s+(?:field|parameter)|it)\s+is\s+(?:mandatory|required)\s+(?:if|when)\s+"
        rf"(?P<other>{_ITEM})\s+is\s+not\s+(?:used|specified|set|provided|passed|given)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:this\s+(?:field|parameter)|it)\s+is\s+(?:mandatory|required)\s+unless\s+"
        rf"(?P<other>{_ITEM})\s+is\s+(?:used|specified|set|provided|passed|given)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:不|未|没有)(?:指定|设置|传入|填写)(?P<other>{_ITEM})(?:参数)?(?:时|的情况下)[，,]?"
        rf"(?:{_THIS})?(?:必须指定|必须填写|必填|为必填|为必选)"
    ),
]
# "one of X or Y is required": one of the listed.
_ONE_OF_LISTED = [
    re.compile(
        rf"\b(?:one\s+of|either)\s+(?:the\s+)?(?:parameters\s+)?(?P<list>{_LIST})\s+"
        r"(?:is|must\s+be)\s+(?:required|specified|filled|provided|set|passed)",
        re.IGNORECASE,
    ),
    re.compile(rf"\bmust\s+specify\s+(?:either|one\s+of)\s+(?P<list>{_LIST})", re.IGNORECASE),
    re.compile(
        rf"(?P<list>{_LIST})(?:参数)?(?:中)?(?:必须|需要|须)?(?:指定|填写|传入|设置)?"
        r"(?:其一|之一|其中一个|其中之一|二选一)"
    ),
    re.compile(rf"(?P<list>{_LIST})(?:参数)?(?:中)?至少(?:指定|填写|传入|设置)?一个"),
]


def one_of(sentence: Sentence, this: str | None, names: Names) -> list[Statement]:
    """'this field is mandatory if the instance_id parameter is not used' (one of this or
    instance_id), 'One of the parameters InstanceId or LifecycleActionToken is required',
    'Either X or Y must be specified', 'X和Y必须指定其一', '未指定X时必填'."""
    out: list[Statement] = []
    for pattern in _UNLESS:
        for m in pattern.finditer(sentence.text):
            other = names.resolve(m["other"], this)
            if this and other and other != this:
                out.append(_statement("one_of", names.sort([this, other]), sentence, m))
    for pattern in _ONE_OF_LISTED:
        for m in pattern.finditer(sentence.text):
            listed = names.resolve_all(m["list"], this)
            if listed and len(listed) >= 2 and not is_conditional(sentence.text, m.end()):
                out.append(_statement("one_of", names.sort(listed), sentence, m))
    return out


# "... must be specified for groups with multiple Availability Zone configurations": the
# statement holds only under the condition that follows it.
_CONDITION_AFTER = re.compile(
    r"\s*,?\s*(?:for|when|if|unless|in\s+case|only\s+(?:for|when|if))\b", re.I
)


def is_conditional(sentence: str, end: int) -> bool:
    """Does a condition follow the statement that ends at `end`?"""
    return _CONDITION_AFTER.match(sentence, end) is not None


def conditional_notes(
    params: list[model.Parameter], parameter_text: dict[str, Lines], operation_text: Lines
) -> list[str]:
    """Notes for the 'one of X or Y' statements a condition limits: never rules, since the
    model has no condition to carry (the sentence says when they hold)."""
    names = Names(params)
    notes: list[str] = []
    texts = [parameter_text[p.name] for p in params if p.name in parameter_text]
    for lines in [*texts, operation_text]:
        for sentence in text.read(lines):
            for pattern in _ONE_OF_LISTED:
                for m in pattern.finditer(sentence.text):
                    listed = names.resolve_all(m["list"], None)
                    if listed and len(listed) >= 2 and is_conditional(sentence.text, m.end()):
                        note = (
                            f"one of {', '.join(names.sort(listed))} only under a condition "
                            f"(line {sentence.line_at(m.start())}): {sentence.text}"
                        )
                        if note not in notes:
                            notes.append(note)
    return notes


_ON_CREATE = [
    re.compile(
        r"\brequired\s+(?:for\s+new\s+[\w\s-]+?|when\s+(?:you\s+)?creat(?:e|ing)\b[\w\s-]*?"
        r"|on\s+create),?\s+(?:but|and)\s+optional\s+(?:when|for|on)\s+(?:updating|modifying"
        r"|update)",
        re.IGNORECASE,
    ),
    re.compile(
        r"创建(?:时|[\u4e00-\u9fff]{1,8}时)(?:必填|必须指定|必选)[，,]\s*(?:修改|更新)时(?:可选|选填|非必填)"
    ),
]


def required_on_create(sentence: Sentence, this: str | None, names: Names) -> list[Statement]:
    """'Required for new lifecycle hooks, but optional when updating existing hooks.',
    '创建时必填，修改时可选'."""
    if this is None:
        return []
    return [
        _statement("required_on_create", [this], sentence, m)
        for pattern in _ON_CREATE
        for m in pattern.finditer(sentence.text)
    ]


RULES: list[StatementRule] = [
    mutually_exclusive,
    excluded_with_this,
    requires,
    one_of,
    required_on_create,
]
_KIND_ORDER = {"mutually_exclusive": 0, "requires": 1, "one_of": 2, "required_on_create": 3}


def _rule(
    statement: Statement,
    file: str,
    parameters: list[str],
    requires: list[str] | None = None,
    groups: list[list[str]] | None = None,
) -> model.Rule:
    return model.Rule(
        kind=statement.kind,
        source=text.source(file, statement.line, statement.quote),
        parameters=parameters,
        requires=requires or [],
        groups=groups or [],
        description=statement.sentence,
    )


def _first(statements: list[Statement]) -> Statement:
    return min(statements, key=lambda s: s.line)


def _either_or(
    clauses: dict[frozenset[str], list[Statement]], names: Names, file: str
) -> list[model.Rule]:
    """One rule per group of 'A or B' clauses sharing a parameter: (L or A) and (L or B) is
    L or (A and B), which is how Huawei's callback says 'the action key, or the instance ID and
    the hook name'."""
    out: list[model.Rule] = []
    pairs = {c: s for c, s in clauses.items() if len(c) == 2}
    for clause, said in clauses.items():
        if len(clause) > 2:
            out.append(_rule(_first(said), file, [], groups=[[n] for n in names.sort(set(clause))]))
    # Connected groups of pairs.
    remaining = sorted(pairs, key=lambda c: _first(pairs[c]).line)
    while remaining:
        component = [remaining.pop(0)]
        grew = True
        while grew:
            grew = False
            for clause in list(remaining):
                if any(clause & other for other in component):
                    component.append(clause)
                    remaining.remove(clause)
                    grew = True
        said = [s for clause in component for s in pairs[clause]]
        common = frozenset.intersection(*component)
        if len(component) == 1:
            groups = [[n] for n in names.sort(set(component[0]))]
        elif len(common) == 1:
            centre = next(iter(common))
            others = names.sort(set().union(*component) - common)
            groups = sorted([[centre], others], key=lambda g: names.order.get(g[0], 0))
        else:  # no parameter shared by all: each clause on its own
            for clause in component:
                groups = [[n] for n in names.sort(set(clause))]
                out.append(_rule(_first(pairs[clause]), file, [], groups=groups))
            continue
        out.append(_rule(_first(said), file, [], groups=groups))
    return out


def find_rules(
    params: list[model.Parameter],
    parameter_text: dict[str, Lines],
    operation_text: Lines,
    file: str,
) -> list[model.Rule]:
    """The rules the prose states, merged and in a stable order (by line, then kind)."""
    names = Names(params)
    statements: list[Statement] = []
    texts: list[tuple[str | None, Lines]] = [
        (p.name, parameter_text[p.name]) for p in params if p.name in parameter_text
    ]
    texts.append((None, operation_text))
    for this, lines in texts:
        for sentence in text.read(lines):
            for rule in RULES:
                statements += rule(sentence, this, names)

    grouped: dict[tuple[str, frozenset[str], frozenset[str]], list[Statement]] = {}
    for s in statements:
        key = (s.kind, frozenset(s.parameters), frozenset(s.requires))
        grouped.setdefault(key, []).append(s)

    out: list[model.Rule] = []
    clauses: dict[frozenset[str], list[Statement]] = {}
    for (kind, parameters, required), said in grouped.items():
        if kind == "one_of":
            clauses[parameters] = said
        elif kind == "requires":
            out.append(
                _rule(_first(said), file, names.sort(set(parameters)), names.sort(set(required)))
            )
        else:
            out.append(_rule(_first(said), file, names.sort(set(parameters))))
    out += _either_or(clauses, names, file)
    out.sort(
        key=lambda r: (
            r.source.line,
            _KIND_ORDER[r.kind],
            names.positions(r.parameters),
            names.positions(r.requires),
            [names.positions(g) for g in r.groups],
        )
    )
    return out
