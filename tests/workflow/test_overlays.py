"""Overlays: hand corrections applied after extraction, recorded as human facts, and an error
naming the overlay's file and line once the page changes under them."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import extract, model, overlays, spec_io
from generator.errors import SpecgenError

from . import workspace as ws

TC_PAGE = "sources/tencent/CreateLifecycleHook.txt"
OVERLAY = "specs/overlays/tencent-notification-target.yaml"
# The page shows NotificationTarget's members only through its examples, so TargetType comes
# out as a bare string; the correction gives it its values and a description.
OVERLAY_TEXT = """\
overlay: 1.0.0
info:
  title: Tencent CreateLifecycleHook, NotificationTarget.TargetType
  version: 1.0.0
extends: tencent/CreateLifecycleHook
actions:
  # values from the API model's NotificationTarget, plus the two the page's examples use
  - target: $.parameters[?(@.name=='NotificationTarget')].fields[?(@.name=='TargetType')]
    update:
      description: Target type.
      enum:
        values:
          - value: CMQ_QUEUE
          - value: CMQ_TOPIC
          - value: TDMQ_CMQ_QUEUE
          - value: TDMQ_CMQ_TOPIC
          - value: TDMQ_QUEUE
          - value: TDMQ_TOPIC
"""
ACTION_LINE = (
    OVERLAY_TEXT.splitlines().index(
        "  - target: $.parameters[?(@.name=='NotificationTarget')].fields[?(@.name=='TargetType')]"
    )
    + 1
)  # noqa: E501


def _target_type(spec: dict[str, Any]) -> dict[str, Any]:
    target = next(p for p in spec["parameters"] if p["name"] == "NotificationTarget")
    field: dict[str, Any] = next(f for f in target["fields"] if f["name"] == "TargetType")
    return field


def test_correction_applied_then_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ws.make_project(tmp_path / "project", ["tencent/CreateLifecycleHook.txt"])
    monkeypatch.chdir(root)
    (root / OVERLAY).parent.mkdir(parents=True)
    (root / OVERLAY).write_text(OVERLAY_TEXT, encoding="utf-8")
    ws.build()

    spec = yaml.safe_load((root / "specs/tencent/CreateLifecycleHook.yaml").read_text("utf-8"))
    field = _target_type(spec)
    human = {"file": OVERLAY, "line": ACTION_LINE, "origin": "human"}
    assert field["description"] == "Target type."
    assert field["source"] == human  # the description is the overlay's, not the example's
    assert field["enum"]["source"] == human
    assert [v["value"] for v in field["enum"]["values"]] == [
        "CMQ_QUEUE",
        "CMQ_TOPIC",
        "TDMQ_CMQ_QUEUE",
        "TDMQ_CMQ_TOPIC",
        "TDMQ_QUEUE",
        "TDMQ_TOPIC",
    ]
    # the correction is the only human fact: nothing else lost its page source
    rest = spec_io.dump_yaml({k: v for k, v in spec.items() if k != "parameters"})
    assert "human" not in rest

    # the generated validator enforces it and cites the overlay
    validators_py = root / "generated/python/tencent_as/validators.py"
    assert f"{OVERLAY}:{ACTION_LINE} (human)" in validators_py.read_text("utf-8")
    validators = ws.load_module(validators_py)
    base = {
        "AutoScalingGroupId": "asg-8fbozqja",
        "LifecycleHookName": "one-hook",
        "LifecycleTransition": "INSTANCE_LAUNCHING",
    }
    ok = {**base, "NotificationTarget": {"TargetType": "TDMQ_TOPIC", "TopicName": "one-topic"}}
    bad = {**base, "NotificationTarget": {"TargetType": "SNS_TOPIC", "TopicName": "one-topic"}}
    assert ws.problems(validators, "CreateLifecycleHook", ok) == set()
    assert ws.problems(validators, "CreateLifecycleHook", bad) == {
        "NotificationTarget.TargetType:enum"
    }

    # The vendor drops NotificationTarget from the page: the correction has nothing to apply
    # to. The build stops with the overlay's file:line and writes nothing.
    page = root / TC_PAGE
    text = page.read_text("utf-8")
    page.write_text(
        ws.remove_lines(text, "    NotificationTarget No NotificationTarget", "NotificationTarget"),
        encoding="utf-8",
    )
    before = {"specs": ws.tree_digest(root / "specs"), "out": ws.tree_digest(root / "generated")}
    run = ws.specgen("build")
    assert run.code == 2
    assert run.out == ""
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith(f"{OVERLAY}:{ACTION_LINE}: error: target "), run.err
    assert "matches nothing in tencent/CreateLifecycleHook" in lines[0]
    after = {"specs": ws.tree_digest(root / "specs"), "out": ws.tree_digest(root / "generated")}
    assert after == before

    # `specgen check` says the same, and so does a build after the overlay is fixed.
    check = ws.specgen("check")
    assert (check.code, check.err.splitlines()) == (2, lines)
    (root / OVERLAY).unlink()
    ws.build()
    spec = yaml.safe_load((root / "specs/tencent/CreateLifecycleHook.yaml").read_text("utf-8"))
    assert "NotificationTarget" not in [p["name"] for p in spec["parameters"]]


# --- the overlay machinery on a real spec, without a build ---------------------------------


@functools.cache
def _operation() -> model.Operation:
    """huawei/CreateLifecycleHook as the extractor reads it from its page today."""
    page = ws.ROOT / "sources/huawei/creating_a_lifecycle_hook.rst"
    [op] = extract.extract([page], ws.ROOT).operations
    return op


def _spec() -> dict[str, Any]:
    data: dict[str, Any] = model.jsonable(_operation())
    return copy.deepcopy(data)


def _overlay(tmp_path: Path, text: str, name: str = "fix.yaml") -> overlays.Overlay:
    path = tmp_path / "specs" / "overlays" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return overlays.load_overlay(path, tmp_path)


HEAD = "overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nextends: huawei/CreateLifecycleHook\nactions:\n"


def test_provenance_of_each_kind_of_correction(tmp_path: Path) -> None:
    ov = _overlay(
        tmp_path,
        HEAD
        + "  - target: $.summary\n"  # line 5: an operation field
        + "    update: Creates a lifecycle hook.\n"
        + "  - target: $.parameters[?(@.name=='default_timeout')].range\n"  # line 7
        + "    update: {max: 7200}\n"
        + "  - target: $.parameters[?(@.name=='notification_topic_urn')]\n"  # line 9
        + "    update: {length: {max: 255}}\n"
        + "  - target: $\n"  # line 11: the page lists no error codes, so no `errors` yet
        + "    update: {errors: [{code: AS.2039, status: 400}]}\n"
        + "  - target: $.parameters[?(@.name=='lifecycle_hook_name')].pattern\n"  # line 13
        + "    remove: true\n"
        + "  - target: $.parameters[?(@.name=='default_result')].description\n"  # line 15
        + "    update: What happens when the hook times out.\n"
        + "  - target: $.parameters[?(@.name=='lifecycle_hook_type')].enum.values\n"  # line 17
        + "    update: [{value: INSTANCE_STANDBY}]\n",
    )
    spec = _spec()
    out = overlays.apply_overlay(spec, ov)
    file = "specs/overlays/fix.yaml"

    def human(line: int) -> dict[str, object]:
        return {"file": file, "line": line, "origin": "human"}

    params = {p["name"]: p for p in out["parameters"]}
    assert out["summary"] == "Creates a lifecycle hook."
    assert out["provenance"]["summary"] == human(5)
    assert out["source"] == spec["source"]  # the page is still the operation's source
    timeout = params["default_timeout"]
    assert (timeout["range"]["min"], timeout["range"]["max"]) == (60, 7200)
    assert timeout["range"]["source"] == human(7)
    assert timeout["source"]["origin"] == "stated"  # the parameter itself is the page's
    urn = params["notification_topic_urn"]
    assert urn["length"] == {"source": human(9), "max": 255}
    assert urn["source"]["origin"] == "stated"
    assert out["errors"][-1] == {"source": human(11), "code": "AS.2039", "status": 400}
    name = params["lifecycle_hook_name"]
    assert "pattern" not in name and name["length"]["max"] == 32
    assert name["source"] == human(13)  # its constraints are now a person's decision
    result = params["default_result"]
    assert result["description"] == "What happens when the hook times out."
    assert result["source"] == human(15)
    assert result["enum"]["source"]["origin"] == "stated"  # untouched facts keep the page's
    hook_type = params["lifecycle_hook_type"]
    values = [v["value"] for v in hook_type["enum"]["values"]]
    assert values == ["INSTANCE_TERMINATING", "INSTANCE_LAUNCHING", "INSTANCE_STANDBY"]
    assert hook_type["enum"]["source"] == human(17)
    assert hook_type["source"]["origin"] == "stated"
    # and the result is a valid spec
    spec_io.parse_operation(spec_io.dump_yaml(out), file)


def test_invalid_correction_names_its_line(tmp_path: Path) -> None:
    ov = _overlay(
        tmp_path,
        HEAD
        + "  - target: $.parameters[?(@.name=='default_timeout')].range\n"
        + "    update: {max: 7200}\n"
        + "  - target: $.parameters[?(@.name=='default_timeout')]\n"  # line 7
        + "    update: {range: {max: plenty}}\n",
    )
    with pytest.raises(SpecgenError) as err:
        overlays.apply_overlay(_spec(), ov)
    [problem] = err.value.problems
    assert (problem.file, problem.line) == ("specs/overlays/fix.yaml", 7)
    assert "not valid after this correction" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (HEAD + "  - target: parameters\n    update: {}\n", 5, "not a supported JSONPath"),
        (HEAD + "  - target: $.nothing\n    update: {a: 1}\n", 5, "matches nothing"),
        (HEAD + "  - target: $.summary\n", 5, "either `update` or `remove: true`"),
        (
            HEAD.replace("huawei/CreateLifecycleHook", "CreateLifecycleHook"),
            3,
            "provider/Operation",
        ),
    ],
)
def test_bad_overlay(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(SpecgenError) as err:
        ov = _overlay(tmp_path, text)
        overlays.apply_overlay(_spec(), ov)
    [problem] = err.value.problems
    assert (problem.file, problem.line) == ("specs/overlays/fix.yaml", line)
    assert words in problem.message


def test_unknown_operation_and_yml_files(tmp_path: Path) -> None:
    """A `.yml` file is read too (a skipped file would be a silently stale correction), and an
    overlay for an operation no page describes any more names its `extends:` line."""
    from generator import config

    text = HEAD.replace("CreateLifecycleHook", "CreateScalingHook")
    _overlay(tmp_path, text + "  - target: $.summary\n    update: x\n", "gone.yml")
    cfg = config.Config(
        root=tmp_path, sources=tmp_path / "sources", specs=tmp_path / "specs", out=tmp_path / "o"
    )
    with pytest.raises(SpecgenError) as err:
        overlays.apply_all([_operation()], cfg)
    [problem] = err.value.problems
    assert (problem.file, problem.line) == ("specs/overlays/gone.yml", 3)
    assert "huawei/CreateScalingHook" in problem.message
