"""The entry points: mine_parameter fills only empty slots; mine_operation adds quotas, rate
limits and rules without repeating what the reader set."""

from __future__ import annotations

from generator import example_check, model
from generator.mining import mine_operation, mine_parameter
from generator.readers import Lines, ReadResult

from .util import lines, page_lines, param

FILE = "sources/tencent/CreateLifecycleHook.txt"
SRC = model.Source(FILE, 1)


def test_a_huawei_parameter_gets_range_default_and_their_sources() -> None:
    timeout = param("default_timeout", "integer")
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook timeout duration, which ranges from 60 to 86400 in the "
        "unit of second. The default value is 3600.",
        "",
        "By default, this parameter specifies the instance waiting duration. You can prolong the "
        "timeout duration or perform the **CONTINUE** or **ABANDON** operation before the timeout "
        "duration expires.",
    )
    mine_parameter(timeout, found, "sources/huawei/creating_a_lifecycle_hook.rst")
    assert timeout.range is not None and timeout.default is not None
    assert (timeout.range.min, timeout.range.max, timeout.range.unit) == (60, 86400, "seconds")
    assert timeout.default.value == 3600
    assert timeout.default.source.file == "sources/huawei/creating_a_lifecycle_hook.rst"
    assert (timeout.length, timeout.enum, timeout.pattern) == (None, None, None)


def test_structured_facts_are_never_overwritten() -> None:
    name = param("LifecycleHookName")
    dart = model.Source("sources/aws/putLifecycleHook.txt", 84, "stated", "validateStringLength")
    name.length = model.Length(dart, 1, 255)
    mine_parameter(name, lines("The name cannot exceed 32 characters. Default value: abc"), FILE)
    assert name.length.max == 255 and name.length.source is dart
    assert name.default is not None and name.default.value == "abc"


def test_a_default_outside_the_enum_is_dropped_and_a_case_slip_is_fixed() -> None:
    outside = param("DefaultResult")
    mine_parameter(
        outside, lines("valid values: CONTINUE and ABANDON. Default value: RETRY."), FILE
    )
    assert outside.enum is not None and outside.default is None

    slip = param("BatchPause")
    mine_parameter(
        slip,
        lines(
            "Pause policy between batches. Default value: Automatic. Valid values:",
            "- FIRST_BATCH_PAUSE: Pause after the first batch.",
            "- AUTOMATIC: Do not pause.",
        ),
        FILE,
    )
    assert slip.default is not None and slip.default.value == "AUTOMATIC"


def test_a_default_outside_the_range_is_dropped() -> None:
    limit = param("Limit", "integer")
    mine_parameter(limit, lines("Default value: 200. Maximum value: 100."), FILE)
    assert limit.range is not None and limit.range.max == 100
    assert limit.default is None


def test_a_default_in_the_unit_of_the_range_is_kept() -> None:
    timeout = param("HeartbeatTimeout", "integer")
    mine_parameter(
        timeout,
        lines("The range is from 30 to 7200 seconds. The default value is 3600 seconds (1 hour)."),
        FILE,
    )
    assert timeout.default is not None and timeout.default.value == 3600


def tencent_create() -> ReadResult:
    page = "tencent/CreateLifecycleHook.txt"
    names = [
        ("AutoScalingGroupId", "string"),
        ("LifecycleHookName", "string"),
        ("LifecycleTransition", "string"),
        ("DefaultResult", "string"),
        ("HeartbeatTimeout", "integer"),
        ("NotificationMetadata", "string"),
        ("NotificationTarget", "object"),
        ("LifecycleTransitionType", "string"),
        ("LifecycleCommand", "object"),
    ]
    op = model.Operation(
        "tencent", "as", "2018-04-19", "tencent-json", "CreateLifecycleHook", "tencent-text", SRC,
        parameters=[param(n, t) for n, t in names],  # type: ignore[arg-type]
    )  # fmt: skip
    text: dict[str, Lines] = {
        "NotificationMetadata": page_lines(
            page, "NotificationMetadata and LifecycleCommand are mutually exclusive"
        ),
        "NotificationTarget": page_lines(
            page, "NotificationTarget and LifecycleCommand cannot be specified at the same time."
        ),
        "LifecycleCommand": page_lines(
            page,
            "NotificationTarget and NotificationMetadata are mutually exclusive with this "
            "parameter.",
        ),
    }
    operation_text = page_lines(
        page,
        "This interface (CreateLifecycleHook) is used for creating a lifecycle hook.",
        "",
        "A maximum of 20 requests can be initiated per second for this API.",
    )
    return ReadResult(op, text, operation_text)


def test_mine_operation_adds_rate_limit_and_merged_rules() -> None:
    result = tencent_create()
    mine_operation(result, FILE)
    op = result.operation
    assert [(r.requests, r.per_seconds, r.source.line) for r in op.rate_limits] == [(20, 1, 32)]
    assert [(r.kind, r.parameters, r.source.line) for r in op.rules] == [
        ("mutually_exclusive", ["NotificationMetadata", "LifecycleCommand"], 63),
        ("mutually_exclusive", ["NotificationTarget", "LifecycleCommand"], 64),
    ]
    assert all(r.source.file == FILE and r.source.origin == "stated" for r in op.rules)
    assert op.quotas == []


def test_mine_operation_keeps_what_the_reader_set_and_adds_nothing_twice() -> None:
    result = tencent_create()
    op = result.operation
    set_by_reader = model.Rule(
        "mutually_exclusive", SRC, parameters=["LifecycleCommand", "NotificationTarget"]
    )
    op.rules.append(set_by_reader)
    op.rate_limits.append(model.RateLimit(10, 1, SRC))
    mine_operation(result, FILE)
    mine_operation(result, FILE)
    assert op.rules[0] is set_by_reader
    assert [r.parameters for r in op.rules] == [
        ["LifecycleCommand", "NotificationTarget"],
        ["NotificationMetadata", "LifecycleCommand"],
    ]
    assert [(r.requests, r.per_seconds) for r in op.rate_limits] == [(10, 1)]


def test_mining_is_deterministic() -> None:
    first, second = tencent_create(), tencent_create()
    mine_operation(first, FILE)
    mine_operation(second, FILE)
    assert model.jsonable(first.operation) == model.jsonable(second.operation)


def test_doc_text_with_code_like_content_is_only_text() -> None:
    hostile = param("NotificationMetadata")
    mine_parameter(
        hostile,
        lines(
            'Default value: "{{ config }}". __import__("os") \\ {% raw %} """ cannot exceed 9 bytes.'
        ),
        FILE,
    )
    assert hostile.default is not None and hostile.default.value == "{{ config }}"
    assert hostile.length is not None and (hostile.length.max, hostile.length.unit) == (9, "bytes")

    tripled = param("NotificationMetadata")
    mine_parameter(tripled, lines('Default value: """x""".'), FILE)
    assert tripled.default is None


# --- the page's own examples against what was mined (generator.example_check) ---------------


def _example_op() -> model.Operation:
    page = "sources/tencent/Hook.txt"
    src = model.Source(page, 12)
    mined = model.Source(page, 14, quote="取值范围：30~300")
    return model.Operation(
        provider="tencent",
        service="as",
        api_version="2018-04-19",
        protocol="tencent-json",
        name="CreateHook",
        family="tencent-text",
        source=model.Source(page, 1),
        parameters=[
            model.Parameter(
                "HeartbeatTimeout", src, type="integer", range=model.Range(mined, 30, 300)
            ),
            model.Parameter(
                "Name", src, example="hook-1****", pattern=model.Pattern(mined, "^[a-z]+$")
            ),
            model.Parameter("Mode", src, example="B", enum=model.Enum(src, [model.EnumValue("A")])),
        ],
        examples=[
            model.Example(
                "request",
                "json",
                '{\n    "Name": "x",\n    "HeartbeatTimeout": 360\n}',
                model.Source(page, 40),
            )
        ],
    )


def test_a_constraint_the_page_example_breaks_is_not_emitted() -> None:
    op = _example_op()
    warnings = example_check.check(op)
    assert warnings == [
        "sources/tencent/Hook.txt:12: warning: enum of Mode rejects the page's example at "
        "line 12: 'B' is not one of ['A']; not emitted",
        "sources/tencent/Hook.txt:14: warning: range of HeartbeatTimeout rejects the page's "
        "example at line 42: 360 is outside the range 30..300; not emitted",
    ]
    timeout, name, mode = op.parameters
    assert timeout.range is None and mode.enum is None
    assert name.pattern is not None  # a masked example ("hook-1****") says nothing
    assert any("HeartbeatTimeout" in note and "not emitted" in note for note in op.notes)


def test_human_corrections_survive_the_example_check() -> None:
    op = _example_op()
    timeout = op.parameters[0]
    timeout.range = model.Range(model.Source("specs/overlays/x.yaml", 3, "human"), 30, 300)
    example_check.check(op)
    assert timeout.range is not None
