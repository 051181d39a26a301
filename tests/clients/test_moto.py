"""The generated AWS client against moto's server: put, describe and delete a lifecycle hook.

moto implements Auto Scaling's Query API; the group and its launch configuration are made
with boto3 first, then the generated client manages the hook and boto3 confirms what it did.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def group(moto_endpoint: str) -> str:
    import boto3  # type: ignore[import-untyped]

    autoscaling = boto3.client(
        "autoscaling",
        endpoint_url=moto_endpoint,
        region_name=REGION,
        **CREDENTIALS,
    )
    autoscaling.create_launch_configuration(
        LaunchConfigurationName="lc-hooks", ImageId="ami-12c6146b", InstanceType="t2.micro"
    )
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName="asg-hooks",
        LaunchConfigurationName="lc-hooks",
        MinSize=0,
        MaxSize=2,
        DesiredCapacity=0,
        AvailabilityZones=["us-east-1a"],
    )
    return "asg-hooks"


def boto3_hooks(endpoint: str, group: str) -> list[dict[str, Any]]:
    import boto3

    autoscaling = boto3.client(
        "autoscaling", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS
    )
    hooks: list[dict[str, Any]] = autoscaling.describe_lifecycle_hooks(AutoScalingGroupName=group)[
        "LifecycleHooks"
    ]
    return hooks


def test_put_describe_delete_against_moto(
    packages: dict[str, ModuleType], moto_endpoint: str, group: str
) -> None:
    aws = packages["aws"]
    with aws.Client(**CREDENTIALS, region=REGION, endpoint=moto_endpoint) as client:
        put = client.put_lifecycle_hook(
            auto_scaling_group_name=group,
            lifecycle_hook_name="my-hook",
            lifecycle_transition="autoscaling:EC2_INSTANCE_LAUNCHING",
            heartbeat_timeout=300,
            default_result="CONTINUE",
            notification_metadata="meta & more",
        )
        assert put.request_id

        seen = boto3_hooks(moto_endpoint, group)
        assert [h["LifecycleHookName"] for h in seen] == ["my-hook"]
        assert seen[0]["HeartbeatTimeout"] == 300
        assert seen[0]["DefaultResult"] == "CONTINUE"
        assert seen[0]["LifecycleTransition"] == "autoscaling:EC2_INSTANCE_LAUNCHING"

        described = client.describe_lifecycle_hooks(
            auto_scaling_group_name=group, lifecycle_hook_names=["my-hook"]
        )
        assert described.request_id
        (hook,) = described.raw["LifecycleHooks"]
        assert hook["LifecycleHookName"] == "my-hook"
        assert hook["AutoScalingGroupName"] == group
        assert hook["HeartbeatTimeout"] == "300"

        deleted = client.delete_lifecycle_hook(
            auto_scaling_group_name=group, lifecycle_hook_name="my-hook"
        )
        assert deleted.request_id
        assert boto3_hooks(moto_endpoint, group) == []
        empty = client.describe_lifecycle_hooks(auto_scaling_group_name=group)
        assert empty.raw.get("LifecycleHooks", "") in ("", [])
        assert client.attempts == 4  # one request per call: nothing retried


def test_moto_failure_is_a_service_error(
    packages: dict[str, ModuleType], moto_endpoint: str, group: str
) -> None:
    # moto does not implement RecordLifecycleActionHeartbeat: it answers HTTP 500 with a
    # non-XML body, which becomes the base exception with the status as its code (as botocore
    # does); a heartbeat is not safe to repeat, so it is sent once.
    aws = packages["aws"]
    errors = importlib.import_module(aws.__name__ + ".errors")
    with aws.Client(**CREDENTIALS, region=REGION, endpoint=moto_endpoint) as client:
        with pytest.raises(errors.ServiceError) as caught:
            client.record_lifecycle_action_heartbeat(
                auto_scaling_group_name=group, lifecycle_hook_name="my-hook", instance_id="i-1"
            )
        assert client.attempts == 1
    assert type(caught.value) is errors.ServiceError
    assert caught.value.code == "500" and caught.value.status == 500
