"""JSON Schema 2020-12 of each operation's request: jsonschema/<provider>/<Operation>.json.

The request as the validators see it: one object keyed by wire names with typed values, every
location merged (a Huawei request is its path parameters and its body fields together), no
other members allowed. Lists are JSON arrays here; the flat wire spelling (`Names.member.1`)
is the business of the wire coercion, not of this schema. `schema.request_schema` builds it,
so the OpenAPI documents and the validators state the same constraints.

Output is deterministic: indent 2, keys in construction order (page order for properties),
non-ASCII kept, one trailing newline.
"""

from __future__ import annotations

from typing import Any

from .. import model
from . import Context, by_provider
from . import schema as js

TARGET = "jsonschema"
SCHEMA_BASE = "https://specgen.invalid/jsonschema"


def schema_path(op: model.Operation) -> str:
    return f"jsonschema/{op.provider}/{op.name}.json"


def operation_schema(op: model.Operation) -> dict[str, Any]:
    return js.request_schema(op, schema_id=f"{SCHEMA_BASE}/{op.provider}/{op.name}.json")


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for _provider, ops in by_provider(operations).items():
        for op in ops:
            text = ctx.render("jsonschema/request.json.j2", schema=operation_schema(op))
            files[schema_path(op)] = text.encode()
    return files
