"""Tencent Cloud API 3.0, server side: what a mock server needs to answer the Tencent SDKs as
the real API does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. The SDK sends `POST /` with a JSON body and the action and version
only in the X-TC-Action / X-TC-Version headers; every answer, errors included, is HTTP 200
with `{"Response": {...}}`, and an error must carry Content-Type exactly application/json or
the SDK does not see it (sdk-wire-facts.md §2).

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

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import _wire

PROTOCOL = "tencent-json"


@dataclass(frozen=True, slots=True)
class Route:
    name: str
    action: str
    version: str
    method: str
    path: str


@dataclass(slots=True)
class Call:
    """A decoded request: the operation's route and the parameters its coerce_ function takes
    (here the parsed JSON body)."""

    route: Route
    params: dict[str, object]


class Reject(Exception):
    """A request that names no operation, or that this protocol cannot carry."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # not_found | missing | malformed
        self.detail = detail


class Codec:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = {(route.action, route.version): route for route in routes}

    def request_id(self) -> str:
        return str(uuid.uuid4())

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Call:
        """The action and version from the X-TC-* headers, the parameters from the JSON body.
        API 3.0 is served at `/` (POST; GET carries the parameters in the query)."""
        if method not in ("POST", "GET") or path != "/":
            raise Reject("not_found", f"{method} {path}")
        try:
            decoded = _wire.decode_request(method, path, query, headers, body)
        except _wire.WireFormatError as exc:
            raise Reject("malformed", str(exc)) from None
        if not decoded.action:
            raise Reject("missing", "X-TC-Action")
        route = self.routes.get((decoded.action, decoded.version or ""))
        if route is None:
            version = decoded.version or "(none)"
            raise Reject("not_found", f"{decoded.action} for version {version}")
        return Call(route, decoded.params)

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.action, data, request_id, status=status)

    def auth_message(
        self, message: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> str:
        """The message of the authentication error for this request (as the SDKs read it)."""
        return message

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        # encode_error sets Content-Type to exactly application/json, as the SDK requires
        return _wire.encode_error(code, message, status, request_id)
