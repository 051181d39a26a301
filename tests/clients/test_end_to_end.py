"""Each generated client against an in-process fake of its cloud.

The fake (an httpx.MockTransport handler, or a tiny ASGI app for the async clients) checks
the request's signature with the package's own verifier and the secret it knows, then answers
with envelopes written here by hand the way each cloud answers (docs/wire-facts.md): success,
documented and undocumented error codes, throttling, 5xx. The tests check typed results, typed
exceptions with their code, status and request id, and how many requests were sent.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, parse_qsl

import httpx
import pytest

from .util import Capture, submodule

Reply = tuple[int, dict[str, str], bytes]
XML = {"Content-Type": "text/xml"}
JSON = {"Content-Type": "application/json"}
SECRET = "fake-secret/with+chars="


def _json(status: int, document: object, **headers: str) -> Reply:
    return status, {**JSON, **headers}, json.dumps(document).encode()


@dataclass
class Cloud:
    """How to drive one provider's client, and what its cloud answers."""

    provider: str
    credentials: dict[str, str]
    env: dict[str, str]  # the same credentials as environment variables
    read: Callable[[Any], Any]  # a read-only call: retried
    write: Callable[[Any], Any]  # a create: not retried
    read_ok: Reply
    check_read: Callable[[Any], None]
    error: Reply  # a documented error code
    error_class: str
    error_code: str
    error_status: int
    error_request_id: str
    unknown_error: Reply  # a code no page documents
    throttle: Reply
    server_error: Reply
    invalid_call: Callable[[Any], Any]  # a request the validators reject
    invalid_class: str
    invalid_wire: Callable[[httpx.Request], bool]  # the invalid value, as it was sent


def _aws_check(result: Any) -> None:
    assert result.request_id == "r2"
    hooks = result.raw["LifecycleHooks"]
    assert [h["LifecycleHookName"] for h in hooks] == ["my-hook", "h2"]
    assert hooks[0]["HeartbeatTimeout"] == "300"  # AWS pages list no response fields: raw


def _tencent_check(result: Any) -> None:
    assert result.request_id == "r3"
    assert result.total_count == 1
    hook = result.lifecycle_hook_set[0]
    assert hook.lifecycle_hook_id == "ash-abcd1234"
    assert hook.heartbeat_timeout == 300
    assert hook.notification_target.target_type == "CMQ_QUEUE"
    assert hook.notification_target.queue_name == "q1"


def _alibaba_check(result: Any) -> None:
    assert result.request_id == "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"
    assert result.total_count == 1  # ESS answers it as the text "1"
    assert result.page_size == 50
    (hook,) = result.lifecycle_hooks.lifecycle_hook
    assert hook.lifecycle_hook_id == "ash-bp1fxuqyi98w0aib****"
    assert hook.heartbeat_timeout == 600


def _huawei_check(result: Any) -> None:
    assert result.request_id == "rid-list"  # Huawei sends it in X-Request-Id only
    (hook,) = result.lifecycle_hooks
    assert hook.lifecycle_hook_name == "my-hook"
    assert hook.default_timeout == 3600
    assert hook.notification_topic_name == "gsh"


def _aws_error(code: str, message: str, status: int = 400, rid: str = "e1") -> Reply:
    body = (
        '<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error>'
        f"<Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
        f"<RequestId>{rid}</RequestId></ErrorResponse>"
    )
    return status, XML, body.encode()


def _tencent_error(code: str, message: str, rid: str = "e1") -> Reply:
    return _json(200, {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": rid}})


def _alibaba_error(code: str, message: str, status: int = 400, rid: str = "E1") -> Reply:
    document = {"RequestId": rid, "HostId": "ess.aliyuncs.com", "Code": code, "Message": message}
    return status, {"Content-Type": "application/json;charset=utf-8"}, json.dumps(document).encode()


def _huawei_error(code: str, message: str, status: int = 400, rid: str = "rid-1") -> Reply:
    return _json(status, {"error": {"code": code, "message": message}}, **{"X-Request-Id": rid})


CLOUDS = {
    "aws": Cloud(
        provider="aws",
        credentials={
            "aws_access_key_id": "AKIDEXAMPLE",
            "aws_secret_access_key": SECRET,
            "region": "us-east-1",
        },
        env={
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": SECRET,
            "AWS_DEFAULT_REGION": "us-east-1",
        },
        read=lambda c: c.describe_lifecycle_hooks(auto_scaling_group_name="my-asg"),
        write=lambda c: c.put_lifecycle_hook(
            auto_scaling_group_name="my-asg", lifecycle_hook_name="my-hook"
        ),
        read_ok=(
            200,
            XML,
            b'<DescribeLifecycleHooksResponse xmlns="http://autoscaling.amazonaws.com/doc/'
            b'2011-01-01/"><DescribeLifecycleHooksResult><LifecycleHooks><member>'
            b"<LifecycleHookName>my-hook</LifecycleHookName><HeartbeatTimeout>300"
            b"</HeartbeatTimeout></member><member><LifecycleHookName>h2</LifecycleHookName>"
            b"</member></LifecycleHooks></DescribeLifecycleHooksResult><ResponseMetadata>"
            b"<RequestId>r2</RequestId></ResponseMetadata></DescribeLifecycleHooksResponse>",
        ),
        check_read=_aws_check,
        error=_aws_error("ResourceContention", "You already have a pending update"),
        error_class="ResourceContentionError",
        error_code="ResourceContention",
        error_status=400,
        error_request_id="e1",
        unknown_error=_aws_error("AccessDenied", "no", 403, "e2"),
        throttle=_aws_error("Throttling", "Rate exceeded"),
        server_error=(503, {"Content-Type": "text/html"}, b"<html>Service Unavailable</html>"),
        invalid_call=lambda c: c.put_lifecycle_hook(
            auto_scaling_group_name="my-asg", lifecycle_hook_name="my-hook", heartbeat_timeout=10
        ),
        invalid_class="ValidationError",
        invalid_wire=lambda r: b"HeartbeatTimeout=10" in r.content,
    ),
    "tencent": Cloud(
        provider="tencent",
        credentials={"secret_id": "AKIDEXAMPLE", "secret_key": SECRET, "region": "ap-guangzhou"},
        env={
            "TENCENTCLOUD_SECRET_ID": "AKIDEXAMPLE",
            "TENCENTCLOUD_SECRET_KEY": SECRET,
            "TENCENTCLOUD_REGION": "ap-guangzhou",
        },
        read=lambda c: c.describe_lifecycle_hooks(limit=20, offset=0),
        write=lambda c: c.create_lifecycle_hook(
            auto_scaling_group_id="asg-12wjuh0s",
            lifecycle_hook_name="my-hook",
            lifecycle_transition="INSTANCE_LAUNCHING",
        ),
        read_ok=_json(
            200,
            {
                "Response": {
                    "TotalCount": 1,
                    "LifecycleHookSet": [
                        {
                            "LifecycleHookId": "ash-abcd1234",
                            "LifecycleHookName": "my-hook",
                            "AutoScalingGroupId": "asg-12wjuh0s",
                            "DefaultResult": "CONTINUE",
                            "HeartbeatTimeout": 300,
                            "LifecycleTransition": "INSTANCE_LAUNCHING",
                            "NotificationMetadata": "meta",
                            "CreatedTime": "2019-03-14T10:15:11Z",
                            "NotificationTarget": {
                                "TargetType": "CMQ_QUEUE",
                                "QueueName": "q1",
                                "TopicName": "",
                            },
                            "LifecycleTransitionType": "NORMAL",
                        }
                    ],
                    "RequestId": "r3",
                }
            },
        ),
        check_read=_tencent_check,
        error=_tencent_error("InvalidParameterValue.InvalidFilter", "bad filter"),
        error_class="InvalidParameterValueInvalidFilterError",
        error_code="InvalidParameterValue.InvalidFilter",
        error_status=200,
        error_request_id="e1",
        unknown_error=_tencent_error("AuthFailure.UnauthorizedOperation", "no", "e2"),
        throttle=_tencent_error("RequestLimitExceeded", "too many requests"),
        server_error=(502, {"Content-Type": "text/html"}, b"<html>Bad Gateway</html>"),
        invalid_call=lambda c: c.create_lifecycle_hook(
            auto_scaling_group_id="asg-12wjuh0s",
            lifecycle_hook_name="my-hook",
            lifecycle_transition="INSTANCE_LAUNCHING",
            heartbeat_timeout=10,
        ),
        invalid_class="InvalidParameterValueRangeError",
        invalid_wire=lambda r: json.loads(r.content)["HeartbeatTimeout"] == 10,
    ),
    "alibaba": Cloud(
        provider="alibaba",
        credentials={
            "access_key_id": "LTAIexampleAK",
            "access_key_secret": SECRET,
            "region": "cn-hangzhou",
        },
        env={
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIexampleAK",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": SECRET,
            "ALIBABA_CLOUD_REGION_ID": "cn-hangzhou",
        },
        read=lambda c: c.describe_lifecycle_hooks(scaling_group_id="asg-bp1eyv4qn8ssgv43****"),
        write=lambda c: c.create_lifecycle_hook(
            scaling_group_id="asg-bp1eyv4qn8ssgv43****", lifecycle_transition="SCALE_OUT"
        ),
        read_ok=_json(
            200,
            {
                "RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
                "TotalCount": "1",
                "PageSize": 50,
                "PageNumber": 1,
                "LifecycleHooks": {
                    "LifecycleHook": [
                        {
                            "LifecycleHookId": "ash-bp1fxuqyi98w0aib****",
                            "LifecycleHookName": "my-hook",
                            "ScalingGroupId": "asg-bp1eyv4qn8ssgv43****",
                            "HeartbeatTimeout": 600,
                            "DefaultResult": "CONTINUE",
                            "LifecycleTransition": "SCALE_OUT",
                        }
                    ]
                },
            },
        ),
        check_read=_alibaba_check,
        error=_alibaba_error("InvalidParamter", "The specified value of parameter is not valid."),
        error_class="InvalidParamterError",
        error_code="InvalidParamter",
        error_status=400,
        error_request_id="E1",
        unknown_error=_alibaba_error("Forbidden.RAM", "no", 403, "E2"),
        throttle=_alibaba_error("Throttling.User", "Request was denied due to user flow control."),
        server_error=_alibaba_error("InternalError", "unknown error", 500),
        invalid_call=lambda c: c.create_lifecycle_hook(
            scaling_group_id="asg-1", lifecycle_transition="SCALE_OUT", heartbeat_timeout=10
        ),
        invalid_class="InvalidParamterError",
        invalid_wire=lambda r: ("HeartbeatTimeout", "10") in parse_qsl(r.url.query.decode()),
    ),
    "huawei": Cloud(
        provider="huawei",
        credentials={"ak": "HWAKEXAMPLE", "sk": SECRET, "project_id": "p1"},
        env={
            "HUAWEICLOUD_SDK_AK": "HWAKEXAMPLE",
            "HUAWEICLOUD_SDK_SK": SECRET,
            "HUAWEICLOUD_SDK_PROJECT_ID": "p1",
        },
        read=lambda c: c.list_life_cycle_hooks(scaling_group_id="g1"),
        write=lambda c: c.create_lify_cycle_hook(
            scaling_group_id="g1",
            lifecycle_hook_name="my-hook",
            lifecycle_hook_type="INSTANCE_LAUNCHING",
            notification_topic_urn="urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
        ),
        read_ok=_json(
            200,
            {
                "lifecycle_hooks": [
                    {
                        "lifecycle_hook_name": "my-hook",
                        "default_result": "ABANDON",
                        "default_timeout": 3600,
                        "notification_topic_urn": "urn:smn:regionId:b53e:gsh",
                        "notification_topic_name": "gsh",
                        "lifecycle_hook_type": "INSTANCE_LAUNCHING",
                        "create_time": "2016-06-01T02:00:00Z",
                    }
                ]
            },
            **{"X-Request-Id": "rid-list"},
        ),
        check_read=_huawei_check,
        error=_huawei_error("AS.0001", "Invalid input parameter: scaling_group_id"),
        error_class="AS0001Error",
        error_code="AS.0001",
        error_status=400,
        error_request_id="rid-1",
        unknown_error=_huawei_error("AS.2011", "Invalid input parameter: default_timeout"),
        throttle=_huawei_error("APIGW.0308", "The throttling threshold has been reached", 429),
        server_error=_huawei_error("AS.0004", "Internal server error", 500),
        invalid_call=lambda c: c.create_lify_cycle_hook(
            scaling_group_id="g1",
            lifecycle_hook_name="my-hook",
            lifecycle_hook_type="INSTANCE_LAUNCHING",
            notification_topic_urn="urn:smn:x",
            default_timeout=10,
        ),
        invalid_class="AS0001Error",
        invalid_wire=lambda r: json.loads(r.content)["default_timeout"] == 10,
    ),
}


class Fake:
    """A cloud in a handler: checks the signature, then answers the next scripted reply."""

    def __init__(self, package: ModuleType, replies: list[Reply | Exception]) -> None:
        self.signing = submodule(package, "_signing")
        self.wire = submodule(package, "_wire")
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []
        self.bad_signatures: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raw = request.url.raw_path.decode()
        path, _, query = raw.partition("?")
        reason = self.signing.verify(
            request.method,
            path,
            query,
            request.headers.multi_items(),
            request.content,
            lambda key: SECRET,
        )
        if reason is not None:
            self.bad_signatures.append(reason)
            return httpx.Response(403, content=b"bad signature: " + reason.encode())
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        status, headers, body = reply
        return httpx.Response(status, headers=headers, content=body)


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(
    packages: dict[str, ModuleType], cloud: Cloud, fake: Fake, **options: Any
) -> tuple[Any, Sleeps]:
    sleeps = Sleeps()
    client = packages[cloud.provider].Client(
        **cloud.credentials,
        endpoint="http://127.0.0.1:8999",
        transport=httpx.MockTransport(fake),
        sleep=sleeps,
        rng=random.Random(7),
        **options,
    )
    return client, sleeps


def errors_of(packages: dict[str, ModuleType], cloud: Cloud) -> ModuleType:
    return submodule(packages[cloud.provider], "errors")


@pytest.fixture(params=sorted(CLOUDS))
def cloud(request: pytest.FixtureRequest) -> Cloud:
    return CLOUDS[request.param]


def test_success_is_parsed_into_the_typed_response(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    fake = Fake(packages[cloud.provider], [cloud.read_ok])
    client, sleeps = make_client(packages, cloud, fake)
    result = cloud.read(client)
    cloud.check_read(result)
    assert fake.bad_signatures == []
    assert client.attempts == 1 and sleeps == []
    assert type(result).__name__.endswith("Response")


def test_documented_error_raises_its_class(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.error])
    client, _ = make_client(packages, cloud, fake)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError) as caught:
        cloud.read(client)
    error = caught.value
    assert type(error).__name__ == cloud.error_class
    assert type(error) is errors.ERRORS[cloud.error_code]
    assert error.code == cloud.error_code
    assert error.status == cloud.error_status
    assert error.request_id == cloud.error_request_id
    assert error.message and error.problems == ()
    assert client.attempts == 1  # not a throttling or server error: not retried


def test_unknown_error_code_raises_the_base_class(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    fake = Fake(packages[cloud.provider], [cloud.unknown_error])
    client, _ = make_client(packages, cloud, fake)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError) as caught:
        cloud.read(client)
    assert type(caught.value) is errors.ServiceError
    assert caught.value.code not in errors.ERRORS
    assert caught.value.request_id == "e2" or caught.value.request_id in ("E2", "rid-1")


def test_throttling_then_success_is_retried_with_backoff(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    fake = Fake(packages[cloud.provider], [cloud.throttle, cloud.throttle, cloud.read_ok])
    client, sleeps = make_client(packages, cloud, fake, backoff_base=0.5, backoff_cap=20.0)
    result = cloud.read(client)
    cloud.check_read(result)
    assert client.attempts == 3 and len(fake.requests) == 3
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 0.5 and 0 <= sleeps[1] <= 1.0  # full jitter under the cap
    # every attempt is signed afresh and verifies
    assert fake.bad_signatures == []


def test_throttling_gives_up_after_max_attempts(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    fake = Fake(packages[cloud.provider], [cloud.throttle] * 5)
    client, sleeps = make_client(packages, cloud, fake, max_attempts=4)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError) as caught:
        cloud.read(client)
    assert client.attempts == 4 and len(sleeps) == 3
    assert caught.value.code == fake.wire.decode_error(*cloud.throttle).code


def test_server_errors_are_retried_on_reads(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.server_error, cloud.read_ok])
    client, sleeps = make_client(packages, cloud, fake)
    cloud.check_read(cloud.read(client))
    assert client.attempts == 2 and len(sleeps) == 1


def test_max_attempts_one_turns_retries_off(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.throttle, cloud.read_ok])
    client, sleeps = make_client(packages, cloud, fake, max_attempts=1)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError):
        cloud.read(client)
    assert client.attempts == 1 and sleeps == []


def test_creates_are_not_retried(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.throttle, cloud.server_error])
    client, sleeps = make_client(packages, cloud, fake)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError) as caught:
        cloud.write(client)
    assert client.attempts == 1 and sleeps == []
    assert caught.value.code == fake.wire.decode_error(*cloud.throttle).code


def test_transport_failures_are_retried_on_reads(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    failure = httpx.ConnectError("connection refused")
    fake = Fake(packages[cloud.provider], [failure, cloud.read_ok])
    client, sleeps = make_client(packages, cloud, fake)
    cloud.check_read(cloud.read(client))
    assert client.attempts == 2 and len(sleeps) == 1

    fake = Fake(packages[cloud.provider], [httpx.ConnectError("refused")] * 3)
    client, _ = make_client(packages, cloud, fake, max_attempts=3)
    with pytest.raises(httpx.ConnectError):
        cloud.read(client)
    assert client.attempts == 3


def test_invalid_request_is_rejected_before_sending(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    fake = Fake(packages[cloud.provider], [])
    client, _ = make_client(packages, cloud, fake)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError) as caught:
        cloud.invalid_call(client)
    error = caught.value
    assert type(error).__name__ == cloud.invalid_class
    assert fake.requests == [] and client.attempts == 0
    assert error.request_id is None
    assert [p.constraint for p in error.problems] == ["range"]
    assert error.code == error.problems[0].code and error.status == error.problems[0].status


def test_validate_false_sends_what_the_server_must_reject(
    cloud: Cloud, packages: dict[str, ModuleType]
) -> None:
    # No SDK checks the HeartbeatTimeout range (docs/wire-facts.md §0): the server answers it.
    status, headers, _ = cloud.error
    fake = Fake(packages[cloud.provider], [cloud.error])
    client, _ = make_client(packages, cloud, fake, validate=False)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ServiceError):
        cloud.invalid_call(client)
    assert len(fake.requests) == 1
    assert cloud.invalid_wire(fake.requests[0])


def test_credentials_come_from_the_environment(
    cloud: Cloud, packages: dict[str, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in cloud.env.items():
        monkeypatch.setenv(name, value)
    fake = Fake(packages[cloud.provider], [cloud.read_ok])
    client = packages[cloud.provider].Client(
        endpoint="http://127.0.0.1:8999", transport=httpx.MockTransport(fake)
    )
    cloud.check_read(cloud.read(client))
    assert fake.bad_signatures == []
    first_key = next(iter(cloud.env.values()))
    assert first_key in fake.requests[0].headers.get("authorization", "") + str(
        fake.requests[0].url
    )


def test_missing_credentials_are_an_error(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    with pytest.raises(ValueError, match="pass .*= or set"):
        packages[cloud.provider].Client(endpoint="http://127.0.0.1:8999")


def test_absent_values_are_never_sent(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.error])
    client, _ = make_client(packages, cloud, fake)
    with pytest.raises(errors_of(packages, cloud).ServiceError):
        cloud.write(client)  # every optional argument left at None
    sent = fake.requests[0]
    text = (str(sent.url) + sent.content.decode()).lower()
    assert "none" not in text and "null" not in text


# --- async, through an ASGI app ----------------------------------------------------------------


def asgi_app(fake: Fake) -> Callable[..., Any]:
    """The fake as a minimal ASGI application."""

    async def app(
        scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        assert scope["type"] == "http"
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = [(k.decode(), v.decode()) for k, v in scope["headers"]]
        target = scope["raw_path"].decode()
        if scope["query_string"]:
            target += "?" + scope["query_string"].decode()
        request = httpx.Request(
            scope["method"], "http://127.0.0.1:8999" + target, headers=headers, content=body
        )
        response = fake(request)
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": response.content})

    return app


def test_async_client_retries_and_parses(cloud: Cloud, packages: dict[str, ModuleType]) -> None:
    fake = Fake(packages[cloud.provider], [cloud.throttle, cloud.read_ok, cloud.error])
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def main() -> tuple[Any, BaseException | None]:
        async with packages[cloud.provider].AsyncClient(
            **cloud.credentials,
            endpoint="http://127.0.0.1:8999",
            transport=httpx.ASGITransport(app=asgi_app(fake)),
            sleep=sleep,
        ) as client:
            result = await cloud.read(client)
            try:
                await cloud.read(client)
            except Exception as exc:  # noqa: BLE001 - checked below
                return result, exc
            return result, None

    result, error = asyncio.run(main())
    cloud.check_read(result)
    assert len(fake.requests) == 3 and len(sleeps) == 1
    assert fake.bad_signatures == []
    assert error is not None and type(error).__name__ == cloud.error_class


# --- provider specifics --------------------------------------------------------------------------


def test_alibaba_calls_with_a_client_token_are_retried(packages: dict[str, ModuleType]) -> None:
    cloud = CLOUDS["alibaba"]
    ok = _json(200, {"RequestId": "r9"})
    fake = Fake(packages["alibaba"], [cloud.throttle, ok, cloud.throttle])
    client, sleeps = make_client(packages, cloud, fake)
    call = {"lifecycle_hook_id": "ash-1", "lifecycle_action_token": "tok"}
    result = client.complete_lifecycle_action(**call, client_token="once-only")
    assert result.request_id == "r9" and client.attempts == 2
    with pytest.raises(errors_of(packages, cloud).ServiceError):
        client.complete_lifecycle_action(**call)  # no token: not safe to repeat
    assert client.attempts == 3


def test_aws_error_aliases_follow_botocore_exception_names(packages: dict[str, ModuleType]) -> None:
    errors = submodule(packages["aws"], "errors")
    assert errors.LimitExceededFault is errors.LimitExceededError
    assert errors.ERRORS["LimitExceeded"] is errors.LimitExceededError


def test_tencent_error_under_http_200_is_an_error_whatever_the_content_type(
    packages: dict[str, ModuleType],
) -> None:
    # The SDK misses an Error sent as "application/json; charset=utf-8"; the client does not.
    cloud = CLOUDS["tencent"]
    status, _, body = _tencent_error("ResourceNotFound.LifecycleHookNotFound", "gone")
    reply: Reply = (status, {"Content-Type": "application/json; charset=utf-8"}, body)
    fake = Fake(packages["tencent"], [reply])
    client, _ = make_client(packages, cloud, fake)
    errors = errors_of(packages, cloud)
    with pytest.raises(errors.ResourceNotFoundLifecycleHookNotFoundError):
        client.delete_lifecycle_hook(lifecycle_hook_id="ash-1")


def test_huawei_project_id_fills_the_path_and_header(packages: dict[str, ModuleType]) -> None:
    cloud = CLOUDS["huawei"]
    fake = Fake(packages["huawei"], [(204, {"X-Request-Id": "rid-del"}, b"")])
    client, _ = make_client(packages, cloud, fake)
    result = client.delete_lifecycle_hook(scaling_group_id="g 1", lifecycle_hook_name="h/1")
    sent = fake.requests[0]
    assert sent.method == "DELETE"
    assert sent.url.raw_path == b"/autoscaling-api/v1/p1/scaling_lifecycle_hook/g%201/h%2F1"
    assert sent.headers["x-project-id"] == "p1"
    assert result.request_id == "rid-del" and result.raw == {}


def test_malformed_success_body_raises_a_service_error(packages: dict[str, ModuleType]) -> None:
    cloud = CLOUDS["tencent"]
    fake = Fake(packages["tencent"], [(200, JSON, b"<html>not json</html>")])
    client, _ = make_client(packages, cloud, fake)
    with pytest.raises(errors_of(packages, cloud).ServiceError) as caught:
        client.delete_lifecycle_hook(lifecycle_hook_id="ash-1")
    assert caught.value.code == "InvalidResponse" and caught.value.status == 200


def test_responses_keep_values_the_page_does_not_list(packages: dict[str, ModuleType]) -> None:
    cloud = CLOUDS["huawei"]
    answer = _json(
        200,
        {"lifecycle_hook_name": "h", "lifecycle_hook_type": "INSTANCE_REBOOTING", "extra": 1},
        **{"X-Request-Id": "r"},
    )
    fake = Fake(packages["huawei"], [answer])
    client, _ = make_client(packages, cloud, fake)
    result = client.show_life_cycle_hook(scaling_group_id="g1", lifecycle_hook_name="h")
    assert result.lifecycle_hook_type == "INSTANCE_REBOOTING"
    assert result.raw["extra"] == 1


# --- the default transports, on real sockets ---------------------------------------------------


def test_default_transports_on_loopback(
    packages: dict[str, ModuleType], capture: type[Capture]
) -> None:
    cloud = CLOUDS["tencent"]
    server = capture(*cloud.read_ok)
    with packages["tencent"].Client(**cloud.credentials, endpoint=server.url) as client:
        cloud.check_read(cloud.read(client))
        cloud.check_read(cloud.read(client))  # a pooled connection, reused

    async def main() -> Any:
        async with packages["tencent"].AsyncClient(
            **cloud.credentials, endpoint=server.url, timeout=5.0
        ) as client:
            return await cloud.read(client)

    cloud.check_read(asyncio.run(main()))
    assert len(server.requests) == 3
    assert all(r.header("X-TC-Action") == "DescribeLifecycleHooks" for r in server.requests)


def test_environment_proxies_are_used_unless_no_proxy_says_otherwise(
    packages: dict[str, ModuleType], capture: type[Capture], monkeypatch: pytest.MonkeyPatch
) -> None:
    cloud = CLOUDS["huawei"]
    server = capture(*cloud.read_ok)
    proxy = capture(502, {"Content-Type": "text/plain"}, b"from the proxy")
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "example.com")
    client = packages["huawei"].Client(**cloud.credentials, endpoint=server.url, max_attempts=1)
    with pytest.raises(errors_of(packages, cloud).ServiceError) as caught:
        cloud.read(client)
    assert caught.value.status == 502 and len(proxy.requests) == 1
    assert (
        proxy.requests[0].target
        == server.url + "/autoscaling-api/v1/p1/scaling_lifecycle_hook/g1/list"
    )

    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    client = packages["huawei"].Client(**cloud.credentials, endpoint=server.url)
    cloud.check_read(cloud.read(client))
    assert len(server.requests) == 1
    client = packages["huawei"].Client(**cloud.credentials, endpoint=server.url, trust_env=False)
    monkeypatch.setenv("NO_PROXY", "")
    cloud.check_read(cloud.read(client))
    assert len(server.requests) == 2 and len(proxy.requests) == 1


def test_idempotency_token_is_filled_and_kept_across_retries(
    packages: dict[str, ModuleType],
) -> None:
    # LaunchInstances' ClientToken: botocore fills it when the caller does not, and so do we;
    # a retried call carries the same token, so the service sees one request, not two.
    cloud = CLOUDS["aws"]
    ok_body = (
        '<LaunchInstancesResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">'
        "<LaunchInstancesResult></LaunchInstancesResult>"
        "<ResponseMetadata><RequestId>r7</RequestId></ResponseMetadata></LaunchInstancesResponse>"
    )
    fake = Fake(packages["aws"], [cloud.throttle, (200, XML, ok_body.encode())])
    client, _ = make_client(packages, cloud, fake)
    result = client.launch_instances(
        auto_scaling_group_name="g1", requested_capacity=1, subnet_ids=["s-1"]
    )
    assert result.request_id == "r7" and client.attempts == 2
    sent = [parse_qs(r.content.decode()) for r in fake.requests]
    first, second = (form["ClientToken"] for form in sent)
    assert first == second and len(first[0]) == 36  # a uuid4, the same on the retry
    fake = Fake(packages["aws"], [(200, XML, ok_body.encode())])
    client, _ = make_client(packages, cloud, fake)
    client.launch_instances(
        auto_scaling_group_name="g1", requested_capacity=1, subnet_ids=["s-1"], client_token="t1"
    )
    assert parse_qs(fake.requests[0].content.decode())["ClientToken"] == ["t1"]
