"""Differential test: the generated validators against `jsonschema` (Draft 2020-12) on the
request schema the jsonschema target publishes (`schema.request_schema`), for valid requests
drawn from each operation's constraints, the same requests with one to three things broken
(a constraint, a type, a required member, an unknown member, a rule), and junk values.

They must agree on accept/reject and on which (parameter, constraint) pairs fail. The oracle
is plain jsonschema with three readings made explicit, each what the specs mean and the
validators document:
- an integer is a JSON integer (jsonschema would also take 3.0);
- a pattern's `$` is ECMA-262's (end of text; Python's `$` also matches before a final "\\n");
- `x-length-unit: bytes` counts UTF-8 bytes (the schema's own extension for byte limits).

Second part: for the form/query protocols, a valid request flattened by the protocol's own
wire module (what a client sends) coerces back to the same request with no problems.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator import model, protocols
from generator.render import schema as js
from generator.render import validators as target
from generator.render.filters import snake
from generator.runtime_files import import_runtime

from . import conftest_validators as fx
from .conftest_validators import Oracle, ecma, invalid_values, text_size

SETTINGS = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
UNKNOWN = "NotAParameter"

FIXTURE_OPS = fx.all_operations()
SPEC_OPS = fx.spec_operations()


KIND = {
    "type": "type",
    "minimum": "range",
    "maximum": "range",
    "minLength": "length",
    "maxLength": "length",
    "minItems": "length",
    "maxItems": "length",
    "enum": "enum",
    "pattern": "pattern",
    "format": "type",  # a malformed timestamp is answered as a value of the wrong type
    "not": "conflict",  # allOf: [{not: {required: [a, b]}}] of mutually_exclusive
    "anyOf": "requires",  # one_of
    "dependentRequired": "requires",
}


def _dotted(parts: Any) -> str:
    return ".".join(str(p) for p in parts)


def oracle_findings(oracle: Any, request: dict[str, Any]) -> set[tuple[str, str]]:
    """(dotted path, kind) for every error; a rule's path is the object it is about."""
    found: set[tuple[str, str]] = set()
    for error in oracle.iter_errors(request):
        path = _dotted(error.absolute_path)
        if error.validator == "required":
            for name in error.validator_value:
                if name not in error.instance:
                    found.add((_dotted([*error.absolute_path, name]), "missing"))
        elif error.validator == "additionalProperties":
            for name in error.instance:
                if name not in error.schema.get("properties", {}):
                    found.add((_dotted([*error.absolute_path, name]), "unknown"))
        elif error.validator in KIND:
            found.add(
                (
                    ("rule:" + path) if KIND[error.validator] in ("conflict", "requires") else path,
                    KIND[error.validator],
                )
            )
        else:
            raise AssertionError(f"keyword the validators do not know: {error.validator}")
    return _type_wins(found)


def validator_findings(problems: list[Any]) -> set[tuple[str, str]]:
    found = set()
    for p in problems:
        if p.constraint in ("conflict", "requires"):
            first = p.parameter.split(",")[0]
            found.add(("rule:" + first.rpartition(".")[0], p.constraint))
        else:
            found.add((p.parameter, p.constraint))
    return _type_wins(found)


def _type_wins(found: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """A value of the wrong type has no other problem (jsonschema still checks `enum`)."""
    mistyped = {path for path, kind in found if kind == "type"}
    return {(path, kind) for path, kind in found if kind == "type" or path not in mistyped}


# --- strategies from the schema ----------------------------------------------------------------


def _fits_length(schema: dict[str, Any]) -> Callable[[str], bool]:
    lo, hi = schema.get("minLength", 0), schema.get("maxLength")
    return lambda s: lo <= text_size(s, schema) and (hi is None or text_size(s, schema) <= hi)


_STRATEGIES: dict[int, tuple[dict[str, Any], st.SearchStrategy[Any]]] = {}


def valid_value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Built once per schema object: building regex strategies is the slow part."""
    cached = _STRATEGIES.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _STRATEGIES[id(schema)] = (schema, _valid_value(schema))
    return cached[1]


DATE_TIMES = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2999, 12, 31)).map(
    lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
)


def _valid_value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = schema["type"]
    if isinstance(kind, list):  # nullable: [X, "null"]
        (base,) = [k for k in kind if k != "null"]
        plain = {k: v for k, v in schema.items() if k != "enum"} | {"type": base}
        if "enum" in schema:
            plain["enum"] = [v for v in schema["enum"] if v is not None]
        return st.one_of(st.none(), _valid_value(plain))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if kind == "string" and schema.get("format") == "date-time":
        return DATE_TIMES
    if kind == "string":
        lo, hi = schema.get("minLength", 0), schema.get("maxLength")
        if "pattern" in schema:
            base = st.from_regex(ecma(schema["pattern"]), fullmatch=True)
        else:
            top = lo + 12 if hi is None else min(hi, lo + 12)
            base = st.text(min_size=lo, max_size=max(top, lo))
        return base.filter(_fits_length(schema))
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum"))
    if kind == "number":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        ints = st.integers(
            min_value=None if lo is None else math.ceil(lo),
            max_value=None if hi is None else math.floor(hi),
        )
        return st.one_of(
            ints, st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        lo = schema.get("minItems", 0)
        hi = min(schema.get("maxItems", lo + 3), lo + 3)
        return st.lists(valid_value(schema["items"]), min_size=lo, max_size=hi)
    return valid_object(schema)


def _any_ofs(schema: dict[str, Any]) -> list[list[list[str]]]:
    groups = [[g["required"] for g in schema.get("anyOf", [])]]
    groups += [
        [g["required"] for g in entry["anyOf"]]
        for entry in schema.get("allOf", [])
        if "anyOf" in entry
    ]
    return [g for g in groups if g]


def _exclusions(schema: dict[str, Any]) -> list[list[str]]:
    return [entry["not"]["required"] for entry in schema.get("allOf", []) if "not" in entry]


@st.composite
def valid_object(draw: st.DrawFn, schema: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = schema.get("properties", {})
    required = schema.get("required", [])
    value: dict[str, Any] = draw(
        st.fixed_dictionaries(
            {k: valid_value(props[k]) for k in required},
            optional={k: valid_value(s) for k, s in props.items() if k not in required},
        )
    )
    # make the rules hold: one_of groups first, then drop what excludes or lacks its partner
    for groups in _any_ofs(schema):
        if not any(all(n in value for n in g) for g in groups):
            for name in draw(st.sampled_from(groups)):
                value[name] = draw(valid_value(props[name]))
    for a, b in _exclusions(schema):
        if a in value and b in value and b not in required:
            del value[b]
    for name, needs in schema.get("dependentRequired", {}).items():
        if name in value and not all(n in value for n in needs) and name not in required:
            del value[name]
    return value


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _slots(
    schema: dict[str, Any], value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(path, schema) of every value present in `value`, itself included."""
    yield path, schema
    if schema["type"] == "object" and isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                yield from _slots(sub, value[key], (*path, key))
    elif schema["type"] == "array" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _slots(schema["items"], item, (*path, index))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def mutated(draw: st.DrawFn, schema: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    import copy

    request = copy.deepcopy(request)
    for _ in range(draw(st.integers(1, 3))):
        slots = [(p, s) for p, s in _slots(schema, request) if p]
        objects = [
            (p, s)
            for p, s in _slots(schema, request)
            if s["type"] == "object" and isinstance(_get(request, p), dict)
        ]
        how = draw(st.sampled_from(["type", "constraint", "missing", "unknown", "rule"]))
        if how in ("type", "constraint") and slots:
            path, sub = draw(st.sampled_from(slots))
            choices = invalid_values(sub) if how == "constraint" else []
            new = draw(st.sampled_from(choices)) if choices else draw(JUNK)
            _get(request, path[:-1])[path[-1]] = new
        elif how == "missing" and objects:
            path, sub = draw(st.sampled_from(objects))
            present = [k for k in sub.get("required", []) if k in _get(request, path)]
            if present:
                del _get(request, path)[draw(st.sampled_from(present))]
        elif how == "unknown" and objects:
            path, _sub = draw(st.sampled_from(objects))
            _get(request, path)[UNKNOWN] = draw(JUNK)
        elif how == "rule" and objects:
            path, sub = draw(st.sampled_from(objects))
            obj, props = _get(request, path), sub.get("properties", {})
            rules: list[tuple[str, list[str]]] = [
                ("exclusive", names) for names in _exclusions(sub)
            ]
            rules += [
                ("requires", [name, *needs])
                for name, needs in sub.get("dependentRequired", {}).items()
            ]
            rules += [("one_of", [n for g in groups for n in g]) for groups in _any_ofs(sub)]
            if rules:
                kind, names = draw(st.sampled_from(rules))
                if kind == "one_of":
                    for name in names:
                        obj.pop(name, None)
                elif kind == "requires":
                    obj.setdefault(names[0], draw(valid_value(props[names[0]])))
                    for name in names[1:]:
                        obj.pop(name, None)
                else:
                    for name in names:
                        obj.setdefault(name, draw(valid_value(props[name])))
    return request


def requests(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    valid = valid_object(schema)
    return st.one_of(valid, valid.flatmap(lambda r: mutated(schema, r)))


# --- the tests -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    return fx.load_validators(
        FIXTURE_OPS, tmp_path_factory.mktemp("diff-fixtures"), "diff_fixtures"
    )


@pytest.fixture(scope="module")
def spec_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    return fx.load_validators(SPEC_OPS, tmp_path_factory.mktemp("diff-specs"), "diff_specs")


def _agree(op: model.Operation, module: ModuleType) -> None:
    schema = js.request_schema(op)
    oracle = Oracle(schema)
    validate = module.VALIDATORS[op.name]
    seen = {"valid": 0, "invalid": 0}

    @SETTINGS
    @given(requests(schema))
    def check(request: dict[str, Any]) -> None:
        expected = oracle_findings(oracle, request)
        got = validator_findings(validate(request))
        assert got == expected, (request, got, expected)
        seen["invalid" if expected else "valid"] += 1

    check()
    # both kinds were exercised (a strategy that only makes invalid requests proves little)
    assert seen["valid"] >= 10 and seen["invalid"] >= 10, seen


@pytest.mark.parametrize("op", FIXTURE_OPS, ids=lambda op: f"{op.provider}-{op.name}")
def test_agrees_with_jsonschema_fixtures(
    op: model.Operation, fixture_modules: dict[str, ModuleType]
) -> None:
    _agree(op, fixture_modules[fx.package_of(op)])


@pytest.mark.parametrize("op", SPEC_OPS, ids=lambda op: f"{op.provider}-{op.name}")
def test_agrees_with_jsonschema_specs(
    op: model.Operation, spec_modules: dict[str, ModuleType]
) -> None:
    _agree(op, spec_modules[fx.package_of(op)])


def test_oracle_reads_the_edge_cases_as_documented() -> None:
    """The three explicit readings, checked on their own."""
    schema = {"type": "object", "properties": {
        "n": {"type": "integer"},
        "p": {"type": "string", "pattern": "^[a-z]*$"},
        "b": {"type": "string", "maxLength": 3, "x-length-unit": "bytes"},
    }}  # fmt: skip
    oracle = Oracle(schema)
    assert oracle_findings(oracle, {"n": 3.0, "p": "ab\n", "b": "名名"}) == {
        ("n", "type"),
        ("p", "pattern"),
        ("b", "length"),
    }
    assert jsonschema.Draft202012Validator(schema).is_valid(
        {"n": 3.0, "p": "ab\n", "b": "名名"}
    )  # plain reading
    assert oracle_findings(oracle, {"n": 3, "p": "ab", "b": "abc"}) == set()


# --- wire round trip through the protocol's own wire module --------------------------------------


def _wire_module(protocol: str) -> ModuleType:
    package = import_runtime(protocol, f"_specgen_wire_{protocol.replace('-', '_')}")
    module: ModuleType = package._wire
    return module


TEXT_OPS = [
    op
    for op in itertools.chain(FIXTURE_OPS, SPEC_OPS)
    if target.text_wire(protocols.for_operation(op))
]


def _holds_an_empty_object(value: Any) -> bool:
    """Whether an object below the top level has no fields."""
    members = (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    )
    return any(v == {} or _holds_an_empty_object(v) for v in members)


def _drop_unsent(value: Any, sent: Callable[[Any], bool]) -> Any:
    if isinstance(value, dict):
        return {k: _drop_unsent(v, sent) for k, v in value.items() if sent(v)}
    if isinstance(value, list):
        return [_drop_unsent(v, sent) for v in value]
    return value


@pytest.mark.parametrize(
    "op",
    TEXT_OPS,
    ids=lambda op: f"{op.provider}-{op.name}-{'spec' if op in SPEC_OPS else 'fixture'}",
)
def test_flattened_requests_coerce_back(
    op: model.Operation, tmp_path_factory: pytest.TempPathFactory
) -> None:
    wire = _wire_module(op.protocol)
    tag = "spec" if op in SPEC_OPS else "fixture"
    module = fx.load_validators(
        [op], tmp_path_factory.mktemp("wire"), f"wire_{tag}_{op.provider}_{op.name}"
    )[fx.package_of(op)]
    coerce = getattr(module, f"coerce_{snake(op.name)}")
    empty_list_sent = bool(wire.flatten({"x": []}))
    schema = js.request_schema(op)

    @settings(SETTINGS, max_examples=60)
    @given(valid_object(schema))
    def check(request: dict[str, Any]) -> None:
        expected = _drop_unsent(request, lambda v: v != [] or empty_list_sent)
        # an object with no fields has nothing to send on a flat wire: no request can say it
        assume(not _holds_an_empty_object(expected))
        pairs = wire.flatten(request)
        params = dict(pairs)
        assert len(params) == len(pairs)  # no name sent twice
        typed, problems = coerce(params)
        assert problems == []
        assert typed == expected
        assert module.WIRE_VALIDATORS[op.name](params) == module.VALIDATORS[op.name](expected)

    check()


def test_every_operation_is_exercised() -> None:
    assert len(FIXTURE_OPS) >= 12
    # once specs/ exists, its operations run too (the parametrisation above picks them up)
    assert all(
        Path(fx.ROOT, op.source.file).exists() or op.source.file == fx.HERE for op in FIXTURE_OPS
    )
