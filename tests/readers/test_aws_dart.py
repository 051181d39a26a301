"""The aws_client Dart doc-page reader: the seed page, the unseen pages, fixtures, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from generator.errors import SpecgenError
from generator.readers import Page, ReadResult, aws_dart

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "aws-dart"


def load(path: Path) -> Page:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return Page(path.relative_to(ROOT).as_posix(), str(path), text)


def page_of(text: str, name: str = "sources/aws/inline.txt") -> Page:
    return Page(name, name, text)


def read_one(page: Page) -> ReadResult:
    assert aws_dart.sniff(page)
    output = aws_dart.read(page)
    assert len(output.results) == 1
    return output.results[0]


def seed_text() -> str:
    return (ROOT / "sources" / "aws" / "putLifecycleHook.txt").read_text(encoding="utf-8")


def param(op: model.Operation, name: str) -> model.Parameter:
    found = op.parameter(name)
    assert found is not None, f"{name} missing; have {[p.name for p in op.parameters]}"
    return found


def line_of(page: Page, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` containing `needle`."""
    for number, text in enumerate(page.lines, 1):
        if number >= start and needle in text:
            return number
    raise AssertionError(needle)


# --- the seed page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[Page, ReadResult]:
    page = load(ROOT / "sources" / "aws" / "putLifecycleHook.txt")
    return page, read_one(page)


def test_seed_parameters_wire_names_types_required(seed: tuple[Page, ReadResult]) -> None:
    _, result = seed
    got = [(p.name, p.type, p.required, p.doc_type) for p in result.operation.parameters]
    assert got == [
        ("AutoScalingGroupName", "string", True, "String"),
        ("LifecycleHookName", "string", True, "String"),
        ("DefaultResult", "string", False, "String?"),
        ("HeartbeatTimeout", "integer", False, "int?"),
        ("LifecycleTransition", "string", False, "String?"),
        ("NotificationMetadata", "string", False, "String?"),
        ("NotificationTargetARN", "string", False, "String?"),
        ("RoleARN", "string", False, "String?"),
    ]
    assert all(p.location == "body" for p in result.operation.parameters)


def test_seed_parameter_lines_point_at_the_signature(seed: tuple[Page, ReadResult]) -> None:
    page, result = seed
    params = result.operation.parameters
    assert [p.source.line for p in params] == list(range(4, 12))  # "  1. required String ..."
    assert {p.source.file for p in params} == {"sources/aws/putLifecycleHook.txt"}
    assert page.lines[params[7].source.line - 1] == "  8. String? roleARN,"


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        ("AutoScalingGroupName", 1, 255),
        ("NotificationMetadata", 1, 1023),
        ("NotificationTargetARN", 0, 255),
        ("RoleARN", 1, 255),
        ("LifecycleHookName", 1, 255),
    ],
)
def test_seed_lengths_from_validate_string_length(
    seed: tuple[Page, ReadResult], name: str, low: int, high: int
) -> None:
    page, result = seed
    length = param(result.operation, name).length
    assert length is not None
    assert (length.min, length.max, length.unit) == (low, high, "characters")
    assert length.source.origin == "stated"
    assert length.source.quote is not None
    assert length.source.quote.startswith("_s.validateStringLength(")
    assert f", {low}, {high}" in length.source.quote
    assert page.lines[length.source.line - 1].strip() == "_s.validateStringLength("


def test_seed_no_invented_constraints(seed: tuple[Page, ReadResult]) -> None:
    _, result = seed
    # heartbeat range and DefaultResult values are prose: mining's job, not the reader's
    for name in ("HeartbeatTimeout", "DefaultResult", "LifecycleTransition"):
        p = param(result.operation, name)
        assert (p.range, p.length, p.enum, p.default, p.pattern) == (None, None, None, None, None)


def test_seed_errors(seed: tuple[Page, ReadResult]) -> None:
    _, result = seed
    got = [(e.code, e.meaning, e.source.line, e.source.quote) for e in result.operation.errors]
    assert got == [
        ("LimitExceeded", "LimitExceededFault", 31, "May throw LimitExceededFault."),
        ("ResourceContention", "ResourceContentionFault", 31, "May throw ResourceContentionFault."),
    ]


def test_seed_operation_facts(seed: tuple[Page, ReadResult]) -> None:
    page, result = seed
    op = result.operation
    assert (op.provider, op.service, op.protocol, op.family) == (
        "aws",
        "autoscaling",
        "aws-query",
        "aws-dart",
    )
    assert (op.name, op.action, op.api_version) == (
        "PutLifecycleHook",
        "PutLifecycleHook",
        "2011-01-01",
    )
    assert (op.method, op.path, op.result_wrapper) == ("POST", "/", "PutLifecycleHookResult")
    assert op.summary == "Creates or updates a lifecycle hook for the specified Auto Scaling group."
    assert op.source == model.Source("sources/aws/putLifecycleHook.txt", 1)
    expected_lines = {
        "action": line_of(page, "action: 'PutLifecycleHook'"),
        "name": line_of(page, "action: 'PutLifecycleHook'"),
        "api_version": line_of(page, "version: '2011-01-01'"),
        "method": line_of(page, "method: 'POST'"),
        "path": line_of(page, "requestUri: '/'"),
        "result_wrapper": line_of(page, "resultWrapper:"),
        "summary": 14,
    }
    assert {k: s.line for k, s in op.provenance.items()} == expected_lines
    assert op.provenance["api_version"].quote == "version: '2011-01-01'"
    assert op.provenance["result_wrapper"].quote == "resultWrapper: 'PutLifecycleHookResult'"
    assert op.response == []
    assert not any("returns" in note for note in op.notes)  # Future<void>


def test_seed_parameter_text_is_keyed_by_wire_name_with_real_lines(
    seed: tuple[Page, ReadResult],
) -> None:
    page, result = seed
    text = result.parameter_text
    assert set(text) == {p.name for p in result.operation.parameters}
    heartbeat = text["HeartbeatTimeout"]
    assert heartbeat[0] == (39, page.lines[38].split(" : ", 1)[1])
    assert "The range is from 30 to 7200 seconds" in heartbeat[0][1]
    assert heartbeat[-1][0] == 41  # continues over the next paragraph
    assert any(
        "This parameter can be either CONTINUE or ABANDON" in t for _, t in text["DefaultResult"]
    )
    transition = text["LifecycleTransition"]
    assert (45, "- autoscaling:EC2_INSTANCE_LAUNCHING") in transition
    assert (46, "- autoscaling:EC2_INSTANCE_TERMINATING") in transition
    assert transition[-1] == (
        47,
        "Required for new lifecycle hooks, but optional when updating existing hooks.",
    )
    assert text["RoleARN"][-1][1].startswith("Required for new lifecycle hooks")
    for lines in text.values():
        for number, t in lines:
            if t:
                assert t in page.lines[number - 1] or t[2:] in page.lines[number - 1]
    assert not any(
        "Parameter " in t or "Implementation" in t for lines in text.values() for _, t in lines
    )


def test_seed_descriptions_are_plain_text(seed: tuple[Page, ReadResult]) -> None:
    _, result = seed
    transition = param(result.operation, "LifecycleTransition")
    assert transition.description == (
        "The instance state to which you want to attach the lifecycle hook. The valid values are:\n\n"
        "- autoscaling:EC2_INSTANCE_LAUNCHING\n- autoscaling:EC2_INSTANCE_TERMINATING\n\n"
        "Required for new lifecycle hooks, but optional when updating existing hooks."
    )
    assert (
        param(result.operation, "AutoScalingGroupName").description
        == "The name of the Auto Scaling group."
    )


def test_seed_operation_text(seed: tuple[Page, ReadResult]) -> None:
    _, result = seed
    text = result.operation_text
    assert text[0] == (
        14,
        "Creates or updates a lifecycle hook for the specified Auto Scaling group.",
    )
    assert any(n == 27 and "50 per Auto Scaling group" in t for n, t in text)
    assert (
        20,
        "1. (Optional) Create a Lambda function and a rule that allows CloudWatch Events to invoke "
        "your Lambda function when Amazon EC2 Auto Scaling launches or terminates instances.",
    ) in text
    # errors and parameter prose are not operation prose
    assert all("May throw" not in t and not t.startswith("Parameter ") for _, t in text)
    assert text[-1][0] == 29
    assert "50 per Auto Scaling group" in result.operation.description


# --- the unseen pages -------------------------------------------------------------------------


def test_complete_lifecycle_action() -> None:
    result = read_one(load(ROOT / "sources" / "aws" / "completeLifecycleAction.txt"))
    op = result.operation
    assert op.name == "CompleteLifecycleAction"
    assert [(p.name, p.required) for p in op.parameters] == [
        ("AutoScalingGroupName", True),
        ("LifecycleActionResult", True),
        ("LifecycleHookName", True),
        ("InstanceId", False),
        ("LifecycleActionToken", False),
    ]
    token = param(op, "LifecycleActionToken").length
    instance = param(op, "InstanceId").length
    group = param(op, "AutoScalingGroupName").length
    assert token is not None and (token.min, token.max, token.source.line) == (36, 36, 66)
    assert instance is not None and (instance.min, instance.max) == (1, 19)
    assert group is not None and (group.min, group.max) == (1, 1600)
    assert param(op, "LifecycleActionResult").length is None  # only checkNotNull
    assert [e.code for e in op.errors] == ["ResourceContention"]
    assert op.result_wrapper == "CompleteLifecycleActionResult"


def test_describe_lifecycle_hooks_array_and_typed_answer() -> None:
    result = read_one(load(ROOT / "sources" / "aws" / "describeLifecycleHooks.txt"))
    op = result.operation
    names = param(op, "LifecycleHookNames")
    assert (names.type, names.items, names.required, names.doc_type) == (
        "array",
        "string",
        False,
        "List<String>?",
    )
    assert param(op, "AutoScalingGroupName").required
    assert op.result_wrapper == "DescribeLifecycleHooksResult"
    assert any("DescribeLifecycleHooksAnswer" in note for note in op.notes)
    assert op.summary == "Describes the lifecycle hooks for the specified Auto Scaling group."


def test_delete_and_heartbeat_pages() -> None:
    delete = read_one(load(ROOT / "sources" / "aws" / "deleteLifecycleHook.txt")).operation
    assert [p.name for p in delete.parameters] == ["AutoScalingGroupName", "LifecycleHookName"]
    assert all(p.required for p in delete.parameters)
    heartbeat = read_one(
        load(ROOT / "sources" / "aws" / "recordLifecycleActionHeartbeat.txt")
    ).operation
    assert heartbeat.name == "RecordLifecycleActionHeartbeat"
    assert heartbeat.summary == (
        "Records a heartbeat for the lifecycle action associated with the specified token or instance."
    )
    token = param(heartbeat, "LifecycleActionToken").length
    assert token is not None and (token.min, token.max) == (36, 36)


def test_every_aws_page_reads_deterministically() -> None:
    for path in sorted((ROOT / "sources" / "aws").glob("*.txt")):
        first = model.jsonable(read_one(load(path)).operation)
        second = model.jsonable(read_one(load(path)).operation)
        assert first == second
        assert "/work" not in repr(first)


# --- fixtures in the same style ---------------------------------------------------------------


def test_fixture_describe_auto_scaling_groups() -> None:
    page = load(FIXTURES / "describeAutoScalingGroups.txt")
    result = read_one(page)
    op = result.operation
    assert op.name == "DescribeAutoScalingGroups"
    got = [(p.name, p.type, p.items, p.required) for p in op.parameters]
    assert got == [
        ("AutoScalingGroupNames", "array", "string", False),
        ("Filters", "array", "object", False),
        ("IncludeInstances", "boolean", None, False),
        ("MaxRecords", "integer", None, False),
        ("NextToken", "string", None, False),
    ]
    records = param(op, "MaxRecords").range
    assert records is not None and (records.min, records.max) == (1, 100)
    assert records.source.line == line_of(page, "_s.validateNumRange(")
    assert records.source.quote == "_s.validateNumRange('maxRecords', maxRecords, 1, 100)"
    assert [(e.code, e.meaning) for e in op.errors] == [
        ("InvalidNextToken", "InvalidNextToken"),
        ("ResourceContention", "ResourceContentionFault"),
    ]
    assert op.result_wrapper == "DescribeAutoScalingGroupsResult"
    assert any("AutoScalingGroupsType" in n for n in op.notes)
    assert any(n.startswith("Filters (List<Filter>?)") for n in op.notes)
    assert result.parameter_text["AutoScalingGroupNames"][-1][1] == (
        "If you omit this property, all Auto Scaling groups are described."
    )


def test_fixture_set_instance_protection() -> None:
    result = read_one(load(FIXTURES / "setInstanceProtection.txt"))
    op = result.operation
    got = [(p.name, p.type, p.items, p.required, p.doc_type) for p in op.parameters]
    assert got == [
        ("InstanceIds", "array", "string", True, "List<String>"),
        ("AutoScalingGroupName", "string", None, True, "String"),
        ("ProtectedFromScaleIn", "boolean", None, True, "bool"),
    ]
    assert [e.code for e in op.errors] == ["LimitExceeded", "ResourceContention"]
    assert any("50 per Auto Scaling group" in t for _, t in result.operation_text)
    assert op.notes == []


INLINE_PAGE = """putWarmPool method

Future<void> putWarmPool({
  1. required String autoScalingGroupName,
  2. WarmPoolState? poolState,
  3. InstanceReusePolicy? instanceReusePolicy,
  4. int? minSize,
  5. DateTime? startTime,
  6. List<String>? hookNames,
  7. Map<String, String>? labels,
})

Creates or updates a warm pool for the specified Auto Scaling group.

Parameter autoScalingGroupName : The name of the Auto Scaling group.

Parameter poolState : Sets the instance state to transition to.

Implementation

Future<void> putWarmPool({
  required String autoScalingGroupName,
  WarmPoolState? poolState,
  InstanceReusePolicy? instanceReusePolicy,
  int? minSize,
  DateTime? startTime,
  List<String>? hookNames,
  Map<String, String>? labels,
}) async {
  _s.validateStringLength('autoScalingGroupName', autoScalingGroupName, 1, null,
      isRequired: true);
  _s.validateStringPattern(
    'autoScalingGroupName',
    autoScalingGroupName,
    r'''[\\u0020-\\uD7FF]*''', /* a closing ) in a string: ')' */
    isRequired: true,
  );
  _s.validateNumRange('minSize', minSize, 0, 1152921504606846976);
  final $request = <String, String>{
    'Action': 'PutWarmPool',
    'Version': '2011-01-01',
    'AutoScalingGroupName': autoScalingGroupName,
    if (poolState != null) 'PoolState': poolState.toValue(),
    if (minSize != null) 'MinSize': minSize.toString(),
    if (startTime != null) 'StartTime': _s.iso8601ToJson(startTime),
    if (hookNames != null)
      for (var i1 = 0; i1 < hookNames.length; i1++)
        'HookNames.member.${i1 + 1}': hookNames[i1],
  };
  instanceReusePolicy?.also((arg) => $request['InstanceReusePolicy'] = arg);
  labels?.also((arg) { $request['Labels'] = arg; });
  await _protocol.send($request, method: 'POST', requestUri: '/');
}
"""


def test_inline_page_enum_structure_datetime_map_literal_and_unknown_helpers() -> None:
    page = page_of(INLINE_PAGE)
    result = read_one(page)
    op = result.operation
    assert (op.name, op.api_version, op.result_wrapper) == ("PutWarmPool", "2011-01-01", None)
    got = {p.name: (p.type, p.items, p.doc_type) for p in op.parameters}
    assert got == {
        "AutoScalingGroupName": ("string", None, "String"),
        "PoolState": ("string", None, "WarmPoolState?"),  # an enum: sent with toValue()
        "InstanceReusePolicy": ("object", None, "InstanceReusePolicy?"),
        "MinSize": ("integer", None, "int?"),
        "StartTime": ("string", None, "DateTime?"),
        "HookNames": ("array", "string", "List<String>?"),
        "Labels": ("object", None, "Map<String, String>?"),
    }
    group = param(op, "AutoScalingGroupName")
    assert group.required and group.length is not None
    assert (group.length.min, group.length.max) == (1, None)
    assert group.pattern is None  # validateStringPattern is noted, not turned into a Pattern
    assert any("validateStringPattern" in n for n in op.notes)
    size = param(op, "MinSize").range
    # 2^60 is the code generator's stand-in for "no maximum"
    assert size is not None and (size.min, size.max) == (0, None)
    assert any(n.startswith("InstanceReusePolicy") for n in op.notes)
    assert op.provenance["action"].line == line_of(page, "'Action': 'PutWarmPool'")


def test_old_style_required_annotation_and_one_line_signature() -> None:
    text = (
        "deleteTags method\n\n"
        "Future<void> deleteTags({@required List<Tag> tags})\n\n"
        "Deletes the specified tags.\n\n"
        "May throw ResourceInUseFault.\n\n"
        "Parameter tags : One or more tags.\n\n"
        "Implementation\n\n"
        "Future<void> deleteTags({\n  @_s.required List<Tag> tags,\n}) async {\n"
        "  ArgumentError.checkNotNull(tags, 'tags');\n"
        "  final $request = <String, dynamic>{};\n"
        "  $request['Tags'] = tags;\n"
        "  await _protocol.send($request, action: 'DeleteTags', version: '2011-01-01',"
        " method: 'POST', requestUri: '/', resultWrapper: 'DeleteTagsResult');\n"
        "}\n\nSome footer text that isn't Dart.\n"
    )
    op = read_one(page_of(text)).operation
    tags = param(op, "Tags")
    assert (tags.type, tags.items, tags.required, tags.doc_type) == (
        "array",
        "object",
        True,
        "List<Tag>",
    )
    assert [(e.code, e.source.line) for e in op.errors] == [("ResourceInUse", 7)]
    assert op.name == "DeleteTags"


# --- bad input --------------------------------------------------------------------------------


def expect_error(text: str, line: int, *words: str) -> None:
    page = page_of(text, "sources/aws/bad.txt")
    assert aws_dart.sniff(page)
    with pytest.raises(SpecgenError) as caught:
        aws_dart.read(page)
    message = str(caught.value)
    assert message.startswith(f"sources/aws/bad.txt:{line}: error: "), message
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_truncated_signature() -> None:
    lines = seed_text().split("\n")
    assert lines[11] == "})"
    del lines[11]
    expect_error("\n".join(lines), 3, "signature of putLifecycleHook is not closed")


def test_unbalanced_call_in_implementation() -> None:
    lines = seed_text().split("\n")
    assert lines[81] == "  );"  # closes the validateStringLength( of line 76
    lines[81] = "  ;"
    expect_error("\n".join(lines), 76, "unbalanced '('")


def test_unclosed_method_body() -> None:
    text = seed_text().rstrip()
    assert text.endswith("}")
    expect_error(text[:-1], 74, "never closed")


def test_unterminated_string_in_implementation() -> None:
    text = seed_text().replace("action: 'PutLifecycleHook',", "action: 'PutLifecycleHook,")
    expect_error(text, 121, "unterminated string")


def test_argument_never_sent() -> None:
    text = seed_text().replace("  roleARN?.also((arg) => $request['RoleARN'] = arg);\n", "")
    expect_error(text, 11, "roleARN is never put into $request")


def test_signatures_disagree() -> None:
    text = seed_text().replace("  String? roleARN,\n}) async {", "  String? roleArn,\n}) async {")
    expect_error(text, 65, "signature differs")


def test_no_action() -> None:
    text = seed_text().replace("    action: 'PutLifecycleHook',\n", "")
    expect_error(text, 65, "no 'action:'")


def test_hostile_text_is_not_evaluated() -> None:
    text = seed_text().replace(
        "Parameter lifecycleHookName : The name of the lifecycle hook.",
        'Parameter lifecycleHookName : The name """ {{ 7*7 }} \\ ${x} of the hook.',
    )
    result = read_one(page_of(text))
    assert param(result.operation, "LifecycleHookName").description == (
        'The name """ {{ 7*7 }} \\ ${x} of the hook.'
    )


# --- sniffing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "sources/huawei/creating_a_lifecycle_hook.rst",
        "sources/alibaba/CreateLifecycleHook.md",
        "sources/tencent/CreateLifecycleHook.txt",
        "sources/tencent/model/api.json",
    ],
)
def test_sniff_rejects_other_families(path: str) -> None:
    assert not aws_dart.sniff(load(ROOT / path))


def test_sniff_needs_title_signature_and_implementation() -> None:
    text = seed_text()
    assert aws_dart.sniff(page_of(text))
    assert not aws_dart.sniff(page_of(text.replace("\nImplementation\n", "\nImpl\n")))
    assert not aws_dart.sniff(page_of(text.replace("putLifecycleHook method", "putLifecycleHook")))
    assert not aws_dart.sniff(page_of(""))


def test_breadcrumbs_nested_return_type_and_stray_prose() -> None:
    text = (
        "aws_client > AutoScaling > getTags\n\n"
        "getTags method\n\n"
        "Future<Map<String, String>> getTags({\n  1. required String resourceId,\n})\n\n"
        "Gets the tags of a resource. The result maps keys to values.\n\n"
        "Parameter resourceId : The ID of the resource.\n\n"
        "Parameter resourceType : Always auto-scaling-group.\n\n"
        "Implementation\n\n"
        "Future<Map<String, String>> getTags({\n  required String resourceId,\n}) async {\n"
        "  final $request = <String, dynamic>{};\n"
        "  $request['ResourceId'] = resourceId;\n"
        "  final $result = await _protocol.send($request, action: 'GetTags',"
        " version: '2011-01-01');\n"
        "  return $result;\n}"
    )
    result = read_one(page_of(text))
    op = result.operation
    assert op.title == "getTags method"
    assert op.summary == "Gets the tags of a resource."
    assert [(p.name, p.source.line) for p in op.parameters] == [("ResourceId", 6)]
    assert result.parameter_text == {"ResourceId": [(11, "The ID of the resource.")]}
    assert any(n.startswith("returns Map<String, String>:") for n in op.notes)
    assert any("resourceType" in n and "line 13" in n for n in op.notes)
    assert any("no HTTP method" in n for n in op.notes)
    assert "method" not in op.provenance and "result_wrapper" not in op.provenance


def test_parameter_prose_may_name_the_wire_name() -> None:
    text = seed_text().replace("Parameter roleARN :", "Parameter RoleARN :")
    result = read_one(page_of(text))
    assert result.parameter_text["RoleARN"][0][0] == 59
    assert param(result.operation, "RoleARN").description.startswith("The ARN of the IAM role")


# --- the whole service ---------------------------------------------------------------------


def test_error_codes_as_the_service_sends_them() -> None:
    page = load(ROOT / "sources" / "aws" / "launchInstances.txt")
    op = read_one(page).operation
    assert [(e.code, e.meaning) for e in op.errors] == [
        ("IdempotentParameterMismatch", "IdempotentParameterMismatchError"),
        ("ResourceContention", "ResourceContentionFault"),
    ]


def test_idempotency_token_is_filled_by_the_client_not_required() -> None:
    page = load(ROOT / "sources" / "aws" / "launchInstances.txt")
    token = param(read_one(page).operation, "ClientToken")
    assert token.idempotency_token is True
    assert token.required is False
    assert param(read_one(page).operation, "SubnetIds").idempotency_token is None


def test_dart_datetime_is_a_date_time_string() -> None:
    page = load(ROOT / "sources" / "aws" / "getPredictiveScalingForecast.txt")
    op = read_one(page).operation
    start = param(op, "StartTime")
    assert (start.type, start.format, start.required) == ("string", "date-time", True)
    assert param(op, "PolicyName").format is None


def test_every_page_of_the_service_reads() -> None:
    pages = sorted((ROOT / "sources" / "aws").glob("*.txt"))
    assert len(pages) == 66
    names = {read_one(load(path)).operation.name for path in pages}
    assert len(names) == 66
