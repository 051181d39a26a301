"""A Tencent API page -> one model.Operation: identity from the Action and Version common
params (the title where no Action row is), the endpoint from the request domain line, method
and path from the example request; parameters, responses, examples and errors from the other
modules, in page order so that the notes read in page order too."""

from __future__ import annotations

from ... import model
from ...errors import fail
from .. import Page, ReadOutput, ReadResult
from ..tencent_common import Prose, first_paragraph
from . import document, example_fields
from .document import Document
from .errors import errors
from .examples import HTTP_START, Examples, example_values, examples
from .parameters import request
from .prose import DOMAIN, operation_prose
from .responses import response

FAMILY = "tencent-text"


def _read(doc: Document) -> ReadResult:
    path = doc.page.path
    sections = document.sections(doc)
    if "input" not in sections:
        raise fail(
            path,
            max(len(doc.lines), 1),
            "no '2. Input Parameters' section: not a complete Tencent Cloud API page (truncated?)",
        )
    title = document.title(doc)

    description = (
        document.description_lines(doc, sections["description"])
        if "description" in sections
        else []
    )
    prose = operation_prose(description) if description else Prose()
    endpoint: tuple[str, int] | None = None
    for item in description:
        domain = DOMAIN.match(item.text) if item.kind == "text" else None
        if domain:
            endpoint = domain.group(1), item.line

    input_rows, stray = document.rows(doc, sections["input"], output=False)
    if not input_rows:
        raise fail(
            path, sections["input"][0] + 1, "the Input Parameters section has no parameter rows"
        )
    for line in stray:
        doc.notes.append(f"line {line}: text before the first parameter row, not read")

    provenance: dict[str, model.Source] = {}
    req = request(doc, input_rows)
    if req.version is None:
        raise fail(
            path, sections["input"][0] + 1, "no Version row (Common Params) in Input Parameters"
        )
    provenance["api_version"] = doc.src(req.version[1])
    action = req.action[0] if req.action else None
    if req.action is not None:
        provenance["action"] = provenance["name"] = doc.src(req.action[1])
        name = req.action[0]
        if title and title[0] != name:
            doc.notes.append(
                f"line {title[1]}: title {title[0]!r} differs from the Action {name!r}"
            )
    elif title is None:
        raise fail(
            path, sections["input"][0] + 1, "no Action row and no title to name the operation"
        )
    else:
        name = title[0]
        provenance["name"] = doc.src(title[1], "inferred", title[0])
        doc.notes.append(f"line {title[1]}: no Action row; the name is the page title")

    params = req.parameters
    fields = response(doc, sections.get("output"))

    found = Examples()
    if "examples" in sections:
        found = examples(doc, document.example_blocks(doc, sections["examples"]), action)
        example_values(params, found.requests, response=False)
        example_fields.infer(doc, params, found.requests, response=False)
        example_values(fields, found.responses, response=True)
        example_fields.infer(doc, fields, found.responses, response=True)
        first = next((e for e in found.examples if e.format == "http"), None)
        start = HTTP_START.match(first.body.split("\n")[0]) if first else None
        if first and start:
            provenance["method"] = doc.src(first.source.line, "inferred", start.group(0))
            provenance["path"] = provenance["method"]
    example_fields.unexpanded(doc, params + fields)

    error_codes = errors(doc, sections.get("errors"))

    visible = prose.lines()
    summary = first_paragraph(visible)
    if summary:
        provenance["summary"] = doc.src(summary[0])
    if endpoint:
        provenance["endpoint"] = doc.src(endpoint[1])

    operation = model.Operation(
        provider="tencent",
        service="as",
        api_version=req.version[0],
        protocol="tencent-json",
        name=name,
        family=FAMILY,
        source=doc.src(1),
        method="POST",
        path="/",
        action=name,
        title=title[0] if title else None,
        summary=summary[1] if summary else "",
        description=prose.description(),
        endpoint=endpoint[0] if endpoint else None,
        parameters=params,
        response=fields,
        errors=error_codes,
        examples=found.examples,
        notes=doc.notes,
        provenance=dict(sorted(provenance.items())),
    )
    # nested fields are inferred from examples and have no prose of their own
    return ReadResult(operation=operation, parameter_text=req.texts, operation_text=visible)


def read(page: Page) -> ReadOutput:
    return ReadOutput(results=[_read(Document(page))])
