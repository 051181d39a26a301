"""How fast are the generated validators? `python bench/bench_validators.py [--fixtures] [-k NAME]`

For every operation (specs/, or the test operations with --fixtures / when specs/ is empty):
one corpus of valid requests and one of invalid ones (each breaking one constraint, type,
required member, unknown member or rule), built deterministically from the operation's JSON
Schema. Each is run through

    generated    validate_<op>() from the generated validators (every problem collected)
    fastjsonschema  the same schema compiled (draft-07 spelling; stops at the first error)
    jsonschema   Draft202012Validator, built once, is_valid() (stops at the first error)
    pydantic     a v2 model built from the same schema: strict types, extra="forbid",
                 Annotated constraints, rules in a model validator (collects every error)
    hand-written a straight-line check written by hand, for Huawei CreateLifecycleHook

and the time per validation is printed in ns, then as ratios to the generated validator
(> 1: the other is slower). Each validator's verdicts are compared with the reference
reading (tests/generate: jsonschema with integers as JSON integers, ECMA `$`, byte lengths);
disagreements are counted, not hidden. Standard library + the bench extras only.
"""

from __future__ import annotations

import argparse
import copy
import gc
import importlib.util
import math
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import fastjsonschema  # noqa: E402
import jsonschema  # noqa: E402
import pydantic  # noqa: E402

from generator import model  # noqa: E402
from generator.render import schema as js  # noqa: E402


def _load_helpers() -> ModuleType:
    """The test operations and the reference oracle (tests/generate/conftest_validators.py)."""
    path = ROOT / "tests" / "generate" / "conftest_validators.py"
    spec = importlib.util.spec_from_file_location("_bench_validator_helpers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fx = _load_helpers()

Validator = Callable[[dict[str, Any]], bool]


# --- a deterministic corpus from the schema ------------------------------------------------------

_TEXT_CANDIDATES = ("test-hook1", "hook_1", "asg-8fbozqja", "meta", "a", "ab", "x")


def sample(schema: dict[str, Any], example: object = None) -> Any:
    """One valid value of `schema`, or None when none of the candidates fits."""
    kind = schema["type"]
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "string":
        lo = schema.get("minLength", 0)
        candidates = [example] if isinstance(example, str) else []
        candidates += [*_TEXT_CANDIDATES, "a" * max(lo, 1)]
        for text in candidates:
            if _fits(text, schema):
                return text
        return None
    if kind == "integer":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        if isinstance(example, int) and not isinstance(example, bool):
            return example
        return math.ceil(lo) if lo is not None else (math.floor(hi) if hi is not None else 1)
    if kind == "number":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return lo if lo is not None else (hi if hi is not None else 1.5)
    if kind == "boolean":
        return True
    if kind == "array":
        item = sample(schema["items"])
        return [] if item is None else [item] * max(schema.get("minItems", 0), 1)
    return sample_object(schema, full=True)


def _fits(text: str, schema: dict[str, Any]) -> bool:
    probe = {"type": "object", "properties": {"v": schema}}
    return bool(fx.Oracle(probe).is_valid({"v": text}))


def sample_object(schema: dict[str, Any], full: bool) -> dict[str, Any]:
    props: dict[str, Any] = schema.get("properties", {})
    required = schema.get("required", [])
    out: dict[str, Any] = {}
    for name, sub in props.items():
        if full or name in required:
            value = sample(sub, (sub.get("examples") or [None])[0])
            if value is not None:
                out[name] = value
    for groups in _any_ofs(schema):
        if not any(all(n in out for n in g) for g in groups):
            for name in groups[0]:
                out[name] = sample(props[name])
    for pair in _exclusions(schema):
        if all(n in out for n in pair) and pair[1] not in required:
            del out[pair[1]]
    for name, needs in schema.get("dependentRequired", {}).items():
        for need in needs:
            if name in out and need not in out:
                out[need] = sample(props[need])
    return out


def _any_ofs(schema: dict[str, Any]) -> list[list[list[str]]]:
    groups = [[g["required"] for g in schema.get("anyOf", [])]]
    groups += [[g["required"] for g in e["anyOf"]] for e in schema.get("allOf", []) if "anyOf" in e]
    return [g for g in groups if g]


def _exclusions(schema: dict[str, Any]) -> list[list[str]]:
    return [e["not"]["required"] for e in schema.get("allOf", []) if "not" in e]


_JUNK = {
    "string": 12345,
    "integer": "300",
    "number": "1.5",
    "boolean": "true",
    "array": "a,b",
    "object": "{}",
}


def corpus(schema: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(valid requests, invalid requests); every invalid one breaks one thing."""
    full, minimal = sample_object(schema, True), sample_object(schema, False)
    valid = [full] if full == minimal else [full, minimal]
    invalid: list[dict[str, Any]] = []
    props: dict[str, Any] = schema.get("properties", {})

    def variant(
        set_: dict[tuple[str, ...], Any] | None = None, drop: list[str] | None = None
    ) -> None:
        """`full` with values set at paths and top-level members dropped."""
        request = copy.deepcopy(full)
        for path, value in (set_ or {}).items():
            target = request
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        for name in drop or []:
            request.pop(name, None)
        invalid.append(request)

    for name, sub in props.items():
        if name in full:
            for bad in [_JUNK[sub["type"]], *fx.invalid_values(sub)]:
                variant({(name,): bad})
            if sub["type"] == "object":
                for field, fsub in sub.get("properties", {}).items():
                    for bad in [_JUNK[fsub["type"]], *fx.invalid_values(fsub)]:
                        variant({(name, field): bad})
    for name in schema.get("required", []):
        variant(drop=[name])
    variant({("NotAParameter",): "x"})
    for pair in _exclusions(schema):
        variant({(n,): full.get(n, sample(props[n])) for n in pair})
    for name, needs in schema.get("dependentRequired", {}).items():
        variant({(name,): full.get(name, sample(props[name]))}, drop=list(needs))
    for groups in _any_ofs(schema):
        variant(drop=[n for g in groups for n in g])
    oracle = fx.Oracle(schema)
    return [r for r in valid if oracle.is_valid(r)], [r for r in invalid if not oracle.is_valid(r)]


# --- the competitors ------------------------------------------------------------------------------


def generated(module: ModuleType, op: model.Operation) -> Validator:
    validate = module.VALIDATORS[op.name]
    return lambda request: not validate(request)


def draft07(schema: Any) -> Any:
    """The schema in draft-07 spelling, without annotations, for fastjsonschema."""
    if isinstance(schema, list):
        return [draft07(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key.startswith("x-") or key in ("$schema", "$id", "description", "examples", "default"):
            continue
        if key == "dependentRequired":
            out["dependencies"] = value
        elif key == "properties":
            out[key] = {k: draft07(v) for k, v in value.items()}
        else:
            out[key] = draft07(value)
    return out


def fast(schema: dict[str, Any]) -> Validator:
    compiled = fastjsonschema.compile(
        {"$schema": "http://json-schema.org/draft-07/schema#", **draft07(schema)}
    )
    error = fastjsonschema.JsonSchemaValueException

    def check(request: dict[str, Any]) -> bool:
        try:
            compiled(request)
        except error:
            return False
        return True

    return check


def plain_jsonschema(schema: dict[str, Any]) -> Validator:
    validator = jsonschema.Draft202012Validator(schema)

    def check(request: dict[str, Any]) -> bool:
        return bool(validator.is_valid(request))

    return check


_MISSING = object()


def pydantic_type(schema: dict[str, Any], name: str) -> Any:
    kind = schema["type"]
    if "enum" in schema:
        return Literal[tuple(schema["enum"])]
    if kind == "string":
        constraints = pydantic.StringConstraints(
            strict=True,
            pattern=schema.get("pattern"),
            min_length=None if schema.get("x-length-unit") == "bytes" else schema.get("minLength"),
            max_length=None if schema.get("x-length-unit") == "bytes" else schema.get("maxLength"),
        )
        if schema.get("x-length-unit") == "bytes":
            lo, hi = schema.get("minLength", 0), schema.get("maxLength", math.inf)

            def in_bytes(value: str) -> str:
                if not lo <= len(value.encode("utf-8", "surrogatepass")) <= hi:
                    raise ValueError("length in bytes")
                return value

            return Annotated[str, constraints, pydantic.AfterValidator(in_bytes)]
        return Annotated[str, constraints]
    if kind == "integer":
        return Annotated[
            int,
            pydantic.Strict(),
            pydantic.Field(ge=schema.get("minimum"), le=schema.get("maximum")),
        ]
    if kind == "number":
        return Annotated[
            float,
            pydantic.Strict(),
            pydantic.Field(ge=schema.get("minimum"), le=schema.get("maximum")),
        ]
    if kind == "boolean":
        return Annotated[bool, pydantic.Strict()]
    if kind == "array":
        item = pydantic_type(schema["items"], name + "Item")
        return Annotated[list[item], pydantic.Strict(), pydantic.Field(min_length=schema.get("minItems"), max_length=schema.get("maxItems"))]  # type: ignore[valid-type]
    return pydantic_model(schema, name)


def pydantic_model(schema: dict[str, Any], name: str) -> type[pydantic.BaseModel]:
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fields: dict[str, Any] = {}
    attr = {}
    for index, (key, sub) in enumerate(props.items()):
        attr[key] = f"f{index}"
        default = ... if key in required else None
        fields[f"f{index}"] = (
            pydantic_type(sub, f"{name}_{index}"),
            pydantic.Field(default, alias=key),
        )
    exclusions = _exclusions(schema)
    dependent = schema.get("dependentRequired", {})
    any_ofs = _any_ofs(schema)

    def rules(self: pydantic.BaseModel) -> pydantic.BaseModel:
        given = {k for k, a in attr.items() if a in self.model_fields_set}
        for pair in exclusions:
            if all(n in given for n in pair):
                raise ValueError(f"{pair} exclude each other")
        for key, needs in dependent.items():
            if key in given and not all(n in given for n in needs):
                raise ValueError(f"{key} requires {needs}")
        for groups in any_ofs:
            if not any(all(n in given for n in g) for g in groups):
                raise ValueError(f"one of {groups}")
        return self

    validators = (
        {"rules": pydantic.model_validator(mode="after")(rules)}
        if exclusions or dependent or any_ofs
        else {}
    )
    config = pydantic.ConfigDict(extra="forbid" if props else "allow", strict=True)
    model_type: type[pydantic.BaseModel] = pydantic.create_model(
        re.sub(r"\W", "_", name),
        __config__=config,
        __validators__=validators,  # type: ignore[arg-type]  # decorated, as pydantic wants
        **fields,
    )
    return model_type


def pydantic_validator(schema: dict[str, Any], name: str) -> Validator:
    validate = pydantic_model(schema, name).model_validate
    error = pydantic.ValidationError

    def check(request: dict[str, Any]) -> bool:
        try:
            validate(request)
        except error:
            return False
        return True

    return check


# --- hand-written: Huawei CreateLifecycleHook, as one would write it ----------------------------

_HAND_NAME = re.compile(r"^[A-Za-z0-9_-]*$")
_HAND_META = re.compile(r"^[^<>&'()]*$")
_HAND_KNOWN = frozenset(
    {
        "project_id",
        "scaling_group_id",
        "lifecycle_hook_name",
        "lifecycle_hook_type",
        "default_result",
        "default_timeout",
        "notification_topic_urn",
        "notification_metadata",
    }
)


def hand_written(problem: Any) -> Callable[[dict[str, Any]], list[Any]]:
    """The constraints of sources/huawei/creating_a_lifecycle_hook.rst, checked by hand."""
    P = problem

    def check(r: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        for key in ("project_id", "scaling_group_id", "notification_topic_urn"):
            if key not in r:
                out.append(
                    P(key, "missing", None, f"Invalid input parameter: {key}", "AS.0001", 400)
                )
            elif not isinstance(r[key], str):
                out.append(
                    P(key, "type", r[key], f"Invalid input parameter: {key}", "AS.0001", 400)
                )
        v = r.get("lifecycle_hook_name")
        if "lifecycle_hook_name" not in r:
            out.append(
                P(
                    "lifecycle_hook_name",
                    "missing",
                    None,
                    "Invalid input parameter: lifecycle_hook_name",
                    "AS.0001",
                    400,
                )
            )
        elif not isinstance(v, str):
            out.append(
                P(
                    "lifecycle_hook_name",
                    "type",
                    v,
                    "Invalid input parameter: lifecycle_hook_name",
                    "AS.0001",
                    400,
                )
            )
        else:
            if len(v) > 32:
                out.append(
                    P(
                        "lifecycle_hook_name",
                        "length",
                        v,
                        "Invalid input parameter: lifecycle_hook_name",
                        "AS.0001",
                        400,
                    )
                )
            if not _HAND_NAME.fullmatch(v):
                out.append(
                    P(
                        "lifecycle_hook_name",
                        "pattern",
                        v,
                        "Invalid input parameter: lifecycle_hook_name",
                        "AS.0001",
                        400,
                    )
                )
        v = r.get("lifecycle_hook_type")
        if "lifecycle_hook_type" not in r:
            out.append(
                P(
                    "lifecycle_hook_type",
                    "missing",
                    None,
                    "Invalid input parameter: lifecycle_hook_type",
                    "AS.0001",
                    400,
                )
            )
        elif not isinstance(v, str):
            out.append(
                P(
                    "lifecycle_hook_type",
                    "type",
                    v,
                    "Invalid input parameter: lifecycle_hook_type",
                    "AS.0001",
                    400,
                )
            )
        elif v != "INSTANCE_TERMINATING" and v != "INSTANCE_LAUNCHING":
            out.append(
                P(
                    "lifecycle_hook_type",
                    "enum",
                    v,
                    "Invalid input parameter: lifecycle_hook_type",
                    "AS.0001",
                    400,
                )
            )
        if "default_result" in r:
            v = r["default_result"]
            if not isinstance(v, str):
                out.append(
                    P(
                        "default_result",
                        "type",
                        v,
                        "Invalid input parameter: default_result",
                        "AS.0001",
                        400,
                    )
                )
            elif v != "ABANDON" and v != "CONTINUE":
                out.append(
                    P(
                        "default_result",
                        "enum",
                        v,
                        "Invalid input parameter: default_result",
                        "AS.0001",
                        400,
                    )
                )
        if "default_timeout" in r:
            v = r["default_timeout"]
            if type(v) is not int:
                out.append(
                    P(
                        "default_timeout",
                        "type",
                        v,
                        "Invalid input parameter: default_timeout",
                        "AS.0001",
                        400,
                    )
                )
            elif v < 60 or v > 86400:
                out.append(
                    P(
                        "default_timeout",
                        "range",
                        v,
                        "Invalid input parameter: default_timeout",
                        "AS.0001",
                        400,
                    )
                )
        if "notification_metadata" in r:
            v = r["notification_metadata"]
            if not isinstance(v, str):
                out.append(
                    P(
                        "notification_metadata",
                        "type",
                        v,
                        "Invalid input parameter: notification_metadata",
                        "AS.0001",
                        400,
                    )
                )
            else:
                if len(v) > 256:
                    out.append(
                        P(
                            "notification_metadata",
                            "length",
                            v,
                            "Invalid input parameter: notification_metadata",
                            "AS.0001",
                            400,
                        )
                    )
                if not _HAND_META.fullmatch(v):
                    out.append(
                        P(
                            "notification_metadata",
                            "pattern",
                            v,
                            "Invalid input parameter: notification_metadata",
                            "AS.0001",
                            400,
                        )
                    )
        if not r.keys() <= _HAND_KNOWN:
            for key in r:
                if key not in _HAND_KNOWN:
                    out.append(
                        P(key, "unknown", r[key], f"Invalid input parameter: {key}", "AS.0001", 400)
                    )
        return out

    return check


# --- timing --------------------------------------------------------------------------------------


def _loops(
    check: Callable[[dict[str, Any]], object], requests: list[dict[str, Any]], budget: float
) -> int:
    """How many passes over the corpus take about `budget` / 10 seconds."""
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            for request in requests:
                check(request)
        if time.process_time() - start > budget / 10:
            return loops
        loops *= 2


def measure(
    contenders: Mapping[str, Callable[[dict[str, Any]], object]],
    requests: list[dict[str, Any]],
    budget: float,
    rounds: int = 7,
) -> dict[str, float]:
    """ns per call of each contender over the corpus: the best of `rounds` rounds, the
    contenders taking turns within a round, so that a busy machine slows them alike. CPU time
    of this process, not wall time: time spent waiting for a core is not the validator's."""
    if not requests:
        return {name: math.nan for name in contenders}
    loops = {name: _loops(check, requests, budget) for name, check in contenders.items()}
    best = {name: math.inf for name in contenders}
    names = list(contenders)
    gc.disable()
    try:
        for turn in range(rounds):
            for name in names[turn % len(names) :] + names[: turn % len(names)]:
                check, n = contenders[name], loops[name]
                start = time.process_time_ns()
                for _ in range(n):
                    for request in requests:
                        check(request)
                best[name] = min(best[name], (time.process_time_ns() - start) / (n * len(requests)))
    finally:
        gc.enable()
    return best


def render(ops: list[model.Operation], out: Path) -> dict[str, ModuleType]:
    loaded: dict[str, ModuleType] = fx.load_validators(ops, out, "bench")
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="the test operations, not specs/")
    parser.add_argument("-k", default="", help="only operations whose provider/name contains this")
    parser.add_argument("--budget", type=float, default=0.2, help="seconds per measurement")
    args = parser.parse_args(argv)

    ops = [] if args.fixtures else fx.spec_operations()
    source = "specs/"
    if not ops:
        ops, source = fx.all_operations(), "tests/generate/conftest_validators.py"
    ops = [op for op in ops if args.k in f"{op.provider}/{op.name}"]
    with tempfile.TemporaryDirectory() as tmp:
        mods = render(ops, Path(tmp))
        print(
            f"operations from {source}; Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, "
            f"fastjsonschema {fastjsonschema.VERSION}, jsonschema {_version('jsonschema')}"
        )
        print(
            "ns per validation for the generated validators; the others as a ratio to them (>1: slower)"
        )
        header = f"{'operation':36} {'n':>5} | {'generated':>9} {'fastjs':>7} {'jsonsch':>7} {'pydantic':>8} | {'generated':>9} {'fastjs':>7} {'jsonsch':>7} {'pydantic':>8}"
        print(f"{'':36} {'':>5} | {'valid':^34} | {'invalid':^34}")
        print(header)
        ratios: dict[str, list[float]] = {
            k: []
            for k in ("fastjs-v", "jsonsch-v", "pydantic-v", "fastjs-i", "jsonsch-i", "pydantic-i")
        }
        disagreements: dict[str, int] = {
            "fastjsonschema": 0,
            "jsonschema": 0,
            "pydantic": 0,
            "generated": 0,
        }
        hand_line = ""
        for op in ops:
            schema = js.request_schema(op)
            valid, invalid = corpus(schema)
            module = mods[fx.package_of(op)]
            contenders: dict[str, Validator] = {
                "generated": generated(module, op),
                "fastjsonschema": fast(schema),
                "jsonschema": plain_jsonschema(schema),
                "pydantic": pydantic_validator(schema, op.name),
            }
            for name, check in contenders.items():
                disagreements[name] += sum(not check(r) for r in valid) + sum(
                    check(r) for r in invalid
                )
            on_valid = measure(contenders, valid, args.budget)
            on_invalid = measure(contenders, invalid, args.budget)
            times = {name: (on_valid[name], on_invalid[name]) for name in contenders}
            gen_v, gen_i = times["generated"]
            row = [times[n][0] / gen_v for n in ("fastjsonschema", "jsonschema", "pydantic")]
            row_i = [times[n][1] / gen_i for n in ("fastjsonschema", "jsonschema", "pydantic")]
            for key, value in zip(ratios, row + row_i, strict=True):
                ratios[key].append(value)
            label = f"{op.provider}/{op.name}"
            print(
                f"{label:36} {len(valid):>2}/{len(invalid):<3}| {gen_v:>9.0f} {row[0]:>7.2f} {row[1]:>7.1f} {row[2]:>8.2f} | {gen_i:>9.0f} {row_i[0]:>7.2f} {row_i[1]:>7.1f} {row_i[2]:>8.2f}"
            )
            if (op.provider, op.name) == ("huawei", "CreateLifecycleHook"):
                hand_line = compare_hand_written(module, op, valid, invalid, args.budget)
        print()
        print("geometric mean of the ratios (>1: the generated validators are faster):")
        for key, values in ratios.items():
            print(
                f"  {key:11} {statistics.geometric_mean(values):6.2f}   (min {min(values):.2f}, max {max(values):.2f})"
            )
        if hand_line:
            print(hand_line)
        print(
            "verdicts that differ from the reference reading (integers are JSON integers, ECMA `$`,"
        )
        print("byte lengths):", ", ".join(f"{k} {v}" for k, v in disagreements.items()))
    return 0


def compare_hand_written(
    module: ModuleType,
    op: model.Operation,
    valid: list[dict[str, Any]],
    invalid: list[dict[str, Any]],
    budget: float,
) -> str:
    hand = hand_written(module.Problem)
    validate = module.VALIDATORS[op.name]
    same = all(
        {(p.parameter, p.constraint) for p in hand(r)}
        == {(p.parameter, p.constraint) for p in validate(r)}
        for r in valid + invalid
    )
    pair = {"generated": validate, "hand": hand}
    on_valid, on_invalid = measure(pair, valid, budget, 15), measure(pair, invalid, budget, 15)
    gv, gi, hv, hi = (
        on_valid["generated"],
        on_invalid["generated"],
        on_valid["hand"],
        on_invalid["hand"],
    )
    agree = (
        "same problems on the whole corpus"
        if same
        else "DIFFERENT problems: the spec changed, update the hand-written check"
    )
    return (
        f"hand-written huawei/CreateLifecycleHook: valid {hv:.0f} ns, invalid {hi:.0f} ns; "
        f"generated/hand-written: valid {gv / hv:.2f}x, invalid {gi / hi:.2f}x ({agree})"
    )


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    sys.exit(main())
