"""Operations for the validator tests, built with the model's dataclasses.

They mirror the seed pages (sources/) as the readers will extract them, plus a few operations
of the same services that the pages do not cover (lists of objects, booleans, query integers),
so the generated validators meet every shape the model can express. Sources point at the real
page lines where there is one; the others cite this file.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema

from generator import model
from generator.constraints import FORMAT_REGEXES
from generator.model import (
    Enum,
    EnumValue,
    Length,
    Operation,
    Parameter,
    Pattern,
    Range,
    Rule,
    Source,
)

HERE = "tests/generate/conftest_validators.py"


def src(file: str, line: int, origin: model.Origin = "stated") -> Source:
    return Source(file=file, line=line, origin=origin)


def enum(file: str, line: int, *values: model.Scalar) -> Enum:
    return Enum(source=src(file, line), values=[EnumValue(v) for v in values])


# --- huawei ------------------------------------------------------------------------------

H_CREATE = "sources/huawei/creating_a_lifecycle_hook.rst"
H_CALLBACK = "sources/huawei/calling_back_a_lifecycle_hook.rst"


def huawei_path_params(file: str) -> list[Parameter]:
    return [
        Parameter("project_id", src(file, 26), location="path", required=True, doc_type="String"),
        Parameter(
            "scaling_group_id", src(file, 27), location="path", required=True, doc_type="String"
        ),
    ]


def huawei_create() -> Operation:
    f = H_CREATE
    return Operation(
        provider="huawei",
        service="as",
        api_version="v1",
        protocol="huawei-rest",
        name="CreateLifecycleHook",
        family="huawei-rst",
        source=src(f, 1),
        method="POST",
        path="/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}",
        summary="Create a lifecycle hook for an AS group.",
        parameters=[
            *huawei_path_params(f),
            Parameter(
                "lifecycle_hook_name",
                src(f, 38),
                required=True,
                doc_type="String",
                length=Length(src(f, 38), max=32),
                pattern=Pattern(src(f, 38), r"^[A-Za-z0-9_-]*$", "letters, digits, _ and -"),
            ),
            Parameter(
                "lifecycle_hook_type",
                src(f, 40),
                required=True,
                enum=enum(f, 40, "INSTANCE_TERMINATING", "INSTANCE_LAUNCHING"),
            ),
            Parameter("default_result", src(f, 45), enum=enum(f, 45, "ABANDON", "CONTINUE")),
            Parameter(
                "default_timeout",
                src(f, 56),
                type="integer",
                doc_type="Integer",
                range=Range(src(f, 56), min=60, max=86400, unit="seconds"),
                default=model.Default(src(f, 56), 3600),
            ),
            Parameter("notification_topic_urn", src(f, 60), required=True),
            Parameter(
                "notification_metadata",
                src(f, 64),
                length=Length(src(f, 64), max=256),
                pattern=Pattern(src(f, 64), r"^[^<>&'()]*$", "none of <>&'()"),
            ),
        ],
    )


def huawei_callback() -> Operation:
    f = H_CALLBACK
    return Operation(
        provider="huawei",
        service="as",
        api_version="v1",
        protocol="huawei-rest",
        name="CallbackLifecycleHook",
        family="huawei-rst",
        source=src(f, 1),
        method="PUT",
        path="/autoscaling-api/v1/{project_id}/scaling_instance_hook/{scaling_group_id}/callback",
        success_status=204,
        parameters=[
            *huawei_path_params(f),
            Parameter("lifecycle_action_key", src(f, 39)),
            Parameter("instance_id", src(f, 43)),
            Parameter("lifecycle_hook_name", src(f, 47)),
            Parameter(
                "lifecycle_action_result",
                src(f, 51),
                required=True,
                enum=enum(f, 53, "ABANDON", "CONTINUE", "EXTEND"),
            ),
        ],
        rules=[
            Rule(
                "one_of",
                src(f, 41),
                groups=[["lifecycle_action_key"], ["instance_id", "lifecycle_hook_name"]],
                description="lifecycle_action_key, or instance_id and lifecycle_hook_name",
            )
        ],
    )


def huawei_list_groups() -> Operation:
    """A GET with integer query parameters: they reach a server as text."""
    return Operation(
        provider="huawei",
        service="as",
        api_version="v1",
        protocol="huawei-rest",
        name="ListScalingGroups",
        family="huawei-rst",
        source=src(HERE, 1),
        method="GET",
        path="/autoscaling-api/v1/{project_id}/scaling_group",
        parameters=[
            Parameter("project_id", src(HERE, 2), location="path", required=True),
            Parameter(
                "scaling_group_name",
                src(HERE, 3),
                location="query",
                length=Length(src(HERE, 3), max=64),
            ),
            Parameter(
                "start_number",
                src(HERE, 4),
                type="integer",
                location="query",
                range=Range(src(HERE, 4), min=0),
            ),
            Parameter(
                "limit",
                src(HERE, 5),
                type="integer",
                location="query",
                range=Range(src(HERE, 5), min=0, max=100),
            ),
        ],
    )


# --- tencent -----------------------------------------------------------------------------

T_CREATE = "sources/tencent/CreateLifecycleHook.txt"
T_MODEL = "sources/tencent/model/api.json"


def tencent_op(
    name: str, file: str, params: list[Parameter], rules: list[Rule] | None = None
) -> Operation:
    return Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name=name,
        family="tencent-text",
        source=src(file, 1),
        action=name,
        parameters=params,
        rules=rules or [],
    )


def tencent_create() -> Operation:
    f = T_CREATE
    return tencent_op(
        "CreateLifecycleHook",
        f,
        [
            Parameter("AutoScalingGroupId", src(f, 46), required=True),
            Parameter(
                "LifecycleHookName",
                src(f, 51),
                required=True,
                length=Length(src(f, 51), max=128, unit="bytes"),
            ),
            Parameter(
                "LifecycleTransition",
                src(f, 52),
                required=True,
                enum=enum(f, 53, "INSTANCE_LAUNCHING", "INSTANCE_TERMINATING"),
            ),
            Parameter("DefaultResult", src(f, 57), enum=enum(f, 58, "CONTINUE", "ABANDON")),
            Parameter(
                "HeartbeatTimeout",
                src(f, 62),
                type="integer",
                doc_type="Integer",
                range=Range(src(f, 62), min=30, max=7200, unit="seconds"),
            ),
            Parameter("NotificationMetadata", src(f, 63), length=Length(src(f, 63), max=1024)),
            Parameter(
                "NotificationTarget",
                src(f, 64),
                type="object",
                doc_type="NotificationTarget",
                fields=[
                    Parameter(
                        "TargetType",
                        src(T_MODEL, 10),
                        required=True,
                        enum=enum(
                            T_MODEL,
                            10,
                            "CMQ_QUEUE",
                            "CMQ_TOPIC",
                            "TDMQ_CMQ_QUEUE",
                            "TDMQ_CMQ_TOPIC",
                        ),
                    ),
                    Parameter("QueueName", src(T_MODEL, 20)),
                    Parameter("TopicName", src(T_MODEL, 30)),
                ],
            ),
            Parameter(
                "LifecycleTransitionType", src(f, 65), enum=enum(f, 65, "NORMAL", "EXTENSION")
            ),
            Parameter(
                "LifecycleCommand",
                src(f, 67),
                type="object",
                doc_type="LifecycleCommand",
                fields=[
                    Parameter("CommandId", src(T_MODEL, 40), required=True),
                    Parameter("Parameters", src(T_MODEL, 41)),
                ],
            ),
        ],
        [
            Rule(
                "mutually_exclusive",
                src(f, 64),
                parameters=["NotificationTarget", "LifecycleCommand"],
            ),
            Rule(
                "mutually_exclusive",
                src(f, 63),
                parameters=["NotificationMetadata", "LifecycleCommand"],
            ),
        ],
    )


def tencent_describe() -> Operation:
    f = T_MODEL
    return tencent_op(
        "DescribeLifecycleHooks",
        f,
        [
            Parameter(
                "LifecycleHookIds",
                src(f, 50),
                type="array",
                items="string",
                doc_type="Array of String",
                length=Length(src(f, 50), max=100, unit="items"),
            ),
            Parameter(
                "Filters",
                src(f, 51),
                type="array",
                items="object",
                doc_type="Array of Filter",
                fields=[
                    Parameter("Name", src(f, 60), required=True),
                    Parameter("Values", src(f, 61), required=True, type="array", items="string"),
                ],
            ),
            Parameter("Limit", src(f, 52), type="integer", range=Range(src(f, 52), min=0, max=100)),
            Parameter("Offset", src(f, 53), type="integer", range=Range(src(f, 53), min=0)),
        ],
    )


# --- alibaba -----------------------------------------------------------------------------

A_CREATE = "sources/alibaba/CreateLifecycleHook.md"
A_DESCRIBE = "sources/alibaba/DescribeLifecycleHooks.md"


def alibaba_op(
    name: str, file: str, params: list[Parameter], rules: list[Rule] | None = None
) -> Operation:
    return Operation(
        provider="alibaba",
        service="ess",
        api_version="2014-08-28",
        protocol="alibaba-rpc",
        name=name,
        family="alibaba-md",
        source=src(file, 1),
        action=name,
        parameters=[dataclasses.replace(p, location="query") for p in params],
        rules=rules or [],
    )


def alibaba_create() -> Operation:
    f = A_CREATE
    return alibaba_op(
        "CreateLifecycleHook",
        f,
        [
            Parameter(
                "LifecycleTransition",
                src(f, 23),
                required=True,
                enum=enum(f, 25, "SCALE_OUT", "SCALE_IN"),
            ),
            Parameter("ScalingGroupId", src(f, 27), required=True),
            Parameter(
                "LifecycleHookName",
                src(f, 28),
                length=Length(src(f, 28), min=2, max=64),
                pattern=Pattern(
                    src(f, 28), r"^[0-9A-Za-z\u4e00-\u9fa5][0-9A-Za-z\u4e00-\u9fa5_.-]*$"
                ),
            ),
            Parameter("DefaultResult", src(f, 32), enum=enum(f, 34, "CONTINUE", "ABANDON")),
            Parameter(
                "HeartbeatTimeout",
                src(f, 39),
                type="integer",
                doc_type="Integer",
                range=Range(src(f, 39), min=30, max=21600, unit="seconds"),
            ),
            Parameter("NotificationMetadata", src(f, 44), length=Length(src(f, 44), max=4096)),
            Parameter("NotificationArn", src(f, 55)),
        ],
        [
            Rule(
                "requires",
                src(f, 44),
                parameters=["NotificationMetadata"],
                requires=["NotificationArn"],
            )
        ],
    )


def alibaba_describe() -> Operation:
    f = A_DESCRIBE
    return alibaba_op(
        "DescribeLifecycleHooks",
        f,
        [
            Parameter(
                "LifecycleHookId", src(f, 24), type="array", items="string", doc_type="RepeatList"
            ),
            Parameter("LifecycleHookName", src(f, 27)),
            Parameter("PageNumber", src(f, 30), type="integer", range=Range(src(f, 30), min=1)),
            Parameter("PageSize", src(f, 35), type="integer", range=Range(src(f, 35), max=50)),
            Parameter("ScalingGroupId", src(f, 40)),
        ],
    )


def alibaba_tag_resources() -> Operation:
    """Lists of objects on an RPC query (Tag.N.Key)."""
    return alibaba_op(
        "TagResources",
        HERE,
        [
            Parameter(
                "ResourceType", src(HERE, 10), required=True, enum=enum(HERE, 10, "scalinggroup")
            ),
            Parameter(
                "ResourceIds",
                src(HERE, 11),
                type="array",
                items="string",
                required=True,
                doc_type="RepeatList",
                length=Length(src(HERE, 11), min=1, max=50, unit="items"),
            ),
            Parameter(
                "Tags",
                src(HERE, 12),
                type="array",
                items="object",
                required=True,
                doc_type="RepeatList",
                length=Length(src(HERE, 12), min=1, max=20, unit="items"),
                fields=[
                    Parameter(
                        "Key",
                        src(HERE, 13),
                        required=True,
                        length=Length(src(HERE, 13), min=1, max=128),
                    ),
                    Parameter("Value", src(HERE, 14), length=Length(src(HERE, 14), max=128)),
                    Parameter("Propagate", src(HERE, 15), type="boolean"),
                ],
            ),
        ],
    )


# --- aws ---------------------------------------------------------------------------------

W_PUT = "sources/aws/putLifecycleHook.txt"
W_DESCRIBE = "sources/aws/describeLifecycleHooks.txt"


def aws_op(
    name: str, file: str, params: list[Parameter], rules: list[Rule] | None = None
) -> Operation:
    return Operation(
        provider="aws",
        service="autoscaling",
        api_version="2011-01-01",
        protocol="aws-query",
        name=name,
        family="aws-dart",
        source=src(file, 1),
        action=name,
        result_wrapper=f"{name}Result",
        parameters=params,
        rules=rules or [],
    )


def aws_put() -> Operation:
    f = W_PUT
    return aws_op(
        "PutLifecycleHook",
        f,
        [
            Parameter(
                "AutoScalingGroupName",
                src(f, 75),
                required=True,
                length=Length(src(f, 76), min=1, max=255),
            ),
            Parameter(
                "LifecycleHookName",
                src(f, 83),
                required=True,
                length=Length(src(f, 84), min=1, max=255),
            ),
            Parameter("DefaultResult", src(f, 112)),
            Parameter("HeartbeatTimeout", src(f, 113), type="integer", doc_type="int?"),
            Parameter("LifecycleTransition", src(f, 114)),
            Parameter(
                "NotificationMetadata", src(f, 115), length=Length(src(f, 91), min=1, max=1023)
            ),
            Parameter(
                "NotificationTargetARN", src(f, 117), length=Length(src(f, 97), min=0, max=255)
            ),
            Parameter("RoleARN", src(f, 118), length=Length(src(f, 103), min=1, max=255)),
        ],
        [Rule("required_on_create", src(f, 61), parameters=["LifecycleTransition", "RoleARN"])],
    )


def aws_describe() -> Operation:
    f = W_DESCRIBE
    return aws_op(
        "DescribeLifecycleHooks",
        f,
        [
            Parameter(
                "AutoScalingGroupName",
                src(f, 22),
                required=True,
                length=Length(src(f, 23), min=1, max=255),
            ),
            Parameter(
                "LifecycleHookNames",
                src(f, 32),
                type="array",
                items="string",
                doc_type="List<String>",
                length=Length(src(HERE, 20), max=50, unit="items"),
            ),
        ],
    )


def aws_set_instance_protection() -> Operation:
    """A required boolean and a list whose length constraint applies to each item."""
    return aws_op(
        "SetInstanceProtection",
        HERE,
        [
            Parameter(
                "InstanceIds",
                src(HERE, 30),
                type="array",
                items="string",
                required=True,
                doc_type="List<String>",
                length=Length(src(HERE, 30), min=1, max=19),
            ),
            Parameter(
                "AutoScalingGroupName",
                src(HERE, 31),
                required=True,
                length=Length(src(HERE, 31), min=1, max=255),
            ),
            Parameter(
                "ProtectedFromScaleIn",
                src(HERE, 32),
                type="boolean",
                required=True,
                doc_type="bool",
            ),
        ],
    )


def aws_create_or_update_tags() -> Operation:
    """A list of structures: Tags.member.N.Key on the wire."""
    return aws_op(
        "CreateOrUpdateTags",
        HERE,
        [
            Parameter(
                "Tags",
                src(HERE, 40),
                type="array",
                items="object",
                required=True,
                doc_type="List<Tag>",
                fields=[
                    Parameter(
                        "Key",
                        src(HERE, 41),
                        required=True,
                        length=Length(src(HERE, 41), min=1, max=128),
                    ),
                    Parameter("ResourceId", src(HERE, 42)),
                    Parameter("ResourceType", src(HERE, 43)),
                    Parameter("PropagateAtLaunch", src(HERE, 44), type="boolean"),
                    Parameter("Value", src(HERE, 45), length=Length(src(HERE, 45), min=0, max=256)),
                ],
            ),
        ],
    )


def aws_put_scaling_policy() -> Operation:
    """A structure on the Query wire (TargetTrackingConfiguration.TargetValue) and a number."""
    return aws_op(
        "PutScalingPolicy",
        HERE,
        [
            Parameter(
                "AutoScalingGroupName",
                src(HERE, 50),
                required=True,
                length=Length(src(HERE, 50), min=1, max=255),
            ),
            Parameter(
                "PolicyName",
                src(HERE, 51),
                required=True,
                length=Length(src(HERE, 51), min=1, max=255),
            ),
            Parameter("ScalingAdjustment", src(HERE, 52), type="integer"),
            Parameter(
                "TargetTrackingConfiguration",
                src(HERE, 53),
                type="object",
                doc_type="TargetTrackingConfiguration",
                fields=[
                    Parameter(
                        "TargetValue",
                        src(HERE, 54),
                        type="number",
                        required=True,
                        range=Range(src(HERE, 54), min=0.5, max=100),
                    ),
                    Parameter("DisableScaleIn", src(HERE, 55), type="boolean"),
                ],
            ),
        ],
        [
            Rule(
                "mutually_exclusive",
                src(HERE, 56),
                parameters=["ScalingAdjustment", "TargetTrackingConfiguration"],
            )
        ],
    )


def all_operations() -> list[Operation]:
    return [
        huawei_create(),
        huawei_callback(),
        huawei_list_groups(),
        tencent_create(),
        tencent_describe(),
        alibaba_create(),
        alibaba_describe(),
        alibaba_tag_resources(),
        aws_put(),
        aws_describe(),
        aws_set_instance_protection(),
        aws_create_or_update_tags(),
        aws_put_scaling_policy(),
    ]


# --- rendering and importing generated validators ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent.parent


def spec_operations() -> list[Operation]:
    """The operations under specs/, as `specgen extract` wrote them (empty before then)."""
    from generator import spec_io

    return [
        spec_io.load_operation(str(p), p.relative_to(ROOT).as_posix())
        for p in sorted(ROOT.glob("specs/*/*.yaml"))
        if p.parent.name != "overlays"  # hand corrections, not specs (generator.overlays)
    ]


def render_validators(ops: list[Operation], out: Path) -> dict[str, Path]:
    """Render the validators target into `out` (as generated/ would be); package -> file."""
    from generator.render import TEMPLATES, Context, environment, validators

    ctx = Context(env=environment(TEMPLATES), templates=TEMPLATES)
    written: dict[str, Path] = {}
    for rel, data in validators.render(ops, ctx).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[path.parent.name] = path
    return written


def import_file(path: Path, name: str) -> ModuleType:
    """Import a generated module under a unique name (registered: dataclasses need that)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_validators(ops: list[Operation], out: Path, tag: str) -> dict[str, ModuleType]:
    """Render and import: package name -> module."""
    return {
        pkg: import_file(path, f"_specgen_{tag}_{pkg}_validators")
        for pkg, path in render_validators(ops, out).items()
    }


def package_of(op: Operation) -> str:
    return f"{op.provider}_{op.service}"


# --- the oracle: jsonschema, with the readings the specs mean ----------------------------------


def ecma(pattern: str) -> str:
    """`pattern` with ECMA-262's `$` (only at the very end) spelt the Python way, `\\Z`."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == "$" and not in_class:
            out.append(r"\Z")
        else:
            out.append(ch)
    return "".join(out)


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and re.search(ecma(pattern), instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def text_size(instance: str, schema: dict[str, Any]) -> int:
    if schema.get("x-length-unit") == "bytes":
        return len(instance.encode("utf-8", "surrogatepass"))
    return len(instance)


def _max_length(
    validator: Any, limit: int, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and text_size(instance, schema) > limit:
        yield jsonschema.ValidationError(f"{instance!r} is too long")


def _min_length(
    validator: Any, limit: int, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and text_size(instance, schema) < limit:
        yield jsonschema.ValidationError(f"{instance!r} is too short")


def _format(
    validator: Any, name: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """`format` asserts, as the specs mean it (a timestamp the service would refuse is a value
    of the wrong type), with the reading the vocabulary table gives each format."""
    regex = FORMAT_REGEXES.get(name)
    if regex and validator.is_type(instance, "string") and re.fullmatch(regex, instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} is not a {name}")


Oracle = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator,
    validators={
        "pattern": _pattern,
        "maxLength": _max_length,
        "minLength": _min_length,
        "format": _format,
    },
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    ),
)


def invalid_values(schema: dict[str, Any]) -> list[Any]:
    """Values that break exactly one of `schema`'s constraints (none when it has none)."""
    out: list[Any] = []
    if "minimum" in schema:
        out.append(math.floor(schema["minimum"]) - 1)
    if "maximum" in schema:
        out.append(math.ceil(schema["maximum"]) + 1)
    if schema.get("minLength"):
        out.append("")
    if "maxLength" in schema:
        out.append("a" * (schema["maxLength"] + 1))
        if schema.get("x-length-unit") == "bytes":
            out.append("名" * (schema["maxLength"] // 3 + 1))  # few characters, many bytes
    if "enum" in schema and schema["type"] == "string":
        out.append("NOT_" + "_".join(str(v) for v in schema["enum"])[:20])
    if "pattern" in schema:
        out.extend(
            c
            for c in ("a b", "<x>", "ok\n", "-", "名", "\x80")
            if re.search(ecma(schema["pattern"]), c) is None
        )
    if "minItems" in schema and schema["minItems"] > 0:
        out.append([])
    if "maxItems" in schema:
        filler = {
            "string": "x",
            "integer": 0,
            "number": 0,
            "boolean": True,
            "array": [],
            "object": {},
        }
        out.append([filler[schema["items"]["type"]]] * (schema["maxItems"] + 1))
    return out
