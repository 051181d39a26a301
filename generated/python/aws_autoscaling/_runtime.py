"""What every protocol's runtime shares: the request and answer records, header and query
helpers, typed reads of decoded values, the signature checks' common steps and the mock
server's routing records.

Standard library only: this file is copied verbatim into each generated package as
`_runtime.py`, beside the protocol's `_wire.py`, `_signing.py` and `_server.py`, which import
it relatively (`from . import _runtime`). It holds only what is the same for every protocol;
what differs (envelopes, encodings, signature recipes) stays in the protocol's own modules.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, quote_plus, unquote_plus

# --- records on the wire ------------------------------------------------------------------


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
    """A received request: `params` holds the operation's parameters (flat strings for the
    form and query protocols, parsed JSON members for the JSON ones); `common` the protocol's
    own parameters or headers. `region` and `project_id` are set by the protocols that carry
    them."""

    action: str | None
    version: str | None
    params: dict[str, object]
    common: dict[str, str] = field(default_factory=dict)
    region: str | None = None
    project_id: str | None = None


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Result:
    """A decoded success answer: the members (the request id taken out) and the request id."""

    data: dict[str, object]
    request_id: str | None


@dataclass(frozen=True, slots=True)
class WireError:
    """A decoded error answer."""

    code: str
    message: str
    status: int
    request_id: str | None


def status_error(status: int, body: bytes) -> tuple[str, str]:
    """The code and message of an error answer whose body says neither: the status and the
    start of the body's text, as the SDKs report it."""
    return str(status), body.decode("utf-8", "replace").strip()[:1000]


# --- headers, query strings, scalars ------------------------------------------------------

_SAFE_TEXT = re.compile(r"[A-Za-z0-9_.~-]*")  # what percent-encoding leaves as it is


def header(headers: Mapping[str, str], name: str) -> str | None:
    """The value of header `name` (lowercase), whatever the case it was sent in."""
    found = headers.get(name)  # httpx.Headers and lowercase dicts answer directly
    if found is not None:
        return found
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def percent_encode(text: str) -> str:
    """RFC 3986 percent-encoding, "~" kept (a space is %20)."""
    return text if _SAFE_TEXT.fullmatch(text) else quote(text, safe="~")


def form_percent_encode(text: str) -> str:
    """Form percent-encoding as urlencode does it (a space is "+", only -_.~ are safe)."""
    return text if _SAFE_TEXT.fullmatch(text) else quote_plus(text, safe="")


def query_pairs(text: str) -> list[tuple[str, str]]:
    """`name=value&...` (a query string or form body) -> decoded (name, value) pairs."""
    pairs: list[tuple[str, str]] = []
    for item in text.split("&"):
        if item:
            key, _, value = item.partition("=")
            pairs.append((unquote_plus(key), unquote_plus(value)))
    return pairs


def scalar_text(value: object) -> str:
    """A scalar as the wire writes it: booleans true/false, enums by value, numbers via str."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def plain(value: object, keep_none_items: bool = False) -> object:
    """JSON-ready data: None members left out at any depth (None list items too, unless
    `keep_none_items`), enums by value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): plain(v, keep_none_items) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [plain(v, keep_none_items) for v in value if keep_none_items or v is not None]
    return value


def json_dumps(document: object) -> bytes:
    """Compact UTF-8 JSON, as the clouds answer it."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_loads(body: bytes, what: str = "body") -> object:
    """Parsed JSON, or WireFormatError naming `what` was not JSON."""
    try:
        return json.loads(body)
    except ValueError as exc:
        raise WireFormatError(f"{what} is not JSON: {exc}") from None


def json_or_none(body: bytes) -> object:
    """Parsed JSON of an error answer, or None for an empty or non-JSON body."""
    try:
        return json.loads(body) if body.strip() else None
    except ValueError:
        return None


# --- flat name/value pairs (form and query protocols) -------------------------------------


def flatten_pairs(
    params: Mapping[str, object], prefix: str, list_segment: str, empty_list: bool
) -> list[tuple[str, str]]:
    """Nested data -> flat (name, text) pairs: structures as `Name.Key`, list items as
    `Name.<list_segment>N` (from 1), an empty list as `Name=` when `empty_list`, None left out."""
    out: list[tuple[str, str]] = []
    for key, value in params.items():
        _flatten_value(out, f"{prefix}{key}", value, list_segment, empty_list)
    return out


def _flatten_value(
    out: list[tuple[str, str]], name: str, value: object, list_segment: str, empty_list: bool
) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        out.extend(flatten_pairs(value, name + ".", list_segment, empty_list))
    elif isinstance(value, (list, tuple)):
        if not value and empty_list:
            out.append((name, ""))
        for index, item in enumerate(value, 1):
            _flatten_value(out, f"{name}.{list_segment}{index}", item, list_segment, empty_list)
    else:
        out.append((name, scalar_text(value)))


_LIST = "\0list"  # marks a dict that collects list items by position until `_ordered`


def unflatten_pairs(
    pairs: Iterable[tuple[str, str]] | Mapping[str, str], list_segment: str | None
) -> dict[str, object]:
    """Flat pairs -> nested data; values stay text. With a `list_segment` ("member"), a name
    segment so called followed by a position marks a list item (`A.member.2` -> A[1]);
    without one, a numeric segment is a list position (`A.2.B` -> A[1]["B"])."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    root: dict[str, object] = {}
    for name, value in items:
        _insert(root, name.split("."), value, list_segment)
    ordered = _ordered(root)
    assert isinstance(ordered, dict)
    return ordered


def _insert(
    node: dict[str, object], parts: list[str], value: str, list_segment: str | None
) -> None:
    key, rest = parts[0], parts[1:]
    if not rest:
        node[key] = value
        return
    if list_segment is None:
        is_list, below = rest[0].isdigit(), rest
    else:
        is_list = rest[0] == list_segment and len(rest) >= 2
        below = rest[1:] if is_list else rest
    child = node.get(key)
    if not isinstance(child, dict):
        child = dict[str, object]()
        if is_list:
            child[_LIST] = True
        node[key] = child
    _insert(child, below, value, list_segment)


def _ordered(value: object) -> object:
    if isinstance(value, dict):
        if value.get(_LIST) is True:
            items = [(k, v) for k, v in value.items() if k != _LIST]
            items.sort(key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0)
            return [_ordered(v) for _, v in items]
        return {k: _ordered(v) for k, v in value.items()}
    return value


# --- typed reads of decoded values --------------------------------------------------------
# Two families: text protocols (form, query and XML carry text only: "300" -> 300, "" is
# absent) and JSON protocols (a JSON value of the type; numbers may come as strings).


def as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise WireFormatError(f"expected text, got {type(value).__name__}")
    return str(value)


def as_text_int(value: object, floats: bool = False) -> int | None:
    """An integer from text; a JSON number with no fraction too when `floats`."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise WireFormatError(f"expected an integer, got {value!r}")
    if isinstance(value, int):
        return value
    if floats and isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise WireFormatError(f"expected an integer, got {value!r}") from None


def as_text_float(value: object) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise WireFormatError(f"expected a number, got {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise WireFormatError(f"expected a number, got {value!r}") from None


def as_text_bool(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "false"):
        return text == "true"
    raise WireFormatError(f"expected true or false, got {value!r}")


def as_json_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        raise WireFormatError(f"expected a string, got {type(value).__name__}")
    return str(value)


def as_json_int(value: object) -> int | None:
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


def as_json_float(value: object) -> float | None:
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


def as_json_bool(value: object, text: bool = False) -> bool | None:
    """A JSON boolean; the strings "true" and "false" too when `text`."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if text and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise WireFormatError(f"expected a boolean, got {value!r}")


def as_json_list(value: object) -> list[object] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return value
    raise WireFormatError(f"expected an array, got {type(value).__name__}")


def as_json_dict(value: object) -> dict[str, object] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    raise WireFormatError(f"expected an object, got {type(value).__name__}")


# --- signatures: what signing and verifying share -----------------------------------------

# The kinds of reason `verify` gives (the text before the first colon).
MISSING = "missing"
MALFORMED = "malformed"
UNKNOWN_KEY = "unknown key"
MISMATCH = "mismatch"
EXPIRED = "expired"

Headers = Mapping[str, str] | Iterable[tuple[str, str]]
SecretLookup = Callable[[str], str | None]


def header_pairs(headers: Headers) -> list[tuple[str, str]]:
    if isinstance(headers, Mapping):
        return list(headers.items())
    return list(headers)


def lower_headers(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Lowercase header name -> its values, in the order received."""
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(name.lower(), []).append(value)
    return result


def first(headers: Mapping[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def utc(moment: datetime) -> datetime:
    # A naive datetime is taken to be UTC already.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def hmac_sha256_hex(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def authorization_fields(
    value: str, algorithm: str, required: Iterable[str]
) -> dict[str, str] | str:
    """The `Key=value, ...` fields of an `<algorithm> ...` Authorization header, or the
    reason it is malformed (another algorithm, a required field missing)."""
    found, _, rest = value.strip().partition(" ")
    if found != algorithm:
        return f"{MALFORMED}: algorithm {found!r}, expected {algorithm}"
    fields: dict[str, str] = {}
    for item in rest.split(","):
        key, sep, text = item.strip().partition("=")
        if sep:
            fields[key] = text
    for key in required:
        if not fields.get(key):
            return f"{MALFORMED}: Authorization has no {key}"
    return fields


def parse_authorization(
    value: str, algorithm: str, key_field: str
) -> tuple[str, list[str], str] | str:
    """(the `key_field` value, the lowercase SignedHeaders names, the Signature) of an
    `<algorithm> ...` Authorization header, or the reason it is malformed."""
    fields = authorization_fields(value, algorithm, (key_field, "SignedHeaders", "Signature"))
    if isinstance(fields, str):
        return fields
    return fields[key_field], fields["SignedHeaders"].lower().split(";"), fields["Signature"]


def unsigned_header(
    names: Iterable[str], required: Iterable[str], received: Mapping[str, list[str]]
) -> str | None:
    """Why the signed header names do not fit the request: a `required` one not signed, or
    a signed one the request does not carry; None when they fit."""
    listed = list(names)
    for name in required:
        if name not in listed:
            return f"{MALFORMED}: SignedHeaders must include {name}"
    absent = [name for name in listed if name not in received]
    if absent:
        return f"{MISMATCH}: signed header {absent[0]} is not in the request"
    return None


def skew_error(
    stamp: datetime, max_skew: timedelta | None, now: datetime | None, shown: str
) -> str | None:
    """EXPIRED when `max_skew` is given and the request time `stamp` (`shown` in the reason)
    is further than that from `now` (default the current time)."""
    if max_skew is None:
        return None
    current = utc(now) if now is not None else datetime.now(UTC)
    if abs(current - stamp) > max_skew:
        return f"{EXPIRED}: {shown} is too far from now"
    return None


# --- the mock server's routing ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Route:
    """One operation as the mock serves it (`path` is the page's template)."""

    name: str
    action: str
    version: str
    method: str
    path: str


@dataclass(slots=True)
class Call:
    """A decoded request: the operation's route and the parameters its coerce_ function takes."""

    route: Route
    params: dict[str, object]


class Reject(Exception):
    """A request that names no operation, or that this protocol cannot carry."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # not_found | missing | malformed
        self.detail = detail


class BaseCodec:
    """What every protocol's server codec does alike."""

    def request_id(self) -> str:
        return str(uuid.uuid4())

    def auth_message(
        self, message: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> str:
        """The message of the authentication error for this request (as the SDKs read it)."""
        return message


class ActionCodec(BaseCodec):
    """A codec for the protocols that name an operation by action and version and serve
    every one at `/` (POST, and GET with the parameters in the query). A protocol's Codec
    gives `decode_request` (its wire's), `success` and `error`."""

    missing_action = "Action"  # what a request without an action is said to miss

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = {(route.action, route.version): route for route in routes}

    def decode_request(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Decoded:
        raise NotImplementedError

    def operation_params(self, params: dict[str, object]) -> dict[str, object]:
        """The parameters the operation's coerce_ function takes, of those decoded."""
        return params

    def decode(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Call:
        if method not in ("POST", "GET") or path != "/":
            raise Reject("not_found", f"{method} {path}")
        try:
            decoded = self.decode_request(method, path, query, headers, body)
        except WireFormatError as exc:
            raise Reject("malformed", str(exc)) from None
        if not decoded.action:
            raise Reject("missing", self.missing_action)
        route = self.routes.get((decoded.action, decoded.version or ""))
        if route is None:
            version = decoded.version or "(none)"
            raise Reject("not_found", f"{decoded.action} for version {version}")
        return Call(route, self.operation_params(decoded.params))
