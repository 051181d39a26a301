"""The clients renderer: what it generates from the model, whatever the pages say.

Doc text is untrusted: hostile descriptions, enum values, error codes and parameter names must
come out as inert docstrings, comments and literals. Output is deterministic and
self-contained (it never imports `generator`).
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

from generator.errors import SpecgenError
from generator.model import (
    Enum,
    EnumValue,
    ErrorCode,
    Operation,
    Parameter,
    Range,
    Source,
)
from generator.render import TEMPLATES, Context, clients, environment

from .util import PACKAGES, render_packages, spec_operations, write_files

HOSTILE = 'Ends with a quote" and """triple""" and \'\'\' and a \\ backslash {{ x }} {% y %}\x00 é'


def src(line: int, quote: str | None = None) -> Source:
    return Source("sources/tencent/Hostile.txt", line, "stated", quote)


def hostile_operations() -> list[Operation]:
    nested = Parameter(
        "NotificationTarget",
        src(7),
        type="object",
        doc_type="NotificationTarget",
        description=HOSTILE,
        fields=[
            Parameter(
                "TargetType",
                src(8),
                required=True,
                description=HOSTILE,
                enum=Enum(src(8), [EnumValue('Q"UEUE', HOSTILE), EnumValue("topic\\n")]),
            ),
            Parameter("from", src(9), description="a keyword as a wire name"),
        ],
    )
    create = Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="CreateThing",
        family="tencent-text",
        source=src(1),
        action="CreateThing",
        summary=HOSTILE,
        description=HOSTILE + "\n\nmore",
        parameters=[
            Parameter("Name", src(3), required=True, description=HOSTILE),
            Parameter(
                "Timeout",
                src(4),
                type="integer",
                description=HOSTILE,
                range=Range(src(4, HOSTILE), 30, 7200, "seconds"),
            ),
            Parameter(
                "Mode",
                src(5),
                enum=Enum(src(5), [EnumValue("A b"), EnumValue("a-b"), EnumValue("中文")]),
            ),
            Parameter("class", src(6), type="boolean"),
            nested,
            Parameter("Ids", src(10), type="array", items="string"),
        ],
        response=[
            Parameter("ThingId", src(12), description=HOSTILE),
            Parameter("RequestId", src(13)),
        ],
        errors=[
            ErrorCode("InvalidParameterValue.Range", src(20), meaning=HOSTILE),
            ErrorCode("InvalidParameterValueRange", src(21)),
            ErrorCode("LimitExceeded", src(22), meaning="LimitExceededFault"),
        ],
    )
    describe = Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="DescribeThings",
        family="tencent-text",
        source=src(30),
        action="DescribeThings",
        parameters=[
            Parameter("Mode", src(31), enum=Enum(src(31), [EnumValue("X"), EnumValue("Y")])),
            Parameter("ClientToken", src(32)),
        ],
        response=[
            Parameter(
                "ThingSet",
                src(33),
                type="array",
                items="object",
                doc_type="Array of NotificationTarget",
                fields=[
                    Parameter("TargetType", src(34)),
                    Parameter("Extra", src(35), type="integer"),
                ],
            )
        ],
    )
    return [create, describe]


def render(ops: list[Operation], prefix: str = "") -> dict[str, bytes]:
    ctx = Context(env=environment(TEMPLATES), templates=TEMPLATES, package_prefix=prefix)
    return clients.render(ops, ctx)


def test_hostile_doc_text_becomes_inert_python(tmp_path: Path) -> None:
    files = render(hostile_operations(), prefix="hostile_")
    for path, data in files.items():
        ast.parse(data, filename=path)  # every file parses
        assert b"\x00" not in data
    # the package imports its validators (another target): render them too
    write_files(tmp_path, render_packages(hostile_operations(), prefix="hostile_"))

    sys.path.insert(0, str(tmp_path / "python"))
    try:
        models = importlib.import_module("hostile_tencent_as.models")
        errors = importlib.import_module("hostile_tencent_as.errors")
    finally:
        sys.path.remove(str(tmp_path / "python"))
    text = HOSTILE  # the docstrings hold the page's text exactly (escapes are faithful)
    assert text.strip() in (models.CreateThingRequest.__doc__ or "")
    assert text.strip() in (errors.InvalidParameterValueRangeError.__doc__ or "")
    # the keyword and the quotes survive as names and values, not as code
    target = models.NotificationTarget(target_type=models.TargetType.Q_UEUE, from_="f")
    assert target.to_wire() == {"TargetType": 'Q"UEUE', "from": "f"}
    assert [m.value for m in models.Mode] == ["A b", "a-b", "中文"]
    assert len({m.name for m in models.Mode}) == 3
    request = models.CreateThingRequest(
        name="n", class_=False, ids=["a"], notification_target=target
    )
    assert request.to_wire() == {
        "Name": "n",
        "class": False,
        "NotificationTarget": {"TargetType": 'Q"UEUE', "from": "f"},
        "Ids": ["a"],
    }
    client = ast.parse(files["python/hostile_tencent_as/client.py"])
    method = next(
        node
        for node in ast.walk(client)
        if isinstance(node, ast.FunctionDef) and node.name == "create_thing"
    )
    assert text.strip() in (ast.get_docstring(method) or "")


def test_rendering_is_deterministic() -> None:
    ops = spec_operations()
    assert render_packages(ops) == render_packages(spec_operations())


def test_generated_code_never_imports_the_generator() -> None:
    for path, data in render(spec_operations()).items():
        tree = ast.parse(data)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else []
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                assert root in {
                    "__future__", "asyncio", "base64", "collections", "dataclasses", "datetime",
                    "email", "enum", "hashlib", "hmac", "httpx", "json", "os", "random", "re",
                    "time", "types", "typing", "urllib", "uuid", "xml",
                }, f"{path} imports {name}"  # fmt: skip


def test_one_package_per_provider_with_the_documented_files() -> None:
    files = render(spec_operations())
    for name in PACKAGES.values():
        for module in ("__init__", "models", "errors", "client", "_signing", "_wire"):
            assert f"python/{name}/{module}.py" in files


def test_error_classes_are_named_from_codes_and_deduplicated() -> None:
    data = clients.package_data("tencent_as", hostile_operations())
    by_code = {e.code: e for e in data.errors}
    assert by_code["InvalidParameterValue.Range"].name == "InvalidParameterValueRangeError"
    # a different code that spells the same class name gets another name, not a clash
    assert by_code["InvalidParameterValueRange"].name == "InvalidParameterValueRange_Error"
    assert len({e.name for e in data.errors}) == len(data.errors)
    assert by_code["LimitExceeded"].aliases == ["LimitExceededFault"]
    # the protocol's own answers have classes too (validation, throttling, auth, ...)
    assert {"RequestLimitExceeded", "MissingParameter", "UnknownParameter"} <= set(by_code)
    assert data.base_error == "TencentAsError"


def test_conflicting_enums_and_structures_get_distinct_names() -> None:
    data = clients.package_data("tencent_as", hostile_operations())
    enums = {e.name: [v for _, v in e.members] for e in data.enums}
    assert enums["Mode"] == ["A b", "a-b", "中文"]
    assert enums["DescribeThingsMode"] == ["X", "Y"]
    structs = {s.name: s for s in data.structs}
    # the answer's NotificationTarget has an integer Extra and no "from": compatible, merged
    merged = structs["NotificationTarget"]
    assert [f.wire for f in merged.fields] == ["TargetType", "from", "Extra"]
    assert merged.in_response  # so no field is required and it can be read from an answer
    assert not any(f.required for f in merged.fields)


def test_operations_know_what_is_safe_to_retry() -> None:
    data = clients.package_data("tencent_as", hostile_operations())
    ops = {op.name: op for op in data.operations}
    assert not ops["CreateThing"].retry_safe and ops["CreateThing"].idempotency_token is None
    assert ops["DescribeThings"].retry_safe
    assert ops["DescribeThings"].idempotency_token == "ClientToken"
    # the answer's RequestId is the response's request_id, not a second field
    assert [f.wire for f in ops["CreateThing"].response] == ["ThingId"]


def test_client_supplied_path_parameters_are_not_arguments() -> None:
    huawei = [op for op in spec_operations() if op.protocol == "huawei-rest"]
    data = clients.package_data("huawei_as", huawei)
    in_path = [op for op in data.operations if "{project_id}" in op.path]
    assert in_path, "no Huawei operation has the project in its path"
    for op in data.operations:
        assert "project_id" not in [f.wire for f in op.params]
        assert op.fills == ([("project_id", "project_id")] if op in in_path else [])
    lists = next(op for op in data.operations if op.name == "ListLifeCycleHooks")
    assert lists.retry_safe and lists.http_method == "GET"


def test_a_package_speaks_one_protocol() -> None:
    ops = hostile_operations()
    ops[1].protocol = "aws-query"
    with pytest.raises(SpecgenError, match="one protocol per package"):
        clients.package_data("tencent_as", ops)


def test_duplicate_operation_class_names_are_an_error() -> None:
    ops = hostile_operations()
    ops[1].name = "CreateThing"
    with pytest.raises(SpecgenError, match="CreateThingRequest"):
        clients.package_data("tencent_as", ops)
