"""AWS Query protocol, server side: what a mock server needs to answer boto3 as AWS does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. botocore sends every operation as `POST /` with a form body holding
Action, Version and the parameters (lists as `Name.member.N`); it reads `<{Op}Result>` out of
an XML answer, and `<ErrorResponse><Error><Code>` out of a non-2xx one (specgen's docs/wire-facts.md §1).

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

from collections.abc import Mapping

from . import _runtime, _wire
from ._runtime import Call as Call
from ._runtime import Reject as Reject
from ._runtime import Route as Route

PROTOCOL = "aws-query"


class Codec(_runtime.ActionCodec):
    """AWS serves the Query API at `/` only; Action and Version come from the form body (or
    the query), the rest are the parameters."""

    def decode_request(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> _runtime.Decoded:
        return _wire.decode_request(method, path, query, headers, body)

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.action, data, request_id, status=status)

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        return _wire.encode_error(code, message, status, request_id, sender=status < 500)
