"""tencentcloud-sdk-python's Auto Scaling models (tencentcloud.autoscaling.v20180419.models) as
`Operations`: each action of the SDK's client (`AutoscalingClient.<Op>`) is one operation,
described by its `<Op>Request` class.

Wire names come from the class's `_deserialize` (`params.get("X")`, exactly what the SDK sends
and reads); types from its `__init__` docstring (`:type X: int`, `list of str`, `:class:`...``
for a nested model, whose members are read the same way, dotted under the parent). Every
API 3.0 parameter travels in the JSON body. The docstrings say a member is optional only in
words ("非必填", not required) and never mark one required: `required` is False where the
`:param` text says 非必填 and silent otherwise.
"""

from __future__ import annotations

import inspect
import re
from types import ModuleType

from tencentcloud.autoscaling.v20180419 import models
from tencentcloud.autoscaling.v20180419.autoscaling_client import AutoscalingClient

from .compare import Fact, Operations

_WIRE = re.compile(r'params\.get\("([^"]+)"\)')
_TYPE = re.compile(r"^\s*:type (\w+): (.+?)\s*$", re.MULTILINE)
_PARAM = re.compile(r"^\s*:param _(\w+): (.*?)(?=^\s*:type )", re.MULTILINE | re.DOTALL)
_OPTIONAL = re.compile(r"非必填")
_CLASS = re.compile(r":class:`[\w.]+\.(\w+)`")
_SCALARS = {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}


def _spec_type(sdk_type: str) -> tuple[str, str | None, str | None]:
    """(spec type, element type, nested model class) of a docstring type."""
    nested = _CLASS.fullmatch(sdk_type)
    if nested:
        return "object", None, nested.group(1)
    element = re.fullmatch(r"list of (\w+)(?: [\w-]+)?", sdk_type)
    if element:
        name = element.group(1)
        if name in _SCALARS:
            return "array", _SCALARS[name], None
        return "array", "object", name
    if sdk_type in _SCALARS:
        return _SCALARS[sdk_type], None, None
    raise AssertionError(f"unknown SDK type {sdk_type!r}")


def _members(module: ModuleType, name: str, prefix: str, seen: tuple[str, ...]) -> dict[str, Fact]:
    cls = getattr(module, name)
    doc = inspect.getdoc(cls.__init__) or ""
    types = dict(_TYPE.findall(doc))
    optional = {wire for wire, text in _PARAM.findall(doc) if _OPTIONAL.search(text)}
    out: dict[str, Fact] = {}
    for wire in dict.fromkeys(_WIRE.findall(inspect.getsource(cls._deserialize))):
        spec_type, items, nested = _spec_type(types[wire])
        path = prefix + wire
        required = False if wire in optional else None
        out[path] = Fact(location="body", type=spec_type, items=items, required=required)
        if nested is not None and nested not in seen:
            out.update(_members(module, nested, path + ".", (*seen, nested)))
    return out


def sdk_operations() -> Operations:
    out: Operations = {}
    for name, _ in inspect.getmembers(AutoscalingClient, inspect.isfunction):
        if name[:1].isupper() and hasattr(models, name + "Request"):
            out[name] = _members(models, name + "Request", "", (name + "Request",))
    return out
