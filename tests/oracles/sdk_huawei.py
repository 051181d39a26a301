"""huaweicloudsdkas (the official Python SDK of Huawei Cloud Auto Scaling) as the oracle's
`Operations`, read from the installed package.

- Operations: one per `<Name>Request` class; `AsClient._<name>_http_info` gives each one's
  method and path.
- Path, query and header parameters: the attributes of the Request class other than `body`,
  placed where `_<name>_http_info` puts them (path_params, query_params, header_params) when
  every attribute is set; wire names from `attribute_map`.
- Body fields: the `body` attribute's model class, walked through `openapi_types` (the type of
  each attribute) and `attribute_map` (its wire name); a field typed by another model class, or
  a list of one, has that class's attributes as its fields, under a dotted path.
- Placeholders of the path that no attribute fills (`{project_id}`) are path parameters the
  client fills in itself: required strings.
- Required: the SDK's constructors assign a required attribute unconditionally and an optional
  one only `if x is not None`; that is how the SDK encodes the API reference's Mandatory column.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from typing import Any

import huaweicloudsdkas.v1 as sdk
from huaweicloudsdkas.v1.as_client import AsClient

from .compare import Fact, Operations

_SCALARS = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "object": "object",
}
_LIST = re.compile(r"^list\[(.+)\]$")
_DICT = re.compile(r"^dict\(")
# Nesting deeper than this is a model that refers to itself.
_MAX_DEPTH = 8


def sdk_operations() -> Operations:
    out: Operations = {}
    for attribute in sorted(dir(AsClient)):
        match = re.match(r"^_(\w+)_http_info$", attribute)
        if match is None:
            continue
        name = "".join(word.capitalize() for word in match[1].split("_"))
        request_class = _request_class(name)
        out[request_class.__name__.removesuffix("Request")] = _request_facts(
            request_class, getattr(AsClient, attribute)
        )
    return out


def endpoints() -> dict[str, tuple[str, str]]:
    """Each SDK operation's (method, path template)."""
    out: dict[str, tuple[str, str]] = {}
    for attribute in sorted(dir(AsClient)):
        match = re.match(r"^_(\w+)_http_info$", attribute)
        if match is None:
            continue
        request_class = _request_class("".join(w.capitalize() for w in match[1].split("_")))
        info = getattr(AsClient, attribute)(request_class())
        out[request_class.__name__.removesuffix("Request")] = (
            info["method"],
            info["resource_path"],
        )
    return out


def _request_class(snake_as_pascal: str) -> type:
    """The Request class for an http_info method: class names keep the API's own casing
    (ListApiVersions, CreateScalingV2Policy), so match ignoring case."""
    wanted = f"{snake_as_pascal}Request".lower()
    (found,) = [getattr(sdk, n) for n in dir(sdk) if n.lower() == wanted]
    return found  # type: ignore[no-any-return]


def _request_facts(request_class: type, http_info: Any) -> dict[str, Fact]:
    types: dict[str, str] = request_class.openapi_types  # type: ignore[attr-defined]
    wire: dict[str, str] = request_class.attribute_map  # type: ignore[attr-defined]
    required = _required(request_class)
    request = request_class()
    for attribute in types:
        if attribute != "body":
            setattr(request, attribute, f"<{attribute}>")
    info = http_info(request)
    locations: dict[str, str] = {}
    for key in info["path_params"]:
        locations[key] = "path"
    for key, _ in info["query_params"]:
        locations[key] = "query"
    for key in info["header_params"]:
        locations.setdefault(key, "header")
    out: dict[str, Fact] = {}
    # placeholders the client fills in itself (project_id, from the credentials)
    for placeholder in re.findall(r"\{([^{}/]+)\}", info["resource_path"]):
        if placeholder not in locations:
            out[placeholder] = Fact(location="path", type="string", required=True)
    for attribute, type_name in types.items():
        if attribute == "body":
            _fields(_model(type_name), "", out, 0)
            continue
        name = wire[attribute]
        spec_type, items = _spec_type(type_name)
        out[name] = Fact(
            location=locations.get(name, "query"),
            type=spec_type,
            items=items,
            required=attribute in required,
        )
    return out


def _fields(model_class: type | None, prefix: str, out: dict[str, Fact], depth: int) -> None:
    if model_class is None or depth > _MAX_DEPTH:
        return
    types: dict[str, str] = model_class.openapi_types  # type: ignore[attr-defined]
    wire: dict[str, str] = model_class.attribute_map  # type: ignore[attr-defined]
    required = _required(model_class)
    for attribute, type_name in types.items():
        path = f"{prefix}{wire[attribute]}"
        spec_type, items = _spec_type(type_name)
        out[path] = Fact(
            location="body", type=spec_type, items=items, required=attribute in required
        )
        element = _LIST.match(type_name)
        _fields(_model(element[1] if element else type_name), f"{path}.", out, depth + 1)


def _spec_type(type_name: str) -> tuple[str, str | None]:
    """The spec type (and element type of a list) of an openapi_types entry."""
    element = _LIST.match(type_name)
    if element:
        return "array", _spec_type(element[1])[0]
    if _DICT.match(type_name):
        return "object", None
    return _SCALARS.get(type_name, "object"), None


def _model(type_name: str) -> type | None:
    found = getattr(sdk, type_name, None)
    return found if isinstance(found, type) and hasattr(found, "openapi_types") else None


def _required(model_class: type) -> set[str]:
    """Attributes the constructor assigns unconditionally (`self.x = x` at the top of
    __init__): the required ones; optional ones are assigned under `if x is not None`."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(model_class.__init__)))  # type: ignore[misc]
    (function,) = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    out: set[str] = set()
    for statement in function.body:
        if not isinstance(statement, ast.Assign) or not isinstance(statement.value, ast.Name):
            continue
        for target in statement.targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and target.attr == statement.value.id
            ):
                out.add(target.attr)
    return out
