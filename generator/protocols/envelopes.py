"""Pieces the protocols' envelope schemas share: the fields every error answer names.

Each protocol module builds its own envelopes from these (generator/protocols/<p>.py); this
module knows no protocol.
"""

from __future__ import annotations

from typing import Any

from .. import model

EXAMPLE_REQUEST_ID = "example-request-id"


def code() -> dict[str, Any]:
    return {"type": "string", "description": "The error code."}


def message() -> dict[str, Any]:
    return {"type": "string", "description": "A readable message."}


def request_id() -> dict[str, Any]:
    return {"type": "string", "description": "The request ID."}


def bare_success(op: model.Operation, fields: dict[str, Any]) -> dict[str, Any] | None:
    """The success envelope of protocols whose answer is the response object itself: the
    fields, or no body when the operation returns none."""
    if not op.response:
        return None
    return fields
