"""Model parameters and rules -> JSON Schema 2020-12, shared by the openapi, jsonschema and
validators targets so that all three state the same constraints in the same words.

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
    x-rules              every rule: kind, parameters, requires, groups, description, source
    x-required-on-create names required when the call creates the resource

Values from the page that do not fit the parameter's type (an example "asg-****" of an integer,
a default that breaks the documented pattern) are left out of the schema rather than stated
wrongly; the docs still show the page's text.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import jsonschema

from .. import model

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def source_text(source: model.Source) -> str:
    """Provenance as one short string: `file:line (origin)`."""
    return f"{source.file}:{source.line} ({source.origin})"


def _typed(value: object, spec_type: str) -> object | None:
    """`value` as a JSON value of `spec_type`, or None when it is not one.

    Integers written as text ("600") are read as integers; nothing else is converted."""
    if spec_type in ("integer", "number") and isinstance(value, str):
        if re.fullmatch(r"-?[0-9]+", value.strip()):
            return int(value.strip())
        if spec_type == "number" and re.fullmatch(r"-?[0-9]+\.[0-9]+", value.strip()):
            return float(value.strip())
        return None
    if spec_type == "boolean" and isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().lower())
    allowed = _PY_TYPES.get(spec_type)
    if allowed is None or not isinstance(value, allowed):
        return None
    if spec_type != "boolean" and isinstance(value, bool):
        return None  # bool is an int subclass in Python, not a JSON integer
    return value


def _fits(value: object, schema: dict[str, Any]) -> bool:
    """Does `value` satisfy `schema`'s own constraints (annotations and extensions ignored)?"""
    return jsonschema.Draft202012Validator(schema).is_valid(value)


def _scalar_keywords(
    param: model.Parameter, spec_type: str, sources: dict[str, str]
) -> dict[str, Any]:
    """The constraint keywords of one scalar value (a parameter, or the items of an array)."""
    out: dict[str, Any] = {"type": spec_type}
    if param.enum is not None and param.enum.values:
        values = [_typed(v.value, spec_type) for v in param.enum.values]
        if all(v is not None for v in values):
            out["enum"] = values
            sources["enum"] = source_text(param.enum.source)
            described = {str(v.value): v.description for v in param.enum.values if v.description}
            if described:
                out["x-enum-descriptions"] = described
    if param.range is not None and spec_type in ("integer", "number"):
        if param.range.min is not None:
            out["minimum"] = param.range.min
            sources["minimum"] = source_text(param.range.source)
        if param.range.max is not None:
            out["maximum"] = param.range.max
            sources["maximum"] = source_text(param.range.source)
        if param.range.unit:
            out["x-unit"] = param.range.unit
    elif param.range is not None:
        # a range on text (numbers sent as strings): JSON Schema bounds apply to numbers only
        out["x-range"] = {
            k: v for k, v in (("min", param.range.min), ("max", param.range.max)) if v is not None
        }
        sources["x-range"] = source_text(param.range.source)
    if param.length is not None and spec_type == "string" and param.length.unit != "items":
        if param.length.min is not None:
            out["minLength"] = param.length.min
            sources["minLength"] = source_text(param.length.source)
        if param.length.max is not None:
            out["maxLength"] = param.length.max
            sources["maxLength"] = source_text(param.length.source)
        if param.length.unit == "bytes":
            out["x-length-unit"] = "bytes"
    if param.pattern is not None and spec_type == "string":
        out["pattern"] = param.pattern.regex
        sources["pattern"] = source_text(param.pattern.source)
        if param.pattern.description:
            out["x-pattern-description"] = param.pattern.description
    return out


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
        if param.length is not None and param.length.unit == "items":
            if param.length.min is not None:
                schema["minItems"] = param.length.min
                sources["minItems"] = source_text(param.length.source)
            if param.length.max is not None:
                schema["maxItems"] = param.length.max
                sources["maxItems"] = source_text(param.length.source)
        schema["items"] = items
    elif param.type == "object":
        inner = object_schema(param.fields, _nested_rules(rules, param.name), closed=closed)
        schema["type"] = "object"
        if param.description:
            schema["description"] = param.description
        schema.update(_without(inner, "type"))
    else:
        keywords = _scalar_keywords(param, param.type, sources)
        schema["type"] = keywords.pop("type")
        if param.description:
            schema["description"] = param.description
        schema.update(keywords)
    if param.default is not None and param.default.value is not None:
        default = _default_value(param, schema)
        if default is not None:
            schema["default"] = default
            sources["default"] = source_text(param.default.source)
    if param.example is not None:
        example = _typed(param.example, param.type) if param.type in _PY_TYPES else None
        if example is not None and _fits(example, _checkable(schema)):
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


def _default_value(param: model.Parameter, schema: dict[str, Any]) -> object | None:
    assert param.default is not None
    if param.type not in _PY_TYPES:
        return None
    value = _typed(param.default.value, param.type)
    if value is None or not _fits(value, _checkable(schema)):
        return None
    return value


def _checkable(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if not k.startswith("x-") and k != "default"}


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
    required = [p.name for p in params if p.required]
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
