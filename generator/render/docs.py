"""Markdown reference: docs/<provider>.md, one page per provider, every operation on it.

For each operation: how it travels (method and path, or the action and where it goes), its
parameters (name, location, type, required, constraints, default, description and the page
line each fact came from), rules, quotas, rate limits, the success status and response
fields, error codes and statuses, examples and what the reader could not model.

The renderer prepares plain data; the template formats it. Page text is never pre-escaped
here: the template passes every piece through a Markdown filter (`md`, `mdcell`, `mdcode`,
`mdfence`, and the two below), so doc text can never become markup or HTML.
"""

from __future__ import annotations

import re
from typing import Any

from .. import model, protocols
from ..constraints import caller_required, in_order
from . import Context, by_provider
from .openapi import list_member

TARGET = "docs"


# --- plain data for the template -----------------------------------------------------------


def _where(source: model.Source, page: str) -> str:
    """A source as the table shows it: the line alone when it is on the operation's page."""
    if source.file == page:
        text = f"line {source.line}"
    else:
        text = f"{source.file}:{source.line}"
    return text if source.origin == "stated" else f"{text} ({source.origin})"


# The docs table lists constraints in this order (then any other kind, in table order).
_DOC_ORDER = ("range", "length", "pattern", "enum")


def _constraints(param: model.Parameter, page: str) -> tuple[list[list[dict[str, str]]], list[str]]:
    """Each constraint as segments ({"text"} or {"code"}), and where each came from."""
    out: list[list[dict[str, str]]] = []
    sources: list[str] = []
    for kind in in_order(_DOC_ORDER):
        segments = kind.doc(param)
        if segments is None:
            continue
        out.append(segments)
        trait = kind.value(param)
        source = trait.source if kind.sourced else param.source
        sources.append(f"{kind.name}: " + _where(source, page))
    return out, sources


def _parameter_rows(
    params: list[model.Parameter], page: str, on_create: set[str], member: str | None = None
) -> list[dict[str, Any]]:
    """Table rows, nested fields as dotted names; `member`: how a flat wire spells list
    elements ("{name}.member.{n}"), shown for top-level lists."""
    rows: list[dict[str, Any]] = []
    for path, param in model.walk_parameters(params):
        constraints, sources = _constraints(param, page)
        if member and param.type == "array" and "." not in path:
            base = path[:-2] if path.endswith(".N") else path
            constraints.insert(0, [{"text": "sent as "}, {"code": member.format(name=base, n="N")}])
        default = None
        if param.default is not None and param.default.value is not None:
            # shown as a code span; the empty string needs its quotes to be seen at all
            default = '""' if param.default.value == "" else param.default.value
            sources.append("default: " + _where(param.default.source, page))
        type_text: str = param.type
        if param.type == "array" and param.items:
            type_text = f"array of {param.items}"
        if caller_required(param):
            required = "yes"
        elif path in on_create:
            required = "on create"
        else:
            required = "no"
        rows.append(
            {
                "name": path,
                "location": param.location,
                "type": type_text,
                "doc_type": (
                    param.doc_type if param.doc_type and param.doc_type != param.type else None
                ),
                "required": required,
                "constraints": constraints,
                "default": default,
                "description": param.description,
                "example": param.example,
                "sources": [_where(param.source, page), *sources],
            }
        )
    return rows


_RULE_WORDS = {
    "mutually_exclusive": "At most one of",
    "requires": "When given,",
    "one_of": "At least one group of",
    "required_on_create": "Required when the call creates the resource:",
}


def _rules(op: model.Operation, page: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rule in op.rules:
        item: dict[str, Any] = {"kind": rule.kind, "lead": _RULE_WORDS[rule.kind]}
        item["parameters"] = list(rule.parameters)
        item["requires"] = list(rule.requires)
        item["groups"] = [list(g) for g in rule.groups]
        item["description"] = rule.description
        item["source"] = _where(rule.source, page)
        item["quote"] = rule.source.quote
        out.append(item)
    return out


def _wire(op: model.Operation, proto: protocols.Protocol) -> dict[str, Any]:
    """How the call travels, as parts the template formats."""
    if not proto.rpc:
        return {"method": op.method, "path": op.path, "carried": []}
    carried: list[dict[str, str | None]] = [
        {"key": proto.action_key, "value": op.action or op.name, "where": proto.action_in}
    ]
    if proto.version_key:
        carried.append(
            {"key": proto.version_key, "value": op.api_version, "where": proto.action_in}
        )
    for header in proto.extra_headers:
        carried.append({"key": header, "value": None, "where": "header"})
    return {"method": op.method, "path": "/", "carried": carried}


def _operation(op: model.Operation) -> dict[str, Any]:
    proto = protocols.for_operation(op)
    page = op.source.file
    on_create = {n for r in op.rules if r.kind == "required_on_create" for n in r.parameters}
    success_source = op.provenance.get("success_status")
    return {
        "name": op.name,
        "anchor": re.sub(r"[^a-z0-9_-]", "", op.name.lower()),
        "title": op.title,
        "summary": op.summary,
        "description": _rest_of(op.description, op.summary),
        "page": page,
        "protocol": proto.name,
        "signer": proto.signer,
        "api_version": op.api_version,
        "endpoint": op.endpoint,
        "wire": _wire(op, proto),
        "media_type": proto.media_type,
        "parameters": _parameter_rows(op.parameters, page, on_create, list_member(proto)),
        "rules": _rules(op, page),
        "quotas": [
            {
                "limit": q.limit,
                "resource": q.resource,
                "scope": q.scope,
                "description": q.description,
                "source": _where(q.source, page),
                "quote": q.source.quote,
            }
            for q in op.quotas
        ],
        "rate_limits": [
            {
                "requests": r.requests,
                "per_seconds": r.per_seconds,
                "source": _where(r.source, page),
                "quote": r.source.quote,
            }
            for r in op.rate_limits
        ],
        "success_status": op.success_status,
        "success_source": _where(success_source, page) if success_source else None,
        "result_wrapper": op.result_wrapper,
        "response": _parameter_rows(op.response, page, set()),
        "errors": [
            {
                "code": e.code,
                "status": e.status,
                "message": e.message,
                "meaning": e.meaning,
                "source": _where(e.source, page),
            }
            for e in op.errors
        ],
        "statuses": [
            {
                "status": s.status,
                "reason": s.reason,
                "meaning": s.meaning,
                "source": _where(s.source, page),
            }
            for s in op.statuses
        ],
        "protocol_errors": _protocol_errors(proto),
        "examples": [
            {
                "kind": e.kind,
                "format": e.format,
                "title": e.title,
                "body": e.body,
                "source": _where(e.source, page),
            }
            for e in op.examples
        ],
        "links": [{"text": link.text, "target": link.target} for link in op.links],
        "notes": list(op.notes),
    }


def _rest_of(description: str, summary: str) -> str:
    """The description without the summary the page opens it with (shown just above)."""
    text, head = description.strip(), summary.strip()
    if head and text.startswith(head):
        return text[len(head) :].strip()
    return text


def _protocol_errors(proto: protocols.Protocol) -> list[dict[str, Any]]:
    """What a server of the protocol answers to invalid requests, which pages rarely say."""
    seen: dict[tuple[str, int], list[str]] = {}
    messages: dict[tuple[str, int], str] = {}
    for kind, answer in proto.validation.items():
        key = (answer.code, answer.status)
        seen.setdefault(key, []).append(kind)
        messages.setdefault(key, answer.message)
    return [
        {"code": code, "status": status, "kinds": kinds, "message": messages[(code, status)]}
        for (code, status), kinds in seen.items()
    ]


def page_data(provider: str, ops: list[model.Operation]) -> dict[str, Any]:
    services = sorted({op.service for op in ops})
    versions = sorted({op.api_version for op in ops})
    return {
        "provider": provider,
        "services": services,
        "versions": versions,
        "operations": [_operation(op) for op in ops],
    }


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    return {
        f"docs/{provider}.md": ctx.render(
            "docs/provider.md.j2", **page_data(provider, ops)
        ).encode()
        for provider, ops in by_provider(operations).items()
    }
