"""Quotas ("Up to five lifecycle hooks can be created for one AS group") and rate limits ("A
maximum of 20 requests can be initiated per second for this API") from an operation's prose.

A quota names what is counted and per what, as snake_case singular nouns: lifecycle_hook per
scaling_group. Chinese nouns are read only from a known vocabulary, so "ECS 实例的等待时间最长不能
超过 6 小时，每次等待状态最多能被延时 20 次" (a duration, and a number of extensions) is no quota.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import model
from . import numbers
from .numbers import COUNT
from .text import Sentence, source

# English phrases for the same thing.
_ALIASES = {
    "as group": "scaling group",
    "auto scaling group": "scaling group",
    "autoscaling group": "scaling group",
    "asg": "scaling group",
    "hook": "lifecycle hook",
}
# Chinese nouns, longest first when built into a pattern.
ZH_NOUNS = {
    "伸缩组": "scaling_group",
    "生命周期挂钩": "lifecycle_hook",
    "伸缩配置": "scaling_configuration",
    "伸缩规则": "scaling_rule",
    "定时任务": "scheduled_task",
    "报警任务": "alarm_task",
    "事件通知": "notification",
    "通知": "notification",
    "ECS实例": "instance",
    "实例": "instance",
    "标签": "tag",
    "负载均衡实例": "load_balancer",
    "伸缩策略": "scaling_policy",
    "地域": "region",
    "阿里云账号": "account",
    "账号": "account",
}
# Words that are never a counted resource: durations, sizes, requests, and identifiers ("a
# maximum limit of instance IDs, which is 50 per Auto Scaling group" counts IDs in a call).
_NOT_RESOURCES = {
    "time", "second", "minute", "hour", "day", "character", "byte", "request", "call",
    "entry", "value", "item", "attempt", "retry", "id", "ids", "name", "arn", "token",
}  # fmt: skip
_STOP_WORDS = {"the", "a", "an", "one", "each", "every", "single", "per"}


@dataclass(frozen=True)
class Found:
    resource: str
    scope: str
    limit: int
    line: int
    quote: str


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(?:sses|ches|shes|xes)$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def snake_noun(phrase: str) -> str | None:
    """'lifecycle hooks' -> 'lifecycle_hook', 'AS group' -> 'scaling_group'; None for words
    that do not name a resource."""
    words = [w for w in phrase.lower().split() if w not in _STOP_WORDS]
    if not words or not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words):
        return None
    words[-1] = _singular(words[-1])
    joined = " ".join(words)
    joined = _ALIASES.get(joined, joined)
    if joined.split()[-1] in _NOT_RESOURCES:
        return None
    return joined.replace(" ", "_").replace("-", "_")


_NOUN = r"[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3}?"
_TERM = r"(?=\s*(?:$|[.,;:)]))"
_EACH = r"(?:one|each|a|an|every|a\s+single)"


def _count(text: str) -> int | None:
    value = numbers.parse_number(text)
    return value if isinstance(value, int) and value > 0 else None


def _finds(pattern: re.Pattern[str], sentence: Sentence) -> list[Found]:
    out: list[Found] = []
    for m in pattern.finditer(sentence.text):
        resource, scope, limit = snake_noun(m["noun"]), snake_noun(m["scope"]), _count(m["n"])
        if resource and scope and limit and resource != scope:
            out.append(Found(resource, scope, limit, sentence.line_at(m.start()), m.group(0)))
    return out


_CAN_BE_CREATED_PER = re.compile(
    rf"\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s+(?P<n>{COUNT})\s+"
    rf"(?P<noun>{_NOUN})\s+can\s+be\s+(?:created|added|configured|attached|bound|associated)"
    rf"\s+(?:for|in|to|per|under|with)\s+(?:{_EACH}\s+)?(?P<scope>{_NOUN}){_TERM}",
    re.IGNORECASE,
)


def can_be_created_per(sentence: Sentence) -> list[Found]:
    """'Up to five lifecycle hooks can be created for one AS group', 'A maximum of 10 lifecycle
    hooks can be created for each scaling group'."""
    return _finds(_CAN_BE_CREATED_PER, sentence)


_LIMIT_PER = [
    re.compile(
        rf"\bmaximum\s+(?:limit|number)\s+of\s+(?P<noun>{_NOUN}),?\s+which\s+"
        rf"(?:by\s+default\s+)?is\s+(?:by\s+default\s+)?(?P<n>{COUNT})\s+per\s+"
        rf"(?P<scope>{_NOUN}){_TERM}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:maximum|limit)\s+(?:number\s+)?of\s+(?P<noun>{_NOUN})\s+(?:per|for\s+each"
        rf"|in\s+each|in\s+a|for\s+a|in\s+one|for\s+one)\s+(?P<scope>{_NOUN})\s+is\s+"
        rf"(?P<n>{COUNT}){_TERM}",
        re.IGNORECASE,
    ),
]


def limit_per(sentence: Sentence) -> list[Found]:
    """'maximum limit of lifecycle hooks, which by default is 50 per Auto Scaling group', 'The
    maximum number of lifecycle hooks per scaling group is 50'."""
    return [hit for pattern in _LIMIT_PER for hit in _finds(pattern, sentence)]


_SCOPE_CAN_HAVE = [
    re.compile(
        rf"\b(?:{_EACH})\s+(?P<scope>{_NOUN})\s+can\s+(?:have|contain|include|hold)\s+"
        rf"(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s+(?P<n>{COUNT})\s+"
        rf"(?P<noun>{_NOUN}){_TERM}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\byou\s+can\s+(?:create|add|configure)\s+(?:up\s+to|a\s+maximum\s+of|at\s+most)"
        rf"\s+(?P<n>{COUNT})\s+(?P<noun>{_NOUN})\s+(?:for|in|per)\s+(?:{_EACH}\s+)?"
        rf"(?P<scope>{_NOUN}){_TERM}",
        re.IGNORECASE,
    ),
]


def scope_can_have(sentence: Sentence) -> list[Found]:
    """'Each AS group can have a maximum of 5 lifecycle hooks', 'You can create up to 10
    lifecycle hooks for each scaling group'."""
    return [hit for pattern in _SCOPE_CAN_HAVE for hit in _finds(pattern, sentence)]


_ZH_NOUN = "|".join(sorted(ZH_NOUNS, key=len, reverse=True))


_PER_SCOPE_ZH = [
    re.compile(
        rf"(?:一个|每个|单个)\s*(?P<scope>{_ZH_NOUN})\s*(?:内|中|下)?\s*(?:最多|至多)"
        rf"(?:可以|可|能|能够|允许)?(?:创建|添加|配置|绑定|挂载|关联|支持)(?:创建|添加)?\s*"
        rf"(?P<n>\d+)\s*个\s*(?P<noun>{_ZH_NOUN})"
    ),
    re.compile(
        rf"(?:一个|每个|单个)\s*(?P<scope>{_ZH_NOUN})\s*(?:内|中|下)?的?\s*(?P<noun>{_ZH_NOUN})"
        rf"(?:数量|个数)?\s*(?:最多|上限)(?:为|是)?\s*(?P<n>\d+)\s*个"
    ),
]


def per_scope_zh(sentence: Sentence) -> list[Found]:
    """'一个伸缩组最多可以创建6个生命周期挂钩', '每个伸缩组最多支持6个生命周期挂钩',
    '每个伸缩组的生命周期挂钩数量上限为6个'."""
    out: list[Found] = []
    for pattern in _PER_SCOPE_ZH:
        for m in pattern.finditer(sentence.text):
            resource, scope, limit = ZH_NOUNS[m["noun"]], ZH_NOUNS[m["scope"]], _count(m["n"])
            if limit and resource != scope:
                out.append(Found(resource, scope, limit, sentence.line_at(m.start()), m.group(0)))
    return out


QUOTA_RULES: list[Callable[[Sentence], list[Found]]] = [
    can_be_created_per,
    limit_per,
    scope_can_have,
    per_scope_zh,
]


def find_quotas(found: list[Sentence], file: str) -> list[model.Quota]:
    """Each (resource, scope) once; two different limits for the same pair: neither."""
    hits: dict[tuple[str, str], list[Found]] = {}
    for sentence in found:
        for rule in QUOTA_RULES:
            for hit in rule(sentence):
                hits.setdefault((hit.resource, hit.scope), []).append(hit)
    out: list[model.Quota] = []
    for (resource, scope), said in hits.items():
        if len({h.limit for h in said}) != 1:
            continue
        first = min(said, key=lambda h: h.line)
        out.append(model.Quota(resource, scope, first.limit, source(file, first.line, first.quote)))
    return sorted(out, key=lambda q: (q.source.line, q.resource, q.scope))


_PERIODS = {
    "second": 1, "秒": 1, "s": 1, "sec": 1,
    "minute": 60, "分钟": 60, "min": 60,
    "hour": 3600, "小时": 3600, "h": 3600,
    "day": 86400, "天": 86400,
}  # fmt: skip


@dataclass(frozen=True)
class Rate:
    requests: int
    per_seconds: int
    line: int
    quote: str


def _rates(pattern: re.Pattern[str], sentence: Sentence) -> list[Rate]:
    out: list[Rate] = []
    for m in pattern.finditer(sentence.text):
        n, per = _count(m["n"]), _PERIODS.get(m["per"].lower())
        if n and per:
            out.append(Rate(n, per, sentence.line_at(m.start()), m.group(0)))
    return out


_REQUESTS_PER_PERIOD = re.compile(
    r"\b(?:a\s+maximum\s+of|up\s+to|at\s+most|no\s+more\s+than"
    r"|limit(?:ed)?\s+(?:is\s+|to\s+|of\s+)?)"
    rf"\s*(?P<n>{COUNT})\s+(?:API\s+)?(?:requests?|calls?|invocations?)"
    r"(?:\s+can\s+be\s+(?:initiated|made|sent|submitted|issued))?"
    r"\s*(?:per\s+|/\s*|each\s+|every\s+)(?P<per>second|minute|hour|day|sec|min|s)\b",
    re.IGNORECASE,
)


def requests_per_period(sentence: Sentence) -> list[Rate]:
    """'A maximum of 20 requests can be initiated per second for this API.', 'A maximum of 10
    requests per second', 'limited to 20 requests per second', '20 requests/second'."""
    return _rates(_REQUESTS_PER_PERIOD, sentence)


_REQUESTS_PER_PERIOD_ZH = [
    re.compile(r"(?<!\d)(?P<n>\d+)\s*次\s*/\s*(?P<per>秒|分钟|小时|s|min)"),
    re.compile(
        r"每(?P<per>秒|分钟|小时)(?:钟)?(?:最多|至多)?(?:可以|可|能)?(?:调用|请求|发起)?(?:请求)?"
        r"\s*(?P<n>\d+)\s*次"
    ),
]


def requests_per_period_zh(sentence: Sentence) -> list[Rate]:
    """'20次/秒', '每秒最多可调用20次', '请求频率限制：20次/秒'."""
    return [rate for pattern in _REQUESTS_PER_PERIOD_ZH for rate in _rates(pattern, sentence)]


RATE_RULES: list[Callable[[Sentence], list[Rate]]] = [requests_per_period, requests_per_period_zh]


def find_rate_limits(found: list[Sentence], file: str) -> list[model.RateLimit]:
    hits: dict[tuple[int, int], Rate] = {}
    for sentence in found:
        for rule in RATE_RULES:
            for rate in rule(sentence):
                hits.setdefault((rate.requests, rate.per_seconds), rate)
    # Two different limits stated for the same period: unsure which holds.
    periods = [per for _, per in hits]
    return [
        model.RateLimit(rate.requests, rate.per_seconds, source(file, rate.line, rate.quote))
        for (_, per), rate in sorted(hits.items(), key=lambda kv: kv[1].line)
        if periods.count(per) == 1
    ]
