"""hookkeeper: puts the lifecycle hooks a deployment needs on a Tencent Cloud scaling group.

It talks to Auto Scaling through `consumer_tencent_as`, the client that `specgen build`
generates from the doc page in sources/ (see ../../README.md). When Tencent changes the page,
`make build` regenerates the client, and the validation this code relies on follows the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from consumer_tencent_as.client import AsyncClient
from consumer_tencent_as.errors import (
    InvalidParameterValueLifecycleHookNameDuplicatedError,
    TencentAsError,
)


@dataclass(frozen=True)
class Hook:
    """A hook the deployment wants: a name, when it fires, how long it may hold an instance."""

    name: str
    transition: str = "INSTANCE_LAUNCHING"  # or INSTANCE_TERMINATING
    timeout: int = 300  # seconds
    on_timeout: str = "CONTINUE"  # or ABANDON


@dataclass(frozen=True)
class Outcome:
    created: dict[str, str]  # hook name -> hook id
    existing: list[str]  # names the group already had
    refused: dict[str, TencentAsError]  # hook name -> why the service (or the client) said no


async def ensure_hooks(client: AsyncClient, group_id: str, hooks: list[Hook]) -> Outcome:
    """Create each hook on the group. A hook that exists already is fine; any other refusal
    (a value out of the documented range, the group's hook quota) is reported, not raised, so
    one bad hook does not hide the others."""
    created: dict[str, str] = {}
    existing: list[str] = []
    refused: dict[str, TencentAsError] = {}
    for hook in hooks:
        try:
            answer = await client.create_lifecycle_hook(
                auto_scaling_group_id=group_id,
                lifecycle_hook_name=hook.name,
                lifecycle_transition=hook.transition,
                heartbeat_timeout=hook.timeout,
                default_result=hook.on_timeout,
            )
        except InvalidParameterValueLifecycleHookNameDuplicatedError:
            existing.append(hook.name)
        except TencentAsError as err:
            refused[hook.name] = err
        else:
            assert answer.lifecycle_hook_id is not None, "CreateLifecycleHook answers an id"
            created[hook.name] = answer.lifecycle_hook_id
    return Outcome(created, existing, refused)
