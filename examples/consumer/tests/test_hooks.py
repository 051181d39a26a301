"""hookkeeper against the mock of Tencent Cloud Auto Scaling that specgen generated."""

from __future__ import annotations

import pytest
from consumer_tencent_as import errors
from hookkeeper import Hook, ensure_hooks
from starlette.applications import Starlette

from .conftest import GROUP, QUOTA, ClientFactory

pytestmark = pytest.mark.anyio  # anyio's pytest plugin comes with httpx


def journal(app: Starlette) -> list[dict[str, object]]:
    """What the mock received (its control API, in Python)."""
    return list(app.state.mock.journal)


async def test_creates_hooks(make_client: ClientFactory) -> None:
    client = make_client()
    outcome = await ensure_hooks(
        client, GROUP, [Hook("launch"), Hook("drain", "INSTANCE_TERMINATING")]
    )
    assert sorted(outcome.created) == ["drain", "launch"]
    assert all(hook_id.startswith("ash-") for hook_id in outcome.created.values())
    assert outcome.refused == {} and outcome.existing == []

    again = await ensure_hooks(client, GROUP, [Hook("launch")])
    assert again.existing == ["launch"] and again.created == {}


async def test_quota(make_client: ClientFactory) -> None:
    hooks = [Hook(f"hook-{n}") for n in range(QUOTA + 1)]
    outcome = await ensure_hooks(make_client(), GROUP, hooks)
    assert len(outcome.created) == QUOTA
    refusal = outcome.refused[f"hook-{QUOTA}"]
    assert isinstance(refusal, errors.LimitExceededQuotaNotEnoughError)
    assert refusal.code == "LimitExceeded.QuotaNotEnough"
    assert refusal.request_id  # the service (the mock) answered it


async def test_validation_before_sending(make_client: ClientFactory, app: Starlette) -> None:
    """The page says HeartbeatTimeout is 30-7200: the client refuses 10 without a request."""
    outcome = await ensure_hooks(make_client(), GROUP, [Hook("quick", timeout=10)])
    refusal = outcome.refused["quick"]
    assert refusal.request_id is None
    assert [(p.parameter, p.constraint) for p in refusal.problems] == [
        ("HeartbeatTimeout", "range")
    ]
    assert journal(app) == []


async def test_validation_by_the_service(make_client: ClientFactory, app: Starlette) -> None:
    """Without the client's check, the mock answers as the service does, with the same code."""
    local = (await ensure_hooks(make_client(), GROUP, [Hook("quick", timeout=10)])).refused["quick"]
    remote = (
        await ensure_hooks(make_client(validate=False), GROUP, [Hook("quick", timeout=10)])
    ).refused["quick"]
    assert type(remote) is type(local)
    assert remote.code == local.code
    assert remote.request_id
    assert len(journal(app)) == 1


async def test_unknown_group(make_client: ClientFactory) -> None:
    outcome = await ensure_hooks(make_client(), "asg-doesnotexist", [Hook("launch")])
    assert isinstance(
        outcome.refused["launch"], errors.ResourceNotFoundAutoScalingGroupNotFoundError
    )
