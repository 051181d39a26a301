"""One page read into one model.Operation: the parts the other modules read, put together
with their provenance, in the order that keeps notes and parameter text stable."""

from __future__ import annotations

import re

from docutils import nodes

from ... import model
from ...errors import fail
from .. import Lines, Page, ReadOutput, ReadResult
from .error_codes import error_codes
from .examples import code_block_examples, set_example_values
from .line_numbers import LIST_MARKER, node_line, paragraph_line
from .links import links
from .naming import operation_name
from .object_fields import attach_fields, to_parameters
from .parameter_tables import parameter_tables
from .parse import parse
from .plain_text import Block, block_lines, block_text
from .returned_values import returned_values
from .sections import read_sections
from .uri import uri_line, uri_parameters

FAMILY = "huawei-rst"
PROVIDER = "huawei"
PROTOCOL = "huawei-rest"
# The path prefix of a service's API names the service; the briefing's name for AS is "as".
_SERVICES = {"autoscaling-api": "as"}
_API_VERSION = re.compile(r"^v\d+(?:\.\d+)?$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(\"']|\s*$)", re.S)
# a request sends its parameters in the body for these methods, in the query for the others
_BODY_METHODS = ("POST", "PUT", "PATCH")


def read(page: Page) -> ReadOutput:
    document, notes = parse(page)
    title, title_line, found = read_sections(page, document)
    notes.extend(found.notes)
    line, method, path = uri_line(page, found, title_line, notes)
    segments = [s for s in path.split("/") if s]

    provenance: dict[str, model.Source] = {
        "name": model.Source(page.path, title_line, "inferred", quote=title),
    }
    name = _name(page, title, title_line, notes)
    version = next((s for s in segments if _API_VERSION.match(s)), None)
    if version is not None:
        provenance["api_version"] = model.Source(page.path, line)
    else:
        version = "v1"
        provenance["api_version"] = model.Source(page.path, line, "inferred")
        notes.append(f"line {line}: the path names no API version; v1 assumed")
    service = _SERVICES.get(segments[0], segments[0].removesuffix("-api")) if segments else ""
    provenance["method"] = model.Source(page.path, line)
    provenance["path"] = model.Source(page.path, line)

    original = _original_name(page, document)
    if original is not None:
        notes.append(f"line {original[1]}: original_name {original[0]}")

    # Parameters: URI table(s) first, then the request tables.
    parameter_text: dict[str, Lines] = {}
    params = uri_parameters(page, found.uri_tables, path, line, parameter_text, notes)
    request_location: model.Location = "body" if method in _BODY_METHODS else "query"
    request_tables = parameter_tables(page, found.request_tables, request_location, notes)
    params.extend(to_parameters(attach_fields(request_tables, notes), parameter_text))
    if found.request_none and request_tables:
        notes.append("the Request section says None but also holds parameter tables")
    response_tables = parameter_tables(page, found.response_tables, "body", notes)
    response = to_parameters(attach_fields(response_tables, notes), {})

    examples: list[model.Example] = []
    for example_kind, block, example_title in found.examples:
        examples.extend(code_block_examples(page, example_kind, block, example_title))
    set_example_values(params, examples, "request", path)
    set_example_values(response, examples, "response", path)

    success, statuses = returned_values(page, found.status_sections, notes)
    if success is not None:
        provenance["success_status"] = model.Source(page.path, success[1])
    else:
        notes.append("no Returned Values section with a Normal status; 200 assumed")

    summary = _summary(found.function_blocks)
    if summary is not None:
        provenance["summary"] = model.Source(page.path, summary[1])

    operation = model.Operation(
        provider=PROVIDER,
        service=service,
        api_version=version,
        protocol=PROTOCOL,
        name=name,
        family=FAMILY,
        source=model.Source(page.path, 1),
        method=method,
        path=path,
        title=title,
        summary=summary[0] if summary is not None else "",
        description=block_text(found.function_blocks),
        success_status=success[0] if success is not None else 200,
        parameters=params,
        response=response,
        errors=error_codes(page, found.error_tables, notes),
        statuses=statuses,
        examples=examples,
        links=links(page, document),
        notes=notes,
        provenance=provenance,
    )
    result = ReadResult(
        operation=operation,
        parameter_text=parameter_text,
        operation_text=block_lines(found.function_blocks + found.other_blocks),
    )
    return ReadOutput(results=[result])


def _name(page: Page, title: str, title_line: int, notes: list[str]) -> str:
    """The operation name from the title; a title with no known verb is noted."""
    name, known_verb = operation_name(title)
    if not name:
        raise fail(page.path, title_line, f"cannot derive an operation name from {title!r}")
    if not known_verb:
        notes.append(
            f"line {title_line}: the title names no known action; the operation name"
            f" {name} is the title in PascalCase"
        )
    return name


def _summary(function_blocks: list[Block]) -> tuple[str, int] | None:
    """The first sentence of the Function section, and its line."""
    first = next((block[0] for block in function_blocks if block), None)
    if first is None:
        return None
    text = LIST_MARKER.sub("", first.text).strip()
    match = _FIRST_SENTENCE.match(text)
    return " ".join((match.group(1) if match else text).split()), first.parts[0][0]


def _original_name(page: Page, document: nodes.document) -> tuple[str, int] | None:
    """The `:original_name:` field (the page's id in the published docs), and its line."""
    for field_node in document.findall(nodes.field):
        name = field_node.next_node(nodes.field_name)
        body = field_node.next_node(nodes.field_body)
        if name is not None and name.astext().strip() == "original_name" and body is not None:
            para = body.next_node(nodes.paragraph)
            line = paragraph_line(page, para) if para is not None else node_line(field_node) or 1
            return body.astext().strip(), line
    return None
