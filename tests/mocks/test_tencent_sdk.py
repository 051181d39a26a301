"""tencentcloud-sdk-python-common's CommonClient against the generated Tencent AS mock: every
operation in specs/tencent, the documented error codes (all answered with HTTP 200 and
Content-Type exactly application/json, or the SDK would not see them), the state model."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tencentcloud.common import credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

from .conftest import AK, SK
from .util import Clock, Served, operations_of, stateful_operations

GROUP = "g1"


def client(served: Served, secret: str = SK) -> CommonClient:
    profile = ClientProfile(
        httpProfile=HttpProfile(endpoint=f"127.0.0.1:{served.port}", protocol="http", reqTimeout=15)
    )
    return CommonClient(
        "as", "2018-04-19", credential.Credential(AK, secret), "ap-guangzhou", profile=profile
    )


def ok(c: CommonClient, action: str, params: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = c.call_json(action, params)["Response"]
    assert answer["RequestId"]
    return answer


def code_of(c: CommonClient, action: str, params: dict[str, Any]) -> str:
    with pytest.raises(TencentCloudSDKException) as info:
        c.call_json(action, params)
    assert info.value.get_request_id()
    return str(info.value.get_code())


def create(c: CommonClient, name: str = "h1", **extra: Any) -> str:
    params: dict[str, Any] = {
        "AutoScalingGroupId": GROUP,
        "LifecycleHookName": name,
        "LifecycleTransition": "INSTANCE_LAUNCHING",
        "NotificationTarget": {"TargetType": "CMQ_QUEUE", "QueueName": "q1"},
    }
    params.update(extra)
    return str(ok(c, "CreateLifecycleHook", params)["LifecycleHookId"])


def test_every_operation_round_trips(tencent: Served) -> None:
    c = client(tencent)
    first = create(c, HeartbeatTimeout=120, NotificationMetadata="meta")
    second = create(c, "h2", DefaultResult="ABANDON")
    assert first.startswith("ash-") and first != second
    listed = ok(
        c,
        "DescribeLifecycleHooks",
        {"Filters": [{"Name": "auto-scaling-group-id", "Values": [GROUP]}]},
    )
    assert listed["TotalCount"] == 2
    hook = listed["LifecycleHookSet"][0]
    assert hook["LifecycleHookId"] == first and hook["AutoScalingGroupId"] == GROUP
    assert hook["HeartbeatTimeout"] == 120 and hook["NotificationMetadata"] == "meta"
    assert hook["DefaultResult"] == "CONTINUE"  # the documented default
    assert hook["LifecycleTransitionType"] == "NORMAL"
    assert hook["NotificationTarget"] == {
        "TargetType": "CMQ_QUEUE",
        "QueueName": "q1",
        "TopicName": "",
    }
    assert hook["CreatedTime"].endswith("Z")

    ok(
        c,
        "ModifyLifecycleHook",
        {"LifecycleHookId": first, "HeartbeatTimeout": 600, "LifecycleHookName": "renamed"},
    )
    (hook,) = ok(c, "DescribeLifecycleHooks", {"LifecycleHookIds": [first]})["LifecycleHookSet"]
    assert (hook["LifecycleHookName"], hook["HeartbeatTimeout"]) == ("renamed", 600)
    assert hook["NotificationTarget"]["QueueName"] == "q1"  # a modification keeps the rest
    ok(
        c,
        "UpgradeLifecycleHook",
        {
            "LifecycleHookId": second,
            "LifecycleHookName": "h2",
            "LifecycleTransition": "INSTANCE_LAUNCHING",
        },
    )
    (hook,) = ok(c, "DescribeLifecycleHooks", {"LifecycleHookIds": [second]})["LifecycleHookSet"]
    # an upgrade replaces the hook: what it does not give returns to the create defaults
    assert hook["DefaultResult"] == "CONTINUE" and hook["HeartbeatTimeout"] == 300

    started = tencent.control("POST", "scale", {"group": GROUP})
    instance = started["instances"][0]
    token = next(a["token"] for a in started["actions"] if a["hook_id"] == first)
    ok(
        c,
        "CompleteLifecycleAction",
        {
            "LifecycleHookId": first,
            "LifecycleActionResult": "CONTINUE",
            "LifecycleActionToken": token,
        },
    )
    ok(
        c,
        "CompleteLifecycleAction",
        {"LifecycleHookId": second, "LifecycleActionResult": "CONTINUE", "InstanceId": instance},
    )
    assert tencent.control("GET", "state")["groups"][GROUP][instance] == "InService"
    ok(c, "DeleteLifecycleHook", {"LifecycleHookId": second})
    assert ok(c, "DescribeLifecycleHooks", {})["TotalCount"] == 1

    served_ops = {e["operation"] for e in tencent.control("GET", "journal") if e["code"] is None}
    assert served_ops == stateful_operations("tencent")


def test_duplicate_names_missing_groups_and_quota(serve: Any) -> None:
    served = serve("tencent", groups=[GROUP, "g2"])
    c = client(served)
    create(c)
    assert (
        code_of(
            c,
            "CreateLifecycleHook",
            {
                "AutoScalingGroupId": GROUP,
                "LifecycleHookName": "h1",
                "LifecycleTransition": "INSTANCE_LAUNCHING",
            },
        )
        == "InvalidParameterValue.LifecycleHookNameDuplicated"
    )
    create(c, "h1", AutoScalingGroupId="g2")  # names are unique per group
    assert (
        code_of(
            c,
            "CreateLifecycleHook",
            {
                "AutoScalingGroupId": "asg-none",
                "LifecycleHookName": "h1",
                "LifecycleTransition": "INSTANCE_LAUNCHING",
            },
        )
        == "ResourceNotFound.AutoScalingGroupNotFound"
    )
    # no Tencent page states the quota number: the mock's stated default applies
    limit = served.state.quotas["CreateLifecycleHook"]
    assert limit == served.state.spec.operations["CreateLifecycleHook"].quota
    for n in range(2, limit + 1):
        create(c, f"h{n}")
    assert (
        code_of(
            c,
            "CreateLifecycleHook",
            {
                "AutoScalingGroupId": GROUP,
                "LifecycleHookName": "more",
                "LifecycleTransition": "INSTANCE_LAUNCHING",
            },
        )
        == "LimitExceeded.QuotaNotEnough"
    )
    # renaming onto a taken name is refused too: UpgradeLifecycleHook documents the code,
    # ModifyLifecycleHook does not (so it gets the protocol's invalid-value code)
    hooks = ok(
        c,
        "DescribeLifecycleHooks",
        {"Filters": [{"Name": "lifecycle-hook-name", "Values": ["h2"]}]},
    )["LifecycleHookSet"]
    hook_id = hooks[0]["LifecycleHookId"]
    assert (
        code_of(
            c,
            "UpgradeLifecycleHook",
            {
                "LifecycleHookId": hook_id,
                "LifecycleHookName": "h1",
                "LifecycleTransition": "INSTANCE_LAUNCHING",
            },
        )
        == "InvalidParameterValue.LifecycleHookNameDuplicated"
    )
    assert (
        code_of(c, "ModifyLifecycleHook", {"LifecycleHookId": hook_id, "LifecycleHookName": "h1"})
        == "InvalidParameterValue"
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"HeartbeatTimeout": 10}, "InvalidParameterValue.Range"),  # 30..7200
        ({"HeartbeatTimeout": "abc"}, "InvalidParameter"),  # the SDK sends it as given
        ({"LifecycleTransition": "bogus"}, "InvalidParameterValue"),
        ({"LifecycleHookName": "bad name!"}, "InvalidParameterValue"),  # pattern
        ({"LifecycleHookName": None}, "MissingParameter"),  # required, omitted when None
        ({"Unknown": 1}, "UnknownParameter"),
        (
            {"LifecycleCommand": {"CommandId": "cmd-1"}},
            "InvalidParameter.Conflict",
        ),  # with NotificationTarget
    ],
)
def test_invalid_requests_get_the_documented_codes(
    tencent: Served, params: dict[str, Any], code: str
) -> None:
    c = client(tencent)
    request: dict[str, Any] = {
        "AutoScalingGroupId": GROUP,
        "LifecycleHookName": "h1",
        "LifecycleTransition": "INSTANCE_LAUNCHING",
        "NotificationTarget": {"TargetType": "CMQ_QUEUE", "QueueName": "q1"},
    }
    request.update(params)
    request = {k: v for k, v in request.items() if v is not None}
    assert code_of(c, "CreateLifecycleHook", request) == code
    assert tencent.control("GET", "state")["hooks"] == []


def test_unknown_hooks_tokens_filters_and_actions(tencent: Served) -> None:
    c = client(tencent)
    assert (
        code_of(c, "DeleteLifecycleHook", {"LifecycleHookId": "ash-00000000"})
        == "ResourceNotFound.LifecycleHookNotFound"
    )
    assert (
        code_of(c, "DeleteLifecycleHook", {"LifecycleHookId": "not-an-id"})
        == "InvalidParameterValue.InvalidLifecycleHookId"
    )
    assert (
        code_of(
            c, "ModifyLifecycleHook", {"LifecycleHookId": "ash-00000000", "HeartbeatTimeout": 60}
        )
        == "ResourceNotFound.LifecycleHookNotFound"
    )
    assert (
        code_of(c, "DescribeLifecycleHooks", {"Filters": [{"Name": "colour", "Values": ["red"]}]})
        == "InvalidParameterValue.InvalidFilter"
    )
    assert (
        code_of(
            c,
            "DescribeLifecycleHooks",
            {
                "LifecycleHookIds": ["ash-1"],
                "Filters": [{"Name": "lifecycle-hook-id", "Values": ["ash-1"]}],
            },
        )
        == "InvalidParameter.Conflict"
    )
    hook = create(c)
    complete = {"LifecycleHookId": hook, "LifecycleActionResult": "CONTINUE"}
    assert (
        code_of(
            c,
            "CompleteLifecycleAction",
            {**complete, "LifecycleActionToken": "3080e1c9-0efe-4dd7-ad3b-90cd6618298f"},
        )
        == "ResourceNotFound.LifecycleHookTokenNotFound"
    )
    assert (
        code_of(c, "CompleteLifecycleAction", {**complete, "InstanceId": "ins-y6dr5e43"})
        == "ResourceNotFound.LifecycleHookInstanceNotFound"
    )
    assert code_of(c, "CompleteLifecycleAction", complete) == "MissingParameter"  # one of two
    (action,) = tencent.control("POST", "scale", {"group": GROUP})["actions"]
    ok(c, "CompleteLifecycleAction", {**complete, "InstanceId": action["instance"]})
    assert (
        code_of(c, "CompleteLifecycleAction", {**complete, "LifecycleActionToken": action["token"]})
        == "ResourceUnavailable.LifecycleActionResultHasSet"
    )


def test_signatures_are_checked(tencent: Served) -> None:
    assert (
        code_of(client(tencent, secret="wrong"), "DescribeLifecycleHooks", {})
        == "AuthFailure.SignatureFailure"
    )
    assert code_of(client(tencent), "NoSuchAction", {}) == "InvalidAction"
    assert ok(client(tencent), "DescribeLifecycleHooks", {})["TotalCount"] == 0


def test_the_documented_rate_limit_throttles(serve: Any) -> None:
    (create_op,) = [op for op in operations_of("tencent") if op.name == "CreateLifecycleHook"]
    rate = create_op.rate_limits[0]
    assert (rate.requests, rate.per_seconds) == (20, 1)  # "A maximum of 20 requests ... per second"
    clock = Clock()
    served = serve("tencent", groups=[GROUP], clock=clock, quotas={"CreateLifecycleHook": 100})
    c = client(served)
    for n in range(rate.requests):
        create(c, f"h{n}")
    assert (
        code_of(
            c,
            "CreateLifecycleHook",
            {
                "AutoScalingGroupId": GROUP,
                "LifecycleHookName": "x",
                "LifecycleTransition": "INSTANCE_LAUNCHING",
            },
        )
        == "RequestLimitExceeded"
    )
    assert (
        ok(c, "DescribeLifecycleHooks", {"Limit": 100})["TotalCount"] == rate.requests
    )  # other operations are not limited
    clock.now += rate.per_seconds
    create(c, "next-second")


def test_paging_with_limit_and_offset(tencent: Served) -> None:
    c = client(tencent)
    ids = [create(c, f"h{n}") for n in range(4)]
    page = ok(c, "DescribeLifecycleHooks", {"Limit": 2, "Offset": 1})
    assert page["TotalCount"] == 4
    assert [h["LifecycleHookId"] for h in page["LifecycleHookSet"]] == ids[1:3]


def test_a_timeout_applies_the_default_result(serve: Any) -> None:
    clock = Clock()
    served = serve("tencent", groups=[GROUP], clock=clock)
    c = client(served)
    create(
        c,
        "h1",
        HeartbeatTimeout=30,
        DefaultResult="ABANDON",
        LifecycleTransition="INSTANCE_TERMINATING",
    )
    served.control("POST", "groups", {"group": GROUP, "instances": ["ins-aaaa1111"]})
    (action,) = served.control("POST", "scale", {"group": GROUP, "direction": "in"})["actions"]
    assert action["instance"] == "ins-aaaa1111"
    assert served.control("GET", "state")["groups"][GROUP]["ins-aaaa1111"] == "Terminating:Wait"
    clock.now += 31
    state = served.control("GET", "state")
    assert state["ended"][0]["result"] == "ABANDON" and state["ended"][0]["ended_by"] == "timeout"
    assert state["groups"][GROUP]["ins-aaaa1111"] == "Terminated"


def test_errors_are_http_200_with_content_type_exactly_application_json(tencent: Served) -> None:
    # under any other content type (even "; charset=utf-8") the SDK would not see the error
    answer = httpx.post(
        tencent.url + "/",
        headers={
            "Content-Type": "application/json",
            "X-TC-Action": "DescribeLifecycleHooks",
            "X-TC-Version": "2018-04-19",
            "X-TC-Region": "ap-guangzhou",
        },
        content=b"{}",
        trust_env=False,
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    error = answer.json()["Response"]
    assert error["Error"]["Code"] == "AuthFailure.SignatureFailure" and error["RequestId"]
