"""Rules across parameters, merged from every parameter's description and the operation's."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import rules
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(
    names: list[str], parameter_text: dict[str, Lines], operation_text: Lines | None = None
) -> list[model.Rule]:
    params = [param(n) for n in names]
    return rules.find_rules(params, parameter_text, operation_text or [], FILE)


def shape(found: list[model.Rule]) -> list[tuple[str, list[str], list[str], list[list[str]]]]:
    return [(r.kind, r.parameters, r.requires, r.groups) for r in found]


TENCENT_CREATE = [
    "AutoScalingGroupId",
    "LifecycleHookName",
    "LifecycleTransition",
    "DefaultResult",
    "HeartbeatTimeout",
    "NotificationMetadata",
    "NotificationTarget",
    "LifecycleTransitionType",
    "LifecycleCommand",
]


def test_tencent_exclusions_stated_twice_are_two_rules() -> None:
    page = "tencent/CreateLifecycleHook.txt"
    found = find(
        TENCENT_CREATE,
        {
            "NotificationMetadata": page_lines(
                page,
                "Additional information of a notification that auto scaling sends to targets. "
                'this parameter is set when you configure a notification (default value: ""), '
                "with a maximum length of 1024 characters. NotificationMetadata and "
                "LifecycleCommand are mutually exclusive, and either can be specified.",
            ),
            "NotificationTarget": page_lines(
                page,
                "Notification target. NotificationTarget and LifecycleCommand cannot be specified "
                "at the same time.",
            ),
            "LifecycleCommand": page_lines(
                page,
                "Specifies the remote command execution object. NotificationTarget and "
                "NotificationMetadata are mutually exclusive with this parameter. either cannot "
                "be specified simultaneously.",
            ),
        },
    )
    assert shape(found) == [
        ("mutually_exclusive", ["NotificationMetadata", "LifecycleCommand"], [], []),
        ("mutually_exclusive", ["NotificationTarget", "LifecycleCommand"], [], []),
    ]
    assert [r.source.line for r in found] == [63, 64]
    assert (
        found[0].source.quote == "NotificationMetadata and LifecycleCommand are mutually exclusive"
    )
    assert found[1].description == (
        "NotificationTarget and LifecycleCommand cannot be specified at the same time."
    )


def test_mutually_exclusive_with_this_parameter_pairs_each_with_this_one() -> None:
    found = find(
        ["NotificationTarget", "NotificationMetadata", "LifecycleCommand"],
        {
            "LifecycleCommand": lines(
                "NotificationTarget and NotificationMetadata are mutually exclusive with this "
                "parameter."
            )
        },
    )
    assert shape(found) == [
        ("mutually_exclusive", ["NotificationTarget", "LifecycleCommand"], [], []),
        ("mutually_exclusive", ["NotificationMetadata", "LifecycleCommand"], [], []),
    ]


def test_three_names_mutually_exclusive_is_ambiguous() -> None:
    found = find(
        ["NotificationMetadata", "NotificationTarget", "LifecycleCommand"],
        {
            "LifecycleCommand": lines(
                "NotificationMetadata, NotificationTarget, and LifecycleCommand are mutually "
                "exclusive and cannot be specified simultaneously."
            )
        },
    )
    assert found == []


def test_alibaba_requires() -> None:
    found = find(
        ["LifecycleTransition", "ScalingGroupId", "NotificationMetadata", "NotificationArn"],
        {
            "NotificationMetadata": page_lines(
                "alibaba/CreateLifecycleHook.md",
                "生命周期挂钩暂停伸缩活动时推送给NotificationArn（通知对象）的通知信息，便于管理和标记不同类别的"
                "通知信息。必须同时指定NotificationArn。参数长度不能超过4096个字符。",
            )
        },
    )
    assert shape(found) == [("requires", ["NotificationMetadata"], ["NotificationArn"], [])]
    assert found[0].source.line == 45
    assert found[0].source.quote == "必须同时指定NotificationArn"


def test_huawei_either_or_from_three_descriptions_is_one_rule() -> None:
    page = "huawei/calling_back_a_lifecycle_hook.rst"
    names = [
        "lifecycle_action_key",
        "instance_id",
        "lifecycle_hook_name",
        "lifecycle_action_result",
    ]
    found = find(
        names,
        {
            "lifecycle_action_key": page_lines(
                page,
                "When specifying a lifecycle callback object, this field is mandatory if the "
                "**instance_id** parameter is not used. If both this parameter and the "
                "**instance_id** parameter are used, preferentially use this parameter for "
                "callback.",
            ),
            "instance_id": page_lines(
                page,
                "When a lifecycle callback object is specified, this parameter is mandatory if the "
                "**lifecycle_action_key** parameter is not used.",
            ),
            "lifecycle_hook_name": [
                (
                    51,
                    "When a lifecycle callback object is specified, this parameter is mandatory "
                    "if the lifecycle_action_key parameter is not used.",
                )
            ],
        },
    )
    assert shape(found) == [
        ("one_of", [], [], [["lifecycle_action_key"], ["instance_id", "lifecycle_hook_name"]])
    ]
    assert found[0].source.line == 41


def test_tencent_one_of_stated_in_both_descriptions() -> None:
    found = find(
        ["LifecycleHookId", "LifecycleActionResult", "InstanceId", "LifecycleActionToken"],
        {
            "InstanceId": lines(
                "One of the parameters InstanceId or LifecycleActionToken is required. you can "
                "get the instance ID by logging in to the console.",
                first=5,
            ),
            "LifecycleActionToken": lines(
                "Lifecycle action token. specifies that one of InstanceId or LifecycleActionToken "
                "must be filled.",
                first=6,
            ),
        },
    )
    assert shape(found) == [("one_of", [], [], [["InstanceId"], ["LifecycleActionToken"]])]
    assert found[0].source.line == 5


def test_aws_required_on_create_per_parameter() -> None:
    page = "aws/putLifecycleHook.txt"
    found = find(
        ["AutoScalingGroupName", "LifecycleHookName", "LifecycleTransition", "RoleARN"],
        {
            "LifecycleTransition": page_lines(
                page,
                "The instance state to which you want to attach the lifecycle hook. The valid "
                "values are:",
                "",
                "- autoscaling:EC2_INSTANCE_LAUNCHING",
                "- autoscaling:EC2_INSTANCE_TERMINATING",
                "Required for new lifecycle hooks, but optional when updating existing hooks.",
            ),
            "RoleARN": [
                (61, "Required for new lifecycle hooks, but optional when updating existing hooks.")
            ],
        },
    )
    assert shape(found) == [
        ("required_on_create", ["LifecycleTransition"], [], []),
        ("required_on_create", ["RoleARN"], [], []),
    ]
    assert [r.source.line for r in found] == [47, 61]


def test_aws_prose_mentioning_a_parameter_is_no_rule() -> None:
    found = find(
        ["DefaultResult", "HeartbeatTimeout"],
        {
            "HeartbeatTimeout": lines(
                "If the lifecycle hook times out, Amazon EC2 Auto Scaling performs the action that "
                "you specified in the DefaultResult parameter."
            )
        },
    )
    assert found == []


@pytest.mark.parametrize(
    ("names", "this", "phrase", "expected"),
    [
        (
            ["LifecycleHookIds", "Filters"],
            "LifecycleHookIds",
            "This parameter does not support specifying both LifecycleHookIds and Filters at the "
            "same time.",
            ("mutually_exclusive", ["LifecycleHookIds", "Filters"], [], []),
        ),
        (
            ["LifecycleHookIds", "Filters"],
            "Filters",
            "It cannot be specified with LifecycleHookIds at the same time.",
            ("mutually_exclusive", ["LifecycleHookIds", "Filters"], [], []),
        ),
        (
            ["LoadBalancerIds", "ForwardLoadBalancers"],
            "LoadBalancerIds",
            "you cannot specify LoadBalancerIds and ForwardLoadBalancers at the same time.",
            ("mutually_exclusive", ["LoadBalancerIds", "ForwardLoadBalancers"], [], []),
        ),
        (
            ["ScalingGroupId", "InstanceIds"],
            None,
            "ScalingGroupId和InstanceIds不能同时指定。",
            ("mutually_exclusive", ["ScalingGroupId", "InstanceIds"], [], []),
        ),
        (
            ["A", "B"],
            "B",
            "本参数不能与A同时指定。",
            ("mutually_exclusive", ["A", "B"], [], []),
        ),
        (
            ["SubnetIds", "VpcId"],
            "SubnetIds",
            "This parameter must be specified together with VpcId.",
            ("requires", ["SubnetIds"], ["VpcId"], []),
        ),
        (
            ["KeyName", "Password"],
            None,
            "Either KeyName or Password must be specified.",
            ("one_of", [], [], [["KeyName"], ["Password"]]),
        ),
        (
            ["InstanceId", "LifecycleActionToken"],
            None,
            "InstanceId和LifecycleActionToken必须指定其一。",
            ("one_of", [], [], [["InstanceId"], ["LifecycleActionToken"]]),
        ),
        (
            ["instance_id", "lifecycle_action_key"],
            "instance_id",
            "未指定lifecycle_action_key时必填。",
            ("one_of", [], [], [["instance_id"], ["lifecycle_action_key"]]),
        ),
        (
            ["Name", "Type"],
            "Type",
            "创建时必填，修改时可选。",
            ("required_on_create", ["Type"], [], []),
        ),
    ],
)
def test_paraphrases(
    names: list[str],
    this: str | None,
    phrase: str,
    expected: tuple[str, list[str], list[str], list[list[str]]],
) -> None:
    if this is None:
        found = find(names, {}, lines(phrase))
    else:
        found = find(names, {this: lines(phrase)})
    assert shape(found) == [expected]


@pytest.mark.parametrize(
    "phrase",
    [
        "If both this parameter and the instance_id parameter are used, preferentially use this "
        "parameter for callback.",
        "either LoadBalancerIds or ForwardLoadBalancers can be specified at the same time.",
        "Image family name. one and only one must be filled in between image Id and image family "
        "name.",
        "This parameter is required when TargetType is CMQ_QUEUE or TDMQ_CMQ_QUEUE.",
        "Unknown and Other cannot be specified at the same time.",
        "指定一个生命周期挂钩ID列表（LifecycleHookIds），此时将忽略ScalingGroupId和LifecycleHookName参数。",
    ],
)
def test_no_rule(phrase: str) -> None:
    names = [
        "LoadBalancerIds",
        "ForwardLoadBalancers",
        "instance_id",
        "TargetType",
        "LifecycleHookIds",
        "ScalingGroupId",
        "LifecycleHookName",
    ]
    assert find(names, {"instance_id": lines(phrase)}, lines(phrase)) == []


def test_this_parameter_in_the_operation_prose_names_nothing() -> None:
    found = find(["A", "B"], {}, lines("A and this parameter are mutually exclusive."))
    assert found == []


def test_names_match_case_and_underscores_loosely_but_not_twice() -> None:
    found = find(
        ["instance_id", "LifecycleActionKey"],
        {},
        lines("InstanceId and lifecycle_action_key are mutually exclusive."),
    )
    assert shape(found) == [("mutually_exclusive", ["instance_id", "LifecycleActionKey"], [], [])]
    clash = find(
        ["InstanceId", "instance_id", "Token"],
        {},
        lines("instanceid and Token are mutually exclusive."),
    )
    assert clash == []


def test_either_or_clauses_without_a_shared_parameter_stay_separate() -> None:
    found = find(
        ["A", "B", "C", "D"],
        {},
        lines("Either A or B must be specified.", "", "Either C or D must be specified."),
    )
    assert shape(found) == [
        ("one_of", [], [], [["A"], ["B"]]),
        ("one_of", [], [], [["C"], ["D"]]),
    ]


def test_rules_are_ordered_by_line_then_kind() -> None:
    found = find(
        ["A", "B", "C"],
        {"C": lines("Required for new hooks, but optional when updating existing hooks.", first=3)},
        lines("A and B are mutually exclusive.", first=9),
    )
    assert [r.kind for r in found] == ["required_on_create", "mutually_exclusive"]


def test_one_of_limited_by_a_condition_is_a_note_not_a_rule() -> None:
    said = page_lines(
        "aws/launchInstances.txt",
        "Either AvailabilityZones or SubnetIds must be specified for groups with multiple Availability Zone configurations.",
    )
    names = ["AvailabilityZones", "SubnetIds"]
    assert find(names, {"AvailabilityZones": said}) == []
    notes = rules.conditional_notes([param(n) for n in names], {"AvailabilityZones": said}, [])
    assert len(notes) == 1
    assert "AvailabilityZones, SubnetIds only under a condition" in notes[0]
    assert f"(line {said[0][0]})" in notes[0]
    # without the condition it is a rule
    plain = lines("Either AvailabilityZones or SubnetIds must be specified.")
    assert shape(find(names, {"SubnetIds": plain})) == [
        ("one_of", [], [], [["AvailabilityZones"], ["SubnetIds"]])
    ]
