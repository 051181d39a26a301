"""The 示例 section -> Examples. The code blocks carry no kind of their own: the prose or
sub-heading before each says it (请求示例 / 正常返回示例 / 异常返回示例, XML格式 / JSON格式)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from ... import model
from .document import Block, Fence, Heading, Prose
from .plain_text import join_words

ExampleKind = Literal["request", "response", "error"]
ExampleFormat = Literal["json", "xml", "query", "http", "text"]


def _example_format(label: str, body: str) -> ExampleFormat:
    """What the body is; the label's JSON/XML only decides when the body agrees."""
    head = body.lstrip()
    if re.match(r"^https?://", head) or re.match(r"^[/?][^\n]*Action=", head):
        return "query"
    if re.match(r"^(GET|POST|PUT|DELETE|PATCH) \S+ HTTP/", head):
        return "http"
    if "JSON" in label.upper() and head.startswith(("{", "[")):
        return "json"
    if "XML" in label.upper() and head.startswith("<"):
        return "xml"
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<"):
        return "xml"
    return "text"


def read_examples(blocks: Sequence[Block], path: str) -> list[model.Example]:
    out: list[model.Example] = []
    kind: ExampleKind | None = None
    kind_label = ""
    format_label = ""
    for block in blocks:
        label = ""
        if isinstance(block, Prose):
            label = join_words(text for _, text in block.lines)
        elif isinstance(block, Heading):
            label = block.text
        if label:
            if "请求" in label:
                kind, kind_label, format_label = "request", label, ""
            elif any(word in label for word in ("异常", "错误", "失败")):
                kind, kind_label, format_label = "error", label, ""
            elif "返回" in label or "响应" in label:
                kind, kind_label, format_label = "response", label, ""
            elif "格式" in label or label.upper() in ("XML", "JSON"):
                format_label = label
            continue
        if not isinstance(block, Fence) or not block.body.strip():
            continue
        fmt = _example_format(format_label, block.body)
        # unlabelled code: a URL is the request, anything else the response
        this_kind = kind or ("request" if fmt == "query" else "response")
        title = " / ".join(part for part in (kind_label, format_label) if part) or None
        out.append(
            model.Example(
                kind=this_kind,
                format=fmt,
                body=block.body,
                source=model.Source(path, block.line),
                title=title,
            )
        )
    return out


_QUERY_PAIR = re.compile(r"(?:^|[?&])([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)=([^&\s]*)")


def example_query_pairs(example: model.Example) -> list[tuple[str, str, int]]:
    """(name, value, page line) of each parameter a query request example sends."""
    out: list[tuple[str, str, int]] = []
    for offset, text in enumerate(example.body.split("\n")):
        for name, value in _QUERY_PAIR.findall(text.strip()):
            out.append((name, value, example.source.line + offset))
    return out
