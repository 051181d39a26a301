"""Huawei Cloud AK/SK signature (SDK-HMAC-SHA256): sign a request, or verify a received one.

Standard library only: this file is copied verbatim into generated clients and mock servers.
It follows huaweicloudsdkcore.signer.Signer:

* canonical URI = the path decoded, each segment percent-encoded (quote, safe "~"), with a
  trailing "/" added;
* canonical query = pairs sorted by name then value, each side encoded the same way;
* canonical headers = every signed header, "name:value" with the value trimmed, sorted by
  lowercase name; the SDK signs every header it set itself (content-type, host, user-agent,
  x-project-id, x-sdk-date, ...) except names holding "_";
* string to sign = "SDK-HMAC-SHA256", X-Sdk-Date, hex SHA-256 of the canonical request;
* signature = hex HMAC-SHA256 of it keyed with the secret key.

`verify` returns None for a valid request, else a reason "<kind>: <detail>" whose kind (the
text before the first colon) is one of MISSING, MALFORMED, UNKNOWN_KEY, MISMATCH, EXPIRED.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote, urlsplit

from . import _runtime
from ._runtime import EXPIRED as EXPIRED
from ._runtime import MALFORMED as MALFORMED
from ._runtime import MISMATCH as MISMATCH
from ._runtime import MISSING as MISSING
from ._runtime import UNKNOWN_KEY as UNKNOWN_KEY
from ._runtime import Headers as Headers
from ._runtime import SecretLookup as SecretLookup

ALGORITHM = "SDK-HMAC-SHA256"
TIME_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
CONTENT_SHA256 = "x-sdk-content-sha256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"


def sign(
    method: str,
    url: str,
    headers: Headers,
    body: bytes,
    *,
    access_key: str,
    secret_key: str,
    now: datetime,
) -> dict[str, str]:
    """The headers to add to a request so that it carries an SDK-HMAC-SHA256 signature.

    `url` is the URL as it will be sent (send its query as `canonical_query_string` gives
    it, as the SDK does, or any encoding of the same pairs). Every header in `headers` whose
    name has no "_" is signed, plus Host (from `headers`, else the URL's host[:port]) and
    X-Sdk-Date; Host is returned too when it came from the URL, since the server must see it.
    Like the SDK, a body that is not JSON is signed as UNSIGNED-PAYLOAD (the header saying so
    is returned and signed).
    """
    given = _runtime.lower_headers(_runtime.header_pairs(headers))
    added: dict[str, str] = {"X-Sdk-Date": _runtime.utc(now).strftime(TIME_FORMAT)}
    if "host" not in given:
        added["Host"] = urlsplit(url).netloc
    content_type = _runtime.first(given, "content-type")
    if content_type is not None and not content_type.startswith(
        ("application/json", "application/bson")
    ):
        added["X-Sdk-Content-Sha256"] = UNSIGNED_PAYLOAD
    signed = _runtime.lower_headers([*_runtime.header_pairs(headers), *added.items()])
    names = sorted(name for name in signed if "_" not in name)
    parts = urlsplit(url)
    canonical = canonical_request(method, parts.path, parts.query, signed, names, body)
    signature = _signature(secret_key, added["X-Sdk-Date"], canonical)
    added["Authorization"] = (
        f"{ALGORITHM} Access={access_key}, SignedHeaders={';'.join(names)}, "
        f"Signature={signature}"
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
    max_skew: timedelta | None = None,
    now: datetime | None = None,
) -> str | None:
    """None if the received request carries a valid SDK-HMAC-SHA256 signature, else a reason.

    `path` and `query` are as they arrived on the request line (still percent-encoded).
    `lookup_secret(access_key)` gives the secret key, or None for an unknown key. The
    request time is checked only when `max_skew` is given (against `now`, default the
    current time).
    """
    received = _runtime.lower_headers(_runtime.header_pairs(headers))
    auth = _runtime.first(received, "authorization")
    if auth is None:
        return f"{MISSING}: Authorization header"
    parsed = _runtime.parse_authorization(auth, ALGORITHM, "Access")
    if isinstance(parsed, str):
        return parsed
    access_key, names, signature = parsed
    sdk_date = _runtime.first(received, "x-sdk-date")
    if sdk_date is None:
        return f"{MISSING}: X-Sdk-Date header"
    try:
        stamp = datetime.strptime(sdk_date, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return f"{MALFORMED}: X-Sdk-Date {sdk_date!r}"
    unsigned = _runtime.unsigned_header(names, ("host", "x-sdk-date"), received)
    if unsigned is not None:
        return unsigned
    secret = lookup_secret(access_key)
    if secret is None:
        return f"{UNKNOWN_KEY}: {access_key}"
    claimed = _runtime.first(received, CONTENT_SHA256)
    if (
        body
        and claimed not in (None, UNSIGNED_PAYLOAD)
        and claimed != hashlib.sha256(body).hexdigest()
    ):
        return f"{MISMATCH}: X-Sdk-Content-Sha256 is not the hash of the body"
    canonical = canonical_request(method, path, query, received, names, body)
    expected = _signature(secret, sdk_date, canonical)
    if not hmac.compare_digest(expected, signature):
        return f"{MISMATCH}: signature"
    return _runtime.skew_error(stamp, max_skew, now, f"X-Sdk-Date {sdk_date}")


def canonical_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, list[str]],
    names: list[str],
    body: bytes,
) -> str:
    """The canonical request; `headers` maps lowercase names to their values."""
    lines = "".join(f"{name}:{headers[name][-1].strip()}\n" for name in names)
    return "\n".join(
        [
            method.upper(),
            canonical_uri(path),
            canonical_query_string(_runtime.query_pairs(query)),
            lines,
            ";".join(names),
            _payload_hash(headers, body),
        ]
    )


def canonical_uri(path: str) -> str:
    """Each segment of the decoded path percent-encoded, and always a trailing "/"."""
    uri = "/".join(_encode(segment) for segment in unquote(path or "/").split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query_string(pairs: Iterable[tuple[str, str]]) -> str:
    """Pairs sorted by name, then by value, both sides percent-encoded (safe "~").

    The SDK also sends its query in exactly this form.
    """
    return "&".join(f"{_encode(key)}={_encode(value)}" for key, value in sorted(pairs))


def _payload_hash(headers: Mapping[str, list[str]], body: bytes) -> str:
    # As the SDK: no body hashes as empty; else a stated X-Sdk-Content-Sha256 wins.
    if not body:
        return EMPTY_SHA256
    claimed = _runtime.first(headers, CONTENT_SHA256)
    if claimed:
        return claimed
    return hashlib.sha256(body).hexdigest()


def _signature(secret_key: str, sdk_date: str, canonical: str) -> str:
    string_to_sign = f"{ALGORITHM}\n{sdk_date}\n{_runtime.sha256_hex(canonical)}"
    return _runtime.hmac_sha256_hex(secret_key.encode("utf-8"), string_to_sign)


def _encode(text: str) -> str:
    return quote(text, safe="~")
