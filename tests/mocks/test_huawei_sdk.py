"""huaweicloudsdkas AsClient against the generated Huawei AS mock: every operation in
specs/huawei (REST paths /autoscaling-api/v1/{project_id}/...), errors as
{"error": {"code", "message"}} with X-Request-Id, the state model."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from huaweicloudsdkas.v1 import AsClient
from huaweicloudsdkas.v1 import model as m
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig

from .conftest import AK, SK
from .util import Clock, Served, operations_of, stateful_operations

GROUP = "g1"
PROJECT = "0605767a4c00d5762fc2c0124f34a2a1"
URN = "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh"


def client(served: Served, secret: str = SK) -> AsClient:
    return (
        AsClient.new_builder()
        .with_http_config(HttpConfig(timeout=(5, 15), retry_times=0))
        .with_credentials(BasicCredentials(AK, secret, PROJECT))
        .with_endpoint(served.url)
        .build()
    )


def option(name: str = "h1", **extra: Any) -> m.CreateLifeCycleHookOption:
    fields: dict[str, Any] = {
        "lifecycle_hook_name": name,
        "lifecycle_hook_type": "INSTANCE_LAUNCHING",
        "notification_topic_urn": URN,
    }
    fields.update(extra)
    return m.CreateLifeCycleHookOption(**fields)


def create(c: AsClient, name: str = "h1", group: str = GROUP, **extra: Any) -> Any:
    return c.create_lify_cycle_hook(
        m.CreateLifyCycleHookRequest(scaling_group_id=group, body=option(name, **extra))
    )


def callback(c: AsClient, **fields: Any) -> Any:
    body = m.CallbackLifeCycleHookOption(**fields)
    return c.attach_callback_instance_life_cycle_hook(
        m.AttachCallbackInstanceLifeCycleHookRequest(scaling_group_id=GROUP, body=body)
    )


def error_of(call: Any, request: Any) -> tuple[int, str]:
    with pytest.raises(ClientRequestException) as info:
        call(request)
    assert info.value.request_id  # from the X-Request-Id header
    return info.value.status_code, info.value.error_code


def test_every_operation_round_trips(huawei: Served) -> None:
    c = client(huawei)
    made = create(c, default_timeout=300, notification_metadata="meta").to_json_object()
    assert made["lifecycle_hook_name"] == "h1" and made["default_timeout"] == 300
    assert made["default_result"] == "ABANDON"  # the documented default
    assert made["notification_topic_name"] == "gsh"  # the last segment of the topic URN
    assert made["create_time"].endswith("Z")
    create(c, "h2", default_result="CONTINUE")
    listed = c.list_life_cycle_hooks(m.ListLifeCycleHooksRequest(scaling_group_id=GROUP))
    assert [h.lifecycle_hook_name for h in listed.lifecycle_hooks] == ["h1", "h2"]
    shown = c.show_life_cycle_hook(
        m.ShowLifeCycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="h2")
    )
    assert shown.default_timeout == 3600 and shown.default_result == "CONTINUE"
    c.update_life_cycle_hook(
        m.UpdateLifeCycleHookRequest(
            scaling_group_id=GROUP,
            lifecycle_hook_name="h2",
            body=m.UpdateLifeCycleHookOption(default_timeout=1800),
        )
    )
    shown = c.show_life_cycle_hook(
        m.ShowLifeCycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="h2")
    )
    assert shown.default_timeout == 1800 and shown.default_result == "CONTINUE"

    started = huawei.control("POST", "scale", {"group": GROUP})
    instance = started["instances"][0]
    key = next(a["token"] for a in started["actions"] if a["hook_name"] == "h1")
    callback(c, lifecycle_action_key=key, lifecycle_action_result="EXTEND")
    waiting = next(a for a in huawei.control("GET", "state")["actions"] if a["token"] == key)
    assert waiting["result"] is None  # EXTEND restarts the wait, it does not end it
    callback(c, lifecycle_action_key=key, lifecycle_action_result="CONTINUE")
    callback(c, instance_id=instance, lifecycle_hook_name="h2", lifecycle_action_result="CONTINUE")
    assert huawei.control("GET", "state")["groups"][GROUP][instance] == "InService"
    c.delete_lifecycle_hook(
        m.DeleteLifecycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="h1")
    )
    listed = c.list_life_cycle_hooks(m.ListLifeCycleHooksRequest(scaling_group_id=GROUP))
    assert [h.lifecycle_hook_name for h in listed.lifecycle_hooks] == ["h2"]

    served_ops = {e["operation"] for e in huawei.control("GET", "journal") if e["status"] < 300}
    assert served_ops == stateful_operations("huawei")
    statuses = {e["operation"]: e["status"] for e in huawei.control("GET", "journal")}
    assert (
        statuses["DeleteLifecycleHook"] == 204
        and statuses["AttachCallbackInstanceLifeCycleHook"] == 204
    )


def test_quota_duplicates_and_missing_things(huawei: Served) -> None:
    (create_op,) = [op for op in operations_of("huawei") if op.name == "CreateLifyCycleHook"]
    limit = create_op.quotas[0].limit
    assert limit == 5  # "Up to five lifecycle hooks can be created for one AS group."
    c = client(huawei)
    create(c)
    # no Huawei page in sources/ documents AS codes for these: the protocol's invalid-input
    # code, with the status the page lists for the situation (409 Conflict, 404 Not Found)
    request = m.CreateLifyCycleHookRequest(scaling_group_id=GROUP, body=option())
    assert error_of(c.create_lify_cycle_hook, request) == (409, "AS.0001")
    request = m.CreateLifyCycleHookRequest(scaling_group_id="nope", body=option())
    assert error_of(c.create_lify_cycle_hook, request) == (404, "AS.0001")
    request = m.ShowLifeCycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="zz")
    assert error_of(c.show_life_cycle_hook, request) == (404, "AS.0001")
    for n in range(2, limit + 1):
        create(c, f"h{n}")
    request = m.CreateLifyCycleHookRequest(scaling_group_id=GROUP, body=option("h6"))
    assert error_of(c.create_lify_cycle_hook, request) == (400, "AS.0001")
    body = m.CallbackLifeCycleHookOption(
        lifecycle_action_key="6d5d6a6e-0a0b-4c4f-b7d0-25d1e3f0a4e2",
        lifecycle_action_result="CONTINUE",
    )
    request = m.AttachCallbackInstanceLifeCycleHookRequest(scaling_group_id=GROUP, body=body)
    assert error_of(c.attach_callback_instance_life_cycle_hook, request) == (404, "AS.0001")


@pytest.mark.parametrize(
    "extra",
    [
        {"default_timeout": 10},  # 60..86400
        {"lifecycle_hook_type": "SOMETIMES"},
        {"lifecycle_hook_name": "bad name!"},  # [A-Za-z0-9_-]
        {"lifecycle_hook_name": "x" * 33},  # at most 32 characters
        {"notification_topic_urn": None},  # mandatory
        {"notification_metadata": "<tag>"},  # no < > & ' ( )
    ],
)
def test_invalid_input(huawei: Served, extra: dict[str, Any]) -> None:
    c = client(huawei)
    request = m.CreateLifyCycleHookRequest(scaling_group_id=GROUP, body=option(**extra))
    assert error_of(c.create_lify_cycle_hook, request) == (400, "AS.0001")
    assert huawei.control("GET", "state")["hooks"] == []


def test_callback_needs_a_key_or_an_instance_and_a_hook(huawei: Served) -> None:
    c = client(huawei)
    body = m.CallbackLifeCycleHookOption(instance_id="b25c1589", lifecycle_action_result="CONTINUE")
    request = m.AttachCallbackInstanceLifeCycleHookRequest(scaling_group_id=GROUP, body=body)
    assert error_of(c.attach_callback_instance_life_cycle_hook, request) == (400, "AS.0001")


def test_signatures_and_unknown_paths(huawei: Served) -> None:
    request = m.ListLifeCycleHooksRequest(scaling_group_id=GROUP)
    assert error_of(client(huawei, secret="wrong").list_life_cycle_hooks, request) == (
        401,
        "APIGW.0301",
    )
    answer = httpx.get(f"{huawei.url}/autoscaling-api/v1/{PROJECT}/nothing", trust_env=False)
    assert answer.status_code in (401, 404)  # unsigned: refused before routing
    assert answer.headers["X-Request-Id"]


def test_extend_and_timeout(serve: Any) -> None:
    clock = Clock()
    served = serve("huawei", groups=[GROUP], clock=clock)
    c = client(served)
    create(c, default_timeout=60, default_result="CONTINUE")
    (action,) = served.control("POST", "scale", {"group": GROUP})["actions"]
    clock.now += 50
    callback(c, lifecycle_action_key=action["token"], lifecycle_action_result="EXTEND")
    clock.now += 50
    assert [a["token"] for a in served.control("GET", "state")["actions"]] == [action["token"]]
    clock.now += 11
    state = served.control("GET", "state")
    assert state["actions"] == [] and state["ended"][0]["result"] == "CONTINUE"
    assert state["groups"][GROUP][action["instance"]] == "InService"
