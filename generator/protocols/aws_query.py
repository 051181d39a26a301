"""AWS Query protocol (Auto Scaling 2011-01-01): POST / with a form body carrying Action and
Version; lists as Name.member.N, structures as Name.Key; XML answers; SigV4.

Errors: <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error>
<RequestId>..</RequestId></ErrorResponse>. Invalid input is `ValidationError`, HTTP 400, as the
real service answers (botocore checks some of it client-side, the server the rest).
"""

from __future__ import annotations

from . import ErrorAnswer, Protocol, answers

_V = "ValidationError"
_AT = "1 validation error detected: Value at '{param}' failed to satisfy constraint: "

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
)
