"""Markdown reference pages from the real specs: every operation, its parameters with their
constraints and sources, rules, quotas, rate limits, errors; well-formed tables."""

from __future__ import annotations

import re
from typing import Any

import pytest
from markdown_it import MarkdownIt

from generator import model
from generator.render import docs

from .conftest import render_context


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def pages(spec_operations: list[model.Operation]) -> dict[str, str]:
    rendered = docs.render(spec_operations, render_context())
    return {
        path.split("/")[-1].removesuffix(".md"): text.decode() for path, text in rendered.items()
    }


def section(page: str, name: str) -> str:
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", page, re.S | re.M)
    assert match, f"no section {name}"
    return match.group(1)


def table_rows(text: str, first_header: str) -> list[list[str]]:
    """The rows (cell texts) of the table whose first column header is `first_header`."""
    tokens = parser().parse(text)
    tables: list[list[list[str]]] = []
    rows: list[list[str]] = []
    cells: list[str] = []
    in_cell = False
    for tok in tokens:
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            cells = []
        elif tok.type in ("td_open", "th_open"):
            in_cell = True
        elif tok.type in ("td_close", "th_close"):
            in_cell = False
        elif tok.type == "inline" and in_cell:
            cells.append(tok.content)
        elif tok.type == "tr_close":
            rows.append(cells)
        elif tok.type == "table_close":
            tables.append(rows)
    for table in tables:
        if table and table[0] and table[0][0] == first_header:
            return table[1:]
    raise AssertionError(f"no table headed {first_header!r}")


def test_one_page_per_provider_deterministic(
    spec_operations: list[model.Operation], pages: dict[str, str]
) -> None:
    assert sorted(pages) == sorted({op.provider for op in spec_operations})
    again = docs.render(list(reversed(spec_operations)), render_context())
    assert {k: v.decode() for k, v in again.items()} == {
        f"docs/{k}.md": v for k, v in pages.items()
    }
    for page in pages.values():
        assert page.endswith("\n") and not page.endswith("\n\n") and "/work/" not in page


def test_every_operation_and_parameter(
    spec_operations: list[model.Operation], pages: dict[str, str]
) -> None:
    for op in spec_operations:
        text = section(pages[op.provider], op.name)
        if op.action:
            assert f"`Action={op.action}`" in text or f"`X-TC-Action={op.action}`" in text
        else:
            assert f"`{op.method} {op.path}`" in text
        assert f"Success: HTTP {op.success_status}" in text
        if not op.parameters:
            continue
        rows = table_rows(text, "Name")
        walked = model.walk_parameters(op.parameters)
        assert [r[0].strip("`") for r in rows] == [path for path, _ in walked]
        for row, (_, param) in zip(rows, walked, strict=True):
            assert len(row) == 8  # nothing in the text split a cell
            assert row[3] in ("yes", "no", "on create")
            where = (
                f"line {param.source.line}"
                if param.source.file == op.source.file
                else f"{param.source.file}:{param.source.line}"
            )
            assert row[7].startswith(where)


def test_seed_facts_are_on_the_pages(pages: dict[str, str]) -> None:
    huawei = section(pages["huawei"], "CreateLifyCycleHook")
    rows = {r[0].strip("`"): r for r in table_rows(huawei, "Name")}
    assert (
        "range: 60 to 86400 seconds" in rows["default_timeout"][4]
        and rows["default_timeout"][5] == "`3600`"
    )
    assert "length: at most 32 characters" in rows["lifecycle_hook_name"][4]
    assert "`^[A-Za-z0-9_-]*$`" in rows["lifecycle_hook_name"][4]
    assert "length: at most 256 characters" in rows["notification_metadata"][4]
    assert "At most 5 lifecycle" in huawei
    assert len(table_rows(huawei, "Status")) == 14

    alibaba = section(pages["alibaba"], "CreateLifecycleHook")
    rows = {r[0].strip("`"): r for r in table_rows(alibaba, "Name")}
    assert (
        "range: 30 to 21600" in rows["HeartbeatTimeout"][4]
        and rows["HeartbeatTimeout"][5] == "`600`"
    )
    assert "length: 2 to 64" in rows["LifecycleHookName"][4]
    assert re.search(r"When given, `NotificationMetadata` requires `NotificationArn`", alibaba)
    errors = table_rows(alibaba, "Code")
    assert len(errors) == 7 and {e[1] for e in errors} == {"400"}

    tencent = section(pages["tencent"], "CreateLifecycleHook")
    rows = {r[0].strip("`"): r for r in table_rows(tencent, "Name")}
    assert (
        "range: 30 to 7200" in rows["HeartbeatTimeout"][4]
        and rows["HeartbeatTimeout"][5] == "`300`"
    )
    assert (
        "`NORMAL`" in rows["LifecycleTransitionType"][4]
        and "`EXTENSION`" in rows["LifecycleTransitionType"][4]
    )
    assert tencent.count("- At most one of ") == 2
    assert "At most 20 requests per 1 s" in tencent
    assert len(table_rows(tencent, "Code")) == 21

    aws = section(pages["aws"], "PutLifecycleHook")
    rows = {r[0].strip("`"): r for r in table_rows(aws, "Name")}
    assert (
        "range: 30 to 7200" in rows["HeartbeatTimeout"][4]
        and rows["HeartbeatTimeout"][5] == "`3600`"
    )
    assert "`autoscaling:EC2_INSTANCE_LAUNCHING`" in rows["LifecycleTransition"][4]
    assert rows["LifecycleTransition"][3] == "on create"
    assert {e[0] for e in table_rows(aws, "Code")} >= {"`LimitExceeded`", "`ResourceContention`"}
    assert "At most 50 lifecycle" in aws
    describe = section(pages["aws"], "DescribeLifecycleHooks")
    assert "`LifecycleHookNames.member.N`" in describe


def test_pages_hold_no_html_from_the_text(pages: dict[str, str]) -> None:
    for page in pages.values():
        for tok in parser().parse(page):
            if tok.type == "html_block":
                assert tok.content.startswith("<!-- Generated by specgen")
            for child in tok.children or []:
                if child.type == "html_inline":
                    assert child.content == "<br>"


def _inline_text(tokens: Any) -> str:
    return "".join(
        c.content
        for t in tokens
        if t.type == "inline"
        for c in t.children or []
        if c.type == "text"
    )


def test_examples_are_verbatim(
    spec_operations: list[model.Operation], pages: dict[str, str]
) -> None:
    for op in spec_operations:
        fences = [
            t.content
            for t in parser().parse(section(pages[op.provider], op.name))
            if t.type == "fence"
        ]
        assert fences == [e.body + "\n" for e in op.examples]
