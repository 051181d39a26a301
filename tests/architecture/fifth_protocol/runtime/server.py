"""Fake JSON protocol, server side: the names every protocol's server module has (`Route`,
`Codec`, `Reject`). Standard library only: copied as `_server.py`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import _wire


@dataclass(frozen=True, slots=True)
class Route:
    name: str
    action: str
    version: str
    method: str
    path: str


@dataclass(slots=True)
class Call:
    route: Route
    params: dict[str, object]


class Reject(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # not_found | missing | malformed
        self.detail = detail


class Codec:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = {(route.action, route.version): route for route in routes}

    def request_id(self) -> str:
        return uuid.uuid4().hex

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Call:
        if method != "POST" or path != "/":
            raise Reject("not_found", f"{method} {path}")
        try:
            decoded = _wire.decode_request(method, path, query, headers, body)
        except _wire.WireFormatError as exc:
            raise Reject("malformed", str(exc)) from None
        if not decoded.action:
            raise Reject("missing", "X-Fake-Op")
        route = self.routes.get((decoded.action, decoded.version or ""))
        if route is None:
            raise Reject("not_found", decoded.action)
        return Call(route, decoded.params)

    def success(
        self, route: Route, data: Mapping[str, object], request_id: str, status: int
    ) -> _wire.Response:
        return _wire.encode_response(route.action, data, request_id, status=status)

    def auth_message(
        self, message: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> str:
        return message

    def error(self, code: str, message: str, status: int, request_id: str) -> _wire.Response:
        return _wire.encode_error(code, message, status, request_id)
