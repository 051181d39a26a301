"""Huawei Cloud REST (AS v1) on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what huaweicloudsdkcore sends and accepts (specgen's docs/wire-facts.md §4).

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

import json
import re
from collections.abc import Mapping
from urllib.parse import quote, unquote, unquote_plus

from . import _runtime
from ._runtime import Decoded as Decoded
from ._runtime import Request as Request
from ._runtime import Response as Response
from ._runtime import Result as Result
from ._runtime import WireError as WireError
from ._runtime import WireFormatError as WireFormatError
from ._runtime import plain as plain
from ._runtime import scalar_text as scalar_text

PROTOCOL = "huawei-rest"
JSON_BODY_MEDIA_TYPE = "application/json;charset=utf-8"
JSON_MEDIA_TYPE = "application/json"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_ERROR_KEYS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))


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
    pct = _runtime.percent_encode
    if request.query:
        base += "?" + "&".join(f"{pct(k)}={pct(v)}" for k, v in request.query)
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
        document = _runtime.json_loads(body)
        if not isinstance(document, dict):
            raise WireFormatError("request body is not a JSON object")
        params.update(document)
    project_id = _runtime.header(headers, "x-project-id")
    common = {"X-Project-Id": project_id} if project_id else {}
    return Decoded(None, None, params, common, project_id=project_id)


# --- answers ------------------------------------------------------------------------------


def encode_response(
    action: str | None, result: Mapping[str, object], request_id: str, status: int = 200
) -> Response:
    """A JSON answer with X-Request-Id; a 204 has no body."""
    headers = {"X-Request-Id": request_id}
    if status == 204:
        return Response(status, headers, b"")
    headers["Content-Type"] = JSON_BODY_MEDIA_TYPE
    return Response(status, headers, _runtime.json_dumps(plain(result)))


def decode_response(
    action: str | None, status: int, headers: Mapping[str, str], body: bytes
) -> Result:
    """The JSON members of a success answer (none for an empty or non-JSON body)."""
    request_id = _runtime.header(headers, "x-request-id")
    try:
        document = json.loads(body) if body.strip() else {}
    except ValueError:
        document = {}
    return Result(document if isinstance(document, dict) else {}, request_id)


def encode_error(code: str, message: str, status: int, request_id: str) -> Response:
    document = {"error": {"code": code, "message": message}}
    headers = {"Content-Type": JSON_BODY_MEDIA_TYPE, "X-Request-Id": request_id}
    return Response(status, headers, _runtime.json_dumps(document))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of an answer with status 400 or above, else None.

    The code and message come from the first of error_code/error_msg, errorCode/errorMsg,
    code/message found (both of a pair present) at the top level or in a nested object;
    else the status is the code and the body the message.
    """
    if status < 400:
        return None
    request_id = _runtime.header(headers, "x-request-id")
    document = _runtime.json_or_none(body)
    if isinstance(document, dict):
        found = _error_pair(document)
        if found is None:
            for value in document.values():
                if isinstance(value, dict) and (found := _error_pair(value)) is not None:
                    break
        if found is not None:
            return WireError(found[0], found[1], status, request_id)
    code, message = _runtime.status_error(status, body)
    return WireError(code, message, status, request_id)


def _error_pair(document: Mapping[str, object]) -> tuple[str, str] | None:
    for code_key, message_key in _ERROR_KEYS:
        code, message = document.get(code_key), document.get(message_key)
        if code is not None and message is not None:
            return str(code), str(message)
    return None


# --- typed reads of decoded values ----------------------------------------------------------

as_str = _runtime.as_json_str
as_int = _runtime.as_json_int
as_float = _runtime.as_json_float
as_list = _runtime.as_json_list
as_dict = _runtime.as_json_dict


def as_bool(value: object) -> bool | None:
    """A JSON boolean, or the text "true" / "false" (query and path values)."""
    return _runtime.as_json_bool(value, text=True)
