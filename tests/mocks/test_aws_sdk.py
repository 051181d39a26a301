"""boto3 against the generated AWS Auto Scaling mock: every operation in specs/aws, the
documented errors, the state model. boto3 runs unchanged; only endpoint_url points at the mock.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

from .conftest import AK, SK
from .util import Clock, Served, operations_of, stateful_operations

GROUP = "g1"
LAUNCH = "autoscaling:EC2_INSTANCE_LAUNCHING"
ROLE = "arn:aws:iam::123456789012:role/r"


def client(served: Served, secret: str = SK, **config: Any) -> Any:
    return boto3.client(
        "autoscaling",
        endpoint_url=served.url,
        region_name="us-east-1",
        aws_access_key_id=AK,
        aws_secret_access_key=secret,
        config=Config(retries={"total_max_attempts": 1}, read_timeout=15, **config),
    )


def put(c: Any, name: str = "h1", **extra: Any) -> Any:
    params = {
        "LifecycleHookName": name,
        "AutoScalingGroupName": GROUP,
        "LifecycleTransition": LAUNCH,
        "RoleARN": ROLE,
        "NotificationTargetARN": "arn:aws:sqs:us-east-1:123456789012:q",
        "NotificationMetadata": "meta",
    }
    params.update(extra)
    return c.put_lifecycle_hook(**params)


def error_of(call: Any, **params: Any) -> tuple[str, int, str]:
    with pytest.raises(ClientError) as info:
        call(**params)
    response = info.value.response
    assert response["ResponseMetadata"]["RequestId"]
    return (
        response["Error"]["Code"],
        response["ResponseMetadata"]["HTTPStatusCode"],
        response["Error"]["Message"],
    )


def test_every_operation_round_trips(aws: Served) -> None:
    c = client(aws)
    put(c, HeartbeatTimeout=120, DefaultResult="CONTINUE")
    put(c, "h2")
    put(c, "h3", DefaultResult="CONTINUE")
    hooks = c.describe_lifecycle_hooks(AutoScalingGroupName=GROUP)["LifecycleHooks"]
    assert [h["LifecycleHookName"] for h in hooks] == ["h1", "h2", "h3"]
    first = hooks[0]
    assert first["HeartbeatTimeout"] == 120 and first["DefaultResult"] == "CONTINUE"
    assert first["LifecycleTransition"] == LAUNCH and first["AutoScalingGroupName"] == GROUP
    assert first["NotificationMetadata"] == "meta" and first["RoleARN"] == ROLE
    # the documented defaults fill what was not given (HeartbeatTimeout 3600, ABANDON)
    assert hooks[1]["HeartbeatTimeout"] == 3600 and hooks[1]["DefaultResult"] == "ABANDON"
    only = c.describe_lifecycle_hooks(AutoScalingGroupName=GROUP, LifecycleHookNames=["h2"])
    assert [h["LifecycleHookName"] for h in only["LifecycleHooks"]] == ["h2"]

    started = aws.control("POST", "scale", {"group": GROUP, "direction": "out", "count": 2})
    by_instance: dict[str, list[dict[str, Any]]] = {}
    for action in started["actions"]:
        by_instance.setdefault(action["instance"], []).append(action)
    assert len(by_instance) == 2 and all(len(v) == 3 for v in by_instance.values())
    one, other = by_instance.values()
    token = next(a["token"] for a in one if a["hook_name"] == "h1")
    c.record_lifecycle_action_heartbeat(
        LifecycleHookName="h1", AutoScalingGroupName=GROUP, LifecycleActionToken=token
    )
    c.complete_lifecycle_action(
        LifecycleHookName="h1",
        AutoScalingGroupName=GROUP,
        LifecycleActionToken=token,
        LifecycleActionResult="CONTINUE",
    )
    c.complete_lifecycle_action(
        LifecycleHookName="h2",
        AutoScalingGroupName=GROUP,
        InstanceId=one[0]["instance"],
        LifecycleActionResult="CONTINUE",
    )
    # deleting a hook ends its waits with its default result (h3: CONTINUE)
    c.delete_lifecycle_hook(LifecycleHookName="h3", AutoScalingGroupName=GROUP)
    state = aws.control("GET", "state")
    assert [h["name"] for h in state["hooks"]] == ["h1", "h2"]
    assert state["groups"][GROUP][one[0]["instance"]] == "InService"
    assert sorted(a["hook_name"] for a in state["actions"]) == ["h1", "h2"]
    assert {a["instance"] for a in state["actions"]} == {other[0]["instance"]}

    served_ops = {e["operation"] for e in aws.control("GET", "journal") if e["status"] == 200}
    assert served_ops == stateful_operations("aws")


def test_put_updates_an_existing_hook_instead_of_refusing_it(aws: Served) -> None:
    c = client(aws)
    put(c, HeartbeatTimeout=300)
    # an update may leave out what only a new hook requires (LifecycleTransition, RoleARN)
    c.put_lifecycle_hook(LifecycleHookName="h1", AutoScalingGroupName=GROUP, HeartbeatTimeout=900)
    hooks = c.describe_lifecycle_hooks(AutoScalingGroupName=GROUP)["LifecycleHooks"]
    assert len(hooks) == 1
    assert hooks[0]["HeartbeatTimeout"] == 900 and hooks[0]["LifecycleTransition"] == LAUNCH


def test_a_new_hook_needs_what_the_page_requires_on_create(aws: Served) -> None:
    c = client(aws)
    code, status, message = error_of(
        c.put_lifecycle_hook, LifecycleHookName="h1", AutoScalingGroupName=GROUP, RoleARN=ROLE
    )
    assert (code, status) == ("ValidationError", 400)
    assert "LifecycleTransition" in message


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"HeartbeatTimeout": 10}, "HeartbeatTimeout"),  # range 30..7200, no client check
        ({"HeartbeatTimeout": 99999}, "HeartbeatTimeout"),
        ({"LifecycleTransition": "bogus"}, "LifecycleTransition"),  # enum
        ({"DefaultResult": "MAYBE"}, "DefaultResult"),
        ({"LifecycleHookName": "x" * 300}, "LifecycleHookName"),  # max length 255
    ],
)
def test_invalid_values_get_validation_error(
    aws: Served, extra: dict[str, Any], named: str
) -> None:
    c = client(aws)
    code, status, message = error_of(put, c=c, **extra)
    assert (code, status) == ("ValidationError", 400)
    assert named in message
    assert aws.control("GET", "state")["hooks"] == []


def test_a_missing_group_is_refused(aws: Served) -> None:
    c = client(aws)
    code, status, message = error_of(
        c.put_lifecycle_hook,
        LifecycleHookName="h1",
        AutoScalingGroupName="nope",
        LifecycleTransition=LAUNCH,
        RoleARN=ROLE,
    )
    assert (code, status) == ("ValidationError", 400)
    assert message == "Group nope not found"
    code, _, _ = error_of(c.describe_lifecycle_hooks, AutoScalingGroupName="nope")
    assert code == "ValidationError"


def test_the_documented_quota_is_enforced_with_limit_exceeded(aws: Served) -> None:
    (put_op,) = [op for op in operations_of("aws") if op.name == "PutLifecycleHook"]
    limit = put_op.quotas[0].limit
    assert limit == 50  # "maximum limit of lifecycle hooks, which by default is 50 per group"
    c = client(aws)
    for n in range(limit):
        put(c, f"h{n}")
    with pytest.raises(c.exceptions.LimitExceededFault) as info:
        put(c, "one-too-many")
    assert info.value.response["Error"]["Code"] == "LimitExceeded"
    put(c, "h0", HeartbeatTimeout=60)  # updating an existing hook is not a new one
    assert len(c.describe_lifecycle_hooks(AutoScalingGroupName=GROUP)["LifecycleHooks"]) == limit


def test_unknown_hooks_tokens_and_instances(aws: Served) -> None:
    c = client(aws)
    assert (
        error_of(c.delete_lifecycle_hook, LifecycleHookName="h1", AutoScalingGroupName=GROUP)[0]
        == "ValidationError"
    )
    put(c)
    token = "11111111-2222-3333-4444-555555555555"
    code, _, message = error_of(
        c.complete_lifecycle_action,
        LifecycleHookName="h1",
        AutoScalingGroupName=GROUP,
        LifecycleActionToken=token,
        LifecycleActionResult="CONTINUE",
    )
    assert code == "ValidationError" and token in message
    code, _, _ = error_of(
        c.record_lifecycle_action_heartbeat,
        LifecycleHookName="h1",
        AutoScalingGroupName=GROUP,
        InstanceId="i-0123456789abcdef0",
    )
    assert code == "ValidationError"
    # a real token, completed once: the second completion finds no active action
    (action,) = aws.control("POST", "scale", {"group": GROUP})["actions"]
    done = {
        "LifecycleHookName": "h1",
        "AutoScalingGroupName": GROUP,
        "LifecycleActionToken": action["token"],
        "LifecycleActionResult": "ABANDON",
    }
    c.complete_lifecycle_action(**done)
    assert error_of(c.complete_lifecycle_action, **done)[0] == "ValidationError"
    assert aws.control("GET", "state")["groups"][GROUP][action["instance"]] == "Terminated"
    assert (
        c.describe_lifecycle_hooks(AutoScalingGroupName=GROUP, LifecycleHookNames=["zz"])[
            "LifecycleHooks"
        ]
        == []
    )


def test_signatures_are_checked(aws: Served) -> None:
    code, status, _ = error_of(
        client(aws, secret="wrong").describe_lifecycle_hooks, AutoScalingGroupName=GROUP
    )
    assert (code, status) == ("SignatureDoesNotMatch", 403)
    unsigned = client(aws, signature_version=UNSIGNED)
    code, status, _ = error_of(unsigned.describe_lifecycle_hooks, AutoScalingGroupName=GROUP)
    assert (code, status) == ("SignatureDoesNotMatch", 403)
    assert client(aws).describe_lifecycle_hooks(AutoScalingGroupName=GROUP)["LifecycleHooks"] == []


def test_a_timeout_ends_the_action_with_the_default_result(serve: Any) -> None:
    clock = Clock()
    served = serve("aws", groups=[GROUP], clock=clock)
    c = client(served)
    put(c, "launch", HeartbeatTimeout=60)  # DefaultResult: the documented ABANDON
    put(c, "keep", HeartbeatTimeout=120, DefaultResult="CONTINUE")
    started = served.control("POST", "scale", {"group": GROUP})
    instance = started["instances"][0]
    tokens = {a["hook_name"]: a["token"] for a in started["actions"]}
    clock.now += 50
    c.record_lifecycle_action_heartbeat(
        LifecycleHookName="launch",
        AutoScalingGroupName=GROUP,
        LifecycleActionToken=tokens["launch"],
    )
    clock.now += 50  # 100 s in: the heartbeat restarted the 60 s timeout at 50 s
    assert {a["hook_name"] for a in served.control("GET", "state")["actions"]} == {"launch", "keep"}
    clock.now += 15
    state = served.control("GET", "state")
    ended = {a["hook_name"]: a for a in state["ended"]}
    # ABANDON on a launch ends the instance's other waits too, and the instance with them
    assert ended["launch"]["result"] == "ABANDON" and ended["launch"]["ended_by"] == "timeout"
    assert ended["keep"]["ended_by"] == "abandon"
    assert state["actions"] == [] and state["groups"][GROUP][instance] == "Terminated"


def test_advance_ends_actions_through_the_control_api(serve: Any) -> None:
    served = serve("aws", groups=[GROUP])
    c = client(served)
    put(c, "keep", HeartbeatTimeout=30, DefaultResult="CONTINUE")
    instance = served.control("POST", "scale", {"group": GROUP})["instances"][0]
    ended = served.control("POST", "advance", {"seconds": 31})["ended"]
    assert [(a["hook_name"], a["result"]) for a in ended] == [("keep", "CONTINUE")]
    assert served.control("GET", "state")["groups"][GROUP][instance] == "InService"
