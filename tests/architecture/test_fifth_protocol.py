"""A fifth protocol and a fifth cloud plug in without touching generator/ or templates/.

The plug-in (tests/architecture/fifth_protocol/: protocol module, provider entry, reader of its
own doc format, runtime files) is copied into a temporary directory, imported from there and
registered through the three plug-in points (`protocols.register`, `providers.register`,
`readers.register`). Then its pages are extracted and every target generated, and the output
is checked as a user would: the OpenAPI document validates, the generated client imports and
talks to the generated mock, and the fake protocol's envelopes are where they belong.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from openapi_spec_validator import validate

from generator import protocols, providers, readers, runtime_files
from generator.extract import extract
from generator.render import render_all

PLUGIN = Path(__file__).resolve().parent / "fifth_protocol"
TARGETS = ("openapi", "jsonschema", "docs", "validators", "clients", "mocks")
PACKAGE = "fakecloud_hooks"

PAGES = {
    "put.fake": """%fake-api
service hooks 2030-01-01
op PutLifecycleHook: Creates or updates a lifecycle hook.
param AutoScalingGroupName string required: The scaling group.
param LifecycleHookName string required: The hook's name.
param LifecycleTransition string required enum launching|terminating: When the hook runs.
param HeartbeatTimeout integer range 30..7200: Seconds before the default result.
param DefaultResult string enum CONTINUE|ABANDON: What happens on time-out.
field LifecycleHookId string: The hook's id.
error Fake.LimitExceeded 409: Too many hooks in the group.
""",
    "describe.fake": """%fake-api
service hooks 2030-01-01
op DescribeLifecycleHooks: Lists the lifecycle hooks of a group.
param AutoScalingGroupName string required: The scaling group.
field TotalCount integer: How many hooks.
""",
    "delete.fake": """%fake-api
service hooks 2030-01-01
op DeleteLifecycleHook: Deletes a lifecycle hook.
param AutoScalingGroupName string required: The scaling group.
param LifecycleHookName string required: The hook's name.
error Fake.NoSuchHook 404: The hook does not exist.
""",
}


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, ModuleType]]:
    """The plug-in, imported from a copy outside the project and registered."""
    shutil.copytree(PLUGIN, tmp_path / "plugins" / "fifth_plugin")
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))
    monkeypatch.setattr(protocols.REGISTRY, "plugins", {})
    monkeypatch.setattr(providers.REGISTRY, "plugins", {})
    monkeypatch.setattr(readers, "PLUGINS", [])
    modules = {
        name: importlib.import_module(f"fifth_plugin.{name}")
        for name in ("protocol", "provider", "reader")
    }
    protocols.register(modules["protocol"].PROTOCOL)
    providers.register(modules["provider"].PROVIDER)
    readers.register(modules["reader"])
    yield modules
    for name in [m for m in sys.modules if m.split(".")[0] in ("fifth_plugin", PACKAGE)]:
        del sys.modules[name]


@pytest.fixture
def generated(plugin: dict[str, ModuleType], tmp_path: Path) -> Path:
    sources = tmp_path / "project" / "sources" / "fakecloud"
    sources.mkdir(parents=True)
    for name, text in PAGES.items():
        (sources / name).write_text(text)
    root = tmp_path / "project"
    found = extract([root / "sources"], root)
    assert sorted(op.name for op in found.operations) == [
        "DeleteLifecycleHook",
        "DescribeLifecycleHooks",
        "PutLifecycleHook",
    ]
    out = root / "generated"
    for rel, data in render_all(found.operations, TARGETS).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_registered_plugin_is_known_by_name(plugin: dict[str, ModuleType]) -> None:
    assert protocols.get("fake-json") is plugin["protocol"].PROTOCOL
    assert providers.get("fakecloud").protocol == "fake-json"
    assert readers.by_family("fake-doc") is plugin["reader"]
    assert runtime_files.protocol_dir("fake-json").parent.name == "fifth_plugin"


def test_a_known_name_cannot_be_taken_twice(plugin: dict[str, ModuleType]) -> None:
    import dataclasses

    other = dataclasses.replace(plugin["protocol"].PROTOCOL, signer="OTHER")
    with pytest.raises(ValueError, match="already known"):
        protocols.register(other)


def test_every_target_writes_the_fake_clouds_files(generated: Path) -> None:
    names = {p.relative_to(generated).as_posix() for p in generated.rglob("*") if p.is_file()}
    assert "openapi/fakecloud.yaml" in names
    assert "docs/fakecloud.md" in names
    assert any(n.startswith("jsonschema/fakecloud/") for n in names)
    for module in ("client", "models", "errors", "validators", "mock", "_wire", "_signing"):
        assert f"python/{PACKAGE}/{module}.py" in names
    # the runtime files are the plug-in's own, verbatim
    runtime = PLUGIN / "runtime"
    for copy, original in (("_wire", "wire"), ("_signing", "signing"), ("_server", "server")):
        assert (generated / f"python/{PACKAGE}/{copy}.py").read_bytes() == (
            runtime / f"{original}.py"
        ).read_bytes()


def test_openapi_validates_and_carries_the_fake_envelopes(generated: Path) -> None:
    doc: dict[str, Any] = yaml.safe_load((generated / "openapi/fakecloud.yaml").read_text())
    validate(doc)
    error = doc["components"]["schemas"]["FakeJsonError"]
    assert error["required"] == ["Fault"]
    put = doc["paths"]["/#X-Fake-Op=PutLifecycleHook"]["post"]
    ok = put["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["required"] == ["Result"]
    assert "LifecycleHookId" in ok["properties"]["Result"]["properties"]
    conflict = put["responses"]["409"]["content"]["application/json"]
    assert conflict["examples"]["Fake.LimitExceeded"]["value"] == {
        "Fault": {"Code": "Fake.LimitExceeded"},
        "Trace": "example-trace",
    }
    # the protocol's own answers, with their statuses, in its envelope
    invalid = put["responses"]["422"]["content"]["application/json"]["examples"]
    assert invalid["Fake.BadInput"]["value"]["Fault"]["Text"] == "Bad input: {param}"
    headers = {p["name"] for p in put["parameters"] if p["in"] == "header"}
    assert headers == {"X-Fake-Op", "X-Fake-Version"}
    scheme = doc["components"]["securitySchemes"]["FAKE-HMAC-SHA256"]
    assert (scheme["in"], scheme["name"]) == ("header", "X-Fake-Signature")


def test_docs_name_the_fake_protocol_and_its_answers(generated: Path) -> None:
    text = (generated / "docs/fakecloud.md").read_text()
    assert "`fake-json`" in text
    assert "Fake.BadInput" in text


def test_client_reads_the_fake_clouds_environment(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(generated / "python"))
    client = importlib.import_module(f"{PACKAGE}.client")
    monkeypatch.setenv("FAKECLOUD_KEY_ID", "kid")
    monkeypatch.setenv("FAKECLOUD_KEY_SECRET", "ksecret")
    monkeypatch.setenv("FAKECLOUD_REGION", "north-1")
    made = client.Client()
    assert made.endpoint == "https://hooks.north-1.fake.example"
    monkeypatch.delenv("FAKECLOUD_KEY_SECRET")
    with pytest.raises(ValueError, match="FAKECLOUD_KEY_SECRET"):
        client.Client()


def test_client_talks_to_the_mock_in_the_fake_protocol(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(generated / "python"))
    client = importlib.import_module(f"{PACKAGE}.client")
    errors = importlib.import_module(f"{PACKAGE}.errors")
    mock = importlib.import_module(f"{PACKAGE}.mock")
    app = mock.create_app(credentials={"kid": "ksecret"}, groups=["g1"], seed=1)
    seen: list[httpx.Request] = []

    async def run() -> tuple[Any, Any, BaseException | None]:
        transport = httpx.ASGITransport(app=app)

        class Recording(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                seen.append(request)
                return await transport.handle_async_request(request)

        api = client.AsyncClient(
            key_id="kid",
            key_secret="ksecret",
            endpoint="http://mock",
            transport=Recording(),
            max_attempts=1,
        )
        put = await api.put_lifecycle_hook(
            auto_scaling_group_name="g1",
            lifecycle_hook_name="h1",
            lifecycle_transition="launching",
        )
        listed = await api.describe_lifecycle_hooks(auto_scaling_group_name="g1")
        wrong = client.AsyncClient(
            key_id="kid",
            key_secret="not-the-secret",
            endpoint="http://mock",
            transport=transport,
            max_attempts=1,
        )
        failure: BaseException | None = None
        try:
            await wrong.describe_lifecycle_hooks(auto_scaling_group_name="g1")
        except errors.FakecloudHooksError as exc:
            failure = exc
        return put, listed, failure

    put, listed, failure = asyncio.run(run())
    assert put.lifecycle_hook_id
    assert listed.total_count == 1
    assert seen[0].headers["X-Fake-Op"] == "PutLifecycleHook"
    assert json.loads(seen[0].content)["LifecycleHookName"] == "h1"
    assert failure is not None and failure.code == "Fake.Unauthorized"
    assert failure.status == 401
