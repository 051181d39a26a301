"""A constraint kind is one row of generator/constraints.py, its miner and its validator check.

A fake `multiple of` kind is registered for the length of a test (the table row, a miner in
`mining.MINERS`, and the model field the row names, set on the parameter) and every consumer
of the vocabulary picks it up without being told: mining, the JSON Schema, the generated
validator (answered with the protocol's range answer, as the row says), docs, client
docstrings, diff and overlays. Nothing else is edited, which is the point.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest

from generator import constraints, diff, example_check, mining, model, protocols
from generator.constraints import CheckCode, CheckContext, Delta, Kind, Segment
from generator.mining import text
from generator.render import TEMPLATES, Context, clients, docs, environment, schema, validators

PAGE = "sources/tencent/Fake.txt"
SRC = model.Source(PAGE, 7)


@dataclass
class MultipleOf:
    source: model.Source
    value: int


def _trait(param: model.Parameter) -> MultipleOf | None:
    found = getattr(param, "multiple_of", None)
    return found if isinstance(found, MultipleOf) else None


def _emit(
    param: model.Parameter, spec_type: str, out: dict[str, Any], sources: dict[str, str]
) -> None:
    trait = _trait(param)
    if trait is not None and spec_type in ("integer", "number"):
        out["multipleOf"] = trait.value
        sources["multipleOf"] = constraints.source_text(trait.source)


def _checks(found: dict[str, Any], var: str, ctx: CheckContext) -> list[CheckCode]:
    if "multipleOf" not in found:
        return []
    n = found["multipleOf"]
    cite = found["x-source"]["multipleOf"]
    return [CheckCode("multiple_of", cite, f"must be a multiple of {n}", f"{var} % {n} != 0")]


def _check(param: model.Parameter, value: object) -> str | None:
    trait = _trait(param)
    if trait is None or not isinstance(value, int) or value % trait.value == 0:
        return None
    return f"{value} is not a multiple of {trait.value}"


def _doc(param: model.Parameter) -> list[Segment] | None:
    trait = _trait(param)
    return None if trait is None else [{"text": f"multiple of {trait.value}"}]


def _sentence(param: model.Parameter) -> tuple[str, model.Source] | None:
    trait = _trait(param)
    return None if trait is None else (f"Multiple of {trait.value}", trait.source)


def _diff(a: model.Parameter, b: model.Parameter, request: bool) -> list[Delta]:
    x, y = _trait(a), _trait(b)
    vx, vy = (x.value if x else None), (y.value if y else None)
    if vx == vy:
        return []
    return [Delta("multiple of", "breaking", vx, vy, f"multiple of {vx} -> {vy}")]


def _mine(
    param: model.Parameter, parts: list[text.Block], found: list[text.Sentence], file: str
) -> MultipleOf | None:
    for sentence in found:
        m = re.search(r"multiple of ([0-9]+)", sentence.text)
        if m:
            return MultipleOf(model.Source(file, sentence.line, quote=m.group(0)), int(m.group(1)))
    return None


FAKE = Kind(
    "multiple of",
    "multiple_of",
    sourced=True,
    problem="multiple_of",
    answered_as="range",
    level="value",
    emit=_emit,
    diff=_diff,
    checks=_checks,
    check=_check,
    doc=_doc,
    sentence=_sentence,
)


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(constraints, "KINDS", (*constraints.KINDS, FAKE))
    monkeypatch.setitem(mining.MINERS, "multiple of", _mine)


def _param() -> model.Parameter:
    param = model.Parameter(
        "Size",
        SRC,
        type="integer",
        description="The size, a multiple of 5.",
        range=model.Range(SRC, 5, 100),
    )
    mining.mine_parameter(param, [(7, "The size, a multiple of 5.")], PAGE)
    return param


def _op(param: model.Parameter) -> model.Operation:
    return model.Operation(
        provider="tencent",
        service="fake",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="ResizeThing",
        family="tencent-text",
        source=model.Source(PAGE, 1),
        parameters=[param],
    )


def _validators(op: model.Operation, out: Path) -> Any:
    ctx = Context(env=environment(TEMPLATES), templates=TEMPLATES)
    ((rel, data),) = validators.render([op], ctx).items()
    path = out / "validators.py"
    path.write_bytes(data)
    spec = importlib.util.spec_from_file_location("_vocabulary_fake_validators", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.usefixtures("registered")
def test_the_miner_fills_the_new_kind() -> None:
    trait = _trait(_param())
    assert trait is not None and trait.value == 5 and trait.source.line == 7


@pytest.mark.usefixtures("registered")
def test_the_schema_states_it() -> None:
    found = schema.parameter_schema(_param())
    assert found["multipleOf"] == 5
    assert found["x-source"]["multipleOf"] == f"{PAGE}:7 (stated)"


@pytest.mark.usefixtures("registered")
def test_the_generated_validator_checks_it(tmp_path: Path) -> None:
    mod = _validators(_op(_param()), tmp_path)
    assert mod.validate_resize_thing({"Size": 10}) == []
    (problem,) = mod.validate_resize_thing({"Size": 7})
    range_answer = protocols.get("tencent-json").validation["range"]
    assert problem.constraint == "multiple_of"
    assert (problem.code, problem.status) == (range_answer.code, range_answer.status)
    assert "must be a multiple of 5" in problem.message


@pytest.mark.usefixtures("registered")
def test_docs_and_client_docstrings_word_it() -> None:
    param = _param()
    segments, sources = docs._constraints(param, PAGE)
    assert [{"text": "multiple of 5"}] in segments
    assert "multiple of: line 7" in sources
    assert "Multiple of 5" in clients.describe(param)


@pytest.mark.usefixtures("registered")
def test_diff_compares_it() -> None:
    old, new = _op(_param()), _op(_param())
    trait = _trait(new.parameters[0])
    assert trait is not None
    trait.value = 10
    (change,) = diff.compare([old], [new])
    assert (change.aspect, change.severity, change.old, change.new) == (
        "multiple of",
        "breaking",
        5,
        10,
    )


@pytest.mark.usefixtures("registered")
def test_overlays_and_the_example_check_know_it() -> None:
    assert "multiple_of" in constraints.sourced_fields()
    param = _param()
    param.example = "12"
    op = _op(param)
    (warning,) = example_check.check(op)
    assert warning.startswith(f"{PAGE}:7: warning: multiple of of Size rejects")
    assert _trait(param) is None  # not emitted


def test_problem_kinds_come_from_the_table() -> None:
    structural = get_args(protocols.StructuralProblem)
    table = tuple(k.problem for k in constraints.KINDS if k.problem and k.answered_as is None)
    assert set(protocols.PROBLEM_KINDS) == set(structural) | set(table)
    assert len(protocols.PROBLEM_KINDS) == len(set(protocols.PROBLEM_KINDS))


@pytest.mark.usefixtures("registered")
def test_a_protocol_answers_a_kind_it_does_not_name() -> None:
    for name in ("aws-query", "alibaba-rpc", "tencent-json", "huawei-rest"):
        proto = protocols.get(name)
        assert "multiple_of" not in proto.validation
        assert proto.answer("multiple_of") == proto.validation["range"]
    with pytest.raises(KeyError):
        protocols.get("aws-query").answer("no_such_problem")


def test_no_target_spells_a_kind_outside_the_table() -> None:
    """The renderers that publish constraints name JSON Schema keywords only through the table."""
    root = Path(__file__).resolve().parents[2]
    for rel in (
        "generator/render/schema.py",
        "generator/render/validators.py",
        "generator/diff.py",
    ):
        code = (root / rel).read_text(encoding="utf-8")
        for keyword in ("minLength", "maxLength", "minItems", "minimum", "x-pattern-description"):
            assert f'"{keyword}"' not in code, (rel, keyword)
