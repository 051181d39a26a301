"""AWS Signature Version 4 (AWS4-HMAC-SHA256): sign a request, or verify a received one.

Standard library only: this file is copied verbatim into generated clients and mock servers.
It follows botocore's SigV4Auth, which is what boto3 puts on the wire:

* canonical request = METHOD, canonical URI, canonical query, canonical headers, signed
  header names, hex SHA-256 of the body;
* string to sign = "AWS4-HMAC-SHA256", X-Amz-Date, the credential scope
  (date/region/service/aws4_request), hex SHA-256 of the canonical request;
* signing key = HMAC chain over "AWS4" + secret, date, region, service, "aws4_request".

`verify` returns None for a valid request, else a reason "<kind>: <detail>" whose kind (the
text before the first colon) is one of MISSING, MALFORMED, UNKNOWN_KEY, MISMATCH, EXPIRED.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import quote, unquote_plus, urlsplit

from . import _runtime
from ._runtime import EXPIRED as EXPIRED
from ._runtime import MALFORMED as MALFORMED
from ._runtime import MISMATCH as MISMATCH
from ._runtime import MISSING as MISSING
from ._runtime import UNKNOWN_KEY as UNKNOWN_KEY
from ._runtime import Headers as Headers
from ._runtime import SecretLookup as SecretLookup

ALGORITHM = "AWS4-HMAC-SHA256"
TIME_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
# botocore never signs these (hop-by-hop, tracing, user-agent); a signer that did would make
# the signature depend on what proxies and HTTP stacks rewrite.
UNSIGNED_HEADERS = frozenset(
    {
        "authorization",
        "baggage",
        "connection",
        "expect",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "traceparent",
        "tracestate",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "user-agent",
        "x-amzn-trace-id",
    }
)


def sign(
    method: str,
    url: str,
    headers: Headers,
    body: bytes,
    *,
    access_key: str,
    secret_key: str,
    region: str,
    service: str,
    now: datetime,
    session_token: str | None = None,
) -> dict[str, str]:
    """The headers to add to a request so that it carries a SigV4 signature.

    `url` is the full URL as it will be sent (its query string included); `headers` are the
    headers the request will carry. Every one of them except UNSIGNED_HEADERS is signed, plus
    Host (taken from `headers`, else from the URL as botocore does) and X-Amz-Date.
    """
    added = {"X-Amz-Date": _runtime.utc(now).strftime(TIME_FORMAT)}
    if session_token:
        added["X-Amz-Security-Token"] = session_token
    signed = _runtime.lower_headers([*_runtime.header_pairs(headers), *added.items()])
    if "host" not in signed:
        signed["host"] = [host_from_url(url)]
    names = sorted(name for name in signed if name not in UNSIGNED_HEADERS)
    parts = urlsplit(url)
    canonical = canonical_request(
        method,
        canonical_uri(parts.path),
        canonical_query_string(parts.query),
        signed,
        names,
        _payload_hash(signed, body),
    )
    date = added["X-Amz-Date"]
    scope = f"{date[:8]}/{region}/{service}/aws4_request"
    signature = _signature(secret_key, date, region, service, canonical)
    added["Authorization"] = (
        f"{ALGORITHM} Credential={access_key}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature}"
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
    region: str | None = None,
    service: str | None = None,
    max_skew: timedelta | None = None,
    now: datetime | None = None,
) -> str | None:
    """None if the received request carries a valid SigV4 signature, else a reason.

    `path` and `query` are as they arrived on the request line (still percent-encoded).
    `lookup_secret(access_key)` gives the secret key, or None for an unknown key. `region` and
    `service`, when given, must match the credential scope. The request time is checked only
    when `max_skew` is given (against `now`, default the current time).
    """
    received = _runtime.lower_headers(_runtime.header_pairs(headers))
    auth = _runtime.first(received, "authorization")
    if auth is None:
        return f"{MISSING}: Authorization header"
    parsed = _parse_authorization(auth)
    if isinstance(parsed, str):
        return parsed
    access_key, scope, names, signature = parsed
    scope_date, scope_region, scope_service, _terminator = scope
    stamp = _request_time(received)
    if isinstance(stamp, str):
        return stamp
    date = stamp.strftime(TIME_FORMAT)
    if "host" not in names:
        return f"{MALFORMED}: SignedHeaders must include host"
    if not ({"x-amz-date", "date"} & set(names)):
        return f"{MALFORMED}: SignedHeaders must include x-amz-date"
    if scope_date != date[:8]:
        return f"{MISMATCH}: credential scope date {scope_date} is not that of {date}"
    if region is not None and scope_region != region:
        return f"{MISMATCH}: credential scope region {scope_region}, expected {region}"
    if service is not None and scope_service != service:
        return f"{MISMATCH}: credential scope service {scope_service}, expected {service}"
    unsigned = _runtime.unsigned_header(names, (), received)
    if unsigned is not None:
        return unsigned
    secret = lookup_secret(access_key)
    if secret is None:
        return f"{UNKNOWN_KEY}: {access_key}"
    claimed_hash = _runtime.first(received, "x-amz-content-sha256")
    body_hash = hashlib.sha256(body).hexdigest()
    if claimed_hash not in (None, UNSIGNED_PAYLOAD, body_hash):
        return f"{MISMATCH}: x-amz-content-sha256 is not the hash of the body"
    canonical = canonical_request(
        method,
        canonical_uri(path),
        canonical_query_string(query),
        received,
        names,
        _payload_hash(received, body),
    )
    expected = _signature(secret, date, scope_region, scope_service, canonical)
    if not hmac.compare_digest(expected, signature):
        return f"{MISMATCH}: signature"
    shown = f"request time {stamp.strftime(TIME_FORMAT)}"
    return _runtime.skew_error(stamp, max_skew, now, shown)


def canonical_request(
    method: str,
    uri: str,
    query: str,
    headers: Mapping[str, list[str]],
    names: list[str],
    payload_hash: str,
) -> str:
    """The SigV4 canonical request; `headers` maps lowercase names to their values."""
    lines = [f"{name}:{_header_value(headers[name])}" for name in names]
    return "\n".join(
        [
            method.upper(),
            uri,
            query,
            "\n".join(lines) + "\n",
            ";".join(names),
            payload_hash,
        ]
    )


def canonical_uri(path: str) -> str:
    """The path with dot segments and empty segments removed, then URI-encoded again.

    The path is taken as sent (already percent-encoded), so segments end up encoded twice:
    SigV4 does that for every service but S3, and botocore does it too.
    """
    return quote(_remove_dot_segments(path), safe="/~")


def canonical_query_string(query: str) -> str:
    """The raw query decoded pair by pair, re-encoded (RFC 3986) and sorted.

    Decoding first makes the result independent of how the sender encoded it (botocore sends
    spaces as "+" but signs them as "%20").
    """
    pairs = []
    for item in query.split("&"):
        if not item:
            continue
        key, _, value = item.partition("=")
        pairs.append((_encode(unquote_plus(key)), _encode(unquote_plus(value))))
    return "&".join(f"{key}={value}" for key, value in sorted(pairs))


def host_from_url(url: str) -> str:
    """The Host header botocore signs when none is set: lowercase, default port dropped."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    if parts.port is not None and parts.port != default_port:
        host = f"{host}:{parts.port}"
    return host


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    """HMAC chain over "AWS4" + secret, the YYYYMMDD date, region, service, "aws4_request"."""
    key = ("AWS4" + secret_key).encode("utf-8")
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


def _signature(secret_key: str, amz_date: str, region: str, service: str, canonical: str) -> str:
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    string_to_sign = f"{ALGORITHM}\n{amz_date}\n{scope}\n{_runtime.sha256_hex(canonical)}"
    key = signing_key(secret_key, amz_date[:8], region, service)
    return _runtime.hmac_sha256_hex(key, string_to_sign)


def _parse_authorization(
    value: str,
) -> tuple[str, tuple[str, str, str, str], list[str], str] | str:
    parsed = _runtime.parse_authorization(value, ALGORITHM, "Credential")
    if isinstance(parsed, str):
        return parsed
    text, names, signature = parsed
    credential = text.split("/")
    if len(credential) != 5 or credential[4] != "aws4_request" or not credential[0]:
        return f"{MALFORMED}: Credential {text!r}"
    scope = (credential[1], credential[2], credential[3], credential[4])
    return credential[0], scope, names, signature


def _request_time(headers: Mapping[str, list[str]]) -> datetime | str:
    amz_date = _runtime.first(headers, "x-amz-date")
    if amz_date is not None:
        try:
            return datetime.strptime(amz_date, TIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            return f"{MALFORMED}: X-Amz-Date {amz_date!r}"
    date = _runtime.first(headers, "date")
    if date is None:
        return f"{MISSING}: X-Amz-Date header"
    try:
        return _runtime.utc(parsedate_to_datetime(date))
    except (TypeError, ValueError):
        return f"{MALFORMED}: Date {date!r}"


def _payload_hash(headers: Mapping[str, list[str]], body: bytes) -> str:
    # botocore signs a caller-supplied X-Amz-Content-SHA256 as is (UNSIGNED-PAYLOAD included).
    claimed = _runtime.first(headers, "x-amz-content-sha256")
    if claimed is not None:
        return claimed
    return hashlib.sha256(body).hexdigest() if body else EMPTY_SHA256


def _remove_dot_segments(path: str) -> str:
    # RFC 3986 5.2.4, and empty segments dropped as AWS does; "" becomes "/".
    if not path:
        return "/"
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if output:
                output.pop()
        elif segment and segment != ".":
            output.append(segment)
    first = "/" if path.startswith("/") else ""
    last = "/" if path.endswith("/") and output else ""
    return first + "/".join(output) + last


def _encode(text: str) -> str:
    return quote(text, safe="-_.~")


def _header_value(values: list[str]) -> str:
    # Trimall: surrounding whitespace removed, inner runs of whitespace made one space.
    return ",".join(" ".join(value.split()) for value in values)
