"""String lengths and list sizes."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import lengths, text
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(found: Lines, type_: model.SpecType = "string") -> model.Length | None:
    return lengths.find_length(param("p", type_), text.read(found), FILE)


def test_huawei_cannot_exceed() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook name. The name contains only letters, digits, underscores "
        "(_), and hyphens (-), and cannot exceed 32 characters.",
    )
    got = find(found)
    assert got is not None
    assert (got.min, got.max, got.unit) == (None, 32, "characters")
    assert got.source == model.Source(FILE, 38, "stated", "cannot exceed 32 characters")


def test_huawei_no_more_than() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies a customized notification, which contains no more than 256 characters in "
        "length. The message cannot contain the following characters: <>&'()",
    )
    got = find(found)
    assert got is not None and (got.max, got.unit, got.source.line) == (256, "characters", 64)


def test_tencent_bytes_and_characters() -> None:
    name = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Lifecycle hook name, which can contain Chinese characters, letters, numbers, underscores "
        "(_), hyphens (-), and periods (.) with a maximum length of 128 bytes.",
    )
    got = find(name)
    assert got is not None and (got.max, got.unit, got.source.line) == (128, "bytes", 51)
    metadata = page_lines(
        "tencent/CreateLifecycleHook.txt", "with a maximum length of 1024 characters."
    )
    got = find(metadata)
    assert got is not None and (got.max, got.unit) == (1024, "characters")


def test_alibaba_span_and_maxima() -> None:
    name = page_lines("alibaba/CreateLifecycleHook.md", "长度为2~64个英文或中文字符")
    got = find(name)
    assert got is not None and (got.min, got.max, got.unit) == (2, 64, "characters")
    assert got.source.line == 29 and got.source.quote == "长度为2~64个英文或中文字符"

    metadata = page_lines("alibaba/CreateLifecycleHook.md", "参数长度不能超过4096个字符。")
    got = find(metadata)
    assert got is not None and (got.min, got.max) == (None, 4096)

    token = page_lines(
        "alibaba/CompleteLifecycleAction.md", "只支持ASCII字符，且不能超过64个字符。"
    )
    got = find(token)
    assert got is not None and (got.max, got.unit) == (64, "characters")


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit"),
    [
        ("The name can contain a maximum of 64 characters", None, 64, "characters"),
        ("The name contains 1 to 64 characters.", 1, 64, "characters"),
        ("It must be between 1 and 255 characters.", 1, 255, "characters"),
        ("Length: 1-64.", 1, 64, "characters"),
        ("maximum length cannot exceed 128.", None, 128, "characters"),
        ("The password must contain at least 8 characters.", 8, None, "characters"),
        ("The token is 36 characters long.", 36, 36, "characters"),
        ("up to 64 English or Chinese characters", None, 64, "characters"),
        ("长度不超过255个字节。", None, 255, "bytes"),
        ("长度为1~64。", 1, 64, "characters"),
        ("至少8个字符。", 8, None, "characters"),
        ("The suffix must be 1 to 105 characters in length.", 1, 105, "characters"),
    ],
)
def test_paraphrases(phrase: str, low: int | None, high: int | None, unit: str) -> None:
    got = find(lines(phrase))
    assert got is not None
    assert (got.min, got.max, got.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "phrase",
    [
        "ECS 实例的等待时间最长不能超过 6 小时，每次等待状态最多能被延时 20 次。",
        "Custom parameters support a maximum of 20 entries.",
        "number of characters has a cap of 64, value range [a-zA-Z0-9-_].",
        "The maximum length of time (in seconds) that can elapse before the hook times out.",
        "Value range: 30-7200.",
        "Up to 10 filters can be included in a request.",
        "The maximum length is 128 KB.",
    ],
)
def test_no_length(phrase: str) -> None:
    assert find(lines(phrase)) is None


def test_statements_that_disagree_give_none() -> None:
    assert find(lines("cannot exceed 32 characters.", "", "不能超过64个字符。")) is None
    assert find(lines("cannot exceed 32 characters.", "", "cannot exceed 32 bytes.")) is None


def test_a_minimum_and_a_maximum_from_two_sentences_combine() -> None:
    got = find(lines("at least 2 characters.", "", "no more than 64 characters."))
    assert got is not None and (got.min, got.max, got.source.line) == (2, 64, 10)


@pytest.mark.parametrize(
    ("phrase", "high"),
    [
        ("Queries by one or more IDs. The maximum quantity per request is 100.", 100),
        ("Up to 10 filters can be included in a request and up to 5 values for each filter.", 10),
        ("Specifies a list of load balancer ids with a maximum length of 20.", 20),
        ("Termination policy, whose maximum length is currently 1.", 1),
        ("生命周期挂钩ID列表，最多支持输入10个ID。", 10),
        ("LifecycleHookId.N的取值范围：1~50。", 50),
    ],
)
def test_list_sizes(phrase: str, high: int) -> None:
    got = find(lines(phrase), "array")
    assert got is not None
    assert (got.min, got.max, got.unit) == (None, high, "items")


def test_a_character_count_is_no_list_size() -> None:
    assert find(lines("单个标签键最多64个字符。"), "array") is None
    assert find(lines("cannot exceed 64 characters."), "array") is None


def test_numbers_and_objects_have_no_length() -> None:
    assert find(lines("cannot exceed 64 characters."), "integer") is None
    assert find(lines("cannot exceed 64 characters."), "object") is None
