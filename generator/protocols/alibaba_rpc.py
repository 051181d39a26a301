"""Alibaba Cloud RPC (ESS 2014-08-28): Action, Version and the common parameters in the query
(or, from the Tea SDKs, x-acs-action / x-acs-version headers and a form body); lists as
Name.N; JSON answers; signature v1.0 HMAC-SHA1 in the query (ACS3-HMAC-SHA256 from Tea 2022).

Errors: HTTP 4xx/5xx with {"RequestId", "HostId", "Code", "Message"}. The ESS pages document
`InvalidParamter` (sic) for invalid values; a missing parameter is the common `MissingParameter`.
"""

from __future__ import annotations

from typing import Any

from . import ClientProfile, Credential, ErrorAnswer, Protocol, answers, envelopes

_INVALID = "InvalidParamter"  # the code as ESS documents and returns it, misspelt
_MSG = "The specified value of parameter is not valid."


def error_envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "RequestId": envelopes.request_id(),
            "HostId": {"type": "string", "description": "The endpoint that answered."},
            "Code": envelopes.code(),
            "Message": envelopes.message(),
        },
        "required": ["Code", "Message"],
    }


def error_example(code: str, message: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "RequestId": envelopes.EXAMPLE_REQUEST_ID,
        "HostId": "example-host",
        "Code": code,
    }
    if message:
        body["Message"] = message
    return body


PROTOCOL = Protocol(
    name="alibaba-rpc",
    signer="HMAC-SHA1",
    media_type=None,
    error_media_type="application/json",
    rpc=True,
    action_in="query",
    action_key="Action",
    version_key="Version",
    extra_headers=(),
    list_member="{name}.{n}",
    signature_in="query",
    signature_key="Signature",
    signer_description=(
        "Alibaba Cloud RPC signature v1.0: the query carries AccessKeyId, SignatureMethod="
        "HMAC-SHA1, SignatureVersion=1.0, SignatureNonce, Timestamp, Format and `Signature`, the "
        "base64 HMAC-SHA1 (key `<secret>&`) of `POST&%2F&` + the percent-encoded sorted query."
    ),
    validation=answers(
        {
            "missing": (
                "MissingParameter",
                400,
                'The input parameter "{param}" that is mandatory for processing this request is not supplied.',
            ),
            "type": (_INVALID, 400, _MSG + " ({param})"),
            "range": (_INVALID, 400, _MSG + " ({param})"),
            "length": (_INVALID, 400, _MSG + " ({param})"),
            "enum": (_INVALID, 400, _MSG + " ({param})"),
            "pattern": (_INVALID, 400, _MSG + " ({param})"),
            "conflict": (_INVALID, 400, _MSG + " ({param})"),
            "requires": (
                "MissingParameter",
                400,
                'The input parameter "{param}" that is mandatory for processing this request is not supplied.',
            ),
            "unknown": (_INVALID, 400, _MSG + " ({param})"),
        }
    ),
    auth_error=ErrorAnswer(
        "SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation."
    ),
    throttle_error=ErrorAnswer("Throttling", 400, "Request was denied due to request throttling."),
    not_found_error=ErrorAnswer(
        "InvalidApi.NotFound", 404, "Specified api is not found, please check your url and method."
    ),
    internal_error=ErrorAnswer(
        "InternalError", 500, "The request processing has failed due to some unknown error."
    ),
    too_large_error=ErrorAnswer("RequestTooLarge", 413, "The request body is too large."),
    error_envelope_schema=error_envelope_schema,
    error_example=error_example,
    success_envelope=envelopes.bare_success,
    client=ClientProfile(
        credentials=(
            Credential("access_key_id", "AccessKey id."),
            Credential("access_key_secret", "AccessKey secret.", secret=True),
            Credential("security_token", "STS security token.", required=False, secret=True),
        ),
        region_doc="Region, sent as RegionId.",
        region_required=False,
    ),
)
