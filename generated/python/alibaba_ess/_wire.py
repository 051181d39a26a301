"""Alibaba Cloud RPC on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what aliyun-python-sdk-core sends (specgen's docs/wire-facts.md §3).

API (the same names in every protocol's wire module):

* `encode_request(action, version, params, region_id=None) -> Request`: POST / with every
  parameter in the query, as aliyunsdkcore sends it: the operation's parameters (lists as
  `Name.N`, structures as `Name.Key`, booleans true/false, None left out), then Version,
  Action, Format=JSON, RegionId and SignatureType="". The signer adds Timestamp,
  SignatureNonce, SignatureMethod, SignatureVersion, AccessKeyId and Signature to `query`.
* `decode_request(method, path, query, headers, body) -> Decoded`: the action and version
  (from the query, else the x-acs-action / x-acs-version headers of the Tea SDKs), the region
  and the operation's flat string parameters (query and form body merged, common parameters
  moved to `common`).
* `encode_response(action, result, request_id) -> Response`: the JSON answer
  `{"RequestId": .., <members>}`; `decode_response(action, status, headers, body) -> Result`.
* `encode_error(code, message, status, request_id, host_id=...) -> Response` and
  `decode_error(status, headers, body) -> WireError | None`: the
  `{"RequestId", "HostId", "Code", "Message"}` envelope; `decode_error` returns None for a
  success answer (any 2xx, even one whose body holds a Code, as the SDKs do).
* `flatten(params)` / `unflatten(pairs)`: nested data <-> the flat `Name.N.Key` pairs;
  `query_encode(pairs)` / `query_decode(text)`: pairs <-> query or form text
  (FORM_MEDIA_TYPE is the form body's media type).
* `as_str`, `as_int`, `as_float`, `as_bool`, `as_list`, `as_dict`: read one decoded value as
  a type. ESS answers numbers as JSON numbers or as strings ("TotalCount": "1"), and wraps
  lists in an object named after the item (`{"LifecycleHooks": {"LifecycleHook": [..]}}`):
  `as_list` unwraps it. They return None for an absent value and raise `WireFormatError` for
  a value that is not of the type.

`WireFormatError` (a ValueError) is raised for bodies that are not what the protocol sends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import _runtime
from ._runtime import Decoded as Decoded
from ._runtime import Request as Request
from ._runtime import Response as Response
from ._runtime import Result as Result
from ._runtime import WireFormatError as WireFormatError
from ._runtime import scalar_text as scalar_text

PROTOCOL = "alibaba-rpc"
query_decode = _runtime.query_pairs  # form or query text -> decoded (name, value) pairs
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
JSON_MEDIA_TYPE = "application/json;charset=utf-8"
DEFAULT_HOST_ID = "ess.aliyuncs.com"
# Parameters of the protocol itself, not of an operation.
COMMON_PARAMETERS = frozenset(
    {
        "Action",
        "Version",
        "Format",
        "RegionId",
        "Timestamp",
        "SignatureNonce",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureType",
        "Signature",
        "AccessKeyId",
        "SecurityToken",
        "BearerToken",
        "ResourceOwnerAccount",
    }
)


@dataclass(frozen=True, slots=True)
class WireError(_runtime.WireError):
    """A decoded error answer, with the HostId ESS gives it."""

    host_id: str | None = None


# --- requests -----------------------------------------------------------------------------


def encode_request(
    action: str,
    version: str,
    params: Mapping[str, object],
    region_id: str | None = None,
    response_format: str = "JSON",
) -> Request:
    """POST / with the parameters in the query, as aliyunsdkcore sends them (unsigned)."""
    pairs = flatten(params)
    pairs += [("Version", version), ("Action", action), ("Format", response_format)]
    if region_id:
        pairs.append(("RegionId", region_id))
    pairs.append(("SignatureType", ""))  # aliyunsdkcore sends it empty, and signs it
    return Request(
        method="POST",
        path="/",
        query=pairs,
        headers={"x-acs-action": action, "x-acs-version": version},
        body=b"",
    )


def url(endpoint: str, request: Request) -> str:
    """The URL of a request sent to `endpoint` ("https://host[:port]", any path kept)."""
    base = endpoint.rstrip("/") + request.path
    if request.query:
        base += "?" + query_encode(request.query)
    return base


def decode_request(
    method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
) -> Decoded:
    """Action, version, region and the flat parameters of a received RPC request.

    The query and a form body are merged (aliyunsdkcore sends only a query; the Tea 2014
    SDK puts the operation's parameters in a form body); later values win for a name.
    """
    pairs = query_decode(query)
    content_type = (_runtime.header(headers, "content-type") or "").lower()
    if body and content_type.startswith(FORM_MEDIA_TYPE):
        try:
            pairs += query_decode(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise WireFormatError("form body is not UTF-8") from None
    params: dict[str, object] = {}
    common: dict[str, str] = {}
    for key, value in pairs:
        if key in COMMON_PARAMETERS:
            common[key] = value
        else:
            params[key] = value
    action = common.get("Action") or _runtime.header(headers, "x-acs-action")
    version = common.get("Version") or _runtime.header(headers, "x-acs-version")
    return Decoded(action, version, params, common, common.get("RegionId"))


def flatten(params: Mapping[str, object], prefix: str = "") -> list[tuple[str, str]]:
    """Nested request data -> RPC flat (name, text) pairs: `Name.N` for lists (from 1)."""
    return _runtime.flatten_pairs(params, prefix, "", empty_list=False)


def unflatten(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> dict[str, object]:
    """Flat pairs -> nested data: `A.2` -> A[1], `A.2.B` -> A[1]["B"], `A.B` -> A["B"].

    A numeric segment is a list position; values stay text.
    """
    return _runtime.unflatten_pairs(pairs, None)


def query_encode(pairs: Iterable[tuple[str, str]]) -> str:
    """`name=value&...`, each side percent-encoded with quote(safe="~") (a space is %20)."""
    pct = _runtime.percent_encode
    return "&".join(f"{pct(k)}={pct(v)}" for k, v in pairs)


# --- answers ------------------------------------------------------------------------------


def encode_response(
    action: str, result: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    """The JSON success answer: RequestId first, then the members (None left out)."""
    document: dict[str, object] = {"RequestId": request_id}
    document.update(
        (k, _runtime.plain(v, keep_none_items=True)) for k, v in result.items() if v is not None
    )
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _runtime.json_dumps(document))


def decode_response(action: str, status: int, headers: Mapping[str, str], body: bytes) -> Result:
    """The members of a JSON success answer (RequestId taken out) and the request id."""
    if not body.strip():
        return Result({}, None)
    document = _runtime.json_loads(body, "answer")
    if not isinstance(document, dict):
        raise WireFormatError("answer is not a JSON object")
    request_id = document.pop("RequestId", None)
    return Result(document, str(request_id) if request_id is not None else None)


def encode_error(
    code: str, message: str, status: int, request_id: str, host_id: str = DEFAULT_HOST_ID
) -> Response:
    document = {"RequestId": request_id, "HostId": host_id, "Code": code, "Message": message}
    return Response(status, {"Content-Type": JSON_MEDIA_TYPE}, _runtime.json_dumps(document))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of a non-2xx answer, or None for a 2xx one.

    Reads Code/Message/RequestId/HostId (or their lowercase spellings, as the Tea SDKs do).
    A body without a code gets the status as its code and the body's text as its message.
    """
    if 200 <= status < 300:
        return None
    document = _runtime.json_or_none(body)
    if isinstance(document, dict):
        code = document.get("Code", document.get("code"))
        message = document.get("Message", document.get("message"))
        request_id = document.get("RequestId", document.get("requestId"))
        host_id = document.get("HostId")
        if code is not None:
            return WireError(
                code=str(code),
                message=str(message) if message is not None else "",
                status=status,
                request_id=str(request_id) if request_id is not None else None,
                host_id=str(host_id) if host_id is not None else None,
            )
    code, message = _runtime.status_error(status, body)
    return WireError(code, message, status, None)


# --- typed reads of decoded values ----------------------------------------------------------

as_float = _runtime.as_text_float
as_bool = _runtime.as_text_bool
as_dict = _runtime.as_json_dict


def as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return _runtime.as_text(value)


def as_int(value: object) -> int | None:
    """ESS answers numbers as JSON numbers or as strings."""
    return _runtime.as_text_int(value, floats=True)


def as_list(value: object) -> list[object] | None:
    """A list member; `{"Item": [..]}` (the XML-shaped wrapper ESS uses) is unwrapped."""
    if value is None:
        return None
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if not value:
            return []
        if len(value) == 1:
            (inner,) = value.values()
            if isinstance(inner, list):
                return inner
            if isinstance(inner, dict):
                return [inner]
    if value == "":
        return []
    raise WireFormatError(f"expected a list, got {type(value).__name__}")
