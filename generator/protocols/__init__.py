"""Wire protocols: how an operation travels, protocol by protocol, apart from any one cloud.

The model says *what* an operation takes; a protocol module says *how* it goes on the wire:
where the action and version travel, how parameters are encoded, what the success and error
envelopes look like (as OpenAPI schemas and examples), which error code and HTTP status answer
each kind of invalid request, which signer authenticates it, and what a generated client needs
from its caller (credential arguments, the region). Renderers ask `for_operation(op)` and use
the `Protocol` it returns; they never branch on a protocol's or a provider's name.

A protocol plugs in through one value, its `Protocol`: each module of this package has
`PROTOCOL = Protocol(...)`, and a protocol that lives elsewhere (a plug-in, a test) calls
`register(PROTOCOL)` before generating. Its runtime (wire.py, signing.py and server.py, stdlib
Python copied verbatim into generated clients and mocks, plus the client's `prepare` method,
client_prepare.py.j2) is in the directory `generator.runtime_files.protocol_dir` names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

from .. import constraints, model
from ..registry import Registry

# What a validator can find wrong with a request apart from the constraint kinds' own problems
# (the `problem` of each row of generator.constraints: range, length, enum, pattern, ...).
StructuralProblem = Literal[
    "missing",  # a required parameter is absent
    "type",  # a value of the wrong type (or not coercible from its wire text)
    "conflict",  # mutually_exclusive rule
    "requires",  # requires / one_of rules
    "unknown",  # a parameter the operation does not take
]
ProblemKind = str  # a StructuralProblem or a constraint kind's problem


def problem_kinds() -> tuple[ProblemKind, ...]:
    """Every problem kind a protocol answers itself: missing, type, the constraint kinds'
    problems in table order, then the rule and unknown-parameter problems."""
    structural = get_args(StructuralProblem)
    constraint = tuple(k for k in constraints.problems() if k not in structural)
    return (*structural[:2], *constraint, *structural[2:])


PROBLEM_KINDS: tuple[ProblemKind, ...] = problem_kinds()


@dataclass(frozen=True)
class ErrorAnswer:
    code: str
    status: int
    message: str  # a template; "{param}" is replaced by the parameter name


@dataclass(frozen=True)
class Credential:
    """A value the protocol's signer (or wire) needs from the caller: an argument of the
    generated client's constructor and an attribute its `prepare` method reads. Which
    environment variables supply it is the cloud's, in generator/providers.py."""

    name: str
    doc: str
    required: bool = True
    secret: bool = False


@dataclass(frozen=True)
class ClientProfile:
    """What a generated client of the protocol takes from its caller besides the endpoint."""

    credentials: tuple[Credential, ...]
    region_doc: str  # what the region is for, on this protocol
    region_required: bool  # the signature covers the region: no call without one
    # path or body parameters the client fills in from its own settings: (wire name, setting)
    fills: tuple[tuple[str, str], ...] = ()


# OpenAPI pieces of a protocol's envelopes. `error_envelope_schema()` is the schema of every
# error answer; `error_example(code, message)` one error answer as an example value of the
# protocol's error media type; `success_envelope(op, fields)` wraps the object schema of the
# operation's response fields in the protocol's success envelope (None: no body at all).
ErrorEnvelopeSchema = Callable[[], dict[str, Any]]
ErrorExample = Callable[[str, "str | None"], Any]
SuccessEnvelope = Callable[[model.Operation, dict[str, Any]], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Protocol:
    name: str
    signer: str  # signature scheme name, e.g. "AWS4-HMAC-SHA256"
    media_type: str | None  # request body media type; None: no body (all in query/path)
    error_media_type: str
    rpc: bool  # one endpoint, operation named by an action (AWS Query, Alibaba RPC, Tencent)
    # where the action name travels on the wire, for RPC protocols
    action_in: Literal["body", "query", "header", "path"]
    action_key: str  # "Action", "X-TC-Action"
    version_key: str | None
    extra_headers: tuple[str, ...]  # other headers every call carries (X-TC-Region)
    # how a flat (form/query) wire spells element N of list `name`; None: the wire is JSON
    list_member: str | None
    signature_in: Literal["header", "query"]  # where the signature travels
    signature_key: str  # "Authorization" or the query parameter "Signature"
    signer_description: str  # the scheme in a sentence, for OpenAPI's securitySchemes
    validation: MappingProxyType[str, ErrorAnswer]
    auth_error: ErrorAnswer
    throttle_error: ErrorAnswer
    not_found_error: ErrorAnswer  # unknown action or path
    internal_error: ErrorAnswer
    too_large_error: ErrorAnswer
    error_envelope_schema: ErrorEnvelopeSchema
    error_example: ErrorExample
    success_envelope: SuccessEnvelope
    client: ClientProfile
    notes: tuple[str, ...] = field(default=())
    # where the runtime files are; None: the built-in runtime of the protocol's name
    runtime: Path | None = None

    @property
    def general_answers(self) -> tuple[ErrorAnswer, ...]:
        """Every answer the protocol gives on its own, validation answers first."""
        return (
            *self.validation.values(),
            self.auth_error,
            self.throttle_error,
            self.not_found_error,
            self.internal_error,
            self.too_large_error,
        )

    def answer(self, kind: ProblemKind) -> ErrorAnswer:
        """The answer to a problem of `kind`; a constraint kind the protocol does not name is
        answered as its row's `answered_as` says."""
        found = self.validation.get(kind)
        if found is None:
            stand_in = constraints.answered_as(kind)
            if stand_in is None:
                raise KeyError(f"protocol {self.name} does not answer {kind!r}")
            found = self.validation[stand_in]
        return found

    @property
    def list_infix(self) -> str:
        """What stands between a list's name and the element number (".member." / ".")."""
        if self.list_member is None:
            return "."
        return self.list_member.removeprefix("{name}").removesuffix("{n}")

    def openapi_path(self, op: model.Operation) -> str:
        """OpenAPI keys operations by method and path. RPC protocols share one path, so each
        operation gets the fragment-path convention of published AWS OpenAPI conversions:
        `/#Action=PutLifecycleHook`. HTTP clients drop the fragment, so the request still goes
        to `/`, and the action itself travels where the protocol puts it (pinned by an enum)."""
        if not self.rpc:
            return op.path
        return f"/#{self.action_key}={op.action or op.name}"


def for_operation(op: model.Operation) -> Protocol:
    return get(op.protocol)


def builtin() -> dict[str, Protocol]:
    """The protocols of this package, by name."""
    from . import alibaba_rpc, aws_query, huawei_rest, tencent_json

    modules = (aws_query, alibaba_rpc, tencent_json, huawei_rest)
    return {m.PROTOCOL.name: m.PROTOCOL for m in modules}


# this package's protocols, and those registered from outside it (see `register`)
REGISTRY: Registry[Protocol] = Registry("protocol", builtin)


def table() -> dict[str, Protocol]:
    return REGISTRY.table()


def register(proto: Protocol) -> Protocol:
    """Make a protocol defined outside this package known to every renderer."""
    return REGISTRY.register(proto.name, proto)


def get(name: str) -> Protocol:
    return REGISTRY.get(name)


def answers(entries: dict[str, tuple[str, int, str]]) -> MappingProxyType[str, ErrorAnswer]:
    missing = set(problem_kinds()) - set(entries)
    if missing:
        raise ValueError(f"protocol does not answer {sorted(missing)}")
    return MappingProxyType({k: ErrorAnswer(*v) for k, v in entries.items()})
