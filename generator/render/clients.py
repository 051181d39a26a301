"""Typed Python clients: python/<pkg>/{__init__,models,errors,client,_runtime,_signing,_wire}.py.

One package per provider's service. `models.py` holds the request and response dataclasses,
the str-valued enums and a dataclass per nested object; `errors.py` a base exception and one
class per documented error code; `client.py` a `Client` and an `AsyncClient` on httpx with one
method per operation. `_signing.py`, `_wire.py` and the `_runtime.py` they share are verbatim
copies of the protocol's stdlib modules in runtime/ (see generator/runtime_files.py), so the
generated package never imports `generator`.

The renderer turns the model into plain data (names, annotations, conversion expressions,
docstring text); the templates only format it and escape page text with `docstring` and
`comment`. Nothing here branches on a protocol's or a provider's name: what differs is data
of the operation's protocol (`Protocol.client`: credential arguments, the region; its runtime
files and the client's `prepare` method, client_prepare.py.j2 beside them) and of its provider
(generator/providers.py: environment variables, the default endpoint).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from .. import constraints, model, protocols, providers, runtime_files
from ..errors import fail
from . import Context, by_provider
from .filters import cite, pascal, py_identifier, py_literal, snake

TARGET = "clients"
PREPARE_TEMPLATE = "client_prepare.py.j2"  # in the protocol's runtime directory

Kind = Literal["str", "int", "float", "bool", "enum", "struct", "dict", "any"]

# Operations whose names say they only read: safe to retry (so is any GET).
READ_ONLY_PREFIXES = ("Describe", "List", "Show", "Get", "Query")
# A parameter with one of these names makes a call idempotent when the caller sets it.
IDEMPOTENCY_TOKENS = ("ClientToken", "client_token", "IdempotencyToken", "idempotency_token")
# Throttling codes retried on every protocol, besides the protocol's own throttle code.
THROTTLE_PREFIXES = ("RequestLimitExceeded", "Throttling")


@dataclass(frozen=True)
class Setting:
    """A client constructor argument resolved from the environment when not given: what the
    protocol needs (its name, what it is for) joined with where the cloud keeps it (the
    environment variables)."""

    name: str
    envs: tuple[str, ...]
    doc: str
    required: bool = True
    secret: bool = False


def _settings(
    proto: protocols.Protocol, provider: providers.Provider, op: model.Operation
) -> tuple[list[Setting], Setting]:
    """The client's credential settings and its region setting."""
    profile = proto.client

    def envs(name: str) -> tuple[str, ...]:
        found = provider.environment.get(name)
        if not found:
            raise fail(
                op.source.file,
                op.source.line,
                f"provider {provider.name} names no environment variable for {name!r} "
                f"(protocol {proto.name})",
            )
        return found

    credentials = [
        Setting(c.name, envs(c.name), c.doc, c.required, c.secret) for c in profile.credentials
    ]
    region = Setting(
        providers.REGION, envs(providers.REGION), profile.region_doc, profile.region_required
    )
    return credentials, region


# --- plain data for the templates ------------------------------------------------------------


@dataclass
class EnumData:
    name: str
    doc: str
    cite: str
    members: list[tuple[str, str]]  # (identifier, value)


@dataclass
class FieldData:
    attr: str  # Python name
    wire: str  # name on the wire
    annotation: str  # without "| None"
    required: bool
    to_wire_form: str  # expression of the wire value from "{value}" (known not None)
    from_wire_form: str  # expression of the Python value from "{raw}" (may be None)
    doc: str  # description and constraints, page text (escape in the template)
    cite: str
    ref: str | None = None  # the enum or dataclass of models.py the annotation names

    @property
    def to_wire(self) -> str:
        return self.to_wire_form.format(value=f"self.{self.attr}")

    @property
    def from_wire(self) -> str:
        return self.from_wire_form.format(raw=f"data.get({py_literal(self.wire)})")


@dataclass
class StructData:
    name: str
    doc: str
    fields: list[FieldData]
    in_response: bool


@dataclass
class OperationData:
    name: str
    method: str  # the client method name
    action: str
    version: str
    http_method: str
    path: str
    doc: str
    cite: str
    request_class: str
    response_class: str
    params: list[FieldData]
    response: list[FieldData]
    locations: dict[str, str]
    fills: list[tuple[str, str]]
    retry_safe: bool
    idempotency_token: str | None
    tokens: tuple[str, ...]  # filled with a fresh token when the caller gives none
    constant: str  # module constant holding the operation's wire facts


@dataclass
class ErrorData:
    code: str
    name: str
    doc: str
    aliases: list[str]


@dataclass
class PackageData:
    package: str
    provider: str
    service: str
    protocol: str
    api_versions: list[str]
    base_error: str
    enums: list[EnumData]
    structs: list[StructData]
    operations: list[OperationData]
    errors: list[ErrorData]
    throttle_codes: list[str]
    throttle_prefixes: list[str]
    credentials: list[Setting]
    region: Setting
    endpoint: str
    service_name: str
    model_imports: list[str]  # names client.py takes from models.py
    prepare: str = ""  # the protocol's `_Signer.prepare` method, rendered (client_prepare.py.j2)


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for _provider, ops in by_provider(operations).items():
        for service in sorted({op.service for op in ops}):
            service_ops = [op for op in ops if op.service == service]
            data = package_data(ctx.package(service_ops[0].provider, service), service_ops)
            proto = protocols.for_operation(service_ops[0])
            data.prepare = _prepare_method(ctx, proto, data)
            root = f"python/{data.package}"
            files[f"{root}/__init__.py"] = ctx.render_python("clients/__init__.py.j2", pkg=data)
            files[f"{root}/models.py"] = ctx.render_python("clients/models.py.j2", pkg=data)
            files[f"{root}/errors.py"] = ctx.render_python("clients/errors.py.j2", pkg=data)
            files[f"{root}/client.py"] = ctx.render_python("clients/client.py.j2", pkg=data)
            for name, content in runtime_files.client_files(data.protocol, ctx.runtime).items():
                files[f"{root}/{name}"] = content
    return files


def _prepare_method(ctx: Context, proto: protocols.Protocol, data: PackageData) -> str:
    """The protocol's `prepare` method of the client's `_Signer`: its runtime's
    client_prepare.py.j2, rendered with the package's data (`pkg`)."""
    text = (runtime_files.protocol_dir(proto.name, ctx.runtime) / PREPARE_TEMPLATE).read_text()
    return ctx.env.from_string(text).render(pkg=data)


def import_order(name: str) -> tuple[int, str, str]:
    """isort's (and ruff's) order of the names in one `from x import (...)`: constants, then
    classes, then the rest, each case-insensitively."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return (kind, name.lower(), name)


def package_data(package: str, ops: list[model.Operation]) -> PackageData:
    names = {op.protocol for op in ops}
    if len(names) != 1:
        op = ops[0]
        raise fail(
            op.source.file,
            op.source.line,
            f"{package}: one protocol per package, got {sorted(names)}",
        )
    first = ops[0]
    proto = protocols.for_operation(first)
    try:
        provider = providers.get(first.provider)
    except KeyError as err:
        raise fail(first.source.file, first.source.line, str(err.args[0])) from None
    credentials, region = _settings(proto, provider, first)
    types = _Types()
    op_data = [_operation(op, proto.client, types) for op in ops]
    base = pascal(first.provider) + pascal(first.service) + "Error"
    endpoints = Counter(op.endpoint for op in ops if op.endpoint)
    endpoint = (
        "https://" + endpoints.most_common(1)[0][0] if endpoints else provider.endpoint
    ).replace("{service}", first.service)
    return PackageData(
        package=package,
        provider=ops[0].provider,
        service=ops[0].service,
        protocol=proto.name,
        api_versions=sorted({op.api_version for op in ops}),
        base_error=base,
        enums=list(types.enums.values()),
        structs=types.struct_data(),
        operations=op_data,
        errors=_errors(ops, proto, base),
        throttle_codes=[proto.throttle_error.code],
        throttle_prefixes=list(THROTTLE_PREFIXES),
        credentials=credentials,
        region=region,
        endpoint=endpoint,
        service_name=ops[0].service,
        model_imports=sorted(
            {name for op in op_data for name in (op.request_class, op.response_class)}
            | {f.ref for op in op_data for f in op.params if f.ref},
            key=import_order,
        ),
    )


# --- operations ------------------------------------------------------------------------------


def _operation(
    op: model.Operation, profile: protocols.ClientProfile, types: _Types
) -> OperationData:
    fills = [(wire, setting) for wire, setting in profile.fills if op.parameter(wire) is not None]
    filled = {wire for wire, _ in fills}
    params = [types.field(op, p, response=False) for p in op.parameters if p.name not in filled]
    _unique_attrs(op, params)
    response = [
        types.field(op, p, response=True)
        for p in op.response
        if snake(p.name) not in ("request_id", "raw")
    ]
    _unique_attrs(op, response)
    tokens = tuple(p.name for p in constraints.idempotency_tokens(op))
    named = (p.name for p in op.parameters if p.name in IDEMPOTENCY_TOKENS)
    token = tokens[0] if tokens else next(named, None)
    read_only = op.method.upper() == "GET" or op.name.startswith(READ_ONLY_PREFIXES)
    summary, description = op.summary.strip(), op.description.strip()
    doc_parts = [description] if description.startswith(summary) else [summary, description]
    return OperationData(
        name=op.name,
        method=snake(op.name),
        action=op.action or op.name,
        version=op.api_version,
        http_method=op.method.upper(),
        path=op.path,
        doc="\n\n".join(part for part in doc_parts if part),
        cite=cite(op.source),
        request_class=types.claim(op.name + "Request", op),
        response_class=types.claim(op.name + "Response", op),
        params=params,
        response=response,
        locations={p.name: p.location for p in op.parameters},
        fills=fills,
        retry_safe=read_only,
        idempotency_token=token,
        tokens=tokens,
        constant="_" + snake(op.name).upper(),
    )


def _unique_attrs(op: model.Operation, fields: list[FieldData]) -> None:
    seen: set[str] = {"self", "request_id", "raw"}
    for f in fields:
        while f.attr in seen:
            f.attr += "_"
        seen.add(f.attr)


# --- types: enums and nested dataclasses, shared across the package's operations -------------


@dataclass
class _Struct:
    name: str
    doc: str
    fields: dict[str, _StructField]
    in_response: bool
    in_request: bool


@dataclass
class _StructField:
    param: model.Parameter
    shape: tuple[str, str | None, str | None]  # (type, items, nested class): must agree
    required_everywhere: bool
    kind: Kind
    ref: str | None


@dataclass
class _Types:
    enums: dict[str, EnumData] = field(default_factory=dict)
    enum_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    structs: dict[str, _Struct] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def claim(self, name: str, op: model.Operation) -> str:
        if name in self.taken or name in self.enums or name in self.structs:
            raise fail(op.source.file, op.source.line, f"class name {name} is used twice")
        self.taken.add(name)
        return name

    def field(self, op: model.Operation, param: model.Parameter, response: bool) -> FieldData:
        kind, ref = self._kind(op, param, response)
        is_list = param.type == "array"
        return FieldData(
            attr=snake(param.name),
            wire=param.name,
            annotation=_annotation(kind, ref, is_list),
            required=param.required and not response,
            to_wire_form=_to_wire(kind, is_list),
            from_wire_form=_from_wire(kind, ref, is_list),
            doc=describe(param, request=not response),
            cite=cite(param.source),
            ref=ref,
        )

    def _kind(
        self, op: model.Operation, param: model.Parameter, response: bool
    ) -> tuple[Kind, str | None]:
        scalar = param.items if param.type == "array" else param.type
        if param.fields and scalar in ("object", None, "string"):
            return "struct", self._struct(op, param, response)
        if scalar == "object":
            return "dict", None
        if scalar is None:
            return "any", None
        if scalar == "string" and param.enum and param.enum.values:
            values = [v.value for v in param.enum.values]
            if all(isinstance(v, str) for v in values):
                return "enum", self._enum(op, param, [str(v) for v in values])
        return _SCALAR_KINDS.get(scalar, "any"), None

    def _enum(self, op: model.Operation, param: model.Parameter, values: list[str]) -> str:
        assert param.enum is not None
        for name in (pascal(param.name), pascal(op.name) + pascal(param.name)):
            known = self.enum_values.get(name)
            if known == tuple(values):
                return name
            if known is None and name not in self.structs and name not in self.taken:
                self.enum_values[name] = tuple(values)
                self.enums[name] = EnumData(
                    name=name,
                    doc=_enum_doc(param),
                    cite=cite(param.enum.source),
                    members=_members(values),
                )
                return name
        raise fail(param.source.file, param.source.line, f"no free enum name for {param.name}")

    def _struct(self, op: model.Operation, param: model.Parameter, response: bool) -> str:
        kinds = {f.name: self._kind(op, f, response) for f in param.fields}
        shape = {f.name: _shape(f, *kinds[f.name]) for f in param.fields}
        for name in (_struct_name(param), pascal(op.name) + _struct_name(param)):
            if name in self.enums or name in self.taken:
                continue
            known = self.structs.get(name)
            if known is None:
                self.structs[name] = _Struct(
                    name=name,
                    doc=param.description,
                    fields={},
                    in_response=response,
                    in_request=not response,
                )
                self._merge(self.structs[name], param, shape, kinds, first=True)
                return name
            if all(known.fields[k].shape == s for k, s in shape.items() if k in known.fields):
                known.in_response |= response
                known.in_request |= not response
                self._merge(known, param, shape, kinds, first=False)
                return name
        raise fail(param.source.file, param.source.line, f"no free class name for {param.name}")

    def _merge(
        self,
        struct: _Struct,
        param: model.Parameter,
        shape: dict[str, tuple[str, str | None, str | None]],
        kinds: dict[str, tuple[Kind, str | None]],
        first: bool,
    ) -> None:
        present = {f.name for f in param.fields}
        for name, existing in struct.fields.items():
            if name not in present:
                existing.required_everywhere = False
        for f in param.fields:
            if f.name in struct.fields:
                existing = struct.fields[f.name]
                existing.required_everywhere &= f.required
                if existing.kind != "enum" and kinds[f.name][0] == "enum":
                    existing.param = f  # the use that documents the values
                    existing.kind, existing.ref = kinds[f.name]
            else:
                struct.fields[f.name] = _StructField(
                    param=f,
                    shape=shape[f.name],
                    required_everywhere=f.required and first,
                    kind=kinds[f.name][0],
                    ref=kinds[f.name][1],
                )
        if not struct.doc and param.description:
            struct.doc = param.description

    def struct_data(self) -> list[StructData]:
        out: list[StructData] = []
        for struct in self.structs.values():
            fields: list[FieldData] = []
            for sf in struct.fields.values():
                # a dataclass used in answers cannot require a field the server may leave out
                required = sf.required_everywhere and not struct.in_response
                kind, ref = sf.kind, sf.ref
                is_list = sf.param.type == "array"
                fields.append(
                    FieldData(
                        attr=snake(sf.param.name),
                        wire=sf.param.name,
                        annotation=_annotation(kind, ref, is_list),
                        required=required,
                        to_wire_form=_to_wire(kind, is_list),
                        from_wire_form=_from_wire(kind, ref, is_list),
                        doc=describe(sf.param, request=not struct.in_response),
                        cite=cite(sf.param.source),
                    )
                )
            seen: set[str] = set()
            for fd in fields:
                while fd.attr in seen:
                    fd.attr += "_"
                seen.add(fd.attr)
            out.append(StructData(struct.name, struct.doc, fields, struct.in_response))
        return out


def _shape(
    param: model.Parameter, kind: Kind, ref: str | None
) -> tuple[str, str | None, str | None]:
    return (param.type, param.items, ref if kind == "struct" else None)


_SCALAR_KINDS: dict[str, Kind] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}
_PY_TYPES = {"str": "str", "int": "int", "float": "float", "bool": "bool"}


def _annotation(kind: Kind, ref: str | None, is_list: bool) -> str:
    if kind in _PY_TYPES:
        inner = _PY_TYPES[kind]
    elif kind == "enum":
        inner = f"{ref} | str"
    elif kind == "struct":
        inner = str(ref)
    elif kind == "dict":
        inner = "dict[str, object]"
    else:
        inner = "object"
    return f"list[{inner}]" if is_list else inner


def _to_wire(kind: Kind, is_list: bool) -> str:
    item = {"enum": "_enum_value({})", "struct": "{}.to_wire()"}.get(kind)
    if item is None:
        return "list({value})" if is_list else "{value}"
    if is_list:
        return "[" + item.format("item") + " for item in {value}]"
    return item.format("{value}")


def _from_wire(kind: Kind, ref: str | None, is_list: bool) -> str:
    if kind in _PY_TYPES:
        convert = f"_wire.as_{kind}"
    elif kind in ("enum", "struct"):
        convert = f"{ref}.from_value"
    elif kind == "dict":
        convert = "_wire.as_dict"
    else:
        return "{raw}"
    return f"_list_of({{raw}}, {convert})" if is_list else f"{convert}({{raw}})"


def _struct_name(param: model.Parameter) -> str:
    doc = (param.doc_type or "").strip()
    found = re.fullmatch(r"(?:Array of |List<)?\s*([A-Za-z_][A-Za-z0-9_]*)(?: objects?)?>?\??", doc)
    if found and found.group(1).lower() not in (
        "object",
        "objects",
        "struct",
        "string",
        "map",
        "array",
        "list",
        "dict",
    ):
        return pascal(found.group(1))
    return pascal(param.name)


def _members(values: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, value in enumerate(values):
        ident = re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper()
        if not ident:
            ident = f"VALUE_{index}"
        ident = py_identifier(ident)
        if ident.startswith("_"):
            ident = "V" + ident
        while ident in seen:
            ident += "_"
        seen.add(ident)
        out.append((ident, value))
    return out


def _enum_doc(param: model.Parameter) -> str:
    assert param.enum is not None
    lines = [f"Values of {param.name}.", ""]
    for v in param.enum.values:
        lines.append(f"- {v.value}: {v.description}" if v.description else f"- {v.value}")
    return "\n".join(lines)


# Docstrings state constraints in this order (then any other kind, in table order).
_DESCRIBE_ORDER = ("default", "range", "length", "enum", "pattern")


def describe(param: model.Parameter, request: bool = True) -> str:
    """The page's description of a parameter, then each constraint with its source."""
    lines: list[str] = []
    if param.description:
        lines.append(param.description)
    facts: list[str] = []
    if constraints.caller_required(param) and request:
        facts.append(f"Required ({cite(param.source)}).")
    for kind in constraints.in_order(_DESCRIBE_ORDER):
        said = kind.sentence(param)
        if said is not None:
            facts.append(f"{said[0]} ({_cite_quote(said[1])}).")
    if facts:
        lines.append("\n".join(facts))
    return "\n\n".join(lines)


def _cite_quote(source: model.Source) -> str:
    return cite(source) + (f': "{source.quote}"' if source.quote else "")


# --- errors ----------------------------------------------------------------------------------


def _errors(ops: list[model.Operation], proto: protocols.Protocol, base: str) -> list[ErrorData]:
    documented: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    for op in ops:
        for err in op.errors:
            text = err.meaning or err.message or ""
            line = f"{op.name}: {text}".rstrip(": ") + f" ({cite(err.source)})"
            documented.setdefault(err.code, []).append(line)
            meaning = (err.meaning or "").strip()
            if re.fullmatch(r"[A-Z][A-Za-z0-9]*(Fault|Exception)", meaning):
                aliases.setdefault(err.code, [])
                if meaning not in aliases[err.code]:
                    aliases[err.code].append(meaning)
    for answer in proto.general_answers:
        documented.setdefault(answer.code, []).append(
            f"Answered by the {proto.name} protocol (HTTP {answer.status})."
        )
    out: list[ErrorData] = []
    used = {base, "ServiceError"}
    for code in sorted(documented):
        name = _error_class(code)
        while name in used:
            name = name[: -len("Error")] + "_Error" if name.endswith("Error") else name + "_"
        used.add(name)
        alias_names = [a for a in aliases.get(code, []) if a not in used]
        used.update(alias_names)
        lines = list(dict.fromkeys(documented[code]))
        out.append(ErrorData(code=code, name=name, doc="\n".join(lines), aliases=alias_names))
    return out


def _error_class(code: str) -> str:
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", code) if p]
    name = "".join(p[0].upper() + p[1:] for p in parts) or "Unknown"
    if name[0].isdigit():
        name = "E" + name
    if not name.endswith("Error"):
        name += "Error"
    return name
