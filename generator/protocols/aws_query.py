"""AWS Query protocol (Auto Scaling 2011-01-01): POST / with a form body carrying Action and
Version; lists as Name.member.N, structures as Name.Key; XML answers; SigV4.

Errors: <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error>
<RequestId>..</RequestId></ErrorResponse>. Invalid input is `ValidationError`, HTTP 400, as the
real service answers (botocore checks some of it client-side, the server the rest).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape as xml_escape

from .. import model
from ..constraints import base_type
from . import ClientProfile, Credential, ErrorAnswer, Protocol, answers, envelopes

_V = "ValidationError"
_AT = "1 validation error detected: Value at '{param}' failed to satisfy constraint: "


def error_envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "xml": {"name": "ErrorResponse"},
        "properties": {
            "Error": {
                "type": "object",
                "properties": {
                    "Type": {"type": "string", "enum": ["Sender", "Receiver"]},
                    "Code": envelopes.code(),
                    "Message": envelopes.message(),
                },
                "required": ["Code"],
            },
            "RequestId": envelopes.request_id(),
        },
        "required": ["Error"],
    }


def error_example(code: str, message: str | None) -> str:
    text = "<ErrorResponse>\n  <Error>\n    <Type>Sender</Type>\n"
    text += f"    <Code>{xml_escape(code)}</Code>\n"
    if message:
        text += f"    <Message>{xml_escape(message)}</Message>\n"
    return (
        text
        + f"  </Error>\n  <RequestId>{envelopes.EXAMPLE_REQUEST_ID}</RequestId>\n</ErrorResponse>\n"
    )


def success_envelope(op: model.Operation, fields: dict[str, Any]) -> dict[str, Any]:
    """<{Op}Response><{Op}Result>fields</{Op}Result><ResponseMetadata>..</ResponseMetadata>."""
    wrapper = op.result_wrapper or f"{op.name}Result"
    result = {**fields, "xml": {"name": wrapper}}
    _xml_lists(result)
    return {
        "type": "object",
        "xml": {"name": f"{op.name}Response"},
        "properties": {
            wrapper: result,
            "ResponseMetadata": {
                "type": "object",
                "properties": {"RequestId": {"type": "string"}},
            },
        },
    }


def _xml_lists(schema: dict[str, Any]) -> None:
    """AWS Query XML lists are `<Name><member>..</member></Name>`."""
    for prop in schema.get("properties", {}).values():
        if base_type(prop) == "array":  # nullable lists too: type [array, null]
            prop["xml"] = {"wrapped": True}
            prop["items"]["xml"] = {"name": "member"}
            _xml_lists(prop["items"])
        elif base_type(prop) == "object":
            _xml_lists(prop)


PROTOCOL = Protocol(
    name="aws-query",
    signer="AWS4-HMAC-SHA256",
    media_type="application/x-www-form-urlencoded",
    error_media_type="text/xml",
    rpc=True,
    action_in="body",
    action_key="Action",
    version_key="Version",
    extra_headers=(),
    list_member="{name}.member.{n}",
    signature_in="header",
    signature_key="Authorization",
    signer_description=(
        "AWS Signature Version 4: `Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/"
        "<region>/<service>/aws4_request, SignedHeaders=..., Signature=<hex>` over the canonical "
        "request (method, path, query, signed headers, SHA-256 of the body), with `X-Amz-Date`."
    ),
    validation=answers(
        {
            "missing": (
                _V,
                400,
                "1 validation error detected: Value null at '{param}' failed to satisfy constraint: Member must not be null",
            ),
            "type": (_V, 400, _AT + "Member must be of the documented type"),
            "range": (_V, 400, _AT + "Member must be within the documented range"),
            "length": (_V, 400, _AT + "Member must have length within the documented range"),
            "enum": (_V, 400, _AT + "Member must satisfy enum value set"),
            "pattern": (_V, 400, _AT + "Member must satisfy the documented pattern"),
            "conflict": (_V, 400, "Parameters cannot be specified together: {param}"),
            "requires": (_V, 400, "Parameters are required together: {param}"),
            "unknown": (_V, 400, "Unknown parameter: {param}"),
        }
    ),
    auth_error=ErrorAnswer(
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided.",
    ),
    throttle_error=ErrorAnswer("Throttling", 400, "Rate exceeded"),
    not_found_error=ErrorAnswer(
        "InvalidAction", 400, "The action or operation requested is invalid."
    ),
    internal_error=ErrorAnswer(
        "InternalFailure", 500, "The request processing has failed because of an unknown error."
    ),
    too_large_error=ErrorAnswer("RequestEntityTooLarge", 413, "Request body too large."),
    error_envelope_schema=error_envelope_schema,
    error_example=error_example,
    success_envelope=success_envelope,
    client=ClientProfile(
        credentials=(
            Credential("aws_access_key_id", "Access key id."),
            Credential("aws_secret_access_key", "Secret key.", secret=True),
            Credential(
                "aws_session_token",
                "Session token of temporary credentials.",
                required=False,
                secret=True,
            ),
        ),
        region_doc="Region (signed).",
        region_required=True,
    ),
)
