"""OpenAPI documents from the real specs: valid, wire-true, every seed constraint present, and
usable by openapi-python-client."""

from __future__ import annotations

import importlib
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import yaml
from openapi_spec_validator import validate

from generator import model, protocols
from generator.render import openapi

from .conftest import render_context


@pytest.fixture(scope="module")
def rendered(spec_operations: list[model.Operation]) -> dict[str, bytes]:
    return openapi.render(spec_operations, render_context())


@pytest.fixture(scope="module")
def documents(rendered: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    return {
        path.split("/")[-1].removesuffix(".yaml"): yaml.safe_load(text)
        for path, text in rendered.items()
    }


def find(ops: list[model.Operation], provider: str, name: str) -> model.Operation:
    for op in ops:
        if op.provider == provider and op.name == name:
            return op
    raise AssertionError(f"no {provider} {name} in the specs")


def node(doc: dict[str, Any], op: model.Operation) -> dict[str, Any]:
    path = protocols.for_operation(op).openapi_path(op)
    result: dict[str, Any] = doc["paths"][path][op.method.lower()]
    return result


def request_object(operation: dict[str, Any]) -> dict[str, Any]:
    """The object schema holding the operation's own parameters (body, form or query)."""
    body = operation.get("requestBody")
    if body:
        (content,) = body["content"].values()
        schema: dict[str, Any] = content["schema"]
        return schema
    for param in operation.get("parameters", []):
        if param["schema"].get("type") == "object" and param.get("explode"):
            exploded: dict[str, Any] = param["schema"]
            return exploded
    raise AssertionError("operation has no parameter object")


def prop(operation: dict[str, Any], name: str) -> dict[str, Any]:
    for param in operation.get("parameters", []):
        if param["name"] == name:
            found: dict[str, Any] = param["schema"]
            return found
    result: dict[str, Any] = request_object(operation)["properties"][name]
    return result


def test_one_valid_document_per_provider(
    spec_operations: list[model.Operation], rendered: dict[str, bytes], documents: dict[str, Any]
) -> None:
    providers = sorted({op.provider for op in spec_operations})
    assert sorted(rendered) == [f"openapi/{p}.yaml" for p in providers]
    for provider, doc in documents.items():
        validate(doc)  # raises with the offending path
        assert doc["openapi"].startswith("3.1")
        ids = sorted(op["operationId"] for item in doc["paths"].values() for op in item.values())
        assert ids == sorted(op.name for op in spec_operations if op.provider == provider)


def test_rendering_is_deterministic(
    spec_operations: list[model.Operation], rendered: dict[str, bytes]
) -> None:
    again = openapi.render(list(reversed(spec_operations)), render_context())
    assert again == rendered
    for text in rendered.values():
        assert text.endswith(b"\n") and b"/work/" not in text


def test_every_operation_on_its_wire(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    for op in spec_operations:
        proto = protocols.for_operation(op)
        operation = node(documents[op.provider], op)
        assert operation["summary"] and "\n" not in operation["summary"]
        assert operation["security"] == [{proto.signer: []}]
        scheme = documents[op.provider]["components"]["securitySchemes"][proto.signer]
        assert scheme["type"] == "apiKey" and scheme["description"]
        params = {(p["in"], p["name"]): p for p in operation.get("parameters", [])}
        if not proto.rpc:
            assert protocols.for_operation(op).openapi_path(op) == op.path
            for name in openapi._path_names(op.path):
                assert params[("path", name)]["required"] is True
            continue
        assert proto.openapi_path(op) == f"/#{proto.action_key}={op.action or op.name}"
        action = op.action or op.name
        if proto.action_in == "body":
            form = operation["requestBody"]["content"][proto.media_type]["schema"]
            assert form["properties"][proto.action_key]["enum"] == [action]
            assert form["properties"]["Version"]["enum"] == [op.api_version]
            assert {proto.action_key, "Version"} <= set(form["required"])
        else:
            where = proto.action_in
            assert params[(where, proto.action_key)]["schema"]["enum"] == [action]
            assert params[(where, proto.action_key)]["required"] is True
            assert proto.version_key
            assert params[(where, proto.version_key)]["schema"]["enum"] == [op.api_version]
            for header in proto.extra_headers:
                assert params[("header", header)]["required"] is True
        # every parameter of the spec is on the wire, by its wire name
        carried = (
            request_object(operation) if (op.parameters or proto.media_type) else {"properties": {}}
        )
        names = set(carried.get("properties", {})) | {n for (_, n) in params}
        patterns = " ".join(carried.get("patternProperties", {})).replace("\\", "")

        for param in op.parameters:
            _on_wire(param, param.name, names, patterns)


def _on_wire(param: model.Parameter, name: str, names: set[str], patterns: str) -> None:
    if name in names or f"^{name.removesuffix('.N')}" in patterns:
        return
    # a flat wire carries a structure as its members, Name.Field
    assert param.type == "object" and param.fields, name
    for field in param.fields:
        _on_wire(field, f"{name}.{field.name}", names, patterns)


def test_huawei_seed_constraints(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    op = find(spec_operations, "huawei", "CreateLifyCycleHook")
    operation = node(documents["huawei"], op)
    assert list(documents["huawei"]["paths"]).count(op.path) == 1
    assert {p["name"] for p in operation["parameters"] if p["in"] == "path"} == {
        "project_id",
        "scaling_group_id",
    }
    timeout = prop(operation, "default_timeout")
    assert (timeout["type"], timeout["minimum"], timeout["maximum"], timeout["x-default"]) == (
        "integer",
        60,
        86400,
        3600,
    )
    assert timeout["x-source"]["minimum"].startswith(
        "sources/huawei/creating_a_lifecycle_hook.rst:"
    )
    name = prop(operation, "lifecycle_hook_name")
    assert (name["maxLength"], name["pattern"]) == (32, "^[A-Za-z0-9_-]*$")
    meta = prop(operation, "notification_metadata")
    assert (meta["maxLength"], meta["pattern"]) == (256, "^[^<>&'()]*$")
    assert "notification_topic_urn" in request_object(operation)["required"]
    assert [q["limit"] for q in operation["x-specgen-quotas"]] == [5]
    assert len(operation["x-specgen-statuses"]) == 14
    for status in (400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504):
        response = operation["responses"][str(status)]
        (content,) = response["content"].values()
        assert content["schema"] == {"$ref": "#/components/schemas/HuaweiRestError"}
    assert str(op.success_status) in operation["responses"]
    error = documents["huawei"]["components"]["schemas"]["HuaweiRestError"]
    assert error["properties"]["error"]["required"] == ["code", "message"]


def test_alibaba_seed_constraints(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    op = find(spec_operations, "alibaba", "CreateLifecycleHook")
    operation = node(documents["alibaba"], op)
    assert "requestBody" not in operation  # RPC: everything in the query string
    query = next(p for p in operation["parameters"] if p["name"] == "parameters")
    assert (query["in"], query["style"], query["explode"]) == ("query", "form", True)
    timeout = prop(operation, "HeartbeatTimeout")
    assert (timeout["minimum"], timeout["maximum"], timeout["x-default"]) == (30, 21600, 600)
    name = prop(operation, "LifecycleHookName")
    assert (name["minLength"], name["maxLength"]) == (2, 64)
    assert request_object(operation)["dependentRequired"] == {
        "NotificationMetadata": ["NotificationArn"]
    }
    documented = [e for e in operation["x-specgen-errors"]]
    assert len(documented) == 7 and {e["status"] for e in documented} == {400}
    codes_400 = {e["code"] for e in operation["responses"]["400"]["x-specgen-errors"]}
    assert {e["code"] for e in documented} <= codes_400
    assert (
        "InvalidParamter"
        in operation["responses"]["400"]["content"]["application/json"]["examples"]
    )
    error = documents["alibaba"]["components"]["schemas"]["AlibabaRpcError"]
    assert set(error["properties"]) == {"RequestId", "HostId", "Code", "Message"}
    scheme = documents["alibaba"]["components"]["securitySchemes"][
        protocols.for_operation(op).signer
    ]
    assert (scheme["in"], scheme["name"]) == ("query", "Signature")


def test_tencent_seed_constraints(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    op = find(spec_operations, "tencent", "CreateLifecycleHook")
    operation = node(documents["tencent"], op)
    body = request_object(operation)
    timeout = body["properties"]["HeartbeatTimeout"]
    assert (timeout["minimum"], timeout["maximum"], timeout["x-default"]) == (30, 7200, 300)
    assert body["properties"]["LifecycleTransitionType"]["enum"] == ["NORMAL", "EXTENSION"]
    assert body["properties"]["NotificationTarget"]["type"] == "object"
    exclusions = sorted(
        sorted(entry["not"]["required"]) for entry in body["allOf"] if "not" in entry
    )
    assert exclusions == [
        ["LifecycleCommand", "NotificationMetadata"],
        ["LifecycleCommand", "NotificationTarget"],
    ]
    assert len(operation["x-specgen-errors"]) == 21
    assert [(r["requests"], r["per_seconds"]) for r in operation["x-specgen-rate-limits"]] == [
        (20, 1)
    ]
    # success and error share HTTP 200: one oneOf, the error envelope first
    ok = operation["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["oneOf"][0] == {"$ref": "#/components/schemas/TencentJsonError"}
    examples = ok["examples"]
    assert {e.code for e in op.errors} <= set(examples)
    assert set(operation["responses"]) == {"200"}


def test_aws_seed_constraints(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    op = find(spec_operations, "aws", "PutLifecycleHook")
    operation = node(documents["aws"], op)
    form = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    timeout = form["properties"]["HeartbeatTimeout"]
    assert (timeout["minimum"], timeout["maximum"], timeout["x-default"]) == (30, 7200, 3600)
    assert form["properties"]["LifecycleTransition"]["enum"] == [
        "autoscaling:EC2_INSTANCE_LAUNCHING",
        "autoscaling:EC2_INSTANCE_TERMINATING",
    ]
    for name, low, high in (
        ("AutoScalingGroupName", 1, 255),
        ("LifecycleHookName", 1, 255),
        ("NotificationMetadata", 1, 1023),
    ):
        assert (form["properties"][name]["minLength"], form["properties"][name]["maxLength"]) == (
            low,
            high,
        )
    assert {"AutoScalingGroupName", "LifecycleHookName"} <= set(form["required"])
    assert {e["code"] for e in operation["x-specgen-errors"]} >= {
        "LimitExceeded",
        "ResourceContention",
    }
    assert [q["limit"] for q in operation["x-specgen-quotas"]] == [50]
    error = documents["aws"]["components"]["schemas"]["AwsQueryError"]
    assert error["xml"] == {"name": "ErrorResponse"}
    assert "text/xml" in operation["responses"]["400"]["content"]
    ok = operation["responses"]["200"]["content"]["text/xml"]["schema"]["anyOf"][0]
    assert ok["xml"]["name"] == "PutLifecycleHookResponse"
    assert op.result_wrapper in ok["properties"]


def test_lists_travel_as_flat_fields(
    spec_operations: list[model.Operation], documents: dict[str, Any]
) -> None:
    op = find(spec_operations, "aws", "DescribeLifecycleHooks")
    form = request_object(node(documents["aws"], op))
    assert "^LifecycleHookNames\\.member\\.[1-9][0-9]*$" in form["patternProperties"]
    assert form["x-specgen-wire"]["LifecycleHookNames"]["wire"] == "LifecycleHookNames.member.N"
    import jsonschema

    check = jsonschema.Draft202012Validator(form)
    good = {"Action": "DescribeLifecycleHooks", "Version": "2011-01-01", "AutoScalingGroupName": "g",
            "LifecycleHookNames.member.1": "a", "LifecycleHookNames.member.2": "b"}  # fmt: skip
    assert check.is_valid(good)
    assert not check.is_valid({**good, "LifecycleHookNames": "a"})  # not the wire spelling
    assert not check.is_valid({**good, "Unknown": "x"})
    # Alibaba RPC: `LifecycleHookId.N` on the query string
    ali = request_object(
        node(documents["alibaba"], find(spec_operations, "alibaba", "DescribeLifecycleHooks"))
    )
    assert ali["x-specgen-wire"]["LifecycleHookId"]["wire"] == "LifecycleHookId.N"
    check = jsonschema.Draft202012Validator(ali)
    assert check.is_valid(
        {"LifecycleHookId.1": "ash-1", "LifecycleHookId.2": "ash-2", "PageSize": 50}
    )
    assert not check.is_valid({"LifecycleHookId.0": "ash-1"}) and not check.is_valid(
        {"PageSize": 51}
    )


# --- openapi-python-client -----------------------------------------------------------------


def _generate(doc_path: Path, out: Path) -> None:
    # No post hooks: the generated code is imported, not formatted, so the run needs no
    # formatter on PATH and runs with this interpreter wherever its environment lives.
    config = out.parent / f"{out.name}.config.yaml"
    config.write_text("post_hooks: []\n")
    run = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(doc_path),
         "--output-path", str(out), "--meta", "none", "--config", str(config)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr


def _call(module: Any, handler: Any, **kwargs: Any) -> Any:
    package = sys.modules[module.__name__.split(".")[0]]
    client = package.AuthenticatedClient(
        base_url="https://api.example.test", token="signature", prefix="",
        httpx_args={"transport": httpx.MockTransport(handler)},
    )  # fmt: skip
    return module.sync_detailed(client=client, **kwargs)


def _body_class(module: Any, name: str) -> Any:
    return typing.get_type_hints(module.sync_detailed)[name]


@pytest.fixture(scope="module")
def clients(rendered: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """openapi-python-client run on every document; provider -> generated package name."""
    root = tmp_path_factory.mktemp("clients")
    names: dict[str, str] = {}
    for path, text in rendered.items():
        provider = path.split("/")[-1].removesuffix(".yaml")
        doc = root / f"{provider}.yaml"
        doc.write_bytes(text)
        package = f"oapc_{provider}"
        _generate(doc, root / package)
        names[provider] = package
    sys.path.insert(0, str(root))
    return names


def test_generated_clients_import(
    spec_operations: list[model.Operation], clients: dict[str, str]
) -> None:
    for op in spec_operations:
        from generator.render.filters import snake

        module = importlib.import_module(f"{clients[op.provider]}.api.default.{snake(op.name)}")
        assert callable(module.sync_detailed)


def test_generated_clients_speak_the_wire(clients: dict[str, str]) -> None:
    seen: list[httpx.Request] = []

    def answer(status: int, body: str, media: str) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return httpx.Response(status, text=body, headers={"Content-Type": media})

        return handler

    # AWS Query: POST / with a form carrying Action, Version and the parameters; XML back
    put = importlib.import_module(f"{clients['aws']}.api.default.put_lifecycle_hook")
    body = _body_class(put, "body").from_dict(
        {"Action": "PutLifecycleHook", "Version": "2011-01-01", "AutoScalingGroupName": "g",
         "LifecycleHookName": "h", "HeartbeatTimeout": 300}
    )  # fmt: skip
    xml = "<PutLifecycleHookResponse><PutLifecycleHookResult/></PutLifecycleHookResponse>"
    result = _call(put, answer(200, xml, "text/xml"), body=body)
    sent = seen[-1]
    assert (sent.method, sent.url.path) == ("POST", "/")
    form = parse_qs(sent.content.decode())
    assert form == {"Action": ["PutLifecycleHook"], "Version": ["2011-01-01"], "AutoScalingGroupName": ["g"],
                    "LifecycleHookName": ["h"], "HeartbeatTimeout": ["300"]}  # fmt: skip
    assert result.parsed == xml

    # Tencent: JSON body, action/version/region in headers; an error under HTTP 200 is an error
    create = importlib.import_module(f"{clients['tencent']}.api.default.create_lifecycle_hook")
    body = _body_class(create, "body").from_dict(
        {"AutoScalingGroupId": "asg-1", "LifecycleHookName": "h", "LifecycleTransition": "INSTANCE_LAUNCHING",
         "LifecycleCommand": {"CommandId": "cmd-1"}}
    )  # fmt: skip
    error = (
        '{"Response": {"Error": {"Code": "InvalidParameter", "Message": "bad"}, "RequestId": "r1"}}'
    )
    result = _call(
        create, answer(200, error, "application/json"), body=body, x_tc_region="ap-guangzhou"
    )
    sent = seen[-1]
    assert sent.headers["X-TC-Action"] == "CreateLifecycleHook"
    assert sent.headers["X-TC-Version"] == "2018-04-19"
    assert sent.headers["X-TC-Region"] == "ap-guangzhou"
    import json

    sent_body = json.loads(sent.content)
    # no unasked defaults: NotificationMetadata (default "") would break its exclusion rule
    assert sent_body == {"AutoScalingGroupId": "asg-1", "LifecycleHookName": "h",
                         "LifecycleTransition": "INSTANCE_LAUNCHING", "LifecycleCommand": {"CommandId": "cmd-1"}}  # fmt: skip
    assert type(result.parsed).__name__ == "TencentJsonError"
    assert result.parsed.response.error.code == "InvalidParameter"

    # Alibaba RPC: everything in the query string
    ali = importlib.import_module(f"{clients['alibaba']}.api.default.create_lifecycle_hook")
    params = _body_class(ali, "parameters").from_dict(
        {"ScalingGroupId": "asg-1", "LifecycleTransition": "SCALE_OUT", "HeartbeatTimeout": 600}
    )
    ok = '{"RequestId": "r1", "LifecycleHookId": "ash-1"}'
    result = _call(ali, answer(200, ok, "application/json"), parameters=params)
    query = parse_qs(seen[-1].url.query.decode())
    assert query == {"Action": ["CreateLifecycleHook"], "Version": ["2014-08-28"], "ScalingGroupId": ["asg-1"],
                     "LifecycleTransition": ["SCALE_OUT"], "HeartbeatTimeout": ["600"]}  # fmt: skip
    assert result.parsed.to_dict()["LifecycleHookId"] == "ash-1"

    # Huawei REST: the path template filled in, a JSON body
    hw = importlib.import_module(f"{clients['huawei']}.api.default.create_lify_cycle_hook")
    body = _body_class(hw, "body").from_dict(
        {"lifecycle_hook_name": "h1", "lifecycle_hook_type": "INSTANCE_LAUNCHING",
         "notification_topic_urn": "urn:smn:r:p:t"}
    )  # fmt: skip
    result = _call(hw, answer(400, '{"error": {"code": "AS.0001", "message": "bad"}}', "application/json"),
                   project_id="p1", scaling_group_id="g1", body=body)  # fmt: skip
    sent = seen[-1]
    assert sent.url.path == "/autoscaling-api/v1/p1/scaling_lifecycle_hook/g1"
    assert json.loads(sent.content)["lifecycle_hook_type"] == "INSTANCE_LAUNCHING"
    assert result.parsed.error.code == "AS.0001"
