"""Bad input never gives a 5xx or stops the server: malformed bodies, wrong content types,
invalid UTF-8, oversized bodies, unknown actions and paths, half-sent requests. Every answer
is the protocol's own error envelope (read back with the generated `_wire.decode_error`)."""

from __future__ import annotations

import importlib
import socket
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .util import PREFIX, PROVIDERS, SERVICES, Served

HUAWEI_CREATE = "/autoscaling-api/v1/p1/scaling_lifecycle_hook/g1"


@dataclass
class Wire:
    """Where a provider's API listens and how a request names an operation."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    query: str = ""


ROUTED = {
    "aws": Wire("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"}),
    "alibaba": Wire(
        "POST",
        "/",
        {"Content-Type": "application/x-www-form-urlencoded"},
        "Action=CreateLifecycleHook&Version=2014-08-28",
    ),
    "tencent": Wire(
        "POST",
        "/",
        {
            "Content-Type": "application/json",
            "X-TC-Action": "CreateLifecycleHook",
            "X-TC-Version": "2018-04-19",
            "X-TC-Region": "ap-guangzhou",
        },
    ),
    "huawei": Wire("POST", HUAWEI_CREATE, {"Content-Type": "application/json;charset=utf-8"}),
}
# A body that is not what the protocol carries, for the routed request above.
MALFORMED = {
    "aws": b"Action=PutLifecycleHook&Version=2011-01-01&LifecycleHookName=\xff\xfe",
    "alibaba": b"ScalingGroupId=\xff\xfe",
    "tencent": b'{"AutoScalingGroupId": ',
    "huawei": b"[1, 2",
}


def wire_module(provider: str) -> ModuleType:
    return importlib.import_module(f"{PREFIX}{provider}_{SERVICES[provider]}._wire")


def error_code(provider: str, response: httpx.Response) -> str:
    """The error code of an answer as the provider's SDKs read it (decode_error)."""
    assert response.status_code < 500, response.text
    error = wire_module(provider).decode_error(
        response.status_code, dict(response.headers), response.content
    )
    assert error is not None, f"not an error answer: {response.status_code} {response.text}"
    assert error.code and not error.code.isdigit(), response.text  # a code, not a bare status
    return str(error.code)


def request(served: Served, wire: Wire, body: bytes, **changes: Any) -> httpx.Response:
    url = served.url + changes.get("path", wire.path)
    query = changes.get("query", wire.query)
    if query:
        url += "?" + query
    headers = {**wire.headers, **changes.get("headers", {})}
    return httpx.request(
        changes.get("method", wire.method),
        url,
        headers=headers,
        content=body,
        timeout=30,
        trust_env=False,
    )


@pytest.mark.parametrize("provider", PROVIDERS)
def test_malformed_bodies(serve: Any, provider: str) -> None:
    served = serve(provider, auth=False, groups=["g1"])
    spec = served.state.spec
    response = request(served, ROUTED[provider], MALFORMED[provider])
    assert error_code(provider, response) == spec.malformed_error.code
    assert response.status_code == spec.malformed_error.status


@pytest.mark.parametrize("provider", PROVIDERS)
def test_oversized_bodies_are_refused_with_the_too_large_answer(serve: Any, provider: str) -> None:
    served = serve(provider, auth=False)
    big = b"A" * (10 * 1024 * 1024)
    response = request(served, ROUTED[provider], big)
    assert error_code(provider, response) == served.state.spec.too_large_error.code
    assert response.status_code == served.state.spec.too_large_error.status
    # the same body without a Content-Length (chunked) is cut off too
    chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
    url = (
        served.url
        + ROUTED[provider].path
        + ("?" + ROUTED[provider].query if ROUTED[provider].query else "")
    )
    response = httpx.post(
        url, headers=ROUTED[provider].headers, content=chunks, timeout=30, trust_env=False
    )
    assert error_code(provider, response) == served.state.spec.too_large_error.code
    assert served.control("GET", "health")["ok"] is True


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unknown_actions_and_paths_get_the_not_found_answer(serve: Any, provider: str) -> None:
    served = serve(provider, auth=False)
    not_found = served.state.spec.not_found_error.code
    wire = ROUTED[provider]
    if provider == "aws":
        body = b"Action=LaunchRockets&Version=2011-01-01"
        assert error_code(provider, request(served, wire, body)) == not_found
        body = b"Action=PutLifecycleHook&Version=1999-01-01"
        assert error_code(provider, request(served, wire, body)) == not_found
    elif provider == "alibaba":
        assert (
            error_code(
                provider,
                request(served, wire, b"", query="Action=LaunchRockets&Version=2014-08-28"),
            )
            == not_found
        )
    elif provider == "tencent":
        headers = {"X-TC-Action": "LaunchRockets"}
        assert error_code(provider, request(served, wire, b"{}", headers=headers)) == not_found
    assert error_code(provider, request(served, wire, b"", path="/no/such/path")) == not_found
    assert error_code(provider, request(served, wire, b"", method="PATCH", path="/x")) == not_found


@pytest.mark.parametrize("provider", PROVIDERS)
def test_invalid_utf8_and_odd_encodings(serve: Any, provider: str) -> None:
    served = serve(provider, auth=False, groups=["g1"])
    wire = ROUTED[provider]
    for body in (b"\xc3\x28", b"\x00\x01\x02", "名前=値".encode("gb18030"), b"%%%=&&=%zz"):
        error_code(provider, request(served, wire, body))
    error_code(
        provider,
        request(served, wire, b"a=b", headers={"Content-Type": "text/plain; charset=utf-7"}),
    )
    error_code(provider, request(served, wire, b"{}", query="%ff%fe=%c3%28&x"))
    error_code(provider, request(served, wire, b"{}", path=wire.path + "%ff%00"))
    assert served.control("GET", "health")["ok"] is True


@pytest.mark.timeout(60)  # a guard: blocked requests fail on their own httpx time-outs first
@pytest.mark.parametrize("provider", PROVIDERS)
def test_half_sent_requests_do_not_block_others(serve: Any, provider: str) -> None:
    """Slowloris: connections that send half a request head or half a body and stall; the
    other clients' requests are still answered."""
    served = serve(provider, auth=False, uvicorn_options={"timeout_keep_alive": 1})
    stalled = []
    for partial in (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le",
        b'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"a": ',
        b"GET /",
    ):
        sock = socket.create_connection(("127.0.0.1", served.port), timeout=5)
        sock.sendall(partial)
        stalled.append(sock)
    try:
        for _ in range(5):
            assert served.control("GET", "health")["ok"] is True
            request(served, ROUTED[provider], b"")
        # a request head over h11's limit is refused (uvicorn drops the connection)
        try:
            huge = httpx.get(
                served.url + "/", headers={"X-Big": "a" * 200_000}, timeout=10, trust_env=False
            )
            assert huge.status_code in (400, 431)
        except httpx.TransportError:
            pass
        assert served.control("GET", "health")["ok"] is True
    finally:
        for sock in stalled:
            sock.close()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_fuzzed_requests_never_get_a_server_error(serve: Any, provider: str) -> None:
    served = serve(provider, auth=False, groups=["g1"], seed=1)
    wire = ROUTED[provider]
    internal = served.state.spec.internal_error.code

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
        path=st.sampled_from([wire.path, "/", HUAWEI_CREATE + "/h1", "/x/../y"]),
        content_type=st.sampled_from(
            ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]
        ),
        body=st.one_of(
            st.binary(max_size=300),
            st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=5).map(
                lambda d: "&".join(f"{k}={v}" for k, v in d.items()).encode(
                    "utf-8", "surrogatepass"
                )
            ),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                lambda inner: st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=10), inner, max_size=3),
                max_leaves=10,
            ).map(lambda v: __import__("json").dumps(v).encode()),
        ),
    )
    def check(method: str, path: str, content_type: str, body: bytes) -> None:
        headers = {k: v for k, v in wire.headers.items() if k != "Content-Type"}
        if content_type:
            headers["Content-Type"] = content_type
        url = served.url + path + ("?" + wire.query if wire.query else "")
        response = client.request(method, url, headers=headers, content=body)
        assert response.status_code < 500, response.text
        assert internal not in response.text, response.text

    with httpx.Client(timeout=10, trust_env=False) as client:
        check()
    assert all(entry["code"] != internal for entry in served.state.journal)
