"""OpenAPI 3.1: one document per provider, generated/openapi/<provider>.yaml.

The document describes the real wire, as the operation's `Protocol` (generator/protocols/)
says it travels; nothing here knows a protocol or a cloud by name:

- Not `rpc`: each page's method and path template; path parameters in the URL, query
  parameters for the query tables, a body of the body parameters.
- `rpc` protocols share one endpoint, but OpenAPI keys operations by path, so every operation
  gets the fragment path `Protocol.openapi_path(op)` (`/#Action=PutLifecycleHook`). HTTP
  clients drop the fragment, so requests still go to `/`; the action (and version) travel
  where `action_in` puts them, each as a required enum of one value with that value as
  default:
  - in the body: fields of the form body, beside the parameters;
  - in the query: query parameters; the operation's own parameters are one object parameter
    exploded into the query (style form, explode true), which puts each member on the query
    string under its own name and lets the rules between them be JSON Schema keywords;
  - in headers: header parameters (with the protocol's `extra_headers`), and the body.
- Flat wires (`list_member` set: form, query) carry lists one field per element and
  structures one field per member: `Names.member.1`, `Names.1`, `Target.Key`. Those fields are
  described by `patternProperties`; `propertyNames` keeps the object closed to other names,
  and `additionalProperties` is a string schema only so that generated clients can still set
  element fields. `x-specgen-wire` records each list's encoding and its item bounds.

Every constraint is a JSON Schema keyword (via `schema.py`, shared with the jsonschema and
validators targets); what JSON Schema cannot say is an extension:
`x-specgen-source` (the operation's provenance), `x-specgen-quotas`, `x-specgen-rate-limits`,
`x-specgen-rules`, `x-specgen-errors`, `x-specgen-statuses`, `x-specgen-examples`,
`x-specgen-notes`, and per schema `x-source`, `x-rules` etc. (see schema.py). Request
parameters state their default as `x-default`, not `default`: see `_request_side`.

Responses: the success status with the body from `op.response` in the protocol's envelope
(`Protocol.success_envelope`), and for errors every documented code (and every status the page
lists) with the protocol's error envelope (`error_envelope_schema`); codes and messages as
examples (`error_example`). The protocol's general answers (validation,
authentication, throttling, unknown action, internal error, request too large) are listed
too, marked `x-specgen-origin: protocol`, because a server of the protocol gives them. An error
whose HTTP status neither the page nor the protocol fixes goes under `default`. A protocol
that answers everything with one HTTP status has that status as a oneOf of the success and
the error envelope.

Security: one apiKey scheme per signer, naming where the signature travels.

The documents are built as plain data here and emitted by PyYAML inside the template
(`yamlblock`), so no page text is ever spliced into YAML by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from .. import model, protocols
from ..errors import fail
from . import Context, by_provider
from . import schema as js
from .filters import pascal

TARGET = "openapi"
OPENAPI_VERSION = "3.1.0"


def list_member(proto: protocols.Protocol) -> str | None:
    """How a flat wire spells element N of list `name` (None: the wire is JSON)."""
    return proto.list_member


def _signature_place(proto: protocols.Protocol) -> tuple[str, str]:
    """Where the signature travels: (`in`, name) of the apiKey scheme. RPC protocols that carry
    the action in the query sign in the query too (RPC signature v1)."""
    return proto.signature_in, proto.signature_key


# --- YAML emission -------------------------------------------------------------------------


# --- schemas for flat wires (form, query) --------------------------------------------------


def _member_regex(member: str, name_regex: str) -> str:
    """The field-name pattern of any element of a list: `member` with `{name}` replaced by
    `name_regex` and `{n}` by an index from 1, the rest matched literally."""
    parts = re.split(r"(\{name\}|\{n\})", member)
    return "".join(
        name_regex if part == "{name}" else "[1-9][0-9]*" if part == "{n}" else re.escape(part)
        for part in parts
    )


def _flat_object(
    params: list[model.Parameter], rules: list[model.Rule], member: str, fixed: dict[str, Any]
) -> dict[str, Any]:
    """The parameters as the flat wire sees them: one field per scalar, list element and
    structure member. `fixed` are fields that come first (Action, Version)."""
    properties: dict[str, Any] = dict(fixed)
    patterns: dict[str, Any] = {}
    required = list(fixed)
    wire: dict[str, Any] = {}

    def add(param: model.Parameter, literal: str | None, regex: str, required_here: bool) -> None:
        # literal: the field name when it is fixed; regex: the (escaped) name pattern
        if param.type == "array":
            base_lit = literal[:-2] if literal and literal.endswith(".N") else literal
            base_re = regex[: -len(re.escape(".N"))] if regex.endswith(re.escape(".N")) else regex
            element_re = _member_regex(member, base_re)
            item = _request_side(js.parameter_schema(param))
            items = item["items"]
            if "description" in item and "description" not in items:
                head = {k: v for k, v in items.items() if k == "type"}
                items = {**head, "description": item["description"], **items}
            if base_lit is not None:
                note: dict[str, Any] = {"wire": member.format(name=base_lit, n="N")}
                if required_here:
                    note["required"] = True
                for key in ("minItems", "maxItems"):
                    if key in item:
                        note[key] = item[key]
                note["source"] = item["x-source"]
                wire[base_lit] = note
                if required_here:  # a required list has at least its first element
                    required.append(member.format(name=base_lit, n=1))
            if items.get("type") == "object" and param.fields:
                for field in param.fields:
                    add(field, None, element_re + re.escape("." + field.name), False)
            else:
                patterns[f"^{element_re}$"] = items
            return
        if param.type == "object" and param.fields:
            for field in param.fields:
                sub_lit = f"{literal}.{field.name}" if literal is not None else None
                add(
                    field,
                    sub_lit,
                    regex + re.escape("." + field.name),
                    required_here and field.required,
                )
            return
        field_schema = _request_side(js.parameter_schema(param))
        if literal is not None:
            properties[literal] = field_schema
            if required_here:
                required.append(literal)
        else:
            patterns[f"^{regex}$"] = field_schema

    for param in params:
        add(param, param.name, re.escape(param.name), param.required)
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if patterns:
        out["patternProperties"] = patterns
        # closed to other names, yet open enough for generated clients to set element fields
        out["propertyNames"] = {
            "anyOf": [{"enum": list(properties)}, *({"pattern": p} for p in patterns)]
        }
        out["additionalProperties"] = {"type": "string"}
    else:
        out["additionalProperties"] = False
    if required:
        out["required"] = required
    out.update(js.rule_keywords(rules, [n for n in properties if n not in fixed]))
    if wire:
        out["x-specgen-wire"] = wire
    return out


def _request_side(schema: dict[str, Any]) -> dict[str, Any]:
    """A request schema with each parameter's `default` stated as `x-default` instead.

    openapi-python-client makes a default the attribute's initial value and sends it on
    every call. That would break rules (Tencent's NotificationMetadata defaults to "" yet
    excludes LifecycleCommand) and make a create-or-update call (PutLifecycleHook) reset
    fields the caller never mentioned. The default stays documented, with its source."""
    out = {("x-default" if key == "default" else key): value for key, value in schema.items()}
    for key in ("properties", "patternProperties"):
        if isinstance(out.get(key), dict):
            out[key] = {name: _request_side(sub) for name, sub in out[key].items()}
    if isinstance(out.get("items"), dict):
        out["items"] = _request_side(out["items"])
    return js.keywords_first(out)


def _one_value(value: str, what: str) -> dict[str, Any]:
    return {"type": "string", "enum": [value], "default": value, "description": what}


# --- responses -----------------------------------------------------------------------------


def _error_component(proto: protocols.Protocol) -> tuple[str, dict[str, Any], str]:
    """(component name, schema, media type) of the protocol's error envelope."""
    return pascal(proto.name) + "Error", proto.error_envelope_schema(), proto.error_media_type


def _success_body(op: model.Operation, proto: protocols.Protocol) -> dict[str, Any] | None:
    """The success body schema in the protocol's envelope; None: no body."""
    return proto.success_envelope(op, js.object_schema(op.response))


def _uniform_status(proto: protocols.Protocol) -> int | None:
    """The one HTTP status every answer of the protocol has, if there is one."""
    statuses = {a.status for a in proto.general_answers}
    return statuses.pop() if len(statuses) == 1 else None


def _protocol_answers(proto: protocols.Protocol) -> list[tuple[str, protocols.ErrorAnswer]]:
    """The protocol's general answers, one per (code, status), each with what it answers."""
    kinds: dict[tuple[str, int], list[str]] = {}
    first: dict[tuple[str, int], protocols.ErrorAnswer] = {}
    for kind, answer in proto.validation.items():
        key = (answer.code, answer.status)
        kinds.setdefault(key, []).append(kind)
        first.setdefault(key, answer)
    out = [(f"invalid request ({', '.join(kinds[key])})", first[key]) for key in kinds]
    seen = set(kinds)
    for what, answer in (
        ("authentication failed", proto.auth_error),
        ("throttled", proto.throttle_error),
        ("unknown action or path", proto.not_found_error),
        ("internal error", proto.internal_error),
        ("request too large", proto.too_large_error),
    ):
        if (answer.code, answer.status) not in seen:
            seen.add((answer.code, answer.status))
            out.append((what, answer))
    return out


def _responses(
    op: model.Operation, proto: protocols.Protocol, error_ref: str, error_media: str
) -> dict[str, Any]:
    uniform = _uniform_status(proto)
    # status ("default" when unknown) -> [(code, message, meaning, origin)]
    by_status: dict[str, list[dict[str, Any]]] = {}
    reasons: dict[str, list[str]] = {}
    for err in op.errors:
        status = err.status or uniform
        key = str(status) if status else "default"
        by_status.setdefault(key, []).append(
            {"code": err.code, "message": err.message, "meaning": err.meaning, "origin": "page"}
        )
    for st in op.statuses:
        reasons.setdefault(str(st.status), []).append(
            ": ".join(x for x in (st.reason, st.meaning) if x) or f"HTTP {st.status}"
        )
        by_status.setdefault(str(st.status), [])
    documented = {(e["code"], k) for k, errs in by_status.items() for e in errs}
    for what, answer in _protocol_answers(proto):
        key = str(answer.status)
        if (answer.code, key) in documented:
            continue
        documented.add((answer.code, key))
        by_status.setdefault(key, []).append(
            {"code": answer.code, "message": answer.message, "meaning": what, "origin": "protocol"}
        )

    success_key = str(op.success_status)
    success_schema = _success_body(op, proto)
    media = proto.error_media_type  # every protocol here answers in one media type
    responses: dict[str, Any] = {}
    success: dict[str, Any] = {"description": "Success."}
    success_examples = _media_examples(op, "response", media)
    merged_errors = by_status.pop(success_key, [])
    if success_schema is not None:
        body: dict[str, Any] = _as_text(success_schema, media)
        if merged_errors:
            # the error first: a client that tries the alternatives in order must not read
            # an error as a success whose fields are all absent
            body = {"oneOf": [{"$ref": error_ref}, success_schema]}
            success["description"] = (
                "Success, or an error in the error envelope (same HTTP status)."
            )
        content: dict[str, Any] = {"schema": body}
        examples = dict(success_examples)
        examples.update(_code_examples(proto, merged_errors))
        if examples:
            content["examples"] = examples
        success["content"] = {media: content}
    if merged_errors:
        success["x-specgen-errors"] = [_plain(e) for e in merged_errors]
    responses[success_key] = success

    def order(key: str) -> tuple[int, str]:
        return (1, key) if key == "default" else (0, key)

    for key in sorted(by_status, key=order):
        errs = by_status[key]
        lines = reasons.get(key, [])
        if errs:
            codes = ", ".join(e["code"] for e in errs)
            lines = [*lines, f"Error codes: {codes}."]
        if key == "default":
            lines = ["Errors the page documents without an HTTP status.", *lines]
        response: dict[str, Any] = {"description": "\n\n".join(lines) or "Error."}
        content = {"schema": _as_text({"$ref": error_ref}, error_media)}
        examples = _code_examples(proto, errs)
        if examples:
            content["examples"] = examples
        response["content"] = {error_media: content}
        if errs:
            response["x-specgen-errors"] = [_plain(e) for e in errs]
        responses[key] = response
    return responses


def _as_text(schema: dict[str, Any], media: str) -> dict[str, Any]:
    """An XML body: its structure (with `xml` names) or, for clients that do not map XML to
    objects (openapi-python-client hands `response.text` to the schema's parser), the text."""
    if not media.endswith("xml"):
        return schema
    text = {"type": "string", "description": "The XML document as text."}
    return {"anyOf": [schema, text]}


def _plain(err: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in err.items() if v is not None}


def _code_examples(proto: protocols.Protocol, errs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for err in errs:
        entry: dict[str, Any] = {"summary": err["meaning"] or err["code"]}
        entry["value"] = proto.error_example(err["code"], err["message"])
        out[err["code"]] = entry
    return out


def _media_examples(op: model.Operation, kind: str, media: str) -> dict[str, Any]:
    """The page's examples of `kind` that are bodies of `media` (JSON that parses, XML)."""
    out: dict[str, Any] = {}
    for index, ex in enumerate((e for e in op.examples if e.kind == kind), start=1):
        value: Any
        if media == "application/json" and ex.format == "json":
            try:
                value = json.loads(ex.body)
            except ValueError:
                continue
        elif media == "text/xml" and ex.format == "xml":
            value = ex.body
        else:
            continue
        entry: dict[str, Any] = {"summary": ex.title or f"{kind} example {index}"}
        entry["value"] = value
        entry["x-source"] = js.source_text(ex.source)
        out[f"{kind}{index}"] = entry
    return out


# --- operations ----------------------------------------------------------------------------


def _parameter(param: model.Parameter, location: str) -> dict[str, Any]:
    schema = _request_side(js.parameter_schema(param))
    out: dict[str, Any] = {"name": param.name, "in": location}
    description = schema.pop("description", None)
    if description:
        out["description"] = description
    out["required"] = True if location == "path" else param.required
    out["schema"] = schema
    return out


def _path_names(path: str) -> list[str]:
    return re.findall(r"\{([^{}]+)\}", path)


def _operation(
    op: model.Operation, proto: protocols.Protocol, components: dict[str, Any]
) -> dict[str, Any]:
    err_name, err_schema, err_media = _error_component(proto)
    components.setdefault(err_name, err_schema)
    error_ref = f"#/components/schemas/{err_name}"

    out: dict[str, Any] = {"operationId": op.name}
    summary = (op.summary or op.title or op.name).strip().split("\n")[0]
    out["summary"] = summary
    if op.description:
        out["description"] = op.description
    parameters: list[dict[str, Any]] = []
    body: dict[str, Any] | None = None
    action = op.action or op.name
    member = list_member(proto)

    fixed: dict[str, Any] = {}
    if proto.rpc:
        action_schema = _one_value(action, f"The action: always {action}.")
        version_schema = _one_value(op.api_version, f"The API version: always {op.api_version}.")
        if proto.action_in == "body":
            fixed[proto.action_key] = action_schema
            if proto.version_key:
                fixed[proto.version_key] = version_schema
        else:
            where = proto.action_in
            parameters.append(
                {"name": proto.action_key, "in": where, "required": True, "schema": action_schema}
            )
            if proto.version_key:
                parameters.append(
                    {
                        "name": proto.version_key,
                        "in": where,
                        "required": True,
                        "schema": version_schema,
                    }
                )
        for header in proto.extra_headers:
            parameters.append(
                {
                    "name": header,
                    "in": "header",
                    "required": True,
                    "description": f"Sent with every call of the {proto.name} protocol.",
                    "schema": {"type": "string"},
                }
            )

    declared = {p.name for p in op.parameters if p.location == "path"}
    for name in _path_names(op.path) if not proto.rpc else []:
        if name not in declared:
            template = op.provenance.get("path", op.source)
            parameters.append(
                {
                    "name": name,
                    "in": "path",
                    "required": True,
                    "description": "Named by the path template; the page's parameter table does not list it.",
                    "schema": {
                        "type": "string",
                        "x-source": {"parameter": js.source_text(template)},
                    },
                }
            )
    for param in op.parameters:
        if param.location == "path":
            if proto.rpc or param.name not in _path_names(op.path):
                raise fail(
                    param.source.file,
                    param.source.line,
                    f"path parameter {param.name!r} is not in the path {op.path!r}",
                )
            parameters.append(_parameter(param, "path"))
        elif param.location == "header":
            parameters.append(_parameter(param, "header"))

    carried = [p for p in op.parameters if p.location not in ("path", "header")]
    if member is not None:  # a flat wire: form body or query string
        flat = _flat_object(carried, op.rules, member, fixed)
        if proto.media_type:
            body = {"required": True, "content": {proto.media_type: {"schema": flat}}}
        elif carried:
            parameters.append(
                {
                    "name": "parameters",
                    "in": "query",
                    "description": "The operation's parameters, each on the query string under its own name.",
                    "required": any(p.required for p in carried),
                    "style": "form",
                    "explode": True,
                    "schema": flat,
                }
            )
    else:
        in_query = [p for p in carried if p.location == "query"]
        in_body = [p for p in carried if p.location == "body"]
        for param in in_query:
            parameters.append(_parameter(param, "query"))
        if in_body or (proto.rpc and proto.media_type):
            schema = _request_side(js.object_schema(in_body, op.rules, closed=True))
            if not in_body:
                schema["additionalProperties"] = False
            content: dict[str, Any] = {"schema": schema}
            examples = _media_examples(op, "request", proto.media_type or "application/json")
            if examples:
                content["examples"] = examples
            body = {
                "required": any(p.required for p in in_body) or proto.rpc,
                "content": {proto.media_type or "application/json": content},
            }
    if parameters:
        out["parameters"] = parameters
    if body is not None:
        out["requestBody"] = body
    out["responses"] = _responses(op, proto, error_ref, err_media)
    out["security"] = [{proto.signer: []}]

    sources = {"operation": js.source_text(op.source)}
    sources.update({k: js.source_text(v) for k, v in op.provenance.items()})
    out["x-specgen-source"] = sources
    if op.rules:
        out["x-specgen-rules"] = [js.rule_record(r) for r in op.rules]
    if op.quotas:
        out["x-specgen-quotas"] = [_quota(q) for q in op.quotas]
    if op.rate_limits:
        out["x-specgen-rate-limits"] = [
            {
                "requests": r.requests,
                "per_seconds": r.per_seconds,
                "source": js.source_text(r.source),
            }
            for r in op.rate_limits
        ]
    if op.errors:
        out["x-specgen-errors"] = [_error_record(e) for e in op.errors]
    if op.statuses:
        out["x-specgen-statuses"] = [_status_record(s) for s in op.statuses]
    if op.examples:
        out["x-specgen-examples"] = [_example_record(e) for e in op.examples]
    if op.notes:
        out["x-specgen-notes"] = list(op.notes)
    return out


def _quota(q: model.Quota) -> dict[str, Any]:
    out: dict[str, Any] = {"resource": q.resource, "scope": q.scope, "limit": q.limit}
    if q.description:
        out["description"] = q.description
    out["source"] = js.source_text(q.source)
    return out


def _error_record(e: model.ErrorCode) -> dict[str, Any]:
    out: dict[str, Any] = {"code": e.code}
    for key in ("status", "message", "meaning"):
        value = getattr(e, key)
        if value is not None:
            out[key] = value
    out["source"] = js.source_text(e.source)
    return out


def _status_record(s: model.Status) -> dict[str, Any]:
    out: dict[str, Any] = {"status": s.status}
    if s.reason:
        out["reason"] = s.reason
    if s.meaning:
        out["meaning"] = s.meaning
    out["source"] = js.source_text(s.source)
    return out


def _example_record(e: model.Example) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": e.kind, "format": e.format}
    if e.title:
        out["title"] = e.title
    out["body"] = e.body
    out["source"] = js.source_text(e.source)
    return out


# --- the document --------------------------------------------------------------------------


def _mapping_text(protos: Iterable[protocols.Protocol]) -> list[str]:
    lines: list[str] = []
    for proto in protos:
        head = f"Wire protocol {proto.name}, signed with {proto.signer}."
        member = list_member(proto)
        if not proto.rpc:
            lines.append(
                f"{head} Each operation has the method and path template of its page; path "
                "parameters travel in the URL, query parameters in the query string, the "
                f"other parameters as a {proto.media_type} body."
            )
        else:
            where = {
                "body": f"as fields of the {proto.media_type} body",
                "query": "in the query string",
                "header": "in headers",
                "path": "in the path",
            }[proto.action_in]
            text = (
                f"{head} Every call goes to `/`. OpenAPI needs a path per operation, so each one "
                f"is keyed `/#{proto.action_key}=<action>` (the fragment-path convention); HTTP "
                f"clients drop the fragment. `{proto.action_key}`"
                + (f" and `{proto.version_key}`" if proto.version_key else "")
                + f" travel {where}, each pinned by an enum of one value."
            )
            if proto.extra_headers:
                text += (
                    " Every call also sends "
                    + ", ".join(f"`{h}`" for h in proto.extra_headers)
                    + "."
                )
            if member is not None and proto.media_type:
                text += f" The parameters are fields of the {proto.media_type} body."
            elif member is not None:
                text += (
                    " The parameters travel in the query string, described as one object "
                    "parameter exploded into it (style form, explode true)."
                )
            else:
                text += f" The parameters are the {proto.media_type} body."
            lines.append(text)
        if member is not None:
            lines.append(
                "The wire is flat: element N (from 1) of list `Name` is the field "
                f"`{member.format(name='Name', n='N')}`, member `Key` of structure `Name` is "
                "`Name.Key`; patternProperties describe them and `x-specgen-wire` records each "
                "list's encoding and bounds."
            )
        if _uniform_status(proto) is not None:
            lines.append(
                f"Every answer has HTTP {_uniform_status(proto)}; an error is told apart by its "
                "envelope, so the success response is a oneOf of the answer and the error."
            )
    return lines


def _info(
    provider: str, ops: list[model.Operation], protos: list[protocols.Protocol]
) -> dict[str, Any]:
    services = sorted({op.service for op in ops})
    versions = sorted({op.api_version for op in ops})
    paragraphs = [
        f"The {provider} {', '.join(services)} API as its documentation pages describe it, "
        f"generated by specgen from specs/{provider}/ (extracted from sources/{provider}/). Do "
        "not edit: change the specs or overlays and regenerate.",
        *_mapping_text(protos),
        "Every constraint is a JSON Schema keyword; `x-source` on a schema names the page line "
        "each one was read from (`file:line (stated|inferred|human)`). What JSON Schema cannot "
        "say is an extension: `x-specgen-rules`, `x-specgen-quotas`, `x-specgen-rate-limits`, "
        "`x-specgen-errors`, `x-specgen-statuses`, `x-specgen-examples`, `x-specgen-source`, "
        "`x-required-on-create`, `x-length-unit`, `x-unit`, `x-enum-descriptions`; a request "
        "parameter's default is `x-default`, so that generated clients do not send it unasked.",
        "Error responses list the codes the page documents and the protocol's general answers "
        "(marked `origin: protocol` in `x-specgen-errors`); `default` holds documented codes "
        "whose HTTP status is not known.",
    ]
    return {
        "title": f"{provider} {' '.join(services)} API",
        "version": ", ".join(versions),
        "description": "\n\n".join(paragraphs),
    }


def _servers(ops: list[model.Operation]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for endpoint in sorted({op.endpoint for op in ops if op.endpoint}):
        if "{" in endpoint or "}" in endpoint or any(c.isspace() for c in endpoint):
            continue  # a placeholder ("https://{Endpoint}"): no URL to state
        url = endpoint if "://" in endpoint else f"https://{endpoint}"
        out.append({"url": url, "description": "The request domain the pages document."})
    return out


def build_document(provider: str, ops: list[model.Operation]) -> dict[str, Any]:
    """The OpenAPI document of one provider as plain data (keys in output order)."""
    protos: list[protocols.Protocol] = []
    for op in ops:
        proto = protocols.for_operation(op)
        if proto not in protos:
            protos.append(proto)
    components: dict[str, Any] = {}
    paths: dict[str, dict[str, Any]] = {}
    for op in ops:
        proto = protocols.for_operation(op)
        key = proto.openapi_path(op)
        method = op.method.lower()
        if method in paths.get(key, {}):
            other = paths[key][method]["operationId"]
            raise fail(
                op.source.file,
                op.source.line,
                f"{op.name} has the same method and path as {other}: {op.method} {key}",
            )
        paths.setdefault(key, {})[method] = _operation(op, proto, components)
    schemes: dict[str, Any] = {}
    for proto in protos:
        where, name = _signature_place(proto)
        note = proto.signer_description
        schemes[proto.signer] = {
            "type": "apiKey",
            "in": where,
            "name": name,
            "description": (note + " " if note else "")
            + f"Declared as an apiKey in the {where} `{name}` because OpenAPI has no scheme for "
            "request signatures; the value is computed per request.",
        }
    doc: dict[str, Any] = {"info": _info(provider, ops, protos)}
    servers = _servers(ops)
    if servers:
        doc["servers"] = servers
    doc["paths"] = dict(sorted(paths.items()))
    doc["components"] = {"schemas": dict(sorted(components.items())), "securitySchemes": schemes}
    return doc


def render_document(provider: str, ops: list[model.Operation], ctx: Context) -> str:
    doc = build_document(provider, ops)
    return ctx.render("openapi/document.yaml.j2", provider=provider, openapi=OPENAPI_VERSION, **doc)


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    return {
        f"openapi/{provider}.yaml": render_document(provider, ops, ctx).encode()
        for provider, ops in by_provider(operations).items()
    }
