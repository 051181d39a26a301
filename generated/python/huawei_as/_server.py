"""Huawei Cloud REST (AS v1), server side: what a mock server needs to answer huaweicloudsdkas
as the real API does.

Standard library only: copied verbatim into each generated package as `_server.py`, next to
`_wire.py` (the protocol's request/answer codec, shared with the generated client) and used by
the generated `mock.py`. The SDK names an operation by method and path
(`/autoscaling-api/v1/{project_id}/...`), sends a JSON body for POST/PUT, reads the request id
from the X-Request-Id header and an error from `{"error": {"code", "message"}}` with a status
of 400 or above (specgen's docs/wire-facts.md §4).

API (the same names in every protocol's server module):

* `Route(name, action, version, method, path)`: one operation as the mock serves it (`path`
  is the page's template).
* `Codec(routes)`: `decode(method, path, query, headers, body) -> Call` finds the operation
  by method and path (`path` as received, still percent-encoded) and merges path, query and
  body parameters, or raises `Reject` ("not_found": no such method and path; "malformed": a
  body that is not a JSON object); `success(route, data, request_id, status)` and
  `error(code, message, status, request_id)` build the answers as `_wire.Response`;
  `request_id()` makes a request id in the cloud's format; `auth_message(message, ...)` the
  message of the authentication error for a request.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

from . import _runtime, _wire
from ._runtime import Call as Call
from ._runtime import Reject as Reject
from ._runtime import Route as Route

PROTOCOL = "huawei-rest"
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")


def _compile(template: str) -> tuple[re.Pattern[str], list[str]]:
    names: list[str] = []
    pattern = ""
    last = 0
    for found in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[last : found.start()]) + "([^/]+)"
        names.append(found.group(1))
        last = found.end()
    pattern += re.escape(template[last:]) + "/?"
    return re.compile(pattern), names


class Codec(_runtime.BaseCodec):
    def __init__(self, routes: Iterable[Route]) -> None:
        # A literal segment wins over a placeholder (`.../{group}/list` before
        # `.../{group}/{hook_name}`): fewer placeholders first, then the longer template.
        ordered = sorted(routes, key=lambda r: (r.path.count("{"), -len(r.path)))
        self.routes = [(route, *_compile(route.path)) for route in ordered]

    def request_id(self) -> str:
        return uuid.uuid4().hex

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Call:
        for route, pattern, names in self.routes:
            found = pattern.fullmatch(path)
            if found is None or route.method != method:
                continue
            try:
                decoded = _wire.decode_request(method, path, query, headers, body)
            except _wire.WireFormatError as exc:
                raise Reject("malformed", str(exc)) from None
            params = decoded.params
            # the path names the resource: a body member of the same name does not move it
            for name, value in zip(names, found.groups(), strict=True):
                params[name] = unquote(value, errors="replace")
            return Call(route, params)
        raise Reject("not_found", f"{method} {path}")

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.name, data, request_id, status=status)

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        return _wire.encode_error(code, message, status, request_id)
