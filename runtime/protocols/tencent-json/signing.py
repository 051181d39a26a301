"""Tencent Cloud API 3.0 signature (TC3-HMAC-SHA256): sign a request, or verify a received one.

Standard library only: this file is copied verbatim into generated clients and mock servers.
It follows tencentcloud-sdk-python's AbstractClient._get_tc3_signature:

* canonical request = METHOD, "/", the query string (GET only, exactly as sent; empty for
  POST), "content-type:<v>\\nhost:<v>\\n", "content-type;host", hex SHA-256 of the body (of
  the text "UNSIGNED-PAYLOAD" when X-TC-Content-SHA256 says so; of nothing for GET);
* string to sign = "TC3-HMAC-SHA256", X-TC-Timestamp, "<UTC date>/<service>/tc3_request",
  hex SHA-256 of the canonical request;
* signature = hex HMAC-SHA256 with the key chain "TC3" + secret, UTC date, service,
  "tc3_request".

`verify` returns None for a valid request, else a reason "<kind>: <detail>" whose kind (the
text before the first colon) is one of MISSING, MALFORMED, UNKNOWN_KEY, MISMATCH, EXPIRED.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from . import _runtime
from ._runtime import EXPIRED as EXPIRED
from ._runtime import MALFORMED as MALFORMED
from ._runtime import MISMATCH as MISMATCH
from ._runtime import MISSING as MISSING
from ._runtime import UNKNOWN_KEY as UNKNOWN_KEY
from ._runtime import Headers as Headers
from ._runtime import SecretLookup as SecretLookup

ALGORITHM = "TC3-HMAC-SHA256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
# The SDKs sign exactly these two headers.
SIGNED_HEADERS = ("content-type", "host")


def sign(
    method: str,
    url: str,
    headers: Headers,
    body: bytes,
    *,
    secret_id: str,
    secret_key: str,
    service: str,
    now: datetime,
) -> dict[str, str]:
    """The headers to add to a request so that it carries a TC3 signature.

    `url` is the URL as it will be sent (for GET its query string is signed as is);
    `headers` must hold the Content-Type the request will carry. Host is taken from
    `headers`, else from the URL; it is returned too, since it is signed and must reach the
    server unchanged. X-TC-Action, X-TC-Version and X-TC-Region are not signed: add them
    yourself.
    """
    given = _runtime.lower_headers(_runtime.header_pairs(headers))
    if "content-type" not in given:
        raise ValueError("TC3 signs the Content-Type header: pass it in headers")
    added: dict[str, str] = {}
    if "host" not in given:
        added["Host"] = urlsplit(url).netloc
        given["host"] = [added["Host"]]
    timestamp = int(_runtime.utc(now).timestamp())
    added["X-TC-Timestamp"] = str(timestamp)
    date = _utc_date(timestamp)
    parts = urlsplit(url)
    canonical = canonical_request(
        method, parts.path or "/", parts.query, given, list(SIGNED_HEADERS), body
    )
    signature = _signature(secret_key, timestamp, date, service, canonical)
    added["Authorization"] = (
        f"{ALGORITHM} Credential={secret_id}/{date}/{service}/tc3_request, "
        f"SignedHeaders={';'.join(SIGNED_HEADERS)}, Signature={signature}"
    )
    return added


def verify(
    method: str,
    path: str,
    query: str,
    headers: Headers,
    body: bytes,
    lookup_secret: SecretLookup,
    *,
    service: str | None = None,
    max_skew: timedelta | None = None,
    now: datetime | None = None,
) -> str | None:
    """None if the received request carries a valid TC3 signature, else a reason.

    `path` and `query` are as they arrived on the request line. `lookup_secret(secret_id)`
    gives the secret key, or None for an unknown SecretId. `service`, when given, must match
    the credential scope. The request time is checked only when `max_skew` is given
    (against `now`, default the current time).
    """
    received = _runtime.lower_headers(_runtime.header_pairs(headers))
    auth = _runtime.first(received, "authorization")
    if auth is None:
        return f"{MISSING}: Authorization header"
    parsed = _parse_authorization(auth)
    if isinstance(parsed, str):
        return parsed
    secret_id, scope_date, scope_service, names, signature = parsed
    stamp = _runtime.first(received, "x-tc-timestamp")
    if stamp is None:
        return f"{MISSING}: X-TC-Timestamp header"
    if not stamp.isdigit():
        return f"{MALFORMED}: X-TC-Timestamp {stamp!r}"
    timestamp = int(stamp)
    unsigned = _runtime.unsigned_header(names, SIGNED_HEADERS, received)
    if unsigned is not None:
        return unsigned
    if scope_date != _utc_date(timestamp):
        return f"{MISMATCH}: credential date {scope_date} is not that of X-TC-Timestamp"
    if service is not None and scope_service != service:
        return f"{MISMATCH}: credential service {scope_service}, expected {service}"
    secret = lookup_secret(secret_id)
    if secret is None:
        return f"{UNKNOWN_KEY}: {secret_id}"
    # The SDKs sign header values as they are; the published recipe lowercases them. Accept
    # either, so that a client following the documentation verifies too.
    variants = [received, {k: [v.lower() for v in vs] for k, vs in received.items()}]
    for variant in variants:
        canonical = canonical_request(method, path, query, variant, names, body)
        expected = _signature(secret, timestamp, scope_date, scope_service, canonical)
        if hmac.compare_digest(expected, signature):
            stamp_time = datetime.fromtimestamp(timestamp, UTC)
            shown = f"X-TC-Timestamp {timestamp}"
            return _runtime.skew_error(stamp_time, max_skew, now, shown)
    return f"{MISMATCH}: signature"


def canonical_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, list[str]],
    names: list[str],
    body: bytes,
) -> str:
    """The TC3 canonical request; `headers` maps lowercase names to their values."""
    method = method.upper()
    if headers.get("x-tc-content-sha256", [""])[0] == UNSIGNED_PAYLOAD:
        payload = UNSIGNED_PAYLOAD.encode("ascii")
    elif method == "GET":
        # GET sends its parameters in the query, which is signed instead of a body.
        payload = b""
    else:
        payload = body
    lines = "".join(f"{name}:{','.join(headers[name]).strip()}\n" for name in names)
    return "\n".join(
        [
            method,
            path or "/",
            query if method == "GET" else "",
            lines,
            ";".join(names),
            hashlib.sha256(payload).hexdigest(),
        ]
    )


def signing_key(secret_key: str, date: str, service: str) -> bytes:
    """HMAC chain over "TC3" + secret, the YYYY-MM-DD date, service, "tc3_request"."""
    key = ("TC3" + secret_key).encode("utf-8")
    for part in (date, service, "tc3_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


def _signature(secret_key: str, timestamp: int, date: str, service: str, canonical: str) -> str:
    digest = _runtime.sha256_hex(canonical)
    string_to_sign = f"{ALGORITHM}\n{timestamp}\n{date}/{service}/tc3_request\n{digest}"
    return _runtime.hmac_sha256_hex(signing_key(secret_key, date, service), string_to_sign)


def _parse_authorization(value: str) -> tuple[str, str, str, list[str], str] | str:
    parsed = _runtime.parse_authorization(value, ALGORITHM, "Credential")
    if isinstance(parsed, str):
        return parsed
    text, names, signature = parsed
    credential = text.split("/")
    if len(credential) != 4 or credential[3] != "tc3_request" or not credential[0]:
        return f"{MALFORMED}: Credential {text!r}"
    return credential[0], credential[1], credential[2], names, signature


def _utc_date(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
