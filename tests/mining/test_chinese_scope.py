"""Chinese phrasing that states less than it seems to: list index ranges, "可包含" lists,
platform-scoped sentences, conditional defaults, ranges of list elements. Each test uses the
page's own prose; a fact read here would reject the page's own example or invent a rule."""

from __future__ import annotations

import re

from generator import model
from generator.mining import charsets, defaults, enums, lengths, ranges, text

from .util import page_lines, param

FILE = "sources/x"
CONFIG = "alibaba/CreateScalingConfiguration.md"


def test_list_index_range_is_not_the_value_range() -> None:
    found = text.read(
        page_lines(
            CONFIG,
            "数据盘N的磁盘大小，N的取值范围：1~16，内存单位为GiB。取值范围：",
            "",
            "- cloud：5~2000",
            "- cloud_efficiency：20~32768",
        )
    )
    # the page's example is 100: a range of 1~16 would reject it
    assert ranges.find_range(param("Size", "integer"), found, FILE) is None


def test_list_index_range_bounds_the_list() -> None:
    found = text.read(
        page_lines(
            "alibaba/DescribeScalingGroups.md",
            "ScalingGroupId.N为待查询伸缩组的ID，N的取值范围：1～20。",
        )
    )
    got = lengths.find_length(param("ScalingGroupId", "array"), found, FILE)
    assert got is not None and (got.max, got.unit) == (20, "items")


def test_value_range_of_list_elements() -> None:
    found = text.read(
        page_lines(
            "alibaba/AttachInstances.md",
            "LoadBalancerWeight.N为ECS实例作为负载均衡实例后端服务器时的权重，N的取值范围：1～20，该参数取值范围：1~100。",
        )
    )
    weights = param("LoadBalancerWeight", "array")
    weights.items = "integer"
    got = ranges.find_range(weights, found, FILE)
    assert got is not None and (got.min, got.max) == (1, 100)


def test_may_contain_list_is_not_exhaustive() -> None:
    found = text.read(
        page_lines(
            "alibaba/CreateScalingRule.md",
            "伸缩规则的名称，2~64个英文或中文字符，以数字、大小字母或中文开头，可包含数字、下划线（_）、连字符（-）或点号（.）。",
        )
    )
    # "大小字母" (sic) is no class this miner knows, and "可包含" lists no whole alphabet
    assert charsets.find_pattern(param("ScalingRuleName"), found, FILE) is None


def test_may_contain_keeps_the_first_character_rule_only() -> None:
    found = text.read(
        page_lines(
            CONFIG,
            "伸缩配置的名称，2~64英文或中文字符，以数字、大小写字母或中文开头，可包含数字、下划线（_）、连字符（-）或点号（.）。",
        )
    )
    got = charsets.find_pattern(param("ScalingConfigurationName"), found, FILE)
    assert got is not None
    assert re.fullmatch(got.regex, "scalingconfig****")  # the page's example
    assert not re.fullmatch(got.regex, "_config")


def test_only_may_contain_is_exhaustive() -> None:
    found = text.read([(3, "名称只能包含数字、下划线（_）和短划线（-）。")])
    got = charsets.find_pattern(param("Name"), found, FILE)
    assert got is not None and got.regex == "^[0-9_-]*$"


def test_windows_only_sentence_is_no_pattern_for_every_platform() -> None:
    found = text.read(
        page_lines(
            CONFIG,
            "云服务器的主机名。点号（.）或连字符（-）不能作为首尾字符，不能连续使用点号（.）或连字符（-）。另外，不同类型实例的命名要求如下：",
            "",
            "- Windows实例：主机名长度为2~15，可以包含大小写字母、数字和连字符（-）。不能包含点号（.），不能全是数字。",
            "- 其他类型实例（Linux等）：主机名长度为2~64，可以包含多个点号（.）。两个点号（.）之间为一段，每段可以包含大小写字母、数字和连字符（-）。",
        )
    )
    host = param("HostName")
    assert charsets.find_pattern(host, found, FILE) is None
    assert lengths.find_length(host, found, FILE) is None
    # the same words with no platform label are read
    plain = text.read([(5, "不能包含点号（.）。")])
    assert charsets.find_pattern(host, plain, FILE) is not None


def test_conditional_default_is_no_default() -> None:
    found = text.read(
        page_lines(
            CONFIG,
            "是否为I/O优化实例。[已停售的实例规格](~~55263~~)实例默认值是none，其他实例规格默认值是optimized。取值范围：",
        )
    )
    assert defaults.find_default(param("IoOptimized"), found, FILE, None) is None


def test_default_only_when_another_parameter_is_unset_is_no_default() -> None:
    found = text.read(
        page_lines(
            "alibaba/CreateScalingGroup.md",
            "仅当RemovalPolicy.1和RemovalPolicy.2均未设置取值时，RemovalPolicy.1有默认值，默认为OldestScalingConfiguration。",
        )
    )
    assert defaults.find_default(param("RemovalPolicy"), found, FILE, None) is None


def test_default_when_the_parameter_is_left_out_is_a_default() -> None:
    found = text.read([(7, "如果您没有指定该参数，默认值为600。")])
    got = defaults.find_default(param("Timeout", "integer"), found, FILE, None)
    assert got == model.Default(model.Source(FILE, 7, "stated", "默认值为600"), 600)


def test_note_between_value_bullets_does_not_end_the_list() -> None:
    found = page_lines(
        "alibaba/RemoveInstances.md",
        "指定被移出实例的动作，取值范围：",
        "",
        "- recycle：实例进入停机不收费状态。",
        "",
        "仅在ScalingPolicy为recycle时生效。",
        "",
        "- release：实例被释放。",
    )
    # the reader renders the page's "**说明：** ..." as "Note: ..."
    found = [(n, "Note: " + t if t.startswith("仅在") else t) for n, t in found]
    got = enums.find_enum(param("RemovePolicy"), text.blocks(found), text.read(found), FILE)
    assert got is not None
    assert [v.value for v in got.values] == ["recycle", "release"]  # the page's example: release
