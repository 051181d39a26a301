"""Model parameters and rules -> JSON Schema 2020-12, shared by the openapi, jsonschema and
validators targets so that all three state the same constraints in the same words.

Which constraints exist and how each becomes keywords is the table in `generator.constraints`
(`format: date-time`; nullable as `type: [X, "null"]`; ...); this module lays them out.

API (plain functions, every result a fresh dict in a stable key order):

    source_text(source)           "sources/x.rst:41 (stated)": how provenance is written
    parameter_schema(param)       one parameter: type, description, enum, default, bounds,
                                  pattern, items / properties; constraints that concern the
                                  elements of an array go into `items`
    object_schema(params, rules)  an object whose properties are `params`, with `required`
                                  and the rules that JSON Schema can say as keywords
    rule_keywords(rules, names)   just the rule keywords, for rules over `names`
    request_schema(op)            the whole request as validators see it: wire names, typed
                                  values, every location merged (Huawei path + query + body)
    rule_record(rule)             one rule as plain data with its source (for x- lists)
    keywords_first(schema)        the same schema, JSON Schema keywords before x- extensions

How rules become keywords (over top-level names; a rule that names anything else stays in
`x-rules` only):
    requires            dependentRequired: {a: [b, ...]}
    mutually_exclusive  allOf: [{not: {required: [a, b]}}] for every pair
    one_of              anyOf: [{required: group}, ...]
    required_on_create  x-required-on-create: [names] (only a stateful server can check it)

Extensions, for what JSON Schema cannot say (validators ignore unknown keywords):
    x-source             {keyword: "file:line (origin)"}: where each constraint was read;
                         "parameter" is the row that declared the parameter (type, required)
    x-doc-type           the type as the page spells it
    x-unit               the unit of a range ("seconds")
    x-range              {min, max} of a range stated for a non-numeric parameter
    x-length-unit        "bytes" when the page counts bytes (JSON Schema counts characters)
    x-enum-descriptions  {value: what the page says it means}
    x-pattern-description  the page's words for the pattern
    x-idempotency-token  true: the client fills it in when the caller does not (never required)
    x-rules              every rule: kind, parameters, requires, groups, description, source
    x-required-on-create names required when the call creates the resource

Values from the page that do not fit the parameter's type (an example "asg-****" of an integer,
a default that breaks the documented pattern) are left out of the schema rather than stated
wrongly; the docs still show the page's text.
"""

from __future__ import annotations

import itertools
from typing import Any

from .. import constraints, model

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Schemas publish the value kinds in this key order (then any other kind, in table order).
_VALUE_ORDER = ("enum", "range", "length", "pattern")

source_text = constraints.source_text


def _scalar_keywords(
    param: model.Parameter, spec_type: str, sources: dict[str, str]
) -> dict[str, Any]:
    """The constraint keywords of one scalar value (a parameter, or the items of an array)."""
    out: dict[str, Any] = {"type": spec_type}
    for kind in constraints.in_order(_VALUE_ORDER, level="value"):
        kind.emit(param, spec_type, out, sources)
    return out


def _parameter_keywords(
    param: model.Parameter, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    """The keywords of the parameter as a whole: array bounds, nullable, default, ..."""
    if param.type == "array":
        for kind in constraints.in_order(_VALUE_ORDER, level="value"):
            kind.emit(param, "array", schema, sources)
    for kind in constraints.in_order(level="parameter"):
        kind.emit(param, param.type, schema, sources)


def parameter_schema(
    param: model.Parameter, rules: list[model.Rule] | None = None, *, closed: bool = False
) -> dict[str, Any]:
    """JSON Schema for one parameter or response field.

    `rules` are the operation's rules; those over this object's fields (dotted names under
    `param.name`) become keywords of the object. `closed`: objects with documented fields
    allow no others (requests: services reject unknown members; responses stay open)."""
    sources: dict[str, str] = {"parameter": source_text(param.source)}
    schema: dict[str, Any] = {}
    if param.type == "array":
        element = param.items or ("object" if param.fields else "string")
        item_sources: dict[str, str] = {}
        if element == "object":
            items = object_schema(param.fields, _nested_rules(rules, param.name), closed=closed)
        else:
            items = _scalar_keywords(param, element, item_sources)
        if item_sources:
            items["x-source"] = item_sources
        items = keywords_first(items)
        schema["type"] = "array"
        if param.description:
            schema["description"] = param.description
        _parameter_keywords(param, schema, sources)
        schema["items"] = items
    elif param.type == "object":
        inner = object_schema(param.fields, _nested_rules(rules, param.name), closed=closed)
        schema["type"] = "object"
        if param.description:
            schema["description"] = param.description
        schema.update(_without(inner, "type"))
        _parameter_keywords(param, schema, sources)
    else:
        keywords = _scalar_keywords(param, param.type, sources)
        schema["type"] = keywords.pop("type")
        if param.description:
            schema["description"] = param.description
        schema.update(keywords)
        _parameter_keywords(param, schema, sources)
    if param.example is not None:
        example = constraints.typed(param.example, param.type)
        if example is not None and constraints.fits(example, schema):
            schema["examples"] = [example]
    if param.doc_type:
        schema["x-doc-type"] = param.doc_type
    schema["x-source"] = sources
    return keywords_first(schema)


def keywords_first(schema: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema keywords in the order they were added, then the x- extensions."""
    plain = {k: v for k, v in schema.items() if not k.startswith("x-")}
    plain.update({k: v for k, v in schema.items() if k.startswith("x-")})
    return plain


def _without(schema: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k != key}


def _nested_rules(rules: list[model.Rule] | None, prefix: str) -> list[model.Rule]:
    """The rules whose names all lie under `prefix.`, renamed relative to it."""
    out: list[model.Rule] = []
    head = prefix + "."
    for rule in rules or []:
        names = _rule_names(rule)
        if names and all(n.startswith(head) for n in names):
            cut = len(head)
            out.append(
                model.Rule(
                    kind=rule.kind,
                    source=rule.source,
                    parameters=[n[cut:] for n in rule.parameters],
                    requires=[n[cut:] for n in rule.requires],
                    groups=[[n[cut:] for n in g] for g in rule.groups],
                    description=rule.description,
                )
            )
    return out


def _rule_names(rule: model.Rule) -> list[str]:
    return [*rule.parameters, *rule.requires, *(n for g in rule.groups for n in g)]


def rule_keywords(rules: list[model.Rule], names: list[str]) -> dict[str, Any]:
    """The JSON Schema keywords for `rules` over an object whose properties are `names`,
    plus `x-rules` (every rule with its source) and `x-required-on-create`."""
    known = set(names)
    out: dict[str, Any] = {}
    dependent: dict[str, list[str]] = {}
    exclusions: list[dict[str, Any]] = []
    any_of: list[dict[str, Any]] = []
    on_create: list[str] = []
    for rule in rules:
        if not set(_rule_names(rule)) <= known:
            continue  # names outside this object: documented in x-rules only
        if rule.kind == "requires" and rule.parameters:
            target = dependent.setdefault(rule.parameters[0], [])
            target.extend(n for n in rule.requires if n not in target)
        elif rule.kind == "mutually_exclusive":
            for a, b in itertools.combinations(rule.parameters, 2):
                exclusions.append({"not": {"required": [a, b]}})
        elif rule.kind == "one_of" and rule.groups:
            any_of.append({"anyOf": [{"required": list(g)} for g in rule.groups]})
        elif rule.kind == "required_on_create":
            on_create.extend(n for n in rule.parameters if n not in on_create)
    if dependent:
        out["dependentRequired"] = dependent
    if exclusions or len(any_of) > 1:
        out["allOf"] = exclusions + (any_of if len(any_of) > 1 else [])
    if len(any_of) == 1:
        out["anyOf"] = any_of[0]["anyOf"]
    if on_create:
        out["x-required-on-create"] = on_create
    if rules:
        out["x-rules"] = [rule_record(r) for r in rules]
    return out


def rule_record(rule: model.Rule) -> dict[str, Any]:
    """One rule as plain data, with its source, for x-rules and x-specgen-rules."""
    record: dict[str, Any] = {"kind": rule.kind, "parameters": list(rule.parameters)}
    if rule.requires:
        record["requires"] = list(rule.requires)
    if rule.groups:
        record["groups"] = [list(g) for g in rule.groups]
    if rule.description:
        record["description"] = rule.description
    record["source"] = source_text(rule.source)
    return record


def object_schema(
    params: list[model.Parameter], rules: list[model.Rule] | None = None, *, closed: bool = False
) -> dict[str, Any]:
    """An object of `params` (by wire name, in page order) with the rules over them.
    `closed` (and at least one documented member): no other members allowed, at any depth."""
    schema: dict[str, Any] = {"type": "object"}
    schema["properties"] = {p.name: parameter_schema(p, rules, closed=closed) for p in params}
    # an idempotency token is the client's to fill in, never the caller's to give
    required = [p.name for p in params if constraints.caller_required(p)]
    if required:
        schema["required"] = required
    if closed and params:
        schema["additionalProperties"] = False
    # rules over the fields of an object member belong to that member's schema
    heads = tuple(p.name + "." for p in params if p.fields)
    direct = [r for r in rules or [] if not any(n.startswith(heads) for n in _rule_names(r))]
    schema.update(rule_keywords(direct, [p.name for p in params]))
    return schema


def request_schema(op: model.Operation, *, schema_id: str | None = None) -> dict[str, Any]:
    """The request of `op` as one JSON object: every parameter, whatever its location.

    Unknown members are not allowed: real services reject them (botocore does, Tencent
    answers UnknownParameter); the protocol's common parameters are the caller's to strip."""
    body = object_schema(op.parameters, op.rules, closed=True)
    doc: dict[str, Any] = {"$schema": JSON_SCHEMA_DIALECT}
    if schema_id:
        doc["$id"] = schema_id
    doc["title"] = f"{op.name} request"
    summary = op.summary or op.title
    if summary:
        doc["description"] = summary
    doc.update(body)
    doc["additionalProperties"] = False
    doc["x-operation"] = {
        "provider": op.provider,
        "service": op.service,
        "api_version": op.api_version,
        "protocol": op.protocol,
        "name": op.name,
        "source": source_text(op.source),
    }
    return doc
