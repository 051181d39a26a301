"""The classification table of `specgen diff`, one kind of change at a time, on a small
hand-made operation (the family tests show the same on real pages)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import pytest

from generator import diff, model
from generator.model import (
    Default,
    Enum,
    EnumValue,
    ErrorCode,
    Length,
    Operation,
    Parameter,
    Pattern,
    Quota,
    Range,
    Rule,
    Source,
    Status,
)

SRC = Source("sources/x.txt", 1)


def _op() -> Operation:
    return Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="CreateLifecycleHook",
        family="tencent-text",
        source=SRC,
        endpoint="as.tencentcloudapi.com",
        parameters=[
            Parameter("Name", SRC, required=True, length=Length(SRC, 1, 128)),
            Parameter(
                "Timeout",
                SRC,
                type="integer",
                range=Range(SRC, 30, 7200, "seconds"),
                default=Default(SRC, 300),
            ),
            Parameter("Mode", SRC, enum=Enum(SRC, [EnumValue("A"), EnumValue("B")])),
            Parameter("Target", SRC, type="object", fields=[Parameter("Kind", SRC)]),
        ],
        response=[
            Parameter("State", SRC, enum=Enum(SRC, [EnumValue("ON"), EnumValue("OFF")])),
            Parameter("Id", SRC),
        ],
        rules=[Rule("mutually_exclusive", SRC, ["Mode", "Target"])],
        quotas=[Quota("lifecycle_hook", "scaling_group", 6, SRC)],
        errors=[ErrorCode("LimitExceeded", SRC, 400), ErrorCode("InternalError", SRC, 500)],
        statuses=[Status(400, SRC), Status(500, SRC)],
    )


def _param(op: Operation, name: str, response: bool = False) -> Parameter:
    found = dict(model.walk_parameters(op.response if response else op.parameters))[name]
    return found


Change = Callable[[Operation], object]  # a lambda may return what it called


def _set(name: str, response: bool = False, **values: object) -> Change:
    def change(op: Operation) -> None:
        param = _param(op, name, response)
        for key, value in values.items():
            setattr(param, key, value)

    return change


CASES: list[tuple[Any, ...]] = [
    # requests
    (
        "range widened",
        _set("Timeout", range=Range(SRC, 30, 86400, "seconds")),
        {("parameter Timeout", "range", "non-breaking")},
    ),
    (
        "range narrowed",
        _set("Timeout", range=Range(SRC, 60, 7200, "seconds")),
        {("parameter Timeout", "range", "breaking")},
    ),
    ("range gone", _set("Timeout", range=None), {("parameter Timeout", "range", "non-breaking")}),
    ("range new", _set("Name", range=Range(SRC, 1, 5)), {("parameter Name", "range", "breaking")}),
    (
        "unit changed",
        _set("Timeout", range=Range(SRC, 30, 7200, "minutes")),
        {("parameter Timeout", "range unit", "breaking")},
    ),
    (
        "length in bytes",
        _set("Name", length=Length(SRC, 1, 128, "bytes")),
        {("parameter Name", "length unit", "breaking")},
    ),
    (
        "unit no longer stated",
        _set("Timeout", range=Range(SRC, 30, 7200)),
        {("parameter Timeout", "range unit", "docs")},
    ),
    (
        "length narrowed",
        _set("Name", length=Length(SRC, 1, 64)),
        {("parameter Name", "length", "breaking")},
    ),
    (
        "length widened",
        _set("Name", length=Length(SRC, 0, 128)),
        {("parameter Name", "length", "non-breaking")},
    ),
    (
        "enum value added",
        _set("Mode", enum=Enum(SRC, [EnumValue("A"), EnumValue("B"), EnumValue("C")])),
        {("parameter Mode", "enum", "non-breaking")},
    ),
    (
        "enum value removed",
        _set("Mode", enum=Enum(SRC, [EnumValue("A")])),
        {("parameter Mode", "enum", "breaking")},
    ),
    (
        "enum new",
        _set("Target.Kind", enum=Enum(SRC, [EnumValue("Q")])),
        {("parameter Target.Kind", "enum", "breaking")},
    ),
    (
        "enum reworded",
        _set("Mode", enum=Enum(SRC, [EnumValue("A", "the a"), EnumValue("B")])),
        {("parameter Mode", "enum", "docs")},
    ),
    ("made required", _set("Mode", required=True), {("parameter Mode", "required", "breaking")}),
    (
        "made optional",
        _set("Name", required=False),
        {("parameter Name", "required", "non-breaking")},
    ),
    ("type changed", _set("Timeout", type="string"), {("parameter Timeout", "type", "breaking")}),
    (
        "pattern new",
        _set("Name", pattern=Pattern(SRC, "^[a-z]*$")),
        {("parameter Name", "pattern", "breaking")},
    ),
    (
        "default changed",
        _set("Timeout", default=Default(SRC, 600)),
        {("parameter Timeout", "default", "breaking")},
    ),
    (
        "default dropped",
        _set("Timeout", default=None),
        {("parameter Timeout", "default", "breaking")},
    ),
    (
        "default stated",
        _set("Mode", default=Default(SRC, "A")),
        {("parameter Mode", "default", "non-breaking")},
    ),
    (
        "description",
        _set("Name", description="The name."),
        {("parameter Name", "description", "docs")},
    ),
    ("example", _set("Name", example="hook-1"), {("parameter Name", "example", "docs")}),
    (
        "optional added",
        lambda op: op.parameters.append(Parameter("Token", SRC)),
        {("parameter Token", "added", "non-breaking")},
    ),
    (
        "required added",
        lambda op: op.parameters.append(Parameter("Token", SRC, required=True)),
        {("parameter Token", "added", "breaking")},
    ),
    ("removed", lambda op: op.parameters.pop(1), {("parameter Timeout", "removed", "breaking")}),
    # an object removed is one change, not one per member
    (
        "object removed",
        lambda op: op.parameters.pop(3),
        {("parameter Target", "removed", "breaking")},
    ),
    # responses: what callers read
    (
        "response field removed",
        lambda op: op.response.pop(1),
        {("response field Id", "removed", "breaking")},
    ),
    (
        "response field added",
        lambda op: op.response.append(Parameter("Arn", SRC)),
        {("response field Arn", "added", "non-breaking")},
    ),
    (
        "response enum value added",
        _set(
            "State", True, enum=Enum(SRC, [EnumValue("ON"), EnumValue("OFF"), EnumValue("PENDING")])
        ),
        {("response field State", "enum", "breaking")},
    ),
    (
        "response enum value removed",
        _set("State", True, enum=Enum(SRC, [EnumValue("ON")])),
        {("response field State", "enum", "non-breaking")},
    ),
    (
        "response default",
        _set("Id", True, default=Default(SRC, "x")),
        {("response field Id", "default", "docs")},
    ),
    # rules, limits, errors, operation
    (
        "rule added",
        lambda op: op.rules.append(Rule("requires", SRC, ["Mode"], ["Name"])),
        {("rule", "added", "breaking")},
    ),
    ("rule removed", lambda op: op.rules.clear(), {("rule", "removed", "non-breaking")}),
    (
        "quota lowered",
        lambda op: setattr(op.quotas[0], "limit", 5),
        {("quota lifecycle_hook per scaling_group", "limit", "breaking")},
    ),
    (
        "quota raised",
        lambda op: setattr(op.quotas[0], "limit", 10),
        {("quota lifecycle_hook per scaling_group", "limit", "non-breaking")},
    ),
    (
        "quota gone",
        lambda op: op.quotas.clear(),
        {("quota lifecycle_hook per scaling_group", "removed", "non-breaking")},
    ),
    (
        "error added",
        lambda op: op.errors.append(ErrorCode("ResourceNotFound", SRC)),
        {("error ResourceNotFound", "added", "non-breaking")},
    ),
    (
        "error removed",
        lambda op: op.errors.pop(0),
        {("error LimitExceeded", "removed", "breaking")},
    ),
    (
        "error status",
        lambda op: setattr(op.errors[0], "status", 429),
        {("error LimitExceeded", "status", "breaking")},
    ),
    (
        "error reworded",
        lambda op: setattr(op.errors[0], "meaning", "Too many."),
        {("error LimitExceeded", "text", "docs")},
    ),
    ("statuses", lambda op: op.statuses.pop(), {("operation", "statuses", "docs")}),
    (
        "endpoint",
        lambda op: setattr(op, "endpoint", "as.intl.tencentcloudapi.com"),
        {("operation", "endpoint", "breaking")},
    ),
    (
        "version",
        lambda op: setattr(op, "api_version", "2022-01-01"),
        {("operation", "api_version", "breaking")},
    ),
    (
        "summary",
        lambda op: setattr(op, "summary", "Creates a hook."),
        {("operation", "summary", "docs")},
    ),
    # format, nullable and idempotency tokens (rows of generator.constraints)
    (
        "request date-time format added",
        lambda op: setattr(op.parameters[0], "format", "date-time"),
        {("parameter Name", "format", "breaking")},
    ),
    (
        "response date-time format dropped",
        lambda op: setattr(op.response[1], "format", None),
        {("response field Id", "format", "breaking")},
        "Id date-time",
    ),
    (
        "request now nullable",
        lambda op: setattr(op.parameters[0], "nullable", True),
        {("parameter Name", "nullable", "non-breaking")},
    ),
    (
        "response field now nullable",
        lambda op: setattr(op.response[1], "nullable", True),
        {("response field Id", "nullable", "breaking")},
    ),
    (
        "response field now optional",
        lambda op: setattr(op.response[1], "required", False),
        {("response field Id", "required", "breaking")},
        "Id required",
    ),
    (
        "response field now always returned",
        lambda op: setattr(op.response[1], "required", True),
        {("response field Id", "required", "non-breaking")},
    ),
    (
        "now an idempotency token",
        lambda op: setattr(op.parameters[0], "idempotency_token", True),
        {("parameter Name", "idempotency token", "non-breaking")},
    ),
    (
        "required token no longer filled by the client",
        lambda op: setattr(op.parameters[0], "idempotency_token", None),
        {("parameter Name", "idempotency token", "breaking")},
        "Name token",
    ),
    # provenance is not an API change
    (
        "moved on the page",
        lambda op: setattr(op.parameters[0], "source", Source("sources/x.txt", 9)),
        set(),
    ),
]


# Some cases start from a variant of the base operation (the old side has the trait).
_BEFORE: dict[str, Change] = {
    "Id date-time": lambda op: setattr(op.response[1], "format", "date-time"),
    "Id required": lambda op: setattr(op.response[1], "required", True),
    "Name token": lambda op: setattr(op.parameters[0], "idempotency_token", True),
}


@pytest.mark.parametrize(
    ("change", "expected", "before"),
    [(*c[1:3], c[3] if len(c) > 3 else None) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_classification(
    change: Change, expected: set[tuple[str, str, str]], before: str | None
) -> None:
    old, new = _op(), _op()
    if before is not None:
        _BEFORE[before](old)
        _BEFORE[before](new)
    change(new)
    found = diff.compare([old], [new])
    assert {(c.subject, c.aspect, c.severity) for c in found} == expected
    assert all(c.operation == "tencent/CreateLifecycleHook" for c in found)


def test_operations_added_and_removed() -> None:
    other = dataclasses.replace(_op(), name="DeleteLifecycleHook")
    found = diff.compare(
        [_op(), other], [_op(), dataclasses.replace(_op(), name="ModifyLifecycleHook")]
    )
    assert [(c.operation, c.aspect, c.severity) for c in found] == [
        ("tencent/DeleteLifecycleHook", "removed", "breaking"),
        ("tencent/ModifyLifecycleHook", "added", "non-breaking"),
    ]


def test_messages_and_values() -> None:
    old, new = _op(), _op()
    new.quotas[0].limit = 5
    _set("Timeout", range=Range(SRC, 30, 3600, "seconds"))(new)
    _set("Mode", enum=Enum(SRC, [EnumValue("A"), EnumValue("C")]))(new)
    found = {(c.subject, c.aspect, c.message): (c.old, c.new) for c in diff.compare([old], [new])}
    assert found == {
        ("parameter Timeout", "range", "range narrowed from 30..7200 to 30..3600"): (
            "30..7200",
            "30..3600",
        ),
        ("parameter Mode", "enum", "enum value(s) removed: ['B']"): (["A", "B"], ["A", "C"]),
        ("parameter Mode", "enum", "enum value(s) added: ['C']"): (["A", "B"], ["A", "C"]),
        ("quota lifecycle_hook per scaling_group", "limit", "lowered from 6 to 5"): (6, 5),
    }


def test_renderings_agree() -> None:
    old, new = _op(), _op()
    _set("Timeout", range=Range(SRC, 30, 3600, "seconds"), description="Shorter.")(new)
    new.errors.append(ErrorCode("Throttled", SRC))
    changes = diff.compare([old], [new])
    doc = json.loads(diff.render_json(changes))
    assert doc == {
        "summary": {"breaking": 1, "non-breaking": 1, "docs": 1},
        "changes": [dataclasses.asdict(c) for c in changes],
    }
    text = diff.render_text(changes).splitlines()
    assert text == [
        "tencent/CreateLifecycleHook",
        "  BREAKING      parameter Timeout: range narrowed from 30..7200 to 30..3600",
        "  DOCS          parameter Timeout: description reworded",
        "  NON-BREAKING  error Throttled: error code added",
        "spec changes: 1 breaking, 1 non-breaking, 1 documentation",
    ]
    summary = diff.render_text(changes, summary_only=True).splitlines()
    assert summary == [
        "spec changes: 1 breaking, 1 non-breaking, 1 documentation",
        "  BREAKING      tencent/CreateLifecycleHook: parameter Timeout: range narrowed from 30..7200 to 30..3600",
        "  NON-BREAKING  tencent/CreateLifecycleHook: error Throttled: error code added",
    ]
    markdown = diff.render_markdown(changes).splitlines()
    assert markdown[0] == "## Spec changes"
    assert (
        "| breaking | tencent/CreateLifecycleHook | parameter Timeout | range narrowed from 30..7200 to 30..3600 |"
        in markdown
    )
    assert len([ln for ln in markdown if ln.startswith("| ") and "severity" not in ln]) == 3
