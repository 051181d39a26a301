"""Operations for the generation tests.

`spec_operations` are the real specs under specs/ (what `specgen extract` wrote from sources/).
`seed_list()` builds Operations by hand that mirror the seed pages (one per protocol, plus an
AWS list parameter); the escaping test fills them with hostile text, independent of what the
extractor reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from generator.model import (
    Default,
    Enum,
    EnumValue,
    ErrorCode,
    Example,
    Length,
    Operation,
    Parameter,
    Pattern,
    Quota,
    Range,
    RateLimit,
    Rule,
    Source,
    Status,
)
from generator.render import Context, environment

ROOT = Path(__file__).resolve().parent.parent.parent


def render_context(templates: Path | None = None) -> Context:
    tdir = templates or ROOT / "templates"
    return Context(env=environment(tdir), templates=tdir)


def load_spec_operations() -> list[model.Operation]:
    from generator.extract import load_specs

    return load_specs(ROOT / "specs", ROOT)


@pytest.fixture(scope="session")
def spec_operations() -> list[model.Operation]:
    ops = load_spec_operations()
    assert ops, "specs/ holds no specs: run `.venv/bin/specgen extract` first"
    return ops


def _s(file: str, line: int, quote: str | None = None, origin: model.Origin = "stated") -> Source:
    return Source(file, line, origin, quote)


def _enum(file: str, line: int, *values: str) -> Enum:
    return Enum(_s(file, line), [EnumValue(v) for v in values])


def huawei_create() -> Operation:
    f = "sources/huawei/creating_a_lifecycle_hook.rst"
    statuses = [
        (400, "Bad Request"), (401, "Unauthorized"), (403, "Forbidden"), (404, "Not Found"),
        (405, "Method Not Allowed"), (406, "Not Acceptable"),
        (407, "Proxy Authentication Required"), (408, "Request Timeout"), (409, "Conflict"),
        (500, "Internal Server Error"), (501, "Not Implemented"), (502, "Bad Gateway"),
        (503, "Service Unavailable"), (504, "Gateway Timeout"),
    ]  # fmt: skip
    return Operation(
        provider="huawei",
        service="as",
        api_version="v1",
        protocol="huawei-rest",
        name="CreateLifecycleHook",
        family="huawei-rst",
        source=_s(f, 1),
        method="POST",
        path="/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}",
        title="Creating a Lifecycle Hook",
        summary="This interface is used to create a lifecycle hook for an AS group.",
        description="This interface is used to create a lifecycle hook for an AS group. "
        "Up to five lifecycle hooks can be created for one AS group.",
        success_status=200,
        parameters=[
            Parameter("project_id", _s(f, 28), location="path", required=True,
                      doc_type="String", description="Specifies the project ID."),
            Parameter("scaling_group_id", _s(f, 29), location="path", required=True,
                      doc_type="String", description="Specifies the AS group ID."),
            Parameter(
                "lifecycle_hook_name", _s(f, 42), required=True, doc_type="String",
                description="Specifies the lifecycle hook name.",
                length=Length(_s(f, 42, "cannot exceed 32 characters"), max=32),
                pattern=Pattern(_s(f, 42, "contains only letters, digits, underscores (_), and hyphens (-)"),
                                "^[A-Za-z0-9_-]*$", "letters, digits, underscores and hyphens"),
            ),
            Parameter(
                "lifecycle_hook_type", _s(f, 44), required=True, doc_type="String",
                description="Specifies the lifecycle hook type.",
                enum=Enum(_s(f, 46), [
                    EnumValue("INSTANCE_TERMINATING", "The hook suspends the instance when the instance is terminated."),
                    EnumValue("INSTANCE_LAUNCHING", "The hook suspends the instance when the instance is started."),
                ]),
            ),
            Parameter(
                "default_result", _s(f, 49), doc_type="String",
                description="Specifies the default lifecycle hook callback operation.",
                enum=_enum(f, 51, "ABANDON", "CONTINUE"),
                default=Default(_s(f, 58, "The default value of this parameter is ABANDON"), "ABANDON"),
            ),
            Parameter(
                "default_timeout", _s(f, 60), type="integer", doc_type="Integer",
                description="Specifies the lifecycle hook timeout duration.",
                range=Range(_s(f, 60, "ranges from 60 to 86400"), 60, 86400, "seconds"),
                default=Default(_s(f, 60, "The default value is 3600"), 3600),
                example="3600",
            ),
            Parameter("notification_topic_urn", _s(f, 64), required=True, doc_type="String",
                      description="Specifies a unique topic in SMN."),
            Parameter(
                "notification_metadata", _s(f, 68), doc_type="String",
                description="Specifies a customized notification.",
                length=Length(_s(f, 68, "no more than 256 characters"), max=256),
                pattern=Pattern(_s(f, 68, "cannot contain the following characters: <>&'()"), "^[^<>&'()]*$"),
            ),
        ],
        response=[
            Parameter("lifecycle_hook_name", _s(f, 99), doc_type="String"),
            Parameter("default_timeout", _s(f, 109), type="integer", doc_type="Integer"),
            Parameter("create_time", _s(f, 117), doc_type="String"),
        ],
        quotas=[Quota("lifecycle_hook", "scaling_group", 5, _s(f, 11, "Up to five lifecycle hooks"))],
        statuses=[Status(code, _s(f, 156 + 2 * i), reason, f"{reason}.") for i, (code, reason) in enumerate(statuses)],
        examples=[
            Example("request", "json",
                    '{\n    "lifecycle_hook_name": "test-hook1",\n    "default_timeout": 3600\n}', _s(f, 74)),
            Example("response", "json",
                    '{\n    "lifecycle_hook_name": "test-hook1",\n    "default_timeout": 3600,\n'
                    '    "create_time": "2019-03-18T16:00:11Z"\n}', _s(f, 125)),
        ],
        provenance={"path": _s(f, 20), "method": _s(f, 20), "success_status": _s(f, 143)},
    )  # fmt: skip


def aws_put() -> Operation:
    f = "sources/aws/putLifecycleHook.txt"
    return Operation(
        provider="aws",
        service="autoscaling",
        api_version="2011-01-01",
        protocol="aws-query",
        name="PutLifecycleHook",
        family="aws-dart",
        source=_s(f, 1),
        action="PutLifecycleHook",
        summary="Creates or updates a lifecycle hook for the specified Auto Scaling group.",
        description="Creates or updates a lifecycle hook for the specified Auto Scaling group.",
        result_wrapper="PutLifecycleHookResult",
        parameters=[
            Parameter("AutoScalingGroupName", _s(f, 75), required=True, doc_type="String",
                      length=Length(_s(f, 77), 1, 255)),
            Parameter("LifecycleHookName", _s(f, 83), required=True, doc_type="String",
                      length=Length(_s(f, 85), 1, 255)),
            Parameter("DefaultResult", _s(f, 41), doc_type="String?",
                      enum=_enum(f, 41, "CONTINUE", "ABANDON"),
                      default=Default(_s(f, 41, "The default value is ABANDON."), "ABANDON")),
            Parameter("HeartbeatTimeout", _s(f, 43), type="integer", doc_type="int?",
                      range=Range(_s(f, 43, "The range is from 30 to 7200 seconds."), 30, 7200, "seconds"),
                      default=Default(_s(f, 43, "The default value is 3600 seconds"), 3600)),
            Parameter("LifecycleTransition", _s(f, 47), doc_type="String?",
                      enum=_enum(f, 49, "autoscaling:EC2_INSTANCE_LAUNCHING",
                                 "autoscaling:EC2_INSTANCE_TERMINATING")),
            Parameter("NotificationMetadata", _s(f, 53), doc_type="String?",
                      length=Length(_s(f, 91), 1, 1023)),
            Parameter("NotificationTargetARN", _s(f, 55), doc_type="String?",
                      length=Length(_s(f, 97), 0, 255)),
            Parameter("RoleARN", _s(f, 63), doc_type="String?", length=Length(_s(f, 103), 1, 255)),
        ],
        rules=[
            Rule("required_on_create", _s(f, 51, "Required for new lifecycle hooks"),
                 parameters=["LifecycleTransition"]),
            Rule("required_on_create", _s(f, 65, "Required for new lifecycle hooks"), parameters=["RoleARN"]),
        ],
        quotas=[Quota("lifecycle_hook", "auto_scaling_group", 50,
                      _s(f, 29, "which by default is 50 per Auto Scaling group"))],
        errors=[
            ErrorCode("LimitExceeded", _s(f, 33, "May throw LimitExceededFault."), meaning="LimitExceededFault"),
            ErrorCode("ResourceContention", _s(f, 33, "May throw ResourceContentionFault."),
                      meaning="ResourceContentionFault"),
        ],
        provenance={"action": _s(f, 123), "api_version": _s(f, 124), "result_wrapper": _s(f, 131)},
    )  # fmt: skip


def aws_describe() -> Operation:
    """An operation with a list parameter: `LifecycleHookNames.member.N` on the form."""
    f = "sources/aws/describeLifecycleHooks.txt"
    return Operation(
        provider="aws",
        service="autoscaling",
        api_version="2011-01-01",
        protocol="aws-query",
        name="DescribeLifecycleHooks",
        family="aws-dart",
        source=_s(f, 1),
        action="DescribeLifecycleHooks",
        summary="Gets information about the lifecycle hooks for the specified Auto Scaling group.",
        result_wrapper="DescribeLifecycleHooksResult",
        parameters=[
            Parameter("AutoScalingGroupName", _s(f, 19), required=True, length=Length(_s(f, 23), 1, 255)),
            Parameter("LifecycleHookNames", _s(f, 20), type="array", items="string",
                      doc_type="List<String>?", length=Length(_s(f, 14), max=50, unit="items")),
        ],
        response=[
            Parameter("LifecycleHooks", _s(f, 40), type="array", items="object", fields=[
                Parameter("LifecycleHookName", _s(f, 40)),
                Parameter("HeartbeatTimeout", _s(f, 40), type="integer"),
            ]),
        ],
    )  # fmt: skip


def alibaba_create() -> Operation:
    f = "sources/alibaba/CreateLifecycleHook.md"
    errors = [
        ("InvalidParamter", "The specified value of parameter is not valid.", "参数值不合法。"),
        ("InvalidNotificationArn", "The specified parameter notificationArn is invalid.",
         "指定的NotificationArn不合法。"),
        ("UnsupportedNotificationType.CurrentRegion",
         "The notificationType is not supported in the special region which scalingGroup belongs to.",
         "当前地域不支持该通知方式。"),
        ("QueueNotExist", "The specified queue does not exist.", "指定的MNS队列不存在。"),
        ("TopicNotExist", "The specified topic does not exist.", "指定的MNS主题不存在。"),
        ("InvalidLifecycleHookName.Duplicate", "The specified value of parameter lifecycleHookName is duplicated.",
         "生命周期挂钩已存在。"),
        ("QuotaExceeded.LifecycleHook", "Lifecycle hook quota exceeded in the specified scaling group.",
         "一个伸缩组最多可以创建6个生命周期挂钩。"),
    ]
    return Operation(
        provider="alibaba",
        service="ess",
        api_version="2014-08-28",
        protocol="alibaba-rpc",
        name="CreateLifecycleHook",
        family="alibaba-md",
        source=_s(f, 1),
        action="CreateLifecycleHook",
        summary="调用CreateLifecycleHook为伸缩组创建一个或多个生命周期挂钩。",
        description="一个伸缩组最多可以创建6个生命周期挂钩。",
        endpoint="ess.aliyuncs.com",
        parameters=[
            Parameter("LifecycleTransition", _s(f, 24), location="query", required=True, doc_type="String",
                      example="SCALE_OUT", enum=Enum(_s(f, 26), [
                          EnumValue("SCALE_OUT", "伸缩组弹性扩张活动"), EnumValue("SCALE_IN", "伸缩组弹性收缩活动")])),
            Parameter("ScalingGroupId", _s(f, 28), location="query", required=True, doc_type="String",
                      example="asg-bp1eyv4qn8ssgv43****"),
            Parameter("LifecycleHookName", _s(f, 29), location="query", doc_type="String",
                      example="lifecyclehook****", length=Length(_s(f, 29, "长度为2~64个英文或中文字符"), 2, 64)),
            Parameter("DefaultResult", _s(f, 32), location="query", doc_type="String", example="CONTINUE",
                      enum=_enum(f, 34, "CONTINUE", "ABANDON"), default=Default(_s(f, 39, "默认值：CONTINUE"), "CONTINUE")),
            Parameter("HeartbeatTimeout", _s(f, 40), location="query", type="integer", doc_type="Integer",
                      example="600", range=Range(_s(f, 40, "取值范围：30~21600，单位：秒"), 30, 21600, "seconds"),
                      default=Default(_s(f, 44, "默认值：600"), 600)),
            Parameter("NotificationMetadata", _s(f, 45), location="query", doc_type="String",
                      example="Test lifecycle hook.", length=Length(_s(f, 45, "参数长度不能超过4096个字符"), max=4096)),
            Parameter("NotificationArn", _s(f, 57), location="query", doc_type="String"),
        ],
        response=[
            Parameter("LifecycleHookId", _s(f, 74), doc_type="String", example="ash-bp1at9ufhmcf9cmy****"),
            Parameter("RequestId", _s(f, 75), doc_type="String", example="473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"),
        ],
        rules=[Rule("requires", _s(f, 45, "必须同时指定NotificationArn"),
                    parameters=["NotificationMetadata"], requires=["NotificationArn"])],
        quotas=[Quota("lifecycle_hook", "scaling_group", 6, _s(f, 7, "一个伸缩组最多可以创建6个生命周期挂钩"))],
        errors=[ErrorCode(code, _s(f, 118 + 8 * i), 400, msg, meaning) for i, (code, msg, meaning) in enumerate(errors)],
        examples=[
            Example("request", "query", "https://ess.aliyuncs.com/?Action=CreateLifecycleHook\n&ScalingGroupId=asg-1",
                    _s(f, 81), "请求示例"),
            Example("response", "json", '{\n    "RequestId": "473469C7",\n    "LifecycleHookId": "ash-1"\n}',
                    _s(f, 101), "正常返回示例"),
        ],
    )  # fmt: skip


def tencent_create() -> Operation:
    f = "sources/tencent/CreateLifecycleHook.txt"
    codes = [
        "InternalError", "InternalError.CallCmqError", "InternalError.CallTATError",
        "InternalError.CalleeError", "InvalidParameter", "InvalidParameter.ActionNotFound",
        "InvalidParameter.Conflict", "InvalidParameterValue", "InvalidParameterValue.Filter",
        "InvalidParameterValue.InvalidAutoScalingGroupId",
        "InvalidParameterValue.LifecycleHookNameDuplicated", "InvalidParameterValue.Range",
        "LimitExceeded.QuotaNotEnough", "MissingParameter", "ResourceNotFound.AutoScalingGroupNotFound",
        "ResourceNotFound.CmqQueueNotFound", "ResourceNotFound.CommandNotFound",
        "ResourceNotFound.TDMQCMQQueueNotFound", "ResourceNotFound.TDMQCMQTopicNotFound",
        "ResourceUnavailable.CmqTopicHasNoSubscriber", "ResourceUnavailable.TDMQCMQTopicHasNoSubscriber",
    ]  # fmt: skip
    return Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="CreateLifecycleHook",
        family="tencent-text",
        source=_s(f, 1),
        action="CreateLifecycleHook",
        summary="This interface (CreateLifecycleHook) is used for creating a lifecycle hook.",
        endpoint="as.intl.tencentcloudapi.com",
        parameters=[
            Parameter("AutoScalingGroupId", _s(f, 42), required=True, doc_type="String"),
            Parameter("LifecycleHookName", _s(f, 47), required=True, doc_type="String",
                      length=Length(_s(f, 47, "maximum length of 128 bytes"), max=128, unit="bytes")),
            Parameter("LifecycleTransition", _s(f, 48), required=True, doc_type="String",
                      enum=_enum(f, 49, "INSTANCE_LAUNCHING", "INSTANCE_TERMINATING")),
            Parameter("DefaultResult", _s(f, 53), doc_type="String", enum=_enum(f, 54, "CONTINUE", "ABANDON"),
                      default=Default(_s(f, 54, "CONTINUE: default value"), "CONTINUE")),
            Parameter("HeartbeatTimeout", _s(f, 58), type="integer", doc_type="Integer",
                      range=Range(_s(f, 58, "Value range: 30-7200"), 30, 7200, "seconds"),
                      default=Default(_s(f, 58, "Default value: 300"), 300)),
            Parameter("NotificationMetadata", _s(f, 59), doc_type="String",
                      length=Length(_s(f, 59, "maximum length of 1024 characters"), max=1024),
                      default=Default(_s(f, 59, 'default value: ""'), "")),
            Parameter("NotificationTarget", _s(f, 60), type="object", doc_type="NotificationTarget",
                      description="Notification target.", fields=[
                          Parameter("TargetType", _s("sources/tencent/model/api.json", 10), required=True,
                                    enum=_enum("sources/tencent/model/api.json", 10, "CMQ_QUEUE", "CMQ_TOPIC",
                                               "TDMQ_CMQ_QUEUE", "TDMQ_CMQ_TOPIC")),
                          Parameter("QueueName", _s("sources/tencent/model/api.json", 20)),
                          Parameter("TopicName", _s("sources/tencent/model/api.json", 30)),
                      ]),
            Parameter("LifecycleTransitionType", _s(f, 61), doc_type="String",
                      enum=_enum(f, 61, "NORMAL", "EXTENSION"),
                      default=Default(_s(f, 61, "default value: NORMAL"), "NORMAL")),
            Parameter("LifecycleCommand", _s(f, 63), type="object", doc_type="LifecycleCommand", fields=[
                Parameter("CommandId", _s("sources/tencent/model/api.json", 40), required=True),
                Parameter("Parameters", _s("sources/tencent/model/api.json", 50)),
            ]),
        ],
        response=[
            Parameter("LifecycleHookId", _s(f, 68), doc_type="String"),
            Parameter("RequestId", _s(f, 69), doc_type="String"),
        ],
        rules=[
            Rule("mutually_exclusive", _s(f, 59, "NotificationMetadata and LifecycleCommand are mutually exclusive"),
                 parameters=["NotificationMetadata", "LifecycleCommand"]),
            Rule("mutually_exclusive", _s(f, 60, "NotificationTarget and LifecycleCommand cannot be specified at the same time"),
                 parameters=["NotificationTarget", "LifecycleCommand"]),
        ],
        rate_limits=[RateLimit(20, 1, _s(f, 29, "A maximum of 20 requests can be initiated per second"))],
        errors=[ErrorCode(code, _s(f, 262 + i), message=f"{code}.") for i, code in enumerate(codes)],
        examples=[
            Example("request", "http", 'POST / HTTP/1.1\nHost: as.intl.tencentcloudapi.com\n\n{\n    "AutoScalingGroupId": "asg-8fbozqja"\n}',
                    _s(f, 82), "Example1 Creating a Lifecycle Hook"),
            Example("response", "json", '{\n    "Response": {\n        "LifecycleHookId": "ash-heyubibl",\n'
                    '        "RequestId": "5e414011"\n    }\n}', _s(f, 98), "Example1 Creating a Lifecycle Hook"),
        ],
    )  # fmt: skip


def seed_list() -> list[Operation]:
    return [huawei_create(), aws_put(), aws_describe(), alibaba_create(), tencent_create()]
