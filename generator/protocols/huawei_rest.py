"""Huawei Cloud AS v1 REST: the method and path template of each page, path parameters in the
URL, a JSON body for POST/PUT; SDK-HMAC-SHA256 over the signed headers.

Errors: {"error": {"code": "AS.xxxx", "message": "..."}} with the request id in X-Request-Id
(docs/wire-facts.md §4). The pages point at a separate error-code page that sources/ does not
hold, so the codes here are the service's generic ones: AS.0001 for invalid input.
"""

from __future__ import annotations

from typing import Any

from . import (
    ClientProfile,
    Credential,
    ErrorAnswer,
    Protocol,
    answers,
    envelopes,
    problem_kinds,
)

_INVALID = "AS.0001"
_MSG = "Invalid input parameter: {param}"


def error_envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {"code": envelopes.code(), "message": envelopes.message()},
                "required": ["code", "message"],
            }
        },
        "required": ["error"],
    }


def error_example(code: str, message: str | None) -> dict[str, Any]:
    inner: dict[str, Any] = {"code": code}
    if message:
        inner["message"] = message
    return {"error": inner}


PROTOCOL = Protocol(
    name="huawei-rest",
    signer="SDK-HMAC-SHA256",
    media_type="application/json",
    error_media_type="application/json",
    rpc=False,
    action_in="path",
    action_key="",
    version_key=None,
    extra_headers=(),
    list_member=None,
    signature_in="header",
    signature_key="Authorization",
    signer_description=(
        "Huawei Cloud APIG AK/SK signing: `Authorization: SDK-HMAC-SHA256 Access=<ak>, "
        "SignedHeaders=..., Signature=<hex>` over the canonical request (the URI with a "
        "trailing `/`), with `X-Sdk-Date`."
    ),
    validation=answers({kind: (_INVALID, 400, _MSG) for kind in problem_kinds()}),
    auth_error=ErrorAnswer(
        "APIGW.0301", 401, "Incorrect IAM authentication information: verify aksk signature fail"
    ),
    throttle_error=ErrorAnswer("APIGW.0308", 429, "The throttling threshold has been reached"),
    not_found_error=ErrorAnswer(
        "APIGW.0101", 404, "The API does not exist or has not been published in the environment"
    ),
    internal_error=ErrorAnswer("AS.0004", 500, "Internal server error"),
    too_large_error=ErrorAnswer("APIGW.0201", 413, "Request entity too large"),
    error_envelope_schema=error_envelope_schema,
    error_example=error_example,
    success_envelope=envelopes.bare_success,
    client=ClientProfile(
        credentials=(
            Credential("ak", "Access key (AK)."),
            Credential("sk", "Secret access key (SK).", secret=True),
            Credential("project_id", "Project id: fills {project_id} in paths and X-Project-Id."),
        ),
        region_doc="Region, for the default endpoint.",
        region_required=False,
        fills=(("project_id", "project_id"),),
    ),
)
