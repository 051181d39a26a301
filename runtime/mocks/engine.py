"""The mock servers' engine: the lifecycle-hook state model and the ASGI application.

Copied verbatim into each generated package as `_mock_engine.py` (stdlib + starlette). The
same code serves every cloud: the generated `mock.py` holds what the pages say (a `MockSpec`:
the operations, the roles their parameters play, the documented errors, quotas, rate limits
and defaults, and the response shapes) and passes it, with the protocol's codec
(`_server.py`) and signature check (`_signing.verify`), to `build_app`.

State: lifecycle hooks, keyed by id and by (scaling group, name), in the scaling groups the
caller seeds; pending lifecycle actions, started by a scale activity (control API), ended by
the complete/callback operation or by the hook's timeout (which applies the hook's default
result), extended by heartbeats. Time is `clock()` plus whatever the control API advanced it
by; expired actions are ended before each request is served.
"""

from __future__ import annotations

import asyncio
import heapq
import json
import logging
import random
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Protocol

from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

# --- the shape of the spec data below -----------------------------------------------------------


class Problem(Protocol):
    """What a generated validator reports (validators.Problem)."""

    @property
    def code(self) -> str: ...

    @property
    def status(self) -> int: ...

    @property
    def message(self) -> str: ...


Coerce = Callable[[Any], tuple[dict[str, object], Any]]
Validate = Callable[[Mapping[str, object]], Sequence[Problem]]


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    """An error answer. The message is a template: {param}, {group}, {hook}, {token},
    {instance}, {limit} and {filter} are filled in from the request."""

    code: str
    status: int
    message: str


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one response field is filled: `source` is hooks (a list, one item per hook, built
    from `children`), object (a container of `children`), id / group / name / created (of the
    hook), attr (the hook attribute `key`), derived (the last segment of the URN or ARN in
    attribute `key`), total / limit / offset / page (of a listing), request_id (left to the
    protocol) or none (nothing known: the type's empty value when the field is required)."""

    name: str
    source: str
    type: str
    required: bool = False
    key: str = ""
    children: tuple[FieldSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class HookSpec:
    """The lifecycle hook as this API models it: which attributes hold its timeout, default
    result and transition, and what the enum values of those mean to the state model."""

    id_prefix: str
    id_length: int
    timeout_key: str
    timeout_default: int | None
    default_result_key: str
    default_result_default: str | None
    transition_key: str
    transitions: Mapping[str, str]  # wire value -> launch | terminate
    results: Mapping[str, str]  # wire value -> continue | abandon | extend
    instance_prefix: str


@dataclass(frozen=True, slots=True)
class OperationSpec:
    """One operation: where it travels, what it does to the state (`kind`, from the verb of
    its name), which request keys play which role, and the answers it documents."""

    name: str
    kind: str  # create|upsert|describe|show|modify|replace|delete|complete|heartbeat|other
    action: str
    version: str
    method: str
    path: str
    success_status: int
    coerce: Coerce
    validate: Validate
    roles: Mapping[str, str]  # role -> request key
    attributes: tuple[str, ...]  # request keys stored on the hook
    defaults: Mapping[str, object]
    required_on_create: tuple[tuple[str, ...], ...]
    quota: int | None  # lifecycle hooks per scaling group
    rate_limit: tuple[int, float] | None  # (requests, per seconds)
    errors: Mapping[str, ErrorSpec]  # state error kind -> answer
    response: tuple[FieldSpec, ...]


@dataclass(frozen=True, slots=True)
class MockSpec:
    """Everything the engine needs to know about one provider's service."""

    provider: str
    service: str
    protocol: str
    operations: Mapping[str, OperationSpec]
    hook: HookSpec
    auth_error: ErrorSpec
    throttle_error: ErrorSpec
    not_found_error: ErrorSpec
    internal_error: ErrorSpec
    too_large_error: ErrorSpec
    malformed_error: ErrorSpec  # "{param}": what is wrong with the body
    missing_error: ErrorSpec  # "{param}": the missing parameter
    fault_status: int  # the status of an injected fault whose code no page documents
    required_headers: tuple[str, ...] = ()  # headers every call carries (X-TC-Region)


# --- what the protocol modules (_server.py, _signing.py) provide -------------------------------


class RouteLike(Protocol):
    @property
    def name(self) -> str: ...


class CallLike(Protocol):
    @property
    def route(self) -> Any: ...

    @property
    def params(self) -> dict[str, object]: ...


class Reply(Protocol):
    @property
    def status(self) -> int: ...

    @property
    def headers(self) -> dict[str, str]: ...

    @property
    def body(self) -> bytes: ...


class Codec(Protocol):
    """_server.Codec: finds the operation of a request, builds the protocol's answers."""

    def request_id(self) -> str: ...

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Any: ...

    def success(
        self, route: Any, data: Mapping[str, object], request_id: str, status: int
    ) -> Any: ...

    def error(self, code: str, message: str, status: int, request_id: str) -> Any: ...

    def auth_message(
        self, message: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> str: ...


Verify = Callable[
    [str, str, str, list[tuple[str, str]], bytes, Callable[[str], str | None]], str | None
]


# --- the state model ---------------------------------------------------------------------------

MAX_BODY: Final = 1 << 20  # bytes; a larger request body gets the too-large answer
CONTROL_PREFIX: Final = "/_specgen"
JOURNAL_SIZE: Final = 1000
FALLBACK_TIMEOUT: Final = 3600  # seconds, for an API whose pages give its hooks no default
_EMPTY: Final[Mapping[str, object]] = {
    "string": "",
    "integer": 0,
    "number": 0,
    "boolean": False,
    "array": (),  # a tuple: the same empty value is shared by every answer
}
_log = logging.getLogger(__name__)


def _normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


class StateError(Exception):
    """A request the state refuses: answered with `error`, its message filled from `values`."""

    def __init__(self, error: ErrorSpec, **values: object) -> None:
        super().__init__(error.code)
        self.error = error
        self.values = values


class ControlError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _fill(template: str, values: Mapping[str, object]) -> str:
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


@dataclass(slots=True)
class Hook:
    id: str
    group: str
    name: str
    attrs: dict[str, object]
    created: str


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


@dataclass(slots=True)
class Faults:
    latency: float = 0.0  # seconds added to every answer
    code: str | None = None  # an error code answered instead, at `rate`
    rate: float = 0.0
    status: int | None = None
    message: str = "Injected fault."
    operations: frozenset[str] = frozenset()  # empty: every operation

    def view(self) -> dict[str, object]:
        return {
            "latency": self.latency,
            "error": (
                None
                if self.code is None
                else {
                    "code": self.code,
                    "rate": self.rate,
                    "status": self.status,
                    "message": self.message,
                    "operations": sorted(self.operations),
                }
            ),
        }


@dataclass(slots=True)
class Listing:
    """What a describe answer shows: the page of hooks and where it is in the whole."""

    hooks: list[Hook]
    total: int = 0
    limit: int | None = None
    offset: int = 0
    page: int = 1


class MockState:
    """Everything the mock remembers. Every method takes the lock: the ASGI handler runs on
    one event loop, but tests and the control API may reach in from other threads."""

    def __init__(
        self,
        spec: MockSpec,
        *,
        credentials: Mapping[str, str] | None = None,
        auth: bool = True,
        groups: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
        rate_limits: bool = True,
        quotas: Mapping[str, int] | None = None,
        max_body: int = MAX_BODY,
        seed: int | None = None,
        journal_size: int = JOURNAL_SIZE,
    ) -> None:
        self.spec = spec
        self.hook = spec.hook
        self.credentials = dict(credentials or {})
        self.auth = auth
        self.clock = clock
        self.rate_limits = rate_limits
        self.quotas: dict[str, int | None] = {
            name: op.quota for name, op in spec.operations.items()
        }
        self.quotas.update(quotas or {})
        self.max_body = max_body
        self.lock = threading.RLock()
        self.random = random.Random(seed)
        self.initial_groups = tuple(groups)
        self.journal: deque[dict[str, object]] = deque(maxlen=journal_size)
        self.faults = Faults()
        self.offset = 0.0
        self.groups: dict[str, dict[str, str]] = {}  # group -> instance -> lifecycle state
        self.hooks: dict[str, Hook] = {}  # by id, in creation order
        self.by_name: dict[tuple[str, str], str] = {}  # (group, name) -> id
        self.group_hooks: dict[str, dict[str, None]] = {}  # group -> ids, in creation order
        self.pending: dict[str, Action] = {}  # by token
        self.ended: dict[str, Action] = {}
        self.deadlines: list[tuple[float, int, str]] = []  # heap of (deadline, n, token)
        self.windows: dict[str, tuple[int, int]] = {}  # operation -> (window, requests)
        self.counter = 0
        self.reset()

    # --- time, ids --------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() + self.offset

    def timestamp(self) -> str:
        moment = datetime.fromtimestamp(time.time() + self.offset, UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    def _new_id(self) -> str:
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        while True:
            suffix = "".join(self.random.choice(alphabet) for _ in range(self.hook.id_length))
            hook_id = self.hook.id_prefix + suffix
            if hook_id not in self.hooks:
                return hook_id

    def _new_token(self) -> str:
        return str(uuid.UUID(int=self.random.getrandbits(128), version=4))

    def _new_instance(self) -> str:
        return f"{self.hook.instance_prefix}{self.random.getrandbits(68):017x}"

    def secret_for(self, access_key: str) -> str | None:
        return self.credentials.get(access_key)

    # --- control ----------------------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self.offset = 0.0
            self.groups.clear()
            self.hooks.clear()
            self.by_name.clear()
            self.group_hooks.clear()
            self.pending.clear()
            self.ended.clear()
            self.deadlines.clear()
            self.windows.clear()
            self.journal.clear()
            self.faults = Faults()
            for group in self.initial_groups:
                self.add_group(group)

    def add_group(self, group: str, instances: Iterable[str] = ()) -> None:
        with self.lock:
            members = self.groups.setdefault(group, {})
            self.group_hooks.setdefault(group, {})
            for instance in instances:
                members[instance] = "InService"

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
        one pending action (and token) per hook; with no such hook it goes straight on."""
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

    def set_faults(self, payload: Mapping[str, object]) -> None:
        latency = payload.get("latency", 0.0)
        if not isinstance(latency, (int, float)) or isinstance(latency, bool) or latency < 0:
            raise ControlError(400, "latency must be a number of seconds >= 0")
        faults = Faults(latency=float(latency))
        error = payload.get("error")
        if error is not None:
            if not isinstance(error, dict) or not isinstance(error.get("code"), str):
                raise ControlError(400, 'error must be an object with a "code"')
            rate = error.get("rate", 1.0)
            status = error.get("status")
            message = error.get("message", "Injected fault.")
            operations = error.get("operations", [])
            if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate <= 1:
                raise ControlError(400, "error.rate must be a number from 0 to 1")
            if status is not None and (not isinstance(status, int) or not 100 <= status <= 599):
                raise ControlError(400, "error.status must be an HTTP status")
            if not isinstance(message, str):
                raise ControlError(400, "error.message must be a string")
            if not isinstance(operations, list) or not all(isinstance(o, str) for o in operations):
                raise ControlError(400, "error.operations must be a list of operation names")
            faults.code = error["code"]
            faults.rate = float(rate)
            faults.status = status
            faults.message = message
            faults.operations = frozenset(operations)
        with self.lock:
            self.faults = faults

    def control(self, method: str, name: str, payload: Mapping[str, object]) -> object:
        """The control API: `name` is the path below /_specgen/."""
        if (method, name) == ("GET", "health"):
            return {
                "ok": True,
                "provider": self.spec.provider,
                "service": self.spec.service,
                "protocol": self.spec.protocol,
            }
        if (method, name) == ("POST", "reset"):
            self.reset()
            return {}
        if (method, name) == ("POST", "groups"):
            groups = payload.get("groups", [])
            single = payload.get("group")
            instances = payload.get("instances", [])
            if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
                raise ControlError(400, "groups must be a list of group ids")
            if single is not None and not isinstance(single, str):
                raise ControlError(400, "group must be a group id")
            if not isinstance(instances, list) or not all(isinstance(i, str) for i in instances):
                raise ControlError(400, "instances must be a list of instance ids")
            for group in groups:
                self.add_group(group)
            if single is not None:
                self.add_group(single, instances)
            with self.lock:
                return {"groups": sorted(self.groups)}
        if (method, name) == ("GET", "state"):
            return self.snapshot()
        if name == "faults":
            if method == "POST":
                self.set_faults(payload)
            elif method == "DELETE":
                with self.lock:
                    self.faults = Faults()
            elif method != "GET":
                raise ControlError(405, "faults takes GET, POST or DELETE")
            return self.faults.view()
        if name == "journal":
            if method == "DELETE":
                self.journal.clear()
                return []
            if method == "GET":
                return list(self.journal)
            raise ControlError(405, "journal takes GET or DELETE")
        if (method, name) == ("POST", "scale"):
            group = payload.get("group")
            direction = payload.get("direction", "out")
            count = payload.get("count", 1)
            instances = payload.get("instances", [])
            if not isinstance(group, str) or not isinstance(direction, str):
                raise ControlError(400, 'scale takes {"group": id, "direction": "out"|"in"}')
            if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= 1000:
                raise ControlError(400, "count must be an integer from 1 to 1000")
            if not isinstance(instances, list) or not all(isinstance(i, str) for i in instances):
                raise ControlError(400, "instances must be a list of instance ids")
            return self.scale(group, direction, count, instances)
        if (method, name) == ("POST", "advance"):
            seconds = payload.get("seconds")
            if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
                raise ControlError(400, 'advance takes {"seconds": n}, n >= 0')
            return {"ended": self.advance(float(seconds)), "time": self.now()}
        raise ControlError(404, f"no control endpoint {method} /_specgen/{name}")

    # --- per request ------------------------------------------------------------------------

    def fault_for(self, op: OperationSpec) -> ErrorSpec | None:
        faults = self.faults
        if faults.code is None or (faults.operations and op.name not in faults.operations):
            return None
        with self.lock:
            if faults.rate < 1.0 and self.random.random() >= faults.rate:
                return None
        status = faults.status
        if status is None:
            # the status the pages give this code, when they give it only one
            known = {e.status for e in op.errors.values() if e.code == faults.code}
            spec = self.spec
            for answer in (spec.throttle_error, spec.internal_error, spec.auth_error):
                if answer.code == faults.code:
                    known.add(answer.status)
            status = known.pop() if len(known) == 1 else self.spec.fault_status
        return ErrorSpec(faults.code, status, faults.message)

    def throttled(self, op: OperationSpec) -> bool:
        """A fixed window of `per` seconds holding at most `requests` calls (of `op`)."""
        if not self.rate_limits or op.rate_limit is None:
            return False
        requests, per = op.rate_limit
        with self.lock:
            window = int(self.now() // per)
            start, used = self.windows.get(op.name, (window, 0))
            if start != window:
                used = 0
            if used >= requests:
                return True
            self.windows[op.name] = (window, used + 1)
            return False

    def handle(self, op: OperationSpec, request: Mapping[str, object]) -> dict[str, object]:
        """Run a valid request against the state; the answer's data, or StateError."""
        with self.lock:
            self.expire()
            group = self._group(op, request)
            handler = _HANDLERS.get(op.kind)
            if handler is None:
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
                    action, self._default_result(self.hooks.get(action.hook_id)), "timeout"
                )
                expired.append(action)
        return expired

    # --- operations -------------------------------------------------------------------------

    def _group(self, op: OperationSpec, request: Mapping[str, object]) -> str | None:
        key = op.roles.get("group")
        if key is None or request.get(key) is None:
            return None
        group = str(request[key])
        if group not in self.groups:
            raise StateError(op.errors["group_not_found"], group=group)
        return group

    def _create(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        where = group or ""
        name_key = op.roles.get("hook_name")
        name = request.get(name_key) if name_key else None
        existing = self.by_name.get((where, str(name))) if name is not None else None
        if existing is not None:
            if op.kind != "upsert":
                raise StateError(op.errors["duplicate"], hook=name, group=where)
            hook = self.hooks[existing]
            hook.attrs.update((k, request[k]) for k in op.attributes if k in request)
            return self._build(op.response, hook, Listing([hook]))
        for keys in op.required_on_create:
            for key in keys:
                if key not in request:
                    raise StateError(self.spec.missing_error, param=key)
        limit = self.quotas.get(op.name)
        if limit is not None and len(self.group_hooks.get(where, {})) >= limit:
            raise StateError(op.errors["quota"], group=where, limit=limit, hook=name)
        hook_id = self._new_id()
        attrs = {k: v for k, v in op.defaults.items() if k in op.attributes}
        attrs.update((k, request[k]) for k in op.attributes if k in request)
        hook = Hook(
            hook_id, where, str(name) if name is not None else hook_id, attrs, self.timestamp()
        )
        self.hooks[hook_id] = hook
        self.by_name[(where, hook.name)] = hook_id
        self.group_hooks.setdefault(where, {})[hook_id] = None
        return self._build(op.response, hook, Listing([hook]))

    def _find(self, op: OperationSpec, request: Mapping[str, object], group: str | None) -> Hook:
        hook = self._find_optional(op, request, group)
        if hook is None:
            key = op.roles.get("hook_id") or op.roles.get("hook_name") or "LifecycleHookId"
            raise StateError(self.spec.missing_error, param=key)
        return hook

    def _find_optional(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> Hook | None:
        """The hook a request names by id, else by (group, name); None when it names none."""
        id_key = op.roles.get("hook_id")
        if id_key is not None and request.get(id_key) is not None:
            hook_id = str(request[id_key])
            invalid = op.errors.get("hook_id_invalid")
            if invalid is not None and not _looks_like_id(self.hook, hook_id):
                raise StateError(invalid, hook=hook_id)
            hook = self.hooks.get(hook_id)
            if hook is None or (group is not None and hook.group != group):
                raise StateError(op.errors["hook_id_not_found"], hook=hook_id, group=group or "")
            return hook
        name_key = op.roles.get("hook_name")
        if name_key is not None and request.get(name_key) is not None:
            name = str(request[name_key])
            found = self.by_name.get((group or "", name))
            if found is None:
                raise StateError(op.errors["hook_name_not_found"], hook=name, group=group or "")
            return self.hooks[found]
        return None

    def _describe(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        if group is not None:
            hooks = [self.hooks[i] for i in self.group_hooks.get(group, {})]
        else:
            hooks = list(self.hooks.values())
        for role, attribute in (("hook_ids", "id"), ("hook_names", "name")):
            key = op.roles.get(role)
            wanted = request.get(key) if key else None
            if isinstance(wanted, list) and wanted:
                names = {str(v) for v in wanted}
                hooks = [h for h in hooks if getattr(h, attribute) in names]
        for role, attribute in (("hook_id", "id"), ("hook_name", "name")):
            key = op.roles.get(role)
            one = request.get(key) if key else None
            if one is not None:
                hooks = [h for h in hooks if getattr(h, attribute) == str(one)]
        key = op.roles.get("filters")
        filters = request.get(key) if key else None
        if isinstance(filters, list):
            for item in filters:
                if isinstance(item, dict):
                    hooks = self._filter(op, hooks, item)
        listing = Listing(hooks, total=len(hooks))
        limit = self._number(op, request, "limit")
        offset = self._number(op, request, "offset")
        page = self._number(op, request, "page")
        if limit is not None:
            listing.limit = limit
            if page is not None:
                listing.page = max(page, 1)
                listing.offset = (listing.page - 1) * limit
            listing.offset = max(offset if offset is not None else listing.offset, 0)
            listing.hooks = hooks[listing.offset : listing.offset + limit]
        elif offset is not None:
            listing.offset = max(offset, 0)
            listing.hooks = hooks[listing.offset :]
        return self._build(op.response, None, listing)

    def _number(self, op: OperationSpec, request: Mapping[str, object], role: str) -> int | None:
        key = op.roles.get(role)
        if key is None:
            return None
        value = request.get(key, op.defaults.get(key))
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _filter(self, op: OperationSpec, hooks: list[Hook], item: Mapping[str, Any]) -> list[Hook]:
        """A `{"Name": "auto-scaling-group-id", "Values": [...]}` filter: the name is that of a
        listed field with its separators dropped (AutoScalingGroupId)."""
        name = str(item.get("Name", ""))
        values = item.get("Values")
        wanted = {str(v) for v in values} if isinstance(values, list) else set()
        target = _normalise(name)
        found = _find_field(op.response, target)
        if found is None:
            raise StateError(op.errors["bad_filter"], filter=name)
        listing = Listing([])
        return [h for h in hooks if str(self._value(found, h, listing)) in wanted]

    def _show(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        return self._build(op.response, hook, Listing([hook]))

    def _modify(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        name_key = op.roles.get("hook_name")
        id_key = op.roles.get("hook_id")
        # a name next to the id that names the hook is a new name
        if name_key is not None and id_key is not None and request.get(name_key) is not None:
            name = str(request[name_key])
            if name != hook.name:
                if (hook.group, name) in self.by_name:
                    raise StateError(op.errors["duplicate"], hook=name, group=hook.group)
                del self.by_name[(hook.group, hook.name)]
                hook.name = name
                self.by_name[(hook.group, name)] = hook.id
                for action in self.pending.values():
                    if action.hook_id == hook.id:
                        action.hook_name = name
        given = {k: request[k] for k in op.attributes if k in request}
        if op.kind == "replace":
            hook.attrs = {k: v for k, v in op.defaults.items() if k in op.attributes}
        hook.attrs.update(given)
        return self._build(op.response, hook, Listing([hook]))

    def _delete(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        for action in [a for a in self.pending.values() if a.hook_id == hook.id]:
            self._finish(action, self._default_result(hook), "delete")
        del self.hooks[hook.id]
        self.by_name.pop((hook.group, hook.name), None)
        self.group_hooks.get(hook.group, {}).pop(hook.id, None)
        return self._build(op.response, hook, Listing([]))

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
            self.spec.missing_error, param=token_key or instance_key or "LifecycleActionToken"
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

    # --- answers ----------------------------------------------------------------------------

    def _build(
        self, fields: Iterable[FieldSpec], hook: Hook | None, listing: Listing
    ) -> dict[str, object]:
        out: dict[str, object] = {}
        for spec in fields:
            value = self._value(spec, hook, listing)
            if value is None and not spec.required:
                continue
            out[spec.name] = value
        return out

    def _value(self, spec: FieldSpec, hook: Hook | None, listing: Listing) -> object:
        source = spec.source
        if source == "hooks":
            return [self._build(spec.children, item, listing) for item in listing.hooks]
        if source == "object":
            return self._build(spec.children, hook, listing)
        if source == "total":
            return listing.total
        if source == "limit":
            return listing.limit
        if source == "offset":
            return listing.offset
        if source == "page":
            return listing.page
        value: object = None
        if hook is not None:
            if source == "id":
                value = hook.id
            elif source == "group":
                value = hook.group
            elif source == "name":
                value = hook.name
            elif source == "created":
                value = hook.created
            elif source == "attr":
                value = hook.attrs.get(spec.key)
                if isinstance(value, dict) and spec.children:
                    value = {
                        c.name: value.get(c.name, _EMPTY.get(c.type) if c.required else None)
                        for c in spec.children
                    }
            elif source == "derived":
                stored = hook.attrs.get(spec.key)
                if isinstance(stored, str):
                    value = re.split(r"[:/]", stored)[-1]
        if value is None and spec.required:
            return _EMPTY.get(spec.type)
        return value


_Handler = Callable[[MockState, OperationSpec, Mapping[str, object], str | None], dict[str, object]]
_HANDLERS: Final[Mapping[str, _Handler]] = {
    "create": MockState._create,
    "upsert": MockState._create,
    "describe": MockState._describe,
    "show": MockState._show,
    "modify": MockState._modify,
    "replace": MockState._modify,
    "delete": MockState._delete,
    "complete": MockState._complete,
    "heartbeat": MockState._heartbeat,
}


def _looks_like_id(hook: HookSpec, text: str) -> bool:
    return text.startswith(hook.id_prefix) and text[len(hook.id_prefix) :].isalnum()


def _find_field(fields: Iterable[FieldSpec], target: str) -> FieldSpec | None:
    """The field of a listed hook whose name, normalised, is `target`."""
    for spec in fields:
        if spec.source == "hooks" or spec.source == "object":
            found = _find_field(spec.children, target)
            if found is not None:
                return found
        elif _normalise(spec.name) == target:
            return spec
    return None


# --- the ASGI application -----------------------------------------------------------------------


class _TooLarge(Exception):
    pass


async def _read_body(receive: Receive, headers: Mapping[str, str], limit: int) -> bytes:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _send(
    send: Send, status: int, headers: Mapping[str, str], body: bytes, close: bool = False
) -> None:
    raw = [(b"content-length", str(len(body)).encode("ascii"))]
    raw += [
        (k.lower().encode("latin-1"), v.encode("latin-1", "replace")) for k, v in headers.items()
    ]
    if close:
        raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class MockEndpoint:
    """The ASGI endpoint behind every path: the API where the SDKs send it, the control API
    under /_specgen/."""

    def __init__(
        self, state: MockState, codec: Codec, verify: Verify, reject: type[Exception]
    ) -> None:
        self.state = state
        self.spec = state.spec
        self.codec = codec
        self.verify = verify
        self.reject = reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        pairs = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        headers = {k.lower(): v for k, v in pairs}
        path: str = scope["path"]
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            await self._control(scope, receive, send, headers)
            return
        request_id = self.codec.request_id()
        try:
            body = await _read_body(receive, headers, self.state.max_body)
        except _TooLarge:
            too_large = self.spec.too_large_error
            reply = self._error(too_large, request_id, {})
            self._journal(scope, None, reply.status, too_large, "too_large", request_id)
            await _send(send, reply.status, reply.headers, reply.body, close=True)
            return
        reply = self.serve(scope, pairs, headers, body, request_id)
        latency = self.state.faults.latency
        if latency > 0:
            await asyncio.sleep(latency)
        await _send(send, reply.status, reply.headers, reply.body)

    def serve(
        self,
        scope: Scope,
        pairs: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes,
        request_id: str,
    ) -> Reply:
        """One API request, start to answer. Never raises: anything unexpected is the
        protocol's internal error (and a log line). The journal records why a request was
        refused: auth, not_found, missing, malformed, fault, throttle, validation (the
        validators found a problem), state (the state refused it) or internal."""
        state, spec = self.state, self.spec
        method: str = scope["method"]
        raw_path = scope.get("raw_path")
        path = raw_path.decode("latin-1") if raw_path else str(scope["path"])
        query = bytes(scope.get("query_string", b"")).decode("latin-1")
        operation: str | None = None
        error: ErrorSpec | None = None
        values: dict[str, object] = {}
        reply: Reply | None = None
        stage = "auth"
        try:
            if state.auth:
                reason = self.verify(method, path, query, pairs, body, state.secret_for)
                if reason is not None:
                    auth = spec.auth_error
                    text = self.codec.auth_message(auth.message, method, query, headers, body)
                    raise StateError(ErrorSpec(auth.code, auth.status, text), reason=reason)
            try:
                call: CallLike = self.codec.decode(method, path, query, headers, body)
            except self.reject as exc:
                kind, detail = getattr(exc, "kind", ""), str(getattr(exc, "detail", exc))
                stage = kind if kind in ("not_found", "missing") else "malformed"
                answer = {"not_found": spec.not_found_error, "missing": spec.missing_error}
                raise StateError(answer.get(kind, spec.malformed_error), param=detail) from None
            op = spec.operations[call.route.name]
            operation = op.name
            for name in spec.required_headers:
                if name.lower() not in headers:
                    stage = "missing"
                    raise StateError(spec.missing_error, param=name)
            stage = "fault"
            fault = state.fault_for(op)
            if fault is not None:
                raise StateError(fault)
            stage = "throttle"
            if state.throttled(op):
                raise StateError(spec.throttle_error)
            stage = "validation"
            request, _ = op.coerce(call.params)
            problems = op.validate(request)
            if problems:
                first = problems[0]
                raise StateError(ErrorSpec(first.code, first.status, first.message))
            stage = "state"
            data = state.handle(op, request)
            reply = self.codec.success(call.route, data, request_id, op.success_status)
            stage = "ok"
        except StateError as exc:
            error, values = exc.error, dict(exc.values)
        except Exception:  # a bug in the mock: answer as the cloud would, keep serving
            _log.exception("mock %s: internal error", spec.provider)
            error, stage = spec.internal_error, "internal"
        if reply is None:
            assert error is not None
            reply = self._error(error, request_id, values)
        self._journal(scope, operation, reply.status, error, stage, request_id)
        return reply

    def _error(self, error: ErrorSpec, request_id: str, values: Mapping[str, object]) -> Reply:
        reply: Reply = self.codec.error(
            error.code, _fill(error.message, values), error.status, request_id
        )
        return reply

    def _journal(
        self,
        scope: Scope,
        operation: str | None,
        status: int,
        error: ErrorSpec | None,
        stage: str,
        request_id: str,
    ) -> None:
        self.state.journal.append(
            {
                "time": self.state.now(),
                "method": scope["method"],
                "path": scope["path"],
                "operation": operation,
                "status": status,
                "code": error.code if error is not None else None,
                "refused": None if error is None else stage,
                "request_id": request_id,
            }
        )

    async def _control(
        self, scope: Scope, receive: Receive, send: Send, headers: Mapping[str, str]
    ) -> None:
        status = 200
        result: object
        try:
            body = await _read_body(receive, headers, self.state.max_body)
            try:
                payload = json.loads(body) if body.strip() else {}
            except ValueError:
                raise ControlError(400, "the body must be JSON") from None
            if not isinstance(payload, dict):
                raise ControlError(400, "the body must be a JSON object")
            name = str(scope["path"])[len(CONTROL_PREFIX) :].strip("/")
            result = self.state.control(str(scope["method"]), name, payload)
        except _TooLarge:
            status, result = 413, {"error": "body too large"}
        except ControlError as exc:
            status, result = exc.status, {"error": exc.message}
        except Exception as exc:  # keep serving whatever a control call did
            _log.exception("mock %s: control API error", self.spec.provider)
            status, result = 500, {"error": f"{type(exc).__name__}: {exc}"}
        body = json.dumps(result, default=str).encode("utf-8")
        await _send(send, status, {"Content-Type": "application/json"}, body)


def build_app(
    spec: MockSpec,
    codec: Codec,
    verify: Verify,
    reject: type[Exception],
    *,
    credentials: Mapping[str, str] | None = None,
    auth: bool = True,
    groups: Iterable[str] = (),
    clock: Callable[[], float] = time.monotonic,
    rate_limits: bool = True,
    quotas: Mapping[str, int] | None = None,
    max_body: int = MAX_BODY,
    seed: int | None = None,
    journal_size: int = JOURNAL_SIZE,
) -> Starlette:
    """The mock of `spec` as a Starlette application; `app.state.mock` is its MockState.

    codec, verify, reject: the protocol's `_server.Codec`, `_signing.verify` and
    `_server.Reject`. The keyword arguments are generated `create_app`'s (see there).
    """
    state = MockState(
        spec,
        credentials=credentials,
        auth=auth,
        groups=groups,
        clock=clock,
        rate_limits=rate_limits,
        quotas=quotas,
        max_body=max_body,
        seed=seed,
        journal_size=journal_size,
    )
    app = Starlette()
    # Every request, whatever its path (a route pattern would not match a decoded newline),
    # reaches the endpoint: the router's fallback is it.
    app.router.default = MockEndpoint(state, codec, verify, reject)
    app.state.mock = state
    return app
