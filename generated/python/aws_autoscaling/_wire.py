"""AWS Query protocol on the wire: encode and decode requests, answers and errors.

Standard library only: this file is copied verbatim into each generated package as
`_wire.py`. The generated client encodes requests and decodes answers with it; the generated
mock server decodes requests and encodes answers with the same functions, so both sides agree.
It follows what botocore sends and accepts (specgen's docs/wire-facts.md §1).

API (the same names in every protocol's wire module):

* `encode_request(action, version, params) -> Request`: POST / with a form body holding
  Action, Version and the parameters, flattened: lists as `Name.member.N` (an empty list as
  `Name=`), structures as `Name.Key`, booleans as true/false. None values are left out.
* `decode_request(method, path, query, headers, body) -> Decoded`: the action, version and the
  flat string parameters of a received request (query string and form body merged).
* `encode_response(action, result, request_id, namespace=...) -> Response`: the XML answer
  `<ActionResponse><ActionResult>..</ActionResult><ResponseMetadata><RequestId>`.
* `decode_response(action, status, headers, body) -> Result`: the `<ActionResult>` element as
  plain data (text leaves; `<member>` children become lists) and the request id.
* `encode_error(code, message, status, request_id, sender=True) -> Response` and
  `decode_error(status, headers, body) -> WireError | None`: the `<ErrorResponse>` envelope;
  `decode_error` returns None for a success answer.
* `flatten(params)` / `unflatten(pairs)`: nested data <-> the flat `Name.member.N` pairs;
  `form_encode(pairs)` / `form_decode(text)`: pairs <-> form text (FORM_MEDIA_TYPE).
* `as_str`, `as_int`, `as_float`, `as_bool`, `as_list`, `as_dict`: read one decoded value as
  a type (XML carries text only: "300" -> 300, an empty `<List/>` -> []). They return None for
  an absent value and raise `WireFormatError` for text that is not of the type.

`WireFormatError` (a ValueError) is raised for bodies that are not what the protocol sends.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

from . import _runtime
from ._runtime import Decoded as Decoded
from ._runtime import Request as Request
from ._runtime import Response as Response
from ._runtime import Result as Result
from ._runtime import WireFormatError as WireFormatError
from ._runtime import scalar_text as scalar_text

PROTOCOL = "aws-query"
form_decode = _runtime.query_pairs  # form or query text -> decoded (name, value) pairs
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded; charset=utf-8"
_FORM = "application/x-www-form-urlencoded"
XML_MEDIA_TYPE = "text/xml"
DEFAULT_NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/"
# Parameters of the protocol itself, not of an operation (SigV2 puts its signature in the form).
COMMON_PARAMETERS = frozenset(
    {
        "Action",
        "Version",
        "AWSAccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "Timestamp",
        "Expires",
        "SecurityToken",
    }
)


@dataclass(frozen=True, slots=True)
class WireError(_runtime.WireError):
    """A decoded error answer, with the `<Type>` AWS gives it."""

    type: str | None = None  # Sender / Receiver


# --- requests -----------------------------------------------------------------------------


def encode_request(action: str, version: str, params: Mapping[str, object]) -> Request:
    """POST / with the form body botocore sends (parameters in the order given)."""
    pairs = [("Action", action), ("Version", version), *flatten(params)]
    return Request(
        method="POST",
        path="/",
        query=[],
        headers={"Content-Type": FORM_MEDIA_TYPE},
        body=form_encode(pairs).encode("ascii"),
    )


def url(endpoint: str, request: Request) -> str:
    """The URL of a request sent to `endpoint` ("https://host[:port]", any path kept)."""
    base = endpoint.rstrip("/") + request.path
    if request.query:
        base += "?" + form_encode(request.query)
    return base


def decode_request(
    method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
) -> Decoded:
    """Action, Version and the flat parameters of a received Query request.

    The query string and a form body are merged (botocore sends only the body; GET requests
    carry everything in the query). Later values win for a repeated name.
    """
    pairs = form_decode(query)
    content_type = _runtime.header(headers, "content-type") or ""
    if body and (not content_type or content_type.lower().startswith(_FORM)):
        try:
            pairs += form_decode(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise WireFormatError("form body is not UTF-8") from None
    params: dict[str, object] = {}
    common: dict[str, str] = {}
    for key, value in pairs:
        if key in COMMON_PARAMETERS:
            common[key] = value
        else:
            params[key] = value
    return Decoded(common.get("Action"), common.get("Version"), params, common)


def flatten(params: Mapping[str, object], prefix: str = "") -> list[tuple[str, str]]:
    """Nested request data -> the Query protocol's flat (name, text) pairs (botocore sends
    an empty list as `Name=`)."""
    return _runtime.flatten_pairs(params, prefix, "member.", empty_list=True)


def unflatten(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> dict[str, object]:
    """Flat pairs -> nested data: `A.member.2` -> A[1], `A.B` -> A["B"]; values stay text."""
    return _runtime.unflatten_pairs(pairs, "member")


def form_encode(pairs: Iterable[tuple[str, str]]) -> str:
    """`name=value&...` as botocore sends it (urlencode: a space is "+", only -_.~ are safe)."""
    pct = _runtime.form_percent_encode
    return "&".join(f"{pct(k)}={pct(v)}" for k, v in pairs)


# --- answers ------------------------------------------------------------------------------


def encode_response(
    action: str,
    result: Mapping[str, object],
    request_id: str,
    namespace: str = DEFAULT_NAMESPACE,
    status: int = 200,
) -> Response:
    """The XML success answer; lists become `<Name><member>..</member></Name>`."""
    inner = "".join(_xml_member(name, value) for name, value in result.items())
    wrapper = f"{action}Result"
    result_xml = f"<{wrapper}>{inner}</{wrapper}>" if inner else f"<{wrapper}/>"
    body = (
        f'<{action}Response xmlns="{escape(namespace, {chr(34): "&quot;"})}">'
        f"{result_xml}"
        f"<ResponseMetadata><RequestId>{escape(request_id)}</RequestId></ResponseMetadata>"
        f"</{action}Response>"
    )
    return Response(status, {"Content-Type": XML_MEDIA_TYPE}, body.encode("utf-8"))


def _xml_member(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        inner = "".join(_xml_member(str(k), v) for k, v in value.items())
        return f"<{name}>{inner}</{name}>"
    if isinstance(value, (list, tuple)):
        inner = "".join(_xml_member("member", item) for item in value)
        return f"<{name}>{inner}</{name}>" if inner else f"<{name}/>"
    return f"<{name}>{escape(scalar_text(value))}</{name}>"


def decode_response(action: str, status: int, headers: Mapping[str, str], body: bytes) -> Result:
    """The members of `<{action}Result>` and `ResponseMetadata/RequestId` of a success answer.

    Leaves are text; an element whose children are all `<member>` is a list; an empty element
    is "" (read it with `as_list` for a list). A missing Result element gives no members.
    """
    root = _parse_xml(body)
    data: dict[str, object] = {}
    request_id: str | None = None
    for child in root:
        tag = _local(child.tag)
        if tag == f"{action}Result" or (tag.endswith("Result") and not data):
            value = _xml_value(child)
            data = value if isinstance(value, dict) else {}
        elif tag == "ResponseMetadata":
            for meta in child:
                if _local(meta.tag) == "RequestId":
                    request_id = (meta.text or "").strip() or None
    return Result(data, request_id)


def encode_error(
    code: str, message: str, status: int, request_id: str, sender: bool = True
) -> Response:
    body = (
        '<ErrorResponse xmlns="http://webservices.amazon.com/AWSFault/2005-15-09">'
        f"<Error><Type>{'Sender' if sender else 'Receiver'}</Type>"
        f"<Code>{escape(code)}</Code><Message>{escape(message)}</Message></Error>"
        f"<RequestId>{escape(request_id)}</RequestId></ErrorResponse>"
    )
    return Response(status, {"Content-Type": XML_MEDIA_TYPE}, body.encode("utf-8"))


def decode_error(status: int, headers: Mapping[str, str], body: bytes) -> WireError | None:
    """The error of an answer, or None for a success answer.

    Reads `<ErrorResponse><Error><Code>` (and the EC2-style `<Response><Errors><Error>`) at
    any status. A non-2xx answer without one gets the status as its code (as botocore does)
    and the body's text as its message.
    """
    if 200 <= status < 300 and b"ErrorResponse" not in body and b"<Errors>" not in body:
        return None  # the common case, without parsing the body twice
    root: ET.Element | None
    try:
        root = _parse_xml(body) if body.strip() else None
    except WireFormatError:
        root = None
    if root is not None and _local(root.tag) in ("ErrorResponse", "Response"):
        error = _find(root, "Error") or _find(_find(root, "Errors"), "Error")
        if error is not None:
            request_id = _text(_find(root, "RequestId")) or _text(_find(root, "RequestID"))
            return WireError(
                code=_text(_find(error, "Code")) or str(status),
                message=_text(_find(error, "Message")) or "",
                status=status,
                request_id=request_id or _runtime.header(headers, "x-amzn-requestid"),
                type=_text(_find(error, "Type")),
            )
    if 200 <= status < 300:
        return None
    code, message = _runtime.status_error(status, body)
    return WireError(code, message, status, _runtime.header(headers, "x-amzn-requestid"))


def _parse_xml(body: bytes) -> ET.Element:
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise WireFormatError("XML answer with a DTD")  # never expand entities from a server
    try:
        return ET.fromstring(body)
    except ET.ParseError as exc:
        raise WireFormatError(f"answer is not XML: {exc}") from None


def _xml_value(element: ET.Element) -> object:
    children = list(element)
    if not children:
        return (element.text or "").strip()
    if all(_local(child.tag) == "member" for child in children):
        return [_xml_value(child) for child in children]
    out: dict[str, object] = {}
    for child in children:
        out[_local(child.tag)] = _xml_value(child)
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return (element.text or "").strip() or None


# --- typed reads of decoded values ----------------------------------------------------------

as_str = _runtime.as_text
as_float = _runtime.as_text_float
as_bool = _runtime.as_text_bool


def as_int(value: object) -> int | None:
    return _runtime.as_text_int(value)


def as_list(value: object) -> list[object] | None:
    """A list member: an empty element ("") is an empty list; a lone item is a list of one."""
    if value is None:
        return None
    if value == "":
        return []
    if isinstance(value, list):
        return value
    return [value]


def as_dict(value: object) -> dict[str, object] | None:
    if value is None:
        return None
    if value == "":
        return {}
    if isinstance(value, dict):
        return value
    raise WireFormatError(f"expected a structure, got {type(value).__name__}")
