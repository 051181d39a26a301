"""Default values: literals only, in the parameter's type; references to other values are no
default."""

from __future__ import annotations

import pytest

from generator import model
from generator.mining import defaults, text
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(
    found: Lines, type_: model.SpecType = "string", unit: str | None = None
) -> model.Default | None:
    return defaults.find_default(param("p", type_), text.read(found), FILE, unit)


def test_huawei_the_default_value_is() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook timeout duration, which ranges from 60 to 86400 in the "
        "unit of second. The default value is 3600.",
    )
    got = find(found, "integer", "seconds")
    assert got is not None
    assert got.value == 3600
    assert got.source == model.Source(FILE, 56, "stated", "The default value is 3600")


def test_huawei_default_in_a_note_bullet_about_this_parameter() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the default lifecycle hook callback operation.",
        "",
        "- ABANDON",
        "- CONTINUE",
        "",
        "- If an instance is starting, CONTINUE indicates that your customized operations are "
        "successful and the instance can be used.",
        "- The default value of this parameter is ABANDON.",
    )
    got = find(found)
    assert got is not None
    assert got.value == "ABANDON"
    assert got.source.line == 54


def test_aws_default_with_its_unit_and_a_gloss() -> None:
    found = page_lines(
        "aws/putLifecycleHook.txt",
        "The range is from 30 to 7200 seconds. The default value is 3600 seconds (1 hour).",
    )
    got = find(found, "integer", "seconds")
    assert got is not None and got.value == 3600


def test_a_default_in_another_unit_than_the_value_is_not_read() -> None:
    assert find(lines("The default value is 1 hour."), "integer", "seconds") is None
    assert find(lines("The default value is 3600 seconds."), "integer", None) is None


def test_tencent_label_empty_string_and_bullet_default() -> None:
    metadata = page_lines(
        "tencent/CreateLifecycleHook.txt",
        'this parameter is set when you configure a notification (default value: ""), with a '
        "maximum length of 1024 characters.",
    )
    got = find(metadata)
    assert got is not None and got.value == "" and got.source.line == 63

    result = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Action to be taken by the scaling group in case of lifecycle hook timeout or "
        "LifecycleCommand execution failure. valid values:.",
        "- CONTINUE: default value, means continue execution of capacity expansion or reduction",
        "- .",
        "- ABANDON: for scale-out hooks, CVM instances with hook timeout or failed "
        "LifecycleCommand execution will be released directly or removed.",
    )
    got = find(result)
    assert got is not None
    assert got.value == "CONTINUE"
    assert got.source.line == 58
    assert got.source.quote == "CONTINUE: default value"


def test_tencent_default_value_label_in_prose() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Specifies the scenario type for performing the lifecycle hook. valid values: NORMAL and "
        "EXTENSION. default value: NORMAL.",
    )
    got = find(found)
    assert got is not None and got.value == "NORMAL"


@pytest.mark.parametrize(
    ("phrase", "type_", "value"),
    [
        ("默认值：600", "integer", 600),
        ("默认值：50。", "integer", 50),
        ("Default value: 300", "integer", 300),
        ("默认值：CONTINUE", "string", "CONTINUE"),
        ("默认值为600。", "integer", 600),
        ("The default value is ABANDON.", "string", "ABANDON"),
        ("The default value of this parameter is **ABANDON**.", "string", "ABANDON"),
        ("If not specified, the value defaults to 20.", "integer", 20),
        ("The value ranges from 0 to 86400 and is 300 by default.", "integer", 300),
        ("CVM instances are POSTPAID_BY_HOUR by default.", "string", "POSTPAID_BY_HOUR"),
        ("The default value is 50 and the maximum value is 100.", "integer", 50),
        ("Default value: FALSE.", "boolean", False),
        ("The default is true.", "boolean", True),
        ("Default: 0.5", "number", 0.5),
        ("Default value: 300", "string", "300"),
    ],
)
def test_paraphrases(phrase: str, type_: model.SpecType, value: model.Scalar) -> None:
    got = find(lines(phrase), type_)
    assert got is not None
    assert got.value == value
    assert type(got.value) is type(value)


@pytest.mark.parametrize(
    "phrase",
    [
        "默认值为LifecycleHookId的值。",
        "The default value of LifecycleHookName is the value of LifecycleHookId",
        "The default value is the value of LifecycleHookId.",
        "The default value is empty.",
        "By default, this operation is performed when the timeout duration expires.",
        "Default value means CONTINUE to execute capacity expansion or reduction.",
        "默认值为伸缩组ID。",
        "OOS模板的部分参数有默认值，指定有默认值的参数时会覆盖原默认值。",
        "- regionId：伸缩活动执行的地域，默认为${regionId}",
        "- lifecycleHookId：生命周期挂钩ID，默认为123",
        "where DefaultResult takes the default value CONTINUE",
    ],
)
def test_no_default(phrase: str) -> None:
    assert find(lines(phrase)) is None


def test_a_default_that_does_not_fit_the_type_is_not_read() -> None:
    assert find(lines("The default value is ABANDON."), "integer") is None
    assert find(lines('Default value: "300"'), "integer") is None


def test_two_different_defaults_give_none() -> None:
    assert find(lines("默认值：600", "", "The default value is 300.")) is None


def test_the_same_default_twice_is_one() -> None:
    got = find(lines("Default value: 300.", "默认值：300"), "integer")
    assert got is not None and got.value == 300 and got.source.line == 10


def test_objects_and_lists_have_no_default() -> None:
    assert find(lines("Default value: 1"), "array") is None
    assert find(lines("Default value: 1"), "object") is None
