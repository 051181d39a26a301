"""Tencent Cloud API 3.0: POST / with a JSON body; the action, version and region travel only
in the X-TC-Action / X-TC-Version / X-TC-Region headers; TC3-HMAC-SHA256.

Every answer is HTTP 200 with {"Response": {...}}; an error is {"Response": {"Error": {"Code",
"Message"}, "RequestId"}} with Content-Type exactly application/json (the SDK ignores Error under
any other content type: sdk-wire-facts.md §2). Codes are Tencent's common and AS codes.
"""

from __future__ import annotations

from . import ErrorAnswer, Protocol, answers

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
)
