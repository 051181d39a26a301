"""Fake JSON protocol, signatures: `X-Fake-Signature: <key id>:<hex HMAC-SHA256 of
"METHOD\\nPATH\\nBODY" with the secret>`. Standard library only: copied as `_signing.py`."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping

HEADER = "X-Fake-Signature"


def signature(method: str, path: str, body: bytes, secret: str) -> str:
    message = method.encode() + b"\n" + path.encode() + b"\n" + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(method: str, path: str, body: bytes, *, key_id: str, secret: str) -> dict[str, str]:
    return {HEADER: f"{key_id}:{signature(method, path, body, secret)}"}


def verify(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, str] | list[tuple[str, str]],
    body: bytes,
    lookup_secret: Callable[[str], str | None],
) -> str | None:
    """None if the request carries a valid signature, else the reason."""
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    found = next((v for k, v in pairs if k.lower() == HEADER.lower()), None)
    if found is None:
        return f"missing {HEADER} header"
    key_id, _, received = found.partition(":")
    secret = lookup_secret(key_id)
    if secret is None:
        return f"unknown key id {key_id!r}"
    if not hmac.compare_digest(received, signature(method, path, body, secret)):
        return "signature mismatch"
    return None
