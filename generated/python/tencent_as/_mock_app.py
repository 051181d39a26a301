"""The mock's ASGI application: every request, whatever its path, reaches one endpoint that
answers the API where the SDKs send it and the control API under /_specgen/.

Copied verbatim into each generated package as `_mock_app.py` (stdlib + starlette). The
generated `mock.py` holds what the pages say (a `MockSpec`: the operations, the roles their
parameters play, the documented errors, quotas, rate limits and defaults, and the response
shapes) and passes it, with the protocol's codec (`_server.py`) and signature check
(`_signing.verify`), to `build_app`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping

from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from ._mock_control import MockState
from ._mock_specs import (
    CONTROL_PREFIX,
    JOURNAL_SIZE,
    MAX_BODY,
    CallLike,
    Codec,
    ControlError,
    ErrorSpec,
    MockSpec,
    Reply,
    StateError,
    Verify,
    fill,
)

_log = logging.getLogger(__name__)


class _TooLarge(Exception):
    pass


async def _read_body(receive: Receive, headers: Mapping[str, str], limit: int) -> bytes:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _send(
    send: Send,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    close: bool = False,
) -> None:
    raw = [(b"content-length", str(len(body)).encode("ascii"))]
    raw += [
        (k.lower().encode("latin-1"), v.encode("latin-1", "replace")) for k, v in headers.items()
    ]
    if close:
        raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class MockEndpoint:
    """The ASGI endpoint behind every path: the API where the SDKs send it, the control API
    under /_specgen/."""

    def __init__(
        self, state: MockState, codec: Codec, verify: Verify, reject: type[Exception]
    ) -> None:
        self.state = state
        self.spec = state.spec
        self.codec = codec
        self.verify = verify
        self.reject = reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        pairs = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        headers = {k.lower(): v for k, v in pairs}
        path: str = scope["path"]
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            await self._control(scope, receive, send, headers)
            return
        request_id = self.codec.request_id()
        try:
            body = await _read_body(receive, headers, self.state.max_body)
        except _TooLarge:
            too_large = self.spec.too_large_error
            reply = self._error(too_large, request_id, {})
            self._journal(scope, None, reply.status, too_large, "too_large", request_id)
            await _send(send, reply.status, reply.headers, reply.body, close=True)
            return
        reply = self.serve(scope, pairs, headers, body, request_id)
        latency = self.state.faults.latency
        if latency > 0:
            await asyncio.sleep(latency)
        await _send(send, reply.status, reply.headers, reply.body)

    def serve(
        self,
        scope: Scope,
        pairs: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes,
        request_id: str,
    ) -> Reply:
        """One API request, start to answer. Never raises: anything unexpected is the
        protocol's internal error (and a log line). The journal records why a request was
        refused: auth, not_found, missing, malformed, fault, throttle, validation (the
        validators found a problem), state (the state refused it) or internal."""
        state, spec = self.state, self.spec
        method: str = scope["method"]
        raw_path = scope.get("raw_path")
        path = raw_path.decode("latin-1") if raw_path else str(scope["path"])
        query = bytes(scope.get("query_string", b"")).decode("latin-1")
        operation: str | None = None
        error: ErrorSpec | None = None
        values: dict[str, object] = {}
        reply: Reply | None = None
        stage = "auth"
        try:
            if state.auth:
                reason = self.verify(method, path, query, pairs, body, state.secret_for)
                if reason is not None:
                    auth = spec.auth_error
                    text = self.codec.auth_message(auth.message, method, query, headers, body)
                    raise StateError(ErrorSpec(auth.code, auth.status, text), reason=reason)
            try:
                call: CallLike = self.codec.decode(method, path, query, headers, body)
            except self.reject as exc:
                kind, detail = getattr(exc, "kind", ""), str(getattr(exc, "detail", exc))
                stage = kind if kind in ("not_found", "missing") else "malformed"
                answer = {
                    "not_found": spec.not_found_error,
                    "missing": spec.missing_error,
                }
                raise StateError(answer.get(kind, spec.malformed_error), param=detail) from None
            op = spec.operations[call.route.name]
            operation = op.name
            for name in spec.required_headers:
                if name.lower() not in headers:
                    stage = "missing"
                    raise StateError(spec.missing_error, param=name)
            stage = "fault"
            fault = state.fault_for(op)
            if fault is not None:
                raise StateError(fault)
            stage = "throttle"
            if state.throttled(op):
                raise StateError(spec.throttle_error)
            stage = "validation"
            request, _ = op.coerce(call.params)
            problems = op.validate(request)
            if problems:
                first = problems[0]
                raise StateError(ErrorSpec(first.code, first.status, first.message))
            stage = "state"
            data = state.handle(op, request)
            reply = self.codec.success(call.route, data, request_id, op.success_status)
            stage = "ok"
        except StateError as exc:
            error, values = exc.error, dict(exc.values)
        except Exception:  # a bug in the mock: answer as the cloud would, keep serving
            _log.exception("mock %s: internal error", spec.provider)
            error, stage = spec.internal_error, "internal"
        if reply is None:
            assert error is not None
            reply = self._error(error, request_id, values)
        self._journal(scope, operation, reply.status, error, stage, request_id)
        return reply

    def _error(self, error: ErrorSpec, request_id: str, values: Mapping[str, object]) -> Reply:
        reply: Reply = self.codec.error(
            error.code, fill(error.message, values), error.status, request_id
        )
        return reply

    def _journal(
        self,
        scope: Scope,
        operation: str | None,
        status: int,
        error: ErrorSpec | None,
        stage: str,
        request_id: str,
    ) -> None:
        self.state.journal.append(
            {
                "time": self.state.now(),
                "method": scope["method"],
                "path": scope["path"],
                "operation": operation,
                "status": status,
                "code": error.code if error is not None else None,
                "refused": None if error is None else stage,
                "request_id": request_id,
            }
        )

    async def _control(
        self, scope: Scope, receive: Receive, send: Send, headers: Mapping[str, str]
    ) -> None:
        status = 200
        result: object
        try:
            body = await _read_body(receive, headers, self.state.max_body)
            try:
                payload = json.loads(body) if body.strip() else {}
            except ValueError:
                raise ControlError(400, "the body must be JSON") from None
            if not isinstance(payload, dict):
                raise ControlError(400, "the body must be a JSON object")
            name = str(scope["path"])[len(CONTROL_PREFIX) :].strip("/")
            result = self.state.control(str(scope["method"]), name, payload)
        except _TooLarge:
            status, result = 413, {"error": "body too large"}
        except ControlError as exc:
            status, result = exc.status, {"error": exc.message}
        except Exception as exc:  # keep serving whatever a control call did
            _log.exception("mock %s: control API error", self.spec.provider)
            status, result = 500, {"error": f"{type(exc).__name__}: {exc}"}
        body = json.dumps(result, default=str).encode("utf-8")
        await _send(send, status, {"Content-Type": "application/json"}, body)


def build_app(
    spec: MockSpec,
    codec: Codec,
    verify: Verify,
    reject: type[Exception],
    *,
    credentials: Mapping[str, str] | None = None,
    auth: bool = True,
    groups: Iterable[str] = (),
    clock: Callable[[], float] = time.monotonic,
    rate_limits: bool = True,
    quotas: Mapping[str, int] | None = None,
    max_body: int = MAX_BODY,
    seed: int | None = None,
    journal_size: int = JOURNAL_SIZE,
) -> Starlette:
    """The mock of `spec` as a Starlette application; `app.state.mock` is its MockState.

    codec, verify, reject: the protocol's `_server.Codec`, `_signing.verify` and
    `_server.Reject`. The keyword arguments are generated `create_app`'s (see there).
    """
    state = MockState(
        spec,
        credentials=credentials,
        auth=auth,
        groups=groups,
        clock=clock,
        rate_limits=rate_limits,
        quotas=quotas,
        max_body=max_body,
        seed=seed,
        journal_size=journal_size,
    )
    app = Starlette()
    # Every request, whatever its path (a route pattern would not match a decoded newline),
    # reaches the endpoint: the router's fallback is it.
    app.router.default = MockEndpoint(state, codec, verify, reject)
    app.state.mock = state
    return app
