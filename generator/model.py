"""The intermediate model: one `Operation` per API operation, protocol-agnostic.

Readers build it from doc pages, `spec_io` stores it as YAML under specs/, renderers read it.
Nothing here knows about a doc format, a template or a wire protocol's encoding.

Every fact carries a `Source`: the file and line it was read from and whether the page stated
it, it was inferred (from an example, a title, a naming convention), or a human added it (an
overlay). Field order here is the key order in the YAML files, so keep it stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Origin = Literal["stated", "inferred", "human"]
Location = Literal["path", "query", "header", "body"]
# Spec types are JSON's; the page's own spelling is kept in `Parameter.doc_type`.
SpecType = Literal["string", "integer", "number", "boolean", "array", "object"]
Scalar = str | int | float | bool


@dataclass(frozen=True)
class Source:
    """Where a fact came from: a path relative to the project root and a 1-based line."""

    file: str
    line: int
    origin: Origin = "stated"
    quote: str | None = None  # the words the fact was read from, when a rule mined it


@dataclass
class Range:
    """Inclusive numeric bounds; either side may be open."""

    source: Source
    min: int | float | None = None
    max: int | float | None = None
    unit: str | None = None  # "seconds", ... as the page says


@dataclass
class Length:
    """Inclusive string (or list) length bounds."""

    source: Source
    min: int | None = None
    max: int | None = None
    unit: Literal["characters", "bytes", "items"] = "characters"


@dataclass
class EnumValue:
    value: Scalar
    description: str | None = None


@dataclass
class Enum:
    source: Source
    values: list[EnumValue] = field(default_factory=list)


@dataclass
class Pattern:
    """An anchored regular expression (Python `re` and ECMA-262 compatible)."""

    source: Source
    regex: str
    description: str | None = None  # what the page said, in words


@dataclass
class Default:
    source: Source
    value: Scalar | None = None


@dataclass
class Parameter:
    """A request parameter, a response field, or a field of an object-typed one."""

    name: str  # the name as it travels on the wire
    source: Source
    type: SpecType = "string"
    location: Location = "body"
    required: bool = False
    doc_type: str | None = None  # the type as the page spells it ("RepeatList", "int?")
    items: str | None = None  # element SpecType when type == "array"
    # "date-time": an ISO 8601 timestamp (JSON Schema `format`); of the items when an array
    format: str | None = None
    nullable: bool | None = None  # True: null is a value the docs show or the model allows
    # True: a token that makes retries safe; the client fills it in when the caller does not
    idempotency_token: bool | None = None
    description: str = ""
    example: str | None = None
    default: Default | None = None
    range: Range | None = None
    length: Length | None = None
    enum: Enum | None = None
    pattern: Pattern | None = None
    fields: list[Parameter] = field(default_factory=list)  # members of an object (or its items)


RuleKind = Literal["mutually_exclusive", "requires", "one_of", "required_on_create"]


@dataclass
class Rule:
    """A constraint across parameters.

    - mutually_exclusive: at most one of `parameters` is present.
    - requires: when `parameters[0]` is present, every name in `requires` is too.
    - one_of: at least one group in `groups` is fully present.
    - required_on_create: `parameters` are required when the call creates the resource
      (not when it updates one); only a stateful server can check it.
    """

    kind: RuleKind
    source: Source
    parameters: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    description: str | None = None


@dataclass
class Quota:
    """A documented limit on how many `resource` may exist per `scope`."""

    resource: str  # "lifecycle_hook"
    scope: str  # "scaling_group"
    limit: int
    source: Source
    description: str | None = None


@dataclass
class RateLimit:
    requests: int
    per_seconds: int
    source: Source


@dataclass
class ErrorCode:
    code: str
    source: Source
    status: int | None = None
    message: str | None = None  # the message text the API returns
    meaning: str | None = None  # the page's explanation


@dataclass
class Status:
    """An HTTP status the page lists as a possible answer (Huawei's Returned Values)."""

    status: int
    source: Source
    reason: str | None = None
    meaning: str | None = None


@dataclass
class Example:
    kind: Literal["request", "response", "error"]
    format: Literal["json", "xml", "query", "http", "text"]
    body: str
    source: Source
    title: str | None = None
    description: str | None = None  # the page's words about the example


@dataclass
class Link:
    text: str
    target: str
    source: Source


@dataclass
class Operation:
    provider: str  # huawei | alibaba | tencent | aws
    service: str  # "as", "ess", "autoscaling"
    api_version: str  # "v1", "2014-08-28", ...
    protocol: str  # huawei-rest | alibaba-rpc | tencent-json | aws-query
    name: str  # CreateLifecycleHook, PutLifecycleHook, ...
    family: str  # the reader that read it
    source: Source  # the page (line 1) or the model entry
    method: str = "POST"
    path: str = "/"
    action: str | None = None  # RPC action name where the protocol carries one
    title: str | None = None
    summary: str = ""
    description: str = ""
    endpoint: str | None = None  # the documented request domain
    success_status: int = 200
    result_wrapper: str | None = None  # AWS <OpResult> element
    parameters: list[Parameter] = field(default_factory=list)
    response: list[Parameter] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    quotas: list[Quota] = field(default_factory=list)
    rate_limits: list[RateLimit] = field(default_factory=list)
    errors: list[ErrorCode] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader saw but could not model
    # where the operation-level facts came from, keyed by field name: "name", "api_version",
    # "method", "path", "action", "endpoint", "success_status", "result_wrapper", "summary"
    provenance: dict[str, Source] = field(default_factory=dict)

    def parameter(self, name: str) -> Parameter | None:
        for param in self.parameters:
            if param.name == name:
                return param
        return None


def walk_parameters(params: list[Parameter], prefix: str = "") -> list[tuple[str, Parameter]]:
    """Every parameter and nested field, with a dotted path, in document order."""
    out: list[tuple[str, Parameter]] = []
    for param in params:
        path = f"{prefix}{param.name}"
        out.append((path, param))
        out.extend(walk_parameters(param.fields, path + "."))
    return out


def jsonable(value: Any) -> Any:
    """Plain data for YAML/JSON: dataclasses become dicts in field order; None and empty
    collections are dropped so specs stay short and adding a field rewrites nothing."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            item = jsonable(getattr(value, f.name))
            if item is None or item == [] or item == {}:
                continue
            out[f.name] = item
        return out
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value
