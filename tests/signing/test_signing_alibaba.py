"""Alibaba RPC signatures (runtime/protocols/alibaba-rpc/signing.py) against the official
signers.

* v1.0 HMAC-SHA1: aliyun-python-sdk-core is the oracle. A real AcsClient builds and signs
  the request (its timestamp and nonce helpers fixed) and it is captured instead of sent.
* ACS3-HMAC-SHA256: the Tea SDK (alibabacloud-tea-openapi) is not a test dependency of
  this project. The two vectors below were produced by alibabacloud-tea-openapi 0.4.6's own
  `Utils.get_authorization` (the function its Client calls) for the request shown, and the
  query travels as darabonba's `urlencode` sends it. When that package is installed,
  test_acs3_vectors_agree_with_tea_sdk recomputes them with it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.http.http_response import HttpResponse
from aliyunsdkcore.utils import parameter_helper
from aliyunsdkess.request.v20140828.CreateLifecycleHookRequest import (
    CreateLifecycleHookRequest,
)

ACCESS_KEY_ID = "LTAIexampleAK"
SECRET = "exampleSecret"
TIMESTAMP = "2026-11-22T17:24:59Z"
NOW = datetime(2026, 11, 22, 17, 24, 59, tzinfo=UTC)
NONCE = "9679c8b00632d9aa3bf7e38954b06e7d"
# Parameters that the signer, not the caller, adds.
AUTH_PARAMS = {
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Signature",
}

HOOK = {
    "ScalingGroupId": "asg-bp1eyv4qn8ssgv43****",
    "LifecycleHookName": " my hook*~/ ",
    "LifecycleTransition": "SCALE_OUT",
    "DefaultResult": "CONTINUE",
    "HeartbeatTimeout": 600,
    "NotificationArn": "acs:ess:cn-hangzhou:1111111111:queue/q1",
}
# Sent in a form body in the second case: non-ASCII, "+", "=", "&", spaces.
BODY_PARAMS = {"NotificationMetadata": "中文 a+b=c&d "}


def _captured_core_request(
    monkeypatch: pytest.MonkeyPatch, body_params: dict[str, str]
) -> dict[str, Any]:
    """What AcsClient would send for CreateLifecycleHook, captured instead of sent."""
    monkeypatch.setattr(parameter_helper, "get_iso_8061_date", lambda: TIMESTAMP)
    monkeypatch.setattr(parameter_helper, "get_uuid", lambda: NONCE)
    captured: list[dict[str, Any]] = []

    def capture(response: HttpResponse) -> tuple[int, dict[str, str], bytes]:
        body = response.get_body()
        captured.append(
            {
                "method": response.get_method(),
                "url": response.get_url(),
                "headers": dict(response.get_headers()),
                "body": body.encode("utf-8") if isinstance(body, str) else body or b"",
            }
        )
        return 200, {}, b'{"RequestId": "r"}'

    monkeypatch.setattr(HttpResponse, "get_response_object", capture)
    client = AcsClient(ACCESS_KEY_ID, SECRET, "cn-hangzhou", port=41321, auto_retry=False)
    request = CreateLifecycleHookRequest()
    request.set_endpoint("127.0.0.1")
    for name, value in HOOK.items():
        request.add_query_param(name, value)
    for name, value in body_params.items():
        request.add_body_params(name, value)
    client.do_action_with_exception(request)
    assert len(captured) == 1
    captured[0]["string_to_sign"] = request.string_to_sign
    return captured[0]


@pytest.fixture(params=[{}, BODY_PARAMS], ids=["query-only", "form-body"])
def core_request(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    return _captured_core_request(monkeypatch, request.param)


def _received(captured: dict[str, Any]) -> dict[str, Any]:
    """verify() arguments for the captured request as a server receives it."""
    parts = urlsplit(captured["url"])
    headers = {**captured["headers"], "Host": "127.0.0.1:41321", "Accept": "*/*"}
    return {
        "method": captured["method"],
        "path": parts.path,
        "query": parts.query,
        "headers": headers,
        "body": captured["body"],
        "lookup_secret": {ACCESS_KEY_ID: SECRET}.get,
    }


def test_core_sdk_signature_is_reproduced(alibaba_signing: ModuleType, core_request: Any) -> None:
    sent = dict(parse_qsl(urlsplit(core_request["url"]).query, keep_blank_values=True))
    assert sent["Timestamp"] == TIMESTAMP and sent["SignatureNonce"] == NONCE
    body = dict(parse_qsl(core_request["body"].decode()))
    caller_params = {k: v for k, v in sent.items() if k not in AUTH_PARAMS}
    added = alibaba_signing.sign_rpc(
        core_request["method"],
        caller_params,
        access_key_id=ACCESS_KEY_ID,
        access_key_secret=SECRET,
        now=NOW,
        nonce=NONCE,
        body_params=body,
    )
    assert added == {k: sent[k] for k in AUTH_PARAMS}
    signed = {**sent, **body}
    assert alibaba_signing.rpc_string_to_sign("POST", signed) == core_request["string_to_sign"]
    assert alibaba_signing.rpc_signature("POST", signed, SECRET) == sent["Signature"]


def test_core_sdk_signs_form_body_params(monkeypatch: pytest.MonkeyPatch) -> None:
    # The premise of merging a form body into v1.0 verification: the SDK signs it.
    captured = _captured_core_request(monkeypatch, BODY_PARAMS)
    assert captured["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert "NotificationMetadata%3D" in captured["string_to_sign"]


def test_verify_accepts_core_sdk_request(alibaba_signing: ModuleType, core_request: Any) -> None:
    received = _received(core_request)
    assert alibaba_signing.verify(**received) is None
    near = NOW + timedelta(minutes=14)
    options = {"max_skew": timedelta(minutes=15), "now": near}
    assert alibaba_signing.verify(**received, **options) is None


def test_sign_rpc_round_trip(alibaba_signing: ModuleType) -> None:
    # A request built the way a generated client does: signed params appended to the query.
    params = {"Action": "DeleteLifecycleHook", "Version": "2014-08-28", "Format": "JSON"}
    params["LifecycleHookId"] = "ash-1 2"
    params.update(
        alibaba_signing.sign_rpc(
            "GET", params, access_key_id=ACCESS_KEY_ID, access_key_secret=SECRET, now=NOW, nonce="n"
        )
    )
    lookup = {ACCESS_KEY_ID: SECRET}.get
    assert alibaba_signing.verify("GET", "/", urlencode(params), {}, b"", lookup) is None
    assert alibaba_signing.verify("POST", "/", urlencode(params), {}, b"", lookup) == (
        "mismatch: signature"
    )


def test_verify_rejects_tampered_v1(
    alibaba_signing: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = _received(_captured_core_request(monkeypatch, BODY_PARAMS))
    query, body, headers = received["query"], received["body"], received["headers"]

    def check(**changes: Any) -> str:
        reason = alibaba_signing.verify(**{**received, **changes})
        assert isinstance(reason, str)
        return reason

    assert "HeartbeatTimeout=600" in query
    assert check(query=query.replace("HeartbeatTimeout=600", "HeartbeatTimeout=10")) == (
        "mismatch: signature"
    )
    assert check(body=body + b"&Extra=1") == "mismatch: signature"
    # Not a form any more: the body's parameters drop out of the signed set.
    json_headers = {**headers, "Content-Type": "application/json"}
    assert check(headers=json_headers) == "mismatch: signature"
    assert check(method="GET") == "mismatch: signature"
    assert check(lookup_secret={ACCESS_KEY_ID: "wrong"}.get) == "mismatch: signature"
    assert check(lookup_secret={}.get) == f"unknown key: {ACCESS_KEY_ID}"
    no_signature = "&".join(p for p in query.split("&") if not p.startswith("Signature="))
    assert check(query=no_signature) == "missing: Signature parameter"
    no_key = "&".join(p for p in query.split("&") if not p.startswith("AccessKeyId="))
    assert check(query=no_key) == "missing: AccessKeyId parameter"
    sha256 = query.replace("SignatureMethod=HMAC-SHA1", "SignatureMethod=HMAC-SHA256")
    assert check(query=sha256).startswith("malformed: SignatureMethod")
    late = NOW + timedelta(minutes=16)
    assert check(max_skew=timedelta(minutes=15), now=late).startswith("expired:")
    bad_time = query.replace("Timestamp=2026-11-22T17%3A24%3A59Z", "Timestamp=yesterday")
    assert bad_time != query
    assert check(query=bad_time) == "mismatch: signature"
    assert check(query=bad_time, max_skew=timedelta(minutes=15)).startswith("malformed:")


# --- ACS3-HMAC-SHA256 -------------------------------------------------------------------------

ACS3_QUERY = {
    "DefaultResult": "CONTINUE",
    "HeartbeatTimeout": "600",
    "LifecycleHookName": "my hook*~/",
    "NotificationArn": "acs:ess:cn-hangzhou:1111111111:queue/q1",
    "ScalingGroupId": "asg-bp1eyv4qn8ssgv43****",
    "LifecycleHookIds.1": "ash-1",
    "Note": "中文 a+b",
}
ACS3_HEADERS = {
    "host": "127.0.0.1:36381",
    "x-acs-version": "2022-02-22",
    "x-acs-action": "CreateLifecycleHook",
    "user-agent": "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
    "x-acs-date": "2026-11-22T17:25:01Z",
    "x-acs-signature-nonce": "e1dfea75b0f08573388addaebdfea165",
    "accept": "application/json",
    "x-acs-credentials-provider": "static_ak",
}
ACS3_NOW = datetime(2026, 11, 22, 17, 25, 1, tzinfo=UTC)
ACS3_FORM = b"DefaultResult=CONTINUE&LifecycleHookName=my+hook"
ACS3_VECTORS = [
    (
        "empty-body",
        b"",
        "accept;host;user-agent;x-acs-action;x-acs-content-sha256;"
        "x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version",
        "5eea5e1f8bb785cef1822fc04fc057a922b06f60f8c2e953a6e4a336e2edc1c6",
    ),
    (
        "form-body",
        ACS3_FORM,
        "accept;content-type;host;user-agent;x-acs-action;x-acs-content-sha256;"
        "x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version",
        "9dcc8bc681b7079a005c1e02cc4a25de761e6ffee3d5cdb73ad19d990426a3f4",
    ),
]


def _acs3_headers(body: bytes) -> dict[str, str]:
    headers = dict(ACS3_HEADERS)
    if body:
        headers["content-type"] = "application/x-www-form-urlencoded"
    return headers


def _acs3_received(body: bytes, names: str, signature: str) -> dict[str, Any]:
    headers = _acs3_headers(body)
    headers["x-acs-content-sha256"] = hashlib.sha256(body).hexdigest()
    headers["Authorization"] = (
        f"ACS3-HMAC-SHA256 Credential={ACCESS_KEY_ID},SignedHeaders={names},"
        f"Signature={signature}"
    )
    headers["Accept-Encoding"] = "identity"  # added by the HTTP stack, not signed
    return {
        "method": "POST",
        "path": "/",
        "query": urlencode(ACS3_QUERY),
        "headers": headers,
        "body": body,
        "lookup_secret": {ACCESS_KEY_ID: SECRET}.get,
    }


@pytest.mark.parametrize("vector", ACS3_VECTORS, ids=[v[0] for v in ACS3_VECTORS])
def test_acs3_vectors_reproduced(alibaba_signing: ModuleType, vector: tuple[Any, ...]) -> None:
    _name, body, names, signature = vector
    given = _acs3_headers(body)
    for generated in ("x-acs-date", "x-acs-signature-nonce"):
        del given[generated]
    added = alibaba_signing.sign_acs3(
        "POST",
        f"http://127.0.0.1:36381/?{urlencode(ACS3_QUERY)}",
        given,
        body,
        access_key_id=ACCESS_KEY_ID,
        access_key_secret=SECRET,
        now=ACS3_NOW,
        nonce=ACS3_HEADERS["x-acs-signature-nonce"],
    )
    assert added["x-acs-date"] == ACS3_HEADERS["x-acs-date"]
    assert added["Authorization"] == (
        f"ACS3-HMAC-SHA256 Credential={ACCESS_KEY_ID},SignedHeaders={names},"
        f"Signature={signature}"
    )


@pytest.mark.parametrize("vector", ACS3_VECTORS, ids=[v[0] for v in ACS3_VECTORS])
def test_acs3_vectors_verify(alibaba_signing: ModuleType, vector: tuple[Any, ...]) -> None:
    _name, body, names, signature = vector
    received = _acs3_received(body, names, signature)
    assert alibaba_signing.verify(**received) is None


@pytest.mark.parametrize("vector", ACS3_VECTORS, ids=[v[0] for v in ACS3_VECTORS])
def test_acs3_vectors_agree_with_tea_sdk(vector: tuple[Any, ...]) -> None:
    utils = pytest.importorskip("alibabacloud_tea_openapi.utils")
    _name, body, names, signature = vector
    headers = _acs3_headers(body)
    headers["x-acs-content-sha256"] = hashlib.sha256(body).hexdigest()
    request = SimpleNamespace(method="POST", pathname="/", query=dict(ACS3_QUERY), headers=headers)
    authorization = utils.Utils.get_authorization(
        request, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"], ACCESS_KEY_ID, SECRET
    )
    assert authorization.endswith(f"SignedHeaders={names},Signature={signature}")


def test_verify_rejects_tampered_acs3(alibaba_signing: ModuleType) -> None:
    _name, body, names, signature = ACS3_VECTORS[1]
    received = _acs3_received(body, names, signature)
    headers = received["headers"]

    def check(**changes: Any) -> str:
        reason = alibaba_signing.verify(**{**received, **changes})
        assert isinstance(reason, str)
        return reason

    assert check(body=body + b"&x=1").startswith("mismatch: x-acs-content-sha256")
    changed_hash = hashlib.sha256(body + b"&x=1").hexdigest()
    tampered = {**headers, "x-acs-content-sha256": changed_hash}
    assert check(headers=tampered, body=body + b"&x=1") == "mismatch: signature"
    assert check(headers={**headers, "user-agent": "other"}) == "mismatch: signature"
    assert check(query=received["query"].replace("600", "10")) == "mismatch: signature"
    assert check(lookup_secret={ACCESS_KEY_ID: "wrong"}.get) == "mismatch: signature"
    assert check(lookup_secret={}.get) == f"unknown key: {ACCESS_KEY_ID}"
    no_hash = {k: v for k, v in headers.items() if k != "x-acs-content-sha256"}
    assert check(headers=no_hash).startswith("missing:")
    no_date = {k: v for k, v in headers.items() if k != "x-acs-date"}
    assert check(headers=no_date).startswith("mismatch: signed header x-acs-date")
    truncated = headers["Authorization"].split(",Signature=")[0]
    assert check(headers={**headers, "Authorization": truncated}).startswith("malformed:")
    late = ACS3_NOW + timedelta(minutes=16)
    assert check(max_skew=timedelta(minutes=15), now=late).startswith("expired:")
    # No Authorization and no Signature parameter: nothing to verify.
    no_auth = {k: v for k, v in headers.items() if k != "Authorization"}
    assert check(headers=no_auth) == "missing: Signature parameter"
