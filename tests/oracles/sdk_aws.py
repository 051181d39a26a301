"""botocore's Auto Scaling service model (the installed package, not a copy) as oracle facts.

The Query protocol names a request member by its `locationName` where the model gives one,
else by the member name; lists travel as `Name.member.N`, which the specs call `Name`, like
the pages' `$request['Name']` keys. Only the top-level members are read: the method pages
list no fields of structure arguments (their specs note that), so there is nothing to compare
below the top level.
"""

from __future__ import annotations

from typing import Any

import botocore.session

from .compare import Fact, Operations

SERVICE = "autoscaling"

_TYPES = {
    "string": "string",
    "integer": "integer",
    "long": "integer",
    "float": "number",
    "double": "number",
    "boolean": "boolean",
    "timestamp": "string",
    "blob": "string",
    "list": "array",
    "structure": "object",
    "map": "object",
}


def sdk_operations() -> Operations:
    service = botocore.session.get_session().get_service_model(SERVICE)
    out: Operations = {}
    for name in service.operation_names:
        shape = service.operation_model(name).input_shape
        if shape is None:
            out[name] = {}
            continue
        # botocore fills an idempotency token the caller leaves out: never required of them
        required = {
            m
            for m in shape.required_members
            if not shape.members[m].metadata.get("idempotencyToken")
        }
        out[name] = {
            member.serialization.get("name", member_name): _fact(member, member_name in required)
            for member_name, member in shape.members.items()
        }
    return out


def _fact(shape: Any, required: bool) -> Fact:
    kind = _TYPES[shape.type_name]
    meta = shape.metadata
    string = shape.type_name == "string"
    number = kind in ("integer", "number")
    return Fact(
        location="body",  # every Query member travels in the form body
        type=kind,
        items=_TYPES[shape.member.type_name] if shape.type_name == "list" else None,
        required=required,
        # no `min` on a bounded string: the empty string is allowed, as a minimum of 0 says
        min_length=meta.get("min", 0 if "max" in meta else None) if string else None,
        max_length=meta.get("max") if string else None,
        minimum=meta.get("min") if number else None,
        maximum=meta.get("max") if number else None,
        enum=tuple(shape.enum) if string and shape.enum else None,
    )
