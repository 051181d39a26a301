"""alibaba-md: Alibaba Cloud ESS API reference pages in Chinese Markdown.

The seed (sources/alibaba/CreateLifecycleHook.md) is checked in full; the other pages (three
generations of the docs) and the fixtures under tests/fixtures/alibaba-md/ for their basics and
for what their style adds. Expected values are read off the pages by hand; line numbers are
found in the page text by `line_of`, independently of the reader.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import model
from generator.errors import SpecgenError
from generator.readers import Page, ReadResult, alibaba_md
from generator.readers.alibaba_md.row_joining import join_table_rows

ROOT = Path(__file__).resolve().parents[2]
SEED = "sources/alibaba/CreateLifecycleHook.md"
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "sources/alibaba").glob("*.md"))
FIXTURES = sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "tests/fixtures/alibaba-md").glob("*.md")
)
TAG_RESOURCES = "tests/fixtures/alibaba-md/TagResources.md"
SCALING_ACTIVITIES = "tests/fixtures/alibaba-md/DescribeScalingActivities.md"
SCALING_GROUPS = "tests/fixtures/alibaba-md/DescribeScalingGroups.md"


def text_of(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def page(path: str, text: str | None = None) -> Page:
    return Page(path=path, fs_path=str(ROOT / path), text=text_of(path) if text is None else text)


def read(path: str, text: str | None = None) -> ReadResult:
    output = alibaba_md.read(page(path, text))
    assert len(output.results) == 1
    return output.results[0]


def line_of(path: str, needle: str, after: int = 0) -> int:
    """1-based number of the first line (after line `after`) of a page containing `needle`."""
    for number, text in enumerate(text_of(path).split("\n"), 1):
        if number > after and needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def bad(text: str, path: str = "sources/x.md") -> str:
    """The one-line error the reader gives for `text`."""
    with pytest.raises(SpecgenError) as caught:
        alibaba_md.read(Page(path=path, fs_path=path, text=text))
    assert len(caught.value.problems) == 1
    message = str(caught.value)
    assert "\n" not in message
    return message


def field(params: list[model.Parameter], name: str) -> model.Parameter:
    found = [p for p in params if p.name == name]
    assert len(found) == 1, f"{name} in {[p.name for p in params]}"
    return found[0]


def all_strings(value: object) -> list[str]:
    data = model.jsonable(value)
    out: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for v in item.values():
                walk(v)
        elif isinstance(item, list):
            for v in item:
                walk(v)

    walk(data)
    return out


@pytest.fixture(scope="module")
def seed() -> ReadResult:
    return read(SEED)


# --- sniff ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES + FIXTURES)
def test_sniff_accepts_alibaba_pages(path: str) -> None:
    assert alibaba_md.sniff(page(path))


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("sources/huawei", "sources/tencent", "sources/aws")
        for p in (ROOT / folder).rglob("*")
        if p.is_file()
    ),
)
def test_sniff_rejects_other_families(path: str) -> None:
    assert not alibaba_md.sniff(page(path))


def test_sniff_rejects_json_and_plain_markdown() -> None:
    as_json = json.dumps(
        {"title": "## 请求参数", "table": "|名称|类型|\n|--|--|"}, ensure_ascii=False
    )
    assert not alibaba_md.sniff(Page("x.json", "x.json", as_json))
    readme = "# Notes\n\nSome text | with a pipe |\n\n## Usage\n\n|a|b|\n|--|--|\n|1|2|\n"
    assert not alibaba_md.sniff(Page("x.md", "x.md", readme))


def test_sniff_is_by_content_not_name() -> None:
    assert alibaba_md.sniff(Page("whatever.txt", "whatever.txt", text_of(SEED)))


# --- the seed: operation ----------------------------------------------------------------------------


def test_seed_operation(seed: ReadResult) -> None:
    op = seed.operation
    assert (op.provider, op.service, op.protocol, op.family) == (
        "alibaba",
        "ess",
        "alibaba-rpc",
        "alibaba-md",
    )
    assert (op.name, op.action, op.title) == (
        "CreateLifecycleHook",
        "CreateLifecycleHook",
        "CreateLifecycleHook",
    )
    assert (op.method, op.path, op.success_status) == ("POST", "/", 200)
    assert op.summary == "调用CreateLifecycleHook为伸缩组创建一个或多个生命周期挂钩。"
    assert op.source == model.Source(SEED, 1)
    action_line = line_of(SEED, "|Action|String|")
    assert op.provenance["action"] == model.Source(SEED, action_line)
    assert op.provenance["name"] == model.Source(SEED, action_line)
    assert op.provenance["summary"].line == 3
    assert op.parameter("Action") is None  # a system parameter: the protocol sends it


def test_seed_version_from_explorer_link(seed: ReadResult) -> None:
    op = seed.operation
    assert op.api_version == "2014-08-28"
    source = op.provenance["api_version"]
    assert (source.line, source.origin) == (line_of(SEED, "OpenAPI Explorer"), "stated")
    assert source.quote == "version=2014-08-28"


def test_seed_endpoint_from_request_example(seed: ReadResult) -> None:
    op = seed.operation
    assert op.endpoint == "ess.aliyuncs.com"
    source = op.provenance["endpoint"]
    assert (source.line, source.origin) == (
        line_of(SEED, "https://ess.aliyuncs.com/?Action="),
        "inferred",
    )


def test_seed_description_and_operation_text(seed: ReadResult) -> None:
    op = seed.operation
    paragraphs = op.description.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("一个伸缩组最多可以创建6个生命周期挂钩。")
    # link text kept, the ~~id~~ target dropped
    assert paragraphs[2].endswith("具体操作，请参见为OOS服务设置RAM权限。")
    assert paragraphs[3].startswith("Note: 如果伸缩组有存量的ECS实例")
    lines = dict(seed.operation_text)
    quota_line = line_of(SEED, "一个伸缩组最多可以创建6个生命周期挂钩。创建了")
    assert lines[quota_line].startswith("一个伸缩组最多可以创建6个生命周期挂钩。")
    assert lines[3] == op.summary
    assert lines[line_of(SEED, "**说明：** 如果伸缩组")].startswith("Note: ")
    # nothing from the 调试 boilerplate or the tables
    assert not any("OpenAPI Explorer" in text or "|" in text for _, text in seed.operation_text)


# --- the seed: parameters ----------------------------------------------------------------------------

# (name, type, doc_type, required, example), read off the page's request table
SEED_PARAMETERS = [
    ("LifecycleTransition", "string", "String", True, "SCALE_OUT"),
    ("ScalingGroupId", "string", "String", True, "asg-bp1eyv4qn8ssgv43****"),
    ("LifecycleHookName", "string", "String", False, "lifecyclehook****"),
    ("DefaultResult", "string", "String", False, "CONTINUE"),
    ("HeartbeatTimeout", "integer", "Integer", False, "600"),
    ("NotificationMetadata", "string", "String", False, "Test lifecycle hook."),
    (
        "NotificationArn",
        "string",
        "String",
        False,
        "acs:mns:cn-beijing:161456884340****:queue/modifyLifecycleHo****",
    ),
]


def test_seed_parameters(seed: ReadResult) -> None:
    params = seed.operation.parameters
    got = [(p.name, p.type, p.doc_type, p.required, p.example) for p in params]
    assert got == SEED_PARAMETERS
    for param in params:
        assert param.location == "query"
        assert param.fields == [] and param.items is None
        assert param.source == model.Source(SEED, line_of(SEED, f"|{param.name}|"))
        # constraints are mining's job
        assert (param.range, param.length, param.enum, param.default, param.pattern) == (None,) * 5


def test_seed_descriptions_are_plain_text(seed: ReadResult) -> None:
    op = seed.operation
    transition = op.parameter("LifecycleTransition")
    assert transition is not None
    assert transition.description == (
        "生命周期挂钩适用的伸缩活动类型，取值范围：\n\n- SCALE_OUT：伸缩组弹性扩张活动\n- SCALE_IN：伸缩组弹性收缩活动"
    )
    metadata = op.parameter("NotificationMetadata")
    assert metadata is not None
    assert "- regionId：伸缩活动执行的地域，默认为${regionId}" in metadata.description.split("\n")
    assert (
        '比如，{"dbInstanceId": "dds-bp17661e0135****", "modifyMode": "Append"}，'
        in metadata.description
    )
    assert metadata.description.endswith("Note: 您可以在OOS控制台获取对应模板的参数信息。")
    timeout = op.parameter("HeartbeatTimeout")
    assert timeout is not None
    assert "您可以调用RecordLifecycleActionHeartbeat延长ECS实例的等待时间" in timeout.description
    for text in [p.description for p in op.parameters]:
        for markup in ("\\_", "\\*", "\\{", "**说明", "~~", "](", "\ue000"):
            assert markup not in text, (markup, text)
    for text in all_strings(op.parameters):
        assert "\\" not in text and "~~" not in text, text


def test_seed_parameter_text_lines(seed: ReadResult) -> None:
    text = seed.parameter_text
    assert list(text) == [name for name, *_ in SEED_PARAMETERS]
    range_line = line_of(SEED, "取值范围：30~21600，单位：秒。")
    assert range_line == 40
    timeout = text["HeartbeatTimeout"]
    assert timeout[0] == (
        range_line,
        "生命周期挂钩为伸缩组活动设置的等待时间，等待状态超时后会执行下一步动作。取值范围：30~21600，单位：秒。",
    )
    assert (line_of(SEED, " 默认值：600 |"), "默认值：600") in timeout
    assert ("" in [t for _, t in timeout]) and timeout[-1][1] != ""
    transition = text["LifecycleTransition"]
    assert (line_of(SEED, "-   SCALE\\_OUT："), "- SCALE_OUT：伸缩组弹性扩张活动") in transition
    assert (line_of(SEED, "-   SCALE\\_IN："), "- SCALE_IN：伸缩组弹性收缩活动") in transition
    arn = text["NotificationArn"]
    assert (line_of(SEED, "-   templatename："), "- templatename：OOS模板的名称。") == arn[-1]
    # every line cites the page line that holds its words
    page_lines = text_of(SEED).split("\n")
    for lines in text.values():
        for number, sentence in lines:
            if sentence and not sentence.startswith(("- ", "Note: ")):
                assert sentence[:6] in page_lines[number - 1].replace("\\", ""), (number, sentence)


# --- the seed: response, errors, examples ------------------------------------------------------------


def test_seed_response(seed: ReadResult) -> None:
    got = [(p.name, p.type, p.location, p.example, p.source.line) for p in seed.operation.response]
    assert got == [
        (
            "LifecycleHookId",
            "string",
            "body",
            "ash-bp1at9ufhmcf9cmy****",
            line_of(SEED, "|LifecycleHookId|String|ash"),
        ),
        (
            "RequestId",
            "string",
            "body",
            "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
            line_of(SEED, "|RequestId|String|"),
        ),
    ]


SEED_ERRORS = [
    ("InvalidParamter", "The specified value of parameter is not valid.", "参数值不合法。"),
    (
        "InvalidNotificationArn",
        "The specified parameter notificationArn is invalid.",
        "指定的NotificationArn不合法。",
    ),
    (
        "UnsupportedNotificationType.CurrentRegion",
        "The notificationType is not supported in the special region which scalingGroup belongs to.",
        "当前地域不支持该通知方式。",
    ),
    ("QueueNotExist", "The specified queue does not exist.", "指定的MNS队列不存在。"),
    ("TopicNotExist", "The specified topic does not exist.", "指定的MNS主题不存在。"),
    (
        "InvalidLifecycleHookName.Duplicate",
        "The specified value of parameter lifecycleHookName is duplicated.",
        "生命周期挂钩已存在。",
    ),
    (
        "QuotaExceeded.LifecycleHook",
        "Lifecycle hook quota exceeded in the specified scaling group.",
        "一个伸缩组最多可以创建6个生命周期挂钩。",
    ),
]


def test_seed_errors(seed: ReadResult) -> None:
    errors = seed.operation.errors
    assert [(e.code, e.message, e.meaning) for e in errors] == SEED_ERRORS
    assert {e.status for e in errors} == {400}
    for error in errors:
        assert error.source == model.Source(SEED, line_of(SEED, f"|{error.code}", after=111))


def test_seed_examples(seed: ReadResult) -> None:
    request, xml, as_json = seed.operation.examples
    assert (request.kind, request.format) == ("request", "query")
    assert request.body.split("\n")[0] == "https://ess.aliyuncs.com/?Action=CreateLifecycleHook"
    assert request.body.split("\n")[-1] == "&<公共请求参数>"
    assert request.source.line == line_of(SEED, "https://ess.aliyuncs.com/?Action=")
    assert (xml.kind, xml.format) == ("response", "xml")
    assert xml.body.startswith("<CreateLifecycleHookResponse>") and xml.body.endswith(
        "</CreateLifecycleHookResponse>"
    )
    assert xml.source.line == line_of(SEED, "<CreateLifecycleHookResponse>")
    assert (as_json.kind, as_json.format) == ("response", "json")
    assert json.loads(as_json.body) == {
        "RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
        "LifecycleHookId": "ash-bp1at9ufhmcf9cmy****",
    }
    assert as_json.source.line == line_of(SEED, "{", after=100)


def test_seed_links_keep_web_targets_only(seed: ReadResult) -> None:
    targets = [link.target for link in seed.operation.links]
    assert "https://error-center.aliyun.com/status/product/Ess" in targets
    assert "https://oos.console.aliyun.com/" in targets
    assert not any("~~" in target for target in targets)


def test_read_is_deterministic() -> None:
    first = model.jsonable(read(SEED).operation)
    second = model.jsonable(read(SEED).operation)
    assert first == second


# --- the other pages (three generations) ------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES + FIXTURES)
def test_every_page_extracts(path: str) -> None:
    """What holds for every page of the whole ESS reference, whatever its generation."""
    result = read(path)
    op = result.operation
    stem = Path(path).stem
    assert (op.name, op.action) == (stem, stem)
    assert op.api_version == "2014-08-28"
    assert op.summary
    assert all(p.location == "query" for p in op.parameters)
    assert "RequestId" in [p.name for p in op.response]
    for text in all_strings(op):
        assert "{#" not in text and ".section}" not in text and "\ue000" not in text
    for path_, lines in result.parameter_text.items():
        assert lines and all(number > 0 for number, _ in lines), path_


LIFECYCLE_PAGES = [
    f"sources/alibaba/{name}.md"
    for name in (
        "CompleteLifecycleAction",
        "CreateLifecycleHook",
        "DeleteLifecycleHook",
        "DescribeLifecycleHooks",
        "RecordLifecycleActionHeartbeat",
    )
]


@pytest.mark.parametrize("path", LIFECYCLE_PAGES + FIXTURES)
def test_lifecycle_pages_in_detail(path: str) -> None:
    result = read(path)
    op = result.operation
    stem = Path(path).stem
    assert (op.name, op.action, op.title) == (stem, stem, stem)
    assert op.provenance["action"].line == line_of(path, "|Action|String|")
    assert op.api_version == "2014-08-28"
    assert op.endpoint == "ess.aliyuncs.com"
    assert op.summary and op.description
    assert op.parameters and all(p.location == "query" for p in op.parameters)
    assert "RequestId" in [p.name for p in op.response]
    assert [e.kind for e in op.examples] == ["request", "response", "response"]
    assert [e.format for e in op.examples] == ["query", "xml", "json"]
    for text in all_strings(op):
        assert "{#" not in text and ".section}" not in text and "\ue000" not in text
    for path_, lines in result.parameter_text.items():
        assert lines and all(number > 0 for number, _ in lines), path_


def test_2019_anchored_headings_delete() -> None:
    path = "sources/alibaba/DeleteLifecycleHook.md"
    op = read(path).operation
    assert op.title == "DeleteLifecycleHook"
    assert [(p.name, p.required, p.example) for p in op.parameters] == [
        ("LifecycleHookId", False, "ash-****"),
        ("LifecycleHookName", False, "测试SCALE_IN"),
        ("ScalingGroupId", False, "dP8VqSd9ENXPc0ciVmbc****"),
    ]
    assert (
        op.description.split("\n")[-1]
        == "- 同时指定伸缩组ID（ScalingGroupId）与生命周期挂钩名称（LifecycleHookName）。"
    )
    assert [(e.code, e.status, e.meaning) for e in op.errors] == [
        ("InvalidParamter", 400, "参数值不合法。"),
        ("InvalidLifecycleHookId.NotExist", 400, "生命周期挂钩ID不存在。"),
        ("InvalidLifecycleHookName.NotExist", 400, "生命周期挂钩名称不存在。"),
    ]
    request = op.examples[0]
    assert request.body.startswith("http://ess.aliyuncs.com/?Action=DeleteLifecycleHook")
    assert request.source.line == line_of(path, "http://ess.aliyuncs.com")


def test_2019_repeat_list_and_nested_response() -> None:
    path = "sources/alibaba/DescribeLifecycleHooks.md"
    result = read(path)
    op = result.operation
    hook_id = op.parameter("LifecycleHookId")
    assert hook_id is not None
    assert (hook_id.type, hook_id.items, hook_id.doc_type) == ("array", "string", "RepeatList")
    assert hook_id.source.line == line_of(path, "|LifecycleHookId.N|")
    assert any("LifecycleHookId.1" in note and "LifecycleHookId.N" in note for note in op.notes)
    assert result.parameter_text["PageSize"] == [
        (line_of(path, "最大值：50。"), "分页查询时设置的每页行数。最大值：50。"),
        (line_of(path, "最大值：50。") + 1, ""),
        (line_of(path, "默认值：50。"), "默认值：50。"),
    ]

    assert [p.name for p in op.response] == [
        "LifecycleHooks",
        "PageNumber",
        "PageSize",
        "RequestId",
        "TotalCount",
    ]
    hooks = op.response[0]
    assert (hooks.type, hooks.doc_type, hooks.source.origin) == ("object", None, "stated")
    (element,) = hooks.fields
    assert (element.name, element.type, element.items, element.source.origin) == (
        "LifecycleHook",
        "array",
        "object",
        "inferred",
    )
    members = [(f.name, f.type, f.source.origin) for f in element.fields]
    assert members == [
        ("DefaultResult", "string", "inferred"),
        ("HeartbeatTimeout", "integer", "inferred"),
        ("LifecycleHookId", "string", "inferred"),
        ("LifecycleHookName", "string", "inferred"),
        ("LifecycleTransition", "string", "inferred"),
        ("NotificationArn", "string", "inferred"),
        ("NotificationMetadata", "string", "inferred"),
        ("ScalingGroupId", "string", "inferred"),
    ]
    assert element.fields[1].source.line == line_of(path, "|HeartbeatTimeout|Integer|")
    assert all(p.source.origin == "stated" for p in op.response[1:])


def test_nesting_read_from_xml_when_there_is_no_json() -> None:
    path = "sources/alibaba/DescribeLifecycleHooks.md"
    lines = text_of(path).split("\n")
    start = line_of(path, "`JSON` 格式")
    end = line_of(path, "```", after=line_of(path, "{#json_return_success_demo}"))
    op = read(path, "\n".join(lines[: start - 1] + lines[end:])).operation
    assert [e.format for e in op.examples] == ["query", "xml"]
    hooks = op.response[0]
    assert [(f.name, f.type) for f in hooks.fields] == [("LifecycleHook", "array")]
    assert len(hooks.fields[0].fields) == 8


def test_nesting_by_table_order_without_examples() -> None:
    path = "sources/alibaba/DescribeLifecycleHooks.md"
    lines = text_of(path).split("\n")
    start = line_of(path, "正常返回示例")
    end = line_of(path, "## 错误码")
    op = read(path, "\n".join(lines[: start - 1] + lines[end - 1 :])).operation
    assert [p.name for p in op.response] == [
        "LifecycleHooks",
        "PageNumber",
        "PageSize",
        "RequestId",
        "TotalCount",
    ]
    hooks = op.response[0]
    assert hooks.type == "object"
    assert [f.name for f in hooks.fields][:2] == ["DefaultResult", "HeartbeatTimeout"]
    assert len(hooks.fields) == 8 and all(f.source.origin == "inferred" for f in hooks.fields)
    assert any("table order" in note for note in op.notes)


def test_seed_style_complete() -> None:
    path = "sources/alibaba/CompleteLifecycleAction.md"
    op = read(path).operation
    assert [(p.name, p.required) for p in op.parameters] == [
        ("LifecycleActionToken", True),
        ("LifecycleHookId", True),
        ("LifecycleActionResult", False),
        ("ClientToken", False),
    ]
    token = op.parameter("ClientToken")
    assert token is not None and token.description.endswith("更多详情，请参见如何保证幂等性。")
    assert [e.code for e in op.errors] == [
        "InvalidParamter",
        "LifecycleHookIdAndLifecycleActionToken.Invalid",
    ]


def test_early_2019_style_record() -> None:
    path = "sources/alibaba/RecordLifecycleActionHeartbeat.md"
    result = read(path)
    op = result.operation
    # wire names exactly as the table spells them
    assert [(p.name, p.type, p.required) for p in op.parameters] == [
        ("lifecycleActionToken", "string", True),
        ("lifecycleHookId", "string", True),
        ("heartbeatTimeout", "integer", False),
        # only the request example sends it ("LifecycleHookId=" there is the table's
        # lifecycleHookId, spelt in another case)
        ("LifecycleActionResult", "string", False),
    ]
    extra = op.parameters[-1].source
    assert (extra.origin, extra.line) == ("inferred", line_of(path, "&LifecycleActionResult="))
    assert any("only the request example sends it" in note for note in op.notes)
    # no version in the Explorer link: the one ESS version, marked inferred
    assert op.api_version == "2014-08-28"
    source = op.provenance["api_version"]
    assert (source.origin, source.line) == ("inferred", line_of(path, "API Explorer"))
    assert (
        op.description == "ECS 实例的等待时间最长不能超过 6 小时，每次等待状态最多能被延时 20 次。"
    )
    assert (line_of(path, "最长不能超过 6 小时"), op.description) in result.operation_text
    assert result.parameter_text["heartbeatTimeout"][0] == (
        line_of(path, "取值范围：30~21600"),
        "命周期挂钩为伸缩组活动设置的等待时间，等待状态超时后会执行下一步动作。取值范围：30~21600，单位为秒，默认值：600。",
    )
    assert [p.name for p in op.response] == ["RequestId"]
    mismatch = op.errors[1]
    assert mismatch.code == "LifecycleHookIdAndLifecycleActionToken.Invalid"
    assert mismatch.meaning == "根据指定的LifecycleActionToken无法匹配LifecycleHookId。"
    assert mismatch.source.line == line_of(path, "|LifecycleHookIdAndLifecycleActionToken.Invalid")
    assert [e.code for e in op.errors][2:] == [
        "LifecycleAction.TimeExceeded",
        "LifecycleAction.RecordTimesExceeded",
    ]


# --- fixtures: other operations -------------------------------------------------------------------


def test_fixture_tag_resources_nested_lists() -> None:
    result = read(TAG_RESOURCES)
    op = result.operation
    assert [p.name for p in op.parameters] == ["RegionId", "ResourceType", "ResourceIds", "Tags"]
    ids = op.parameter("ResourceIds")
    assert ids is not None and (ids.type, ids.items, ids.required) == ("array", "string", True)
    tags = op.parameter("Tags")
    assert tags is not None
    assert (tags.type, tags.items, tags.source.origin) == ("array", "object", "inferred")
    assert [(f.name, f.type, f.required, f.example, f.location) for f in tags.fields] == [
        ("Key", "string", True, "Department", "query"),
        ("Value", "string", False, "Finance", "query"),
    ]
    key_line = line_of(TAG_RESOURCES, "|Tags.N.Key|")
    assert tags.fields[0].source == model.Source(TAG_RESOURCES, key_line)
    assert result.parameter_text["Tags.Key"][0] == (key_line, "标签的键。N的取值范围：1~20。")
    assert result.parameter_text["Tags.Key"][2] == (
        key_line + 2,
        "一旦传入该值，则不允许为空字符串。最多支持128个字符，不能以aliyun和acs:开头，不能包含http://或者https://。",
    )
    assert any("Tags.1.Key" in note for note in op.notes)
    assert [(e.code, e.status) for e in op.errors] == [
        ("InvalidTagKey.Malformed", 400),
        ("QuotaExceeded.TagsPerResource", 400),
        ("InvalidScalingGroupId.NotFound", 404),
    ]
    assert op.description.split("\n")[0] == "- 一个资源最多可以绑定20个标签。"
    assert op.description.endswith("Note: 目前仅伸缩组支持绑定标签。")
    assert (
        line_of(TAG_RESOURCES, "最多可以绑定20个标签"),
        "- 一个资源最多可以绑定20个标签。",
    ) in result.operation_text


def test_fixture_early_2019_scaling_activities() -> None:
    path = SCALING_ACTIVITIES
    result = read(path)
    op = result.operation
    assert op.provenance["api_version"].origin == "inferred"
    assert op.summary == "查询伸缩活动的详细信息（`DescribeScalingActivities`）。"
    status = op.parameter("StatusCode")
    assert status is not None
    assert status.description.split("\n")[2:] == [
        "- Successful：伸缩活动成功。",
        "- Warning：伸缩活动部分成功。",
        "- Failed：伸缩活动失败。",
        "- InProgress：伸缩活动正在进行。",
    ]
    assert result.parameter_text["StatusCode"][2] == (
        line_of(path, "-   Successful："),
        "- Successful：伸缩活动成功。",
    )
    activity_ids = op.parameter("ScalingActivityId")
    assert activity_ids is not None and (activity_ids.type, activity_ids.items) == (
        "array",
        "string",
    )
    assert [p.name for p in op.response] == [
        "ScalingActivities",
        "PageNumber",
        "PageSize",
        "RequestId",
        "TotalCount",
    ]
    (element,) = op.response[0].fields
    assert (element.name, element.type, element.items) == ("ScalingActivity", "array", "object")
    assert len(element.fields) == 12
    progress = field(element.fields, "Progress")
    assert (progress.type, progress.example) == ("integer", "100")
    assert [(e.code, e.status) for e in op.errors] == [
        ("InvalidScalingGroupId.NotFound", 404),
        ("Forbidden.Unauthorized", 403),
    ]


def test_fixture_array_of_element_rows() -> None:
    op = read(SCALING_GROUPS).operation
    ids = op.parameter("ScalingGroupIds")
    assert ids is not None and (ids.type, ids.items, ids.doc_type) == (
        "array",
        "string",
        "Array of String",
    )
    assert [p.name for p in op.response] == [
        "PageNumber",
        "PageSize",
        "RequestId",
        "ScalingGroups",
        "TotalCount",
    ]
    groups = field(op.response, "ScalingGroups")
    assert (groups.type, groups.doc_type) == ("object", "Array of ScalingGroup")
    (group,) = groups.fields
    # the table's own element row, made a list from the example
    assert (group.name, group.type, group.items) == ("ScalingGroup", "array", "object")
    assert group.source.line == line_of(SCALING_GROUPS, "|ScalingGroup| | | |")
    assert [f.name for f in group.fields] == [
        "ActiveCapacity",
        "LifecycleState",
        "MaxSize",
        "ScalingGroupId",
        "VSwitchIds",
        "VpcId",
    ]
    switches = field(group.fields, "VSwitchIds")
    assert switches.type == "object"
    (switch,) = switches.fields
    assert (switch.name, switch.type, switch.items) == ("VSwitchId", "array", "string")
    assert op.errors == []  # the 错误码 section has no table


# --- pre-pass ---------------------------------------------------------------------------------------


def test_join_maps_joined_rows_back_to_page_lines() -> None:
    lines = text_of(SEED).split("\n")
    joined = join_table_rows(SEED, lines)
    header = joined.line_of.index(line_of(SEED, "|HttpCode"))
    assert joined.lines[header].startswith("|HttpCode")
    assert joined.lines[header + 1].startswith("|----------|")
    row = joined.lines[header + 2]
    assert row.startswith("|400") and row.rstrip().endswith("参数值不合法。 |")
    # untouched lines keep their number
    assert joined.lines[joined.line_of.index(19)] == "## 请求参数"
    assert len(joined.lines) < len(lines)


def test_pipes_inside_code_fences_are_not_tables() -> None:
    text = text_of(SEED).replace("&<公共请求参数>", "|not a row\n|--|--|\n&<公共请求参数>")
    op = read(SEED, text).operation
    assert "|not a row\n|--|--|" in op.examples[0].body


# --- bad input ----------------------------------------------------------------------------------


def seed_with(line: int, replacement: list[str]) -> str:
    lines = text_of(SEED).split("\n")
    return "\n".join(lines[: line - 1] + replacement + lines[line:])


def test_row_with_too_few_cells_reads_them_as_empty() -> None:
    line = line_of(SEED, "|ScalingGroupId|String|")
    op = read(SEED, seed_with(line, ["|ScalingGroupId|String|否 |"])).operation
    group = field(op.parameters, "ScalingGroupId")
    assert (group.type, group.required, group.example, group.description) == (
        "string",
        False,
        None,
        "",
    )
    assert f"warning: line {line}: table row has 3 cells, header has 5" in op.notes[0]


def test_row_with_too_many_cells_reads_it_as_rendered() -> None:
    # an unescaped '|' in the description: GFM leaves the cells after the header's out
    line = line_of(SEED, "|ScalingGroupId|String|")
    text = seed_with(line, ["|ScalingGroupId|String|是|asg|伸缩组的ID，a|b。 |"])
    op = read(SEED, text).operation
    group = field(op.parameters, "ScalingGroupId")
    assert (group.required, group.example, group.description) == (True, "asg", "伸缩组的ID，a")
    (note,) = [n for n in op.notes if n.startswith("warning: line")]
    assert note.startswith(f"warning: line {line}: table row has 6 cells, header has 5")
    assert "unescaped '|'" in note


def test_row_missing_its_closing_pipe() -> None:
    line = line_of(SEED, "|ScalingGroupId|String|")
    message = bad(seed_with(line, ["|ScalingGroupId|String|是|asg|伸缩组的ID。"]))
    assert message.startswith(f"sources/x.md:{line}: error: table row has 10 cells, header has 5")
    assert "closing '|' missing" in message


def test_truncated_table_at_end_of_file() -> None:
    lines = text_of(SEED).split("\n")
    cut = line_of(SEED, "取值范围：30~21600")
    message = bad("\n".join(lines[: cut + 1]))
    assert message.startswith(f"sources/x.md:{cut}: error: table row is not closed")
    assert "end of the file" in message and "truncated" in message


def test_truncated_table_before_next_section() -> None:
    lines = text_of(SEED).split("\n")
    cut = line_of(SEED, "|LifecycleTransition|")
    message = bad(
        "\n".join(lines[:cut] + ["", "## 返回数据", ""] + lines[line_of(SEED, "## 返回数据") :])
    )
    assert message.startswith(f"sources/x.md:{cut}: error: table row is not closed")
    assert f"heading at line {cut + 2}" in message


def test_table_header_without_delimiter_row() -> None:
    delimiter = line_of(SEED, "|--|--|----|---|--|")
    message = bad(seed_with(delimiter, []))
    assert message.startswith(
        f"sources/x.md:{delimiter - 1}: error: '|' line in 请求参数 forms no table"
    )


def test_delimiter_row_with_wrong_cell_count() -> None:
    delimiter = line_of(SEED, "|--|--|----|---|--|")
    message = bad(seed_with(delimiter, ["|--|--|----|---|"]))
    assert (
        message == f"sources/x.md:{delimiter}: error: table delimiter row has 4 cells, header has 5"
    )


def test_unreadable_required_flag() -> None:
    line = line_of(SEED, "|ScalingGroupId|String|")
    message = bad(seed_with(line, ["|ScalingGroupId|String|maybe|asg|伸缩组的ID。 |"]))
    assert (
        message
        == f"sources/x.md:{line}: error: parameter ScalingGroupId: required column says 'maybe', not 是 or 否"
    )


def test_parameter_listed_twice() -> None:
    line = line_of(SEED, "|ScalingGroupId|String|")
    message = bad(
        seed_with(line, ["|ScalingGroupId|String|是|a|x |", "|ScalingGroupId|String|是|b|y |"])
    )
    assert (
        message
        == f"sources/x.md:{line + 1}: error: parameter ScalingGroupId is listed twice (first at line {line})"
    )


def test_bad_parameter_name_and_http_code() -> None:
    line = line_of(SEED, "|ScalingGroupId|String|")
    assert bad(seed_with(line, ["|伸缩组|String|是|a|x |"])) == (
        f"sources/x.md:{line}: error: parameter name '伸缩组' is not a wire name"
    )
    code_line = line_of(SEED, "|400", after=122)
    message = bad(seed_with(code_line, ["|4xx"]))
    assert (
        message
        == f"sources/x.md:{code_line}: error: error InvalidParamter: HttpCode '4xx' is not a number"
    )


def test_action_falls_back_to_the_request_example() -> None:
    op = read(SEED, seed_with(line_of(SEED, "|Action|String|"), [])).operation
    assert op.name == "CreateLifecycleHook"
    source = op.provenance["action"]
    assert (source.origin, source.quote) == ("inferred", "Action=CreateLifecycleHook")


def test_list_element_row_is_a_list_when_the_example_shows_one_item() -> None:
    # Without the JSON, the XML example shows one <ScalingGroup> and one <VSwitchId>: still lists.
    lines = text_of(SCALING_GROUPS).split("\n")
    start = line_of(SCALING_GROUPS, "`JSON`格式")
    end = line_of(SCALING_GROUPS, "```", after=start + 2)
    op = read(SCALING_GROUPS, "\n".join(lines[: start - 1] + lines[end:])).operation
    assert [e.format for e in op.examples] == ["query", "xml"]
    (group,) = field(op.response, "ScalingGroups").fields
    assert (group.name, group.type, group.items) == ("ScalingGroup", "array", "object")
    (switch,) = field(group.fields, "VSwitchIds").fields
    assert (switch.name, switch.type, switch.items) == ("VSwitchId", "array", "string")


# --- whole-service pages: rows the lifecycle-hook pages do not have ---------------------------------


def test_rows_named_by_list_position_are_one_list() -> None:
    path = "sources/alibaba/CreateScalingGroup.md"
    result = read(path)
    op = result.operation
    (policy,) = [p for p in op.parameters if p.name == "RemovalPolicy"]
    assert (policy.type, policy.items, policy.required) == ("array", "string", False)
    assert policy.source.line == line_of(path, "|RemovalPolicy.1|")
    # both positions' prose is the list's, in page order
    numbers = [number for number, _ in result.parameter_text["RemovalPolicy"]]
    assert numbers[0] == line_of(path, "|RemovalPolicy.1|")
    assert line_of(path, "|RemovalPolicy.2|") in numbers
    assert "第一段筛选策略" in policy.description and "第二段筛选策略" in policy.description
    assert any("'RemovalPolicy.1' (line 90), 'RemovalPolicy.2'" in note for note in op.notes)


def test_single_position_row_whose_prose_names_the_list() -> None:
    path = "sources/alibaba/DescribeScalingGroups.md"
    op = read(path).operation
    (names,) = [p for p in op.parameters if p.name == "ScalingGroupName"]
    assert (names.type, names.items) == ("array", "string")
    (note,) = [n for n in op.notes if "ScalingGroupName.1" in n]
    assert note.startswith("warning: ") and "its description names ScalingGroupName.N" in note


def test_dotted_response_field_is_a_member_of_an_object() -> None:
    path = "sources/alibaba/DescribeScalingConfigurations.md"
    op = read(path).operation
    (configs,) = field(op.response, "ScalingConfigurations").fields
    options = field(configs.fields, "PrivatePoolOptions")
    assert (options.type, options.source.origin) == ("object", "inferred")
    assert [f.name for f in options.fields] == ["Id", "MatchCriteria"]
    assert options.fields[0].source.line == line_of(path, "|PrivatePoolOptions.Id|")


def test_repeat_list_of_integers_from_its_value_range() -> None:
    op = read("sources/alibaba/AttachInstances.md").operation
    (weights,) = [p for p in op.parameters if p.name == "LoadBalancerWeight"]
    assert (weights.type, weights.items) == ("array", "integer")
    # a RepeatList that states no numbers stays a list of strings
    (ids,) = [p for p in op.parameters if p.name == "InstanceId"]
    assert (ids.type, ids.items) == ("array", "string")


def test_list_with_a_scalar_example_and_no_example_response_has_no_members() -> None:
    # DescribeScalingGroups' example response omits VSwitchIds: the VpcId row after it is a
    # field of the group, not a member of the list
    op = read("sources/alibaba/DescribeScalingGroups.md").operation
    (group,) = field(op.response, "ScalingGroups").fields
    switches = field(group.fields, "VSwitchIds")
    assert (switches.type, switches.items, switches.fields) == ("array", "string", [])
    assert field(group.fields, "VpcId").type == "string"
