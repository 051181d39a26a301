"""Numeric ranges: the phrases of the pages, paraphrases, and numbers that are no range."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import ranges, text
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(found: Lines, type_: model.SpecType = "integer") -> model.Range | None:
    return ranges.find_range(param("p", type_), text.read(found), FILE)


def test_huawei_ranges_from_to_in_the_unit_of_second() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook timeout duration, which ranges from 60 to 86400 in the "
        "unit of second. The default value is 3600.",
    )
    got = find(found)
    assert got is not None
    assert (got.min, got.max, got.unit) == (60, 86400, "seconds")
    assert got.source == model.Source(
        FILE, 56, "stated", "ranges from 60 to 86400 in the unit of second"
    )


def test_aws_the_range_is_from_to_seconds() -> None:
    found = page_lines(
        "aws/putLifecycleHook.txt",
        "Parameter heartbeatTimeout : The maximum time, in seconds, that can elapse before the "
        "lifecycle hook times out. The range is from 30 to 7200 seconds. The default value is "
        "3600 seconds (1 hour).",
    )
    got = find(found)
    assert got is not None
    assert (got.min, got.max, got.unit, got.source.line) == (30, 7200, "seconds", found[0][0])


def test_tencent_value_range_takes_the_unit_stated_elsewhere() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "The maximum length of time (in seconds) that can elapse before the lifecycle hook times "
        "out. Value range: 30-7200. Default value: 300",
    )
    got = find(found)
    assert got is not None
    assert (got.min, got.max, got.unit) == (30, 7200, "seconds")
    assert got.source.line == 62
    assert got.source.quote == "Value range: 30-7200"


@pytest.mark.parametrize(
    "phrase",
    ["取值范围：30~21600，单位：秒。", "取值范围：30~21600，单位为秒，默认值：600。"],
)
def test_alibaba_range_with_unit(phrase: str) -> None:
    got = find(lines("生命周期挂钩为伸缩组活动设置的等待时间。" + phrase))
    assert got is not None
    assert (got.min, got.max, got.unit) == (30, 21600, "seconds")


def test_alibaba_pages_as_written() -> None:
    create = page_lines("alibaba/CreateLifecycleHook.md", "取值范围：30~21600，单位：秒。")
    heartbeat = page_lines(
        "alibaba/RecordLifecycleActionHeartbeat.md", "取值范围：30~21600，单位为秒，默认值：600。"
    )
    for found in (create, heartbeat):
        got = find(found)
        assert got is not None
        assert (got.min, got.max, got.unit, got.source.line) == (30, 21600, "seconds", found[0][0])


def test_maximum_only_and_start_value_only() -> None:
    page_size = find(
        page_lines("alibaba/DescribeLifecycleHooks.md", "分页查询时设置的每页行数。最大值：50。")
    )
    page_number = find(
        page_lines("alibaba/DescribeLifecycleHooks.md", "实例状态列表的页码。起始值：1。")
    )
    assert page_size is not None and (page_size.min, page_size.max) == (None, 50)
    assert page_number is not None and (page_number.min, page_number.max) == (1, None)


def test_two_bounds_from_two_sentences_make_one_range() -> None:
    got = find(lines("最小值：1。", "最大值：50。"))
    assert got is not None
    assert (got.min, got.max, got.source.line) == (1, 50, 10)


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit"),
    [
        ("The value ranges from 1 to 100.", 1, 100, None),
        ("取值范围：1~100。", 1, 100, None),
        ("Value range: 0-3600.", 0, 3600, None),
        ("Value range: 30 - 7,200 seconds.", 30, 7200, "seconds"),
        ("value range: [0,2000]. to meet MaxSize >= DesiredCapacity.", 0, 2000, None),
        ("The expected number of instances, in the range of [0,2000].", 0, 2000, None),
        ("the static value range of this parameter is [1,2000].", 1, 2000, None),
        ("Valid range: 0-100.", 0, 100, None),
        ("The value must be between 1 and 100.", 1, 100, None),
        ("Number of results. Default value: 20. Maximum value: 100.", None, 100, None),
        ("Valid Range: Minimum value of 0. Maximum value of 100.", 0, 100, None),
        ("The minimum parameter value is 0.", 0, None, None),
        ("The cooldown period must be an integer from 0 to 86400.", 0, 86400, None),
        ("取值范围：-1~100。", -1, 100, None),
        ("最大值为50。", None, 50, None),
    ],
)
def test_paraphrases(phrase: str, low: int | None, high: int | None, unit: str | None) -> None:
    got = find(lines(phrase))
    assert got is not None
    assert (got.min, got.max, got.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "phrase",
    [
        "The API version is 2014-08-28.",
        "Value range: 2014-08-28",
        "extends the timeout duration, one hour each time.",
        "The name contains 1 to 64 characters.",
        "长度为2~64个英文或中文字符。",
        "取值范围：[1, 100) ；单位：%。",
        "For example, if the maximum value is 100, the valid values are [1,80].",
        "ECS 实例的等待时间最长不能超过 6 小时。",
        "Specifies the project ID.",
    ],
)
def test_no_range(phrase: str) -> None:
    assert find(lines(phrase)) is None


def test_two_ranges_that_disagree_give_none() -> None:
    assert find(lines("Value range: 30-7200.", "取值范围：30~21600。")) is None


def test_a_lower_bound_above_the_upper_gives_none() -> None:
    assert find(lines("最小值：100。最大值：50。")) is None


def test_only_numeric_parameters_have_ranges() -> None:
    assert find(lines("Value range: 30-7200."), "string") is None
    assert find(lines("Value range: 30-7200."), "array") is None


def test_decimals_only_for_numbers() -> None:
    assert find(lines("取值范围：0.5~1.5。"), "integer") is None
    got = find(lines("取值范围：0.5~1.5。"), "number")
    assert got is not None and (got.min, got.max) == (0.5, 1.5)


def test_bounds_stated_twice_alike_are_quoted_once() -> None:
    got = find(lines("Value range: 30-7200.", "The value ranges from 30 to 7200."))
    assert got is not None
    assert got.source.quote == "Value range: 30-7200; ranges from 30 to 7200"
