"""The mocks renderer: roles and kinds read from wire names and verbs, state errors chosen from
the documented codes, escaping of page text, determinism, clean generated code; and that it
generalises: operations it has never seen (Huawei UpdateLifecycleHook, Alibaba
ModifyLifecycleHook, written here as specs) become working mock operations that the
official SDKs drive."""

from __future__ import annotations

import copy
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import model
from generator.render import mocks, render_all
from generator.runtime_files import MOCK_MODULES

from .conftest import AK, SK
from .util import PREFIX, ROOT, SERVICES, Served, operations_of, spec_operations, write_files

# the generated mock modules, as mypy and ruff see them
MOCK_FILES = ("mock", "_server", *(f"_mock_{name}" for name in MOCK_MODULES))


@pytest.mark.parametrize(
    ("name", "type_", "role"),
    [
        ("AutoScalingGroupName", "string", "group"),
        ("ScalingGroupId", "string", "group"),
        ("scaling_group_id", "string", "group"),
        ("AutoScalingGroupId", "string", "group"),
        ("LifecycleHookId", "string", "hook_id"),
        ("LifecycleHookId", "array", "hook_ids"),  # Alibaba's LifecycleHookId.N
        ("LifecycleHookIds", "array", "hook_ids"),
        ("lifecycleHookId", "string", "hook_id"),  # RecordLifecycleActionHeartbeat's lower case
        ("lifecycle_hook_name", "string", "hook_name"),
        ("LifecycleHookNames", "array", "hook_names"),
        ("LifecycleActionToken", "string", "token"),
        ("lifecycle_action_key", "string", "token"),
        ("default_timeout", "integer", "timeout"),
        ("heartbeatTimeout", "integer", "timeout"),
        ("lifecycle_hook_type", "string", "transition"),
        ("LifecycleTransition", "string", "transition"),
        ("create_time", "string", "created"),
        ("CreatedTime", "string", "created"),
        ("TotalCount", "integer", "total"),
        ("PageSize", "integer", "limit"),
        ("NotificationTargetARN", "string", None),
        ("LifecycleTransitionType", "string", None),
    ],
)
def test_roles_come_from_wire_names(name: str, type_: str, role: str | None) -> None:
    assert mocks.role_of(name, type_) == role


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("CreateLifecycleHook", "create"),
        ("PutLifecycleHook", "upsert"),
        ("DescribeLifecycleHooks", "describe"),
        ("ListLifecycleHooks", "describe"),
        ("ShowLifecycleHook", "show"),
        ("ModifyLifecycleHook", "modify"),
        ("UpdateLifecycleHook", "modify"),
        ("UpgradeLifecycleHook", "replace"),
        ("DeleteLifecycleHook", "delete"),
        ("CompleteLifecycleAction", "complete"),
        ("CallbackLifecycleHook", "complete"),
        ("RecordLifecycleActionHeartbeat", "heartbeat"),
        ("Putty", "other"),  # a verb is a whole word
        ("DescribeScalingActivities", "describe"),
    ],
)
def test_kinds_come_from_verbs(name: str, kind: str) -> None:
    assert mocks.kind_of(name) == kind


def data(provider: str) -> mocks.MockData:
    return mocks.mock_data(f"{provider}_x", operations_of(provider))


def test_state_errors_are_the_documented_codes() -> None:
    ali = {op.name: op for op in data("alibaba").operations}
    delete = ali["DeleteLifecycleHook"].errors
    assert delete["hook_id_not_found"].code == "InvalidLifecycleHookId.NotExist"
    assert delete["hook_name_not_found"].code == "InvalidLifecycleHookName.NotExist"
    create = ali["CreateLifecycleHook"]
    assert create.errors["duplicate"].code == "InvalidLifecycleHookName.Duplicate"
    assert create.errors["quota"].code == "QuotaExceeded.LifecycleHook"
    assert create.quota is not None and create.quota[0] == 6
    assert create.quota[1].startswith("sources/alibaba/CreateLifecycleHook.md:")
    # a page naming only the token-and-hook code answers an unknown hook with it too
    beat = ali["RecordLifecycleActionHeartbeat"].errors
    assert beat["hook_id_not_found"].code == "LifecycleHookIdAndLifecycleActionToken.Invalid"

    tc = {op.name: op for op in data("tencent").operations}
    assert (
        tc["CreateLifecycleHook"].errors["group_not_found"].code
        == "ResourceNotFound.AutoScalingGroupNotFound"
    )
    assert tc["CreateLifecycleHook"].rate_limit is not None and tc[
        "CreateLifecycleHook"
    ].rate_limit[:2] == (20, 1)
    quota = tc["CreateLifecycleHook"].quota
    assert quota is not None and quota[0] == mocks.DEFAULT_QUOTA and "no page states" in quota[1]
    complete = tc["CompleteLifecycleAction"].errors
    assert complete["action_done"].code == "ResourceUnavailable.LifecycleActionResultHasSet"
    assert complete["hook_id_invalid"].code == "InvalidParameterValue.InvalidLifecycleHookId"
    assert "action_done" not in ali["CompleteLifecycleAction"].errors  # only when documented

    aws = {op.name: op for op in data("aws").operations}
    put = aws["PutLifecycleHook"]
    assert put.kind == "upsert" and put.quota is not None and put.quota[0] == 50
    assert put.errors["quota"].code == "LimitExceeded" and put.errors["quota"].status == 400
    assert put.errors["group_not_found"].code == "ValidationError"  # protocol fallback
    assert not put.errors["group_not_found"].documented
    assert [keys for keys, _ in put.required_on_create] == [["LifecycleTransition"], ["RoleARN"]]

    hw = {op.name: op for op in data("huawei").operations}
    assert hw["CreateLifyCycleHook"].errors["duplicate"].status == 409  # the page lists 409
    assert hw["ShowLifeCycleHook"].errors["hook_name_not_found"].status == 404
    assert hw["CreateLifyCycleHook"].quota is not None and hw["CreateLifyCycleHook"].quota[0] == 5


def test_the_hook_model_comes_from_the_create_operation() -> None:
    hook = data("huawei").hook
    assert (hook.timeout_key, hook.timeout_default) == ("default_timeout", 3600)
    assert (hook.default_result_key, hook.default_result_default) == ("default_result", "ABANDON")
    assert dict(hook.transitions) == {
        "INSTANCE_TERMINATING": "terminate",
        "INSTANCE_LAUNCHING": "launch",
    }
    assert dict(hook.results) == {"ABANDON": "abandon", "CONTINUE": "continue", "EXTEND": "extend"}
    tencent = data("tencent").hook
    assert (tencent.id_prefix, tencent.id_length, tencent.instance_prefix) == ("ash-", 8, "ins-")


def test_responses_follow_the_documented_fields() -> None:
    ali = {op.name: op for op in data("alibaba").operations}
    wrapper, *_rest = ali["DescribeLifecycleHooks"].response
    assert (wrapper.name, wrapper.source) == ("LifecycleHooks", "object")
    (listing,) = [f for f in wrapper.children if f.source == "hooks"]
    sources = {f.name: f.source for f in listing.children}
    assert sources["LifecycleHookId"] == "id" and sources["ScalingGroupId"] == "group"
    assert sources["HeartbeatTimeout"] == "attr"
    hw = {op.name: op for op in data("huawei").operations}
    show = {f.name: (f.source, f.key) for f in hw["ShowLifeCycleHook"].response}
    assert show["notification_topic_name"] == ("derived", "notification_topic_urn")
    assert show["create_time"] == ("created", "")
    # no response fields on the AWS page: a list named after the operation's noun
    aws = {op.name: op for op in data("aws").operations}
    (hooks,) = aws["DescribeLifecycleHooks"].response
    assert (hooks.name, hooks.source) == ("LifecycleHooks", "hooks")
    assert "inferred" in aws["DescribeLifecycleHooks"].response_cite


def test_page_text_is_escaped(tmp_path: Path) -> None:
    ops = copy.deepcopy(operations_of("tencent"))
    nasty = 'ends with a quote" and """triple""" {{ jinja }} {% raw %} \\ back\nslash'
    for op in ops:
        op.summary = nasty
        for error in op.errors:
            error.message = nasty
    files = render_all(ops, ["validators", "mocks"], package_prefix="mocks_escaping_")
    source = files["python/mocks_escaping_tencent_as/mock.py"].decode()
    compile(source, "mock.py", "exec")
    write_files(tmp_path, files)
    sys.path.insert(0, str(tmp_path / "python"))
    try:
        module = importlib.import_module("mocks_escaping_tencent_as.mock")
    finally:
        sys.path.remove(str(tmp_path / "python"))
    duplicate = module.OPERATIONS["CreateLifecycleHook"].errors["duplicate"]
    assert duplicate.message == nasty


def test_output_is_deterministic() -> None:
    ops = spec_operations()
    first = render_all(ops, ["mocks"])
    second = render_all(list(reversed(copy.deepcopy(ops))), ["mocks"])
    assert first == second
    assert not any(str(ROOT) in data.decode() for data in first.values())


def test_generated_mocks_are_mypy_strict_and_ruff_clean(generated_root: Path) -> None:
    packages = [f"{PREFIX}{provider}_{service}" for provider, service in SERVICES.items()]
    modules = [f"{package}.{name}" for package in packages for name in MOCK_FILES]
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            *[a for m in modules for a in ("-m", m)],
        ],
        cwd=generated_root / "python",
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    files = [str(generated_root / "python" / p / f"{n}.py") for p in packages for n in MOCK_FILES]
    ruff = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--select",
            "E,F,W,I,B,UP",
            "--ignore",
            "E501",
            *files,
        ],
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


# --- operations the renderer has never seen --------------------------------------------------


def _source(line: int) -> model.Source:
    return model.Source("tests/mocks/test_render.py", line, "human")


def huawei_update() -> model.Operation:
    """Huawei AS v1 "Modifying a Lifecycle Hook": PUT .../{scaling_group_id}/{lifecycle_hook_name}."""
    (create,) = [op for op in operations_of("huawei") if op.name == "CreateLifyCycleHook"]
    update = copy.deepcopy(create)
    update.name = "UpdateLifecycleHook"
    update.method = "PUT"
    update.path += "/{lifecycle_hook_name}"
    update.quotas = []
    update.source = _source(1)
    for param in update.parameters:
        if param.name == "lifecycle_hook_name":
            param.location = "path"
        elif param.location == "body":
            param.required = False
    return update


def alibaba_modify() -> model.Operation:
    """Alibaba ESS ModifyLifecycleHook: the hook by LifecycleHookId (or group and name)."""
    (create,) = [op for op in operations_of("alibaba") if op.name == "CreateLifecycleHook"]
    modify = copy.deepcopy(create)
    modify.name = modify.action = "ModifyLifecycleHook"
    modify.quotas, modify.errors, modify.rules = [], [], []
    modify.source = _source(2)
    for param in modify.parameters:
        param.required = False
        param.default = None
    modify.parameters.insert(
        0,
        model.Parameter(
            "LifecycleHookId", _source(3), location="query", example="ash-bp1fxuqyi98w0aib****"
        ),
    )
    modify.parameters.append(
        model.Parameter(
            "LifecycleHookStatus",
            _source(4),
            location="query",
            enum=model.Enum(_source(4), [model.EnumValue("Active"), model.EnumValue("InActive")]),
        )
    )
    modify.response = [model.Parameter("RequestId", _source(5))]
    return modify


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # The whole services document their own update and modify operations; they are left out so
    # that the copies built here are the only ones, and the renderer has never seen them.
    documented = ("UpdateLifeCycleHook", "ModifyLifecycleHook")
    ops = [
        op for op in operations_of("huawei") + operations_of("alibaba") if op.name not in documented
    ]
    ops += [huawei_update(), alibaba_modify()]
    root = tmp_path_factory.mktemp("mocks_extended")
    write_files(root, render_all(ops, ["validators", "mocks"], package_prefix="mocks_extended_"))
    sys.path.insert(0, str(root / "python"))
    return {
        p: importlib.import_module(f"mocks_extended_{p}_{SERVICES[p]}.mock")
        for p in ("huawei", "alibaba")
    }


def test_an_unseen_huawei_update_operation_works_with_the_sdk(extended: dict[str, Any]) -> None:
    from huaweicloudsdkas.v1 import model as m

    from .test_huawei_sdk import client, create

    assert extended["huawei"].OPERATIONS["UpdateLifecycleHook"].kind == "modify"
    served = Served(extended["huawei"].create_app(credentials={AK: SK}, groups=["g1"]))
    try:
        c = client(served)
        create(c, default_timeout=300)
        body = m.UpdateLifeCycleHookOption(default_timeout=900, default_result="CONTINUE")
        updated = c.update_life_cycle_hook(
            m.UpdateLifeCycleHookRequest(scaling_group_id="g1", lifecycle_hook_name="h1", body=body)
        )
        assert (updated.default_timeout, updated.default_result) == (900, "CONTINUE")
        shown = c.show_life_cycle_hook(
            m.ShowLifeCycleHookRequest(scaling_group_id="g1", lifecycle_hook_name="h1")
        )
        assert shown.default_timeout == 900 and shown.lifecycle_hook_type == "INSTANCE_LAUNCHING"
    finally:
        served.close()


def test_an_unseen_alibaba_modify_operation_works_with_the_sdk(extended: dict[str, Any]) -> None:
    from aliyunsdkess.request.v20140828 import ModifyLifecycleHookRequest

    from .test_alibaba_sdk import client, create, describe, error_of, send

    served = Served(extended["alibaba"].create_app(credentials={AK: SK}, groups=["g1"]))
    try:
        c = client(served)
        hook = create(c, HeartbeatTimeout=600)
        r = ModifyLifecycleHookRequest.ModifyLifecycleHookRequest()
        r.set_LifecycleHookId(hook)
        r.set_HeartbeatTimeout(1200)
        r.set_LifecycleHookName("renamed")
        r.set_LifecycleHookStatus("InActive")
        send(c, r)
        (listed,) = describe(c, ScalingGroupId="g1")["LifecycleHooks"]["LifecycleHook"]
        assert (listed["HeartbeatTimeout"], listed["LifecycleHookName"]) == (1200, "renamed")
        r = ModifyLifecycleHookRequest.ModifyLifecycleHookRequest()
        r.set_LifecycleHookId(hook)
        r.set_HeartbeatTimeout(5)  # the create page's range applies to the copy
        assert error_of(c, r) == ("InvalidParamter", 400)
        r = ModifyLifecycleHookRequest.ModifyLifecycleHookRequest()
        r.set_LifecycleHookId("ash-nothere")
        assert error_of(c, r) == ("InvalidParamter", 400)  # no code documented for it
    finally:
        served.close()
    roles = extended["alibaba"].SPEC.operations["ModifyLifecycleHook"].roles
    assert (roles["hook_id"], roles["group"], roles["hook_name"]) == (
        "LifecycleHookId",
        "ScalingGroupId",
        "LifecycleHookName",
    )
