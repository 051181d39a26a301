"""Date-time formats, nullable values and idempotency tokens through the JSON Schema, the
generated validators, the docs and the client docstrings (rows of generator.constraints)."""

from __future__ import annotations

from types import ModuleType

import pytest

from generator import constraints, model
from generator.render import clients, docs
from generator.render import schema as js

from . import conftest_validators as fx

PAGE = "sources/aws/fake.txt"
SRC = model.Source(PAGE, 3)


def _op(protocol: str, provider: str) -> model.Operation:
    return model.Operation(
        provider=provider,
        service="fake",
        api_version="1",
        protocol=protocol,
        name="ScheduleThing",
        family="aws-dart",
        source=model.Source(PAGE, 1),
        parameters=[
            model.Parameter("StartTime", SRC, required=True, format="date-time"),
            model.Parameter(
                "Times", SRC, type="array", items="string", format="date-time", nullable=True
            ),
            model.Parameter(
                "Mode",
                SRC,
                nullable=True,
                enum=model.Enum(SRC, [model.EnumValue("A"), model.EnumValue("B")]),
            ),
            model.Parameter("ClientToken", SRC, required=True, idempotency_token=True),
        ],
    )


@pytest.fixture(scope="module")
def mods(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    ops = [_op("aws-query", "aws"), _op("tencent-json", "tencent")]
    return fx.load_validators(ops, tmp_path_factory.mktemp("formats"), "formats")


def test_schema_states_format_nullable_and_token() -> None:
    op = _op("tencent-json", "tencent")
    found = js.request_schema(op)
    props = found["properties"]
    assert props["StartTime"]["format"] == "date-time"
    assert props["Times"]["type"] == ["array", "null"]
    assert props["Times"]["items"]["format"] == "date-time"
    assert props["Mode"]["type"] == ["string", "null"]
    assert props["Mode"]["enum"] == ["A", "B", None]
    assert props["ClientToken"]["x-idempotency-token"] is True
    assert found["required"] == ["StartTime"]  # the client fills the token in


@pytest.mark.parametrize(
    "value", ["2024-01-31T08:00:00Z", "2019-08-08T12:00Z", "2024-01-31T08:00:00.123+08:00"]
)
def test_validators_accept_date_times(mods: dict[str, ModuleType], value: str) -> None:
    mod = mods["tencent_fake"]
    assert mod.validate_schedule_thing({"StartTime": value}) == []


@pytest.mark.parametrize("value", ["banana", "2024-13-01T00:00:00Z", "2024-01-31", ""])
def test_validators_reject_what_is_not_a_date_time(mods: dict[str, ModuleType], value: str) -> None:
    for pkg in ("tencent_fake", "aws_fake"):
        (problem,) = mods[pkg].validate_schedule_thing({"StartTime": value})
        assert (problem.parameter, problem.constraint) == ("StartTime", "type")
        assert "date-time" in problem.message


def test_list_items_are_date_times(mods: dict[str, ModuleType]) -> None:
    mod = mods["aws_fake"]
    problems = mod.validate_schedule_thing_wire(
        {
            "StartTime": "2024-01-31T08:00:00Z",
            "Times.member.1": "2024-01-31T08:00:00Z",
            "Times.member.2": "banana",
        }
    )
    assert [(p.parameter, p.constraint) for p in problems] == [("Times.1", "type")]


def test_nullable_values_accept_null(mods: dict[str, ModuleType]) -> None:
    mod = mods["tencent_fake"]
    ok = {"StartTime": "2024-01-31T08:00:00Z", "Mode": None, "Times": None}
    assert mod.validate_schedule_thing(ok) == []
    bad = {"StartTime": None, "Mode": "C"}
    assert [(p.parameter, p.constraint) for p in mod.validate_schedule_thing(bad)] == [
        ("StartTime", "type"),
        ("Mode", "enum"),
    ]


def test_idempotency_token_is_not_required_from_the_caller(mods: dict[str, ModuleType]) -> None:
    mod = mods["tencent_fake"]
    assert mod.validate_schedule_thing({"StartTime": "2024-01-31T08:00:00Z"}) == []
    op = _op("tencent-json", "tencent")
    assert [p.name for p in constraints.idempotency_tokens(op)] == ["ClientToken"]


def test_docs_and_docstrings_say_so() -> None:
    op = _op("tencent-json", "tencent")
    start, times, mode, token = op.parameters
    assert [{"text": "format: "}, {"code": "date-time"}] in docs._constraints(start, PAGE)[0]
    assert [{"text": "may be "}, {"code": "null"}] in docs._constraints(mode, PAGE)[0]
    token_doc = docs._constraints(token, PAGE)[0]
    assert any("the client fills it in" in seg["text"] for segs in token_doc for seg in segs)
    described = clients.describe(token)
    assert "Idempotency token" in described and "Required" not in described
    assert "Format: date-time" in clients.describe(start)
