"""schemathesis against each mock with the generated OpenAPI (openapi/<provider>.yaml): no
server errors, every answer conforms to the document (status, content type, schema), data the
document calls valid is accepted (at worst refused by the state: an unknown group or hook),
and data it calls invalid is rejected.

Whether the mock accepted or rejected a request is read from its journal (`refused`), not
from the HTTP status: Tencent answers everything with HTTP 200. Signatures are off; the
document's security requirement is dropped with them.
"""

from __future__ import annotations

import copy
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi import checks

from .util import PROVIDERS, Served

EXAMPLES = 20  # per operation and generation mode: all four providers stay well under 2 min
REJECTED = {"missing", "malformed", "not_found", "validation"}
CONFORMANCE = [
    checks.response_schema_conformance,
    checks.content_type_conformance,
]


def load(root: Path, provider: str) -> Any:
    document = yaml.safe_load((root / "openapi" / f"{provider}.yaml").read_text())
    document.pop("security", None)
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    return schemathesis.openapi.from_dict(document)


def existing_group(case: Any, key: str | None, group: str) -> None:
    """Point a generated valid request at a group that exists, where it names one."""
    if key is None:
        return
    for container in (case.body, case.query, case.path_parameters):
        if isinstance(container, dict) and key in container:
            container[key] = group


def integral_floats(value: object) -> bool:
    """JSON Schema counts 30.0 as an integer; the clouds' servers (and the generated
    validators) do not, so a generated 30.0 is not a valid request to them."""
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, dict):
        return any(integral_floats(v) for v in value.values())
    if isinstance(value, list):
        return any(integral_floats(v) for v in value)
    return False


def rejection_status(response: Any, refused: str | None) -> Any:
    """The answer as a REST API would have put it: 400 when the mock rejected the data, else
    200 (so schemathesis' own negative_data_rejection logic, with its allowances for
    mutations that serialise to valid data, judges the mock's decision)."""
    judged = copy.copy(response)
    judged.status_code = 400 if refused in REJECTED else 200
    return judged


COMMON = {
    "Action",
    "Version",
    "Format",
    "RegionId",
    "Timestamp",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "SignatureType",
}


def sent_data_is_valid(validators: Any, operation_id: str, request: Any) -> bool:
    """Whether the request as it went on a form/query wire passes the operation's validator.
    Some negative mutations do not survive serialisation (an extra member of an exploded
    object with an empty value, say): the server then received valid data, and accepting it is
    right. JSON requests are judged by schemathesis alone."""
    url = urlsplit(request.url)
    params = dict(parse_qsl(url.query, keep_blank_values=True))
    body = request.body or b""
    if body:
        if "json" in str(request.headers.get("Content-Type", "")):
            return False
        params.update(
            parse_qsl(body.decode() if isinstance(body, bytes) else body, keep_blank_values=True)
        )
    check = validators.WIRE_VALIDATORS.get(operation_id)
    if check is None:
        return False
    return not check({k: v for k, v in params.items() if k not in COMMON})


def run_cases(
    served: Served,
    operation: Any,
    op_spec: Any,
    mode: GenerationMode,
    outcomes: Counter[tuple[str, str]],
) -> None:
    """Bounded generated cases of one operation in one mode, each against a fresh state."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        served.state.reset()
        if mode is GenerationMode.POSITIVE:
            assume(not integral_floats(case.body))
            existing_group(case, op_spec.roles.get("group"), "g1")
        response = case.call(base_url=served.url, timeout=30)
        entry = served.state.journal[-1]
        assert response.status_code < 500 and entry["refused"] != "internal", response.text
        case.validate_response(response, checks=CONFORMANCE)
        outcomes[(mode.name, str(entry["refused"]))] += 1
        if mode is GenerationMode.POSITIVE:
            assert entry["refused"] in (None, "state"), (entry, case.body, case.query)
        else:
            validators = sys.modules[
                type(served.state.spec).__module__.rsplit(".", 1)[0] + ".validators"
            ]
            if entry["refused"] not in REJECTED and sent_data_is_valid(
                validators, op_spec.name, response.request
            ):
                return
            judged = rejection_status(response, entry["refused"])
            case.validate_response(judged, checks=[checks.negative_data_rejection])

    try:
        check()
    except Unsatisfiable:
        # no invalid value exists for some operations (only free-text path parameters)
        assert mode is GenerationMode.NEGATIVE


# Found at whole-service size, to be fixed (issues 10 and 11): requests the OpenAPI allows
# that the validators refuse (an object member with no fields, `TrafficSources.member.1 = {}`),
# and schema-built answers that leave out members the response schema requires.
WHOLE_SERVICE_GAPS = {
    "aws": "OpenAPI allows an object list member the validators refuse",
    "alibaba": "OpenAPI allows an object list member the validators refuse",
    "tencent": "a schema-built answer lacks a member its response schema requires",
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_schemathesis(
    serve: Any, generated_root: Path, provider: str, request: pytest.FixtureRequest
) -> None:
    if provider in WHOLE_SERVICE_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason=WHOLE_SERVICE_GAPS[provider]))
    schema = load(generated_root, provider)
    served: Served = serve(provider, auth=False, groups=["g1"], rate_limits=False)
    spec = served.state.spec
    outcomes: Counter[tuple[str, str]] = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.definition.raw["operationId"] for op in operations} == set(spec.operations)
    for operation in operations:
        op_spec = spec.operations[operation.definition.raw["operationId"]]
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run_cases(served, operation, op_spec, mode, outcomes)
    assert outcomes[("POSITIVE", "None")] > 0  # some valid requests went all the way through
    rejected = sum(
        n for (mode, why), n in outcomes.items() if mode == "NEGATIVE" and why in REJECTED
    )
    assert rejected > 0
