"""The mock engine's vocabulary: the shape of the spec data the generated `mock.py` holds,
what the protocol modules (`_server.py`, `_signing.py`) provide, and the errors the other
engine modules raise.

Copied verbatim into each generated package as `_mock_specs.py` (stdlib only), with the other
`_mock_*.py` modules: state (the lifecycle hooks, their groups and the answers built from
them), lifecycle (pending lifecycle actions: scale activities, completion, heartbeats,
timeouts), faults (injected faults and rate limits), control (the control API and the whole
`MockState`) and app (the ASGI application).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

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
    protocol) or none (nothing known: the type's empty value when the field is required).
    """

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
    # the answer of an operation outside the state model (kind "other"), where the page
    # gives one that the response schema accepts; else one is built from `response`
    example: Mapping[str, object] | None = None


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
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
    ) -> Any: ...

    def success(
        self, route: Any, data: Mapping[str, object], request_id: str, status: int
    ) -> Any: ...

    def error(self, code: str, message: str, status: int, request_id: str) -> Any: ...

    def auth_message(
        self,
        message: str,
        method: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
    ) -> str: ...


Verify = Callable[
    [str, str, str, list[tuple[str, str]], bytes, Callable[[str], str | None]],
    str | None,
]

MAX_BODY: Final = 1 << 20  # bytes; a larger request body gets the too-large answer
CONTROL_PREFIX: Final = "/_specgen"
JOURNAL_SIZE: Final = 1000


def normalise(name: str) -> str:
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


def fill(template: str, values: Mapping[str, object]) -> str:
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text
