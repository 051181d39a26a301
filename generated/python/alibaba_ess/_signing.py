"""Alibaba Cloud RPC signatures: sign a request, or verify a received one.

Standard library only: this file is copied verbatim into generated clients and mock servers.

Two schemes reach an RPC endpoint:

* Signature v1.0, HMAC-SHA1 (aliyun-python-sdk-core, and the Tea SDKs of 2014-08-28): the
  parameters (query, plus a form body's) without Signature, sorted by name, each name and
  value percent-encoded with quote(s, safe="~"), joined as a query string; string to sign =
  METHOD + "&%2F&" + that string percent-encoded again; signature = base64 of HMAC-SHA1 keyed
  with secret + "&"; sent as the Signature parameter.
* ACS3-HMAC-SHA256 (the Tea SDKs of 2022-02-22 and later): canonical request = METHOD,
  path, sorted encoded query, "name:value" lines of the signed headers, their names,
  x-acs-content-sha256; string to sign = "ACS3-HMAC-SHA256\\n" + hex SHA-256 of it; signature
  = hex HMAC-SHA256 keyed with the secret; sent in the Authorization header.

`verify` accepts either. It returns None for a valid request, else a reason
"<kind>: <detail>" whose kind (the text before the first colon) is one of MISSING,
MALFORMED, UNKNOWN_KEY, MISMATCH, EXPIRED.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

from . import _runtime
from ._runtime import EXPIRED as EXPIRED
from ._runtime import MALFORMED as MALFORMED
from ._runtime import MISMATCH as MISMATCH
from ._runtime import MISSING as MISSING
from ._runtime import UNKNOWN_KEY as UNKNOWN_KEY
from ._runtime import Headers as Headers
from ._runtime import SecretLookup as SecretLookup

V1_METHOD = "HMAC-SHA1"
V1_VERSION = "1.0"
ACS3 = "ACS3-HMAC-SHA256"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"

Params = Mapping[str, str] | Iterable[tuple[str, str]]


# --- Signature v1.0 (HMAC-SHA1) -----------------------------------------------------------


def sign_rpc(
    method: str,
    params: Params,
    *,
    access_key_id: str,
    access_key_secret: str,
    now: datetime,
    nonce: str,
    body_params: Params = (),
) -> dict[str, str]:
    """The query parameters to add to an RPC request so that it carries a v1.0 signature.

    `params` are the query parameters the request will carry (Action, Version, Format,
    RegionId and the operation's own), `body_params` those of a form-encoded body (they are
    signed too). Returns AccessKeyId, SignatureMethod, SignatureVersion, SignatureNonce,
    Timestamp and Signature.
    """
    added = {
        "AccessKeyId": access_key_id,
        "SignatureMethod": V1_METHOD,
        "SignatureVersion": V1_VERSION,
        "SignatureNonce": nonce,
        "Timestamp": _runtime.utc(now).strftime(TIME_FORMAT),
    }
    signed = [*_runtime.header_pairs(params), *added.items(), *_runtime.header_pairs(body_params)]
    added["Signature"] = rpc_signature(method, signed, access_key_secret)
    return added


def rpc_signature(method: str, params: Params, access_key_secret: str) -> str:
    """The v1.0 signature of these parameters (a Signature among them is left out)."""
    key = (access_key_secret + "&").encode("utf-8")
    message = rpc_string_to_sign(method, params).encode("utf-8")
    digest = hmac.new(key, message, hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def rpc_string_to_sign(method: str, params: Params) -> str:
    """METHOD&%2F& + the percent-encoded canonical query string."""
    pairs = sorted((k, v) for k, v in _runtime.header_pairs(params) if k != "Signature")
    canonical = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in pairs)
    return f"{method.upper()}&%2F&{_encode(canonical)}"


# --- ACS3-HMAC-SHA256 ---------------------------------------------------------------------


def sign_acs3(
    method: str,
    url: str,
    headers: Headers,
    body: bytes,
    *,
    access_key_id: str,
    access_key_secret: str,
    now: datetime,
    nonce: str,
) -> dict[str, str]:
    """The headers to add to a request so that it carries an ACS3-HMAC-SHA256 signature.

    Every header in `headers` is signed, as the Tea SDK does, plus host (from `headers`,
    else the URL's host[:port], and then returned), x-acs-date, x-acs-signature-nonce and
    x-acs-content-sha256.
    """
    given = _runtime.lower_headers(_runtime.header_pairs(headers))
    added: dict[str, str] = {}
    if "host" not in given:
        added["host"] = urlsplit(url).netloc
    added["x-acs-date"] = _runtime.utc(now).strftime(TIME_FORMAT)
    added["x-acs-signature-nonce"] = nonce
    added["x-acs-content-sha256"] = hashlib.sha256(body).hexdigest()
    signed = _runtime.lower_headers([*_runtime.header_pairs(headers), *added.items()])
    names = sorted(signed)
    parts = urlsplit(url)
    canonical = acs3_canonical_request(method, parts.path, parts.query, signed, names)
    signature = _acs3_signature(access_key_secret, canonical)
    added["Authorization"] = (
        f"{ACS3} Credential={access_key_id},SignedHeaders={';'.join(names)},"
        f"Signature={signature}"
    )
    return added


def acs3_canonical_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, list[str]],
    names: list[str],
) -> str:
    """The ACS3 canonical request; `headers` maps lowercase names to their values."""
    # Names are encoded as the published recipe says; Tea 0.4.6 leaves them as they are,
    # which gives the same text for names of letters, digits, ".", "-", "_" and "~".
    pairs = sorted(_runtime.query_pairs(query))
    canonical_query = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in pairs)
    lines = "".join(
        f"{name}:{','.join(sorted(v.strip() for v in headers[name]))}\n" for name in names
    )
    return "\n".join(
        [
            method.upper(),
            path or "/",
            canonical_query,
            lines,
            ";".join(names),
            headers["x-acs-content-sha256"][0],
        ]
    )


# --- Verification -------------------------------------------------------------------------


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
    """None if the received request carries a valid v1.0 or ACS3 signature, else a reason.

    `path` and `query` are as they arrived on the request line. A form-encoded body's
    parameters are part of a v1.0 signature. `lookup_secret(access_key_id)` gives the secret,
    or None for an unknown key. The request time is checked only when `max_skew` is given
    (against `now`, default the current time).
    """
    received = _runtime.lower_headers(_runtime.header_pairs(headers))
    auth = _runtime.first(received, "authorization")
    if auth is not None and auth.strip().startswith("ACS3-"):
        reason = _verify_acs3(method, path, query, received, body, lookup_secret, auth)
        if reason is not None:
            return reason
        stamp = _parse_time(_runtime.first(received, "x-acs-date"), "x-acs-date")
        return _check_skew(stamp, max_skew, now)
    return _verify_v1(method, query, received, body, lookup_secret, max_skew, now)


def _verify_v1(
    method: str,
    query: str,
    headers: Mapping[str, list[str]],
    body: bytes,
    lookup_secret: SecretLookup,
    max_skew: timedelta | None,
    now: datetime | None,
) -> str | None:
    params = _runtime.query_pairs(query)
    content_type = _runtime.first(headers, "content-type") or ""
    if content_type.lower().startswith(FORM_MEDIA_TYPE):
        try:
            params += _runtime.query_pairs(body.decode("utf-8"))
        except UnicodeDecodeError:
            return f"{MALFORMED}: form body is not UTF-8"
    found = dict(params)
    for name in ("Signature", "AccessKeyId"):
        if not found.get(name):
            return f"{MISSING}: {name} parameter"
    if found.get("SignatureMethod", V1_METHOD) != V1_METHOD:
        return f"{MALFORMED}: SignatureMethod {found['SignatureMethod']!r}"
    if found.get("SignatureVersion", V1_VERSION) != V1_VERSION:
        return f"{MALFORMED}: SignatureVersion {found['SignatureVersion']!r}"
    stamp = _parse_time(found.get("Timestamp"), "Timestamp")
    if isinstance(stamp, str) and max_skew is not None:
        return stamp
    secret = lookup_secret(found["AccessKeyId"])
    if secret is None:
        return f"{UNKNOWN_KEY}: {found['AccessKeyId']}"
    expected = rpc_signature(method, params, secret)
    if not hmac.compare_digest(expected, found["Signature"]):
        return f"{MISMATCH}: signature"
    return _check_skew(stamp, max_skew, now)


def _verify_acs3(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, list[str]],
    body: bytes,
    lookup_secret: SecretLookup,
    auth: str,
) -> str | None:
    parsed = _runtime.parse_authorization(auth, ACS3, "Credential")
    if isinstance(parsed, str):
        return parsed
    access_key_id, names, signature = parsed
    claimed = _runtime.first(headers, "x-acs-content-sha256")
    if claimed is None:
        return f"{MISSING}: x-acs-content-sha256 header"
    if claimed != hashlib.sha256(body).hexdigest():
        return f"{MISMATCH}: x-acs-content-sha256 is not the hash of the body"
    required = ("host", "x-acs-date", "x-acs-content-sha256")
    unsigned = _runtime.unsigned_header(names, required, headers)
    if unsigned is not None:
        return unsigned
    stamp = _parse_time(_runtime.first(headers, "x-acs-date"), "x-acs-date")
    if isinstance(stamp, str):
        return stamp
    secret = lookup_secret(access_key_id)
    if secret is None:
        return f"{UNKNOWN_KEY}: {access_key_id}"
    canonical = acs3_canonical_request(method, path, query, headers, names)
    if not hmac.compare_digest(_acs3_signature(secret, canonical), signature):
        return f"{MISMATCH}: signature"
    return None


def _acs3_signature(secret: str, canonical: str) -> str:
    string_to_sign = f"{ACS3}\n{_runtime.sha256_hex(canonical)}"
    return _runtime.hmac_sha256_hex(secret.encode("utf-8"), string_to_sign)


def _parse_time(text: str | None, name: str) -> datetime | str:
    if text is None:
        return f"{MISSING}: {name}"
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return f"{MALFORMED}: {name} {text!r}"


def _check_skew(
    stamp: datetime | str, max_skew: timedelta | None, now: datetime | None
) -> str | None:
    if max_skew is None:
        return None
    if isinstance(stamp, str):
        return stamp
    shown = f"request time {stamp.strftime(TIME_FORMAT)}"
    return _runtime.skew_error(stamp, max_skew, now, shown)


def _encode(text: str) -> str:
    return quote(text, safe="~")
