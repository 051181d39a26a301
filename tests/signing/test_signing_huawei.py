"""SDK-HMAC-SHA256 (runtime/protocols/huawei-rest/signing.py) against huaweicloudsdkcore's
Signer, the official signer.

A real AsClient builds and signs each request (the signer's clock fixed) and the request is
captured just before it would be sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest
from huaweicloudsdkas.v1 import AsClient
from huaweicloudsdkas.v1.model import (
    CreateLifeCycleHookOption,
    CreateLifyCycleHookRequest,
    DeleteLifecycleHookRequest,
    ListScalingGroupsRequest,
    ShowLifeCycleHookRequest,
)
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer import signer as sdk_signer

AK = "HWAKEXAMPLE"
SK = "HWSKEXAMPLEsecret"
PROJECT = "0605767a4c00d5762fc2c0124f34a2a1"
GROUP = "a8327883-6b07-4497-9c61-68d03ee193a1"
NOW = datetime(2026, 11, 22, 17, 15, 17, tzinfo=UTC)


class _FixedDatetime(datetime):
    @classmethod
    def utcnow(cls) -> _FixedDatetime:
        return cls(2026, 11, 22, 17, 15, 17)


class _Captured(Exception):
    pass


def _capture(monkeypatch: pytest.MonkeyPatch, call: str, request: Any) -> SdkRequest:
    """The request AsClient builds and signs for `call`, captured instead of sent."""
    monkeypatch.setattr(sdk_signer, "datetime", _FixedDatetime)
    client = (
        AsClient.new_builder()
        .with_credentials(BasicCredentials(AK, SK, PROJECT))
        .with_endpoint("http://127.0.0.1:38451")
        .build()
    )
    captured: list[SdkRequest] = []

    def capture(signed: SdkRequest) -> None:
        captured.append(signed)
        raise _Captured

    monkeypatch.setattr(client, "_do_http_request_sync", capture)
    with pytest.raises(_Captured):
        getattr(client, call)(request)
    assert len(captured) == 1
    return captured[0]


CALLS: dict[str, tuple[str, Callable[[], Any]]] = {
    "create": (
        "create_lify_cycle_hook",
        lambda: CreateLifyCycleHookRequest(
            scaling_group_id=GROUP,
            body=CreateLifeCycleHookOption(
                lifecycle_hook_name="my-hook",
                lifecycle_hook_type="INSTANCE_LAUNCHING",
                default_result="ABANDON",
                default_timeout=3600,
                notification_topic_urn="urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
                notification_metadata="中文 meta",
            ),
        ),
    ),
    "show": (
        "show_life_cycle_hook",
        # A path parameter that needs encoding: the canonical URI decodes and re-encodes it.
        lambda: ShowLifeCycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="a b+c~"),
    ),
    "delete": (
        "delete_lifecycle_hook",
        lambda: DeleteLifecycleHookRequest(scaling_group_id=GROUP, lifecycle_hook_name="my-hook"),
    ),
    "list-with-query": (
        "list_scaling_groups",
        lambda: ListScalingGroupsRequest(scaling_group_name="group 1/中", start_number=0, limit=20),
    ),
}


@pytest.fixture(params=list(CALLS))
def sdk_request(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> SdkRequest:
    call, build = CALLS[request.param]
    return _capture(monkeypatch, call, build())


def _body(request: SdkRequest) -> bytes:
    body = request.body
    if isinstance(body, str):
        return body.encode("utf-8")
    return bytes(body or b"")


def _received(request: SdkRequest) -> dict[str, Any]:
    """verify() arguments for the request as a server receives it (plus requests' headers)."""
    path, _, query = str(request.uri).partition("?")
    headers = dict(request.header_params)
    headers.update({"Accept": "*/*", "Accept-Encoding": "gzip, deflate", "Connection": "close"})
    return {
        "method": request.method,
        "path": path,
        "query": query,
        "headers": headers,
        "body": _body(request),
        "lookup_secret": {AK: SK}.get,
    }


def test_sdk_signature_is_reproduced(huawei_signing: ModuleType, sdk_request: SdkRequest) -> None:
    sdk_headers = dict(sdk_request.header_params)
    # What the client itself puts on the request; the signer adds X-Sdk-Date and Authorization.
    given = {k: v for k, v in sdk_headers.items() if k not in ("X-Sdk-Date", "Authorization")}
    url = f"{sdk_request.schema}://{sdk_request.host}{sdk_request.uri}"
    added = huawei_signing.sign(
        sdk_request.method, url, given, _body(sdk_request), access_key=AK, secret_key=SK, now=NOW
    )
    assert added["X-Sdk-Date"] == sdk_headers["X-Sdk-Date"] == "20261122T171517Z"
    assert added["Authorization"] == sdk_headers["Authorization"]


def test_sdk_signs_its_own_headers(
    huawei_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    call, build = CALLS["create"]
    request = _capture(monkeypatch, call, build())
    expected = "SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date,"
    assert expected in request.header_params["Authorization"]


def test_canonical_uri_has_trailing_slash(huawei_signing: ModuleType) -> None:
    assert huawei_signing.canonical_uri("/v1/p/scaling_lifecycle_hook/g/list") == (
        "/v1/p/scaling_lifecycle_hook/g/list/"
    )
    assert huawei_signing.canonical_uri("/v1/a%20b+c~/") == "/v1/a%20b%2Bc~/"
    assert huawei_signing.canonical_uri("") == "/"


def test_sdk_sends_the_canonical_query(
    huawei_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    call, build = CALLS["list-with-query"]
    request = _capture(monkeypatch, call, build())
    query = str(request.uri).partition("?")[2]
    pairs = [
        ("scaling_group_name", "group 1/中"),
        ("start_number", "0"),
        ("limit", "20"),
    ]
    assert query == huawei_signing.canonical_query_string(pairs)


def test_verify_accepts_sdk_request(huawei_signing: ModuleType, sdk_request: SdkRequest) -> None:
    received = _received(sdk_request)
    assert huawei_signing.verify(**received) is None
    near = NOW + timedelta(minutes=14)
    assert huawei_signing.verify(**received, max_skew=timedelta(minutes=15), now=near) is None


def test_verify_accepts_own_signature_with_form_query(huawei_signing: ModuleType) -> None:
    # A client that sends its query form-encoded ("+" for space) and unsorted still verifies.
    url = "http://127.0.0.1:38451/autoscaling-api/v1/p/scaling_group?limit=20&name=a+b%2B"
    headers = {"Content-Type": "application/json", "X-Project-Id": "p"}
    headers.update(
        huawei_signing.sign("GET", url, headers, b"", access_key=AK, secret_key=SK, now=NOW)
    )
    assert headers["Host"] == "127.0.0.1:38451"
    parts = urlsplit(url)
    lookup = {AK: SK}.get
    assert huawei_signing.verify("GET", parts.path, parts.query, headers, b"", lookup) is None


@pytest.mark.parametrize("body", [b"data", b""], ids=["body", "empty"])
def test_non_json_body_is_unsigned_like_sdk(
    huawei_signing: ModuleType, monkeypatch: pytest.MonkeyPatch, body: bytes
) -> None:
    # The SDK's Signer, called directly: a body that is not JSON is signed as
    # UNSIGNED-PAYLOAD (and an empty one as the empty hash, whatever the header says).
    monkeypatch.setattr(sdk_signer, "datetime", _FixedDatetime)
    request = SdkRequest(
        method="PUT",
        schema="https",
        host="h.example",
        resource_path="/v1/x",
        query_params=[("b", "2"), ("a", "1")],
        header_params={"Content-Type": "application/octet-stream", "X-Extra_Name": "no"},
        body=body,
    )
    sdk_signer.Signer(BasicCredentials(AK, SK)).sign(request)
    headers = {"Content-Type": "application/octet-stream", "X-Extra_Name": "no"}
    url = "https://h.example/v1/x?b=2&a=1"
    added = huawei_signing.sign("PUT", url, headers, body, access_key=AK, secret_key=SK, now=NOW)
    assert added["X-Sdk-Content-Sha256"] == "UNSIGNED-PAYLOAD"
    assert added["Authorization"] == request.header_params["Authorization"]
    assert "x-extra_name" not in added["Authorization"]
    headers.update(added)
    lookup = {AK: SK}.get
    assert huawei_signing.verify("PUT", "/v1/x", "a=1&b=2", headers, body, lookup) is None
    if body:
        # Unsigned payload: any body verifies.
        assert huawei_signing.verify("PUT", "/v1/x", "a=1&b=2", headers, b"xx", lookup) is None


def test_verify_rejects_tampering(
    huawei_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    call, build = CALLS["create"]
    received = _received(_capture(monkeypatch, call, build()))
    headers, body, path = received["headers"], received["body"], received["path"]

    def check(**changes: Any) -> str:
        reason = huawei_signing.verify(**{**received, **changes})
        assert isinstance(reason, str)
        return reason

    assert b'"default_timeout": 3600' in body
    assert check(body=body.replace(b"3600", b"10")) == "mismatch: signature"
    assert check(headers={**headers, "X-Project-Id": "other"}) == "mismatch: signature"
    assert check(headers={**headers, "User-Agent": "curl/8"}) == "mismatch: signature"
    assert check(path=path.replace(GROUP, "other")) == "mismatch: signature"
    assert check(query="x=1") == "mismatch: signature"
    assert check(method="PUT") == "mismatch: signature"
    assert check(lookup_secret={AK: "wrong"}.get) == "mismatch: signature"
    assert check(lookup_secret={}.get) == f"unknown key: {AK}"
    no_auth = {k: v for k, v in headers.items() if k != "Authorization"}
    assert check(headers=no_auth) == "missing: Authorization header"
    no_date = {k: v for k, v in headers.items() if k != "X-Sdk-Date"}
    assert check(headers=no_date) == "missing: X-Sdk-Date header"
    assert check(headers={**headers, "X-Sdk-Date": "2026-11-22"}).startswith("malformed:")
    no_project = {k: v for k, v in headers.items() if k != "X-Project-Id"}
    assert check(headers=no_project) == (
        "mismatch: signed header x-project-id is not in the request"
    )
    other = headers["Authorization"].replace("SDK-HMAC-SHA256", "SDK-HMAC-SM3")
    assert check(headers={**headers, "Authorization": other}).startswith("malformed:")
    late = NOW + timedelta(minutes=16)
    assert check(max_skew=timedelta(minutes=15), now=late).startswith("expired:")
