"""Tencent Cloud API 3.0: POST / with a JSON body; the action, version and region travel only
in the X-TC-Action / X-TC-Version / X-TC-Region headers; TC3-HMAC-SHA256.

Every answer is HTTP 200 with {"Response": {...}}; an error is {"Response": {"Error": {"Code",
"Message"}, "RequestId"}} with Content-Type exactly application/json (the SDK ignores Error under
any other content type: docs/wire-facts.md §2). Codes are Tencent's common and AS codes.

This module is where generator code learns that envelope: the OpenAPI schemas and examples
below, and `answer_of` / `is_error` for readers telling error examples from answers. The
runtime (runtime/protocols/tencent-json/wire.py and server.py) is copied verbatim into
generated packages, which never import `generator`, so it keeps its own copy of the shape.
"""

from __future__ import annotations

from typing import Any

from .. import model
from . import ClientProfile, Credential, ErrorAnswer, Protocol, answers, envelopes

ENVELOPE = "Response"  # every answer is {"Response": {...}}
ERROR = "Error"  # an error answer's Response has it
REQUEST_ID = "RequestId"  # every Response has it
ENVELOPE_KEYS = (ERROR, REQUEST_ID)  # keys of a Response that are not the operation's fields


def answer_of(document: object) -> dict[str, Any] | None:
    """The Response object of an answer document, or None when it has none."""
    inner = document.get(ENVELOPE) if isinstance(document, dict) else None
    return inner if isinstance(inner, dict) else None


def is_error(document: object) -> bool:
    """Does the answer document carry an error (Response.Error)?"""
    inner = answer_of(document)
    return inner is not None and ERROR in inner


def error_envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            ENVELOPE: {
                "type": "object",
                "properties": {
                    ERROR: {
                        "type": "object",
                        "properties": {"Code": envelopes.code(), "Message": envelopes.message()},
                        "required": ["Code", "Message"],
                    },
                    REQUEST_ID: envelopes.request_id(),
                },
                "required": [ERROR, REQUEST_ID],
            }
        },
        "required": [ENVELOPE],
    }


def error_example(code: str, message: str | None) -> dict[str, Any]:
    error: dict[str, Any] = {"Code": code}
    if message:
        error["Message"] = message
    return {ENVELOPE: {ERROR: error, REQUEST_ID: envelopes.EXAMPLE_REQUEST_ID}}


def success_envelope(op: model.Operation, fields: dict[str, Any]) -> dict[str, Any]:
    """{"Response": fields}; an answer is a success only without Response.Error."""
    inner = {**fields, "not": {"required": [ERROR]}}
    return {"type": "object", "properties": {ENVELOPE: inner}, "required": [ENVELOPE]}


PROTOCOL = Protocol(
    name="tencent-json",
    signer="TC3-HMAC-SHA256",
    media_type="application/json",
    error_media_type="application/json",
    rpc=True,
    action_in="header",
    action_key="X-TC-Action",
    version_key="X-TC-Version",
    extra_headers=("X-TC-Region",),
    list_member=None,
    signature_in="header",
    signature_key="Authorization",
    signer_description=(
        "Tencent Cloud TC3-HMAC-SHA256: `Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/"
        "<service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>` over the "
        "canonical request, with `X-TC-Timestamp`; the key is derived from `TC3<secret>`."
    ),
    validation=answers(
        {
            "missing": ("MissingParameter", 200, "The parameter `{param}` is missing."),
            "type": ("InvalidParameter", 200, "The parameter `{param}` has the wrong type."),
            "range": (
                "InvalidParameterValue.Range",
                200,
                "The value of `{param}` is outside the specified range.",
            ),
            "length": ("InvalidParameterValue", 200, "The length of `{param}` is invalid."),
            "enum": (
                "InvalidParameterValue",
                200,
                "The value of `{param}` is not one of the valid values.",
            ),
            "pattern": (
                "InvalidParameterValue",
                200,
                "The value of `{param}` has an invalid format.",
            ),
            "conflict": (
                "InvalidParameter.Conflict",
                200,
                "Multiple parameters specified conflict and cannot co-exist: {param}.",
            ),
            "requires": ("MissingParameter", 200, "Parameters are required together: {param}."),
            "unknown": ("UnknownParameter", 200, "The parameter `{param}` is not recognized."),
        }
    ),
    auth_error=ErrorAnswer(
        "AuthFailure.SignatureFailure", 200, "The provided credentials could not be validated."
    ),
    throttle_error=ErrorAnswer(
        "RequestLimitExceeded", 200, "Your current request times exceeds the limit."
    ),
    not_found_error=ErrorAnswer("InvalidAction", 200, "The requested action does not exist."),
    internal_error=ErrorAnswer("InternalError", 200, "An internal error occurred."),
    too_large_error=ErrorAnswer("RequestSizeLimitExceeded", 200, "The request body is too large."),
    error_envelope_schema=error_envelope_schema,
    error_example=error_example,
    success_envelope=success_envelope,
    client=ClientProfile(
        credentials=(
            Credential("secret_id", "SecretId."),
            Credential("secret_key", "SecretKey.", secret=True),
            Credential("token", "Token of temporary credentials.", required=False, secret=True),
        ),
        region_doc="Region, sent as X-TC-Region.",
        region_required=False,
    ),
)
