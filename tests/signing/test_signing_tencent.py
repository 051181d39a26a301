"""TC3-HMAC-SHA256 (runtime/protocols/tencent-json/signing.py) against
tencentcloud-sdk-python-common, the official signer.

Requests are built by the SDK's CommonClient (its own _build_req_with_tc3_signature, with
time.time fixed) and captured just before they would be sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import UTC, datetime, timedelta
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from tencentcloud.common import abstract_client, credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.http.request import RequestInternal
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.common.sign import Sign

SECRET_ID = "AKIDEXAMPLE"
SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
# 2026-11-22T17:24:58Z; near midnight cases below check the UTC date, not the local one.
TIMESTAMP = 1795368298
HOST = "127.0.0.1:46817"

CREATE_PARAMS: dict[str, Any] = {
    "AutoScalingGroupId": "asg-12wjuh0s",
    "LifecycleHookName": "my hook 中文",
    "LifecycleTransition": "INSTANCE_LAUNCHING",
    "DefaultResult": "CONTINUE",
    "HeartbeatTimeout": 300,
    "NotificationMetadata": "meta+/~*&=",
    "NotificationTarget": {"TargetType": "CMQ_QUEUE", "QueueName": "q1"},
}


def _captured(
    monkeypatch: pytest.MonkeyPatch,
    params: dict[str, Any],
    method: str = "POST",
    timestamp: int = TIMESTAMP,
    action: str = "CreateLifecycleHook",
) -> RequestInternal:
    """The request CommonClient builds for `action`, captured instead of sent."""
    monkeypatch.setattr(abstract_client, "time", SimpleNamespace(time=lambda: timestamp))
    profile = ClientProfile(
        httpProfile=HttpProfile(endpoint=HOST, protocol="http", reqMethod=method)
    )
    client = CommonClient(
        "as", "2018-04-19", credential.Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", profile
    )
    captured: list[RequestInternal] = []

    def capture(request: RequestInternal) -> None:
        captured.append(request)
        raise ConnectionError("captured, not sent")

    monkeypatch.setattr(client.request, "_request", capture)
    with pytest.raises(TencentCloudSDKException):
        client.call_json(action, params)
    assert len(captured) == 1
    return captured[0]


def _body(request: RequestInternal) -> bytes:
    return b"" if request.method == "GET" else str(request.data).encode("utf-8")


def _url(request: RequestInternal) -> str:
    query = f"?{request.data}" if request.method == "GET" else ""
    return f"http://{request.header['Host']}{request.uri}{query}"


def _sign(sig: ModuleType, request: RequestInternal, timestamp: int = TIMESTAMP) -> Any:
    # Only what the client itself decides goes in: Content-Type (and Host via the URL).
    return sig.sign(
        request.method,
        _url(request),
        {"Content-Type": request.header["Content-Type"]},
        _body(request),
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        service="as",
        now=datetime.fromtimestamp(timestamp, UTC),
    )


def _received(request: RequestInternal) -> dict[str, Any]:
    """verify() arguments for the request as a server receives it (plus requests' headers)."""
    headers = dict(request.header)
    headers.update({"Accept": "*/*", "User-Agent": "python-requests/2.34.2"})
    query = str(request.data) if request.method == "GET" else ""
    return {
        "method": request.method,
        "path": request.uri,
        "query": query,
        "headers": headers,
        "body": _body(request),
        "lookup_secret": {SECRET_ID: SECRET_KEY}.get,
    }


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_sdk_signature_is_reproduced(
    tencent_signing: ModuleType, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    request = _captured(monkeypatch, CREATE_PARAMS, method)
    added = _sign(tencent_signing, request)
    assert added["X-TC-Timestamp"] == request.header["X-TC-Timestamp"] == str(TIMESTAMP)
    assert added["Authorization"] == request.header["Authorization"]
    assert added["Host"] == request.header["Host"] == HOST


def test_sdk_signature_uses_the_utc_date(
    tencent_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 23:59:59 UTC is the next day in Shanghai: the credential date must be the UTC one.
    late = 1795391999
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        request = _captured(monkeypatch, {"LifecycleHookId": "ash-1"}, timestamp=late)
        added = _sign(tencent_signing, request, late)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "/2026-11-22/as/tc3_request" in request.header["Authorization"]
    assert added["Authorization"] == request.header["Authorization"]
    received = _received(request)
    assert tencent_signing.verify(**received) is None


def test_signing_key_matches_sdk_helper(tencent_signing: ModuleType) -> None:
    message = "TC3-HMAC-SHA256\n1795368298\n2026-11-22/as/tc3_request\nabc"
    key = tencent_signing.signing_key(SECRET_KEY, "2026-11-22", "as")
    mine = hmac.new(key, message.encode(), hashlib.sha256).hexdigest()
    assert mine == Sign.sign_tc3(SECRET_KEY, "2026-11-22", "as", message)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_verify_accepts_sdk_request(
    tencent_signing: ModuleType, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    request = _captured(monkeypatch, CREATE_PARAMS, method)
    assert tencent_signing.verify(**_received(request)) is None
    assert (
        tencent_signing.verify(
            **_received(request),
            service="as",
            max_skew=timedelta(minutes=5),
            now=datetime.fromtimestamp(TIMESTAMP + 299, UTC),
        )
        is None
    )


def test_verify_accepts_own_signature(tencent_signing: ModuleType) -> None:
    body = json.dumps({"LifecycleHookId": "ash-1"}).encode()
    headers = {"Content-Type": "application/json", "X-TC-Action": "DeleteLifecycleHook"}
    now = datetime.fromtimestamp(TIMESTAMP, UTC)
    headers.update(
        tencent_signing.sign(
            "POST",
            "https://as.tencentcloudapi.com/",
            headers,
            body,
            secret_id=SECRET_ID,
            secret_key=SECRET_KEY,
            service="as",
            now=now,
        )
    )
    assert headers["Host"] == "as.tencentcloudapi.com"
    lookup = {SECRET_ID: SECRET_KEY}.get
    assert tencent_signing.verify("POST", "/", "", headers, body, lookup) is None


def test_verify_accepts_documented_lowercase_header_values(tencent_signing: ModuleType) -> None:
    # The published recipe lowercases header values; the SDKs do not. A client that follows
    # the recipe with a mixed-case Content-Type must verify as well.
    content_type = "application/json; charset=UTF-8"
    body = b"{}"
    headers = {"Content-Type": content_type, "Host": "as.tencentcloudapi.com"}
    lowered = {"content-type": [content_type.lower()], "host": ["as.tencentcloudapi.com"]}
    names = ["content-type", "host"]
    canonical = tencent_signing.canonical_request("POST", "/", "", lowered, names, body)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    to_sign = f"TC3-HMAC-SHA256\n{TIMESTAMP}\n2026-11-22/as/tc3_request\n{digest}"
    signature = Sign.sign_tc3(SECRET_KEY, "2026-11-22", "as", to_sign)
    headers["X-TC-Timestamp"] = str(TIMESTAMP)
    headers["Authorization"] = (
        f"TC3-HMAC-SHA256 Credential={SECRET_ID}/2026-11-22/as/tc3_request, "
        f"SignedHeaders=content-type;host, Signature={signature}"
    )
    lookup = {SECRET_ID: SECRET_KEY}.get
    assert tencent_signing.verify("POST", "/", "", headers, body, lookup) is None


def test_verify_rejects_tampering(
    tencent_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = _captured(monkeypatch, CREATE_PARAMS)
    received = _received(request)
    headers = received["headers"]

    def check(**changes: Any) -> str:
        reason = tencent_signing.verify(**{**received, **changes})
        assert isinstance(reason, str)
        return reason

    body = received["body"].replace(b'"HeartbeatTimeout": 300', b'"HeartbeatTimeout": 10')
    assert body != received["body"]
    assert check(body=body) == "mismatch: signature"
    assert check(headers={**headers, "Content-Type": "text/plain"}) == "mismatch: signature"
    assert check(headers={**headers, "Host": "127.0.0.1:1"}) == "mismatch: signature"
    assert check(headers={**headers, "X-TC-Timestamp": str(TIMESTAMP + 1)}) == (
        "mismatch: signature"
    )
    assert check(lookup_secret={SECRET_ID: "wrong"}.get) == "mismatch: signature"
    assert check(lookup_secret={}.get).startswith("unknown key:")
    assert check(service="cvm").startswith("mismatch: credential service")
    no_auth = {k: v for k, v in headers.items() if k != "Authorization"}
    assert check(headers=no_auth).startswith("missing:")
    no_time = {k: v for k, v in headers.items() if k != "X-TC-Timestamp"}
    assert check(headers=no_time).startswith("missing:")
    assert check(headers={**headers, "X-TC-Timestamp": "soon"}).startswith("malformed:")
    next_day = str(TIMESTAMP + 86400)
    assert check(headers={**headers, "X-TC-Timestamp": next_day}).startswith(
        "mismatch: credential date"
    )
    other = headers["Authorization"].replace("TC3-HMAC-SHA256", "HMAC-SHA256")
    assert check(headers={**headers, "Authorization": other}).startswith("malformed:")
    only_host = headers["Authorization"].replace("content-type;host", "host")
    assert check(headers={**headers, "Authorization": only_host}).startswith("malformed:")
    late = datetime.fromtimestamp(TIMESTAMP + 301, UTC)
    assert check(max_skew=timedelta(minutes=5), now=late).startswith("expired:")


def test_get_query_is_signed_as_sent(
    tencent_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GET signs the query string exactly as sent (the SDK does not sort it): reordering it
    # must break the signature.
    request = _captured(monkeypatch, CREATE_PARAMS, "GET")
    received = _received(request)
    pairs = received["query"].split("&")
    assert pairs != sorted(pairs)
    reordered = "&".join(sorted(pairs))
    assert tencent_signing.verify(**{**received, "query": reordered}) == "mismatch: signature"
