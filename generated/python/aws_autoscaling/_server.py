"""AWS Query protocol, server side: what a mock server needs to answer boto3 as AWS does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. botocore sends every operation as `POST /` with a form body holding
Action, Version and the parameters (lists as `Name.member.N`); it reads `<{Op}Result>` out of
an XML answer, and `<ErrorResponse><Error><Code>` out of a non-2xx one (sdk-wire-facts.md §1).

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import _wire

PROTOCOL = "aws-query"


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
    (here the flat form text, common parameters removed)."""

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
        self.actions = {route.action for route in self.routes.values()}

    def request_id(self) -> str:
        return str(uuid.uuid4())

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Call:
        """Action and Version from the form body (or the query), the rest as parameters.

        AWS serves the Query API at `/` only; any method other than POST or GET is unknown.
        """
        if method not in ("POST", "GET") or path != "/":
            raise Reject("not_found", f"{method} {path}")
        try:
            decoded = _wire.decode_request(method, path, query, headers, body)
        except _wire.WireFormatError as exc:
            raise Reject("malformed", str(exc)) from None
        if not decoded.action:
            raise Reject("missing", "Action")
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
        return _wire.encode_error(code, message, status, request_id, sender=status < 500)
