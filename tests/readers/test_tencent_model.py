"""tencent-model: Tencent's official API model (api.json) with examples.json, client.go and
errors.go beside it. Expected values are taken from the model files by hand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import model
from generator.errors import SpecgenError
from generator.readers import Page, ReadOutput, ReadResult, tencent_model

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = "sources/tencent/model"
API = f"{MODEL_DIR}/api.json"


def page(path: str, fs_path: Path | None = None) -> Page:
    fs = fs_path or ROOT / path
    return Page(path=path, fs_path=str(fs), text=fs.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def output() -> ReadOutput:
    return tencent_model.read(page(API))


@pytest.fixture(scope="module")
def ops(output: ReadOutput) -> dict[str, ReadResult]:
    return {r.operation.name: r for r in output.results}


def api_line(number: int) -> str:
    return (ROOT / API).read_text(encoding="utf-8").split("\n")[number - 1]


def client_line(number: int) -> str:
    return (ROOT / MODEL_DIR / "client.go").read_text(encoding="utf-8").split("\n")[number - 1]


def params(result: ReadResult) -> list[tuple[str, str, str | None, bool]]:
    return [(p.name, p.type, p.items, p.required) for p in result.operation.parameters]


# --- sniff -------------------------------------------------------------------------------------


def test_sniff_accepts_the_model() -> None:
    assert tencent_model.sniff(page(API))


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(ROOT).as_posix()
        for pattern in (
            "sources/huawei/*",
            "sources/alibaba/*",
            "sources/aws/*",
            "sources/tencent/*.txt",
        )
        for p in ROOT.glob(pattern)
    )
    + [f"{MODEL_DIR}/examples.json", f"{MODEL_DIR}/client.go", f"{MODEL_DIR}/errors.go"],
)
def test_sniff_rejects_pages_and_companions(path: str) -> None:
    assert not tencent_model.sniff(page(path))


# --- the whole model -------------------------------------------------------------------------


def test_one_result_per_action(output: ReadOutput) -> None:
    actions = json.loads((ROOT / API).read_text(encoding="utf-8"))["actions"]
    assert [r.operation.name for r in output.results] == list(actions)
    assert len(output.results) > 50
    assert output.consumed == [
        f"{MODEL_DIR}/client.go",
        f"{MODEL_DIR}/errors.go",
        f"{MODEL_DIR}/examples.json",
    ]
    for result in output.results:
        op = result.operation
        assert (op.provider, op.service, op.api_version) == ("tencent", "as", "2018-04-19")
        assert (op.protocol, op.family, op.method, op.path) == (
            "tencent-json",
            "tencent-model",
            "POST",
            "/",
        )
        assert op.action == op.name
        assert f'"{op.name}": {{' in api_line(op.source.line)
        for path, param in model.walk_parameters(op.parameters + op.response):
            assert param.source.file == API and param.source.origin == "stated"
            assert f'"name": "{param.name}"' in api_line(param.source.line), path
            assert "<li" not in param.description.lower() and "</" not in param.description
            assert "`" not in param.description and "](" not in param.description


def test_read_is_deterministic() -> None:
    first = [model.jsonable(r.operation) for r in tencent_model.read(page(API)).results]
    second = [model.jsonable(r.operation) for r in tencent_model.read(page(API)).results]
    assert first == second


# --- the lifecycle-hook operations with no page --------------------------------------------


def test_describe_lifecycle_hooks(ops: dict[str, ReadResult]) -> None:
    result = ops["DescribeLifecycleHooks"]
    op = result.operation
    assert params(result) == [
        ("LifecycleHookIds", "array", "string", False),
        ("Filters", "array", "object", False),
        ("Limit", "integer", None, False),
        ("Offset", "integer", None, False),
    ]
    filters = op.parameter("Filters")
    assert filters is not None and filters.doc_type == "Array of Filter"
    assert [(f.name, f.type, f.items, f.required) for f in filters.fields] == [
        ("Name", "string", None, True),
        ("Values", "array", "string", True),
    ]
    assert [p.name for p in op.response] == ["LifecycleHookSet", "TotalCount", "RequestId"]
    hooks = op.response[0]
    assert hooks.items == "object"
    target = next(f for f in hooks.fields if f.name == "NotificationTarget")
    assert [f.name for f in target.fields] == ["TargetType", "QueueName", "TopicName"]
    assert [e.code for e in op.errors] == [
        "InternalError",
        "InvalidParameter",
        "InvalidParameter.ActionNotFound",
        "InvalidParameter.Conflict",
        "InvalidParameterValue.InvalidAutoScalingGroupId",
        "InvalidParameterValue.InvalidFilter",
        "InvalidParameterValue.InvalidLifecycleHookId",
        "MissingParameter",
    ]
    assert [e.source.line for e in op.errors] == list(range(2213, 2221))
    limit = op.parameter("Limit")
    assert limit is not None and limit.example == "20" and limit.doc_type == "uint64"
    assert any("Maximum value: 100" in t for _, t in result.parameter_text["Limit"])
    assert "Filters.Name" in result.parameter_text


def test_delete_lifecycle_hook(ops: dict[str, ReadResult]) -> None:
    op = ops["DeleteLifecycleHook"].operation
    assert params(ops["DeleteLifecycleHook"]) == [("LifecycleHookId", "string", None, True)]
    assert [p.name for p in op.response] == ["RequestId"]
    assert [e.code for e in op.errors] == [
        "InternalError",
        "InvalidParameter",
        "InvalidParameter.ActionNotFound",
        "InvalidParameterValue.InvalidLifecycleHookId",
        "MissingParameter",
        "ResourceNotFound.LifecycleHookNotFound",
    ]
    assert op.errors[-1].meaning == "The specified lifecycle hook was not found."


def test_modify_lifecycle_hook(ops: dict[str, ReadResult]) -> None:
    result = ops["ModifyLifecycleHook"]
    assert params(result) == [
        ("LifecycleHookId", "string", None, True),
        ("LifecycleHookName", "string", None, False),
        ("LifecycleTransition", "string", None, False),
        ("DefaultResult", "string", None, False),
        ("HeartbeatTimeout", "integer", None, False),
        ("NotificationMetadata", "string", None, False),
        ("LifecycleTransitionType", "string", None, False),
        ("NotificationTarget", "object", None, False),
        ("LifecycleCommand", "object", None, False),
    ]
    op = result.operation
    target = op.parameter("NotificationTarget")
    assert target is not None and target.doc_type == "NotificationTarget"
    # in a request, a field's `required` is the model's `required`, not `output_required`
    assert [(f.name, f.required) for f in target.fields] == [
        ("TargetType", True),
        ("QueueName", False),
        ("TopicName", False),
    ]
    assert [e.code for e in op.errors] == [
        "InternalError.CallTATError",
        "InvalidParameter",
        "InvalidParameter.ActionNotFound",
        "InvalidParameterValue",
        "InvalidParameterValue.Range",
        "ResourceNotFound.CmqQueueNotFound",
        "ResourceNotFound.CommandNotFound",
        "ResourceNotFound.LifecycleHookNotFound",
        "ResourceNotFound.TDMQCMQQueueNotFound",
        "ResourceNotFound.TDMQCMQTopicNotFound",
        "ResourceUnavailable.TDMQCMQTopicHasNoSubscriber",
    ]


def test_complete_lifecycle_action(ops: dict[str, ReadResult]) -> None:
    result = ops["CompleteLifecycleAction"]
    assert params(result) == [
        ("LifecycleHookId", "string", None, True),
        ("LifecycleActionResult", "string", None, True),
        ("InstanceId", "string", None, False),
        ("LifecycleActionToken", "string", None, False),
    ]
    op = result.operation
    assert len(op.errors) == 12
    token = next(e for e in op.errors if e.code == "ResourceNotFound.LifecycleHookTokenNotFound")
    assert token.status is None and token.meaning
    assert '"ResourceNotFound.LifecycleHookTokenNotFound"' in client_line(token.source.line)
    assert token.source.file == f"{MODEL_DIR}/client.go"
    # the action's document: prose lines point at its line in api.json
    assert result.operation_text
    assert all('"document":' in api_line(line) for line, _ in result.operation_text)
    assert op.summary.startswith("This API is used to complete a lifecycle action")
    titles = [e.title for e in op.examples if e.format == "http"]
    assert titles == [
        "Completing a lifecycle action by specifying the InstanceId",
        "Completing a lifecycle action by specifying the LifecycleActionToken",
    ]


def test_upgrade_lifecycle_hook(ops: dict[str, ReadResult]) -> None:
    result = ops["UpgradeLifecycleHook"]
    assert params(result) == [
        ("LifecycleHookId", "string", None, True),
        ("LifecycleHookName", "string", None, True),
        ("LifecycleTransition", "string", None, True),
        ("DefaultResult", "string", None, False),
        ("HeartbeatTimeout", "integer", None, False),
        ("NotificationMetadata", "string", None, False),
        ("NotificationTarget", "object", None, False),
        ("LifecycleTransitionType", "string", None, False),
        ("LifecycleCommand", "object", None, False),
    ]
    op = result.operation
    assert [e.code for e in op.errors][:3] == [
        "InternalError",
        "InternalError.CallCmqError",
        "InternalError.CallStsError",
    ]
    assert len(op.errors) == 16
    assert [e.source.line for e in op.errors] == list(range(4891, 4907))


def test_create_lifecycle_hook_matches_the_page_conventions(ops: dict[str, ReadResult]) -> None:
    result = ops["CreateLifecycleHook"]
    op = result.operation
    transition = op.parameter("LifecycleTransition")
    assert transition is not None
    assert transition.description == (
        "Scenario for performing the lifecycle hook. valid values:.\n"
        "- INSTANCE_LAUNCHING: the lifecycle hook is being scaled out.\n"
        "- INSTANCE_TERMINATING: scaling in lifecycle hook"
    )
    doc_line = result.parameter_text["LifecycleTransition"][0][0]
    assert '"document": "Scenario for performing the lifecycle hook.' in api_line(doc_line)
    heartbeat = op.parameter("HeartbeatTimeout")
    assert heartbeat is not None and heartbeat.example == "300"
    # the fenced JSON sample stays in the description, out of the mined prose
    assert '"LifecycleActionToken": "3080e1c9' in op.description
    assert not any('"Service"' in t for _, t in result.operation_text)
    assert op.title == "Creating a Lifecycle Hook"
    assert op.endpoint == "as.tencentcloudapi.com"
    assert op.provenance["endpoint"].origin == "inferred"
    assert op.provenance["endpoint"].file == f"{MODEL_DIR}/examples.json"
    assert op.provenance["api_version"].line == next(
        n for n, t in enumerate((ROOT / API).read_text().split("\n"), 1) if '"apiVersion"' in t
    )
    request = [e for e in op.examples if e.kind == "request" and e.format == "json"]
    assert request and json.loads(request[0].body)["AutoScalingGroupId"]


def test_disabled_members_are_noted(ops: dict[str, ReadResult]) -> None:
    op = ops["DescribeAutoScalingActivities"].operation
    assert any("ActivityRelatedInstanceSet" in n and "disabled" in n for n in op.notes)
    activities = op.response[0]
    assert "ActivityRelatedInstanceSet" not in [f.name for f in activities.fields]


# --- companions by content, bad input ----------------------------------------------------------


def copy_model(tmp_path: Path, renames: dict[str, str] | None = None) -> Path:
    target = tmp_path / "model"
    target.mkdir()
    for name in ("api.json", "examples.json", "client.go", "errors.go"):
        shutil.copy(ROOT / MODEL_DIR / name, target / (renames or {}).get(name, name))
    return target


def test_companions_are_found_by_content(tmp_path: Path) -> None:
    target = copy_model(
        tmp_path,
        {"api.json": "m.json", "examples.json": "a.json", "client.go": "x.go", "errors.go": "y.go"},
    )
    (target / "notes.txt").write_text("unrelated\n")
    out = tencent_model.read(page("m/m.json", target / "m.json"))
    assert out.consumed == ["m/a.json", "m/x.go", "m/y.go"]
    op = next(r.operation for r in out.results if r.operation.name == "DeleteLifecycleHook")
    assert op.errors and op.errors[0].source.file == "m/x.go"
    assert op.errors[-1].meaning == "The specified lifecycle hook was not found."
    assert op.examples and op.examples[0].source.file == "m/a.json"


def test_model_alone_still_reads(tmp_path: Path) -> None:
    target = tmp_path / "lone"
    target.mkdir()
    shutil.copy(ROOT / API, target / "api.json")
    out = tencent_model.read(page("lone/api.json", target / "api.json"))
    assert out.consumed == []
    op = next(r.operation for r in out.results if r.operation.name == "DeleteLifecycleHook")
    assert op.errors == [] and op.examples == [] and op.endpoint is None
    assert op.parameters[0].name == "LifecycleHookId"


def problem(tmp_path: Path, text: str) -> tuple[str, int, str]:
    target = tmp_path / "bad"
    target.mkdir(exist_ok=True)
    (target / "api.json").write_text(text, encoding="utf-8")
    broken = page("bad/api.json", target / "api.json")
    with pytest.raises(SpecgenError) as err:
        tencent_model.read(broken)
    assert len(err.value.problems) == 1
    found = err.value.problems[0]
    return found.file, found.line, found.message


def test_invalid_json_names_its_line(tmp_path: Path) -> None:
    lines = (ROOT / API).read_text(encoding="utf-8").split("\n")
    broken_at = next(n for n, t in enumerate(lines, 1) if '"name": "LifecycleHookIds"' in t)
    lines[broken_at - 1] = lines[broken_at - 1].replace('",', '"')  # drop a comma
    text = "\n".join(lines)
    target = tmp_path / "bad"
    target.mkdir()
    (target / "api.json").write_text(text)
    assert tencent_model.sniff(page("bad/api.json", target / "api.json"))
    file, line, message = problem(tmp_path, text)
    assert file == "bad/api.json"
    assert line == broken_at + 1  # json reports the token after the missing comma
    assert "invalid JSON" in message


def _tiny(objects: dict[str, object]) -> str:
    return json.dumps(
        {
            "actions": {
                "DoIt": {
                    "document": "Does it.",
                    "input": "DoItRequest",
                    "output": "DoItResponse",
                    "name": "Do",
                }
            },
            "metadata": {"apiVersion": "2020-01-01", "serviceShortName": "as"},
            "objects": objects,
        },
        indent=2,
    )


def test_undefined_member_type(tmp_path: Path) -> None:
    text = _tiny(
        {
            "DoItRequest": {
                "members": [
                    {"name": "Thing", "type": "object", "member": "Missing", "document": ""}
                ]
            },
            "DoItResponse": {"members": []},
        }
    )
    file, line, message = problem(tmp_path, text)
    assert '"name": "Thing"' in text.split("\n")[line - 1]
    assert "'Missing'" in message


def test_missing_input_object(tmp_path: Path) -> None:
    text = _tiny({"DoItResponse": {"members": []}})
    file, line, message = problem(tmp_path, text)
    assert '"input": "DoItRequest"' in text.split("\n")[line - 1]
    assert "DoItRequest" in message


def test_unknown_scalar_type(tmp_path: Path) -> None:
    text = _tiny(
        {
            "DoItRequest": {
                "members": [{"name": "When", "type": "map", "member": "string", "document": ""}]
            },
            "DoItResponse": {"members": []},
        }
    )
    file, line, message = problem(tmp_path, text)
    assert '"name": "When"' in text.split("\n")[line - 1] and "'map'" in message


def test_recursive_types_stop(tmp_path: Path) -> None:
    text = _tiny(
        {
            "DoItRequest": {
                "members": [
                    {"name": "Root", "type": "object", "member": "Node", "document": "Root."}
                ]
            },
            "Node": {
                "members": [
                    {
                        "name": "Value",
                        "type": "int",
                        "member": "int64",
                        "document": "A <li>one</li><li>two</li>",
                    },
                    {"name": "Children", "type": "list", "member": "Node", "document": "Kids."},
                ]
            },
            "DoItResponse": {"members": []},
        }
    )
    target = tmp_path / "cyc"
    target.mkdir()
    (target / "api.json").write_text(text)
    result = tencent_model.read(page("cyc/api.json", target / "api.json")).results[0]
    root = result.operation.parameters[0]
    assert [f.name for f in root.fields] == ["Value", "Children"]
    assert root.fields[1].type == "array" and root.fields[1].fields == []
    assert any("Node contains itself" in n for n in result.operation.notes)
    assert root.fields[0].description == "A\n- one\n- two"
    assert result.operation.api_version == "2020-01-01"


def test_companions_are_listed_even_for_a_broken_model(tmp_path: Path) -> None:
    target = copy_model(tmp_path)
    (target / "api.json").write_text('{"actions": {}, "objects": {', encoding="utf-8")
    broken = page("model/api.json", target / "api.json")
    with pytest.raises(SpecgenError):
        tencent_model.read(broken)
    assert tencent_model.companions(broken) == [
        "model/client.go",
        "model/errors.go",
        "model/examples.json",
    ]


# --- what the model's types say: timestamps, nullable values -----------------------------------


def field(result: ReadResult, path: str, response: bool = False) -> model.Parameter:
    found = dict(
        model.walk_parameters(
            result.operation.response if response else result.operation.parameters
        )
    )
    return found[path]


def test_datetime_iso_members_are_date_time(ops: dict[str, ReadResult]) -> None:
    created = field(ops["DescribeLifecycleHooks"], "LifecycleHookSet.CreatedTime", response=True)
    assert (created.type, created.doc_type, created.format) == (
        "string",
        "datetime_iso",
        "date-time",
    )
    start = field(ops["CreateScheduledAction"], "StartTime")
    assert (start.type, start.format) == ("string", "date-time")
    name = field(ops["CreateScheduledAction"], "ScheduledActionName")
    assert name.format is None


def test_value_allowed_null_makes_the_member_nullable(ops: dict[str, ReadResult]) -> None:
    snapshot = field(ops["CreateLaunchConfiguration"], "DataDisks.SnapshotId")
    assert '"value_allowed_null": true' in api_line(snapshot.source.line + 4)
    assert snapshot.nullable is True
    size = field(ops["CreateLaunchConfiguration"], "DataDisks.DiskSize")  # false in the model
    assert size.nullable is None


def test_every_action_of_the_model_is_read(output: ReadOutput) -> None:
    names = {r.operation.name for r in output.results}
    assert len(names) == 58
    assert {
        "CreateAutoScalingGroup",
        "DescribeLifecycleHooks",
        "UpgradeLaunchConfiguration",
    } <= names
