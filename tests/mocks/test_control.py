"""The control API under /_specgen/ (never used by an SDK): reset, seed groups, read state,
inject faults, the journal, scale activities, advancing time; and concurrent creates."""

from __future__ import annotations

import asyncio
import importlib
import threading
from types import ModuleType
from typing import Any

import httpx
import pytest

from .test_robustness import ROUTED, error_code
from .util import PROVIDERS, Served

TENCENT_CREATE = {
    "AutoScalingGroupId": "g1",
    "LifecycleHookName": "h",
    "LifecycleTransition": "INSTANCE_LAUNCHING",
}


def tencent_create(
    served: Served, name: str, group: str = "g1", client: httpx.Client | None = None
) -> httpx.Response:
    body = {**TENCENT_CREATE, "LifecycleHookName": name, "AutoScalingGroupId": group}
    post = client.post if client is not None else httpx.post
    return post(served.url + "/", headers=ROUTED["tencent"].headers, json=body, timeout=30)


def test_groups_state_reset_and_health(serve: Any) -> None:
    served = serve("tencent", auth=False, groups=["g1"])
    assert served.control("GET", "health") == {
        "ok": True,
        "provider": "tencent",
        "service": "as",
        "protocol": "tencent-json",
    }
    assert served.control("POST", "groups", {"groups": ["g2"]}) == {"groups": ["g1", "g2"]}
    served.control("POST", "groups", {"group": "g3", "instances": ["ins-1", "ins-2"]})
    assert (
        tencent_create(served, "h1", "g2").json()["Response"]["LifecycleHookId"].startswith("ash-")
    )
    state = served.control("GET", "state")
    assert state["groups"]["g3"] == {"ins-1": "InService", "ins-2": "InService"}
    assert [(h["group"], h["name"]) for h in state["hooks"]] == [("g2", "h1")]
    served.control("POST", "reset")
    state = served.control("GET", "state")
    assert state["hooks"] == [] and list(state["groups"]) == ["g1"]  # the initial groups stay


def test_bad_control_calls_are_4xx(serve: Any) -> None:
    served = serve("aws", auth=False)
    for method, name, body in (
        ("POST", "scale", {"group": "nope"}),
        ("POST", "scale", {"group": 5}),
        ("POST", "advance", {"seconds": -1}),
        ("POST", "faults", {"error": {"code": "X", "rate": 7}}),
        ("GET", "nothing", None),
        ("PUT", "journal", None),
    ):
        response = httpx.request(
            method, f"{served.url}/_specgen/{name}", json=body, trust_env=False
        )
        assert 400 <= response.status_code < 500, (name, response.text)
        assert response.json()["error"]
    response = httpx.post(f"{served.url}/_specgen/groups", content=b"{nope", trust_env=False)
    assert response.status_code == 400


@pytest.mark.parametrize("provider", PROVIDERS)
def test_injected_errors_and_latency(
    serve: Any, mocks: dict[str, ModuleType], provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = serve(provider, auth=False, groups=["g1"])
    spec = served.state.spec
    create = next(op for op in spec.operations.values() if op.kind in ("create", "upsert"))
    # a code the pages document answers with the status they give it (if only one)
    code = create.errors["quota"].code
    statuses = {e.status for e in create.errors.values() if e.code == code}
    expected = statuses.pop() if len(statuses) == 1 else spec.fault_status
    served.control(
        "POST", "faults", {"error": {"code": code, "rate": 1.0, "operations": [create.name]}}
    )
    response = httpx.post(
        served.url
        + ROUTED[provider].path
        + ("?" + ROUTED[provider].query if ROUTED[provider].query else ""),
        headers=ROUTED[provider].headers,
        content=b"Action=PutLifecycleHook&Version=2011-01-01" if provider == "aws" else b"",
        trust_env=False,
    )
    assert error_code(provider, response) == code
    assert response.status_code == expected
    served.control("POST", "faults", {"latency": 0.3})
    # the delay the app asks of its event loop, not the wall clock: nothing here is timed
    app = importlib.import_module(mocks[provider].__name__.rpartition(".")[0] + "._mock_app")
    slept: list[float] = []

    class RecordingAsyncio:
        def __getattr__(self, name: str) -> Any:
            return getattr(asyncio, name)

        @staticmethod
        async def sleep(seconds: float) -> None:
            slept.append(seconds)

    monkeypatch.setattr(app, "asyncio", RecordingAsyncio())
    httpx.post(served.url + "/", trust_env=False)
    assert slept == [0.3]
    assert served.control("DELETE", "faults") == {"latency": 0.0, "error": None}


def test_a_fault_rate_applies_to_that_share_of_requests(serve: Any) -> None:
    served = serve(
        "tencent",
        auth=False,
        groups=["g1"],
        quotas={"CreateLifecycleHook": 1000},
        rate_limits=False,
    )
    served.control("POST", "faults", {"error": {"code": "InternalError", "rate": 0.5}})
    with httpx.Client(trust_env=False) as client:
        codes = [
            tencent_create(served, f"h{n}", client=client)
            .json()["Response"]
            .get("Error", {})
            .get("Code")
            for n in range(200)
        ]
    failed = codes.count("InternalError")
    assert 60 < failed < 140 and failed + codes.count(None) == 200


def test_the_journal_records_each_request(serve: Any) -> None:
    served = serve("tencent", auth=False, groups=["g1"])
    tencent_create(served, "h1")
    tencent_create(served, "h1")
    journal = served.control("GET", "journal")
    assert [(e["operation"], e["code"]) for e in journal] == [
        ("CreateLifecycleHook", None),
        ("CreateLifecycleHook", "InvalidParameterValue.LifecycleHookNameDuplicated"),
    ]
    assert all(e["request_id"] and e["status"] == 200 for e in journal)
    assert served.control("DELETE", "journal") == []
    assert served.control("GET", "journal") == []


@pytest.mark.parametrize("provider", ["tencent", "alibaba"])
def test_concurrent_creates_never_exceed_the_quota_nor_lose_a_hook(
    serve: Any, provider: str
) -> None:
    served = serve(provider, auth=False, groups=["g1", "g2"], rate_limits=False)
    limit = served.state.quotas["CreateLifecycleHook"]
    results: list[tuple[str, str | None]] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        with httpx.Client(trust_env=False, timeout=30) as client:
            for i in range(5):
                group = "g1" if (n + i) % 2 else "g2"
                name = f"h{n}x{i}"
                if provider == "tencent":
                    body = {
                        **TENCENT_CREATE,
                        "LifecycleHookName": name,
                        "AutoScalingGroupId": group,
                    }
                    answer = client.post(
                        served.url + "/", headers=ROUTED["tencent"].headers, json=body
                    ).json()["Response"]
                    code = answer.get("Error", {}).get("Code")
                else:
                    query = f"Action=CreateLifecycleHook&Version=2014-08-28&ScalingGroupId={group}&LifecycleHookName={name}&LifecycleTransition=SCALE_OUT"
                    answer = client.post(f"{served.url}/?{query}").json()
                    code = answer.get("Code")
                with lock:
                    results.append((group, code))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80
    quota_code = served.state.spec.operations["CreateLifecycleHook"].errors["quota"].code
    hooks = served.control("GET", "state")["hooks"]
    for group in ("g1", "g2"):
        created = [code for g, code in results if g == group and code is None]
        refused = [code for g, code in results if g == group and code is not None]
        assert len(created) == limit and set(refused) == {quota_code}
        assert len([h for h in hooks if h["group"] == group]) == limit
