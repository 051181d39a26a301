"""The mock's lifecycle behaviour: pending lifecycle actions, one instance waiting on one
hook. A scale activity (control API) starts them; the complete/callback operation or the
hook's timeout (which applies the hook's default result) ends them; heartbeats extend them.
Time is `clock()` plus whatever the control API advanced it by; expired actions are ended
before each request is served.

Copied verbatim into each generated package as `_mock_lifecycle.py` (stdlib only).
"""

from __future__ import annotations

import copy
import heapq
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._mock_specs import ControlError, OperationSpec, StateError
from ._mock_state import Hook, Listing, ResourceState

FALLBACK_TIMEOUT: Final = 3600  # seconds, for an API whose pages give its hooks no default


@dataclass(slots=True)
class Action:
    """A lifecycle action: one instance waiting on one hook."""

    token: str
    hook_id: str
    hook_name: str
    group: str
    instance: str
    direction: str  # launch | terminate
    deadline: float
    started: float
    heartbeats: int = 0
    result: str | None = None
    ended: float | None = None
    ended_by: str = ""  # complete | timeout | abandon | delete

    def view(self) -> dict[str, object]:
        return {
            "token": self.token,
            "hook_id": self.hook_id,
            "hook_name": self.hook_name,
            "group": self.group,
            "instance": self.instance,
            "direction": self.direction,
            "deadline": self.deadline,
            "started": self.started,
            "heartbeats": self.heartbeats,
            "result": self.result,
            "ended": self.ended,
            "ended_by": self.ended_by,
        }


class LifecycleState(ResourceState):
    """The hooks and groups, and the lifecycle actions waiting on them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending: dict[str, Action] = {}  # by token
        self.ended: dict[str, Action] = {}
        self.deadlines: list[tuple[float, int, str]] = []  # heap of (deadline, n, token)

    def reset(self) -> None:
        with self.lock:
            super().reset()
            self.pending.clear()
            self.ended.clear()
            self.deadlines.clear()

    def _new_token(self) -> str:
        return str(uuid.UUID(int=self.random.getrandbits(128), version=4))

    def advance(self, seconds: float) -> list[dict[str, object]]:
        """Move time on by `seconds`; the actions whose timeout passed end with their hook's
        default result. Returns those actions."""
        with self.lock:
            self.offset += seconds
            return [action.view() for action in self.expire()]

    def scale(
        self, group: str, direction: str, count: int = 1, instances: Iterable[str] = ()
    ) -> dict[str, object]:
        """Start a scale activity: `direction` "out" launches instances, "in" terminates
        InService ones. Each instance waits on every hook of the group for that transition,
        one pending action (and token) per hook; with no such hook it goes straight on.
        """
        with self.lock:
            self.expire()
            members = self.groups.get(group)
            if members is None:
                raise ControlError(404, f"no scaling group {group!r}")
            if direction in ("out", "launch"):
                moving = "launch"
            elif direction in ("in", "terminate"):
                moving = "terminate"
            else:
                raise ControlError(400, 'direction must be "out" or "in"')
            chosen = list(instances)
            if moving == "launch" and not chosen:
                chosen = [self._new_instance() for _ in range(count)]
            elif moving == "terminate":
                if not chosen:
                    serving = [i for i, s in members.items() if s == "InService"]
                    chosen = serving[::-1][:count]
                    if len(chosen) < count:
                        raise ControlError(409, f"group {group!r} has too few InService instances")
                unknown = [i for i in chosen if members.get(i) != "InService"]
                if unknown:
                    raise ControlError(409, f"not InService in {group!r}: {', '.join(unknown)}")
            hooks = [
                self.hooks[hook_id]
                for hook_id in self.group_hooks.get(group, {})
                if self.hook.transitions.get(
                    str(self.hooks[hook_id].attrs.get(self.hook.transition_key))
                )
                == moving
            ]
            now = self.now()
            started: list[dict[str, object]] = []
            for instance in chosen:
                if not hooks:
                    members[instance] = "InService" if moving == "launch" else "Terminated"
                    continue
                members[instance] = "Pending:Wait" if moving == "launch" else "Terminating:Wait"
                for hook in hooks:
                    action = Action(
                        token=self._new_token(),
                        hook_id=hook.id,
                        hook_name=hook.name,
                        group=group,
                        instance=instance,
                        direction=moving,
                        deadline=now + self._timeout(hook),
                        started=now,
                    )
                    self.pending[action.token] = action
                    heapq.heappush(self.deadlines, (action.deadline, self._next(), action.token))
                    started.append(action.view())
            return {"instances": chosen, "actions": started}

    def snapshot(self) -> dict[str, object]:
        with self.lock:
            self.expire()
            return {
                "time": self.now(),
                "groups": {group: dict(members) for group, members in self.groups.items()},
                "hooks": [
                    {
                        "id": hook.id,
                        "group": hook.group,
                        "name": hook.name,
                        "attributes": hook.attrs,
                        "created": hook.created,
                    }
                    for hook in self.hooks.values()
                ],
                "actions": [action.view() for action in self.pending.values()],
                "ended": [action.view() for action in self.ended.values()],
            }

    def handle(self, op: OperationSpec, request: Mapping[str, object]) -> dict[str, object]:
        """Run a valid request against the state; the answer's data, or StateError."""
        with self.lock:
            self.expire()
            group = self._group(op, request)
            handler = _HANDLERS.get(op.kind)
            if handler is None:
                # outside the state model: the page's example answer, else the shape's
                if op.example is not None:
                    return copy.deepcopy(dict(op.example))
                return self._build(op.response, None, Listing([]))
            return handler(self, op, request, group)

    def expire(self) -> list[Action]:
        """End every pending action whose deadline has passed with its hook's default result."""
        now = self.now()
        expired: list[Action] = []
        while self.deadlines and self.deadlines[0][0] <= now:
            deadline, _, token = heapq.heappop(self.deadlines)
            action = self.pending.get(token)
            if action is not None and action.deadline == deadline:
                self._finish(
                    action,
                    self._default_result(self.hooks.get(action.hook_id)),
                    "timeout",
                )
                expired.append(action)
        return expired

    def _complete(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find_optional(op, request, group)
        action = self._action(op, request, hook, group)
        key = op.roles.get("result")
        result = str(request.get(key)) if key and request.get(key) is not None else None
        if result is None:
            result = self._default_result(self.hooks.get(action.hook_id))
        if self.hook.results.get(result) == "extend":
            self._extend(action, self._timeout(self.hooks.get(action.hook_id)))
        else:
            self._finish(action, result, "complete")
        return self._build(op.response, hook, Listing([]))

    def _heartbeat(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find_optional(op, request, group)
        action = self._action(op, request, hook, group)
        key = op.roles.get("timeout")
        seconds = request.get(key) if key else None
        if not isinstance(seconds, int) or isinstance(seconds, bool):
            seconds = self._timeout(self.hooks.get(action.hook_id))
        self._extend(action, seconds)
        action.heartbeats += 1
        return self._build(op.response, hook, Listing([]))

    def _hook_renamed(self, hook: Hook) -> None:
        for action in self.pending.values():
            if action.hook_id == hook.id:
                action.hook_name = hook.name

    def _hook_deleted(self, hook: Hook) -> None:
        for action in [a for a in self.pending.values() if a.hook_id == hook.id]:
            self._finish(action, self._default_result(hook), "delete")

    # --- lifecycle actions ------------------------------------------------------------------

    def _action(
        self,
        op: OperationSpec,
        request: Mapping[str, object],
        hook: Hook | None,
        group: str | None,
    ) -> Action:
        """The pending action a request names by token, else by instance (and hook)."""
        token_key = op.roles.get("token")
        instance_key = op.roles.get("instance")
        token = request.get(token_key) if token_key else None
        instance = request.get(instance_key) if instance_key else None
        hook_text = hook.name if hook is not None else ""

        def belongs(action: Action) -> bool:
            return (hook is None or action.hook_id == hook.id) and (
                group is None or action.group == group
            )

        if token is not None:
            action = self.pending.get(str(token))
            if action is None or not belongs(action):
                ended = self.ended.get(str(token))
                if ended is not None and belongs(ended) and "action_done" in op.errors:
                    raise StateError(op.errors["action_done"], token=token, hook=hook_text)
                raise StateError(op.errors["token_not_found"], token=token, hook=hook_text)
            if instance is not None and action.instance != str(instance):
                raise StateError(op.errors["instance_not_found"], instance=instance, token=token)
            return action
        if instance is not None:
            for action in self.pending.values():
                if action.instance == str(instance) and belongs(action):
                    return action
            done = [a for a in self.ended.values() if a.instance == str(instance) and belongs(a)]
            if done and "action_done" in op.errors:
                raise StateError(op.errors["action_done"], token=done[-1].token, hook=hook_text)
            raise StateError(op.errors["instance_not_found"], instance=instance, hook=hook_text)
        raise StateError(
            self.spec.missing_error,
            param=token_key or instance_key or "LifecycleActionToken",
        )

    def _extend(self, action: Action, seconds: int) -> None:
        action.deadline = self.now() + seconds
        heapq.heappush(self.deadlines, (action.deadline, self._next(), action.token))

    def _finish(self, action: Action, result: str, by: str) -> None:
        now = self.now()
        self._end(action, result, by, now)
        members = self.groups.get(action.group)
        outcome = self.hook.results.get(result, "continue")
        if outcome == "abandon" and action.direction == "launch":
            # an abandoned launch ends the instance's other waits too
            for other in [
                a
                for a in self.pending.values()
                if a.instance == action.instance and a.group == action.group
            ]:
                self._end(other, result, "abandon", now)
        if members is None or action.instance not in members:
            return
        if any(
            a.instance == action.instance and a.group == action.group for a in self.pending.values()
        ):
            return
        if action.direction == "launch" and outcome != "abandon":
            members[action.instance] = "InService"
        else:
            members[action.instance] = "Terminated"

    def _end(self, action: Action, result: str, by: str, now: float) -> None:
        self.pending.pop(action.token, None)
        action.result = result
        action.ended = now
        action.ended_by = by
        self.ended[action.token] = action

    def _timeout(self, hook: Hook | None) -> int:
        value = (
            hook.attrs.get(self.hook.timeout_key)
            if hook is not None and self.hook.timeout_key
            else None
        )
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return (
            self.hook.timeout_default if self.hook.timeout_default is not None else FALLBACK_TIMEOUT
        )

    def _default_result(self, hook: Hook | None) -> str:
        key = self.hook.default_result_key
        value = hook.attrs.get(key) if hook is not None and key else None
        if isinstance(value, str):
            return value
        if self.hook.default_result_default is not None:
            return self.hook.default_result_default
        for wire, outcome in self.hook.results.items():
            if outcome == "continue":
                return wire
        return "CONTINUE"


_Handler = Callable[
    [LifecycleState, OperationSpec, Mapping[str, object], str | None], dict[str, object]
]
_HANDLERS: Final[Mapping[str, _Handler]] = {
    "create": LifecycleState._create,
    "upsert": LifecycleState._create,
    "describe": LifecycleState._describe,
    "show": LifecycleState._show,
    "modify": LifecycleState._modify,
    "replace": LifecycleState._modify,
    "delete": LifecycleState._delete,
    "complete": LifecycleState._complete,
    "heartbeat": LifecycleState._heartbeat,
}
