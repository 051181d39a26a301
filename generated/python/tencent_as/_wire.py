"""Tencent Cloud API 3.0 on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what tencentcloud-sdk-python sends and accepts (specgen's docs/wire-facts.md §2).

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

import json
from collections.abc import Mapping

from . import _runtime
from ._runtime import Decoded as Decoded
from ._runtime import Request as Request
from ._runtime import Response as Response
from ._runtime import Result as Result
from ._runtime import WireError as WireError
from ._runtime import WireFormatError as WireFormatError
from ._runtime import plain as plain

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
        name: value
        for name in COMMON_HEADERS
        if (value := _runtime.header(headers, name)) is not None
    }
    params: dict[str, object]
    if method.upper() == "GET" or (
        body
        and (_runtime.header(headers, "content-type") or "").lower().startswith(FORM_MEDIA_TYPE)
    ):
        text = query if method.upper() == "GET" else body.decode("utf-8", "replace")
        params = dict(_runtime.query_pairs(text))
    elif body.strip():
        document = _runtime.json_loads(body)
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
        region=common.get("x-tc-region"),
    )


# --- answers ------------------------------------------------------------------------------


def encode_response(
    action: str, result: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    members = plain(result)
    assert isinstance(members, dict)
    document = {"Response": {**members, "RequestId": request_id}}
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _runtime.json_dumps(document))


def decode_response(action: str, status: int, headers: Mapping[str, str], body: bytes) -> Result:
    """The members of `Response` (RequestId taken out) and the request id."""
    document = _runtime.json_loads(body)
    inner = document.get("Response") if isinstance(document, dict) else None
    if not isinstance(inner, dict):
        raise WireFormatError('answer has no "Response" object')
    data = dict(inner)
    request_id = data.pop("RequestId", None)
    return Result(data, str(request_id) if request_id is not None else None)


def encode_error(code: str, message: str, status: int, request_id: str) -> Response:
    """The error envelope; real API 3.0 answers it with HTTP 200 (pass status=200)."""
    document = {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _runtime.json_dumps(document))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of an answer (`Response.Error`, or a status other than 200), else None."""
    document = _runtime.json_or_none(body)
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
    code, message = _runtime.status_error(status, body)
    return WireError(code, message, status, None)


# --- typed reads of decoded values ----------------------------------------------------------

as_str = _runtime.as_json_str
as_int = _runtime.as_json_int
as_float = _runtime.as_json_float
as_list = _runtime.as_json_list
as_dict = _runtime.as_json_dict


def as_bool(value: object) -> bool | None:
    """A JSON boolean only: API 3.0 answers booleans as JSON."""
    return _runtime.as_json_bool(value)
