"""One action of the model -> model.Operation: identity from the action and the model's
metadata, parameters and responses from its input and output objects, examples and errors
from the companions."""

from __future__ import annotations

from typing import Any

from ... import model
from ...errors import fail
from .. import Lines, Page, ReadOutput, ReadResult
from ..tencent_common import first_paragraph
from . import document, parameters
from .companions import Companions, find
from .document import Document
from .errors import errors
from .examples import examples
from .prose import document_prose
from .responses import response

FAMILY = "tencent-model"
IS_MODEL = True  # a doc page of the same operation wins over the model (see extract.py)


def _operation(doc: Document, found: Companions, name: str, action: Any) -> ReadResult:
    action_line = doc.line(("actions", name))
    if not isinstance(action, dict):
        raise fail(doc.page.path, action_line, f"action {name}: not an object")
    notes: list[str] = []
    parameter_text: dict[str, Lines] = {}
    params = parameters.request(doc, action, name, action_line, notes, parameter_text)
    fields = response(doc, action, name, action_line, notes)

    text = action.get("document") or ""
    prose = document_prose(str(text), doc.line(("actions", name, "document"), action_line))
    lines = prose.lines()
    summary = first_paragraph(lines)

    metadata_value = doc.data.get("metadata")
    metadata: dict[str, Any] = metadata_value if isinstance(metadata_value, dict) else {}
    version = str(metadata.get("apiVersion") or "")
    if not version:
        raise fail(doc.page.path, 1, "no metadata.apiVersion in the model")
    provenance: dict[str, model.Source] = {
        "name": doc.src(action_line),
        "action": doc.src(action_line),
        "api_version": doc.src(doc.line(("metadata", "apiVersion"))),
    }
    if summary:
        provenance["summary"] = doc.src(summary[0])
    status = action.get("status")
    if status not in (None, "online"):
        notes.append(f"action status in the model: {status}")

    shown, endpoint = examples(found.examples, name, provenance)
    operation = model.Operation(
        provider="tencent",
        service=str(metadata.get("serviceShortName") or "as"),
        api_version=version,
        protocol="tencent-json",
        name=name,
        family=FAMILY,
        source=doc.src(action_line),
        method="POST",
        path="/",
        action=name,
        title=str(action["name"]) if action.get("name") else None,
        summary=summary[1] if summary else "",
        description=prose.description(),
        endpoint=endpoint,
        parameters=params,
        response=fields,
        errors=errors(found, name, notes),
        examples=shown,
        notes=notes,
        provenance=dict(sorted(provenance.items())),
    )
    return ReadResult(operation=operation, parameter_text=parameter_text, operation_text=lines)


def read(page: Page) -> ReadOutput:
    doc = document.parse(page)
    found = find(page)
    results = [_operation(doc, found, name, action) for name, action in doc.data["actions"].items()]
    return ReadOutput(results=results, consumed=sorted(found.consumed))
