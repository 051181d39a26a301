"""aliyun-python-sdk-core + aliyun-python-sdk-ess request classes against the generated
Alibaba ESS mock: every operation in specs/alibaba, the documented error codes (HTTP 400 with
{"RequestId", "HostId", "Code", "Message"}), the state model."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkess.request.v20140828 import (
    CompleteLifecycleActionRequest,
    CreateLifecycleHookRequest,
    DeleteLifecycleHookRequest,
    DescribeLifecycleHooksRequest,
    ModifyLifecycleHookRequest,
    RecordLifecycleActionHeartbeatRequest,
)

from .conftest import AK, SK
from .util import Served, operations_of, stateful_operations

GROUP = "g1"


def client(served: Served, secret: str = SK) -> AcsClient:
    return AcsClient(
        AK, secret, "cn-hangzhou", port=served.port, auto_retry=False, timeout=15, connect_timeout=5
    )


def send(c: AcsClient, request: Any) -> dict[str, Any]:
    request.set_endpoint("127.0.0.1")
    request.set_protocol_type("http")
    answer: dict[str, Any] = json.loads(c.do_action_with_exception(request))
    assert answer["RequestId"]
    return answer


def error_of(c: AcsClient, request: Any) -> tuple[str, int]:
    with pytest.raises(ServerException) as info:
        send(c, request)
    assert info.value.get_request_id()
    return info.value.get_error_code(), info.value.get_http_status()


def create_request(name: str | None = "h1", **extra: Any) -> Any:
    r = CreateLifecycleHookRequest.CreateLifecycleHookRequest()
    r.set_ScalingGroupId(extra.pop("group", GROUP))
    if name is not None:
        r.set_LifecycleHookName(name)
    r.set_LifecycleTransition(extra.pop("transition", "SCALE_OUT"))
    for key, value in extra.items():
        getattr(r, f"set_{key}")(value)
    return r


def create(c: AcsClient, name: str | None = "h1", **extra: Any) -> str:
    return str(send(c, create_request(name, **extra))["LifecycleHookId"])


def describe(c: AcsClient, **params: Any) -> dict[str, Any]:
    r = DescribeLifecycleHooksRequest.DescribeLifecycleHooksRequest()
    for key, value in params.items():
        getattr(r, f"set_{key}")(value)
    return send(c, r)


def test_every_operation_round_trips(alibaba: Served) -> None:
    c = client(alibaba)
    first = create(
        c,
        HeartbeatTimeout=600,
        NotificationArn="acs:mns:cn-hangzhou:1:queue/q1",
        NotificationMetadata="meta",
    )
    second = create(c, None)  # the name defaults to the id
    listed = describe(c, ScalingGroupId=GROUP)
    assert listed["TotalCount"] == 2 and listed["PageNumber"] == 1 and listed["PageSize"] == 50
    hooks = listed["LifecycleHooks"]["LifecycleHook"]  # 2014-08-28: a list wrapped in an object
    assert [h["LifecycleHookId"] for h in hooks] == [first, second]
    assert hooks[0]["HeartbeatTimeout"] == 600 and hooks[0]["NotificationArn"].endswith("queue/q1")
    assert hooks[1]["LifecycleHookName"] == second
    assert hooks[1]["DefaultResult"] == "CONTINUE" and hooks[1]["HeartbeatTimeout"] == 600
    only = describe(c, LifecycleHookIds=[second])  # sent as LifecycleHookId.1
    assert [h["LifecycleHookId"] for h in only["LifecycleHooks"]["LifecycleHook"]] == [second]
    modify = ModifyLifecycleHookRequest.ModifyLifecycleHookRequest()
    modify.set_LifecycleHookId(second)
    modify.set_HeartbeatTimeout(1200)
    modify.set_DefaultResult("ABANDON")
    send(c, modify)
    (changed,) = describe(c, LifecycleHookIds=[second])["LifecycleHooks"]["LifecycleHook"]
    assert (changed["HeartbeatTimeout"], changed["DefaultResult"]) == (1200, "ABANDON")
    assert changed["LifecycleHookName"] == second  # a modification keeps the rest

    started = alibaba.control("POST", "scale", {"group": GROUP})
    token = next(a["token"] for a in started["actions"] if a["hook_id"] == first)
    beat = RecordLifecycleActionHeartbeatRequest.RecordLifecycleActionHeartbeatRequest()
    beat.set_lifecycleHookId(first)  # this operation's parameters are lower-case on the wire
    beat.set_lifecycleActionToken(token)
    beat.set_heartbeatTimeout(900)
    send(c, beat)
    pending = alibaba.control("GET", "state")["actions"]
    waiting = next(a for a in pending if a["token"] == token)
    assert waiting["heartbeats"] == 1 and waiting["deadline"] - waiting["started"] >= 899
    done = CompleteLifecycleActionRequest.CompleteLifecycleActionRequest()
    done.set_LifecycleHookId(first)
    done.set_LifecycleActionToken(token)
    done.set_LifecycleActionResult("CONTINUE")
    send(c, done)
    by_id = DeleteLifecycleHookRequest.DeleteLifecycleHookRequest()
    by_id.set_LifecycleHookId(first)
    send(c, by_id)
    by_name = DeleteLifecycleHookRequest.DeleteLifecycleHookRequest()
    by_name.set_ScalingGroupId(GROUP)
    by_name.set_LifecycleHookName(second)
    send(c, by_name)
    assert describe(c, ScalingGroupId=GROUP)["TotalCount"] == 0

    served_ops = {e["operation"] for e in alibaba.control("GET", "journal") if e["status"] == 200}
    assert served_ops == stateful_operations("alibaba")


def test_duplicate_names_and_the_documented_quota(alibaba: Served) -> None:
    (create_op,) = [op for op in operations_of("alibaba") if op.name == "CreateLifecycleHook"]
    limit = create_op.quotas[0].limit
    assert limit == 6  # "一个伸缩组最多可以创建6个生命周期挂钩"
    c = client(alibaba)
    create(c)
    assert error_of(c, create_request()) == ("InvalidLifecycleHookName.Duplicate", 400)
    for n in range(2, limit + 1):
        create(c, f"h{n}")
    assert error_of(c, create_request("h7")) == ("QuotaExceeded.LifecycleHook", 400)


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (
            {"HeartbeatTimeout": 10},
            "InvalidParamter",
        ),  # 30..21600; the code is misspelt as documented
        ({"HeartbeatTimeout": "abc"}, "InvalidParamter"),
        ({"transition": "SIDEWAYS"}, "InvalidParamter"),
        ({"DefaultResult": "MAYBE"}, "InvalidParamter"),
        ({"NotificationMetadata": "meta"}, "MissingParameter"),  # requires NotificationArn
        ({"group": "asg-none"}, "InvalidParamter"),  # no page documents a missing-group code
    ],
)
def test_invalid_requests_get_the_documented_codes(
    alibaba: Served, extra: dict[str, Any], code: str
) -> None:
    assert error_of(client(alibaba), create_request(**extra)) == (code, 400)


def test_a_missing_required_parameter(alibaba: Served) -> None:
    r = CreateLifecycleHookRequest.CreateLifecycleHookRequest()
    r.set_ScalingGroupId(GROUP)
    assert error_of(client(alibaba), r) == ("MissingParameter", 400)


def test_unknown_hooks_and_tokens(alibaba: Served) -> None:
    c = client(alibaba)
    r = DeleteLifecycleHookRequest.DeleteLifecycleHookRequest()
    r.set_LifecycleHookId("ash-nothere")
    assert error_of(c, r) == ("InvalidLifecycleHookId.NotExist", 400)
    r = DeleteLifecycleHookRequest.DeleteLifecycleHookRequest()
    r.set_ScalingGroupId(GROUP)
    r.set_LifecycleHookName("nothere")
    assert error_of(c, r) == ("InvalidLifecycleHookName.NotExist", 400)
    hook = create(c)
    other = create(c, "h2")
    action, _ = alibaba.control("POST", "scale", {"group": GROUP})["actions"]
    assert action["hook_id"] == hook
    done = CompleteLifecycleActionRequest.CompleteLifecycleActionRequest()
    done.set_LifecycleHookId(other)  # the token belongs to the other hook
    done.set_LifecycleActionToken(action["token"])
    assert error_of(c, done) == ("LifecycleHookIdAndLifecycleActionToken.Invalid", 400)
    beat = RecordLifecycleActionHeartbeatRequest.RecordLifecycleActionHeartbeatRequest()
    beat.set_lifecycleHookId("ash-nothere")
    beat.set_lifecycleActionToken(action["token"])
    assert error_of(c, beat) == ("LifecycleHookIdAndLifecycleActionToken.Invalid", 400)


def test_signatures_are_checked(alibaba: Served) -> None:
    r = DescribeLifecycleHooksRequest.DescribeLifecycleHooksRequest()
    r.set_ScalingGroupId(GROUP)
    # SignatureDoesNotMatch carries the server's string to sign; aliyunsdkcore finds it equal
    # to its own and so blames the secret, as it does against the real service
    assert error_of(client(alibaba, secret="wrong"), r) == ("InvalidAccessKeySecret", 400)
    (entry,) = [e for e in alibaba.control("GET", "journal") if e["status"] == 400]
    assert entry["code"] == "SignatureDoesNotMatch"
    # a request changed after signing: the strings to sign differ, the server error stands
    tampered = httpx.post(
        f"{alibaba.url}/?Action=DescribeLifecycleHooks&Version=2014-08-28&AccessKeyId={AK}"
        "&Signature=AAAA&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&Timestamp=2026-01-01T00:00:00Z",
        trust_env=False,
    )
    assert tampered.status_code == 400 and tampered.json()["Code"] == "SignatureDoesNotMatch"
    assert "server string to sign is:POST&%2F&AccessKeyId" in tampered.json()["Message"]


def test_tea_style_requests_headers_and_a_form_body(serve: Any) -> None:
    """The Tea SDKs name the action in x-acs-action / x-acs-version and may put the
    parameters in a form body; the query and the body are merged."""
    served = serve("alibaba", groups=[GROUP], auth=False)
    answer = httpx.post(
        served.url + "/?Format=json&RegionId=cn-hangzhou",
        headers={"x-acs-action": "CreateLifecycleHook", "x-acs-version": "2014-08-28"},
        data={
            "ScalingGroupId": GROUP,
            "LifecycleHookName": "tea",
            "LifecycleTransition": "SCALE_IN",
        },
        trust_env=False,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["LifecycleHookId"].startswith("ash-")
    assert served.state.snapshot()["hooks"][0]["name"] == "tea"
