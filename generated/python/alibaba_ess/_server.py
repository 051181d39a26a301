"""Alibaba Cloud RPC, server side: what a mock server needs to answer the ESS SDKs as ESS does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. The SDKs put Action and Version in the query (aliyunsdkcore, Tea
2014) or in the x-acs-action / x-acs-version headers (Tea), the parameters in the query or a
form body; they read a JSON answer, and `Code`/`Message` out of a non-2xx one
(specgen's docs/wire-facts.md §3).

API (the same names in every protocol's server module):

* `Route(name, action, version, method, path)`: one operation as the mock serves it.
* `Codec(routes)`: `decode(method, path, query, headers, body) -> Call` finds the operation
  and its flat parameters, or raises `Reject` ("not_found": no such operation; "missing": no
  action; "malformed": a body this protocol never sends); `success(route, data, request_id,
  status)` and `error(code, message, status, request_id)` build the answers as `_wire.Response`;
  `request_id()` makes a request id in the cloud's format; `auth_message(message, ...)` the
  message of the authentication error for a request.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from . import _runtime, _signing, _wire
from ._runtime import Call as Call
from ._runtime import Reject as Reject
from ._runtime import Route as Route

PROTOCOL = "alibaba-rpc"
# Caller-account parameters every aliyunsdkcore request class offers (set_OwnerId, ...): the
# RPC gateway takes them for any operation, so they are not the operation's own parameters.
OWNER_PARAMETERS = frozenset({"OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount"})


class Codec(_runtime.ActionCodec):
    """Action and Version from the query or the x-acs-* headers; query and form body
    merged. The RPC API answers GET and POST at `/`."""

    def request_id(self) -> str:
        # ESS request ids are upper-case UUIDs: 473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E
        return str(uuid.uuid4()).upper()

    def decode_request(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> _runtime.Decoded:
        return _wire.decode_request(method, path, query, headers, body)

    def operation_params(self, params: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in params.items() if k not in OWNER_PARAMETERS}

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.action, data, request_id, status=status)

    def auth_message(
        self, message: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> str:
        """SignatureDoesNotMatch tells a v1.0 signer the server's string to sign after the
        message's first ":" (aliyunsdkcore compares it with its own: equal strings mean a
        wrong secret, and it raises SDK.InvalidAccessKeySecret instead)."""
        params = _wire.query_decode(query)
        content_type = (headers.get("content-type") or "").lower()
        if body and content_type.startswith(_wire.FORM_MEDIA_TYPE):
            params += _wire.query_decode(body.decode("utf-8", "replace"))
        if not any(key == "Signature" for key, _ in params):
            return message
        return f"{message} server string to sign is:{_signing.rpc_string_to_sign(method, params)}"

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        return _wire.encode_error(code, message, status, request_id)
