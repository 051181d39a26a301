"""AWS SigV4 (runtime/protocols/aws-query/signing.py) against botocore, the official signer.

botocore's own SigV4Auth is the oracle: same request, same time, same credentials must give
the same Authorization header byte for byte. Requests are captured from a real boto3 client
(built, signed, never sent) to check that verify() accepts what the SDK puts on the wire.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import boto3
import botocore.auth
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.config import Config
from botocore.credentials import Credentials

SUITE_KEY = "AKIDEXAMPLE"
SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SUITE_TIME = datetime(2015, 8, 30, 12, 36, 0)
SUITE_HOST = "example.amazonaws.com"

# Cases of the published AWS SigV4 test suite (aws-sig-v4-test-suite: region us-east-1,
# service "service", the credentials and time above). The official .req/.authz files are not
# shipped in any installed package, so the inputs and expected signatures are written out
# here; test_suite_vectors_agree_with_botocore checks each against botocore as well, so a
# wrongly remembered vector fails instead of silently passing.
SUITE_VECTORS = [
    (
        "get-vanilla",
        "GET",
        "/",
        {},
        b"",
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    ),
    (
        "get-vanilla-query-order-key-case",
        "GET",
        "/?Param2=value2&Param1=value1",
        {},
        b"",
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    ),
    (
        "get-vanilla-empty-query-key",
        "GET",
        "/?Param1=value1",
        {},
        b"",
        "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb",
    ),
    (
        "post-vanilla",
        "POST",
        "/",
        {},
        b"",
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
    ),
    (
        "post-x-www-form-urlencoded",
        "POST",
        "/",
        {"Content-Type": "application/x-www-form-urlencoded"},
        b"Param1=value1",
        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
    ),
    (
        "post-x-www-form-urlencoded-parameters",
        "POST",
        "/",
        {"Content-Type": "application/x-www-form-urlencoded; charset=utf8"},
        b"Param1=value1",
        "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe",
    ),
]


@pytest.fixture
def frozen_botocore(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """botocore's signing clock fixed at the suite's time."""
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: SUITE_TIME)
    return SUITE_TIME


def _botocore_authorization(
    method: str, url: str, headers: dict[str, str], body: bytes, **params: str
) -> str:
    request = AWSRequest(method=method, url=url, headers=headers, data=body, params=params)
    credentials = Credentials(SUITE_KEY, SUITE_SECRET)
    SigV4Auth(credentials, "service", "us-east-1").add_auth(request)
    return str(request.headers["Authorization"])


def _suite_sign(
    sig: ModuleType,
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes,
    service: str = "service",
) -> Any:
    return sig.sign(
        method,
        url,
        headers,
        body,
        access_key=SUITE_KEY,
        secret_key=SUITE_SECRET,
        region="us-east-1",
        service=service,
        now=SUITE_TIME,
    )


@pytest.mark.parametrize("case", SUITE_VECTORS, ids=[v[0] for v in SUITE_VECTORS])
def test_suite_vectors(aws_signing: ModuleType, case: tuple[Any, ...]) -> None:
    _name, method, target, extra, body, signature = case
    headers = {"Host": SUITE_HOST, **extra}
    added = _suite_sign(aws_signing, method, f"https://{SUITE_HOST}{target}", headers, body)
    names = ";".join(sorted(["host", "x-amz-date", *(h.lower() for h in extra)]))
    assert added["X-Amz-Date"] == "20150830T123600Z"
    assert added["Authorization"] == (
        f"AWS4-HMAC-SHA256 Credential={SUITE_KEY}/20150830/us-east-1/service/aws4_request, "
        f"SignedHeaders={names}, Signature={signature}"
    )


@pytest.mark.parametrize("case", SUITE_VECTORS, ids=[v[0] for v in SUITE_VECTORS])
def test_suite_vectors_agree_with_botocore(
    frozen_botocore: datetime, case: tuple[Any, ...]
) -> None:
    _name, method, target, extra, body, signature = case
    headers = {"Host": SUITE_HOST, **extra}
    authorization = _botocore_authorization(method, f"https://{SUITE_HOST}{target}", headers, body)
    assert authorization.endswith(f"Signature={signature}")


@pytest.mark.parametrize("case", SUITE_VECTORS, ids=[v[0] for v in SUITE_VECTORS])
def test_suite_vectors_verify(aws_signing: ModuleType, case: tuple[Any, ...]) -> None:
    _name, method, target, extra, body, _signature = case
    url = f"https://{SUITE_HOST}{target}"
    headers = {"Host": SUITE_HOST, **extra}
    headers.update(_suite_sign(aws_signing, method, url, headers, body))
    parts = urlsplit(url)
    secrets = {SUITE_KEY: SUITE_SECRET}.get
    assert aws_signing.verify(method, parts.path, parts.query, headers, body, secrets) is None


def test_awkward_path_and_query_match_botocore(
    aws_signing: ModuleType, frozen_botocore: datetime
) -> None:
    # A path with an encoded space, dot and empty segments; query values with spaces, "+",
    # "*", "~", "/" and non-ASCII: botocore signs params re-encoded (RFC 3986), sends them
    # form-encoded ("+" for space), and removes dot segments before encoding the path again.
    params = {"b": "x y", "a": "1+2", "c": "~*/", "d": "中文"}
    url = f"https://{SUITE_HOST}/a%20b/./c//d/../e"
    headers = {"Host": SUITE_HOST, "X-Custom": "  two   spaces  "}
    expected = _botocore_authorization("GET", url, dict(headers), b"", **params)
    prepared = AWSRequest(method="GET", url=url, params=params).prepare().url
    assert "x+y" in prepared  # what the wire carries differs from what is signed
    added = _suite_sign(aws_signing, "GET", prepared, headers, b"")
    assert added["Authorization"] == expected


def test_unsigned_headers_are_left_out_like_botocore(
    aws_signing: ModuleType, frozen_botocore: datetime
) -> None:
    headers = {"Host": SUITE_HOST, "User-Agent": "x/1", "Connection": "keep-alive", "X-B": "b"}
    expected = _botocore_authorization("POST", f"https://{SUITE_HOST}/", dict(headers), b"x=1")
    added = _suite_sign(aws_signing, "POST", f"https://{SUITE_HOST}/", headers, b"x=1")
    assert added["Authorization"] == expected
    assert "SignedHeaders=host;x-amz-date;x-b," in added["Authorization"]


def test_host_from_url_matches_botocore(aws_signing: ModuleType, frozen_botocore: datetime) -> None:
    # No Host header given: both derive it from the URL, dropping only a default port.
    for url in ("http://127.0.0.1:34591/", "https://Example.COM:443/", "http://h.example:80/x"):
        expected = _botocore_authorization("POST", url, {}, b"Action=X")
        assert _suite_sign(aws_signing, "POST", url, {}, b"Action=X")["Authorization"] == expected


# --- requests built by a real boto3 client ---------------------------------------------------

QUERY_CALLS: list[tuple[str, dict[str, Any]]] = [
    (
        "put_lifecycle_hook",
        {
            "LifecycleHookName": "my-hook",
            "AutoScalingGroupName": "my asg",
            "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
            "HeartbeatTimeout": 300,
            "NotificationMetadata": "meta data + more/~*",
            "RoleARN": "arn:aws:iam::123456789012:role/r",
        },
    ),
    (
        "describe_lifecycle_hooks",
        {"AutoScalingGroupName": "my-asg", "LifecycleHookNames": ["my-hook", "h2"]},
    ),
]


def _captured_boto3_request(
    monkeypatch: pytest.MonkeyPatch, operation: str, kwargs: dict[str, Any]
) -> AWSRequest:
    """The request boto3 would send, captured at 'before-send' and answered locally."""
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: SUITE_TIME)
    client = boto3.client(
        "autoscaling",
        endpoint_url="http://127.0.0.1:34591",
        region_name="us-east-1",
        aws_access_key_id=SUITE_KEY,
        aws_secret_access_key=SUITE_SECRET,
        config=Config(retries={"total_max_attempts": 1}),
    )
    captured: list[AWSRequest] = []
    result = operation.replace("_", " ").title().replace(" ", "")

    def answer(request: AWSRequest, **_: Any) -> AWSResponse:
        captured.append(request)
        body = f"<R><{result}Result/></R>".encode()
        return AWSResponse(request.url, 200, {}, _Raw(body))

    client.meta.events.register("before-send", answer)
    getattr(client, operation)(**kwargs)
    assert len(captured) == 1
    return captured[0]


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


@pytest.mark.parametrize("call", QUERY_CALLS, ids=[c[0] for c in QUERY_CALLS])
def test_boto3_request_signature_is_reproduced(
    aws_signing: ModuleType, monkeypatch: pytest.MonkeyPatch, call: tuple[str, dict[str, Any]]
) -> None:
    request = _captured_boto3_request(monkeypatch, *call)
    body = _body(request)
    added = _suite_sign(
        aws_signing,
        request.method,
        request.url,
        {"Content-Type": _text(request.headers["Content-Type"])},
        body,
        "autoscaling",
    )
    assert added["X-Amz-Date"] == _text(request.headers["X-Amz-Date"])
    assert added["Authorization"] == _text(request.headers["Authorization"])
    assert "SignedHeaders=content-type;host;x-amz-date," in added["Authorization"]


def _text(value: str | bytes) -> str:
    # Prepared requests hold header values as bytes.
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _body(request: AWSRequest) -> bytes:
    body = request.body
    return body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")


def _as_received(request: AWSRequest) -> tuple[str, str, str, dict[str, str], bytes]:
    """What a server sees of a captured request: request line parts, headers, body."""
    parts = urlsplit(request.url)
    headers = {k: _text(v) for k, v in request.headers.items()}
    headers["Host"] = parts.netloc
    return request.method, parts.path or "/", parts.query, headers, _body(request)


@pytest.fixture
def boto3_put(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, str, dict[str, str], bytes]:
    return _as_received(_captured_boto3_request(monkeypatch, *QUERY_CALLS[0]))


def test_verify_accepts_boto3_request(
    aws_signing: ModuleType, boto3_put: tuple[str, str, str, dict[str, str], bytes]
) -> None:
    method, path, query, headers, body = boto3_put
    secrets = {SUITE_KEY: SUITE_SECRET}.get
    assert aws_signing.verify(method, path, query, headers, body, secrets) is None
    assert (
        aws_signing.verify(
            method,
            path,
            query,
            headers,
            body,
            secrets,
            region="us-east-1",
            service="autoscaling",
            max_skew=timedelta(minutes=15),
            now=SUITE_TIME.replace(tzinfo=UTC) + timedelta(minutes=3),
        )
        is None
    )


def test_verify_rejects_tampering(
    aws_signing: ModuleType, boto3_put: tuple[str, str, str, dict[str, str], bytes]
) -> None:
    method, path, query, headers, body = boto3_put
    secrets = {SUITE_KEY: SUITE_SECRET}.get

    def check(**changes: Any) -> str:
        received = {"method": method, "path": path, "query": query, "headers": headers}
        args = {**received, "body": body, "lookup_secret": secrets, **changes}
        reason = aws_signing.verify(**args)
        assert isinstance(reason, str)
        return reason

    assert check(body=body.replace(b"HeartbeatTimeout=300", b"HeartbeatTimeout=10")) == (
        "mismatch: signature"
    )
    assert check(headers={**headers, "Content-Type": "text/plain"}) == "mismatch: signature"
    assert check(headers={**headers, "Host": "127.0.0.1:1"}) == "mismatch: signature"
    assert check(method="PUT") == "mismatch: signature"
    assert check(query="Action=Other") == "mismatch: signature"
    assert check(lookup_secret={SUITE_KEY: "wrong"}.get) == "mismatch: signature"
    assert check(lookup_secret={}.get).startswith("unknown key:")
    without = {k: v for k, v in headers.items() if k != "Authorization"}
    assert check(headers=without).startswith("missing:")
    no_date = {k: v for k, v in headers.items() if k != "X-Amz-Date"}
    assert check(headers=no_date).startswith("missing:")
    assert check(headers={**headers, "Authorization": "Bearer abc"}).startswith("malformed:")
    truncated = headers["Authorization"].split(", Signature=")[0]
    assert check(headers={**headers, "Authorization": truncated}).startswith("malformed:")
    assert check(headers={**headers, "X-Amz-Date": "yesterday"}).startswith("malformed:")
    assert check(headers={**headers, "X-Amz-Date": "20150831T123600Z"}).startswith("mismatch:")
    assert check(region="eu-west-1").startswith("mismatch: credential scope region")
    assert check(service="ec2").startswith("mismatch: credential scope service")
    late = SUITE_TIME.replace(tzinfo=UTC) + timedelta(minutes=16)
    assert check(max_skew=timedelta(minutes=15), now=late).startswith("expired:")


def test_verify_accepts_date_header_instead_of_x_amz_date(
    aws_signing: ModuleType, frozen_botocore: datetime
) -> None:
    # With a Date header botocore rewrites it and signs it, and sets no X-Amz-Date.
    headers = {"Host": SUITE_HOST, "Date": "Mon, 01 Jan 2001 00:00:00 GMT"}
    request = AWSRequest(method="GET", url=f"https://{SUITE_HOST}/?a=1", headers=headers)
    SigV4Auth(Credentials(SUITE_KEY, SUITE_SECRET), "service", "us-east-1").add_auth(request)
    received = {k: _text(v) for k, v in request.headers.items()}
    assert "X-Amz-Date" not in received and "date;host" in received["Authorization"]
    lookup = {SUITE_KEY: SUITE_SECRET}.get
    assert aws_signing.verify("GET", "/", "a=1", received, b"", lookup) is None
    received["Date"] = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert aws_signing.verify("GET", "/", "a=1", received, b"", lookup) == (
        "mismatch: credential scope date 20150830 is not that of 20010101T000000Z"
    )
