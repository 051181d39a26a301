"""The day the docs change: for each doc family, a page is edited the way vendors edit it, the
project is rebuilt, and `specgen diff` must report each change with the right classification;
the rebuilt validator must accept and reject accordingly; `specgen build` must print the same
summary.

Each family goes through two rounds of edits on top of a clean build:
1. compatible edits: a range widened, an enum value added, a parameter added as optional, an
   error code added: every change non-breaking, `--fail-on breaking` passes;
2. breaking edits: a range narrowed, a parameter made required, a parameter removed: every
   change breaking, `--fail-on breaking` exits 1.
The validator generated before each round and the one generated after it are both imported and
given the same requests: what the edit allowed must go from rejected to accepted, what it
forbade from accepted to rejected.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator import diff as diff_mod

from . import workspace as ws
from .workspace import (
    grid_insert_rows,
    grid_remove_row,
    grid_replace,
    insert_after,
    remove_lines,
    replace,
)

Edit = tuple[str, Callable[[str], str]]  # (page relative to the project, text -> new text)


@dataclass(frozen=True)
class Check:
    """One request given to the validator generated before a round and to the one after."""

    operation: str
    request: dict[str, object]
    before: set[str]  # "parameter:constraint" problems from the old validator
    after: set[str]  # ... and from the new one


@dataclass(frozen=True)
class Round:
    edits: list[Edit]
    # (operation, subject, aspect, severity) of every change that is not documentation-only
    changes: set[tuple[str, str, str, str]]
    ranges: tuple[str, str]  # the range change's old and new bounds, as `diff` shows them
    checks: list[Check] = field(default_factory=list)


@dataclass(frozen=True)
class Family:
    name: str
    pages: tuple[str, ...]  # what the project copy holds, under sources/
    package: str
    rounds: tuple[Round, Round]


# --- huawei-rst: a reStructuredText page with grid tables --------------------------------

HW_PAGE = "sources/huawei/creating_a_lifecycle_hook.rst"
HW_OP = "huawei/CreateLifyCycleHook"
HW_BASE: dict[str, object] = {
    "project_id": "0605767a3300d5762fb7c0186d9e1779",
    "scaling_group_id": "e5d27f5c-dd76-4a61-b4bc-a67c5686719a",
    "lifecycle_hook_name": "test-hook1",
    "lifecycle_hook_type": "INSTANCE_LAUNCHING",
    "notification_topic_urn": "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
}
HW_ERRORS = """See :ref:`Error Codes <as_07_0102>`.

.. table:: **Table 4** Error codes

   =========== ========== ==================================================== =============================
   Status Code Error Code Error Message                                        Description
   =========== ========== ==================================================== =============================
   400         AS.2039    The lifecycle hook quota of the AS group is used up. Delete unused lifecycle hooks.
   =========== ========== ==================================================== =============================
"""


def _hw(**more: object) -> dict[str, object]:
    return {**HW_BASE, **more}


HUAWEI = Family(
    "huawei-rst",
    ("huawei",),
    "huawei_as",
    (
        Round(
            edits=[
                (
                    HW_PAGE,
                    lambda t: grid_replace(t, "ranges from 60 to 86400", "ranges from 30 to 86400"),
                ),
                (
                    HW_PAGE,
                    lambda t: grid_insert_rows(
                        t,
                        "-  **INSTANCE_LAUNCHING**: The hook suspends the instance when",
                        [
                            [
                                "",
                                "",
                                "",
                                "-  **INSTANCE_STANDBY**: The hook suspends the instance when the instance enters standby.",
                            ]
                        ],
                        separator=False,
                    ),
                ),
                (
                    HW_PAGE,
                    lambda t: grid_insert_rows(
                        t,
                        "After a notification object is configured, the SMN service sends",
                        [
                            [
                                "notification_mode",
                                "No",
                                "String",
                                "Specifies how notifications are sent. The value contains no more than 16 characters.",
                            ]
                        ],
                        separator=True,
                    ),
                ),
                (
                    HW_PAGE,
                    lambda t: replace(t, "See :ref:`Error Codes <as_07_0102>`.\n", HW_ERRORS),
                ),
            ],
            changes={
                (HW_OP, "parameter default_timeout", "range", "non-breaking"),
                (HW_OP, "parameter lifecycle_hook_type", "enum", "non-breaking"),
                (HW_OP, "parameter notification_mode", "added", "non-breaking"),
                (HW_OP, "error AS.2039", "added", "non-breaking"),
            },
            ranges=("60..86400", "30..86400"),
            checks=[
                Check("CreateLifyCycleHook", _hw(), set(), set()),
                Check(
                    "CreateLifyCycleHook", _hw(default_timeout=45), {"default_timeout:range"}, set()
                ),
                Check(
                    "CreateLifyCycleHook",
                    _hw(default_timeout=86401),
                    {"default_timeout:range"},
                    {"default_timeout:range"},
                ),
                Check(
                    "CreateLifyCycleHook",
                    _hw(lifecycle_hook_type="INSTANCE_STANDBY"),
                    {"lifecycle_hook_type:enum"},
                    set(),
                ),
                Check(
                    "CreateLifyCycleHook",
                    _hw(notification_mode="sync"),
                    {"notification_mode:unknown"},
                    set(),
                ),
                Check(
                    "CreateLifyCycleHook",
                    _hw(notification_mode="s" * 17),
                    {"notification_mode:unknown"},
                    {"notification_mode:length"},
                ),
            ],
        ),
        Round(
            edits=[
                (
                    HW_PAGE,
                    lambda t: grid_replace(t, "ranges from 30 to 86400", "ranges from 30 to 7200"),
                ),
                (
                    HW_PAGE,
                    lambda t: grid_replace(
                        t, "| default_result         | No ", "| default_result         | Yes"
                    ),
                ),
                (HW_PAGE, lambda t: grid_remove_row(t, r"^\s*\| notification_metadata\s+\| No")),
            ],
            changes={
                (HW_OP, "parameter default_timeout", "range", "breaking"),
                (HW_OP, "parameter default_result", "required", "breaking"),
                (HW_OP, "parameter notification_metadata", "removed", "breaking"),
            },
            ranges=("30..86400", "30..7200"),
            checks=[
                Check("CreateLifyCycleHook", _hw(default_result="ABANDON"), set(), set()),
                Check("CreateLifyCycleHook", _hw(), set(), {"default_result:missing"}),
                Check(
                    "CreateLifyCycleHook",
                    _hw(default_result="ABANDON", default_timeout=7201),
                    set(),
                    {"default_timeout:range"},
                ),
                Check(
                    "CreateLifyCycleHook",
                    _hw(default_result="ABANDON", notification_metadata="note"),
                    set(),
                    {"notification_metadata:unknown"},
                ),
            ],
        ),
    ),
)

# --- alibaba-md: a Chinese Markdown page, table rows spanning several lines ----------------

AL_PAGE = "sources/alibaba/CreateLifecycleHook.md"
AL_OP = "alibaba/CreateLifecycleHook"
AL_BASE: dict[str, object] = {
    "ScalingGroupId": "asg-bp1eyv4qn8ssgv43",
    "LifecycleTransition": "SCALE_OUT",
}
AL_NAMED: dict[str, object] = {**AL_BASE, "LifecycleHookName": "hook-1"}
AL_CLIENT_TOKEN = (
    "|ClientToken|String|否|123e4567-e89b-12d3-a456-42665544\\*\\*\\*\\*|保证请求幂等性。从您的客户端生成一个"
    "参数值，确保不同请求间该参数值唯一。只支持ASCII字符，且不能超过64个字符。 |"
)

ALIBABA = Family(
    "alibaba-md",
    ("alibaba",),
    "alibaba_ess",
    (
        Round(
            edits=[
                (AL_PAGE, lambda t: replace(t, "取值范围：30~21600，", "取值范围：30~172800，")),
                (
                    AL_PAGE,
                    lambda t: insert_after(
                        t,
                        "-   ABANDON：直接释放弹性扩张活动",
                        "-   ROLLBACK：对于弹性扩张活动，拒绝ECS实例加入伸缩组并回滚；对于弹性收缩活动，与ABANDON相同。",
                    ),
                ),
                (
                    AL_PAGE,
                    lambda t: insert_after(
                        t, "-   templatename：OOS模板的名称。 |", AL_CLIENT_TOKEN
                    ),
                ),
                (
                    AL_PAGE,
                    lambda t: insert_after(
                        t,
                        "|一个伸缩组最多可以创建6个生命周期挂钩。 |",
                        "|404\n\n|InvalidScalingGroupId.NotFound\n\n"
                        "|The specified scaling group does not exist.\n\n|指定的伸缩组不存在。 |",
                    ),
                ),
            ],
            changes={
                (AL_OP, "parameter HeartbeatTimeout", "range", "non-breaking"),
                (AL_OP, "parameter DefaultResult", "enum", "non-breaking"),
                (AL_OP, "parameter ClientToken", "added", "non-breaking"),
                (AL_OP, "error InvalidScalingGroupId.NotFound", "added", "non-breaking"),
            },
            ranges=("30..21600", "30..172800"),
            checks=[
                Check("CreateLifecycleHook", AL_BASE, set(), set()),
                Check(
                    "CreateLifecycleHook",
                    {**AL_BASE, "HeartbeatTimeout": 30000},
                    {"HeartbeatTimeout:range"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**AL_BASE, "HeartbeatTimeout": 172801},
                    {"HeartbeatTimeout:range"},
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "CreateLifecycleHook",
                    {**AL_BASE, "DefaultResult": "ROLLBACK"},
                    {"DefaultResult:enum"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**AL_BASE, "ClientToken": "t-1"},
                    {"ClientToken:unknown"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**AL_BASE, "ClientToken": "t" * 65},
                    {"ClientToken:unknown"},
                    {"ClientToken:length"},
                ),
            ],
        ),
        Round(
            edits=[
                (AL_PAGE, lambda t: replace(t, "取值范围：30~172800，", "取值范围：30~7200，")),
                (
                    AL_PAGE,
                    lambda t: replace(
                        t, "|LifecycleHookName|String|否|", "|LifecycleHookName|String|是|"
                    ),
                ),
                (
                    AL_PAGE,
                    lambda t: remove_lines(t, "|DefaultResult|String|否|", "默认值：CONTINUE |"),
                ),
                # a quota lowered, where the page states it (the error's meaning repeats it)
                (
                    AL_PAGE,
                    lambda t: t.replace(
                        "最多可以创建6个生命周期挂钩", "最多可以创建5个生命周期挂钩"
                    ),
                ),
            ],
            changes={
                (AL_OP, "parameter HeartbeatTimeout", "range", "breaking"),
                (AL_OP, "parameter LifecycleHookName", "required", "breaking"),
                (AL_OP, "parameter DefaultResult", "removed", "breaking"),
                (AL_OP, "quota lifecycle_hook per scaling_group", "limit", "breaking"),
            },
            ranges=("30..172800", "30..7200"),
            checks=[
                Check("CreateLifecycleHook", AL_NAMED, set(), set()),
                Check("CreateLifecycleHook", AL_BASE, set(), {"LifecycleHookName:missing"}),
                Check(
                    "CreateLifecycleHook",
                    {**AL_NAMED, "HeartbeatTimeout": 10000},
                    set(),
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "CreateLifecycleHook",
                    {**AL_NAMED, "DefaultResult": "CONTINUE"},
                    set(),
                    {"DefaultResult:unknown"},
                ),
            ],
        ),
    ),
)


# --- tencent-text: the text of a web page, parameters as lines ------------------------------

TC_PAGE = "sources/tencent/CreateLifecycleHook.txt"
TC_OP = "tencent/CreateLifecycleHook"
TC_BASE: dict[str, object] = {
    "AutoScalingGroupId": "asg-8fbozqja",
    "LifecycleHookName": "one-hook",
    "LifecycleTransition": "INSTANCE_LAUNCHING",
}

TENCENT = Family(
    "tencent-text",
    ("tencent/CreateLifecycleHook.txt",),
    "tencent_as",
    (
        Round(
            edits=[
                (TC_PAGE, lambda t: replace(t, "Value range: 30-7200.", "Value range: 30-86400.")),
                (
                    TC_PAGE,
                    lambda t: insert_after(
                        t,
                        "  • INSTANCE_TERMINATING: scaling in lifecycle hook",
                        "  • .\n  • INSTANCE_STANDBY: the instance is entering standby",
                    ),
                ),
                (
                    TC_PAGE,
                    lambda t: insert_after(
                        t,
                        "    LifecycleCommand No LifecycleCommand",
                        "    ClientToken No String A unique string supplied by the client to ensure that the request is idempotent, with a maximum length of 64 characters.",
                    ),
                ),
                (
                    TC_PAGE,
                    lambda t: insert_after(
                        t,
                        "    LimitExceeded.QuotaNotEnough You are short of the quota.",
                        "    LimitExceeded.LifecycleHookLimitExceeded The number of lifecycle hooks exceeds the limit.",
                    ),
                ),
            ],
            changes={
                (TC_OP, "parameter HeartbeatTimeout", "range", "non-breaking"),
                (TC_OP, "parameter LifecycleTransition", "enum", "non-breaking"),
                (TC_OP, "parameter ClientToken", "added", "non-breaking"),
                (TC_OP, "error LimitExceeded.LifecycleHookLimitExceeded", "added", "non-breaking"),
            },
            ranges=("30..7200", "30..86400"),
            checks=[
                Check("CreateLifecycleHook", TC_BASE, set(), set()),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "HeartbeatTimeout": 10000},
                    {"HeartbeatTimeout:range"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "HeartbeatTimeout": 86401},
                    {"HeartbeatTimeout:range"},
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "LifecycleTransition": "INSTANCE_STANDBY"},
                    {"LifecycleTransition:enum"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "ClientToken": "t-1"},
                    {"ClientToken:unknown"},
                    set(),
                ),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "ClientToken": "t" * 65},
                    {"ClientToken:unknown"},
                    {"ClientToken:length"},
                ),
            ],
        ),
        Round(
            edits=[
                (TC_PAGE, lambda t: replace(t, "Value range: 30-86400.", "Value range: 30-3600.")),
                (
                    TC_PAGE,
                    lambda t: replace(
                        t, "    DefaultResult No String", "    DefaultResult Yes String"
                    ),
                ),
                (
                    TC_PAGE,
                    lambda t: remove_lines(
                        t,
                        "    LifecycleTransitionType No String",
                        "EXTENSION: the lifecycle hook will be triggered",
                    ),
                ),
            ],
            changes={
                (TC_OP, "parameter HeartbeatTimeout", "range", "breaking"),
                (TC_OP, "parameter DefaultResult", "required", "breaking"),
                (TC_OP, "parameter LifecycleTransitionType", "removed", "breaking"),
            },
            ranges=("30..86400", "30..3600"),
            checks=[
                Check(
                    "CreateLifecycleHook", {**TC_BASE, "DefaultResult": "CONTINUE"}, set(), set()
                ),
                Check("CreateLifecycleHook", TC_BASE, set(), {"DefaultResult:missing"}),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "DefaultResult": "CONTINUE", "HeartbeatTimeout": 5000},
                    set(),
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "CreateLifecycleHook",
                    {**TC_BASE, "DefaultResult": "CONTINUE", "LifecycleTransitionType": "NORMAL"},
                    set(),
                    {"LifecycleTransitionType:unknown"},
                ),
            ],
        ),
    ),
)


# --- aws-dart: an aws_client Dart doc page: signature, prose, implementation ----------------

AW_PAGE = "sources/aws/putLifecycleHook.txt"
AW_OP = "aws/PutLifecycleHook"
AW_BASE: dict[str, object] = {"AutoScalingGroupName": "my-asg", "LifecycleHookName": "my-hook"}
AW_LAUNCHING: dict[str, object] = {
    **AW_BASE,
    "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
}


def _aw_add_description(t: str) -> str:
    """A new optional parameter, as the generated Dart shows it in each place."""
    t = replace(t, "  8. String? roleARN,\n", "  8. String? roleARN,\n  9. String? description,\n")
    t = replace(
        t,
        "  String? roleARN,\n}) async {",
        "  String? roleARN,\n  String? description,\n}) async {",
    )
    t = replace(
        t,
        "\nImplementation\n",
        "\nParameter description : A description of the lifecycle hook.\n\nImplementation\n",
    )
    t = replace(
        t,
        "  final $request = <String, dynamic>{};\n",
        "  _s.validateStringLength(\n    'description',\n    description,\n    0,\n    256,\n  );\n"
        "  final $request = <String, dynamic>{};\n",
    )
    return replace(
        t,
        "  roleARN?.also((arg) => $request['RoleARN'] = arg);\n",
        "  roleARN?.also((arg) => $request['RoleARN'] = arg);\n"
        "  description?.also((arg) => $request['Description'] = arg);\n",
    )


def _aw_require_transition(t: str) -> str:
    t = replace(t, "  5. String? lifecycleTransition,", "  5. required String lifecycleTransition,")
    t = replace(t, "\n  String? lifecycleTransition,", "\n  required String lifecycleTransition,")
    t = replace(
        t,
        "  _s.validateStringLength(\n    'notificationMetadata',",
        "  ArgumentError.checkNotNull(lifecycleTransition, 'lifecycleTransition');\n"
        "  _s.validateStringLength(\n    'notificationMetadata',",
    )
    return replace(
        t,
        "  lifecycleTransition?.also((arg) => $request['LifecycleTransition'] = arg);",
        "  $request['LifecycleTransition'] = lifecycleTransition;",
    )


def _aw_remove_target(t: str) -> str:
    t = replace(t, "  7. String? notificationTargetARN,\n", "")
    t = replace(
        t,
        "  8. String? roleARN,\n  9. String? description,",
        "  7. String? roleARN,\n  8. String? description,",
    )
    t = replace(t, "\n  String? notificationTargetARN,", "")
    t = remove_lines(t, "Parameter notificationTargetARN :", "Test messages contain the following")
    t = replace(
        t,
        "  _s.validateStringLength(\n    'notificationTargetARN',\n    notificationTargetARN,\n    0,\n    255,\n  );\n",
        "",
    )
    return replace(
        t,
        "  notificationTargetARN\n      ?.also((arg) => $request['NotificationTargetARN'] = arg);\n",
        "",
    )


AWS = Family(
    "aws-dart",
    ("aws",),
    "aws_autoscaling",
    (
        Round(
            edits=[
                (
                    AW_PAGE,
                    lambda t: replace(
                        t,
                        "The range is from 30 to 7200 seconds.",
                        "The range is from 30 to 172800 seconds.",
                    ),
                ),
                (
                    AW_PAGE,
                    lambda t: insert_after(
                        t,
                        "  • autoscaling:EC2_INSTANCE_TERMINATING",
                        "  • autoscaling:EC2_INSTANCE_REBOOTING",
                    ),
                ),
                (AW_PAGE, _aw_add_description),
                (
                    AW_PAGE,
                    lambda t: replace(
                        t,
                        "May throw ResourceContentionFault.\n",
                        "May throw ResourceContentionFault. May throw ServiceLinkedRoleFailure.\n",
                    ),
                ),
            ],
            changes={
                (AW_OP, "parameter HeartbeatTimeout", "range", "non-breaking"),
                (AW_OP, "parameter LifecycleTransition", "enum", "non-breaking"),
                (AW_OP, "parameter Description", "added", "non-breaking"),
                (AW_OP, "error ServiceLinkedRoleFailure", "added", "non-breaking"),
            },
            ranges=("30..7200", "30..172800"),
            checks=[
                Check("PutLifecycleHook", AW_BASE, set(), set()),
                Check(
                    "PutLifecycleHook",
                    {**AW_BASE, "HeartbeatTimeout": 10000},
                    {"HeartbeatTimeout:range"},
                    set(),
                ),
                Check(
                    "PutLifecycleHook",
                    {**AW_BASE, "HeartbeatTimeout": 172801},
                    {"HeartbeatTimeout:range"},
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "PutLifecycleHook",
                    {**AW_BASE, "LifecycleTransition": "autoscaling:EC2_INSTANCE_REBOOTING"},
                    {"LifecycleTransition:enum"},
                    set(),
                ),
                Check(
                    "PutLifecycleHook",
                    {**AW_BASE, "Description": "hook"},
                    {"Description:unknown"},
                    set(),
                ),
                Check(
                    "PutLifecycleHook",
                    {**AW_BASE, "Description": "d" * 257},
                    {"Description:unknown"},
                    {"Description:length"},
                ),
            ],
        ),
        Round(
            edits=[
                (
                    AW_PAGE,
                    lambda t: replace(t, "from 30 to 172800 seconds.", "from 30 to 3600 seconds."),
                ),
                (AW_PAGE, _aw_require_transition),
                (AW_PAGE, _aw_remove_target),
            ],
            changes={
                (AW_OP, "parameter HeartbeatTimeout", "range", "breaking"),
                (AW_OP, "parameter LifecycleTransition", "required", "breaking"),
                (AW_OP, "parameter NotificationTargetARN", "removed", "breaking"),
            },
            ranges=("30..172800", "30..3600"),
            checks=[
                Check("PutLifecycleHook", AW_LAUNCHING, set(), set()),
                Check("PutLifecycleHook", AW_BASE, set(), {"LifecycleTransition:missing"}),
                Check(
                    "PutLifecycleHook",
                    {**AW_LAUNCHING, "HeartbeatTimeout": 5000},
                    set(),
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "PutLifecycleHook",
                    {
                        **AW_LAUNCHING,
                        "NotificationTargetARN": "arn:aws:sqs:us-east-1:123456789012:q",
                    },
                    set(),
                    {"NotificationTargetARN:unknown"},
                ),
            ],
        ),
    ),
)


# --- tencent-model: the official API model (JSON) and the Go SDK's error lists --------------

TM_MODEL = "sources/tencent/model/api.json"
TM_CLIENT = "sources/tencent/model/client.go"
TM_OP = "tencent/ModifyLifecycleHook"
TM_BASE: dict[str, object] = {"LifecycleHookId": "ash-je1esoo9"}


def _tm_members(t: str, change: Callable[[list[dict[str, object]]], None]) -> str:
    """Change the members of ModifyLifecycleHookRequest; the file keeps its layout (the model
    is published as JSON indented by two spaces)."""
    data = json.loads(t)
    change(data["objects"]["ModifyLifecycleHookRequest"]["members"])
    return json.dumps(data, indent=2, ensure_ascii=False)


def _tm_member(members: list[dict[str, object]], name: str) -> dict[str, object]:
    return next(m for m in members if m["name"] == name)


def _tm_document(name: str, old: str, new: str) -> Callable[[list[dict[str, object]]], None]:
    def change(members: list[dict[str, object]]) -> None:
        member = _tm_member(members, name)
        member["document"] = replace(str(member["document"]), old, new)

    return change


def _tm_add_member(members: list[dict[str, object]]) -> None:
    members.append(
        {
            "disabled": False,
            "document": "A unique string supplied by the client to ensure that the request is idempotent, with a maximum length of 64 characters.",
            "example": "token-1",
            "member": "string",
            "name": "ClientToken",
            "required": False,
            "type": "string",
        }
    )


def _tm_require(members: list[dict[str, object]]) -> None:
    _tm_member(members, "LifecycleHookName")["required"] = True


def _tm_remove(members: list[dict[str, object]]) -> None:
    members.remove(_tm_member(members, "LifecycleTransitionType"))


def _tm_add_error(t: str) -> str:
    """The Go SDK lists each action's error codes in the comment above each of its two
    methods: add the code to both of ModifyLifecycleHook's."""
    line = '//  INVALIDPARAMETERVALUE_RANGE = "InvalidParameterValue.Range"\n'
    added = '//  LIMITEXCEEDED_QUOTANOTENOUGH = "LimitExceeded.QuotaNotEnough"\n'
    head, *blocks = t.split("// ModifyLifecycleHook\n")
    assert len(blocks) == 2, "expected two ModifyLifecycleHook comment blocks"
    edited = []
    for block in blocks:
        comment, func, rest = block.partition("func ")
        edited.append(replace(comment, line, line + added) + func + rest)
    return "// ModifyLifecycleHook\n".join([head, *edited])


TENCENT_MODEL = Family(
    "tencent-model",
    ("tencent/model",),
    "tencent_as",
    (
        Round(
            edits=[
                (
                    TM_MODEL,
                    lambda t: _tm_members(
                        t,
                        _tm_document(
                            "HeartbeatTimeout", "30 - 7,200 seconds", "30 - 86,400 seconds"
                        ),
                    ),
                ),
                (
                    TM_MODEL,
                    lambda t: _tm_members(
                        t,
                        _tm_document(
                            "LifecycleTransition",
                            "the lifecycle hook is being scaled in.",
                            "the lifecycle hook is being scaled in.\n`INSTANCE_STANDBY`: the instance is entering standby.",
                        ),
                    ),
                ),
                (TM_MODEL, lambda t: _tm_members(t, _tm_add_member)),
                (TM_CLIENT, _tm_add_error),
            ],
            changes={
                (TM_OP, "parameter HeartbeatTimeout", "range", "non-breaking"),
                (TM_OP, "parameter LifecycleTransition", "enum", "non-breaking"),
                (TM_OP, "parameter ClientToken", "added", "non-breaking"),
                (TM_OP, "error LimitExceeded.QuotaNotEnough", "added", "non-breaking"),
            },
            ranges=("30..7200", "30..86400"),
            checks=[
                Check("ModifyLifecycleHook", TM_BASE, set(), set()),
                Check(
                    "ModifyLifecycleHook",
                    {**TM_BASE, "HeartbeatTimeout": 10000},
                    {"HeartbeatTimeout:range"},
                    set(),
                ),
                Check(
                    "ModifyLifecycleHook",
                    {**TM_BASE, "LifecycleTransition": "INSTANCE_STANDBY"},
                    {"LifecycleTransition:enum"},
                    set(),
                ),
                Check(
                    "ModifyLifecycleHook",
                    {**TM_BASE, "ClientToken": "t" * 65},
                    {"ClientToken:unknown"},
                    {"ClientToken:length"},
                ),
            ],
        ),
        Round(
            edits=[
                (
                    TM_MODEL,
                    lambda t: _tm_members(
                        t,
                        _tm_document(
                            "HeartbeatTimeout", "30 - 86,400 seconds", "30 - 3,600 seconds"
                        ),
                    ),
                ),
                (TM_MODEL, lambda t: _tm_members(t, _tm_require)),
                (TM_MODEL, lambda t: _tm_members(t, _tm_remove)),
            ],
            changes={
                (TM_OP, "parameter HeartbeatTimeout", "range", "breaking"),
                (TM_OP, "parameter LifecycleHookName", "required", "breaking"),
                (TM_OP, "parameter LifecycleTransitionType", "removed", "breaking"),
            },
            ranges=("30..86400", "30..3600"),
            checks=[
                Check("ModifyLifecycleHook", {**TM_BASE, "LifecycleHookName": "h"}, set(), set()),
                Check("ModifyLifecycleHook", TM_BASE, set(), {"LifecycleHookName:missing"}),
                Check(
                    "ModifyLifecycleHook",
                    {**TM_BASE, "LifecycleHookName": "h", "HeartbeatTimeout": 5000},
                    set(),
                    {"HeartbeatTimeout:range"},
                ),
                Check(
                    "ModifyLifecycleHook",
                    {**TM_BASE, "LifecycleHookName": "h", "LifecycleTransitionType": "NORMAL"},
                    set(),
                    {"LifecycleTransitionType:unknown"},
                ),
            ],
        ),
    ),
)

FAMILIES = [HUAWEI, ALIBABA, TENCENT, AWS, TENCENT_MODEL]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_docs_change(family: Family, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ws.make_project(tmp_path / "project", family.pages)
    monkeypatch.chdir(root)
    ws.build()
    validators = root / "generated" / "python" / family.package / "validators.py"
    for number, rnd in enumerate(family.rounds, start=1):
        old_specs = ws.snapshot(root / "specs", tmp_path / f"specs-before-round-{number}")
        old_validators = ws.load_module(validators)
        for page, edit in rnd.edits:
            path = root / page
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        built = ws.build()

        report = ws.diff_json(old_specs, root / "specs")
        changes = report["changes"]
        seen = {
            (c["operation"], c["subject"], c["aspect"], c["severity"])
            for c in changes
            if c["severity"] != "docs"
        }
        assert seen == rnd.changes, f"round {number}: {changes}"
        touched = {op for op, *_ in rnd.changes}
        assert {c["operation"] for c in changes} <= touched, changes
        [bounds] = [(c["old"], c["new"]) for c in changes if c["aspect"] == "range"]
        assert bounds == rnd.ranges
        assert report["summary"] == {
            s: sum(1 for c in changes if c["severity"] == s) for s in diff_mod.SEVERITIES
        }

        # `specgen build` ends with the same summary: the head line and one line per change
        # that is not documentation-only, in the order `diff` lists them.
        head = (
            f"spec changes: {report['summary']['breaking']} breaking, "
            f"{report['summary']['non-breaking']} non-breaking, "
            f"{report['summary']['docs']} documentation"
        )
        lines = built.out.splitlines()
        assert head in lines, built.out
        start = lines.index(head) + 1
        listed = [
            f"  {c['severity'].upper():13} {c['operation']}: {c['subject']}: {c['message']}"
            for c in changes
            if c["severity"] != "docs"
        ]
        assert lines[start : start + len(listed)] == listed, built.out

        # CI's gate: the compatible round passes it, the breaking round does not
        gate = ws.specgen("diff", str(old_specs), str(root / "specs"), "--fail-on", "breaking")
        assert gate.code == (0 if number == 1 else 1), gate.out

        new_validators = ws.load_module(validators)
        for check in rnd.checks:
            got_before = ws.problems(old_validators, check.operation, check.request)
            got_after = ws.problems(new_validators, check.operation, check.request)
            assert (got_before, got_after) == (check.before, check.after), check
