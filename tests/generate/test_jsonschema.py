"""Per-operation request schemas (JSON Schema 2020-12) from the real specs, and the shared
schema helper they are built with."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from generator import model
from generator.model import Default, Enum, EnumValue, Length, Parameter, Range, Rule, Source
from generator.render import jsonschema_target
from generator.render import schema as js

from .conftest import render_context


@pytest.fixture(scope="module")
def rendered(spec_operations: list[model.Operation]) -> dict[str, bytes]:
    return jsonschema_target.render(spec_operations, render_context())


def schema_of(rendered: dict[str, bytes], provider: str, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(rendered[f"jsonschema/{provider}/{name}.json"])
    return loaded


def validator(
    rendered: dict[str, bytes], provider: str, name: str
) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema_of(rendered, provider, name))


def test_one_schema_per_operation_deterministic(
    spec_operations: list[model.Operation], rendered: dict[str, bytes]
) -> None:
    assert sorted(rendered) == sorted(
        f"jsonschema/{op.provider}/{op.name}.json" for op in spec_operations
    )
    assert jsonschema_target.render(list(reversed(spec_operations)), render_context()) == rendered
    for op in spec_operations:
        text = rendered[f"jsonschema/{op.provider}/{op.name}.json"].decode()
        data = json.loads(text)
        assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        jsonschema.Draft202012Validator.check_schema(data)
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert data["additionalProperties"] is False
        # the request as validators see it: every parameter by wire name, whatever its location
        assert list(data["properties"]) == [p.name for p in op.parameters]
        assert data.get("required", []) == [p.name for p in op.parameters if p.required]


def test_every_constraint_cites_its_source(
    spec_operations: list[model.Operation], rendered: dict[str, bytes]
) -> None:
    keywords = (
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
        "enum",
        "default",
        "minItems",
        "maxItems",
    )

    def walk(schema: dict[str, Any]) -> None:
        for key in keywords:
            if key in schema:
                assert key in schema["x-source"], (key, schema)
                file, _, rest = schema["x-source"][key].partition(":")
                line, _, origin = rest.partition(" ")
                assert line.isdigit(), schema["x-source"][key]
                # a page states or implies the fact, or a human overlay corrects the page
                if file.startswith("specs/overlays/"):
                    assert origin == "(human)", schema["x-source"][key]
                else:
                    assert file.startswith("sources/"), schema["x-source"][key]
                    assert origin in ("(stated)", "(inferred)"), schema["x-source"][key]
        for sub in schema.get("properties", {}).values():
            walk(sub)
        if isinstance(schema.get("items"), dict):
            walk(schema["items"])

    for op in spec_operations:
        for sub in schema_of(rendered, op.provider, op.name)["properties"].values():
            walk(sub)


def test_huawei_create(rendered: dict[str, bytes]) -> None:
    # the operation name is the Huawei SDK's, spelling and all
    check = validator(rendered, "huawei", "CreateLifyCycleHook")
    good = {
        "project_id": "p1",
        "scaling_group_id": "e5d27f5c-dd76-4a61-b4bc-a67c5686719a",
        "lifecycle_hook_name": "test-hook1",
        "lifecycle_hook_type": "INSTANCE_LAUNCHING",
        "notification_topic_urn": "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
    }
    assert check.is_valid(good)
    assert check.is_valid({**good, "default_timeout": 60}) and check.is_valid(
        {**good, "default_timeout": 86400}
    )
    for bad in (
        {"default_timeout": 59},
        {"default_timeout": 86401},
        {"default_timeout": "3600"},
        {"lifecycle_hook_name": "x" * 33},
        {"lifecycle_hook_name": "a b"},
        {"lifecycle_hook_type": "INSTANCE_STARTING"},
        {"notification_metadata": "a<b"},
        {"notification_metadata": "x" * 257},
        {"surprise": 1},
    ):
        assert not check.is_valid({**good, **bad}), bad
    assert not check.is_valid({k: v for k, v in good.items() if k != "notification_topic_urn"})
    schema = schema_of(rendered, "huawei", "CreateLifyCycleHook")
    assert schema["properties"]["default_timeout"]["default"] == 3600


def test_alibaba_create(rendered: dict[str, bytes]) -> None:
    check = validator(rendered, "alibaba", "CreateLifecycleHook")
    good = {"ScalingGroupId": "asg-1", "LifecycleTransition": "SCALE_OUT"}
    assert check.is_valid(good)
    assert not check.is_valid({**good, "NotificationMetadata": "m"})  # requires NotificationArn
    assert check.is_valid(
        {**good, "NotificationMetadata": "m", "NotificationArn": "acs:mns:r:1:queue/q"}
    )
    for bad in ({"HeartbeatTimeout": 29}, {"HeartbeatTimeout": 21601}, {"LifecycleHookName": "a"},
                {"LifecycleHookName": "a" * 65}, {"LifecycleTransition": "SCALE_UP"}):  # fmt: skip
        assert not check.is_valid({**good, **bad}), bad
    assert check.is_valid({**good, "HeartbeatTimeout": 21600, "LifecycleHookName": "ab"})


def test_tencent_create(rendered: dict[str, bytes]) -> None:
    check = validator(rendered, "tencent", "CreateLifecycleHook")
    good = {
        "AutoScalingGroupId": "asg-1",
        "LifecycleHookName": "one-hook",
        "LifecycleTransition": "INSTANCE_LAUNCHING",
    }
    command = {"CommandId": "cmd-1"}
    target = {"TargetType": "TDMQ_CMQ_QUEUE", "QueueName": "q"}
    assert check.is_valid({**good, "LifecycleCommand": command})
    assert check.is_valid({**good, "NotificationTarget": target, "NotificationMetadata": "m"})
    assert not check.is_valid({**good, "LifecycleCommand": command, "NotificationMetadata": "m"})
    assert not check.is_valid({**good, "LifecycleCommand": command, "NotificationTarget": target})
    assert not check.is_valid({**good, "NotificationTarget": {**target, "Unknown": 1}})
    assert not check.is_valid({**good, "LifecycleTransitionType": "SPECIAL"})
    assert not check.is_valid({**good, "HeartbeatTimeout": 7201})
    assert check.is_valid(
        {**good, "HeartbeatTimeout": 7200, "LifecycleTransitionType": "EXTENSION"}
    )


def test_aws_put_and_lists(rendered: dict[str, bytes]) -> None:
    check = validator(rendered, "aws", "PutLifecycleHook")
    good = {"AutoScalingGroupName": "g", "LifecycleHookName": "h"}
    assert check.is_valid(
        {
            **good,
            "HeartbeatTimeout": 30,
            "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
        }
    )
    for bad in ({"HeartbeatTimeout": 29}, {"HeartbeatTimeout": 7201}, {"LifecycleHookName": ""},
                {"LifecycleHookName": "h" * 256}, {"LifecycleTransition": "EC2_INSTANCE_LAUNCHING"},
                {"NotificationMetadata": "m" * 1024}):  # fmt: skip
        assert not check.is_valid({**good, **bad}), bad
    schema = schema_of(rendered, "aws", "PutLifecycleHook")
    assert schema["x-required-on-create"] == ["LifecycleTransition", "RoleARN"]
    describe = validator(rendered, "aws", "DescribeLifecycleHooks")
    assert describe.is_valid({"AutoScalingGroupName": "g", "LifecycleHookNames": ["a", "b"]})
    assert not describe.is_valid({"AutoScalingGroupName": "g", "LifecycleHookNames": "a"})


# --- the shared helper ------------------------------------------------------------------------

SRC = Source("sources/x.md", 3)


def test_rules_become_keywords() -> None:
    params = [Parameter(n, SRC) for n in ("A", "B", "C", "D")]
    rules = [
        Rule("mutually_exclusive", Source("sources/x.md", 7), parameters=["A", "B", "C"]),
        Rule("requires", SRC, parameters=["A"], requires=["D"]),
        Rule("requires", SRC, parameters=["A"], requires=["C"]),
        Rule("one_of", SRC, groups=[["A"], ["B", "C"]]),
        Rule("requires", SRC, parameters=["A"], requires=["Nowhere"]),
    ]
    schema = js.object_schema(params, rules, closed=True)
    assert schema["dependentRequired"] == {"A": ["D", "C"]}
    assert [e["not"]["required"] for e in schema["allOf"]] == [["A", "B"], ["A", "C"], ["B", "C"]]
    assert schema["anyOf"] == [{"required": ["A"]}, {"required": ["B", "C"]}]
    assert [r["source"] for r in schema["x-rules"]][0] == "sources/x.md:7 (stated)"
    assert len(schema["x-rules"]) == 5  # the rule over an unknown name is kept, as a record
    check = jsonschema.Draft202012Validator(schema)
    assert check.is_valid({"B": "1", "C": "2"}) is False  # B and C exclude each other
    assert check.is_valid({"A": "1", "D": "2"}) is False  # A requires C too
    assert check.is_valid({"B": "1"}) is False  # neither group complete
    assert check.is_valid({"C": "1", "D": "2", "B": None}) is False


def test_values_that_do_not_fit_are_left_out() -> None:
    port = Parameter(
        "Port", SRC, type="integer", example="80****",
        range=Range(SRC, 1, 65535), default=Default(Source("sources/x.md", 9), "70000"),
    )  # fmt: skip
    schema = js.parameter_schema(port)
    assert "examples" not in schema and "default" not in schema  # a wrong value is worse than none
    size = Parameter("Size", SRC, type="integer", example="8", default=Default(SRC, "8"))
    assert js.parameter_schema(size)["default"] == 8 and js.parameter_schema(size)["examples"] == [
        8
    ]
    kind = Parameter("Kind", SRC, enum=Enum(SRC, [EnumValue("a", "first"), EnumValue("b")]))
    assert js.parameter_schema(kind)["x-enum-descriptions"] == {"a": "first"}
    names = Parameter("Names", SRC, type="array", items="string", length=Length(SRC, max=5, unit="items"),
                      enum=Enum(SRC, [EnumValue("x")]))  # fmt: skip
    schema = js.parameter_schema(names)
    assert schema["maxItems"] == 5 and schema["items"]["enum"] == ["x"]
    nested = Parameter("Target", SRC, type="object", fields=[Parameter("Kind", SRC, required=True)])
    rules = [Rule("requires", SRC, parameters=["Target.Kind"], requires=["Target.Name"])]
    schema = js.parameter_schema(nested, rules, closed=True)
    assert schema["required"] == ["Kind"] and schema["additionalProperties"] is False
    assert schema["x-rules"][0]["parameters"] == ["Kind"]
