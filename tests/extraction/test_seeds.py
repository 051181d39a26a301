"""End to end, page -> spec, for the five seed pages: every parameter with its location, type
and required flag, and every stated enum, range, default, length, charset, rule, quota, rate
limit and error code, each traced to the line that states it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator import extract, model

ROOT = Path(__file__).resolve().parents[2]

SEEDS = {
    "huawei-create": "sources/huawei/creating_a_lifecycle_hook.rst",
    "huawei-callback": "sources/huawei/calling_back_a_lifecycle_hook.rst",
    "alibaba-create": "sources/alibaba/CreateLifecycleHook.md",
    "tencent-create": "sources/tencent/CreateLifecycleHook.txt",
    "aws-put": "sources/aws/putLifecycleHook.txt",
}


@cache
def spec(seed: str) -> model.Operation:
    (op,) = extract.extract([ROOT / SEEDS[seed]], ROOT).operations
    return op


def line_of(seed: str, needle: str) -> int:
    """1-based line of the first line of the page holding `needle`."""
    lines = (ROOT / SEEDS[seed]).read_text(encoding="utf-8").split("\n")
    return next(i for i, ln in enumerate(lines, 1) if needle in ln)


def params(op: model.Operation) -> list[tuple[str, str, str, bool]]:
    return [(p.name, p.location, p.type, p.required) for p in op.parameters]


def p(op: model.Operation, name: str) -> model.Parameter:
    found = op.parameter(name)
    assert found is not None, f"{op.name} has no parameter {name}"
    return found


def enum(param: model.Parameter) -> list[object]:
    assert param.enum is not None, f"{param.name} has no enum"
    return [v.value for v in param.enum.values]


def bounds(trait: model.Range | model.Length | None) -> tuple[object, object]:
    assert trait is not None
    return trait.min, trait.max


def matches(param: model.Parameter, value: str) -> bool:
    assert param.pattern is not None, f"{param.name} has no pattern"
    return re.fullmatch(param.pattern.regex, value) is not None


# --- Huawei: Creating a Lifecycle Hook ---------------------------------------------------


def test_huawei_create_parameters() -> None:
    op = spec("huawei-create")
    assert (op.name, op.method, op.protocol) == ("CreateLifyCycleHook", "POST", "huawei-rest")
    assert op.path == "/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}"
    # the page states no name: the SDK's is recorded as a human fact
    assert op.provenance["name"].origin == "human"
    assert params(op) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("lifecycle_hook_name", "body", "string", True),
        ("lifecycle_hook_type", "body", "string", True),
        ("default_result", "body", "string", False),
        ("default_timeout", "body", "integer", False),
        ("notification_topic_urn", "body", "string", True),
        ("notification_metadata", "body", "string", False),
    ]


def test_huawei_create_constraints() -> None:
    op = spec("huawei-create")
    seed = "huawei-create"
    timeout = p(op, "default_timeout")
    assert bounds(timeout.range) == (60, 86400)
    assert timeout.range and timeout.range.source.line == line_of(seed, "ranges from 60 to 86400")
    assert timeout.default and timeout.default.value == 3600
    assert timeout.default.source.origin == "stated"

    name = p(op, "lifecycle_hook_name")
    assert name.length and name.length.max == 32
    assert (
        matches(name, "test-hook_1") and not matches(name, "bad name!") and not matches(name, "a.b")
    )
    assert name.pattern and name.pattern.source.line == line_of(seed, "cannot exceed 32 characters")

    meta = p(op, "notification_metadata")
    assert meta.length and meta.length.max == 256
    for ch in "<>&'()":
        assert not matches(meta, f"x{ch}y"), ch
    assert matches(meta, "plain text, with commas; and 中文")

    assert enum(p(op, "lifecycle_hook_type")) == ["INSTANCE_TERMINATING", "INSTANCE_LAUNCHING"]
    result = p(op, "default_result")
    assert enum(result) == ["ABANDON", "CONTINUE"]
    assert result.default and result.default.value == "ABANDON"
    assert result.default.source.line == line_of(seed, "The default value of this parameter is")

    (quota,) = op.quotas
    assert (quota.resource, quota.scope, quota.limit) == ("lifecycle_hook", "scaling_group", 5)
    assert quota.source.line == line_of(seed, "Up to five lifecycle hooks")


def test_huawei_create_returned_values() -> None:
    op = spec("huawei-create")
    assert op.success_status == 200
    assert len(op.statuses) == 14
    assert [s.status for s in op.statuses][:3] == [400, 401, 403]
    assert op.statuses[-1].status == 504 and op.statuses[-1].reason == "Gateway Timeout"
    assert [f.name for f in op.response][:2] == ["lifecycle_hook_name", "lifecycle_hook_type"]
    assert any(e.kind == "request" and '"test-hook1"' in e.body for e in op.examples)


# --- Huawei: Calling Back a Lifecycle Hook -----------------------------------------------


def test_huawei_callback() -> None:
    op = spec("huawei-callback")
    assert (op.name, op.method, op.success_status) == (
        "AttachCallbackInstanceLifeCycleHook",
        "PUT",
        204,
    )
    assert params(op) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("lifecycle_action_key", "body", "string", False),
        ("instance_id", "body", "string", False),
        ("lifecycle_hook_name", "body", "string", False),
        ("lifecycle_action_result", "body", "string", True),
    ]
    assert enum(p(op, "lifecycle_action_result")) == ["ABANDON", "CONTINUE", "EXTEND"]
    (rule,) = [r for r in op.rules if r.kind == "one_of"]
    assert sorted(map(sorted, rule.groups)) == [
        ["instance_id", "lifecycle_hook_name"],
        ["lifecycle_action_key"],
    ]
    assert len(op.statuses) == 14


# --- Alibaba: CreateLifecycleHook --------------------------------------------------------


def test_alibaba_create_parameters() -> None:
    op = spec("alibaba-create")
    assert (op.name, op.action, op.api_version, op.protocol) == (
        "CreateLifecycleHook",
        "CreateLifecycleHook",
        "2014-08-28",
        "alibaba-rpc",
    )
    assert params(op) == [
        ("LifecycleTransition", "query", "string", True),
        ("ScalingGroupId", "query", "string", True),
        ("LifecycleHookName", "query", "string", False),
        ("DefaultResult", "query", "string", False),
        ("HeartbeatTimeout", "query", "integer", False),
        ("NotificationMetadata", "query", "string", False),
        ("NotificationArn", "query", "string", False),
    ]


def test_alibaba_create_constraints() -> None:
    op = spec("alibaba-create")
    seed = "alibaba-create"
    hb = p(op, "HeartbeatTimeout")
    assert bounds(hb.range) == (30, 21600)
    assert hb.range and hb.range.source.line == line_of(seed, "取值范围：30~21600")
    assert hb.default and hb.default.value == 600

    name = p(op, "LifecycleHookName")
    assert bounds(name.length) == (2, 64)
    assert matches(name, "hook-1.a_b") and matches(name, "挂钩名称") and not matches(name, "-lead")
    assert name.default is None  # "默认值为LifecycleHookId的值" names no literal value

    assert enum(p(op, "LifecycleTransition")) == ["SCALE_OUT", "SCALE_IN"]
    result = p(op, "DefaultResult")
    assert enum(result) == ["CONTINUE", "ABANDON"]
    assert result.default and result.default.value == "CONTINUE"
    meta = p(op, "NotificationMetadata")
    assert meta.length and meta.length.max == 4096

    (rule,) = op.rules
    assert (rule.kind, rule.parameters, rule.requires) == (
        "requires",
        ["NotificationMetadata"],
        ["NotificationArn"],
    )
    assert rule.source.line == line_of(seed, "必须同时指定NotificationArn")

    (quota,) = op.quotas
    assert (quota.resource, quota.scope, quota.limit) == ("lifecycle_hook", "scaling_group", 6)


def test_alibaba_create_errors() -> None:
    op = spec("alibaba-create")
    assert [(e.code, e.status) for e in op.errors] == [
        ("InvalidParamter", 400),
        ("InvalidNotificationArn", 400),
        ("UnsupportedNotificationType.CurrentRegion", 400),
        ("QueueNotExist", 400),
        ("TopicNotExist", 400),
        ("InvalidLifecycleHookName.Duplicate", 400),
        ("QuotaExceeded.LifecycleHook", 400),
    ]
    quota_error = op.errors[-1]
    assert quota_error.message == "Lifecycle hook quota exceeded in the specified scaling group."


# --- Tencent: CreateLifecycleHook --------------------------------------------------------


def test_tencent_create_parameters() -> None:
    op = spec("tencent-create")
    assert (op.action, op.api_version, op.endpoint) == (
        "CreateLifecycleHook",
        "2018-04-19",
        "as.intl.tencentcloudapi.com",
    )
    assert params(op) == [
        ("AutoScalingGroupId", "body", "string", True),
        ("LifecycleHookName", "body", "string", True),
        ("LifecycleTransition", "body", "string", True),
        ("DefaultResult", "body", "string", False),
        ("HeartbeatTimeout", "body", "integer", False),
        ("NotificationMetadata", "body", "string", False),
        ("NotificationTarget", "body", "object", False),
        ("LifecycleTransitionType", "body", "string", False),
        ("LifecycleCommand", "body", "object", False),
    ]
    target = p(op, "NotificationTarget")
    assert {f.name for f in target.fields} >= {"TargetType", "TopicName", "QueueName"}
    assert all(f.source.origin == "inferred" for f in target.fields)
    command = p(op, "LifecycleCommand")
    assert {f.name for f in command.fields} == {"CommandId", "Parameters"}


def test_tencent_create_constraints() -> None:
    op = spec("tencent-create")
    hb = p(op, "HeartbeatTimeout")
    assert bounds(hb.range) == (30, 7200)
    assert hb.default and hb.default.value == 300
    assert enum(p(op, "LifecycleTransitionType")) == ["NORMAL", "EXTENSION"]
    assert enum(p(op, "LifecycleTransition")) == ["INSTANCE_LAUNCHING", "INSTANCE_TERMINATING"]
    result = p(op, "DefaultResult")
    assert enum(result) == ["CONTINUE", "ABANDON"]
    assert result.default and result.default.value == "CONTINUE"
    name = p(op, "LifecycleHookName")
    assert name.length and (name.length.max, name.length.unit) == (128, "bytes")
    meta = p(op, "NotificationMetadata")
    assert meta.length and meta.length.max == 1024
    assert meta.default and meta.default.value == ""

    exclusive = sorted(sorted(r.parameters) for r in op.rules if r.kind == "mutually_exclusive")
    assert exclusive == [
        ["LifecycleCommand", "NotificationMetadata"],
        ["LifecycleCommand", "NotificationTarget"],
    ]
    (rate,) = op.rate_limits
    assert (rate.requests, rate.per_seconds) == (20, 1)
    assert rate.source.line == line_of("tencent-create", "A maximum of 20 requests")


def test_tencent_create_errors() -> None:
    op = spec("tencent-create")
    codes = [e.code for e in op.errors]
    assert len(codes) == 21 and len(set(codes)) == 21
    assert (
        codes[0] == "InternalError"
        and codes[-1] == "ResourceUnavailable.TDMQCMQTopicHasNoSubscriber"
    )
    assert {"InvalidParameter.Conflict", "InvalidParameterValue.Range", "MissingParameter"} <= set(
        codes
    )


# --- AWS: putLifecycleHook ---------------------------------------------------------------


def test_aws_put_parameters() -> None:
    op = spec("aws-put")
    assert (op.name, op.action, op.api_version, op.method, op.path, op.result_wrapper) == (
        "PutLifecycleHook",
        "PutLifecycleHook",
        "2011-01-01",
        "POST",
        "/",
        "PutLifecycleHookResult",
    )
    assert params(op) == [
        ("AutoScalingGroupName", "body", "string", True),
        ("LifecycleHookName", "body", "string", True),
        ("DefaultResult", "body", "string", False),
        ("HeartbeatTimeout", "body", "integer", False),
        ("LifecycleTransition", "body", "string", False),
        ("NotificationMetadata", "body", "string", False),
        ("NotificationTargetARN", "body", "string", False),
        ("RoleARN", "body", "string", False),
    ]


def test_aws_put_constraints() -> None:
    op = spec("aws-put")
    hb = p(op, "HeartbeatTimeout")
    assert bounds(hb.range) == (30, 7200)
    assert hb.default and hb.default.value == 3600
    assert enum(p(op, "LifecycleTransition")) == [
        "autoscaling:EC2_INSTANCE_LAUNCHING",
        "autoscaling:EC2_INSTANCE_TERMINATING",
    ]
    result = p(op, "DefaultResult")
    assert enum(result) == ["CONTINUE", "ABANDON"]
    assert result.default and result.default.value == "ABANDON"
    assert {
        n: bounds(p(op, n).length)
        for n in (
            "AutoScalingGroupName",
            "LifecycleHookName",
            "NotificationMetadata",
            "NotificationTargetARN",
            "RoleARN",
        )
    } == {
        "AutoScalingGroupName": (1, 255),
        "LifecycleHookName": (1, 255),
        "NotificationMetadata": (1, 1023),
        "NotificationTargetARN": (0, 255),
        "RoleARN": (1, 255),
    }
    length = p(op, "NotificationMetadata").length
    assert length and "validateStringLength" in (length.source.quote or "")
    on_create = sorted(n for r in op.rules if r.kind == "required_on_create" for n in r.parameters)
    assert on_create == ["LifecycleTransition", "RoleARN"]
    (quota,) = op.quotas
    assert (quota.resource, quota.scope, quota.limit) == ("lifecycle_hook", "scaling_group", 50)
    assert [(e.code, e.meaning) for e in op.errors] == [
        ("LimitExceeded", "LimitExceededFault"),
        ("ResourceContention", "ResourceContentionFault"),
    ]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_fact_cites_a_real_line(seed: str) -> None:
    """Each constraint's source names this page and a line that exists in it."""
    op = spec(seed)
    n_lines = len((ROOT / SEEDS[seed]).read_text(encoding="utf-8").split("\n"))
    facts: list[model.Source] = [op.source]
    for _, param in model.walk_parameters(op.parameters):
        facts.append(param.source)
        for trait in (param.range, param.length, param.enum, param.pattern, param.default):
            if trait is not None:
                facts.append(trait.source)
    facts += [r.source for r in op.rules] + [q.source for q in op.quotas]
    facts += [r.source for r in op.rate_limits] + [e.source for e in op.errors]
    for src in facts:
        assert src.file == SEEDS[seed]
        assert 1 <= src.line <= n_lines
