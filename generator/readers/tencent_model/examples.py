"""examples.json entries -> model.Example: the HTTP request (and its JSON body), the JSON
answer (an error where it holds `Response.Error`); the first request's method line and Host
header give the method, path and endpoint (inferred)."""

from __future__ import annotations

import json
import re
from typing import Any

from ... import model
from ..tencent_common import is_error_body, response_body
from .companions import ExamplesFile


def examples(
    found: ExamplesFile | None, op: str, provenance: dict[str, model.Source]
) -> tuple[list[model.Example], str | None]:
    if found is None:
        return [], None
    entries = found.data.get(op)
    if not isinstance(entries, list):
        return [], None
    out: list[model.Example] = []
    endpoint: str | None = None
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        raw_title = entry.get("title")
        title = str(raw_title).replace("`", "").strip() or None if raw_title else None
        request = entry.get("input")
        if isinstance(request, str) and request.strip():
            line = found.positions.line(("actions", op, index, "input")) or 1
            source = model.Source(found.path, line)
            head, _, body = request.partition("\n\n")
            first = head.split("\n")[0]
            is_http = bool(re.match(r"^[A-Z]+ \S+ HTTP/", first))
            out.append(
                model.Example("request", "http" if is_http else "text", request, source, title)
            )
            if is_http and body.strip():
                out.append(model.Example("request", "json", body.strip("\n"), source, title))
            host = re.search(r"^Host:\s*(\S+)\s*$", head, re.MULTILINE)
            if is_http and "method" not in provenance:
                inferred = model.Source(found.path, line, "inferred", first)
                provenance["method"] = provenance["path"] = inferred
            if host and endpoint is None:
                endpoint = host.group(1)
                provenance["endpoint"] = model.Source(found.path, line, "inferred", host.group(0))
        response = entry.get("output")
        if isinstance(response, str) and response.strip():
            line = found.positions.line(("actions", op, index, "output")) or 1
            kind: Any = "response"
            try:
                parsed = json.loads(response)
                body_fmt: Any = "json"
                inner = response_body(parsed)
                if inner is not None and is_error_body(inner):
                    kind = "error"
            except json.JSONDecodeError:
                body_fmt = "text"
            out.append(
                model.Example(kind, body_fmt, response, model.Source(found.path, line), title)
            )
    return out, endpoint
