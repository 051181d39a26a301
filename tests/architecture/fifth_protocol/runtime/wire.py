"""Fake JSON protocol, wire format: `POST /` with the parameters as a JSON object, the
operation in X-Fake-Op and the version in X-Fake-Version. A success answer is
{"Result": {...}, "Trace": id}; an error {"Fault": {"Code", "Text"}, "Trace": id} with its
HTTP status. Standard library only: copied verbatim into generated packages as `_wire.py`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

PROTOCOL = "fake-json"
MEDIA_TYPE = "application/json"


class WireFormatError(ValueError):
    """A body or value that is not what this protocol puts on the wire."""


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Decoded:
    action: str | None
    version: str | None
    params: dict[str, object]


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Result:
    data: dict[str, object]
    request_id: str | None


@dataclass(frozen=True, slots=True)
class WireError:
    code: str
    message: str
    status: int
    request_id: str | None


def encode_request(action: str, version: str, params: Mapping[str, object]) -> Request:
    headers = {"Content-Type": MEDIA_TYPE, "X-Fake-Op": action, "X-Fake-Version": version}
    return Request("POST", "/", [], headers, _dumps(dict(params)))


def url(endpoint: str, request: Request) -> str:
    return endpoint.rstrip("/") + request.path


def decode_request(
    method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
) -> Decoded:
    lowered = {k.lower(): v for k, v in headers.items()}
    params = _loads(body) if body else {}
    if not isinstance(params, dict):
        raise WireFormatError("the body is not a JSON object")
    return Decoded(lowered.get("x-fake-op"), lowered.get("x-fake-version"), params)


def encode_response(
    action: str, data: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    body = _dumps({"Result": dict(data), "Trace": request_id})
    return Response(status, {"Content-Type": MEDIA_TYPE}, body)


def decode_response(action: str, status: int, headers: Mapping[str, str], body: bytes) -> Result:
    document = _loads(body)
    if not isinstance(document, dict) or not isinstance(document.get("Result"), dict):
        raise WireFormatError("no Result object in the answer")
    trace = document.get("Trace")
    return Result(document["Result"], trace if isinstance(trace, str) else None)


def encode_error(code: str, message: str, status: int, request_id: str) -> Response:
    body = _dumps({"Fault": {"Code": code, "Text": message}, "Trace": request_id})
    return Response(status, {"Content-Type": MEDIA_TYPE}, body)


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    if status < 400:
        return None
    document = _loads(body)
    fault = document.get("Fault") if isinstance(document, dict) else None
    if not isinstance(fault, dict) or not isinstance(fault.get("Code"), str):
        raise WireFormatError(f"HTTP {status} without a Fault object")
    trace = document.get("Trace") if isinstance(document, dict) else None
    text = fault.get("Text")
    return WireError(
        fault["Code"],
        text if isinstance(text, str) else "",
        status,
        trace if isinstance(trace, str) else None,
    )


def _dumps(document: object) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def _loads(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError as exc:
        raise WireFormatError(f"not JSON: {exc}") from None


def as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        raise WireFormatError(f"expected a string, got {type(value).__name__}")
    return str(value)


def as_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise WireFormatError(f"expected an integer, got {value!r}")


def as_float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise WireFormatError(f"expected a number, got {value!r}")


def as_bool(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise WireFormatError(f"expected a boolean, got {value!r}")


def as_list(value: object) -> list[object] | None:
    if value is None or isinstance(value, list):
        return value
    raise WireFormatError(f"expected an array, got {type(value).__name__}")


def as_dict(value: object) -> dict[str, object] | None:
    if value is None or isinstance(value, dict):
        return value
    raise WireFormatError(f"expected an object, got {type(value).__name__}")
