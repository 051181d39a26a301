"""Tencent Cloud API 3.0 on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what tencentcloud-sdk-python sends and accepts (reference/sdk-wire-facts.md §2).

API (the same names in every protocol's wire module):

* `encode_request(action, version, params, region=None, language=None) -> Request`: POST /
  with the parameters as a JSON body (json.dumps as the SDK calls it, so the signed bytes are
  the SDK's; None values left out, at any depth) and the action, version and region only in
  the X-TC-Action / X-TC-Version / X-TC-Region headers. The signer adds X-TC-Timestamp and
  Authorization.
* `decode_request(method, path, query, headers, body) -> Decoded`: action, version and region
  from the headers, the parameters from the JSON body (a GET's from the query).
* `encode_response(action, result, request_id) -> Response`: HTTP 200,
  `{"Response": {<members>, "RequestId": ..}}`; `decode_response(action, status, headers,
  body) -> Result`.
* `encode_error(code, message, status, request_id) -> Response` and
  `decode_error(status, headers, body) -> WireError | None`: `{"Response": {"Error": {"Code",
  "Message"}, "RequestId"}}`, sent with HTTP 200 and Content-Type exactly application/json
  (the SDK ignores an Error under any other type). `decode_error` reads an Error whatever the
  content type, and answers any status other than 200 as an error.
* `as_str`, `as_int`, `as_float`, `as_bool`, `as_list`, `as_dict`: read one decoded value as
  a type; None for an absent value, `WireFormatError` for a value not of the type.

`WireFormatError` (a ValueError) is raised for bodies that are not what the protocol sends.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

PROTOCOL = "tencent-json"
JSON_MEDIA_TYPE = "application/json"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
# Headers of the protocol itself; the operation's parameters travel in the body.
COMMON_HEADERS = (
    "x-tc-action",
    "x-tc-version",
    "x-tc-region",
    "x-tc-timestamp",
    "x-tc-language",
    "x-tc-token",
    "x-tc-requestclient",
)


class WireFormatError(ValueError):
    """A body or value that is not what this protocol puts on the wire."""


@dataclass(slots=True)
class Request:
    """A request ready to sign and send: `url(endpoint, request)` gives its URL."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Decoded:
    """A received request: `params` holds the operation's parameters (parsed JSON)."""

    action: str | None
    version: str | None
    params: dict[str, object]
    common: dict[str, str] = field(default_factory=dict)
    region: str | None = None


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Result:
    """A decoded success answer: the members of Response (RequestId removed), the id."""

    data: dict[str, object]
    request_id: str | None


@dataclass(frozen=True, slots=True)
class WireError:
    """A decoded error answer."""

    code: str
    message: str
    status: int
    request_id: str | None


# --- requests -----------------------------------------------------------------------------


def encode_request(
    action: str,
    version: str,
    params: Mapping[str, object],
    region: str | None = None,
    language: str | None = None,
) -> Request:
    """POST / with the JSON body and X-TC-* headers the SDK sends (unsigned)."""
    headers = {
        "Content-Type": JSON_MEDIA_TYPE,
        "X-TC-Action": action,
        "X-TC-Version": version,
    }
    if region:
        headers["X-TC-Region"] = region
    if language:
        headers["X-TC-Language"] = language
    body = json.dumps(plain(params)).encode("utf-8")
    return Request(method="POST", path="/", query=[], headers=headers, body=body)


def url(endpoint: str, request: Request) -> str:
    """The URL of a request sent to `endpoint` ("https://host[:port]")."""
    return endpoint.rstrip("/") + request.path


def decode_request(
    method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
) -> Decoded:
    """Action, version, region and the parameters of a received API 3.0 request."""
    common = {
        name: value for name in COMMON_HEADERS if (value := _header(headers, name)) is not None
    }
    params: dict[str, object]
    if method.upper() == "GET" or (
        body and (_header(headers, "content-type") or "").lower().startswith(FORM_MEDIA_TYPE)
    ):
        text = query if method.upper() == "GET" else body.decode("utf-8", "replace")
        params = {}
        for item in text.split("&"):
            if item:
                key, _, value = item.partition("=")
                params[unquote_plus(key)] = unquote_plus(value)
    elif body.strip():
        document = _loads(body)
        if not isinstance(document, dict):
            raise WireFormatError("request body is not a JSON object")
        params = document
    else:
        params = {}
    return Decoded(
        common.get("x-tc-action"),
        common.get("x-tc-version"),
        params,
        common,
        common.get("x-tc-region"),
    )


def plain(value: object) -> object:
    """JSON-ready data: None members left out at any depth, enums by value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value if v is not None]
    return value


# --- answers ------------------------------------------------------------------------------


def encode_response(
    action: str, result: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    members = plain(result)
    assert isinstance(members, dict)
    document = {"Response": {**members, "RequestId": request_id}}
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _dumps(document))


def decode_response(action: str, status: int, headers: Mapping[str, str], body: bytes) -> Result:
    """The members of `Response` (RequestId taken out) and the request id."""
    document = _loads(body)
    inner = document.get("Response") if isinstance(document, dict) else None
    if not isinstance(inner, dict):
        raise WireFormatError('answer has no "Response" object')
    data = dict(inner)
    request_id = data.pop("RequestId", None)
    return Result(data, str(request_id) if request_id is not None else None)


def encode_error(code: str, message: str, status: int, request_id: str) -> Response:
    """The error envelope; real API 3.0 answers it with HTTP 200 (pass status=200)."""
    document = {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _dumps(document))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of an answer (`Response.Error`, or a status other than 200), else None."""
    document: object = None
    try:
        document = json.loads(body) if body.strip() else None
    except ValueError:
        document = None
    inner = document.get("Response") if isinstance(document, dict) else None
    if isinstance(inner, dict):
        error = inner.get("Error")
        if isinstance(error, dict):
            request_id = inner.get("RequestId")
            return WireError(
                code=str(error.get("Code", status)),
                message=str(error.get("Message", "")),
                status=status,
                request_id=str(request_id) if request_id is not None else None,
            )
    if status == 200:
        return None
    text = body.decode("utf-8", "replace").strip()
    return WireError(str(status), text[:1000], status, None)


def _dumps(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _loads(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError as exc:
        raise WireFormatError(f"body is not JSON: {exc}") from None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    found = headers.get(name)  # httpx.Headers and lowercase dicts answer directly
    if found is not None:
        return found
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


# --- typed reads of decoded values ----------------------------------------------------------


def as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        raise WireFormatError(f"expected a string, got {type(value).__name__}")
    return str(value)


def as_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise WireFormatError(f"expected an integer, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise WireFormatError(f"expected an integer, got {value!r}")


def as_float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise WireFormatError(f"expected a number, got {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise WireFormatError(f"expected a number, got {value!r}")


def as_bool(value: object) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    raise WireFormatError(f"expected a boolean, got {value!r}")


def as_list(value: object) -> list[object] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return value
    raise WireFormatError(f"expected an array, got {type(value).__name__}")


def as_dict(value: object) -> dict[str, object] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    raise WireFormatError(f"expected an object, got {type(value).__name__}")
