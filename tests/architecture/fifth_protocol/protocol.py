"""The fake JSON protocol: `POST /`, the operation in X-Fake-Op, a JSON body; answers in
{"Result": ...} and errors in {"Fault": {"Code", "Text"}, "Trace"} with their HTTP status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import model
from generator.protocols import (
    PROBLEM_KINDS,
    ClientProfile,
    Credential,
    ErrorAnswer,
    Protocol,
    answers,
)

NAME = "fake-json"
FAULT = "Fault"  # the error envelope's key: the test looks for it in every target


def error_envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            FAULT: {
                "type": "object",
                "properties": {"Code": {"type": "string"}, "Text": {"type": "string"}},
                "required": ["Code"],
            },
            "Trace": {"type": "string"},
        },
        "required": [FAULT],
    }


def error_example(code: str, message: str | None) -> dict[str, Any]:
    fault: dict[str, Any] = {"Code": code}
    if message:
        fault["Text"] = message
    return {FAULT: fault, "Trace": "example-trace"}


def success_envelope(op: model.Operation, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"Result": fields, "Trace": {"type": "string"}},
        "required": ["Result"],
    }


PROTOCOL = Protocol(
    name=NAME,
    signer="FAKE-HMAC-SHA256",
    media_type="application/json",
    error_media_type="application/json",
    rpc=True,
    action_in="header",
    action_key="X-Fake-Op",
    version_key="X-Fake-Version",
    extra_headers=(),
    list_member=None,
    signature_in="header",
    signature_key="X-Fake-Signature",
    signer_description="HMAC-SHA256 of method, path and body, as `<key id>:<hex>`.",
    validation=answers(
        {kind: ("Fake.BadInput", 422, "Bad input: {param}") for kind in PROBLEM_KINDS}
    ),
    auth_error=ErrorAnswer("Fake.Unauthorized", 401, "The signature does not match."),
    throttle_error=ErrorAnswer("Fake.SlowDown", 429, "Slow down."),
    not_found_error=ErrorAnswer("Fake.NoSuchOp", 404, "No such operation."),
    internal_error=ErrorAnswer("Fake.Internal", 500, "Internal error."),
    too_large_error=ErrorAnswer("Fake.TooLarge", 413, "The body is too large."),
    error_envelope_schema=error_envelope_schema,
    error_example=error_example,
    success_envelope=success_envelope,
    client=ClientProfile(
        credentials=(
            Credential("key_id", "Key id."),
            Credential("key_secret", "Key secret.", secret=True),
        ),
        region_doc="Region, for the default endpoint.",
        region_required=False,
    ),
    runtime=Path(__file__).resolve().parent / "runtime",
)
