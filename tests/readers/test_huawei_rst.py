"""The Huawei / Open Telekom Cloud RST reader: the two seed pages in full, the three other
lifecycle-hook pages and two fixture pages of other AS operations as unseen pages, line numbers,
sniffing and bad input."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from generator import model, spec_io
from generator.errors import SpecgenError
from generator.readers import Page, ReadResult, huawei_rst
from generator.readers.huawei_rst.line_numbers import node_line
from generator.readers.huawei_rst.naming import operation_name

ROOT = Path(__file__).resolve().parents[2]
HUAWEI = "sources/huawei"
FIXTURES = "tests/fixtures/huawei-rst"
CREATE = f"{HUAWEI}/creating_a_lifecycle_hook.rst"
CALLBACK = f"{HUAWEI}/calling_back_a_lifecycle_hook.rst"
DELETE = f"{HUAWEI}/deleting_a_lifecycle_hook.rst"
SHOW = f"{HUAWEI}/querying_a_lifecycle_hook.rst"
LIST = f"{HUAWEI}/querying_lifecycle_hooks.rst"
ACTION_LOGS = f"{FIXTURES}/querying_scaling_action_logs.rst"
TAG = f"{FIXTURES}/creating_a_tag.rst"
ALL_PAGES = [CREATE, CALLBACK, DELETE, SHOW, LIST, ACTION_LOGS, TAG]

ABNORMAL = [400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504]


def load(rel: str) -> Page:
    path = ROOT / rel
    return Page(rel, str(path), path.read_text(encoding="utf-8").replace("\r\n", "\n"))


def text_page(text: str, rel: str = "pages/page.rst") -> Page:
    return Page(rel, rel, text)


def read_one(page: Page) -> ReadResult:
    out = huawei_rst.read(page)
    assert len(out.results) == 1
    return out.results[0]


def read(rel: str) -> ReadResult:
    return read_one(load(rel))


def facts(params: list[model.Parameter]) -> list[tuple[str, str, str, bool]]:
    return [(p.name, p.location, p.type, p.required) for p in params]


def failure(page: Page) -> tuple[int, str]:
    with pytest.raises(SpecgenError) as caught:
        huawei_rst.read(page)
    (problem,) = caught.value.problems
    assert problem.file == page.path
    assert "\n" not in str(caught.value)
    return problem.line, problem.message


# --- the whole service ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "name", "version"),
    [
        (f"{HUAWEI}/creating_an_as_policy.rst", "CreateScalingPolicy", "v1"),
        (f"{HUAWEI}/creating_an_as_policy_v2.rst", "CreateScalingV2Policy", "v2"),
        (f"{HUAWEI}/querying_scaling_action_logs_v2.rst", "ListScalingActivityV2Logs", "v2"),
        (f"{HUAWEI}/querying_api_versions.rst", "ListApiVersions", "v1"),
        (f"{HUAWEI}/querying_an_api_version.rst", "ShowApiVersion", "v1"),
    ],
)
def test_v1_and_v2_pages_are_operations_of_their_own(rel: str, name: str, version: str) -> None:
    op = read(rel).operation
    assert (op.name, op.api_version, op.service) == (name, version, "as")
    assert op.provenance["name"].origin == "human"


def test_every_page_of_the_service_reads_into_an_operation_of_its_own() -> None:
    pages = sorted((ROOT / HUAWEI).glob("*.rst"))
    results = [read(str(path.relative_to(ROOT))) for path in pages]
    names = {result.operation.name for result in results}
    assert len(pages) == len(names) == 44
    assert {result.operation.service for result in results} == {"as"}


def test_a_title_the_api_names_do_not_know_keeps_its_derived_name() -> None:
    page = URI_QUERY_PAGE.replace("/autoscaling-api/", "/other-api/")
    op = read_one(text_page(page)).operation
    assert op.provenance["name"].origin == "inferred"
    assert op.service == "other"


def test_an_endpoint_the_sdk_splits_by_action_names_the_others_in_a_note() -> None:
    op = read(f"{HUAWEI}/enabling_or_disabling_an_as_group.rst").operation
    assert op.name == "ResumeScalingGroup"
    assert any("PauseScalingGroup" in note for note in op.notes)


def test_an_escaped_name_is_read_as_the_uri_spells_it() -> None:
    result = read(f"{HUAWEI}/deleting_an_as_configuration.rst")
    (param,) = [p for p in result.operation.parameters if p.location == "path"][1:]
    assert param.name == "scaling_configuration_id"
    assert param.source.line == 29
    assert any("'scaling_ configuration _id'" in n and "guess" in n for n in result.operation.notes)


def test_an_escaped_name_the_uri_does_not_spell_still_fails() -> None:
    lines = load(f"{HUAWEI}/deleting_an_as_configuration.rst").text
    page = lines.replace("{scaling_configuration_id}", "{config_id}")
    line, message = failure(text_page(page))
    assert line == 29 and "is not a parameter name" in message


def test_fields_the_example_shows_as_null_are_nullable() -> None:
    op = read(f"{HUAWEI}/querying_an_as_group.rst").operation
    (group,) = op.response
    by_name = {f.name: f for f in group.fields}
    assert by_name["detail"].nullable is True
    assert by_name["scaling_group_name"].nullable is None


# --- the seeds ---------------------------------------------------------------------------


def test_create_operation_facts() -> None:
    op = read(CREATE).operation
    assert (op.provider, op.service, op.api_version, op.protocol, op.family) == (
        "huawei",
        "as",
        "v1",
        "huawei-rest",
        "huawei-rst",
    )
    # the SDK's name, typo included: the page states none
    assert op.name == "CreateLifyCycleHook"
    assert op.provenance["name"] == model.Source(
        CREATE, 5, "human", quote="huaweicloudsdkas CreateLifyCycleHookRequest"
    )
    assert op.title == "Creating a Lifecycle Hook"
    assert op.method == "POST"
    assert op.path == "/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}"
    assert op.provenance["method"].line == op.provenance["path"].line == 19
    assert op.provenance["api_version"] == model.Source(CREATE, 19)
    assert op.success_status == 200
    assert op.provenance["success_status"] == model.Source(CREATE, 138)
    assert op.summary == "This interface is used to create a lifecycle hook for an AS group."
    assert op.provenance["summary"].line == 11
    assert op.source == model.Source(CREATE, 1)
    assert "line 1: original_name as_06_0901.html" in op.notes


def test_create_parameters() -> None:
    op = read(CREATE).operation
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("lifecycle_hook_name", "body", "string", True),
        ("lifecycle_hook_type", "body", "string", True),
        ("default_result", "body", "string", False),
        ("default_timeout", "body", "integer", False),
        ("notification_topic_urn", "body", "string", True),
        ("notification_metadata", "body", "string", False),
    ]
    assert [p.source.line for p in op.parameters] == [26, 27, 38, 40, 45, 56, 60, 64]
    timeout = op.parameter("default_timeout")
    assert timeout is not None and timeout.doc_type == "Integer" and timeout.items is None
    # structure only: prose constraints are left to mining
    assert all(p.range is None and p.enum is None and p.default is None for p in op.parameters)


def test_create_descriptions_are_plain_text() -> None:
    op = read(CREATE).operation
    hook_type = op.parameter("lifecycle_hook_type")
    assert hook_type is not None
    assert hook_type.description == (
        "Specifies the lifecycle hook type. Options:\n\n"
        "- INSTANCE_TERMINATING: The hook suspends the instance when the instance is terminated.\n"
        "- INSTANCE_LAUNCHING: The hook suspends the instance when the instance is started."
    )
    result = op.parameter("default_result")
    assert result is not None
    blocks = result.description.split("\n\n")
    assert blocks[1] == "- ABANDON\n- CONTINUE"
    assert blocks[2].startswith("Note:\n- If an instance is starting, CONTINUE indicates")
    assert blocks[2].endswith("- The default value of this parameter is ABANDON.")
    assert "**" not in result.description


def test_create_parameter_text_lines() -> None:
    result = read(CREATE)
    timeout = result.parameter_text["default_timeout"]
    assert timeout[0] == (
        56,
        "Specifies the lifecycle hook timeout duration, which ranges from 60 to 86400 in the"
        " unit of second. The default value is 3600.",
    )
    assert timeout[1] == (57, "")
    assert timeout[2][0] == 58 and timeout[2][1].startswith("By default, this parameter")
    default_result = dict(result.parameter_text["default_result"])
    assert default_result[47] == "- ABANDON"
    assert default_result[48] == "- CONTINUE"
    assert default_result[50] == "Note:"
    assert default_result[54] == "- The default value of this parameter is ABANDON."
    assert result.parameter_text["lifecycle_hook_name"] == [
        (
            38,
            "Specifies the lifecycle hook name. The name contains only letters, digits,"
            " underscores (_), and hyphens (-), and cannot exceed 32 characters.",
        )
    ]
    assert set(result.parameter_text) == {p.name for p in result.operation.parameters}


def test_create_operation_text() -> None:
    result = read(CREATE)
    lines = dict(result.operation_text)
    assert lines[11].endswith("Up to five lifecycle hooks can be created for one AS group.")
    assert lines[13].startswith("- After the creation, when the AS group is resized")
    assert lines[14].startswith("- During the instance waiting duration")
    assert "Wait (Adding to AS group)" in lines[13]  # strong markup removed
    assert result.operation.description.startswith("This interface is used to create")
    assert "\n\n- After the creation" in result.operation.description


def test_create_response() -> None:
    op = read(CREATE).operation
    assert [(p.name, p.type, p.location, p.required) for p in op.response] == [
        ("lifecycle_hook_name", "string", "body", False),
        ("lifecycle_hook_type", "string", "body", False),
        ("default_result", "string", "body", False),
        ("default_timeout", "integer", "body", False),
        ("notification_topic_urn", "string", "body", False),
        ("notification_topic_name", "string", "body", False),
        ("notification_metadata", "string", "body", False),
        ("create_time", "string", "body", False),
    ]
    assert op.response[-1].source.line == 114


@pytest.mark.parametrize("rel", [CREATE, CALLBACK])
def test_seed_statuses(rel: str) -> None:
    op = read(rel).operation
    assert [s.status for s in op.statuses] == ABNORMAL
    first, last = op.statuses[0], op.statuses[-1]
    assert (first.reason, first.meaning) == (
        "Bad Request",
        "The server failed to process the request.",
    )
    assert (last.reason, last.meaning) == ("Gateway Timeout", "A gateway timeout error occurred.")
    page = load(rel).lines
    for status in op.statuses:
        assert page[status.source.line - 1].strip().startswith(f"| {status.status} ")


def test_create_examples() -> None:
    op = read(CREATE).operation
    kinds = [(e.kind, e.format, e.source.line) for e in op.examples]
    assert kinds == [("request", "http", 76), ("request", "json", 78), ("response", "json", 122)]
    request_line, body, response = op.examples
    assert request_line.body == (
        "POST https://{Endpoint}/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/"
        "e5d27f5c-dd76-4a61-b4bc-a67c5686719a"
    )
    assert json.loads(body.body) == {
        "lifecycle_hook_name": "test-hook1",
        "default_result": "ABANDON",
        "default_timeout": 3600,
        "notification_topic_urn": "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh",
        "lifecycle_hook_type": "INSTANCE_LAUNCHING",
    }
    assert body.body.startswith('{\n    "lifecycle_hook_name"')  # verbatim, dedented
    assert json.loads(response.body)["create_time"] == "2019-03-18T16:00:11Z"
    assert request_line.title is not None and request_line.title.startswith("This example creates")
    # example values reach the parameters they belong to
    values = {p.name: p.example for p in op.parameters}
    assert values["scaling_group_id"] == "e5d27f5c-dd76-4a61-b4bc-a67c5686719a"
    assert values["project_id"] is None  # left as {project_id} in the example
    assert values["lifecycle_hook_name"] == "test-hook1"
    assert values["default_timeout"] == "3600"
    assert values["notification_metadata"] is None


def test_create_links() -> None:
    op = read(CREATE).operation
    assert [(link.text, link.target, link.source.line) for link in op.links] == [
        ("Error Codes", "as_07_0102", 177)
    ]


def test_callback() -> None:
    result = read(CALLBACK)
    op = result.operation
    assert op.name == "AttachCallbackInstanceLifeCycleHook"
    assert op.method == "PUT"
    assert (
        op.path
        == "/autoscaling-api/v1/{project_id}/scaling_instance_hook/{scaling_group_id}/callback"
    )
    assert op.success_status == 204
    assert op.provenance["success_status"].line == 87
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("lifecycle_action_key", "body", "string", False),
        ("instance_id", "body", "string", False),
        ("lifecycle_hook_name", "body", "string", False),
        ("lifecycle_action_result", "body", "string", True),
    ]
    assert op.response == []
    assert [(e.kind, e.format, e.source.line) for e in op.examples] == [
        ("request", "http", 65),
        ("request", "json", 67),
    ]
    assert json.loads(op.examples[1].body) == {
        "lifecycle_action_result": "ABANDON",
        "lifecycle_action_key": "23880867-6288-4470-98a8-f8bda096b6c4",
    }
    key = op.parameter("lifecycle_action_key")
    assert key is not None and key.description.startswith(
        "Specifies the lifecycle operation token, which is obtained by calling the API for"
        " querying instance suspension."
    )
    assert [(link.text, link.target, link.source.line) for link in op.links] == [
        ("querying instance suspension", "as_06_0906", 39),
        ("Error Codes", "as_07_0102", 126),
    ]
    text = dict(result.parameter_text["lifecycle_action_result"])
    assert text[53] == "- ABANDON: terminates the instance."
    assert text[55] == "- EXTEND: extends the timeout duration, one hour each time."
    assert dict(result.parameter_text["instance_id"])[45].startswith("When a lifecycle callback")
    assert dict(result.operation_text)[15] == (
        "- The callback operation can be performed only when the lifecycle hook of the target"
        " instance is in HANGING state."
    )


# --- unseen pages ------------------------------------------------------------------------


def test_delete_basics() -> None:
    op = read(DELETE).operation
    assert (op.name, op.method, op.success_status) == ("DeleteLifecycleHook", "DELETE", 204)
    assert op.path == (
        "/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}/{lifecycle_hook_name}"
    )
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("lifecycle_hook_name", "path", "string", True),
    ]
    assert op.parameter("lifecycle_hook_name").example == "test-hook1"  # type: ignore[union-attr]
    assert op.response == []
    assert [s.status for s in op.statuses] == ABNORMAL
    assert [(e.kind, e.format) for e in op.examples] == [("request", "http")]
    assert dict(read(DELETE).operation_text)[13].startswith("When a scaling action is being")


def test_show_basics() -> None:
    op = read(SHOW).operation
    assert (op.name, op.method, op.success_status) == ("ShowLifeCycleHook", "GET", 200)
    assert [p.location for p in op.parameters] == ["path", "path", "path"]
    assert [p.name for p in op.response] == [
        "lifecycle_hook_name",
        "lifecycle_hook_type",
        "default_result",
        "default_timeout",
        "notification_topic_urn",
        "notification_topic_name",
        "notification_metadata",
        "create_time",
    ]
    assert [s.status for s in op.statuses] == ABNORMAL
    assert op.examples[-1].kind == "response" and op.examples[-1].source.line == 78


def test_list_basics_with_nested_response_table() -> None:
    op = read(LIST).operation
    assert (op.name, op.method, op.success_status) == ("ListLifeCycleHooks", "GET", 200)
    assert op.path.endswith("/scaling_lifecycle_hook/{scaling_group_id}/list")
    assert [p.name for p in op.parameters] == ["project_id", "scaling_group_id"]
    (hooks,) = op.response
    assert (hooks.name, hooks.type, hooks.items) == ("lifecycle_hooks", "array", "object")
    assert hooks.doc_type == "Array of lifecycle_hooks objects"
    assert [f.name for f in hooks.fields] == [
        "lifecycle_hook_name",
        "lifecycle_hook_type",
        "default_result",
        "default_timeout",
        "notification_topic_urn",
        "notification_topic_name",
        "notification_metadata",
        "create_time",
    ]
    assert [f.source.line for f in hooks.fields][:3] == [59, 61, 66]
    assert hooks.fields[3].type == "integer"
    assert [s.status for s in op.statuses] == ABNORMAL
    assert not any("describes fields" in note for note in op.notes)
    assert [link.target for link in op.links] == [
        "as_06_0902__table5077231195423",
        "as_06_0902__table5077231195423",
        "as_07_0102",
    ]


# --- fixture pages of other operations ---------------------------------------------------


def test_fixture_query_parameters_and_nested_objects() -> None:
    result = read(ACTION_LOGS)
    op = result.operation
    assert (op.name, op.method, op.success_status) == ("ListScalingActivityLogs", "GET", 200)
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("scaling_group_id", "path", "string", True),
        ("start_time", "query", "string", False),
        ("end_time", "query", "string", False),
        ("start_number", "query", "integer", False),
        ("limit", "query", "integer", False),
    ]
    values = {p.name: p.example for p in op.parameters}
    assert values["start_time"] == "2018-11-22T00:00:00Z" and values["limit"] == "20"
    assert values["end_time"] is None
    # a cell paragraph wrapped over two lines keeps a line per part, the note its own line
    assert result.parameter_text["limit"] == [
        (47, "Specifies the number of query records. The default value is 20. The value"),
        (48, "range is 0 to 100."),
        (49, ""),
        (52, "Note: If limit is 0, the default value 20 is used."),
    ]
    limit = op.parameter("limit")
    assert limit is not None and limit.description == (
        "Specifies the number of query records. The default value is 20. The value range is"
        " 0 to 100.\n\nNote: If limit is 0, the default value 20 is used."
    )
    log = op.response[-1]
    assert (log.name, log.type, log.items) == ("scaling_activity_log", "array", "object")
    assert [(f.name, f.type, f.items) for f in log.fields] == [
        ("status", "string", None),
        ("start_time", "string", None),
        ("id", "string", None),
        ("instance_value", "integer", None),
        ("removed_instances", "array", "string"),
        ("instance_config", "object", None),
    ]
    assert log.fields[0].description.endswith("- DOING: The scaling action is in progress.")
    assert log.fields[1].description == (
        "Specifies the start time of the scaling action. The time format must comply with UTC."
    )
    config = log.fields[-1]
    assert config.doc_type == "instance_config object"
    assert [(f.name, f.source.line) for f in config.fields] == [
        ("flavor_ref", 108),
        ("image_ref", 109),
    ]
    assert [s.status for s in op.statuses] == [400, 404, 500]
    assert "start_time" not in [p.name for p in op.response]


def test_fixture_nested_request_table_linked_by_title() -> None:
    result = read(TAG)
    op = result.operation
    assert (op.name, op.method, op.success_status) == ("CreateScalingTagInfo", "POST", 204)
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("resource_type", "path", "string", True),
        ("resource_id", "path", "string", True),
        ("tags", "body", "array", True),
        ("action", "body", "string", True),
    ]
    tags = op.parameter("tags")
    assert tags is not None and tags.items == "object"
    assert [(f.name, f.location, f.type, f.required) for f in tags.fields] == [
        ("key", "body", "string", True),
        ("value", "body", "string", False),
    ]
    assert result.parameter_text["tags.key"] == [
        (54, "Specifies the resource tag key. It contains a maximum of"),
        (55, "36 Unicode characters and cannot be left blank."),
        (56, ""),
        (59, "Note: The key must be unique for one resource."),
    ]
    assert result.parameter_text["tags.value"][1] == (61, "43 Unicode characters.")
    assert op.parameter("resource_type").example == "scaling_group_tag"  # type: ignore[union-attr]
    assert op.parameter("action").example == "create"  # type: ignore[union-attr]
    assert dict(result.operation_text)[15].startswith(
        "Note: If a tag to be created has the same key"
    )
    assert op.response == []


URI_QUERY_PAGE = """\
Querying AS Groups
==================

Function
--------

This interface is used to query AS groups based on search criteria.

URI
---

GET /autoscaling-api/v1/{project_id}/scaling_group

.. table:: **Table 1** Parameter description

   ================== ========= ======= ===============================================
   Parameter          Mandatory Type    Description
   ================== ========= ======= ===============================================
   project_id         Yes       String  Specifies the project ID.
   scaling_group_name No        String  Specifies the AS group name. Contains \"\"\" and
                                        {{ x }} and a\\\\b.
   limit              No        Integer Specifies the number of query records.
   ================== ========= ======= ===============================================

Request
-------

None

Returned Values
---------------

-  Normal

   200
"""


def test_uri_table_names_outside_the_path_are_query_parameters() -> None:
    result = read_one(text_page(URI_QUERY_PAGE))
    op = result.operation
    assert op.name == "ListScalingGroups"
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("scaling_group_name", "query", "string", False),
        ("limit", "query", "integer", False),
    ]
    # untrusted text stays text: quotes, braces and an (escaped) backslash survive
    name = op.parameter("scaling_group_name")
    assert name is not None and name.description == (
        'Specifies the AS group name. Contains """ and {{ x }} and a\\b.'
    )
    assert result.parameter_text["scaling_group_name"] == [
        (20, 'Specifies the AS group name. Contains """ and'),
        (21, "{{ x }} and a\\b."),
    ]
    assert op.statuses == [] and op.success_status == 200


def test_path_placeholder_without_a_row_still_becomes_a_path_parameter() -> None:
    page = URI_QUERY_PAGE.replace("/scaling_group\n", "/scaling_group/{scaling_group_id}\n")
    op = read_one(text_page(page)).operation
    group = op.parameter("scaling_group_id")
    assert group is not None
    assert (group.location, group.required, group.source.line) == ("path", True, 12)
    assert any("scaling_group_id is not described" in note for note in op.notes)


# --- line numbers everywhere -------------------------------------------------------------


def _plain_source_line(line: str) -> str:
    line = re.sub(r":ref:`([^`<]*?)\s*<[^`>]*>`", r"\1", line)
    line = line.replace("\\ ", "").replace("\\\\", "\\").replace("**", "")
    return " ".join(line.split())


@pytest.mark.parametrize("rel", ALL_PAGES)
def test_every_text_line_cites_the_page_line_that_holds_it(rel: str) -> None:
    result = read(rel)
    page = load(rel).lines
    texts = [*result.operation_text]
    for lines in result.parameter_text.values():
        texts.extend(lines)
    assert texts
    for line, text in texts:
        words = re.sub(r"^\s*(?:- |\d+\. )?(?:Note: ?)?", "", text).strip()
        if not words or words == "Note:":
            continue
        assert " ".join(words.split()[:4]) in _plain_source_line(page[line - 1]), (line, text)


@pytest.mark.parametrize("rel", ALL_PAGES)
def test_every_fact_cites_its_line(rel: str) -> None:
    op = read(rel).operation
    page = load(rel).lines
    for _, param in model.walk_parameters(op.parameters) + model.walk_parameters(op.response):
        assert param.source.file == rel
        assert re.search(rf"(^|\s|\|){re.escape(param.name)}(\s|\||$)", page[param.source.line - 1])
    for example in op.examples:
        assert example.body.split("\n")[0].strip() == page[example.source.line - 1].strip()
    assert page[op.provenance["path"].line - 1].strip() == f"{op.method} {op.path}"
    assert page[op.provenance["success_status"].line - 1].strip() == str(op.success_status)
    for link in op.links:
        assert f"<{link.target}>`" in page[link.source.line - 1]


@pytest.mark.parametrize("rel", ALL_PAGES)
def test_output_is_deterministic_and_relative(rel: str) -> None:
    first = spec_io.dump_operation(read(rel).operation)
    assert first == spec_io.dump_operation(read(rel).operation)
    assert str(ROOT) not in first


def test_docutils_reports_nothing_itself(capsys: pytest.CaptureFixture[str]) -> None:
    read(CREATE)
    with pytest.raises(SpecgenError):
        huawei_rst.read(text_page("\n".join(load(CREATE).lines[:60])))
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


# --- sniffing ----------------------------------------------------------------------------


@pytest.mark.parametrize("rel", ALL_PAGES)
def test_sniff_accepts_the_family(rel: str) -> None:
    assert huawei_rst.sniff(load(rel))


def test_sniff_accepts_a_page_without_original_name() -> None:
    assert huawei_rst.sniff(text_page(URI_QUERY_PAGE))
    text = "\n".join(load(CREATE).lines[2:])  # no :original_name: field
    assert huawei_rst.sniff(text_page(text))


@pytest.mark.parametrize(
    "rel",
    [
        "sources/alibaba/CreateLifecycleHook.md",
        "sources/tencent/CreateLifecycleHook.txt",
        "sources/aws/putLifecycleHook.txt",
        "sources/tencent/model/api.json",
    ],
)
def test_sniff_rejects_other_families(rel: str) -> None:
    assert not huawei_rst.sniff(load(rel))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "just some plain text\nGET /v1/x\n",
        "URI\n---\n\nGET /v1/{project_id}/groups\n\n| a | b |\n|---|---|\n",  # Markdown
        '{"URI": "GET /v1/x"}',
        "Creating a Lifecycle Hook\n=========================\n\nNo URI section here.\n",
    ],
)
def test_sniff_rejects_look_alikes(text: str) -> None:
    assert not huawei_rst.sniff(text_page(text))


# --- bad input ---------------------------------------------------------------------------


def test_truncated_grid_table_fails_at_its_end() -> None:
    text = "\n".join(load(CREATE).lines[:60]) + "\n"
    line, message = failure(text_page(text, "pages/truncated.rst"))
    assert line == 60
    assert "Malformed table" in message


def test_grid_row_with_missing_cells_fails_at_the_row() -> None:
    lines = load(CREATE).lines
    assert lines[44].startswith("   | default_result ")
    lines[44] = "   | default_result         | No              " + lines[44][66:]
    line, message = failure(text_page("\n".join(lines), "pages/missing.rst"))
    assert line == 45
    assert "Malformed table" in message


def test_simple_table_row_with_missing_cells_fails_at_the_row() -> None:
    page = URI_QUERY_PAGE.replace(
        "   limit              No        Integer Specifies the number of query records.",
        "   limit              No",
    )
    line, message = failure(text_page(page))
    assert line == 22
    assert "'limit'" in message and "empty 'type' cell" in message


def test_page_without_uri_line_fails_at_the_uri_section() -> None:
    lines = load(CREATE).lines
    assert lines[18].startswith("POST /autoscaling-api")
    del lines[18]
    line, message = failure(text_page("\n".join(lines), "pages/no_uri.rst"))
    assert line == 16
    assert "no URI line" in message


def test_page_without_uri_section_fails_at_the_title() -> None:
    page = URI_QUERY_PAGE.replace(
        "URI\n---\n\nGET /autoscaling-api/v1/{project_id}/scaling_group\n", ""
    )
    line, message = failure(text_page(page))
    assert line == 1 and "no URI line" in message


def test_unknown_type_fails() -> None:
    page = URI_QUERY_PAGE.replace(
        "limit              No        Integer", "limit              No        Quux   "
    )
    line, message = failure(text_page(page))
    assert line == 22 and "unknown type 'Quux'" in message


def test_unreadable_mandatory_value_fails() -> None:
    page = URI_QUERY_PAGE.replace("limit              No        ", "limit              Maybe     ")
    line, message = failure(text_page(page))
    assert line == 22 and "Mandatory" in message


def test_unknown_directive_fails_with_its_line() -> None:
    page = URI_QUERY_PAGE.replace("None\n", "None\n\n.. literalinclude:: /etc/passwd\n")
    line, message = failure(text_page(page))
    assert line == 30 and "literalinclude" in message


def test_include_is_never_followed() -> None:
    page = URI_QUERY_PAGE.replace("None\n", "None\n\n.. include:: /etc/hostname\n")
    result = read_one(text_page(page))
    assert any('"include" directive disabled' in note for note in result.operation.notes)


def test_unreadable_normal_status_fails() -> None:
    page = URI_QUERY_PAGE.replace("   200\n", "   OK\n")
    line, message = failure(text_page(page))
    assert line == 35 and "status code" in message


# --- operation names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Creating a Lifecycle Hook", "CreateLifecycleHook"),
        ("Querying Lifecycle Hooks", "ListLifecycleHooks"),
        ("Querying a Lifecycle Hook", "ShowLifecycleHook"),
        ("Calling Back a Lifecycle Hook", "CallbackLifecycleHook"),
        ("Deleting a Lifecycle Hook", "DeleteLifecycleHook"),
        ("Modifying a Lifecycle Hook", "UpdateLifecycleHook"),
        ("Updating an AS Group", "UpdateASGroup"),
        ("Querying Details About an AS Group", "ShowASGroup"),
        ("Batch Deleting AS Groups", "BatchDeleteASGroups"),
        ("Enabling or Disabling an AS Group", "EnableOrDisableASGroup"),
        ("Querying AS Group Quotas", "ListASGroupQuotas"),
    ],
)
def test_operation_name_from_title(title: str, name: str) -> None:
    assert operation_name(title) == (name, True)


def test_operation_name_of_an_unknown_verb_is_marked() -> None:
    assert operation_name("Lifecycle Hook Overview") == ("LifecycleHookOverview", False)


# --- other page styles -------------------------------------------------------------------

NEWER_STYLE_PAGE = """\
Querying AS Group Quotas
------------------------

Functions
~~~~~~~~~

This API is used to query the total quotas and used quotas of AS groups.

URI
~~~

.. code-block::

   GET /autoscaling-api/v1/{project_id}/quotas

.. table:: **Table 1** Path Parameters

   ========== ========= ====== =========================
   Parameter  Mandatory Type   Description
   ========== ========= ====== =========================
   project_id Yes       String Specifies the project ID.
   ========== ========= ====== =========================

Request Parameters
~~~~~~~~~~~~~~~~~~

.. table:: **Table 2** Request header parameters

   ============ ========= ====== ===========================
   Parameter    Mandatory Type   Description
   ============ ========= ====== ===========================
   X-Auth-Token Yes       String Specifies the user token.
   ============ ========= ====== ===========================

Response Parameters
~~~~~~~~~~~~~~~~~~~

.. table:: **Table 3** Response body parameters

   ========= ============= ===================================
   Parameter Type          Description
   ========= ============= ===================================
   quotas    quotas object Specifies the quota details.
   ========= ============= ===================================

.. table:: **Table 4** **quotas** field description

   ========= ================ ==============================
   Parameter Type             Description
   ========= ================ ==============================
   resources Array of objects Specifies the resources.
   ========= ================ ==============================

.. table:: **Table 5** **policy** field description

   ========= ======= ==============================
   Parameter Type    Description
   ========= ======= ==============================
   used      Integer Specifies the used amount.
   ========= ======= ==============================

Status Codes
~~~~~~~~~~~~

=========== ===================================
Status Code Description
=========== ===================================
200         OK
400         Bad Request
=========== ===================================
"""


def test_newer_page_style() -> None:
    op = read_one(text_page(NEWER_STYLE_PAGE)).operation
    assert (op.name, op.method, op.path) == (
        "ShowResourceQuota",
        "GET",
        "/autoscaling-api/v1/{project_id}/quotas",
    )
    assert op.provenance["path"].line == 14  # the URI line inside a code block
    assert facts(op.parameters) == [
        ("project_id", "path", "string", True),
        ("X-Auth-Token", "header", "string", True),
    ]
    (quotas,) = op.response
    assert (quotas.type, [f.name for f in quotas.fields]) == ("object", ["resources"])
    assert (quotas.fields[0].type, quotas.fields[0].items) == ("array", "object")
    # a field table that no parameter has is reported, not dropped
    assert any("'Table 5 policy field description'" in note for note in op.notes)
    # a status table with a 2xx row and no "Normal" entry
    assert op.success_status == 200 and op.provenance["success_status"].line == 68
    assert [(s.status, s.reason, s.meaning) for s in op.statuses] == [(400, None, "Bad Request")]
    assert op.summary == "This API is used to query the total quotas and used quotas of AS groups."


def test_normal_status_on_the_same_line() -> None:
    page = URI_QUERY_PAGE.replace("-  Normal\n\n   200\n", "Normal: 204\n")
    op = read_one(text_page(page)).operation
    assert op.success_status == 204 and op.provenance["success_status"].line == 33


@pytest.mark.parametrize("shift", [-30, 7, None])
@pytest.mark.parametrize("rel", ALL_PAGES)
def test_cell_lines_come_from_the_page_when_docutils_gives_other_ones(
    rel: str, shift: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older docutils number table-cell content differently: the page text decides."""
    from docutils import nodes

    expected = read(rel)
    real = node_line

    def shifted(node: nodes.Node) -> int | None:
        line = real(node)
        inside_cell = any(isinstance(a, nodes.entry) for a in _ancestors(node))
        if line is None or not inside_cell:
            return line
        return None if shift is None else line + shift

    # every module of the reader that asks docutils for a line
    users = [
        module
        for name, module in sys.modules.items()
        if name.startswith(f"{huawei_rst.__name__}.") and getattr(module, "node_line", None) is real
    ]
    assert len(users) > 1
    for module in users:
        monkeypatch.setattr(module, "node_line", shifted)
    result = read(rel)
    assert result.parameter_text == expected.parameter_text
    assert spec_io.dump_operation(result.operation) == spec_io.dump_operation(expected.operation)


def _ancestors(node: object) -> list[object]:
    out = []
    parent = getattr(node, "parent", None)
    while parent is not None:
        out.append(parent)
        parent = getattr(parent, "parent", None)
    return out


def test_grid_rows_run_together_fail() -> None:
    """A lost row border merges two rows: their names would become one cell."""
    lines = load(CREATE).lines
    assert lines[43].lstrip().startswith("+---")
    del lines[43]  # the border between lifecycle_hook_type and default_result
    line, message = failure(text_page("\n".join(lines), "pages/merged.rst"))
    assert line == 40
    assert "is not a parameter name" in message


def test_a_field_only_the_example_request_shows_is_recorded_as_inferred() -> None:
    rel = f"{HUAWEI}/creating_an_as_configuration.rst"
    result = read(rel)
    (config,) = [p for p in result.operation.parameters if p.name == "instance_config"]
    (field,) = [f for f in config.fields if f.name == "multi_flavor_priority_policy"]
    assert (field.type, field.required, field.example) == ("string", False, "PICK_FIRST")
    assert field.source.origin == "inferred"
    assert '"multi_flavor_priority_policy"' in load(rel).lines[field.source.line - 1]
    assert any("only in the example request" in note for note in result.operation.notes)
