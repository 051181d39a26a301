"""The constraint vocabulary: one row per kind of constraint a parameter can carry.

Every target that states, checks, words or compares constraints reads this table rather than
naming the kinds itself: the JSON Schema (and through it OpenAPI and the validators), the
docs, the clients' docstrings, `specgen diff`, overlays, mining and the example check made
while extracting. A new kind is a row here, its miner (`mining.MINERS`) and the model field the
row names; nothing else has to learn its name.

A row (`Kind`) says:
    name            the kind ("range"); also the aspect `specgen diff` reports
    field           the `model.Parameter` attribute that holds it
    sourced         the value is an object with its own `source` (overlays stamp a human one
                    on what they add); False for plain values (format, nullable)
    problem         the problem kind a validator reports when the check fails, or None when
                    the kind is not checked; protocols map problem kinds to error answers
    answered_as     the problem kind whose answer a protocol gives when it does not name
                    `problem` itself (None: every protocol must answer `problem`)
    level           "value": keywords of a scalar value (for an array, of its items);
                    "parameter": keywords of the parameter as a whole (nullable, default)
    emit            (param, spec_type, schema, sources) -> None: adds the JSON Schema keywords
                    (and their sources, by keyword) to `schema`
    checks          (schema, var, ctx) -> [CheckCode]: the generated validator's check, read
                    from the JSON Schema so a validator checks exactly what the schema states
    check           (param, value) -> message | None: whether a typed example value passes
                    (the example check made while extracting)
    doc             (param) -> [segment] | None: the docs table's wording, as {"text"} and
                    {"code"} segments
    sentence        (param) -> (words, source) | None: the clients' docstring wording
    diff            (old param, new param, request) -> [Delta]: what changed and whether it
                    breaks callers (a request that narrows rejects calls that used to pass; a
                    response that widens hands callers values they never saw)

Targets that publish kinds in a fixed order (JSON Schema keys, the docs columns) use
`in_order(first=...)`: the kinds they name first, then every other kind in table order, so a
new kind appears everywhere without anyone listing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import jsonschema

from . import model

Severity = Literal["breaking", "non-breaking", "docs"]
Segment = dict[str, str]

# JSON types of the spec's scalar types, as Python sees them
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}

# RFC 3339 date-time as the services send it (ISO 8601 profile): seconds, fractions and the
# offset may be left out (Alibaba's `2019-08-08T12:00Z`, Tencent's `2019-08-08 12:00:00`).
DATE_TIME_REGEX = (
    r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]"
    r"(:([0-5][0-9]|60)(\.[0-9]+)?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?"
)
FORMAT_REGEXES: dict[str, str] = {"date-time": DATE_TIME_REGEX}


def source_text(source: model.Source) -> str:
    """Provenance as one short string: `file:line (origin)`."""
    return f"{source.file}:{source.line} ({source.origin})"


def typed(value: object, spec_type: str) -> object | None:
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


def base_type(schema: dict[str, Any]) -> str:
    """The schema's type without the "null" a nullable value adds."""
    spec_type = schema.get("type", "")
    if isinstance(spec_type, list):
        return next((t for t in spec_type if t != "null"), "")
    return str(spec_type)


def checkable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema's constraints alone: no extensions, no default."""
    return {k: v for k, v in schema.items() if not k.startswith("x-") and k != "default"}


def fits(value: object, schema: dict[str, Any]) -> bool:
    """Does `value` satisfy `schema`'s own constraints (annotations and extensions ignored)?"""
    return jsonschema.Draft202012Validator(checkable(schema)).is_valid(value)


@dataclass(frozen=True)
class Delta:
    """One change `specgen diff` reports about one parameter."""

    aspect: str
    severity: Severity
    old: Any
    new: Any
    message: str


@dataclass(frozen=True)
class CheckCode:
    """One check of a generated validator: `fails` is a Python condition that is true when
    the value (already of the right type) breaks the constraint."""

    problem: str
    cite: str
    detail: str  # the error's wording: "must be between 1 and 100"
    fails: str


class CheckContext(Protocol):
    """What a row's `checks` needs from the validator renderer."""

    def literal(self, value: Any) -> str:
        """`value` as a Python literal."""

    def constant(self, regex: str, cite: str, name: str | None = None) -> str:
        """The name of a module-level compiled `regex`; `name` shares one across the module."""


Emit = Callable[[model.Parameter, str, dict[str, Any], dict[str, str]], None]
Checks = Callable[[dict[str, Any], str, CheckContext], list[CheckCode]]
ExampleCheck = Callable[[model.Parameter, object], str | None]
Doc = Callable[[model.Parameter], list[Segment] | None]
Sentence = Callable[[model.Parameter], tuple[str, model.Source] | None]
Diff = Callable[[model.Parameter, model.Parameter, bool], list[Delta]]


def _no_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    return []


def _no_check(param: model.Parameter, value: object) -> str | None:
    return None


def _no_doc(param: model.Parameter) -> list[Segment] | None:
    return None


def _no_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    return None


@dataclass(frozen=True)
class Kind:
    name: str
    field: str
    sourced: bool
    problem: str | None
    level: Literal["value", "parameter"]
    emit: Emit
    diff: Diff
    checks: Checks = _no_checks
    check: ExampleCheck = _no_check
    doc: Doc = _no_doc
    sentence: Sentence = _no_sentence
    answered_as: str | None = None

    def value(self, param: model.Parameter) -> Any:
        return getattr(param, self.field, None)


# --- shared wording ------------------------------------------------------------------------


def bounds_words(what: str, lo: int | float | None, hi: int | float | None, unit: str) -> str:
    if lo is not None and hi is not None:
        return f"{what} between {lo} and {hi}{unit}"
    if hi is not None:
        return f"{what} at most {hi}{unit}"
    return f"{what} at least {lo}{unit}"


def _span(lo: int | float | None, hi: int | float | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo} to {hi}"
    if lo is not None:
        return f"at least {lo}"
    return f"at most {hi}"


def _num(value: int | float | None) -> str:
    return "" if value is None else str(value)


def _between(var: str, lo: Any, hi: Any, ctx: CheckContext) -> str:
    if lo is not None and hi is not None:
        return f"not {ctx.literal(lo)} <= {var} <= {ctx.literal(hi)}"
    if lo is not None:
        return f"{var} < {ctx.literal(lo)}"
    return f"{var} > {ctx.literal(hi)}"


def _outside(value: int | float, lo: int | float | None, hi: int | float | None) -> bool:
    return (lo is not None and value < lo) or (hi is not None and value > hi)


# --- diff rules shared by the bounded kinds ------------------------------------------------


def show_bounds(bounds: tuple[Any, Any]) -> str:
    lo, hi = bounds
    return f"{'-inf' if lo is None else lo}..{'inf' if hi is None else hi}"


def compare_bounds(a: tuple[Any, Any], b: tuple[Any, Any]) -> tuple[bool, bool]:
    """(narrowed, widened) going from bounds a to bounds b; None is unbounded."""
    narrowed = widened = False
    (alo, ahi), (blo, bhi) = a, b
    if alo != blo:
        if blo is not None and (alo is None or blo > alo):
            narrowed = True
        else:
            widened = True
    if ahi != bhi:
        if bhi is not None and (ahi is None or bhi < ahi):
            narrowed = True
        else:
            widened = True
    return narrowed, widened


def _narrowing(request: bool, narrowed: bool, widened: bool) -> Severity:
    """For a request, narrowing rejects calls that used to pass; for a response, widening
    hands callers values they never saw before."""
    return "breaking" if (narrowed if request else widened) else "non-breaking"


def _bounded_diff(trait: str) -> Diff:
    def diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
        out: list[Delta] = []
        x, y = getattr(a, trait), getattr(b, trait)
        ux, uy = (x.unit if x else None), (y.unit if y else None)
        if x and y and ux != uy:
            # 300 seconds and 300 minutes are different values for the same number; a unit
            # only now stated (or no longer stated) says nothing new about the values.
            if ux and uy:
                out.append(
                    Delta(
                        f"{trait} unit",
                        "breaking",
                        ux,
                        uy,
                        f"{trait} unit changed from {ux} to {uy}",
                    )
                )
            elif uy:
                out.append(
                    Delta(f"{trait} unit", "docs", None, uy, f"{trait} unit now stated: {uy}")
                )
            else:
                out.append(
                    Delta(
                        f"{trait} unit",
                        "docs",
                        ux,
                        None,
                        f"{trait} unit no longer stated (was {ux})",
                    )
                )
        bx = (None, None) if x is None else (x.min, x.max)
        by = (None, None) if y is None else (y.min, y.max)
        if bx == by:
            return out
        narrowed, widened = compare_bounds(bx, by)
        verb = (
            "narrowed"
            if narrowed and not widened
            else "widened"
            if widened and not narrowed
            else "changed"
        )
        sx, sy = show_bounds(bx), show_bounds(by)
        severity = _narrowing(request, narrowed, widened)
        out.append(Delta(trait, severity, sx, sy, f"{trait} {verb} from {sx} to {sy}"))
        return out

    return diff


# --- range ---------------------------------------------------------------------------------


def _range_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    r = param.range
    if r is None or spec_type in ("array", "object"):
        return  # a list's range bounds its values: the items' schema states it
    if spec_type in ("integer", "number"):
        if r.min is not None:
            schema["minimum"] = r.min
            sources["minimum"] = source_text(r.source)
        if r.max is not None:
            schema["maximum"] = r.max
            sources["maximum"] = source_text(r.source)
        if r.unit:
            schema["x-unit"] = r.unit
    else:
        # a range on text (numbers sent as strings): JSON Schema bounds apply to numbers only
        schema["x-range"] = {k: v for k, v in (("min", r.min), ("max", r.max)) if v is not None}
        sources["x-range"] = source_text(r.source)


def _range_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if lo is None and hi is None:
        return []
    sources = schema.get("x-source", {})
    cite = sources.get("minimum") or sources["maximum"]
    detail = bounds_words("must be", lo, hi, "")
    return [CheckCode("range", cite, detail, _between(var, lo, hi, ctx))]


def _range_check(param: model.Parameter, value: object) -> str | None:
    r = param.range
    if r is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if _outside(value, r.min, r.max):
        return f"{value!r} is outside the range {show_bounds((r.min, r.max))}"
    return None


def _range_doc(param: model.Parameter) -> list[Segment] | None:
    r = param.range
    if r is None or (r.min is None and r.max is None):
        return None
    text = _span(r.min, r.max) + (f" {r.unit}" if r.unit else "")
    return [{"text": "range: " + text}]


def _range_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    r = param.range
    if r is None:
        return None
    unit = f" {r.unit}" if r.unit else ""
    return f"Range: {_num(r.min)}..{_num(r.max)}{unit}", r.source


# --- length --------------------------------------------------------------------------------


def _length_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    n = param.length
    if n is None:
        return
    if spec_type == "array" and n.unit == "items":
        keys = ("minItems", "maxItems")
    elif spec_type == "string" and n.unit != "items":
        keys = ("minLength", "maxLength")
    else:
        return
    if n.min is not None:
        schema[keys[0]] = n.min
        sources[keys[0]] = source_text(n.source)
    if n.max is not None:
        schema[keys[1]] = n.max
        sources[keys[1]] = source_text(n.source)
    if n.unit == "bytes":
        schema["x-length-unit"] = "bytes"


def _length_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    sources = schema.get("x-source", {})
    if base_type(schema) == "array":
        lo, hi = schema.get("minItems") or None, schema.get("maxItems")
        if lo is None and hi is None:
            return []
        cite = sources.get("minItems") or sources["maxItems"]
        detail = bounds_words("must have", lo, hi, " items")
        return [CheckCode("length", cite, detail, _between(f"len({var})", lo, hi, ctx))]
    lo, hi = (
        schema.get("minLength") or None,
        schema.get("maxLength"),
    )  # a minimum of 0 checks nothing
    if lo is None and hi is None:
        return []
    cite = sources.get("minLength") or sources["maxLength"]
    in_bytes = schema.get("x-length-unit") == "bytes"
    unit = " bytes (UTF-8)" if in_bytes else " characters"
    detail = bounds_words("length must be", lo, hi, unit)
    measure = f'len({var}.encode("utf-8", "surrogatepass"))' if in_bytes else f"len({var})"
    return [CheckCode("length", cite, detail, _between(measure, lo, hi, ctx))]


def _length_check(param: model.Parameter, value: object) -> str | None:
    n = param.length
    if n is None:
        return None
    if n.unit == "items" and isinstance(value, list):
        size = len(value)
    elif n.unit != "items" and isinstance(value, str):
        size = len(value.encode("utf-8")) if n.unit == "bytes" else len(value)
    else:
        return None
    if _outside(size, n.min, n.max):
        return f"{value!r} has {size} {n.unit}, outside {show_bounds((n.min, n.max))}"
    return None


def _length_doc(param: model.Parameter) -> list[Segment] | None:
    n = param.length
    if n is None or (n.min is None and n.max is None):
        return None
    return [{"text": f"length: {_span(n.min, n.max)} {n.unit}"}]


def _length_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    n = param.length
    if n is None:
        return None
    return f"Length: {_num(n.min)}..{_num(n.max)} {n.unit}", n.source


# --- enum ----------------------------------------------------------------------------------


def _enum_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if param.enum is None or not param.enum.values:
        return
    values = [typed(v.value, spec_type) for v in param.enum.values]
    if any(v is None for v in values):
        return  # a value that is not of the parameter's type: stated wrongly, left out
    schema["enum"] = values
    sources["enum"] = source_text(param.enum.source)
    described = {str(v.value): v.description for v in param.enum.values if v.description}
    if described:
        schema["x-enum-descriptions"] = described


def _enum_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    if "enum" not in schema:
        return []
    values = [v for v in schema["enum"] if v is not None]  # null is the type check's business
    shown = ", ".join(str(v) for v in values)
    if len(values) == 1:
        fails = f"{var} != {ctx.literal(values[0])}"
    else:
        fails = f"{var} not in {{" + ", ".join(ctx.literal(v) for v in values) + "}"
    return [CheckCode("enum", schema["x-source"]["enum"], f"must be one of: {shown}", fails)]


def _enum_check(param: model.Parameter, value: object) -> str | None:
    if param.enum is None or not param.enum.values:
        return None
    spec_type = param.items if param.type == "array" and param.items else param.type
    allowed = [typed(v.value, spec_type) for v in param.enum.values]
    if value in allowed or str(value) in {str(v.value) for v in param.enum.values}:
        return None
    return f"{value!r} is not one of {[v.value for v in param.enum.values]}"


def _enum_doc(param: model.Parameter) -> list[Segment] | None:
    if param.enum is None or not param.enum.values:
        return None
    segs: list[Segment] = [{"text": "one of: "}]
    for i, value in enumerate(param.enum.values):
        if i:
            segs.append({"text": ", "})
        segs.append({"code": str(value.value)})
        if value.description:
            segs.append({"text": f" ({value.description})"})
    return segs


def _enum_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    if param.enum is None or not param.enum.values:
        return None
    return "Values: " + ", ".join(str(v.value) for v in param.enum.values), param.enum.source


def _enum_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    out: list[Delta] = []
    ea = [v.value for v in a.enum.values] if a.enum else None
    eb = [v.value for v in b.enum.values] if b.enum else None
    narrow: Severity = "breaking" if request else "non-breaking"
    widen: Severity = "non-breaking" if request else "breaking"
    if ea == eb:
        if a.enum and b.enum and _descriptions(a.enum) != _descriptions(b.enum):
            out.append(Delta("enum", "docs", None, None, "enum value descriptions reworded"))
        return out
    if ea is None:
        return [Delta("enum", narrow, None, eb, f"now limited to {eb}")]
    if eb is None:
        return [Delta("enum", widen, ea, None, "no longer limited to listed values")]
    removed = [v for v in ea if v not in eb]
    added = [v for v in eb if v not in ea]
    if removed:
        out.append(Delta("enum", narrow, ea, eb, f"enum value(s) removed: {removed}"))
    if added:
        out.append(Delta("enum", widen, ea, eb, f"enum value(s) added: {added}"))
    if not removed and not added:
        out.append(Delta("enum", "docs", ea, eb, "enum values reordered"))
    return out


def _descriptions(enum: model.Enum) -> list[tuple[model.Scalar, str | None]]:
    return [(v.value, v.description) for v in enum.values]


# --- pattern -------------------------------------------------------------------------------


def _pattern_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if param.pattern is None or spec_type != "string":
        return
    schema["pattern"] = param.pattern.regex
    sources["pattern"] = source_text(param.pattern.source)
    if param.pattern.description:
        schema["x-pattern-description"] = param.pattern.description


def _pattern_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    if "pattern" not in schema:
        return []
    regex, cite = schema["pattern"], schema["x-source"]["pattern"]
    name = ctx.constant(regex, cite)
    return [CheckCode("pattern", cite, f"must match {regex}", f"{name}.fullmatch({var}) is None")]


def _pattern_check(param: model.Parameter, value: object) -> str | None:
    if param.pattern is None or not isinstance(value, str):
        return None
    try:
        matched = re.fullmatch(param.pattern.regex, value)
    except re.error:
        return None  # the spec check reports a broken pattern
    return None if matched else f"{value!r} does not match {param.pattern.regex}"


def _pattern_doc(param: model.Parameter) -> list[Segment] | None:
    if param.pattern is None:
        return None
    segs: list[Segment] = [{"text": "pattern: "}, {"code": param.pattern.regex}]
    if param.pattern.description:
        segs.append({"text": f" ({param.pattern.description})"})
    return segs


def _pattern_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    if param.pattern is None:
        return None
    return f"Pattern: {param.pattern.regex}", param.pattern.source


def _pattern_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    pa = a.pattern.regex if a.pattern else None
    pb = b.pattern.regex if b.pattern else None
    if pa == pb:
        return []
    if pb is None:
        return [Delta("pattern", "non-breaking", pa, None, "pattern removed")]
    severity: Severity = "breaking" if request else "non-breaking"
    words = "pattern added" if pa is None else "pattern changed"
    return [Delta("pattern", severity, pa, pb, words)]


# --- format --------------------------------------------------------------------------------


def _format_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if param.format is not None and spec_type == "string":
        schema["format"] = param.format


def _format_checks(schema: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    regex = FORMAT_REGEXES.get(schema.get("format", ""))
    if regex is None:
        return []
    cite = schema.get("x-source", {}).get("parameter", "")
    fmt = schema["format"]
    name = ctx.constant(regex, f"RFC 3339 {fmt}", "_FORMAT_" + fmt.replace("-", "_").upper())
    detail = f"must be a {fmt} (RFC 3339, e.g. 2024-01-31T08:00:00Z)"
    return [CheckCode("type", cite, detail, f"{name}.fullmatch({var}) is None")]


def _format_check(param: model.Parameter, value: object) -> str | None:
    regex = FORMAT_REGEXES.get(param.format or "")
    if regex is None or not isinstance(value, str) or re.fullmatch(regex, value):
        return None
    return f"{value!r} is not a {param.format}"


def _format_doc(param: model.Parameter) -> list[Segment] | None:
    return None if param.format is None else [{"text": "format: "}, {"code": param.format}]


def _format_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    return None if param.format is None else (f"Format: {param.format}", param.source)


def _format_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    if a.format == b.format:
        return []
    # a format where there was none narrows the values (as a pattern does)
    narrowed, widened = b.format is not None, a.format is not None
    severity = _narrowing(request, narrowed, widened)
    return [Delta("format", severity, a.format, b.format, f"format {a.format} -> {b.format}")]


# --- nullable ------------------------------------------------------------------------------


def _nullable_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if not param.nullable or not isinstance(schema.get("type"), str):
        return
    schema["type"] = [schema["type"], "null"]
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]


def _nullable_doc(param: model.Parameter) -> list[Segment] | None:
    return [{"text": "may be "}, {"code": "null"}] if param.nullable else None


def _nullable_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    return ("May be null", param.source) if param.nullable else None


def _nullable_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    if bool(a.nullable) == bool(b.nullable):
        return []
    severity = _narrowing(request, narrowed=not b.nullable, widened=bool(b.nullable))
    words = "now nullable" if b.nullable else "no longer nullable"
    return [Delta("nullable", severity, bool(a.nullable), bool(b.nullable), words)]


# --- idempotency token ---------------------------------------------------------------------


def _token_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if param.idempotency_token:
        schema["x-idempotency-token"] = True


def _token_doc(param: model.Parameter) -> list[Segment] | None:
    if not param.idempotency_token:
        return None
    return [{"text": "idempotency token: the client fills it in when left out"}]


def _token_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    if not param.idempotency_token:
        return None
    return "Idempotency token: filled in with a fresh one when not given", param.source


def _token_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    if bool(a.idempotency_token) == bool(b.idempotency_token):
        return []
    if b.idempotency_token:
        return [Delta("idempotency token", "non-breaking", False, True, "now an idempotency token")]
    # callers that relied on the client filling it must now give it when it is required
    severity: Severity = "breaking" if request and b.required else "non-breaking"
    return [Delta("idempotency token", severity, True, False, "no longer an idempotency token")]


# --- default -------------------------------------------------------------------------------


def _default_emit(
    param: model.Parameter, spec_type: str, schema: dict[str, Any], sources: dict[str, str]
) -> None:
    if param.default is None or param.default.value is None or param.type not in _PY_TYPES:
        return
    value = typed(param.default.value, param.type)
    if value is None or not fits(value, schema):
        return  # a default that breaks the documented constraints is stated wrongly
    schema["default"] = value
    sources["default"] = source_text(param.default.source)


def _default_sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    if param.default is None:
        return None
    return f"Default: {param.default.value!r}", param.default.source


def _default_diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    da = a.default.value if a.default else None
    db = b.default.value if b.default else None
    if (a.default is None) == (b.default is None) and da == db:
        return []
    if not request:
        return [
            Delta("default", "docs", da, db, f"documented default changed from {da!r} to {db!r}")
        ]
    if a.default is None:
        # The API now promises what it does when the parameter is left out; no caller could
        # rely on anything before.
        return [Delta("default", "non-breaking", None, db, f"default now documented: {db!r}")]
    if b.default is None:
        return [
            Delta("default", "breaking", da, None, f"default no longer documented (was {da!r})")
        ]
    # A caller that omits the parameter gets different behaviour.
    return [Delta("default", "breaking", da, db, f"default changed from {da!r} to {db!r}")]


# --- the table -----------------------------------------------------------------------------

KINDS: tuple[Kind, ...] = (
    Kind(
        "range",
        "range",
        sourced=True,
        problem="range",
        level="value",
        emit=_range_emit,
        diff=_bounded_diff("range"),
        checks=_range_checks,
        check=_range_check,
        doc=_range_doc,
        sentence=_range_sentence,
    ),
    Kind(
        "length",
        "length",
        sourced=True,
        problem="length",
        level="value",
        emit=_length_emit,
        diff=_bounded_diff("length"),
        checks=_length_checks,
        check=_length_check,
        doc=_length_doc,
        sentence=_length_sentence,
    ),
    Kind(
        "enum",
        "enum",
        sourced=True,
        problem="enum",
        level="value",
        emit=_enum_emit,
        diff=_enum_diff,
        checks=_enum_checks,
        check=_enum_check,
        doc=_enum_doc,
        sentence=_enum_sentence,
    ),
    Kind(
        "pattern",
        "pattern",
        sourced=True,
        problem="pattern",
        level="value",
        emit=_pattern_emit,
        diff=_pattern_diff,
        checks=_pattern_checks,
        check=_pattern_check,
        doc=_pattern_doc,
        sentence=_pattern_sentence,
    ),
    # a timestamp is a type on the wire: services answer a malformed one as a type error
    Kind(
        "format",
        "format",
        sourced=False,
        problem="type",
        level="value",
        emit=_format_emit,
        diff=_format_diff,
        checks=_format_checks,
        check=_format_check,
        doc=_format_doc,
        sentence=_format_sentence,
    ),
    Kind(
        "nullable",
        "nullable",
        sourced=False,
        problem=None,
        level="parameter",
        emit=_nullable_emit,
        diff=_nullable_diff,
        doc=_nullable_doc,
        sentence=_nullable_sentence,
    ),
    Kind(
        "idempotency token",
        "idempotency_token",
        sourced=False,
        problem=None,
        level="parameter",
        emit=_token_emit,
        diff=_token_diff,
        doc=_token_doc,
        sentence=_token_sentence,
    ),
    # last: the default must fit every other constraint of its parameter to be stated;
    # the docs show it in a column of its own (no `doc` wording)
    Kind(
        "default",
        "default",
        sourced=True,
        problem=None,
        level="parameter",
        emit=_default_emit,
        diff=_default_diff,
        sentence=_default_sentence,
    ),
)


def get(name: str) -> Kind:
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(f"unknown constraint kind {name!r}")


def in_order(first: tuple[str, ...] = (), level: str | None = None) -> list[Kind]:
    """The kinds named in `first`, in that order, then every other kind in table order;
    only those of `level` when given."""
    head = [get(name) for name in first]
    rest = [k for k in KINDS if k.name not in first]
    return [k for k in (*head, *rest) if level is None or k.level == level]


def problems() -> tuple[str, ...]:
    """The problem kinds of the table's checks every protocol must answer itself."""
    out: list[str] = []
    for kind in KINDS:
        if kind.problem and kind.answered_as is None and kind.problem not in out:
            out.append(kind.problem)
    return tuple(out)


def answered_as(problem: str) -> str | None:
    """The problem kind whose answer stands in for `problem` where a protocol names none."""
    for kind in KINDS:
        if kind.problem == problem and kind.answered_as is not None:
            return kind.answered_as
    return None


def sourced_fields() -> set[str]:
    """Parameter fields whose value is an object with its own source (overlays stamp one)."""
    return {k.field for k in KINDS if k.sourced}


def caller_required(param: model.Parameter) -> bool:
    """Whether the caller must give `param`: an idempotency token the client fills is not."""
    return param.required and not param.idempotency_token


def idempotency_tokens(op: model.Operation) -> list[model.Parameter]:
    """The request parameters the client fills with a fresh token when the caller does not
    give them (top level: the services put tokens there)."""
    return [p for p in op.parameters if p.idempotency_token]


def example_problems(param: model.Parameter, value: object) -> list[tuple[Kind, str]]:
    """Each kind of `param` that rejects `value` (typed already), with the reason."""
    out: list[tuple[Kind, str]] = []
    for kind in KINDS:
        if kind.value(param) is None:
            continue
        reason = kind.check(param, value)
        if reason is not None:
            out.append((kind, reason))
    return out
