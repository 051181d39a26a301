"""Character sets as anchored patterns that Python `re` and ECMA-262 both accept."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from generator import model
from generator.mining import charsets, text
from generator.readers import Lines

from .util import lines, page_lines, param

FILE = "sources/x"


def find(found: Lines, type_: model.SpecType = "string") -> model.Pattern | None:
    return charsets.find_pattern(param("p", type_), text.read(found), FILE)


def regex(found: Lines) -> str:
    got = find(found)
    assert got is not None
    return got.regex


def test_huawei_contains_only() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies the lifecycle hook name. The name contains only letters, digits, underscores "
        "(_), and hyphens (-), and cannot exceed 32 characters.",
    )
    got = find(found)
    assert got is not None
    assert got.regex == "^[A-Za-z0-9_-]*$"
    assert got.source.line == 38
    assert got.description == "contains only letters, digits, underscores (_), and hyphens (-)"
    assert re.fullmatch(got.regex, "test-hook_1")
    assert not re.fullmatch(got.regex, "test hook")


def test_huawei_forbidden_characters() -> None:
    found = page_lines(
        "huawei/creating_a_lifecycle_hook.rst",
        "Specifies a customized notification, which contains no more than 256 characters in "
        "length. The message cannot contain the following characters: <>&'()",
    )
    pattern = regex(found)
    assert pattern == "^[^<>&'()]*$"
    assert re.fullmatch(pattern, "hello world")
    assert not re.fullmatch(pattern, "a<b")


def test_alibaba_first_character_and_the_rest() -> None:
    found = page_lines(
        "alibaba/CreateLifecycleHook.md",
        "生命周期挂钩的名称。不能与当前伸缩组其他生命周期挂钩重名，长度为2~64个英文或中文字符，"
        "以数字、大小写字母或中文开头，可包含数字、下划线（_）、短划线（-）和英文句号（.）。",
    )
    got = find(found)
    assert got is not None
    # "可包含" (may contain) does not list every character allowed: only the first is bound
    assert got.regex == "^[0-9A-Za-z\\u4e00-\\u9fa5][\\s\\S]*$"
    assert got.source.line == 29
    assert got.description == "以数字、大小写字母或中文开头"
    assert re.fullmatch(got.regex, "生命周期hook-1.a_b")
    assert not re.fullmatch(got.regex, "_hook")


def test_tencent_can_contain() -> None:
    found = page_lines(
        "tencent/CreateLifecycleHook.txt",
        "Lifecycle hook name, which can contain Chinese characters, letters, numbers, underscores "
        "(_), hyphens (-), and periods (.) with a maximum length of 128 bytes.",
    )
    assert regex(found) == "^[\\u4e00-\\u9fa5A-Za-z0-9_.-]*$"


def test_alibaba_ascii_only() -> None:
    found = page_lines(
        "alibaba/CompleteLifecycleAction.md", "只支持ASCII字符，且不能超过64个字符。"
    )
    pattern = regex(found)
    assert pattern == "^[\\x00-\\x7F]*$"
    assert re.fullmatch(pattern, "123e4567-e89b")
    assert not re.fullmatch(pattern, "中文")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "Name only supports chinese, english, digits, underscore (_), hyphen (-), decimal "
            "point (.), maximum length cannot exceed 128.",
            "^[\\u4e00-\\u9fa5A-Za-z0-9_.-]*$",
        ),
        (
            'which can only contain letters, numbers, underscores, hyphens ("-"), and decimal '
            "points with a maximum length of 55 bytes",
            "^[A-Za-z0-9_.-]*$",
        ),
        (
            "The name consists of 1 to 64 characters and can contain only letters, digits, "
            "underscores (_), and hyphens (-).",
            "^[A-Za-z0-9_-]*$",
        ),
        ("The name must start with a letter.", "^[A-Za-z][\\s\\S]*$"),
        (
            "The name must start with a letter and can contain only letters and digits.",
            "^[A-Za-z][A-Za-z0-9]*$",
        ),
        ("由字母、数字组成。", "^[A-Za-z0-9]*$"),
        ("The value cannot contain spaces.", "^[^ ]*$"),
        ("不能包含以下字符：<>&", "^[^<>&]*$"),
        ("It contains only uppercase letters and colons (:).", "^[A-Z:]*$"),
    ],
)
def test_paraphrases(phrase: str, expected: str) -> None:
    assert regex(lines(phrase)) == expected


def test_two_sentences_make_one_pattern_with_both_in_the_description() -> None:
    got = find(
        lines(
            "The value can contain only ASCII characters.",
            "",
            "It cannot contain the following characters: <>",
        )
    )
    assert got is not None
    # "<" and ">" are inside the ASCII range: a lookahead keeps them out.
    assert got.regex == "^(?![\\s\\S]*[<>])[\\x00-\\x7F]*$"
    assert got.description == (
        "can contain only ASCII characters cannot contain the following characters: <>"
    )
    assert re.fullmatch(got.regex, "abc")
    assert not re.fullmatch(got.regex, "a<c")


def test_forbidden_characters_leave_the_allowed_class() -> None:
    got = find(
        lines("can contain only letters, hyphens (-) and underscores (_). cannot contain hyphens.")
    )
    assert got is not None and got.regex == "^[A-Za-z_]*$"


@pytest.mark.parametrize(
    "phrase",
    [
        "The list contains only instance IDs.",
        "The name contains 1 to 64 characters.",
        "长度为2~64个英文或中文字符。",
        "the custom parameter name must meet the following standard: value range [a-zA-Z0-9-_].",
        "It must contain letters and digits.",
        "生命周期挂钩可以配置通知方式，支持MNS主题、MNS队列和OOS模板。",
        "The name cannot start with http:// or https://.",
        "Dots (.) and hyphens (-) cannot be used as the first or last character.",
    ],
)
def test_no_pattern(phrase: str) -> None:
    assert find(lines(phrase)) is None


def test_two_allowed_sets_that_differ_give_none() -> None:
    found = lines("The name contains only letters.", "", "The name can contain only digits.")
    assert find(found) is None


def test_only_strings_have_patterns() -> None:
    assert find(lines("contains only letters."), "integer") is None
    assert find(lines("contains only letters."), "array") is None


# Every pattern the rules can produce, for the engine checks below.
PATTERNS = [
    "^[A-Za-z0-9_-]*$",
    "^[^<>&'()]*$",
    "^[0-9A-Za-z\\u4e00-\\u9fa5][0-9A-Za-z\\u4e00-\\u9fa5_.-]*$",
    "^[\\x00-\\x7F]*$",
    "^(?![\\s\\S]*[<>])[\\x00-\\x7F]*$",
    "^[A-Za-z][\\s\\S]*$",
    charsets.regex(charsets.Charset(allowed=["A-Z", "]", "\\", "^", "-"], first=None)) or "",
    charsets.regex(charsets.Charset(forbidden=["[", "]", "^", "-", "\\"])) or "",
]
SAMPLES = ["", "abc", "a-b_c", "中文.x", "<x>", "a]b", "^-\\", "x\ny"]


def test_patterns_use_only_what_both_engines_share() -> None:
    for pattern in PATTERNS:
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        # No \A \Z, possessive or atomic groups, named groups, lookbehind, inline flags.
        assert not re.search(r"\\[AZz]|\*\+|\(\?[<>:=P#a-z]|\(\?<[=!]", pattern), pattern
        re.compile(pattern)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node for ECMA-262")
def test_python_and_ecma_agree_on_every_pattern() -> None:
    python = [[bool(re.fullmatch(p, s)) for s in SAMPLES] for p in PATTERNS]
    script = (
        "const [patterns, samples] = JSON.parse(process.argv[1]);"
        "const out = patterns.map(p => ['', 'u'].map(f => samples.map(s => new RegExp(p, f).test(s))));"
        "console.log(JSON.stringify(out));"
    )
    run = subprocess.run(
        ["node", "-e", script, json.dumps([PATTERNS, SAMPLES])],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    ecma = json.loads(run.stdout)
    for pattern, py, (plain, unicode) in zip(PATTERNS, python, ecma, strict=True):
        assert py == plain == unicode, pattern


def test_a_platform_scoped_charset_is_no_pattern() -> None:
    """personality.path: the Windows bullet's "contains only letters and digits" would reject
    the Linux example /etc/foo.txt of the bullet before it."""
    found = page_lines(
        "huawei/creating_an_as_configuration.rst",
        "Specifies the path of the injected file.",
        "- For Linux OSs, specify the path, for example, /etc/foo.txt, for storing the injected"
        " file.",
        "- For Windows, the injected file is automatically stored in the root directory of drive"
        " C. You only need to specify the file name, for example, foo. The file name contains"
        " only letters and digits.",
    )
    assert find(found) is None


def test_an_unscoped_charset_after_a_scoped_bullet_still_counts() -> None:
    found: Lines = [
        (1, "- For Windows, the name is case-insensitive."),
        (2, ""),
        (3, "The name contains only letters and digits."),
    ]
    assert regex(found) == "^[A-Za-z0-9]*$"
