"""Mock servers: python/<pkg>/mock.py, the engine's _mock_*.py, _server.py and the client runtime.

A mock is one ASGI application (Starlette) per provider's service that an official SDK cannot
tell from the real cloud: it speaks the protocol's wire format (runtime/protocols/<protocol>/
server.py, copied as `_server.py`, on top of the protocol's `_wire.py` and `_runtime.py`),
checks signatures (`_signing.py`), checks every request with the generated validators, and
keeps state.

The state model is the same for every cloud: lifecycle hooks (keyed by id, and by scaling
group and name) and the pending lifecycle actions a scale activity starts. What each operation
does to it is derived here from the spec, never from a provider's name:

- the operation's *kind* from the verb of its name (Create/Put, Describe/List/Show,
  Modify/Update/Upgrade, Delete, Complete/Callback, ...Heartbeat);
- the *role* of each parameter and response field (scaling group, hook name, hook id, token,
  instance, timeout, ...) from its wire name, normalised (case and separators dropped), so
  `AutoScalingGroupName`, `ScalingGroupId` and `scaling_group_id` are all the group;
- state errors (missing group, unknown hook, duplicate name, quota, unknown token, ...) from the
  operation's documented error codes, matched by the words of the code; where the pages
  document none, the protocol's invalid-value answer (with the documented HTTP status, when
  the page lists one for the situation: 404 for not found, 409 for a conflict);
- quotas and rate limits from `op.quotas` / `op.rate_limits`, defaults from the parameters.

The state model covers the operations on lifecycle hooks and those that end or extend a
lifecycle action (`in_state_model`). Every other operation of a whole service is validated
and answered with a body its response schema accepts (render/mock_answers.py): the page's
example response where it gives one that fits, else the smallest conforming body.

This module turns the model into plain data; templates/mocks/mock.py.j2 formats it as the
`MockSpec` of the engine, runtime/mocks/ (stdlib + starlette, the same for every cloud),
whose modules are copied verbatim into the package (generator/runtime_files.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import model, protocols, runtime_files
from ..errors import fail
from . import Context, by_provider
from .filters import cite, snake
from .mock_answers import example_answer

TARGET = "mocks"
TEMPLATE = "mocks/mock.py.j2"

# When an operation documents a quota error code but no page states the number (Tencent:
# LimitExceeded.QuotaNotEnough, no figure anywhere on its pages), the mock enforces this one.
# It is the smallest quota the four clouds document (Huawei: five hooks per AS group), so a
# test reaches it quickly; create_app(quota_default=...) changes it.
DEFAULT_QUOTA = 5

# --- roles: what a wire name means to the state model -------------------------------------------

# Matched against the normalised name (lowercase, only letters and digits), whole.
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        ("group", r"(?:autoscaling|scaling|as)group(?:id|name)"),
        ("hook_id", r"lifecyclehookid"),
        ("hook_ids", r"lifecyclehookids"),
        ("hook_name", r"lifecyclehookname"),
        ("hook_names", r"lifecyclehooknames"),
        ("token", r"lifecycleaction(?:token|key)"),
        ("instance", r"instanceid"),
        ("result", r"lifecycleactionresult"),
        ("timeout", r"(?:heartbeat|default)timeout"),
        ("default_result", r"defaultresult"),
        ("transition", r"lifecycle(?:transition|hooktype)"),
        ("filters", r"filters?"),
        ("limit", r"limit|pagesize|maxrecords|maxresults"),
        ("offset", r"offset"),
        ("page", r"pagenumber|pageno"),
        ("project", r"projectid"),
        ("created", r"(?:create|created|creation)(?:time|date|at)"),
        ("total", r"totalcount|total"),
        ("request_id", r"requestid"),
    )
)
# Roles that name a hook or where it lives: not attributes of the hook itself.
IDENTITY_ROLES = frozenset({"group", "hook_id", "hook_name", "project"})
# A singular role whose parameter is a list is the plural one.
_PLURAL = {"hook_id": "hook_ids", "hook_name": "hook_names"}


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def role_of(name: str, type_: str = "string") -> str | None:
    key = normalise(name.removesuffix(".N"))
    for role, pattern in _ROLE_PATTERNS:
        if pattern.fullmatch(key):
            if type_ == "array":
                return _PLURAL.get(role, role)
            return role
    return None


# --- kinds: what an operation does, from the verb of its name -----------------------------------

_VERBS: tuple[tuple[str, str], ...] = (
    ("Create", "create"),
    ("Put", "upsert"),
    ("Describe", "describe"),
    ("List", "describe"),
    ("Query", "describe"),
    ("Show", "show"),
    ("Get", "show"),
    ("Modify", "modify"),
    ("Update", "modify"),
    ("Upgrade", "replace"),
    ("Replace", "replace"),
    ("Delete", "delete"),
    ("Remove", "delete"),
    ("Complete", "complete"),
    ("Callback", "complete"),
)


def kind_of(name: str) -> str:
    if "Heartbeat" in name:
        return "heartbeat"
    for verb, kind in _VERBS:
        if re.match(rf"{verb}(?=[A-Z]|$)", name):
            return kind
    return "other"


def noun_of(name: str) -> str:
    """`DescribeLifecycleHooks` -> `LifecycleHooks`: the operation's name without its verb."""
    return re.sub(r"^[A-Z][a-z]+", "", name) or name


# A page title's opening words as the verb of an operation name ("Creating a Lifecycle Hook"
# -> CreateLifecycleHook), for operations whose official name does not say what they do.
_TITLE_VERBS: tuple[tuple[str, str], ...] = (
    ("Calling Back", "Callback"),
    ("Creating", "Create"),
    ("Querying", "Query"),
    ("Modifying", "Modify"),
    ("Deleting", "Delete"),
)
_ARTICLES = {"a", "an", "the"}


def title_name(title: str) -> str | None:
    """`Calling Back a Lifecycle Hook` -> `CallbackLifecycleHook`; None when the title does not
    open with a known verb."""
    for words, verb in _TITLE_VERBS:
        if title.startswith(words + " "):
            rest = re.findall(r"[A-Za-z0-9]+", title[len(words) :])
            return verb + "".join(w[:1].upper() + w[1:] for w in rest if w not in _ARTICLES)
    return None


def semantic_name(op: model.Operation) -> str:
    """The name the state model classifies an operation by: its own, unless only its page's
    title says it is a lifecycle-hook operation (an SDK name such as `CreateLifyCycleHook`
    or `AttachCallbackInstanceLifeCycleHook`)."""
    if in_state_model(op.name) or not op.title:
        return op.name
    from_title = title_name(op.title)
    return from_title if from_title and in_state_model(from_title) else op.name


def in_state_model(name: str) -> bool:
    """Whether the state model answers the operation: one on lifecycle hooks (its noun is the
    hook or hooks) or one that ends or extends a lifecycle action. Every other operation of a
    service is validated and answered with a body its response schema accepts."""
    noun = normalise(noun_of(name))
    if noun in ("lifecyclehook", "lifecyclehooks"):
        return True
    return kind_of(name) in ("complete", "heartbeat") and noun.startswith("lifecycleaction")


# --- state errors --------------------------------------------------------------------------------

_NOT_FOUND = ("notfound", "notexist", "nonexist")


def _is_not_found(code: str) -> bool:
    return any(word in code for word in _NOT_FOUND)


# kind -> (test on the normalised code, fallback message). Fallback messages are English
# templates; {group}, {hook}, {token}, {instance}, {limit} and {filter} are filled in from the
# request. Kinds in _DOCUMENTED_ONLY have no fallback: the mock checks them only when a page
# documents a code for them.
_STATE_ERRORS: dict[str, tuple[str, str]] = {
    "group_not_found": ("group", "Group {group} not found"),
    "hook_id_not_found": ("hook_id", "No lifecycle hook found with id {hook}"),
    "hook_name_not_found": ("hook_name", "No lifecycle hook found with name {hook}"),
    "hook_id_invalid": ("hook_id_invalid", "The lifecycle hook id {hook} is not valid"),
    "duplicate": ("duplicate", "A lifecycle hook named {hook} already exists in group {group}"),
    "quota": ("quota", "The group {group} already has {limit} lifecycle hooks, the maximum"),
    "token_not_found": ("token", "No active lifecycle action found with token {token}"),
    "instance_not_found": (
        "instance",
        "No active lifecycle action found for instance {instance}",
    ),
    "action_done": ("done", "The result of lifecycle action {token} is already set"),
    "bad_filter": ("filter", "Invalid filter: {filter}"),
}
_DOCUMENTED_ONLY = frozenset({"hook_id_invalid", "action_done"})


def _matches(test: str, code: str) -> bool:
    """Whether a documented code (normalised) names the situation `test`."""
    if test == "group":
        return "group" in code and _is_not_found(code)
    if test in ("hook_id", "hook_name"):
        return (
            "hook" in code
            and _is_not_found(code)
            and not any(w in code for w in ("instance", "token", "command", "queue", "topic"))
        )
    if test == "hook_id_invalid":
        return "invalidlifecyclehookid" in code and not _is_not_found(code)
    if test == "duplicate":
        return "duplicat" in code
    if test == "quota":
        return "quota" in code or "limitexceeded" in code
    if test == "token":
        return "token" in code
    if test == "instance":
        return "instance" in code and "hook" in code and _is_not_found(code)
    if test == "done":
        return "hasset" in code or "already" in code
    if test == "filter":
        return "filter" in code
    raise ValueError(test)


def _preferred(test: str, code: str) -> bool:
    """Among several matching codes, the one naming the key the lookup used."""
    if test == "hook_id":
        return "hookid" in code
    if test == "hook_name":
        return "hookname" in code
    return True


@dataclass(frozen=True)
class ErrorData:
    code: str
    status: int
    message: str
    cite: str  # where the code is documented, or why it is the fallback
    documented: bool = True


@dataclass
class FieldData:
    """How the mock fills one response field."""

    name: str
    source: str  # hooks|object|id|group|name|created|attr|derived|total|limit|offset|page|none
    type: str
    required: bool
    key: str = ""  # the hook attribute it shows (attr / derived)
    children: list[FieldData] = field(default_factory=list)


@dataclass
class OperationData:
    name: str
    snake: str
    kind: str
    action: str
    version: str
    method: str
    path: str
    success_status: int
    cite: str
    summary: str
    roles: dict[str, str]  # role -> request key
    attributes: list[str]  # request keys stored on the hook
    defaults: list[tuple[str, model.Scalar | None, str]]  # (key, value, cite)
    required_on_create: list[tuple[list[str], str]]  # (keys, cite)
    quota: tuple[int, str] | None
    rate_limit: tuple[int, int, str] | None
    errors: dict[str, ErrorData]
    response: list[FieldData]
    response_cite: str
    example: dict[str, object] | None = None  # the answer outside the state model
    example_cite: str = ""


@dataclass
class HookData:
    """What the state model needs to know about the hook resource as this API models it."""

    id_prefix: str
    id_length: int
    id_cite: str
    timeout_key: str
    timeout_default: int | None
    default_result_key: str
    default_result_default: str | None
    transition_key: str
    transitions: list[tuple[str, str]]  # (wire value, launch|terminate)
    results: list[tuple[str, str]]  # (wire value, continue|abandon|extend)
    instance_prefix: str


@dataclass
class MockData:
    package: str
    provider: str
    service: str
    protocol: str
    api_versions: list[str]
    operations: list[OperationData]
    hook: HookData
    default_quota: int
    auth_error: ErrorData
    throttle_error: ErrorData
    not_found_error: ErrorData
    internal_error: ErrorData
    too_large_error: ErrorData
    malformed_error: ErrorData
    missing_error: ErrorData
    fault_status: int
    signer: str
    required_headers: list[str]


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for _provider, ops in by_provider(operations).items():
        for service in sorted({op.service for op in ops}):
            service_ops = [op for op in ops if op.service == service]
            data = mock_data(ctx.package(service_ops[0].provider, service), service_ops)
            root = f"python/{data.package}"
            files[f"{root}/mock.py"] = ctx.render_python(TEMPLATE, mock=data)
            # The runtime modules include the client's verbatim copies: a mock needs them
            # too, and byte-identical output keeps the two targets from fighting over them.
            for name, content in runtime_files.mock_files(data.protocol, ctx.runtime).items():
                files[f"{root}/{name}"] = content
    return files


def _answer(answer: protocols.ErrorAnswer, cite_text: str, param: str = "") -> ErrorData:
    return ErrorData(
        answer.code, answer.status, answer.message.replace("{param}", param), cite_text
    )


def mock_data(package: str, ops: list[model.Operation]) -> MockData:
    names = {op.protocol for op in ops}
    first = ops[0]
    if len(names) != 1:
        raise fail(
            first.source.file,
            first.source.line,
            f"{package}: one protocol per package, got {sorted(names)}",
        )
    proto = protocols.for_operation(first)
    seen: dict[str, model.Operation] = {}
    for op in ops:
        key = snake(op.name)
        if key in seen:
            raise fail(
                op.source.file,
                op.source.line,
                f"operation {op.name} gives the mock name {key}, as {seen[key].name} does",
            )
        seen[key] = op
    modelled = [op for op in ops if in_state_model(semantic_name(op))]
    creators = [op for op in modelled if kind_of(semantic_name(op)) in ("create", "upsert")]
    # Without an operation that creates hooks the state model stays empty: every operation
    # is then answered from its response schema.
    creator = creators[0] if creators else None
    hook = _hook_data(creator, modelled)
    where = f"protocol {proto.name}"
    return MockData(
        package=package,
        provider=first.provider,
        service=first.service,
        protocol=proto.name,
        api_versions=sorted({op.api_version for op in ops}),
        operations=[
            (
                _operation(op, proto, creator)
                if creator is not None and in_state_model(semantic_name(op))
                else _answered(op)
            )
            for op in ops
        ],
        hook=hook,
        default_quota=DEFAULT_QUOTA,
        auth_error=_answer(proto.auth_error, where),
        throttle_error=_answer(proto.throttle_error, where),
        not_found_error=_answer(proto.not_found_error, where),
        internal_error=_answer(proto.internal_error, where),
        too_large_error=_answer(proto.too_large_error, where),
        malformed_error=_answer(proto.validation["type"], where, "{param}"),
        missing_error=_answer(proto.validation["missing"], where, "{param}"),
        fault_status=proto.validation["type"].status,
        signer=proto.signer,
        required_headers=list(proto.extra_headers),
    )


def _hook_data(creator: model.Operation | None, ops: list[model.Operation]) -> HookData:
    params = creator.parameters if creator is not None else []
    roles = _roles(params)
    by_key = {p.name: p for p in params}

    def param(role: str) -> model.Parameter | None:
        key = roles.get(role)
        return by_key.get(key) if key else None

    timeout = param("timeout")
    default_result = param("default_result")
    transition = param("transition")
    transitions: list[tuple[str, str]] = []
    if transition is not None and transition.enum is not None:
        for value in transition.enum.values:
            direction = _direction(str(value.value))
            if direction:
                transitions.append((str(value.value), direction))
    results: list[tuple[str, str]] = []
    for op in ops:
        for p in op.parameters:
            if role_of(p.name, p.type) == "result" and p.enum is not None:
                for value in p.enum.values:
                    text = str(value.value)
                    outcome = _outcome(text)
                    if outcome and (text, outcome) not in results:
                        results.append((text, outcome))
    id_prefix, id_length, id_cite = "hook-", 8, "no hook id in the pages: internal ids"
    instance_prefix = ""
    for op in ops:
        for _path, p in model.walk_parameters(op.parameters + op.response):
            role = role_of(p.name, p.type)
            if role == "hook_id" and p.example and id_prefix == "hook-":
                found = re.fullmatch(r"([a-z]+-)([A-Za-z0-9*]+)", p.example.strip())
                if found:
                    id_prefix, id_length = found.group(1), len(found.group(2))
                    id_cite = f"example {p.example!r} at {cite(p.source)}"
            if role == "instance" and p.example and not instance_prefix:
                found = re.match(r"([a-z]+-)", p.example.strip())
                if found:
                    instance_prefix = found.group(1)
    default_value = (
        default_result.default.value if default_result and default_result.default else None
    )
    timeout_value = timeout.default.value if timeout and timeout.default else None
    return HookData(
        id_prefix=id_prefix,
        id_length=id_length,
        id_cite=id_cite,
        timeout_key=timeout.name if timeout else "",
        timeout_default=timeout_value if isinstance(timeout_value, int) else None,
        default_result_key=default_result.name if default_result else "",
        default_result_default=str(default_value) if default_value is not None else None,
        transition_key=transition.name if transition else "",
        transitions=transitions,
        results=results,
        instance_prefix=instance_prefix or "i-",
    )


def _direction(value: str) -> str | None:
    text = value.upper()
    if "LAUNCH" in text or text.endswith("_OUT") or "SCALEOUT" in text:
        return "launch"
    if "TERMINAT" in text or text.endswith("_IN") or "SCALEIN" in text:
        return "terminate"
    return None


def _outcome(value: str) -> str | None:
    text = value.upper()
    for word, outcome in (("CONTINUE", "continue"), ("ABANDON", "abandon"), ("EXTEND", "extend")):
        if word in text:
            return outcome
    return None


def _request_key(param: model.Parameter) -> str:
    """The key of a parameter in a typed request: Alibaba's `Name.N` lists are keyed `Name`."""
    if param.type == "array" and param.name.endswith(".N"):
        return param.name[:-2]
    return param.name


def _roles(params: list[model.Parameter]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for param in params:
        role = role_of(param.name, param.type)
        if role is not None and role not in roles:
            roles[role] = _request_key(param)
    return roles


def _operation(
    op: model.Operation, proto: protocols.Protocol, creator: model.Operation
) -> OperationData:
    kind = kind_of(semantic_name(op))
    roles = _roles(op.parameters)
    attributes = [
        _request_key(p)
        for p in op.parameters
        if role_of(p.name, p.type) not in IDENTITY_ROLES
        and kind in ("create", "upsert", "modify", "replace")
    ]
    defaults = [
        (_request_key(p), p.default.value, cite(p.default.source))
        for p in op.parameters
        if p.default is not None
    ]
    if kind == "replace":
        # a replacement resets what it is not given to the defaults the hook was created with
        own = {key for key, _, _ in defaults}
        defaults += [
            (_request_key(p), p.default.value, cite(p.default.source))
            for p in creator.parameters
            if p.default is not None
            and _request_key(p) in attributes
            and _request_key(p) not in own
        ]
    required = [
        ([_request_key_by_name(op, n) for n in rule.parameters], cite(rule.source))
        for rule in op.rules
        if rule.kind == "required_on_create"
    ]
    quota: tuple[int, str] | None = None
    for q in op.quotas:
        quota = (q.limit, cite(q.source))
        break
    errors = _errors(op, proto)
    if quota is None and "quota" in errors and errors["quota"].documented:
        quota = (
            DEFAULT_QUOTA,
            f"no page states the number; {errors['quota'].code} is documented at "
            f"{errors['quota'].cite}: the mock's default",
        )
    response, response_cite = _response(op, creator, kind)
    return OperationData(
        **_identity(op),
        kind=kind,
        roles=roles,
        attributes=attributes,
        defaults=defaults,
        required_on_create=required,
        quota=quota,
        errors=errors,
        response=response,
        response_cite=response_cite,
    )


def _identity(op: model.Operation) -> dict[str, Any]:
    """What every operation's data holds, in or outside the state model: where it travels,
    where it is documented, and the first rate limit its page states."""
    rate = next(((r.requests, r.per_seconds, cite(r.source)) for r in op.rate_limits), None)
    return {
        "name": op.name,
        "snake": snake(op.name),
        "action": op.action or op.name,
        "version": op.api_version,
        "method": op.method.upper(),
        "path": op.path,
        "success_status": op.success_status,
        "cite": cite(op.source),
        "summary": op.summary,
        "rate_limit": rate,
    }


def _answered(op: model.Operation) -> OperationData:
    """An operation outside the state model: validated, then answered with `example`."""
    request_ids = {p.name for p in op.response if role_of(p.name, p.type) == "request_id"}
    example, example_cite = example_answer(op, request_ids, cite)
    return OperationData(
        **_identity(op),
        kind="other",
        roles={},
        attributes=[],
        defaults=[],
        required_on_create=[],
        quota=None,
        errors={},
        response=[],
        response_cite=cite(op.source),
        example=example,
        example_cite=example_cite,
    )


def _request_key_by_name(op: model.Operation, name: str) -> str:
    param = op.parameter(name)
    return _request_key(param) if param is not None else name


def _relevant(kind: str, op_kind: str, roles: dict[str, str]) -> bool:
    """Whether the state model can answer an operation of `op_kind` with error `kind`."""
    finds = op_kind in ("show", "modify", "replace", "delete", "complete", "heartbeat")
    return {
        "group_not_found": "group" in roles,
        "hook_id_not_found": finds and "hook_id" in roles,
        "hook_name_not_found": finds and "hook_name" in roles,
        "hook_id_invalid": finds and "hook_id" in roles,
        "duplicate": op_kind in ("create", "upsert", "modify", "replace"),
        "quota": op_kind in ("create", "upsert"),
        "token_not_found": op_kind in ("complete", "heartbeat"),
        "instance_not_found": op_kind in ("complete", "heartbeat"),
        "action_done": op_kind in ("complete", "heartbeat"),
        "bad_filter": "filters" in roles,
    }[kind]


def _errors(op: model.Operation, proto: protocols.Protocol) -> dict[str, ErrorData]:
    """The answer to each state error the operation can meet (see _STATE_ERRORS)."""
    invalid = proto.validation["enum"]
    listed = {s.status for s in op.statuses}
    roles = _roles(op.parameters)
    op_kind = kind_of(semantic_name(op))
    out: dict[str, ErrorData] = {}
    for kind, (test, fallback) in _STATE_ERRORS.items():
        if not _relevant(kind, op_kind, roles):
            continue
        matching = [e for e in op.errors if _matches(test, normalise(e.code))]
        preferred = [e for e in matching if _preferred(test, normalise(e.code))]
        chosen = preferred or matching
        if chosen:
            found = chosen[0]
            out[kind] = ErrorData(
                code=found.code,
                status=found.status or invalid.status,
                message=found.message or fallback,
                cite=cite(found.source),
            )
            continue
        if kind in _DOCUMENTED_ONLY:
            continue
        status = invalid.status
        if kind.endswith("not_found") and 404 in listed:
            status = 404
        if kind == "duplicate" and 409 in listed:
            status = 409
        out[kind] = ErrorData(
            code=invalid.code,
            status=status,
            message=fallback,
            cite=f"no page documents a code: protocol {proto.name} invalid-value answer",
            documented=False,
        )
    # Pages that name only a token-and-hook code (Alibaba LifecycleHookIdAndLifecycleActionToken
    # .Invalid) answer an unknown hook or instance of a pending action with it too.
    token = out.get("token_not_found")
    if token is None or not token.documented:
        return out
    for kind in ("hook_id_not_found", "hook_name_not_found", "instance_not_found"):
        if kind in out and not out[kind].documented:
            out[kind] = token
    return out


# --- responses -----------------------------------------------------------------------------------


def _response(
    op: model.Operation, creator: model.Operation, kind: str
) -> tuple[list[FieldData], str]:
    attributes = {_request_key(p): p for p in creator.parameters}
    if op.response:
        return [
            _field(p, attributes, in_hook=kind in ("create", "upsert", "show", "modify", "replace"))
            for p in op.response
        ], cite(op.source)
    if kind in ("describe",):
        # The page does not give the answer's shape (AWS: "the response fields are not on this
        # page"): a list named after the operation's noun, each item the hook's group, name
        # and the attributes its create operation takes.
        items = [
            FieldData(
                name=_request_key(p),
                source=_hook_source(p, attributes),
                type=p.type,
                required=False,
                key=_request_key(p) if _hook_source(p, attributes) == "attr" else "",
            )
            for p in creator.parameters
            if role_of(p.name, p.type) != "project"
        ]
        return (
            [
                FieldData(
                    name=noun_of(semantic_name(op)),
                    source="hooks",
                    type="array",
                    required=True,
                    children=items,
                )
            ],
            f"inferred: {op.name} has no response fields in its page; items follow {creator.name}'s parameters",
        )
    return [], cite(op.source)


def _hook_source(param: model.Parameter, attributes: dict[str, model.Parameter]) -> str:
    role = role_of(param.name, param.type)
    if role == "hook_id":
        return "id"
    if role == "group":
        return "group"
    if role == "hook_name":
        return "name"
    if role == "created":
        return "created"
    if _request_key(param) in attributes:
        return "attr"
    return "none"


def _field(
    param: model.Parameter, attributes: dict[str, model.Parameter], in_hook: bool
) -> FieldData:
    role = role_of(param.name, param.type)
    name = _request_key(param)
    if (
        param.type == "array"
        and param.items == "object"
        and param.fields
        and _describes_hooks(param, attributes)
    ):
        children = [_field(p, attributes, in_hook=True) for p in param.fields]
        return FieldData(
            name=name, source="hooks", type="array", required=param.required, children=children
        )
    if param.type == "object" and any(_contains_hooks(p, attributes) for p in param.fields):
        children = [_field(p, attributes, in_hook=in_hook) for p in param.fields]
        return FieldData(
            name=name, source="object", type="object", required=param.required, children=children
        )
    if role in ("total", "limit", "offset", "page", "request_id"):
        return FieldData(name=name, source=role, type=param.type, required=param.required)
    if in_hook:
        source = _hook_source(param, attributes)
        if source == "none":
            derived = _derived_from(name, attributes)
            if derived:
                return FieldData(
                    name=name,
                    source="derived",
                    type=param.type,
                    required=param.required,
                    key=derived,
                )
        children = [_field(p, {}, in_hook=False) for p in param.fields] if source == "attr" else []
        return FieldData(
            name=name,
            source=source,
            type=param.type,
            required=param.required,
            key=name if source == "attr" else "",
            children=children,
        )
    return FieldData(name=name, source="none", type=param.type, required=param.required)


def _describes_hooks(param: model.Parameter, attributes: dict[str, model.Parameter]) -> bool:
    """A list of objects whose members name hooks (an id or name) or their attributes."""
    members = [p for p in param.fields]
    named = any(role_of(p.name, p.type) in ("hook_id", "hook_name") for p in members)
    return named or sum(1 for p in members if _request_key(p) in attributes) >= 2


def _contains_hooks(param: model.Parameter, attributes: dict[str, model.Parameter]) -> bool:
    if param.type == "array" and param.items == "object":
        return _describes_hooks(param, attributes)
    return param.type == "object" and any(_contains_hooks(p, attributes) for p in param.fields)


def _derived_from(name: str, attributes: dict[str, model.Parameter]) -> str:
    """`notification_topic_name` shown from a stored `notification_topic_urn`: the last segment
    of the URN/ARN (`urn:smn:region:project:name` -> `name`)."""
    stem = normalise(name)
    if not stem.endswith("name"):
        return ""
    for key in attributes:
        norm = normalise(key)
        for suffix in ("urn", "arn"):
            if norm.endswith(suffix) and norm[: -len(suffix)] == stem[: -len("name")]:
                return key
    return ""
