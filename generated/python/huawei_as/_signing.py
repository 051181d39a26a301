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
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote, unquote_plus, urlsplit

ALGORITHM = "SDK-HMAC-SHA256"
TIME_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
CONTENT_SHA256 = "x-sdk-content-sha256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"

MISSING = "missing"
MALFORMED = "malformed"
UNKNOWN_KEY = "unknown key"
MISMATCH = "mismatch"
EXPIRED = "expired"

Headers = Mapping[str, str] | Iterable[tuple[str, str]]
SecretLookup = Callable[[str], str | None]


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
    given = _lower_headers(_pairs(headers))
    added: dict[str, str] = {"X-Sdk-Date": _utc(now).strftime(TIME_FORMAT)}
    if "host" not in given:
        added["Host"] = urlsplit(url).netloc
    content_type = _first(given, "content-type")
    if content_type is not None and not content_type.startswith(
        ("application/json", "application/bson")
    ):
        added["X-Sdk-Content-Sha256"] = UNSIGNED_PAYLOAD
    signed = _lower_headers([*_pairs(headers), *added.items()])
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
    received = _lower_headers(_pairs(headers))
    auth = _first(received, "authorization")
    if auth is None:
        return f"{MISSING}: Authorization header"
    parsed = _parse_authorization(auth)
    if isinstance(parsed, str):
        return parsed
    access_key, names, signature = parsed
    sdk_date = _first(received, "x-sdk-date")
    if sdk_date is None:
        return f"{MISSING}: X-Sdk-Date header"
    try:
        stamp = datetime.strptime(sdk_date, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return f"{MALFORMED}: X-Sdk-Date {sdk_date!r}"
    for name in ("host", "x-sdk-date"):
        if name not in names:
            return f"{MALFORMED}: SignedHeaders must include {name}"
    absent = [name for name in names if name not in received]
    if absent:
        return f"{MISMATCH}: signed header {absent[0]} is not in the request"
    secret = lookup_secret(access_key)
    if secret is None:
        return f"{UNKNOWN_KEY}: {access_key}"
    claimed = _first(received, CONTENT_SHA256)
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
    if max_skew is not None:
        current = _utc(now) if now is not None else datetime.now(UTC)
        if abs(current - stamp) > max_skew:
            return f"{EXPIRED}: X-Sdk-Date {sdk_date} is too far from now"
    return None


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
            canonical_query_string(_query_pairs(query)),
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


def _query_pairs(query: str) -> list[tuple[str, str]]:
    pairs = []
    for item in query.split("&"):
        if item:
            key, _, value = item.partition("=")
            pairs.append((unquote_plus(key), unquote_plus(value)))
    return pairs


def _payload_hash(headers: Mapping[str, list[str]], body: bytes) -> str:
    # As the SDK: no body hashes as empty; else a stated X-Sdk-Content-Sha256 wins.
    if not body:
        return EMPTY_SHA256
    claimed = _first(headers, CONTENT_SHA256)
    if claimed:
        return claimed
    return hashlib.sha256(body).hexdigest()


def _signature(secret_key: str, sdk_date: str, canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    string_to_sign = f"{ALGORITHM}\n{sdk_date}\n{digest}"
    key = secret_key.encode("utf-8")
    return hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def _parse_authorization(value: str) -> tuple[str, list[str], str] | str:
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        return f"{MALFORMED}: algorithm {algorithm!r}, expected {ALGORITHM}"
    fields: dict[str, str] = {}
    for item in rest.split(","):
        key, sep, field = item.strip().partition("=")
        if sep:
            fields[key] = field
    for key in ("Access", "SignedHeaders", "Signature"):
        if not fields.get(key):
            return f"{MALFORMED}: Authorization has no {key}"
    names = fields["SignedHeaders"].lower().split(";")
    return fields["Access"], names, fields["Signature"]


def _encode(text: str) -> str:
    return quote(text, safe="~")


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    if isinstance(headers, Mapping):
        return list(headers.items())
    return list(headers)


def _lower_headers(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(name.lower(), []).append(value)
    return result


def _first(headers: Mapping[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def _utc(moment: datetime) -> datetime:
    # A naive datetime is taken to be UTC already.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
