"""Quotas and rate limits from an operation's prose."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import quotas, text
from generator.readers import Lines

from .util import lines, page_lines

FILE = "sources/x"


def find_quotas(found: Lines) -> list[tuple[str, str, int]]:
    return [(q.resource, q.scope, q.limit) for q in quotas.find_quotas(text.read(found), FILE)]


def find_rates(found: Lines) -> list[tuple[int, int]]:
    return [(r.requests, r.per_seconds) for r in quotas.find_rate_limits(text.read(found), FILE)]


def test_huawei_number_word() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "This interface is used to create a lifecycle hook for an AS group. Up to five lifecycle "
        "hooks can be created for one AS group.",
    )
    got = quotas.find_quotas(text.read(found), FILE)
    assert [(q.resource, q.scope, q.limit) for q in got] == [("lifecycle_hook", "scaling_group", 5)]
    assert got[0].source == model.Source(
        FILE, 11, "stated", "Up to five lifecycle hooks can be created for one AS group"
    )


def test_alibaba_chinese_quota() -> None:
    found = page_lines("alibaba/CreateLifecycleHook.md", "一个伸缩组最多可以创建6个生命周期挂钩。")
    got = quotas.find_quotas(text.read(found), FILE)
    assert [(q.resource, q.scope, q.limit) for q in got] == [("lifecycle_hook", "scaling_group", 6)]
    assert got[0].source.line == 7


def test_aws_default_limit_per_group() -> None:
    found = page_lines(
        "aws/putLifecycleHook.txt",
        "If you exceed your maximum limit of lifecycle hooks, which by default is 50 per Auto "
        "Scaling group, the call fails.",
    )
    assert find_quotas(found) == [("lifecycle_hook", "scaling_group", 50)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A maximum of 10 lifecycle hooks can be created for each scaling group.", ("lifecycle_hook", "scaling_group", 10)),
        ("Each AS group can have a maximum of twenty scaling policies.", ("scaling_policy", "scaling_group", 20)),
        ("You can create up to 200 scaling groups in each region.", ("scaling_group", "region", 200)),
        ("The maximum number of tags per scaling group is 10.", ("tag", "scaling_group", 10)),
        ("每个伸缩组最多支持6个生命周期挂钩。", ("lifecycle_hook", "scaling_group", 6)),
        ("每个伸缩组的生命周期挂钩数量上限为6个。", ("lifecycle_hook", "scaling_group", 6)),
        ("一个伸缩组最多可以添加10个伸缩规则。", ("scaling_rule", "scaling_group", 10)),
    ],
)  # fmt: skip
def test_quota_paraphrases(phrase: str, expected: tuple[str, str, int]) -> None:
    assert find_quotas(lines(phrase)) == [expected]


@pytest.mark.parametrize(
    "phrase",
    [
        "ECS 实例的等待时间最长不能超过 6 小时，每次等待状态最多能被延时 20 次。",
        "extends the timeout duration, one hour each time.",
        "If you require more time, extend the timeout duration to enable the instance to remain "
        "in a wait state for an additional hour.",
        "A maximum of 20 requests can be initiated per second for this API.",
        "Up to 10 filters can be included in a request.",
        "一个伸缩组最多可以创建6个未知资源。",
        "If you exceed your maximum limit of instance IDs, which is 50 per Auto Scaling group, "
        "the call fails.",
    ],
)
def test_no_quota(phrase: str) -> None:
    assert find_quotas(lines(phrase)) == []


def test_two_limits_for_the_same_quota_give_none() -> None:
    found = lines(
        "Up to five lifecycle hooks can be created for one AS group.",
        "",
        "一个伸缩组最多可以创建6个生命周期挂钩。",
    )
    assert find_quotas(found) == []


def test_the_same_quota_twice_is_one() -> None:
    found = lines(
        "Up to 6 lifecycle hooks can be created for one AS group.",
        "",
        "一个伸缩组最多可以创建6个生命周期挂钩。",
    )
    got = quotas.find_quotas(text.read(found), FILE)
    assert [(q.limit, q.source.line) for q in got] == [(6, 10)]


def test_tencent_rate_limit() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "A maximum of 20 requests can be initiated per second for this API.",
    )
    got = quotas.find_rate_limits(text.read(found), FILE)
    assert [(r.requests, r.per_seconds) for r in got] == [(20, 1)]
    assert got[0].source == model.Source(
        FILE, 32, "stated", "A maximum of 20 requests can be initiated per second"
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A maximum of 10 requests per second.", (10, 1)),
        ("The API is limited to 100 requests per minute.", (100, 60)),
        ("默认接口请求频率限制：20次/秒。", (20, 1)),
        ("每秒最多可调用20次。", (20, 1)),
        ("Up to 5 calls per second are allowed.", (5, 1)),
    ],
)
def test_rate_paraphrases(phrase: str, expected: tuple[int, int]) -> None:
    assert find_rates(lines(phrase)) == [expected]


@pytest.mark.parametrize(
    "phrase",
    [
        "每次等待状态最多能被延时 20 次。",
        "Up to five lifecycle hooks can be created for one AS group.",
        "The RequestId is returned for every request.",
    ],
)
def test_no_rate(phrase: str) -> None:
    assert find_rates(lines(phrase)) == []


def test_two_rates_for_one_period_give_none() -> None:
    assert find_rates(lines("A maximum of 10 requests per second.", "", "20次/秒。")) == []


@pytest.mark.parametrize(
    ("phrase", "noun"),
    [
        ("lifecycle hooks", "lifecycle_hook"),
        ("AS group", "scaling_group"),
        ("Auto Scaling groups", "scaling_group"),
        ("scaling policies", "scaling_policy"),
        ("instances", "instance"),
        ("hours", None),
        ("requests", None),
    ],
)
def test_snake_nouns(phrase: str, noun: str | None) -> None:
    assert quotas.snake_noun(phrase) == noun
