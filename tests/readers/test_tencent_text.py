"""tencent-text: the text of Tencent Cloud API 3.0 pages (seed CreateLifecycleHook, fixture
DescribeAutoScalingGroups). Expected values are read off the pages by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from generator.errors import SpecgenError
from generator.readers import Page, ReadResult, tencent_text

ROOT = Path(__file__).resolve().parents[2]
SEED = "sources/tencent/CreateLifecycleHook.txt"
FIXTURE = "tests/fixtures/tencent-text/DescribeAutoScalingGroups.txt"


def page(path: str, text: str | None = None) -> Page:
    if text is None:
        text = (ROOT / path).read_text(encoding="utf-8")
    return Page(path=path, fs_path=str(ROOT / path), text=text)


def read(path: str, text: str | None = None) -> ReadResult:
    output = tencent_text.read(page(path, text))
    assert len(output.results) == 1
    assert output.consumed == []
    return output.results[0]


def line_of(path: str, needle: str) -> int:
    """1-based line of the first line of a page containing `needle` (independent of the reader)."""
    for number, text in enumerate((ROOT / path).read_text(encoding="utf-8").split("\n"), 1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture(scope="module")
def seed() -> ReadResult:
    return read(SEED)


@pytest.fixture(scope="module")
def fixture() -> ReadResult:
    return read(FIXTURE)


# --- sniff ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SEED, FIXTURE])
def test_sniff_accepts_tencent_pages(path: str) -> None:
    assert tencent_text.sniff(page(path))


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(ROOT).as_posix()
        for pattern in (
            "sources/huawei/*",
            "sources/alibaba/*",
            "sources/aws/*",
            "sources/tencent/model/*",
        )
        for p in ROOT.glob(pattern)
    ),
)
def test_sniff_rejects_other_families_and_the_model(path: str) -> None:
    assert not tencent_text.sniff(page(path))


def test_sniff_rejects_json_that_mentions_the_domain() -> None:
    text = '{"actions": {"X": [{"input": "Host: as.tencentcloudapi.com Input Parameters"}]}}'
    assert not tencent_text.sniff(page("x.json", text))


# --- the seed: operation level ----------------------------------------------------------------


def test_seed_operation_facts(seed: ReadResult) -> None:
    op = seed.operation
    assert (op.provider, op.service, op.protocol, op.family) == (
        "tencent",
        "as",
        "tencent-json",
        "tencent-text",
    )
    assert op.name == op.action == "CreateLifecycleHook"
    assert op.api_version == "2018-04-19"
    assert op.endpoint == "as.intl.tencentcloudapi.com"
    assert (op.method, op.path) == ("POST", "/")
    assert op.title == "CreateLifecycleHook"
    assert (
        op.summary == "This interface (CreateLifecycleHook) is used for creating a lifecycle hook."
    )
    assert op.source == model.Source(SEED, 1)
    assert op.provenance["endpoint"].line == line_of(SEED, "Domain name for API request")
    assert op.provenance["action"].line == line_of(SEED, "Action Yes String")
    assert op.provenance["name"].line == line_of(SEED, "Action Yes String")
    assert op.provenance["api_version"].line == line_of(SEED, "Version Yes String")
    assert op.provenance["summary"].line == 12
    assert op.provenance["method"].origin == "inferred"
    assert op.provenance["method"].line == line_of(SEED, "POST / HTTP/1.1")
    assert all(s.file == SEED for s in op.provenance.values())


def test_seed_common_params_are_not_parameters(seed: ReadResult) -> None:
    names = [p.name for p in seed.operation.parameters]
    assert not {"Action", "Version", "Region"} & set(names)
    assert any("Region" in note for note in seed.operation.notes)


SEED_PARAMETERS = [
    # name, type, doc_type, required, line
    ("AutoScalingGroupId", "string", "String", True, 46),
    ("LifecycleHookName", "string", "String", True, 51),
    ("LifecycleTransition", "string", "String", True, 52),
    ("DefaultResult", "string", "String", False, 57),
    ("HeartbeatTimeout", "integer", "Integer", False, 62),
    ("NotificationMetadata", "string", "String", False, 63),
    ("NotificationTarget", "object", "NotificationTarget", False, 64),
    ("LifecycleTransitionType", "string", "String", False, 65),
    ("LifecycleCommand", "object", "LifecycleCommand", False, 67),
]


def test_seed_every_parameter(seed: ReadResult) -> None:
    got = [
        (p.name, p.type, p.doc_type, p.required, p.source.line) for p in seed.operation.parameters
    ]
    assert got == SEED_PARAMETERS
    for param in seed.operation.parameters:
        assert param.location == "body"
        assert param.source.file == SEED and param.source.origin == "stated"
        # structure only: constraints are mining's job
        assert param.range is None and param.enum is None and param.default is None


def test_seed_descriptions_keep_bullets_and_drop_dot_artifacts(seed: ReadResult) -> None:
    op = seed.operation
    transition = op.parameter("LifecycleTransition")
    assert transition is not None
    assert transition.description == (
        "Scenario for performing the lifecycle hook. valid values:.\n"
        "- INSTANCE_LAUNCHING: the lifecycle hook is being scaled out.\n"
        "- INSTANCE_TERMINATING: scaling in lifecycle hook"
    )
    transition_type = op.parameter("LifecycleTransitionType")
    assert transition_type is not None
    assert transition_type.description.split("\n\n")[1].startswith("EXTENSION: the lifecycle hook")
    for _, param in model.walk_parameters(op.parameters):
        assert "•" not in param.description
        assert "\n- .\n" not in param.description + "\n"
        assert not param.description.endswith("- .")


def test_seed_parameter_text_lines(seed: ReadResult) -> None:
    text = seed.parameter_text
    assert text["AutoScalingGroupId"] == [
        (46, "Scaling group ID. obtain available scaling group ids in the following ways:."),
        (47, "- Query the scaling group ID by logging in to the console."),
        (
            49,
            "- Specifies the scaling group ID obtained by calling the api DescribeAutoScalingGroups "
            "and retrieving the AutoScalingGroupId from the return information.",
        ),
    ]
    assert text["HeartbeatTimeout"] == [
        (
            62,
            "The maximum length of time (in seconds) that can elapse before the lifecycle hook "
            "times out. Value range: 30-7200. Default value: 300",
        )
    ]
    # a continuation line of the row above (not a row of its own), as its own paragraph
    assert text["LifecycleTransitionType"][-1][0] == 66
    assert text["LifecycleTransitionType"][-1][1].startswith("EXTENSION: the lifecycle hook")
    assert [line for line, t in text["LifecycleTransition"] if t] == [52, 53, 55]
    # every line number points at the page line that holds the text
    lines = (ROOT / SEED).read_text(encoding="utf-8").split("\n")
    for entries in text.values():
        for number, value in entries:
            if value:
                assert value.removeprefix("- ") in lines[number - 1]
    assert set(text) == {p.name for p in seed.operation.parameters}


def test_seed_operation_text(seed: ReadResult) -> None:
    texts = [(line, t) for line, t in seed.operation_text if t]
    assert texts[0] == (
        12,
        "This interface (CreateLifecycleHook) is used for creating a lifecycle hook.",
    )
    assert texts[1] == (
        14,
        "- You can configure notifications or automation commands for the lifecycle hook.",
    )
    assert texts[2][0] == 16
    assert texts[-1] == (32, "A maximum of 20 requests can be initiated per second for this API.")
    joined = "\n".join(t for _, t in seed.operation_text)
    # the JSON notification sample and the API Explorer boilerplate are not prose
    assert '"Service"' not in joined and "API Explorer" not in joined
    assert "Domain name" not in joined
    # the description keeps the sample verbatim
    assert (
        '"LifecycleActionToken": "3080e1c9-0efe-4dd7-ad3b-90cd6618298f",'
        in seed.operation.description
    )


def test_seed_inferred_object_fields(seed: ReadResult) -> None:
    op = seed.operation
    target = op.parameter("NotificationTarget")
    command = op.parameter("LifecycleCommand")
    assert target is not None and command is not None
    assert [(f.name, f.type, f.source.line) for f in target.fields] == [
        ("TargetType", "string", 151),
        ("TopicName", "string", 152),
        ("QueueName", "string", 186),
    ]
    assert [(f.name, f.type, f.source.line) for f in command.fields] == [
        ("CommandId", "string", 217),
        ("Parameters", "string", 218),
    ]
    for param in target.fields + command.fields:
        assert param.source.origin == "inferred"
        assert param.source.file == SEED
        assert param.source.quote is not None and param.name in param.source.quote
        assert param.required is False
        assert param.location == "body"
    assert command.fields[1].example == '{"var1":"ck"}'
    # inferred fields have no prose of their own
    assert "NotificationTarget.TargetType" not in seed.parameter_text


def test_seed_example_values(seed: ReadResult) -> None:
    op = seed.operation
    timeout = op.parameter("HeartbeatTimeout")
    assert timeout is not None and timeout.example == "360"  # first example that shows it


def test_seed_21_error_codes(seed: ReadResult) -> None:
    codes = [e.code for e in seed.operation.errors]
    assert codes == [
        "InternalError",
        "InternalError.CallCmqError",
        "InternalError.CallTATError",
        "InternalError.CalleeError",
        "InvalidParameter",
        "InvalidParameter.ActionNotFound",
        "InvalidParameter.Conflict",
        "InvalidParameterValue",
        "InvalidParameterValue.Filter",
        "InvalidParameterValue.InvalidAutoScalingGroupId",
        "InvalidParameterValue.LifecycleHookNameDuplicated",
        "InvalidParameterValue.Range",
        "LimitExceeded.QuotaNotEnough",
        "MissingParameter",
        "ResourceNotFound.AutoScalingGroupNotFound",
        "ResourceNotFound.CmqQueueNotFound",
        "ResourceNotFound.CommandNotFound",
        "ResourceNotFound.TDMQCMQQueueNotFound",
        "ResourceNotFound.TDMQCMQTopicNotFound",
        "ResourceUnavailable.CmqTopicHasNoSubscriber",
        "ResourceUnavailable.TDMQCMQTopicHasNoSubscriber",
    ]
    assert [e.source.line for e in seed.operation.errors] == list(range(247, 268))
    assert all(e.status is None for e in seed.operation.errors)  # errors come with HTTP 200
    first = seed.operation.errors[0]
    assert first.meaning == "An internal error occurred."
    assert seed.operation.errors[-1].meaning == "The TDMQ-CMQ topic is not subscribed."


def test_seed_response(seed: ReadResult) -> None:
    got = [(p.name, p.type, p.location, p.source.line) for p in seed.operation.response]
    assert got == [("LifecycleHookId", "string", "body", 72), ("RequestId", "string", "body", 73)]


def test_seed_examples(seed: ReadResult) -> None:
    examples = seed.operation.examples
    http = [e for e in examples if e.format == "http"]
    bodies = [e for e in examples if e.kind == "request" and e.format == "json"]
    responses = [e for e in examples if e.kind == "response"]
    assert len(http) == len(bodies) == len(responses) == 5
    assert [e.source.line for e in http] == [83, 112, 139, 173, 207]
    assert [e.source.line for e in bodies] == [89, 118, 145, 179, 213]
    assert [e.source.line for e in responses] == [99, 126, 160, 194, 227]
    assert http[0].title == "Creating a Lifecycle Hook"
    assert http[0].body.startswith("POST / HTTP/1.1\nHost: as.intl.tencentcloudapi.com\n")
    assert '\n\n{\n    "AutoScalingGroupId"' in http[0].body  # dedented, blank line kept
    assert bodies[4].body.split("\n")[0] == "{"
    assert '"Parameters": "{\\"var1\\":\\"ck\\"}"' in bodies[4].body  # verbatim backslashes
    assert responses[0].body.startswith('{\n    "Response": {')


def test_read_is_deterministic() -> None:
    first = model.jsonable(read(SEED).operation)
    second = model.jsonable(read(SEED).operation)
    assert first == second


# --- the fixture: another operation of the same family ---------------------------------------


def test_fixture_parameters(fixture: ReadResult) -> None:
    op = fixture.operation
    assert op.name == op.action == "DescribeAutoScalingGroups"
    assert op.api_version == "2018-04-19"
    got = [(p.name, p.type, p.items, p.doc_type, p.required, p.location) for p in op.parameters]
    assert got == [
        ("AutoScalingGroupIds", "array", "string", "Array of String", False, "body"),
        ("Filters", "array", "object", "Array of Filter", False, "body"),
        ("Limit", "integer", None, "Integer", False, "body"),
        ("Offset", "integer", None, "Integer", False, "body"),
    ]
    filters = op.parameter("Filters")
    assert filters is not None
    assert [(f.name, f.type, f.items, f.source.origin) for f in filters.fields] == [
        ("Values", "array", "string", "inferred"),
        ("Name", "string", None, "inferred"),
    ]
    assert filters.fields[1].source.line == line_of(FIXTURE, '"Name": "tag:city"')


def test_fixture_parameter_text(fixture: ReadResult) -> None:
    text = fixture.parameter_text["Filters"]
    non_blank = [(line, t) for line, t in text if t]
    assert non_blank[0] == (line_of(FIXTURE, "Filters No Array of Filter"), "Filter criteria")
    assert non_blank[1][1].startswith("- auto-scaling-group-id - String")
    # the plain line between two bullets belongs to Filters, as a paragraph
    spec_line = line_of(FIXTURE, "Specifies the scaling group ID obtained by logging in")
    assert (spec_line, "") in text and spec_line in [line for line, _ in non_blank]
    last = line_of(FIXTURE, "The maximum number of Filters per request is 10")
    assert non_blank[-1][0] == last
    assert sum(1 for _, t in non_blank if t.startswith("- ")) == 7
    assert fixture.parameter_text["Limit"] == [
        (
            line_of(FIXTURE, "Limit No Integer"),
            "Number of returned results. Default value: 20. Maximum value: 100. For more "
            "information on Limit, see the relevant section in the API overview.",
        )
    ]


def test_fixture_response_fields_from_examples(fixture: ReadResult) -> None:
    op = fixture.operation
    assert [p.name for p in op.response] == ["AutoScalingGroupSet", "TotalCount", "RequestId"]
    groups = op.response[0]
    assert (groups.type, groups.items, groups.doc_type) == (
        "array",
        "object",
        "Array of AutoScalingGroup",
    )
    fields = {f.name: f for f in groups.fields}
    assert fields["MaxSize"].type == "integer"
    assert fields["SubnetIdSet"].type == "array" and fields["SubnetIdSet"].items == "string"
    settings = fields["InstanceNameIndexSettings"]
    assert [(f.name, f.type) for f in settings.fields] == [
        ("BeginIndex", "integer"),
        ("Enabled", "boolean"),
    ]
    # Tags is [] in the first example, a list of objects in the second
    assert fields["Tags"].items == "object"
    assert [f.name for f in fields["Tags"].fields] == ["Key", "ResourceType", "Value"]
    # null says nothing about a type: left out, with a note
    assert "SpotMixedAllocationPolicy" not in fields
    assert any("SpotMixedAllocationPolicy" in n for n in op.notes)


def test_fixture_errors_and_operation_text(fixture: ReadResult) -> None:
    op = fixture.operation
    assert len(op.errors) == 12
    assert op.errors[0].code == "InvalidParameter.ActionNotFound"
    assert op.errors[-1].code == "UnsupportedOperation"
    assert all(e.status is None for e in op.errors)
    rate = line_of(FIXTURE, "A maximum of 20 requests")
    assert (
        rate,
        "A maximum of 20 requests can be initiated per second for this API.",
    ) in fixture.operation_text
    assert op.endpoint == "as.intl.tencentcloudapi.com"
    assert len([e for e in op.examples if e.format == "http"]) == 2


# --- bad input ----------------------------------------------------------------------------------


def seed_text() -> str:
    return (ROOT / SEED).read_text(encoding="utf-8")


def problem(text: str) -> tuple[str, int, str]:
    with pytest.raises(SpecgenError) as err:
        tencent_text.read(page(SEED, text))
    assert len(err.value.problems) == 1
    found = err.value.problems[0]
    return found.file, found.line, found.message


def test_required_column_not_yes_no() -> None:
    text = seed_text().replace("HeartbeatTimeout No Integer", "HeartbeatTimeout Maybe Integer")
    file, line, message = problem(text)
    assert (file, line) == (SEED, 62)
    assert "HeartbeatTimeout" in message and "'Maybe'" in message and "Yes or No" in message


def test_truncated_page_without_input_parameters() -> None:
    lines = seed_text().split("\n")[:36]
    file, line, message = problem("\n".join(lines))
    assert (file, line) == (SEED, 36)
    assert "Input Parameters" in message


def test_input_section_without_rows() -> None:
    lines = seed_text().split("\n")[:42]  # stops right after the table header
    file, line, message = problem("\n".join(lines))
    assert (file, line) == (SEED, 38)
    assert "no parameter rows" in message


def test_missing_version_row() -> None:
    text = "\n".join(x for x in seed_text().split("\n") if not x.startswith("Version Yes"))
    file, line, message = problem(text)
    assert file == SEED and "Version" in message


def test_unknown_lowercase_type() -> None:
    text = seed_text().replace("HeartbeatTimeout No Integer", "HeartbeatTimeout No integr")
    file, line, message = problem(text)
    assert (file, line) == (SEED, 62) and "'integr'" in message


def test_broken_example_json_is_a_note_not_a_guess() -> None:
    text = seed_text().replace('"TopicName": "one-topic"', '"TopicName": "one-topic",,')
    result = read(SEED, text)
    target = result.operation.parameter("NotificationTarget")
    assert target is not None
    # example 3 is skipped; example 4 still shows TargetType and QueueName
    assert [f.name for f in target.fields] == ["TargetType", "QueueName"]
    assert any("line 152" in n and "not valid JSON" in n for n in result.operation.notes)


def test_hostile_text_stays_text() -> None:
    nasty = 'Lifecycle """hook""" name {{ config }} with \\ backslash and {% raw %}.'
    text = seed_text().replace(
        "Lifecycle hook name, which can contain Chinese characters", nasty + " Chinese characters"
    )
    result = read(SEED, text)
    param = result.operation.parameter("LifecycleHookName")
    assert param is not None and param.description.startswith(nasty)
    assert result.parameter_text["LifecycleHookName"][0] == (51, param.description)


def test_example_key_missing_from_the_table_is_noted() -> None:
    text = seed_text().replace(
        '"HeartbeatTimeout": 360', '"HeartbeatTimeout": 360,\n        "Bogus": 1'
    )
    result = read(SEED, text)
    assert any("'Bogus'" in n and "line 95" in n for n in result.operation.notes)
    assert result.operation.parameter("Bogus") is None


def test_prose_shaped_like_a_row_is_not_an_error() -> None:
    # a continuation line that happens to put a type name third stays prose
    text = seed_text().replace(
        "    EXTENSION: the lifecycle hook",
        "    the value String is case-sensitive.\n    EXTENSION: the lifecycle hook",
    )
    result = read(SEED, text)
    assert [p.name for p in result.operation.parameters] == [row[0] for row in SEED_PARAMETERS]
    assert (66, "the value String is case-sensitive.") in result.parameter_text[
        "LifecycleTransitionType"
    ]


@pytest.mark.parametrize("bad", ["Required", "Optional", "-", "Y"])
def test_other_required_spellings_fail(bad: str) -> None:
    text = seed_text().replace("DefaultResult No String", f"DefaultResult {bad} String")
    file, line, message = problem(text)
    assert (file, line) == (SEED, 57) and repr(bad) in message


# --- timestamps -----------------------------------------------------------------------------------


def test_timestamp_iso8601_rows_are_date_time() -> None:
    text = seed_text().replace(
        "NotificationMetadata No String", "NotificationMetadata No Timestamp ISO8601", 1
    )
    assert text != seed_text()
    op = read(SEED, text).operation
    found = {p.name: p for p in op.parameters}
    assert (found["NotificationMetadata"].type, found["NotificationMetadata"].format) == (
        "string",
        "date-time",
    )
    assert found["LifecycleHookName"].format is None
