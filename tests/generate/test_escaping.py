"""Doc text is untrusted: whatever a page holds must come out of every target as inert text.

The seed operations (one per protocol) are filled with quotes, backslashes, template syntax,
HTML, a line of Python, YAML and Markdown specials; the OpenAPI must parse back to exactly
the same strings (under YAML 1.1 and 1.2 readers), the JSON Schemas must round-trip, and the
Markdown must hold none of it as markup or HTML.
"""

from __future__ import annotations

import copy
import html
import json
import re
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from generator import model, protocols
from generator.model import Enum, EnumValue, ErrorCode, Example, Rule, Source
from generator.render import docs, jsonschema_target, openapi

from .conftest import render_context, seed_list

LINES = [
    "Triple \"\"\"double\"\"\" and '''single''' quotes, a \"quote\" and an 'apostrophe'",
    "back\\slash \\n \\x00 and a trailing backslash\\",
    "Jinja {{ config }} and {% if true %}block{% endif %} and {# comment #}",
    "</script><script>alert(1)</script> <b>bold</b> <!-- comment --> &amp; &lt;",
    'import os; os.system("x")',
    "key: value # not a comment",
    "- a leading dash",
    "&anchor *alias !tag ? question % percent @ at ` backtick",
    "| a | table | row |",
    "**strong** _em_ [link](http://x.invalid) ![img](x.png) <http://x.invalid>",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "---",
    "    not code",
    "~~~",
]
TEXT = "\n".join(LINES) + "\n\nSecond paragraph: ```fence``` {{ x }}"
ENUM = ["yes", "0o17", "a: b", "- x", "*x", "&y", "{{ z }}", "null", "1e3", "</script>"]
JSON_BODY = json.dumps({"text": TEXT, "nested": {"'''": '"""'}}, indent=4)


def poison(op: model.Operation) -> model.Operation:
    op = copy.deepcopy(op)
    where = Source(op.source.file, 5, "stated", quote=LINES[3])
    op.summary = LINES[0]
    op.title = LINES[2]
    op.description = TEXT
    for _, param in model.walk_parameters(op.parameters) + model.walk_parameters(op.response):
        param.description = TEXT
        param.doc_type = LINES[8]
        if param.pattern is not None:
            param.pattern.description = LINES[1]
        if param.enum is not None:
            param.enum.values = [
                EnumValue(v.value, LINES[i % len(LINES)]) for i, v in enumerate(param.enum.values)
            ]
    # a string parameter whose enum values are YAML and template specials, with an example
    target = next(p for p in op.parameters if p.type == "string" and p.location != "path")
    target.enum = Enum(where, [EnumValue(v, LINES[i]) for i, v in enumerate(ENUM)])
    target.pattern = None
    target.length = None
    target.example = "</script>"
    op.rules.append(
        Rule("requires", where, parameters=[target.name], requires=[target.name], description=TEXT)
    )
    for quota in op.quotas:
        quota.description = TEXT
    op.errors.append(
        ErrorCode("Evil.Code", where, op.errors[0].status if op.errors else None, LINES[3], TEXT)
    )
    op.examples = [
        Example("request", "json", JSON_BODY, where, LINES[5]),
        Example("response", "text", TEXT, where, LINES[9]),
        Example("error", "xml", "<Error><Message>" + LINES[4] + "</Message></Error>", where),
    ]
    op.notes = [TEXT]
    return op


@pytest.fixture(scope="module")
def evil() -> list[model.Operation]:
    return [poison(op) for op in seed_list()]


def yaml12(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def test_openapi_parses_back_to_the_same_text(evil: list[model.Operation]) -> None:
    rendered = openapi.render(evil, render_context())
    for path, raw in rendered.items():
        text = raw.decode()
        for doc in (yaml.safe_load(text), yaml12(text)):
            validate(doc)
            for op in (o for o in evil if path == f"openapi/{o.provider}.yaml"):
                node = doc["paths"][protocols.for_operation(op).openapi_path(op)][op.method.lower()]
                assert node["summary"] == LINES[0]
                assert node["description"] == TEXT
                strings = list(_strings(node))
                assert strings.count(TEXT) >= len(model.walk_parameters(op.parameters))
                enum_lists = [s for s in _find(node, "enum") if s == ENUM]
                assert enum_lists, "the special enum values came back changed"
                assert any(
                    d == dict(zip(ENUM, LINES, strict=False))
                    for d in _find(node, "x-enum-descriptions")
                )
                assert [e["body"] for e in node["x-specgen-examples"]] == [
                    e.body for e in op.examples
                ]
                assert [e["title"] for e in node["x-specgen-examples"] if "title" in e] == [
                    LINES[5],
                    LINES[9],
                ]
                evil_error = next(e for e in node["x-specgen-errors"] if e["code"] == "Evil.Code")
                assert (evil_error["message"], evil_error["meaning"]) == (LINES[3], TEXT)
                assert node["x-specgen-notes"] == [TEXT]
                assert any(r.get("description") == TEXT for r in node["x-specgen-rules"])


def test_json_schema_round_trips(evil: list[model.Operation]) -> None:
    rendered = jsonschema_target.render(evil, render_context())
    for op in evil:
        text = rendered[f"jsonschema/{op.provider}/{op.name}.json"].decode()
        data = json.loads(text)
        assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        for name, prop in data["properties"].items():
            assert prop["description"] == TEXT, name
        assert any(s == ENUM for s in _find(data, "enum"))
        assert data["description"] == LINES[0]


def test_markdown_holds_no_markup_from_the_text(evil: list[model.Operation]) -> None:
    rendered = docs.render(evil, render_context())
    md = MarkdownIt("commonmark").enable("table")
    for op in evil:
        page = rendered[f"docs/{op.provider}.md"].decode()
        tokens = md.parse(page)
        for tok in tokens:
            if tok.type == "html_block":
                assert tok.content.startswith("<!-- Generated by specgen")
            assert tok.type not in ("blockquote_open", "ordered_list_open", "code_block", "hr")
            if tok.type == "heading_open":
                assert tok.tag in ("h1", "h2", "h3")
            if tok.type == "fence":
                assert tok.content in {e.body + "\n" for e in op.examples}
            for child in tok.children or []:
                if child.type == "link_open":  # only the template's table of contents
                    assert child.attrs["href"] in {"#" + o.name.lower() for o in evil}
                    continue
                assert child.type not in ("em_open", "strong_open", "image", "s_open")
                if child.type == "html_inline":
                    assert child.content == "<br>"
        headings = [t for t in tokens if t.type == "heading_open"]
        assert sum(1 for h in headings if h.tag == "h1") == 1
        # bullet lists come only from the template's own lists (rules, quotas, errors, notes)
        html_text = md.render(page)
        assert (
            "<script>" not in html_text
            and "<b>" not in html_text
            and "<!-- comment" not in html_text
        )
        assert "&lt;/script&gt;&lt;script&gt;" in html_text
        # every table row keeps its columns: no pipe in the text split a cell
        for table in _tables(tokens):
            widths = {len(row) for row in table}
            assert len(widths) == 1, widths
        # and the words themselves are all there, as text
        shown = html.unescape(re.sub(r"<[^>]+>", "", html_text))
        for line in LINES:
            assert line.strip() in shown, line


def _strings(value: Any) -> Any:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _find(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                yield v
            yield from _find(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from _find(v, key)


def _tables(tokens: Any) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    for tok in tokens:
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            tables[-1].append([])
        elif tok.type in ("td_open", "th_open"):
            tables[-1][-1].append("")
    return tables
