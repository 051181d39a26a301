"""Each protocol's envelope knowledge agrees with itself: the error example it gives is an
instance of its error envelope schema, and Tencent's reader-facing helpers tell its error
answers from its successes (the one place generator code knows `Response.Error`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import jsonschema
import pytest

from generator import model, protocols
from generator.protocols import envelopes, tencent_json

PROTOCOLS = sorted(protocols.builtin())


@pytest.mark.parametrize("name", PROTOCOLS)
def test_error_example_is_an_instance_of_the_error_envelope(name: str) -> None:
    proto = protocols.get(name)
    schema = proto.error_envelope_schema()
    example = proto.error_example("Some.Code", "A message.")
    if proto.error_media_type.endswith("xml"):
        root = ET.fromstring(example)
        assert root.tag == schema["xml"]["name"]
        assert root.findtext("Error/Code") == "Some.Code"
        assert root.findtext("Error/Message") == "A message."
    else:
        jsonschema.validate(example, schema)
        assert "Some.Code" in str(example)


@pytest.mark.parametrize("name", PROTOCOLS)
def test_success_envelope_holds_the_response_fields(name: str) -> None:
    proto = protocols.get(name)
    op = model.Operation(
        provider="p",
        service="s",
        api_version="v",
        protocol=name,
        name="DescribeThings",
        family="f",
        source=model.Source("page", 1),
        response=[model.Parameter("TotalCount", model.Source("page", 2), type="integer")],
    )
    fields = {"type": "object", "properties": {"TotalCount": {"type": "integer"}}}
    envelope = proto.success_envelope(op, fields)
    assert envelope is not None
    assert "TotalCount" in str(envelope)


def test_a_bare_success_without_response_fields_has_no_body() -> None:
    op = model.Operation("p", "s", "v", "x", "DeleteThing", "f", model.Source("page", 1))
    assert envelopes.bare_success(op, {"type": "object", "properties": {}}) is None


def test_tencent_helpers_tell_errors_from_answers() -> None:
    error = tencent_json.error_example("InvalidParameter", "bad")
    assert tencent_json.is_error(error)
    answer = {"Response": {"TotalCount": 1, "RequestId": "r"}}
    assert not tencent_json.is_error(answer)
    assert tencent_json.answer_of(answer) == {"TotalCount": 1, "RequestId": "r"}
    assert tencent_json.answer_of(["not", "an", "answer"]) is None
    assert set(tencent_json.ENVELOPE_KEYS) == {"Error", "RequestId"}
