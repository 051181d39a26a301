"""The generated clients send what the official SDKs send, signature included, byte for byte.

Each test makes one call with an official SDK (boto3, tencentcloud CommonClient,
aliyun-python-sdk-core + aliyun-python-sdk-ess, huaweicloudsdkas) against a stdlib capture
server on 127.0.0.1, then the same call with the generated client through an
httpx.MockTransport, signed at the SDK's request time (and with its nonce), and compares the
method, path, parameters, body, the signed headers and the signature.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from .util import Capture, Captured, submodule

Reply = tuple[int, dict[str, str], bytes]


def send_with_client(
    make_client: Callable[[httpx.MockTransport], Any], call: Callable[[Any], object], reply: Reply
) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(reply[0], headers=reply[1], content=reply[2])

    client = make_client(httpx.MockTransport(handler))
    call(client)
    assert len(seen) == 1
    return seen[0]


def signed_names(authorization: str) -> list[str]:
    found = re.search(r"SignedHeaders=([^,\s]+)", authorization)
    assert found is not None, authorization
    return found.group(1).split(";")


def assert_same_signed_request(sdk: Captured, ours: httpx.Request) -> None:
    """Method, path, query, body, every signed header's value, and the Authorization."""
    assert ours.method == sdk.method
    assert ours.url.raw_path.decode() == sdk.target
    assert ours.content == sdk.body
    sdk_auth = sdk.header("Authorization")
    assert sdk_auth is not None
    names = signed_names(sdk_auth)
    assert signed_names(ours.headers["authorization"]) == names
    for name in names:
        assert ours.headers.get(name) == sdk.header(name), name
    assert ours.headers["authorization"] == sdk_auth


# --- AWS: boto3 ---------------------------------------------------------------------------------

AWS_OK = {
    "PutLifecycleHook": b"<PutLifecycleHookResponse><PutLifecycleHookResult/>"
    b"<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PutLifecycleHookResponse>",
    "DescribeLifecycleHooks": b"<DescribeLifecycleHooksResponse><DescribeLifecycleHooksResult>"
    b"<LifecycleHooks/></DescribeLifecycleHooksResult><ResponseMetadata><RequestId>r2</RequestId>"
    b"</ResponseMetadata></DescribeLifecycleHooksResponse>",
    "CompleteLifecycleAction": b"<CompleteLifecycleActionResponse><CompleteLifecycleActionResult/>"
    b"<ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata>"
    b"</CompleteLifecycleActionResponse>",
}
AWS_CALLS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # boto3 keyword arguments (in the spec's parameter order: botocore keeps the caller's
    # order on the wire), and the generated client's
    "PutLifecycleHook": (
        {
            "AutoScalingGroupName": "my-asg",
            "LifecycleHookName": "my-hook",
            "DefaultResult": "CONTINUE",
            "HeartbeatTimeout": 300,
            "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
            "NotificationMetadata": "meta data & more/100%",
            "NotificationTargetARN": "arn:aws:sqs:us-east-1:123456789012:q",
            "RoleARN": "arn:aws:iam::123456789012:role/r",
        },
        {
            "auto_scaling_group_name": "my-asg",
            "lifecycle_hook_name": "my-hook",
            "default_result": "CONTINUE",
            "heartbeat_timeout": 300,
            "lifecycle_transition": "autoscaling:EC2_INSTANCE_LAUNCHING",
            "notification_metadata": "meta data & more/100%",
            "notification_target_arn": "arn:aws:sqs:us-east-1:123456789012:q",
            "role_arn": "arn:aws:iam::123456789012:role/r",
        },
    ),
    "DescribeLifecycleHooks": (
        {"AutoScalingGroupName": "my-asg", "LifecycleHookNames": ["my-hook", "h2"]},
        {"auto_scaling_group_name": "my-asg", "lifecycle_hook_names": ["my-hook", "h2"]},
    ),
    "CompleteLifecycleAction": (
        {
            "AutoScalingGroupName": "my-asg",
            "LifecycleActionResult": "CONTINUE",
            "LifecycleHookName": "my-hook",
            "InstanceId": "i-1234567890abcdef0",
            "LifecycleActionToken": "bcd2f1b8-9a78-44d3-8a7a-4dd07d7cf635",
        },
        {
            "auto_scaling_group_name": "my-asg",
            "lifecycle_action_result": "CONTINUE",
            "lifecycle_hook_name": "my-hook",
            "instance_id": "i-1234567890abcdef0",
            "lifecycle_action_token": "bcd2f1b8-9a78-44d3-8a7a-4dd07d7cf635",
        },
    ),
}


@pytest.mark.parametrize("operation", sorted(AWS_CALLS))
def test_aws_client_signs_like_boto3(
    operation: str, packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    import boto3  # type: ignore[import-untyped]
    from botocore.config import Config  # type: ignore[import-untyped]

    reply: Reply = (200, {"Content-Type": "text/xml"}, AWS_OK[operation])
    server = capture(*reply)
    sdk = boto3.client(
        "autoscaling",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        config=Config(retries={"total_max_attempts": 1}),
    )
    sdk_args, our_args = AWS_CALLS[operation]
    getattr(sdk, re.sub(r"(?<!^)([A-Z])", r"_\1", operation).lower())(**sdk_args)
    sent = server.requests[-1]
    stamp = sent.header("X-Amz-Date")
    assert stamp is not None
    now = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)

    aws = packages["aws"]
    method = re.sub(r"(?<!^)([A-Z])", r"_\1", operation).lower()
    ours = send_with_client(
        lambda transport: aws.Client(
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region="us-east-1",
            endpoint=server.url,
            transport=transport,
            clock=lambda: now,
        ),
        lambda client: getattr(client, method)(**our_args),
        reply,
    )
    assert_same_signed_request(sent, ours)
    assert signed_names(ours.headers["authorization"]) == ["content-type", "host", "x-amz-date"]


# --- Tencent: tencentcloud-sdk-python-common CommonClient ----------------------------------------


def test_tencent_client_signs_like_the_sdk(
    packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    from tencentcloud.common import credential  # type: ignore[import-untyped]
    from tencentcloud.common.common_client import CommonClient  # type: ignore[import-untyped]
    from tencentcloud.common.profile.client_profile import ClientProfile  # type: ignore[import-untyped]
    from tencentcloud.common.profile.http_profile import HttpProfile  # type: ignore[import-untyped]

    answer = {"Response": {"LifecycleHookId": "ash-abcd1234", "RequestId": "r1"}}
    reply: Reply = (200, {"Content-Type": "application/json"}, json.dumps(answer).encode())
    server = capture(*reply)
    profile = ClientProfile(
        httpProfile=HttpProfile(endpoint=f"127.0.0.1:{server.port}", protocol="http")
    )
    cred = credential.Credential("AKIDEXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")
    sdk = CommonClient("as", "2018-04-19", cred, "ap-guangzhou", profile=profile)
    params = {
        "AutoScalingGroupId": "asg-12wjuh0s",
        "LifecycleHookName": "my-hook",
        "LifecycleTransition": "INSTANCE_LAUNCHING",
        "DefaultResult": "CONTINUE",
        "HeartbeatTimeout": 300,
        "NotificationMetadata": "meta \u00e9\u00e8",
        "NotificationTarget": {"TargetType": "CMQ_QUEUE", "QueueName": "q1"},
        "LifecycleTransitionType": "NORMAL",
    }
    sdk.call_json("CreateLifecycleHook", params)
    sent = server.requests[-1]
    stamp = sent.header("X-TC-Timestamp")
    assert stamp is not None
    now = datetime.fromtimestamp(int(stamp), UTC)

    tc = packages["tencent"]
    models = submodule(tc, "models")
    ours = send_with_client(
        lambda transport: tc.Client(
            secret_id="AKIDEXAMPLE",
            secret_key="Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
            region="ap-guangzhou",
            endpoint=server.url,
            transport=transport,
            clock=lambda: now,
        ),
        lambda client: client.create_lifecycle_hook(
            auto_scaling_group_id="asg-12wjuh0s",
            lifecycle_hook_name="my-hook",
            lifecycle_transition=models.LifecycleTransition.INSTANCE_LAUNCHING,
            default_result="CONTINUE",
            heartbeat_timeout=300,
            notification_metadata="meta \u00e9\u00e8",
            notification_target=models.NotificationTarget(target_type="CMQ_QUEUE", queue_name="q1"),
            lifecycle_transition_type="NORMAL",
        ),
        reply,
    )
    assert_same_signed_request(sent, ours)
    for name in ("X-TC-Action", "X-TC-Version", "X-TC-Region", "X-TC-Timestamp"):
        assert ours.headers[name] == sent.header(name)


def test_tencent_client_signs_a_list_call_like_the_sdk(
    packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    from tencentcloud.common import credential
    from tencentcloud.common.common_client import CommonClient
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile

    answer = {"Response": {"TotalCount": 0, "LifecycleHookSet": [], "RequestId": "r3"}}
    reply: Reply = (200, {"Content-Type": "application/json"}, json.dumps(answer).encode())
    server = capture(*reply)
    profile = ClientProfile(
        httpProfile=HttpProfile(endpoint=f"127.0.0.1:{server.port}", protocol="http")
    )
    sdk = CommonClient(
        "as", "2018-04-19", credential.Credential("AKID", "key"), "ap-guangzhou", profile=profile
    )
    filters = [{"Name": "auto-scaling-group-id", "Values": ["asg-12wjuh0s"]}]
    sdk.call_json("DescribeLifecycleHooks", {"Filters": filters, "Limit": 20, "Offset": 0})
    sent = server.requests[-1]
    stamp = sent.header("X-TC-Timestamp")
    assert stamp is not None

    tc = packages["tencent"]
    models = submodule(tc, "models")
    ours = send_with_client(
        lambda transport: tc.Client(
            secret_id="AKID",
            secret_key="key",
            region="ap-guangzhou",
            endpoint=server.url,
            transport=transport,
            clock=lambda: datetime.fromtimestamp(int(stamp), UTC),
        ),
        lambda client: client.describe_lifecycle_hooks(
            filters=[models.Filter(name="auto-scaling-group-id", values=["asg-12wjuh0s"])],
            limit=20,
            offset=0,
        ),
        reply,
    )
    assert_same_signed_request(sent, ours)


# --- Alibaba: aliyun-python-sdk-core + aliyun-python-sdk-ess -------------------------------------


def _alibaba_sdk_call(port: int, make_request: Callable[[], Any]) -> None:
    from aliyunsdkcore.client import AcsClient  # type: ignore[import-untyped]

    client = AcsClient(
        "LTAIexampleAK", "exampleSecret", "cn-hangzhou", port=port, auto_retry=False, timeout=15
    )
    request = make_request()
    request.set_endpoint("127.0.0.1")
    request.set_protocol_type("http")
    client.do_action_with_exception(request)


def _alibaba_create() -> Any:
    from aliyunsdkess.request.v20140828.CreateLifecycleHookRequest import (  # type: ignore[import-untyped]
        CreateLifecycleHookRequest,
    )

    request = CreateLifecycleHookRequest()
    request.set_ScalingGroupId("asg-bp1eyv4qn8ssgv43****")
    request.set_LifecycleHookName("my-hook")
    request.set_LifecycleTransition("SCALE_OUT")
    request.set_DefaultResult("CONTINUE")
    request.set_HeartbeatTimeout(600)
    request.set_NotificationMetadata("meta data ~*'")
    request.set_NotificationArn("acs:ess:cn-hangzhou:1111111111:queue/q1")
    return request


def _alibaba_describe() -> Any:
    from aliyunsdkess.request.v20140828.DescribeLifecycleHooksRequest import (  # type: ignore[import-untyped]
        DescribeLifecycleHooksRequest,
    )

    request = DescribeLifecycleHooksRequest()
    request.set_ScalingGroupId("asg-1")
    request.set_LifecycleHookIds(["ash-1", "ash-2"])
    request.set_PageSize(50)
    return request


ALIBABA_CASES: dict[str, tuple[Callable[[], Any], str, dict[str, Any]]] = {
    "CreateLifecycleHook": (
        _alibaba_create,
        "create_lifecycle_hook",
        {
            "scaling_group_id": "asg-bp1eyv4qn8ssgv43****",
            "lifecycle_hook_name": "my-hook",
            "lifecycle_transition": "SCALE_OUT",
            "default_result": "CONTINUE",
            "heartbeat_timeout": 600,
            "notification_metadata": "meta data ~*'",
            "notification_arn": "acs:ess:cn-hangzhou:1111111111:queue/q1",
        },
    ),
    "DescribeLifecycleHooks": (
        _alibaba_describe,
        "describe_lifecycle_hooks",
        {"scaling_group_id": "asg-1", "lifecycle_hook_id": ["ash-1", "ash-2"], "page_size": 50},
    ),
}


@pytest.mark.parametrize("operation", sorted(ALIBABA_CASES))
def test_alibaba_client_signs_like_aliyunsdkcore(
    operation: str, packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    make_request, method, kwargs = ALIBABA_CASES[operation]
    reply: Reply = (200, {"Content-Type": "application/json"}, b'{"RequestId": "r1"}')
    server = capture(*reply)
    _alibaba_sdk_call(server.port, make_request)
    sent = server.requests[-1]
    sdk_query = parse_qsl(urlsplit(sent.target).query, keep_blank_values=True)
    found = dict(sdk_query)
    now = datetime.strptime(found["Timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)

    ali = packages["alibaba"]
    ours = send_with_client(
        lambda transport: ali.Client(
            access_key_id="LTAIexampleAK",
            access_key_secret="exampleSecret",
            region="cn-hangzhou",
            endpoint=server.url,
            transport=transport,
            clock=lambda: now,
            nonce=lambda: found["SignatureNonce"],
        ),
        lambda client: getattr(client, method)(**kwargs),
        reply,
    )
    assert ours.method == sent.method == "POST"
    assert ours.url.path == urlsplit(sent.target).path == "/"
    our_query = parse_qsl(ours.url.query.decode(), keep_blank_values=True)
    # every parameter, the signature among them, with the same value (the order differs and
    # is not signed: v1.0 signs the sorted parameters)
    assert sorted(our_query) == sorted(sdk_query)
    assert dict(our_query)["Signature"] == found["Signature"]
    assert ours.content == sent.body == b""
    assert ours.headers["x-acs-action"] == sent.header("x-acs-action") == operation


# --- Huawei: huaweicloudsdkas --------------------------------------------------------------------

PROJECT = "0605767a4c00d5762fc2c0124f34a2a1"
GROUP = "a8327883-6b07-4497-9c61-68d03ee193a1"


def _huawei_cases() -> dict[str, tuple[Callable[[Any], Any], str, dict[str, Any]]]:
    from huaweicloudsdkas.v1 import (  # type: ignore[import-untyped]
        AttachCallbackInstanceLifeCycleHookRequest,
        CallbackLifeCycleHookOption,
        CreateLifeCycleHookOption,
        CreateLifyCycleHookRequest,
        DeleteLifecycleHookRequest,
        ListLifeCycleHooksRequest,
    )

    create = CreateLifeCycleHookOption(
        lifecycle_hook_name="my-hook",
        lifecycle_hook_type="INSTANCE_LAUNCHING",
        default_result="ABANDON",
        default_timeout=3600,
        notification_topic_urn="urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
        notification_metadata="meta",
    )
    return {
        "CreateLifecycleHook": (
            lambda c: c.create_lify_cycle_hook(
                CreateLifyCycleHookRequest(scaling_group_id=GROUP, body=create)
            ),
            "create_lify_cycle_hook",
            {
                "scaling_group_id": GROUP,
                "lifecycle_hook_name": "my-hook",
                "lifecycle_hook_type": "INSTANCE_LAUNCHING",
                "default_result": "ABANDON",
                "default_timeout": 3600,
                "notification_topic_urn": "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
                "notification_metadata": "meta",
            },
        ),
        "ListLifecycleHooks": (
            lambda c: c.list_life_cycle_hooks(ListLifeCycleHooksRequest(scaling_group_id=GROUP)),
            "list_life_cycle_hooks",
            {"scaling_group_id": GROUP},
        ),
        "DeleteLifecycleHook": (
            lambda c: c.delete_lifecycle_hook(
                DeleteLifecycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="my hook")
            ),
            "delete_lifecycle_hook",
            {"scaling_group_id": GROUP, "lifecycle_hook_name": "my hook"},
        ),
        "CallbackLifecycleHook": (
            lambda c: c.attach_callback_instance_life_cycle_hook(
                AttachCallbackInstanceLifeCycleHookRequest(
                    scaling_group_id=GROUP,
                    body=CallbackLifeCycleHookOption(
                        lifecycle_action_key="6d5d6a6e-0a0b-4c4f-b7d0-25d1e3f0a4e2",
                        lifecycle_action_result="CONTINUE",
                    ),
                )
            ),
            "attach_callback_instance_life_cycle_hook",
            {
                "scaling_group_id": GROUP,
                "lifecycle_action_key": "6d5d6a6e-0a0b-4c4f-b7d0-25d1e3f0a4e2",
                "lifecycle_action_result": "CONTINUE",
            },
        ),
    }


@pytest.mark.parametrize(
    "operation",
    ["CallbackLifecycleHook", "CreateLifecycleHook", "DeleteLifecycleHook", "ListLifecycleHooks"],
)
def test_huawei_client_signs_like_huaweicloudsdkas(
    operation: str, packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    from huaweicloudsdkas.v1 import AsClient
    from huaweicloudsdkcore.auth.credentials import BasicCredentials  # type: ignore[import-untyped]
    from huaweicloudsdkcore.http.http_config import HttpConfig  # type: ignore[import-untyped]

    sdk_call, method, kwargs = _huawei_cases()[operation]
    reply: Reply = (200, {"Content-Type": "application/json", "X-Request-Id": "rid"}, b"{}")
    server = capture(*reply)
    sdk = (
        AsClient.new_builder()
        .with_http_config(HttpConfig(timeout=(5, 15), retry_times=0))
        .with_credentials(BasicCredentials("HWAKEXAMPLE", "HWSKEXAMPLE", PROJECT))
        .with_endpoint(server.url)
        .build()
    )
    sdk_call(sdk)
    sent = server.requests[-1]
    stamp = sent.header("X-Sdk-Date")
    agent = sent.header("User-Agent")
    assert stamp is not None and agent is not None
    now = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)

    hw = packages["huawei"]
    ours = send_with_client(
        lambda transport: hw.Client(
            ak="HWAKEXAMPLE",
            sk="HWSKEXAMPLE",
            project_id=PROJECT,
            endpoint=server.url,
            transport=transport,
            clock=lambda: now,
            user_agent=agent,  # the SDK signs its User-Agent, which names the OS and a uuid
        ),
        lambda client: getattr(client, method)(**kwargs),
        reply,
    )
    assert_same_signed_request(sent, ours)
    assert "x-project-id" in signed_names(ours.headers["authorization"])
