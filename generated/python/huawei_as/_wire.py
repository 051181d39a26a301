"""Huawei Cloud REST (AS v1) on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what huaweicloudsdkcore sends and accepts (reference/sdk-wire-facts.md §4).

API (the same names in every protocol's wire module):

* `encode_request(method, path, params, locations, project_id=None) -> Request`: the path
  template filled in (each value percent-encoded whole, `{project_id}` from `project_id`
  unless given in `params`), query parameters sorted and encoded as the SDK sends them, and
  for an operation with body parameters a JSON body (json.dumps as the SDK calls it; None
  values left out). `locations` maps each wire name to path, query, header or body. Headers:
  Content-Type (application/json;charset=utf-8 with a body) and X-Project-Id. The signer
  adds X-Sdk-Date and Authorization.
* `match_path(template, path) -> dict | None`: the path parameters of a received path, or
  None when it does not match the template (for routing).
* `decode_request(method, path, query, headers, body, template=None) -> Decoded`: the path
  parameters (when a template is given), query parameters (text; a repeated name gives a
  list) and the JSON body's members, merged in one mapping. `Decoded.action` is None: REST
  names an operation by method and path.
* `encode_response(action, result, request_id, status=200) -> Response`: the JSON body and
  X-Request-Id; `decode_response(action, status, headers, body) -> Result` (an empty or
  non-JSON body gives no members, as the SDK reads it).
* `encode_error(code, message, status, request_id) -> Response` and
  `decode_error(status, headers, body) -> WireError | None`: `{"error": {"code", "message"}}`
  with X-Request-Id; `decode_error` returns None below 400 and, like the SDK, also reads
  `error_code`/`error_msg` and `errorCode`/`errorMsg`, at the top level or nested one deep.
* `as_str`, `as_int`, `as_float`, `as_bool`, `as_list`, `as_dict`: read one decoded value as
  a type; None for an absent value, `WireFormatError` for a value not of the type.

`WireFormatError` (a ValueError) is raised for bodies that are not what the protocol sends.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, unquote_plus

PROTOCOL = "huawei-rest"
JSON_BODY_MEDIA_TYPE = "application/json;charset=utf-8"
JSON_MEDIA_TYPE = "application/json"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_ERROR_KEYS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))


_SAFE_TEXT = re.compile(r"[A-Za-z0-9_.~-]*")  # what percent-encoding leaves as it is


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
    """A received request: `params` holds path, query and body parameters in one mapping."""

    action: str | None
    version: str | None
    params: dict[str, object]
    common: dict[str, str] = field(default_factory=dict)
    project_id: str | None = None


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Result:
    """A decoded success answer: the JSON members and the X-Request-Id."""

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
    method: str,
    path: str,
    params: Mapping[str, object],
    locations: Mapping[str, str],
    project_id: str | None = None,
) -> Request:
    """The request huaweicloudsdkcore sends for these parameters (unsigned)."""
    method = method.upper()
    values: dict[str, object] = dict(params)
    if project_id is not None and values.get("project_id") is None:
        values["project_id"] = project_id
    query: list[tuple[str, str]] = []
    body: dict[str, object] = {}
    headers: dict[str, str] = {}
    for name, value in values.items():
        where = locations.get(name, "path" if "{" + name + "}" in path else "body")
        if value is None:
            continue
        if where == "path":
            path = path.replace("{" + name + "}", quote(scalar_text(value), safe=""))
        elif where == "query":
            items = value if isinstance(value, (list, tuple)) else [value]
            query.extend((name, scalar_text(item)) for item in items if item is not None)
        elif where == "header":
            headers[name] = scalar_text(value)
        else:
            body[name] = plain(value)
    unfilled = re.findall(r"\{([^}]+)\}", path)
    if unfilled:
        raise ValueError(f"path parameter {unfilled[0]!r} has no value")
    has_body = method in BODY_METHODS and any(loc == "body" for loc in locations.values())
    headers["Content-Type"] = JSON_BODY_MEDIA_TYPE if has_body else JSON_MEDIA_TYPE
    if project_id:
        headers["X-Project-Id"] = project_id
    return Request(
        method=method,
        path=path,
        query=sorted(query),
        headers=headers,
        body=json.dumps(body).encode("utf-8") if has_body else b"",
    )


def url(endpoint: str, request: Request) -> str:
    """The URL of a request sent to `endpoint` ("https://host[:port]")."""
    base = endpoint.rstrip("/") + request.path
    if request.query:
        base += "?" + "&".join(f"{_pct(k)}={_pct(v)}" for k, v in request.query)
    return base


def match_path(template: str, path: str) -> dict[str, str] | None:
    """The path parameters of `path` under `template` (`/a/{id}/b`), or None."""
    pattern = "".join(
        f"(?P<p{index}>[^/]+)" if part.startswith("{") else re.escape(part)
        for index, part in enumerate(re.split(r"(\{[^}]+\})", template))
    )
    found = re.fullmatch(pattern + "/?", path)
    if found is None:
        return None
    names = re.split(r"(\{[^}]+\})", template)
    return {names[int(key[1:])][1:-1]: unquote(value) for key, value in found.groupdict().items()}


def decode_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, str],
    body: bytes,
    template: str | None = None,
) -> Decoded:
    """Path, query and body parameters of a received request, in one mapping."""
    params: dict[str, object] = {}
    if template is not None:
        found = match_path(template, path)
        if found is None:
            raise WireFormatError(f"path {path!r} does not match {template!r}")
        params.update(found)
    queried: dict[str, list[str]] = {}
    for item in query.split("&"):
        if item:
            key, _, value = item.partition("=")
            queried.setdefault(unquote_plus(key), []).append(unquote_plus(value))
    for name, texts in queried.items():
        params[name] = texts[0] if len(texts) == 1 else texts
    if body.strip():
        document = _loads(body)
        if not isinstance(document, dict):
            raise WireFormatError("request body is not a JSON object")
        params.update(document)
    project_id = _header(headers, "x-project-id")
    common = {"X-Project-Id": project_id} if project_id else {}
    return Decoded(None, None, params, common, project_id)


def scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


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
    action: str | None, result: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    """A JSON answer with X-Request-Id; a 204 has no body."""
    headers = {"X-Request-Id": request_id}
    if status == 204:
        return Response(status, headers, b"")
    headers["Content-Type"] = JSON_BODY_MEDIA_TYPE
    return Response(status, headers, _dumps(plain(result)))


def decode_response(
    action: str | None, status: int, headers: Mapping[str, str], body: bytes
) -> Result:
    """The JSON members of a success answer (none for an empty or non-JSON body)."""
    request_id = _header(headers, "x-request-id")
    try:
        document = json.loads(body) if body.strip() else {}
    except ValueError:
        document = {}
    return Result(document if isinstance(document, dict) else {}, request_id)


def encode_error(code: str, message: str, status: int, request_id: str) -> Response:
    document = {"error": {"code": code, "message": message}}
    headers = {"Content-Type": JSON_BODY_MEDIA_TYPE, "X-Request-Id": request_id}
    return Response(status, headers, _dumps(document))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of an answer with status 400 or above, else None.

    The code and message come from the first of error_code/error_msg, errorCode/errorMsg,
    code/message found (both of a pair present) at the top level or in a nested object;
    else the status is the code and the body the message.
    """
    if status < 400:
        return None
    request_id = _header(headers, "x-request-id")
    try:
        document = json.loads(body) if body.strip() else None
    except ValueError:
        document = None
    if isinstance(document, dict):
        found = _error_pair(document)
        if found is None:
            for value in document.values():
                if isinstance(value, dict) and (found := _error_pair(value)) is not None:
                    break
        if found is not None:
            return WireError(found[0], found[1], status, request_id)
    text = body.decode("utf-8", "replace").strip()
    return WireError(str(status), text[:1000], status, request_id)


def _error_pair(document: Mapping[str, object]) -> tuple[str, str] | None:
    for code_key, message_key in _ERROR_KEYS:
        code, message = document.get(code_key), document.get(message_key)
        if code is not None and message is not None:
            return str(code), str(message)
    return None


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


def _pct(text: str) -> str:
    return text if _SAFE_TEXT.fullmatch(text) else quote(text, safe="~")


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
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
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
