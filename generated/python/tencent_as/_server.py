"""Tencent Cloud API 3.0, server side: what a mock server needs to answer the Tencent SDKs as
the real API does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. The SDK sends `POST /` with a JSON body and the action and version
only in the X-TC-Action / X-TC-Version headers; every answer, errors included, is HTTP 200
with `{"Response": {...}}`, and an error must carry Content-Type exactly application/json or
the SDK does not see it (specgen's docs/wire-facts.md §2).

API (the same names in every protocol's server module):

* `Route(name, action, version, method, path)`: one operation as the mock serves it.
* `Codec(routes)`: `decode(method, path, query, headers, body) -> Call` finds the operation
  and its parameters (parsed JSON), or raises `Reject` ("not_found": no such operation;
  "missing": no action; "malformed": a body that is not a JSON object); `success(route, data,
  request_id, status)` and `error(code, message, status, request_id)` build the answers as
  `_wire.Response`; `request_id()` makes a request id in the cloud's format;
  `auth_message(message, ...)` the message of the authentication error for a request.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import _runtime, _wire
from ._runtime import Call as Call
from ._runtime import Reject as Reject
from ._runtime import Route as Route

PROTOCOL = "tencent-json"


class Codec(_runtime.ActionCodec):
    """The action and version from the X-TC-* headers, the parameters from the JSON body.
    API 3.0 is served at `/` (POST; GET carries the parameters in the query)."""

    missing_action = "X-TC-Action"

    def decode_request(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> _runtime.Decoded:
        return _wire.decode_request(method, path, query, headers, body)

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.action, data, request_id, status=status)

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        # encode_error sets Content-Type to exactly application/json, as the SDK requires
        return _wire.encode_error(code, message, status, request_id)
