"""Enumerations from cued bullet lists, lists of constants, and inline lists."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import enums, text
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(found: Lines, type_: model.SpecType = "string") -> model.Enum | None:
    parts = text.blocks(found)
    return enums.find_enum(param("p", type_), parts, text.sentences(parts), FILE)


def values(got: model.Enum | None) -> list[tuple[model.Scalar, str | None]]:
    assert got is not None
    return [(v.value, v.description) for v in got.values]


def test_huawei_options_with_bold_values() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook type. Options:",
        "",
        "- **INSTANCE_TERMINATING**: The hook suspends the instance when the instance is "
        "terminated.",
        "- **INSTANCE_LAUNCHING**: The hook suspends the instance when the instance is started.",
    )
    got = find(found)
    assert values(got) == [
        ("INSTANCE_TERMINATING", "The hook suspends the instance when the instance is terminated."),
        ("INSTANCE_LAUNCHING", "The hook suspends the instance when the instance is started."),
    ]
    assert got is not None and got.source == model.Source(FILE, 40, "stated", "Options:")


def test_huawei_bare_constants_then_a_note() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the default lifecycle hook callback operation. By default, this operation is "
        "performed when the timeout duration expires.",
        "",
        "- ABANDON",
        "- CONTINUE",
        "",
        "- If an instance is starting, CONTINUE indicates that your customized operations are "
        "successful and the instance can be used.",
        "- The default value of this parameter is ABANDON.",
    )
    got = find(found)
    assert values(got) == [("ABANDON", None), ("CONTINUE", None)]
    assert got is not None and got.source.line == 47


def test_huawei_callback_actions_keep_their_descriptions() -> None:
    found = page_lines(
        "huawei/calling_back_a_lifecycle_hook.rst",
        "Specifies the lifecycle callback action.",
        "",
        "- **ABANDON**: terminates the instance.",
        "- **CONTINUE**: continues the instance.",
        "- **EXTEND**: extends the timeout duration, one hour each time.",
    )
    assert values(find(found)) == [
        ("ABANDON", "terminates the instance."),
        ("CONTINUE", "continues the instance."),
        ("EXTEND", "extends the timeout duration, one hour each time."),
    ]


def test_tencent_valid_values_with_punctuation_bullets() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Scenario for performing the lifecycle hook. valid values:.",
        "- INSTANCE_LAUNCHING: the lifecycle hook is being scaled out.",
        "- .",
        "- INSTANCE_TERMINATING: scaling in lifecycle hook",
        "- .",
    )
    got = find(found)
    assert values(got) == [
        ("INSTANCE_LAUNCHING", "the lifecycle hook is being scaled out."),
        ("INSTANCE_TERMINATING", "scaling in lifecycle hook"),
    ]
    assert got is not None and got.source.line == 52 and got.source.quote == "valid values:."


def test_tencent_inline_valid_values() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Specifies the scenario type for performing the lifecycle hook. valid values: NORMAL and "
        "EXTENSION. default value: NORMAL.",
        "EXTENSION: the lifecycle hook will be triggered when calling AttachInstances",
    )
    got = find(found)
    assert values(got) == [("NORMAL", None), ("EXTENSION", None)]
    assert got is not None and got.source.quote == "valid values: NORMAL and EXTENSION"


def test_aws_either_or_and_prefixed_values() -> None:
    either = page_lines(
        "aws/putLifecycleHook.txt", "This parameter can be either CONTINUE or ABANDON."
    )
    assert values(find(either)) == [("CONTINUE", None), ("ABANDON", None)]

    transition = page_lines(
        "aws/putLifecycleHook.txt",
        "The instance state to which you want to attach the lifecycle hook. The valid values are:",
        "",
        "- autoscaling:EC2_INSTANCE_LAUNCHING",
        "- autoscaling:EC2_INSTANCE_TERMINATING",
        "Required for new lifecycle hooks, but optional when updating existing hooks.",
    )
    got = find(transition)
    assert values(got) == [
        ("autoscaling:EC2_INSTANCE_LAUNCHING", None),
        ("autoscaling:EC2_INSTANCE_TERMINATING", None),
    ]
    assert got is not None and got.source.line == transition[0][0]


def test_alibaba_cue_with_full_width_colons() -> None:
    found = page_lines(
        "alibaba/CreateLifecycleHook.md",
        "生命周期挂钩适用的伸缩活动类型，取值范围：",
        "",
        "- SCALE_OUT：伸缩组弹性扩张活动",
        "- SCALE_IN：伸缩组弹性收缩活动",
    )
    got = find(found)
    assert values(got) == [("SCALE_OUT", "伸缩组弹性扩张活动"), ("SCALE_IN", "伸缩组弹性收缩活动")]
    assert got is not None and got.source.line == 24 and got.source.quote == "取值范围："


def test_alibaba_explanation_bullets_after_the_values_are_not_values() -> None:
    found = page_lines(
        "alibaba/CompleteLifecycleAction.md",
        "生命周期挂钩等待状态结束后的下一步动作。取值范围：",
        "",
        "- CONTINUE：继续响应弹性扩张活动，将ECS实例添加至伸缩组；继续响应弹性收缩活动，将ECS实例从伸缩组移除。",
        "- ABANDON：终止弹性扩张活动，直接释放创建出来的ECS实例；继续响应弹性收缩活动，将ECS实例从伸缩组移除。",
        "",
        "默认值：CONTINUE",
        "",
        "伸缩组中存在多个生命周期挂钩时同步触发，最终的下一步动作如下：",
        "",
        "- 对弹性收缩活动，在ABANDON类型生命周期挂钩触发的等待状态结束时，会将提前结束后续生命周期挂钩的等待状态，将ECS实例从伸缩组移除。",
    )
    assert [v for v, _ in values(find(found))] == ["CONTINUE", "ABANDON"]


def test_alibaba_template_parameters_and_formats_are_not_values() -> None:
    template = page_lines(
        "alibaba/CreateLifecycleHook.md",
        "但以下参数请保持默认值，用于在伸缩活动运行时获取相关信息：",
        "",
        "- regionId：伸缩活动执行的地域，默认为${regionId}",
        "- instanceIds：伸缩活动关联的实例列表，默认为${instanceIds}",
        "- lifecycleHookId：生命周期挂钩ID，默认为${lifecycleHookId}",
    )
    assert find(template) is None
    formats = page_lines(
        "alibaba/CreateLifecycleHook.md",
        "生命周期挂钩通知对象标识符，不设置本参数表示不发送通知，设置本参数时支持以下通知方式：",
        "",
        "- 消息服务MNS队列，参数取值格式：acs:mns:{region-id}:{account-id}:queue/{queuename} 。",
        "- 消息服务MNS主题，参数取值格式：acs:mns:{region-id}:{account-id}:topic/{topicname}。",
        "",
        "参数格式中的变量含义如下：",
        "",
        "- region-id：伸缩组所在的地域的ID。",
        "- account-id：阿里云账号ID，不支持RAM用户的账号ID。",
    )
    assert find(formats) is None


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (lines("Valid values: Default | dedicated"), ["Default", "dedicated"]),
        (
            lines("Target type. valid values include CMQ_QUEUE, CMQ_TOPIC, TDMQ_CMQ_QUEUE."),
            ["CMQ_QUEUE", "CMQ_TOPIC", "TDMQ_CMQ_QUEUE"],
        ),
        (lines("取值：true、false"), ["true", "false"]),
        (lines("The value can be INSERVICE, PAUSED, ERROR, or DELETING."), ["INSERVICE", "PAUSED", "ERROR", "DELETING"]),
        (
            lines("Whether charged. Valid values:", "", "KEEP_CHARGING: keep charging.", "", "STOP_CHARGING: stop."),
            ["KEEP_CHARGING", "STOP_CHARGING"],
        ),
        (
            lines("Specifies the AS group status. The options are as follows:", "- INSERVICE: in service", "- PAUSED: paused"),
            ["INSERVICE", "PAUSED"],
        ),
        (
            lines("Comparison operator. Value range:", "- GREATER_THAN: greater than", "- LESS_THAN: less than"),
            ["GREATER_THAN", "LESS_THAN"],
        ),
        (
            lines("- TDMQ_CMQ_QUEUE. specifies the TDMQ queue.", "- TDMQ_CMQ_TOPIC. specifies the TDMQ topic."),
            ["TDMQ_CMQ_QUEUE", "TDMQ_CMQ_TOPIC"],
        ),
    ],
)  # fmt: skip
def test_paraphrases(found: Lines, expected: list[str]) -> None:
    assert [v for v, _ in values(find(found))] == expected


def test_integer_values_are_integers() -> None:
    got = find(lines("Purchased period in months. Value range: 1, 2, 3, 6, 12, 24, 36."), "integer")
    assert [v for v, _ in values(got)] == [1, 2, 3, 6, 12, 24, 36]
    assert got is not None and all(type(v.value) is int for v in got.values)


def test_inline_list_and_bullets_that_agree_merge_their_descriptions() -> None:
    got = find(
        lines(
            "Target type. valid values include CMQ_QUEUE, CMQ_TOPIC.",
            "- CMQ_QUEUE, specifies the queue model.",
            "- CMQ_TOPIC, specifies the topic model.",
        )
    )
    assert values(got) == [
        ("CMQ_QUEUE", "specifies the queue model."),
        ("CMQ_TOPIC", "specifies the topic model."),
    ]


def test_lists_that_disagree_give_none() -> None:
    found = lines(
        "Target type. valid values include CMQ_QUEUE, CMQ_TOPIC, TDMQ_CMQ_QUEUE.",
        "- CMQ_QUEUE: the queue model.",
        "- CMQ_TOPIC: the topic model.",
    )
    assert find(found) is None


@pytest.mark.parametrize(
    "found",
    [
        lines("This target can be either an SQS queue or an SNS topic."),
        lines("取值范围：30~21600，单位：秒。"),
        lines("Value range: 30-7200."),
        lines("取值：CreateLifecycleHook"),
        lines("- ECS", "- a list item that is a sentence"),
        lines("The following are supported:", "- Create a Lambda function.", "- Create the hook."),
        lines(
            "valid values:.", "", "Default value means CONTINUE to execute.", "- ABANDON: release"
        ),
        lines("Options:", "- A plain sentence here.", "- INSERVICE: in service"),
    ],
)
def test_no_enum(found: Lines) -> None:
    assert find(found) is None


def test_values_that_do_not_fit_the_type_give_none() -> None:
    assert find(lines("Options:", "- ABANDON", "- CONTINUE"), "integer") is None
    assert find(lines("Options:", "- ABANDON", "- CONTINUE"), "boolean") is None


def test_a_default_marked_bullet_keeps_its_enum() -> None:
    """'- OLD_CONFIG_OLD_INSTANCE (default): ...': the value the default miner reads is one of
    the enum's values too."""
    found = page_lines(
        "huawei/creating_an_as_group.rst",
        "Specifies the instance removal policy.",
        "",
        "- OLD_CONFIG_OLD_INSTANCE (default): The earlier-created instances based on the"
        " earlier-created AS configurations are removed first.",
        "- OLD_CONFIG_NEW_INSTANCE: The later-created instances based on the earlier-created AS"
        " configurations are removed first.",
        "- OLD_INSTANCE: The earlier-created instances are removed first.",
        "- NEW_INSTANCE: The later-created instances are removed first.",
    )
    got = values(find(found))
    assert [value for value, _ in got] == [
        "OLD_CONFIG_OLD_INSTANCE",
        "OLD_CONFIG_NEW_INSTANCE",
        "OLD_INSTANCE",
        "NEW_INSTANCE",
    ]
    assert got[0][1] is not None and got[0][1].startswith("The earlier-created instances")


def test_a_default_marked_bullet_after_a_cue() -> None:
    found = page_lines(
        "huawei/deleting_an_as_group.rst",
        "Specifies whether to forcibly delete an AS group. Options:",
        "",
        "- no (default): indicates that the AS group is not forcibly deleted.",
        "- yes: indicates to forcibly delete an AS group.",
    )
    assert [value for value, _ in values(find(found))] == ["no", "yes"]


# --- English forms of the whole AWS service (aws/*.txt) ------------------------------------


def test_the_only_valid_value_is_a_one_value_enum() -> None:
    found = page_lines(
        "aws/startInstanceRefresh.txt",
        "The strategy to use for the instance refresh. The only valid value is Rolling.",
    )
    assert values(find(found)) == [("Rolling", None)]


def test_inline_values_with_glosses_keep_each_gloss() -> None:
    found = page_lines(
        "aws/launchInstances.txt",
        "Specifies whether to retry asynchronously if the synchronous launch fails. Valid values are NONE (default, no async retry) and RETRY_WITH_GROUP_CONFIGURATION (increase desired capacity and retry with group configuration).",
    )
    assert values(find(found)) == [
        ("NONE", "default, no async retry"),
        (
            "RETRY_WITH_GROUP_CONFIGURATION",
            "increase desired capacity and retry with group configuration",
        ),
    ]


def test_default_marker_among_inline_values() -> None:
    found = page_lines(
        "aws/createAutoScalingGroup.txt",
        "The service to use for the health checks. The valid values are EC2 (default) and ELB.",
    )
    assert values(find(found)) == [("EC2", "default"), ("ELB", None)]


def test_a_comma_separated_multi_value_string_is_no_enum() -> None:
    found = lines(
        "A comma-separated value string of one or more health check types. The valid values are EC2, EBS, ELB, and VPC_LATTICE."
    )
    assert find(found) is None
    # the same list for a one-value parameter is an enum
    assert values(find(lines("The valid values are EC2, EBS, ELB, and VPC_LATTICE."))) == [
        ("EC2", None),
        ("EBS", None),
        ("ELB", None),
        ("VPC_LATTICE", None),
    ]


def test_a_cue_scoped_to_a_condition_gives_no_enum() -> None:
    # The unconditional value (BGP) is a bullet of its own before the conditional cue: taking
    # the cued list would reject the model's own example "BGP".
    found = page_lines(
        "tencent/model/api.json",
        "Line type. for details on various types of lines",
        "- BGP: general bgp line.",
        "For a user who has enabled the static single-line IP allowlist, valid values include:.",
        "- CMCC: china mobile.",
        "- CTCC: china telecom.",
        "- CUCC: china unicom",
    )
    assert find(found) is None


def test_an_unconditional_cue_after_another_sentence_still_gives_the_enum() -> None:
    found: Lines = [
        (1, "The line type. When unsure, ask. Valid values include:"),
        (2, "- CMCC: china mobile."),
        (3, "- CTCC: china telecom."),
    ]
    assert values(find(found)) == [("CMCC", "china mobile."), ("CTCC", "china telecom.")]
